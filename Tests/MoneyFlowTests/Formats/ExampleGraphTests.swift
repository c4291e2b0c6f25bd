import Testing
@testable import MoneyFlow

/// The bundled example graphs load with the counts Graphs/README.md states.
@Suite struct ExampleGraphTests {
  static let graphs = String(#filePath).split(separator: "/").dropLast(4).joined(separator: "/")

  static func load(_ name: String) throws -> FlowGraph {
    try GraphFile.load("/" + graphs + "/Graphs/" + name)
  }

  @Test func aiAlliancesCounts() throws {
    let graph = try Self.load("ai-alliances.json")
    #expect(graph.companyCount == 11 && graph.flowCount == 43)
    let money = (0 ..< graph.flowCount).filter { graph.kind(of: $0).movesMoney }
    #expect(money.count == 18)
    #expect(money.filter { graph.hasAmount($0) }.count == 6)
    let microsoft = try #require(graph.companyID(for: "microsoft"))
    #expect(graph.company(microsoft).aliases.contains("マイクロソフト"))
    // S10: a revenue share with its rate and cap and no invented amount.
    let s10 = try #require((0 ..< graph.flowCount).first { graph.details(of: $0).id == "S10" })
    #expect(graph.kind(of: s10) == .revenueShare && graph.amount(of: s10) == nil)
    #expect(graph.details(of: s10).share?.doubleValue == 0.2 && graph.details(of: s10).cap?.doubleValue == 92e9)
    // Every flow cites its seed article.
    #expect((0 ..< graph.flowCount).allSatisfy { graph.details(of: $0).source?.hasSuffix(".txt") == true })
  }

  @Test func aiDealsCounts() throws {
    let graph = try Self.load("ai-deals.json")
    #expect(graph.companyCount == 20 && graph.flowCount == 72)
    #expect((0 ..< graph.flowCount).allSatisfy { graph.details(of: $0).source?.hasPrefix("http") == true })
    #expect((0 ..< graph.flowCount).allSatisfy { graph.details(of: $0).status != nil })
  }

  @Test(arguments: ["ai-alliances.json", "ai-deals.json"])
  func writesBackByteIdentical(name: String) throws {
    let text = String(decoding: try FileIO.read("/" + Self.graphs + "/Graphs/" + name), as: UTF8.self)
    let graph = try Self.load(name)
    #expect(JSONDocumentWriter.text(graph) == text)
    let (csv, companion) = GraphFile.encode(graph, as: .csv)
    let meta = JSONDocumentReader(bytes: Array((companion ?? "").utf8), file: "m.json")
    var builder = try meta.readHeader(try meta.rootMembers(), allowFlows: false)
    try CSVEdgeListReader(bytes: Array(csv.utf8), file: "x.csv").read(into: &builder, listedCompaniesOnly: true)
    #expect(builder.build() == graph)
  }
}
