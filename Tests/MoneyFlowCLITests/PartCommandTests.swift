import Foundation
import Testing

/// `cycles --part P/Q --format partial` on part files of a graph split by
/// component, merged by company id; and the Spark driver's `--split components`.
@Suite struct PartCommandTests {
  /// A generated graph with six cyclic components and acyclic flows between them.
  static let generate = [
    "generate", "--family", "planted", "--nodes", "60", "--edges", "150", "--cycles", "6", "--cycle-length", "4",
    "--seed", "3",
  ]

  /// Writes the graph and its rows split into `parts` part files by cyclic
  /// component (rows outside every cyclic component left out); returns the
  /// graph's path and the parts' paths.
  func split(into parts: Int, in scratch: URL) throws -> (URL, [URL]) {
    let graph = scratch.appendingPathComponent("flows.csv")
    #expect(try CLI.run(Self.generate + ["-o", graph.path]).status == 0)
    let scc = try CLI.run(["scc", graph.path, "--kinds", "all", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(scc.stdout.utf8)) as? [String: Any])
    let components = try #require(object["components"] as? [[String]])
    #expect(components.count == 6)
    var componentOf: [String: Int] = [:]
    for (c, members) in components.enumerated() { for id in members { componentOf[id] = c } }
    let lines = try String(contentsOf: graph, encoding: .utf8).split(separator: "\n").map(String.init)
    var texts = [String](repeating: lines[0] + "\n", count: parts)
    for line in lines.dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard let c = componentOf[fields[0]], componentOf[fields[1]] == c else { continue }
      texts[c % parts] += line + "\n"
    }
    let files = try texts.enumerated().map { p, text in
      let file = scratch.appendingPathComponent("part\(p + 1).csv")
      try text.write(to: file, atomically: true, encoding: .utf8)
      return file
    }
    return (graph, files)
  }

  @Test(arguments: [
    [String](), ["--max-length", "3", "--format", "json"], ["--temporal", "--limit", "2"], ["--count-only"],
  ])
  func partsMergeByIDIntoOneRun(options: [String]) throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let (graph, parts) = try split(into: 2, in: scratch)
    let single = try CLI.run(["cycles", graph.path] + options)
    #expect(single.status == 0 && !single.stdout.isEmpty)
    let search = options.filter { $0 != "--format" && $0 != "json" }
    var partials = ""
    for (p, part) in parts.enumerated() {
      // Part 2 in two shards, as a large component would be.
      for shard in p == 0 ? ["1/1"] : ["2/2", "1/2"] {
        let answer = try CLI.run(
          ["cycles", part.path] + search + ["--part", "\(p + 1)/2", "--shard", shard, "--format", "partial"])
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout.hasPrefix("moneyflow-part-partial/1\t"))
        partials += answer.stdout
      }
    }
    let file = scratch.appendingPathComponent("partials.txt")
    try partials.write(to: file, atomically: true, encoding: .utf8)
    let merged = try CLI.run(["cycles", graph.path] + options + ["--merge", file.path])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == single.stdout, "\(options)")
    // Without part 2 the merge refuses.
    let half = scratch.appendingPathComponent("half.txt")
    try String(partials.prefix { $0 != "\n" } + "\n").write(to: half, atomically: true, encoding: .utf8)
    let missing = try CLI.run(["cycles", graph.path] + options + ["--merge", half.path])
    #expect(missing.status == 1 && missing.stdout.isEmpty)
    #expect(missing.stderr.contains("part 2/2 is missing"), "\(missing.stderr)")
  }

  @Test func usageErrors() throws {
    let alone = try CLI.run(["cycles", "Graphs/ai-deals.json", "--part", "1/2"])
    #expect(alone.status == 2 && alone.stderr.contains("'--part' goes with '--format partial'"))
    let bad = try CLI.run(["cycles", "Graphs/ai-deals.json", "--part", "3/2", "--format", "partial"])
    #expect(bad.status == 2 && bad.stderr.contains("expected P/Q"))
    let through = try CLI.run(["cycles", "Graphs/ai-deals.json", "--part", "1/2", "--format", "partial", "--through", "oracle"])
    #expect(through.status == 2 && through.stderr.contains("'--through' cannot go with '--part'"))
  }

  @Test(.enabled(if: SparkDriverTests.available, "needs python3 with pyspark and java (.ci/run installs them)"))
  func sparkSplitByComponentPrintsWhatOneRunPrints() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let graph = scratch.appendingPathComponent("flows.csv")
    #expect(try CLI.run(Self.generate + ["-o", graph.path]).status == 0)
    let options = ["--max-length", "4", "--format", "json"]
    let single = try CLI.run(["cycles", graph.path] + options)
    #expect(single.status == 0)
    let driver = CLI.root.appendingPathComponent("Sources/moneyflow-spark/moneyflow_spark.py")
    let spark = try CLI.run(
      ["python3", driver.path, "--master", "local[2]", "--binary", CLI.binary.path, "--shards", "8",
       "--split", "components", "cycles", graph.path] + options,
      executable: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(spark.status == 0, "\(spark.stderr)")
    #expect(spark.stdout == single.stdout)
    // 6 components in 6 parts, 2 tasks left over as shards; the rows outside counted.
    #expect(spark.stderr.contains("150 rows; 126 of them lie outside every cyclic component"), "\(spark.stderr)")
    #expect(spark.stderr.contains("6 cyclic components"), "\(spark.stderr)")
    #expect(spark.stderr.contains("in 6 parts, 8 tasks"), "\(spark.stderr)")
  }
}
