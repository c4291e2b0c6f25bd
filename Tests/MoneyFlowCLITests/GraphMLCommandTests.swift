import Foundation
import Testing

/// `convert` to and from GraphML, and commands reading `.graphml`.
@Suite struct GraphMLCommandTests {
  @Test func convertRoundTripsAndCommandsReadGraphML() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let graphML = directory.appendingPathComponent("deals.graphml").path
    let json = directory.appendingPathComponent("deals.json").path
    #expect(try CLI.run(["convert", "Graphs/ai-deals.json", graphML]).status == 0)
    #expect(try CLI.run(["convert", graphML, json]).status == 0)
    let original = try Data(contentsOf: CLI.root.appendingPathComponent("Graphs/ai-deals.json"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: json)) == original)
    let fromGraphML = try CLI.run(["cycles", graphML, "--format", "json"])
    let fromJSON = try CLI.run(["cycles", "Graphs/ai-deals.json", "--format", "json"])
    #expect(fromGraphML.status == 0 && fromGraphML.stdout == fromJSON.stdout && fromGraphML.stderr.isEmpty)
    // Standard input starting with '<' is GraphML.
    let stdin = try CLI.run(["stats", "-"], stdin: try String(contentsOfFile: graphML, encoding: .utf8))
    #expect(stdin.stdout == (try CLI.run(["stats", "Graphs/ai-deals.json"])).stdout)
  }

  @Test func foreignGraphMLNotesGoToStandardError() throws {
    let result = try CLI.run(["cycles", "Graphs/networkx-sample.graphml", "--count-only"])
    #expect(result.status == 0 && result.stdout == "1 cycle of money-moving flows.\n")
    #expect(result.stderr == """
      Graphs/networkx-sample.graphml: note: ignored 3 values of edge key "weight"
      Graphs/networkx-sample.graphml: note: read 1 edge without a kind as "other"

      """)
  }

  @Test func badGraphMLExitsOneWithLocation() throws {
    let result = try CLI.run(["stats", "-"], stdin: "<graphml><graph>\n<node id=\"a\"></graph></graphml>")
    #expect(result.status == 1 && result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("<stdin>:2:14: error: </graph> closes <node>"))
  }
}

/// Commands reading FollowTheMoney entities.
@Suite struct FtMCommandTests {
  @Test func commandsReadFtMAndReportUnknownSchemata() throws {
    let result = try CLI.run(["cycles", "Graphs/ftm-sample.ftm.jsonl", "--format", "json"])
    #expect(result.status == 0)
    #expect(result.stderr == "Graphs/ftm-sample.ftm.jsonl: note: skipped 2 entities of schemata MoneyFlow does not read: Address 1, Note 1\n")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let cycles = try #require(object["cycles"] as? [[String: Any]])
    #expect(cycles.first?["companies"] as? [String] == ["co-aurora", "org-borealis", "le-cirrus"])
    // Standard input whose first line is an entity is FtM; FtM cannot be written.
    let text = try String(contentsOf: CLI.root.appendingPathComponent("Graphs/ftm-sample.ftm.jsonl"), encoding: .utf8)
    let stdin = try CLI.run(["stats", "-"], stdin: text)
    #expect(stdin.status == 0 && stdin.stdout.hasPrefix("4 companies, 5 flows"))
    #expect(try CLI.run(["convert", "Graphs/ai-deals.json", "out.ftm.jsonl"]).status == 2)
  }
}
