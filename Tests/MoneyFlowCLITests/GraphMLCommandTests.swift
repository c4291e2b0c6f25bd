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
