import Foundation
import Testing
@testable import MoneyFlow

@Suite struct FtMReaderTests {
  func read(_ lines: [String]) throws(InputError) -> (FlowGraph, [String]) {
    var reader = FtMReader(bytes: Array(lines.joined(separator: "\n").utf8), file: "e.ftm.jsonl")
    let graph = try reader.read()
    return (graph, reader.notes)
  }

  func entity(_ id: String, _ schema: String, _ properties: String) -> String {
    "{\"id\": \"\(id)\", \"schema\": \"\(schema)\", \"properties\": {\(properties)}}"
  }

  @Test func everySchemaBecomesCompaniesOrFlows() throws {
    let relationships: [(String, String, String, FlowKind)] = [
      ("Payment", "payer", "beneficiary", .other), ("Debt", "creditor", "debtor", .loan),
      ("Ownership", "owner", "asset", .equityStake), ("Directorship", "director", "organization", .partnership),
      ("Membership", "member", "organization", .partnership), ("Employment", "employee", "employer", .partnership),
      ("Representation", "agent", "client", .partnership), ("Family", "person", "relative", .partnership),
      ("Associate", "person", "associate", .partnership), ("Succession", "predecessor", "successor", .partnership),
      ("UnknownLink", "subject", "object", .partnership),
    ]
    var lines = [
      // Relationships may come before the entities they name.
      entity("r0", "Payment", "\"payer\": [\"a\"], \"beneficiary\": [\"b\"], \"amount\": [\"1500000.50\"], \"currency\": [\"usd\"], \"date\": [\"2024-02-03T10:00:00\"], \"sourceUrl\": [\"https://example.org\"]"),
      entity("a", "Company", "\"name\": [\"Alpha AG\", \"Alpha\"], \"alias\": [\"ALP\"], \"country\": [\"ch\", \"de\"]"),
      entity("b", "Organization", "\"name\": [\"Beta\"]"),
      entity("c", "LegalEntity", "\"name\": [\"Gamma\"]"),
      entity("d", "Person", "\"name\": [\"Dana\"]"),
      "",
      entity("x", "Address", "\"full\": [\"somewhere\"]"),
      entity("y", "Vessel", "\"name\": [\"Boat\"]"),
      entity("z", "Vessel", ""),
    ]
    for (i, link) in relationships.enumerated() {
      lines.append(entity("L\(i)", link.0, "\"\(link.1)\": [\"c\"], \"\(link.2)\": [{\"id\": \"d\", \"schema\": \"Person\"}], \"amount\": [\"7\"], \"startDate\": [\"2020-05\"]"))
    }
    let (graph, notes) = try read(lines)
    #expect(graph.companyIDs == ["a", "b", "c", "d"])
    let alpha = graph.company(try #require(graph.companyID(for: "a")))
    #expect(alpha.name == "Alpha AG" && alpha.aliases == ["Alpha", "ALP"])
    #expect(alpha.attributes == [.init(key: "schema", value: "Company"), .init(key: "country", value: "ch; de")])
    #expect(graph.flowCount == 1 + relationships.count)
    #expect(graph.details(of: 0).id == "r0" && graph.kind(of: 0) == .other)
    #expect(graph.amount(of: 0)?.description == "1500000.50" && graph.flow(0).currency == "USD")
    #expect(graph.date(of: 0)?.description == "2024-02-03T10:00:00" && graph.details(of: 0).source == "https://example.org")
    for (i, link) in relationships.enumerated() {
      let flow = graph.flow(1 + i)
      #expect(flow.kind == link.3 && flow.id == "L\(i)" && flow.from == "c" && flow.to == "d", "\(link.0)")
      #expect((flow.amount != nil) == link.3.movesMoney, "\(link.0): only money-moving kinds keep an amount")
      #expect(flow.date?.description == "2020-05")
    }
    #expect(notes == ["skipped 3 entities of schemata MoneyFlow does not read: Address 1, Vessel 2"])
  }

  @Test func problemsAreCountedNotFatal() throws {
    let (graph, notes) = try read([
      entity("a", "Company", "\"name\": [\"A\"]"),
      entity("a", "Company", "\"name\": [\"A again\"]"),
      entity("p1", "Payment", "\"payer\": [\"a\"], \"beneficiary\": [\"ghost\"], \"amount\": [\"lots\"], \"currency\": [\"euro\"], \"date\": [\"soon\"]"),
      entity("p2", "Payment", "\"payer\": [\"a\"]"),
    ])
    #expect(graph.companyIDs == ["a", "ghost"] && graph.name(of: CompanyID(0)) == "A")
    #expect(graph.flowCount == 1 && graph.amount(of: 0) == nil && graph.date(of: 0) == nil)
    #expect(notes == [
      "1 Payment entities without payer and beneficiary", "1 amounts that are not numbers (left out)",
      "1 currencies that are not 3-letter codes (left out)", "1 dates that do not read (left out)",
      "1 ends of relationships naming no company of the file (added)",
      "1 entities with an id seen before (the first is kept)",
    ])
  }

  @Test func badLinesNameTheirLineAndColumn() throws {
    for (lines, line, column, start) in [
      ([entity("a", "Company", ""), "{\"id\": \"b\", \"schema\": }"], 2, 23, "expected a value"),
      ([entity("a", "Company", ""), "", "[1, 2]"], 3, 1, "expected an FtM entity"),
      (["{\"id\": \"a\", \"schema\": \"Company\", \"properties\": [1]}"], 1, 48, "\"properties\" is an array"),
    ] {
      expectInputError(at: line, column, startingWith: start) { () throws(InputError) in try read(lines) }
    }
  }

  @Test func detectedInJSONFilesAndStandardInputButNotInDocuments() throws {
    #expect(FtMReader.looksLikeFtM(Array(entity("a", "Company", "").utf8)))
    #expect(!FtMReader.looksLikeFtM(Array("{\n  \"format\": \"moneyflow/1\"".utf8)))
    #expect(!FtMReader.looksLikeFtM(Array("{\"format\": \"moneyflow/1\", \"id\": \"x\", \"schema\": \"y\", \"companies\": []}".utf8)))
    #expect(GraphFile.format(of: "x.ftm.json") == .ftm && GraphFile.format(of: "X.JSONL") == .ftm)
    #expect(GraphFile.format(of: "x.json") == .json)
  }

  @Test func theSampleFileHasItsCycle() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var notes: [String] = []
    let graph = try GraphFile.load(root.appendingPathComponent("Graphs/ftm-sample.ftm.jsonl").path, notes: &notes)
    let cycles = try graph.elementaryCycles(CycleSearchOptions(limit: 0))
    #expect(cycles.count == 1 && cycles.cycles.first?.companies.map { graph.id(of: $0) } == ["co-aurora", "org-borealis", "le-cirrus"])
    #expect(notes == ["skipped 2 entities of schemata MoneyFlow does not read: Address 1, Note 1"])
  }
}
