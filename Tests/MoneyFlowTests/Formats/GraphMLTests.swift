import Foundation
import Testing
@testable import MoneyFlow

@Suite struct GraphMLTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  func read(_ text: String, file: String = "g.graphml") throws(InputError) -> (FlowGraph, [String]) {
    var reader = GraphMLReader(bytes: Array(text.utf8), file: file)
    let graph = try reader.read()
    return (graph, reader.notes)
  }

  /// JSON → graph → GraphML → graph → JSON gives the same document.
  @Test(arguments: 0 ..< 300)
  func randomDocumentsRoundTrip(seed: UInt64) throws {
    let original = RandomDocuments.graph(seed: seed)
    let graphML = GraphMLWriter.text(original)
    let (again, notes) = try read(graphML)
    #expect(again == original, "seed \(seed):\n\(graphML)")
    #expect(JSONDocumentWriter.text(again) == JSONDocumentWriter.text(original))
    #expect(notes.isEmpty, "seed \(seed): \(notes)")
  }

  @Test(arguments: ["Graphs/ai-deals.json", "Graphs/ai-alliances.json"])
  func exampleGraphsRoundTrip(path: String) throws {
    let file = Self.root.appendingPathComponent(path).path
    let graph = try GraphFile.load(file)
    let (again, notes) = try read(GraphMLWriter.text(graph))
    #expect(again == graph && notes.isEmpty)
    #expect(JSONDocumentWriter.text(again) == String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self))
  }

  @Test func foreignGraphMLIsReadWithWhatItHasAndTheRestReported() throws {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE graphml>
      <!-- from another tool -->
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
        <key id="d0" for="node" attr.name="label" attr.type="string"/>
        <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
        <key id="d2" for="edge" attr.name="amount" attr.type="double"/>
        <key id="d3" for="node" attr.name="sector" attr.type="string"/>
        <key id="d4" for="graph" attr.name="creator" attr.type="string"/>
        <graph id="G" edgedefault="undirected">
          <data key="d4">yEd &amp; friends</data>
          <node id="a"><data key="d0">Alpha &lt;AG&gt;</data><data key="d3"><![CDATA[cloud & AI]]></data></node>
          <node id="b"><data key="d5">undeclared</data><y:ShapeNode/></node>
          <edge id="x1" source="a" target="b"><data key="d2">1.5E9</data></edge>
          <edge source="b" target="z" directed="true"/>
          <hyperedge><endpoint node="a"/></hyperedge>
        </graph>
      </graphml>
      """
    let (graph, notes) = try read(text)
    #expect(graph.companyIDs == ["a", "b", "z"])
    #expect(graph.name(of: CompanyID(0)) == "Alpha <AG>")
    #expect(graph.company(CompanyID(0)).attributes == [.init(key: "sector", value: "cloud & AI")])
    #expect(graph.flowCount == 2)
    #expect(graph.amount(of: 0)?.doubleValue == 1.5e9 && graph.amount(of: 1) == nil)
    #expect(graph.kind(of: 0) == .other && graph.details(of: 0).id == "x1")
    #expect(notes == [
      "ignored 1 value of graph key \"creator\"", "ignored 1 value of node data with undeclared key \"d5\"",
      "ignored 2 values of edge key \"weight\"", "read 2 edges without a kind as \"other\"",
      "added 1 company that edges name but no node declares (z)", "skipped 1 <ShapeNode> elements",
      "skipped 1 <hyperedge> elements", "read 1 undirected edge from source to target",
    ])
  }

  @Test func wrongValuesAndBrokenXMLNameLineAndColumn() throws {
    let badKind = "<graphml><key id=\"k\" for=\"edge\" attr.name=\"kind\"/><graph>\n<node id=\"a\"/>\n  <edge source=\"a\" target=\"a\"><data key=\"k\">gift</data></edge></graph></graphml>"
    #expect(throws: InputError.self) { try read(badKind) }
    do { _ = try read(badKind) } catch {
      #expect(error.line == 3 && error.column == 45 && error.message.hasPrefix("unknown kind \"gift\""))
    }
    for (text, line, column, start) in [
      ("<graphml>\n<graph><node id=\"a\"></graph></graphml>", 2, 21, "</graph> closes <node>"),
      ("<graphml><graph>\n <node id=\"a&b\"/></graph></graphml>", 2, 13, "'&' that starts no entity"),
      ("<graphml><graph>", 1, 17, "the file ends inside <graph>"),
      ("<svg/>", 1, 1, "the root element is <svg>"),
    ] {
      expectInputError(at: line, column, startingWith: start) { () throws(InputError) in try read(text) }
    }
  }

  @Test func hostileNestingIsAnErrorNotACrash() throws {
    let text = "<graphml>" + String(repeating: "<a>", count: 100_000)
    #expect(throws: InputError.self) { try read(text) }
  }

  /// networkx reads what the writer writes, and the writer's reader reads
  /// what networkx writes from it. Skipped without python3 and networkx.
  @Test func networkxReadsAndWritesIt() throws {
    // The first python3 on PATH (as `.ci/run` installs networkx for it), then the system one.
    var python: URL?
    for candidate in ["/usr/bin/env", "/usr/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
      let check = Process()
      check.executableURL = URL(fileURLWithPath: candidate)
      check.arguments = (candidate == "/usr/bin/env" ? ["python3"] : []) + ["-c", "import networkx"]
      check.standardOutput = FileHandle.nullDevice
      check.standardError = FileHandle.nullDevice
      guard (try? check.run()) != nil else { continue }
      check.waitUntilExit()
      if check.terminationStatus == 0 {
        python = URL(fileURLWithPath: candidate)
        break
      }
    }
    guard let python else {
      print("GraphMLTests: skipped the networkx check, no python3 with networkx found (pip install networkx)")
      return
    }
    let prefix = python.path == "/usr/bin/env" ? ["python3"] : []
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graphml-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let graph = try GraphFile.load(Self.root.appendingPathComponent("Graphs/ai-deals.json").path)
    let ours = directory.appendingPathComponent("ours.graphml")
    let theirs = directory.appendingPathComponent("theirs.graphml")
    try GraphMLWriter.text(graph).write(to: ours, atomically: true, encoding: .utf8)
    let script = """
      import sys, networkx as nx
      g = nx.read_graphml(sys.argv[1], force_multigraph=True)
      print(g.number_of_nodes(), g.number_of_edges(), g.graph.get("title"), g.nodes["openai"].get("name"))
      nx.write_graphml(g, sys.argv[2])
      """
    let process = Process()
    process.executableURL = python
    process.arguments = prefix + ["-c", script, ours.path, theirs.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(output == "\(graph.companyCount) \(graph.flowCount) \(graph.title ?? "") OpenAI\n")
    // networkx's own GraphML (its key ids, its edge order and ids 0, 1, ...) reads back to the same companies and flows.
    var reader = GraphMLReader(bytes: Array(try Data(contentsOf: theirs)), file: "theirs.graphml")
    let back = try reader.read()
    #expect(back.companyIDs == graph.companyIDs && back.flowCount == graph.flowCount)
    // networkx groups edges by node, so compare the flows as multisets.
    func flows(_ g: FlowGraph) -> [String] {
      (0 ..< g.flowCount).map { i in
        var flow = g.flow(i)
        flow.id = nil
        return String(describing: flow)
      }.sorted()
    }
    #expect(flows(back) == flows(graph))
    #expect(back.title == graph.title && back.currency == graph.currency)
  }
}
