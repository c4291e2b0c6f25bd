import Testing
@testable import MoneyFlow

@Suite struct RoundTripTests {
  /// JSON → graph → CSV (+ companion) → graph → JSON gives the same document.
  @Test(arguments: 0 ..< 300)
  func jsonToCSVToJSON(seed: UInt64) throws {
    let original = RandomDocuments.graph(seed: seed)
    let json = JSONDocumentWriter.text(original)
    let fromJSON = try JSONDocumentReader(bytes: Array(json.utf8), file: "a.json").read()
    #expect(fromJSON == original)

    let (csv, companion) = GraphFile.encode(fromJSON, as: .csv)
    var builder: FlowGraphBuilder
    if let companion {
      let meta = JSONDocumentReader(bytes: Array(companion.utf8), file: "a.meta.json")
      builder = try meta.readHeader(try meta.rootMembers(), allowFlows: false)
    } else {
      builder = FlowGraphBuilder()
    }
    try CSVEdgeListReader(bytes: Array(csv.utf8), file: "a.csv").read(into: &builder, listedCompaniesOnly: companion != nil)
    let fromCSV = builder.build()
    #expect(fromCSV == original, "seed \(seed):\n\(json)\n\(csv)")
    #expect(JSONDocumentWriter.text(fromCSV) == json)
  }

  @Test func csvWithoutCompanionNeedsNone() throws {
    let csv = "from,to,kind,amount,currency,date\nb,a,investment,1.50,USD,2025-01-02\na,b,loan,,USD,2025\n"
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "x.csv").read()
    #expect(!GraphFile.needsCompanion(graph))
    #expect(CSVEdgeListWriter.text(graph) == csv)
    #expect(graph.companyIDs == ["a", "b"])
    #expect(graph.amount(of: 0)?.description == "1.50")
  }

  @Test func csvQuotingCRLFAndBOM() throws {
    let csv = "\u{FEFF}from,to,kind,amount,currency,date,note\r\n\"a,1\",\"b \"\"q\"\"\",purchase,\"1,000\",USD,2025-05,\"multi\r\nline, note\"\r\nb,\"a,1\",grant,5,USD,2024,\r\n\r\n"
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "q.csv").read()
    #expect(graph.flowCount == 2)
    #expect(graph.companyIDs == ["a,1", "b", "b \"q\""])
    #expect(graph.details(of: 0).note == "multi\r\nline, note")
    #expect(graph.amount(of: 0)?.doubleValue == 1000)
    #expect(graph.amount(of: 0)?.description == "1,000")
    let again = try CSVEdgeListReader(bytes: Array(CSVEdgeListWriter.text(graph).utf8), file: "r.csv").read()
    #expect(again == graph)
  }

  /// Found by the CSV fuzz target (Tests/Fuzz): a quote or a space followed
  /// by a combining mark is one Character, and the writer once missed it
  /// (the quote went out unescaped, the edge list did not read back).
  @Test func csvQuoteOrSpaceBeforeCombiningMark() throws {
    let csv = "from,to,kind,amount,currency,date,note\n\" \u{0301}a\",b,grant,1,USD,2025,\"x\"\"\u{0731}y\"\n"
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "m.csv").read()
    #expect(graph.companyIDs.contains(" \u{0301}a"))
    let written = CSVEdgeListWriter.text(graph)
    #expect(written == csv)
    let again = try CSVEdgeListReader(bytes: Array(written.utf8), file: "w.csv").read()
    #expect(again == graph)
  }

  @Test func selfFlowIsValid() throws {
    let graph = try CSVEdgeListReader(bytes: Array("from,to,kind,amount,currency,date\na,a,loan,1,USD,2025\n".utf8), file: "s.csv").read()
    #expect(graph.flowCount == 1 && graph.payer(of: 0) == graph.payee(of: 0))
  }
}
