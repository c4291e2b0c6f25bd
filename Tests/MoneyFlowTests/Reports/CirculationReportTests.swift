import Testing
@testable import MoneyFlow

@Suite struct CirculationReportTests {
  static func example() -> FlowGraph {
    var builder = FlowGraphBuilder.dollars([
      ("microsoft", "Microsoft"), ("openai", "OpenAI"), ("amazon", "Amazon"), ("nvidia", "Nvidia"),
    ])
    func add(_ from: String, _ to: String, _ kind: FlowKind, _ amount: String?, _ date: String) {
      builder.addFlow(Flow(
        from: from, to: to, kind: kind, amount: amount.flatMap { try? Amount.parse($0).get() },
        date: FlowDate(parsing: date)))
    }
    add("microsoft", "openai", .investment, "13bn", "2023")
    add("openai", "microsoft", .cloudCommitment, "10bn", "2023")
    add("openai", "amazon", .cloudCommitment, "38bn", "2025-11")
    add("amazon", "openai", .investment, "8bn", "2025")
    add("nvidia", "openai", .investment, "100bn", "2025-09")
    add("openai", "nvidia", .purchase, nil, "2025-09")
    return builder.build()
  }

  @Test func text() throws {
    let g = Self.example()
    let report = CirculationReport(graph: g, circulation: try g.maximumCirculation())
    #expect(report.text() == """
      36 bn USD of 169 bn USD (21.3%) is circular: multilateral netting could cancel it.
      5 flows between 4 companies; 4 carry circular money.
      1 flow without an amount left out.

      Where it circulates (2 of 2 routes, largest first):
        10 bn USD  Microsoft → OpenAI → Microsoft
         8 bn USD  Amazon → OpenAI → Amazon

      Companies (3 of 3, by circular amount):
         circular        out          in        net  company
        18 bn USD  48 bn USD  121 bn USD  73 bn USD  OpenAI
        10 bn USD  13 bn USD   10 bn USD  -3 bn USD  Microsoft
         8 bn USD   8 bn USD   38 bn USD  30 bn USD  Amazon

      """)
    #expect(report.text(cycleLimit: 1, companyLimit: 1).contains("Where it circulates (1 of 2 routes, largest first)"))
    let short = CirculationReport(graph: g, circulation: try g.maximumCirculation(), cycleLimit: 1)
    #expect(short.text().contains("Where it circulates (1 route of the largest of 2 cycles, largest first)"))
    #expect(short.jsonValue().rendered(pretty: false).contains(#""cycle_count":2"#))
  }

  @Test func parallelFlowsMergeIntoOneRoute() throws {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for (from, to, amount) in [("a", "b", "5"), ("a", "b", "7"), ("b", "a", "20")] {
      builder.addFlow(Flow(from: from, to: to, kind: .loan, amount: try Amount.parse(amount).get(), currency: "USD"))
    }
    let g = builder.build()
    let report = CirculationReport(graph: g, circulation: try g.maximumCirculation())
    #expect(report.cycles.count == 2)
    #expect(report.companyRoutes.count == 1 && report.companyRoutes[0].amount == 12 && report.companyRoutes[0].cycles == 2)
    #expect(report.text().contains("12 USD  a → b → a  (2 cycles of flows)"))
  }

  @Test func json() throws {
    let g = Self.example()
    let report = CirculationReport(graph: g, circulation: try g.maximumCirculation())
    let json = report.jsonValue()
    guard case .object(let members) = json else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.0) == [
      "gross", "circular", "ratio", "currency", "undisclosed_excluded", "undated_excluded",
      "cycle_count", "companies", "flows", "cycles",
    ])
    let text = json.rendered(pretty: false)
    #expect(text.hasPrefix(#"{"gross":169000000000,"circular":36000000000,"ratio":0.21301775147928995,"currency":"USD","undisclosed_excluded":1,"undated_excluded":0,"cycle_count":2,"#))
    #expect(text.contains(#"{"id":"amazon","name":"Amazon","out":8000000000,"in":38000000000,"circular":8000000000,"net":30000000000}"#))
    #expect(text.contains(#"{"index":0,"from":"microsoft","to":"openai","kind":"investment","amount":"13bn","date":"2023","circular":10000000000}"#))
    #expect(text.contains(#"{"index":4,"from":"nvidia","to":"openai","kind":"investment","amount":"100bn","date":"2025-09","circular":0}"#))
    #expect(!text.contains(#""index":5"#))
    #expect(text.hasSuffix(#""cycles":[{"companies":["microsoft","openai"],"flows":[0,1],"amount":10000000000},{"companies":["amazon","openai"],"flows":[3,2],"amount":8000000000}]}"#))
    #expect(report.jsonValue() == json)
  }

  @Test func nothingToExamine() throws {
    let g = MaximumCirculationTests.graph([("a", "b", nil)])
    let report = CirculationReport(graph: g, circulation: try g.maximumCirculation())
    #expect(report.text() == "No flow with an amount to examine.\n1 flow without an amount left out.\n")
  }

  @Test(arguments: [(0.317, "31.7%"), (1, "100%"), (0, "0%"), (0.0001, "<0.1%"), (0.99999, ">99.9%"), (0.5, "50%")])
  func percent(ratio: Double, text: String) {
    #expect(CirculationReport.percent(ratio) == text)
  }
}
