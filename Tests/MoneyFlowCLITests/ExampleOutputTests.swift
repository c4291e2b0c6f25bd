import Foundation
import Testing

/// The outputs shown for the example graphs, pinned as golden files in
/// Graphs/expected/. Re-record with RECORD_SNAPSHOTS=1 (the test then fails,
/// so a recording run never passes by accident).
@Suite struct ExampleOutputTests {
  static let cases: [(name: String, arguments: [String])] = [
    ("ai-alliances.cycles.txt", ["cycles", "Graphs/ai-alliances.json"]),
    ("ai-alliances.cycles.json", ["cycles", "Graphs/ai-alliances.json", "--format", "json"]),
    ("ai-alliances.temporal.txt", ["cycles", "Graphs/ai-alliances.json", "--temporal"]),
    ("ai-alliances.circulation.txt", ["circulation", "Graphs/ai-alliances.json"]),
    ("ai-alliances.stats.txt", ["stats", "Graphs/ai-alliances.json"]),
    ("ai-deals.cycles.txt", ["cycles", "Graphs/ai-deals.json"]),
    ("ai-deals.cycles.json", ["cycles", "Graphs/ai-deals.json", "--format", "json"]),
    ("ai-deals.temporal.txt", ["cycles", "Graphs/ai-deals.json", "--temporal"]),
    ("ai-deals.temporal-30.json", ["cycles", "Graphs/ai-deals.json", "--temporal", "--window", "30", "--format", "json"]),
    ("ai-deals.circulation.json", ["circulation", "Graphs/ai-deals.json", "--format", "json"]),
    ("ai-deals.scc.json", ["scc", "Graphs/ai-deals.json", "--format", "json"]),
    ("ai-alliances.dot", ["dot", "Graphs/ai-alliances.json", "--highlight-cycles"]),
    ("ai-deals.dot", ["dot", "Graphs/ai-deals.json", "--highlight-cycles"]),
  ]

  @Test(arguments: cases.map(\.name))
  func matchesGoldenFile(name: String) throws {
    let arguments = try #require(Self.cases.first { $0.name == name }).arguments
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    // The diagrams live beside the graphs; the other outputs in Graphs/expected.
    let folder = name.hasSuffix(".dot") ? "Graphs" : "Graphs/expected"
    let url = CLI.root.appendingPathComponent(folder).appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try result.stdout.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded \(folder)/\(name); run again without RECORD_SNAPSHOTS")
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(result.stdout == expected, "\(folder)/\(name) differs from `moneyflow \(arguments.joined(separator: " "))`")
  }

  @Test func outputIsTheSameForAnyThreadCount() throws {
    let one = try CLI.run(["cycles", "Graphs/ai-deals.json", "--format", "json", "--threads", "1"])
    let two = try CLI.run(["cycles", "Graphs/ai-deals.json", "--format", "json", "--threads", "2"])
    #expect(one.status == 0 && one.stdout == two.stdout)
  }

  @Test func cyclesJSONContract() throws {
    let result = try CLI.run(["cycles", "Graphs/ai-deals.json", "--format", "json", "--limit", "2"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["count"] as? Int == 11 && object["truncated"] as? Bool == false)
    let cycles = try #require(object["cycles"] as? [[String: Any]])
    #expect(cycles.count == 2)
    #expect(cycles[0]["companies"] as? [String] == ["amazon", "openai"] && cycles[0]["length"] as? Int == 2)
    #expect(cycles[0]["bottleneck"] as? Double == 50e9 && cycles[0]["currency"] as? String == "USD")
    #expect(cycles[1]["companies"] as? [String] == ["nvidia", "openai", "oracle"])
    let stopped = try CLI.run(["cycles", "Graphs/ai-deals.json", "--format", "json", "--stop-after", "3"])
    let stoppedObject = try #require(try JSONSerialization.jsonObject(with: Data(stopped.stdout.utf8)) as? [String: Any])
    #expect(stoppedObject["count"] as? Int == 3 && stoppedObject["truncated"] as? Bool == true)
    let temporal = try CLI.run(["cycles", "Graphs/ai-deals.json", "--temporal", "--format", "json", "--limit", "1"])
    let temporalObject = try #require(try JSONSerialization.jsonObject(with: Data(temporal.stdout.utf8)) as? [String: Any])
    let chain = try #require((temporalObject["cycles"] as? [[String: Any]])?.first)
    #expect(temporalObject["count"] as? Int == 38 && chain["span_days"] as? Int != nil)
  }

  @Test func renderingWithoutGraphvizSaysHowToInstallIt() throws {
    let directory = try CLI.temporaryDirectory()
    let result = try CLI.run(["dot", CLI.root.appendingPathComponent("Graphs/ai-alliances.json").path, "-o", "out.svg"], in: directory, environment: ["PATH": "/nonexistent"])
    #expect(result.status == 1 && result.stderr.contains("apt-get install graphviz"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.svg").path))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/dot"), "Graphviz's dot is not installed: apt-get install graphviz"))
  func rendersSVGWithGraphviz() throws {
    let directory = try CLI.temporaryDirectory()
    let result = try CLI.run(["dot", CLI.root.appendingPathComponent("Graphs/ai-deals.json").path, "--only-cyclic", "--max-length", "3", "-o", "loops.svg"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOf: directory.appendingPathComponent("loops.svg"), encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("NVIDIA") && svg.contains("Oracle") && !svg.contains("SoftBank"))
  }
}
