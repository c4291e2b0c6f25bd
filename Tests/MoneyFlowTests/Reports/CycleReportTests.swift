import Testing
@testable import MoneyFlow

@Suite struct CycleReportTests {
  static func graph() -> FlowGraph {
    var builder = FlowGraphBuilder.dollars([("microsoft", "Microsoft"), ("openai", "OpenAI")])
    builder.addFlow(Flow(from: "microsoft", to: "openai", kind: .investment, amount: Amount(significand: 13, exponent: 9, spelling: "13bn"), currency: "USD", date: FlowDate(parsing: "2019"), source: "001.txt"))
    builder.addFlow(Flow(from: "openai", to: "microsoft", kind: .cloudCommitment, amount: Amount(significand: 250, exponent: 9, spelling: "250bn"), currency: "USD", date: FlowDate(parsing: "2025-10")))
    builder.addFlow(Flow(from: "openai", to: "microsoft", kind: .revenueShare, date: FlowDate(parsing: "2023")))
    builder.addFlow(Flow(from: "openai", to: "openai", kind: .other))
    return builder.build()
  }

  @Test func elementaryJSON() throws {
    let graph = Self.graph()
    let json = CycleReport.json(try graph.elementaryCycles(), graph: graph).rendered(pretty: false)
    let flow0 = #"{"from":"microsoft","to":"openai","kind":"investment","amount":"13bn","currency":"USD","date":"2019","source":"001.txt"}"#
    let flow1 = #"{"from":"openai","to":"microsoft","kind":"cloud_commitment","amount":"250bn","currency":"USD","date":"2025-10"}"#
    let flow2 = #"{"from":"openai","to":"microsoft","kind":"revenue_share","date":"2023"}"#
    let flow3 = #"{"from":"openai","to":"openai","kind":"other"}"#
    let expected =
      #"{"count":2,"truncated":false,"cycles":["#
      + #"{"companies":["microsoft","openai"],"length":2,"bottleneck":13000000000,"currency":"USD","flows":[\#(flow0),\#(flow2),\#(flow1)]},"#
      + #"{"companies":["openai"],"length":1,"bottleneck":null,"currency":"USD","flows":[\#(flow3)]}],"#
      + #""companies":[{"id":"openai","cycles":2,"circulating":13000000000},{"id":"microsoft","cycles":1,"circulating":13000000000}]}"#
    #expect(json == expected)
  }

  @Test func temporalJSON() throws {
    let graph = Self.graph()
    let result = try graph.temporalCycles(TemporalCycleSearchOptions(stopAfter: 1))
    guard case .object(let members) = CycleReport.json(result, graph: graph) else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.0) == ["count", "truncated", "cycles", "companies"])
    #expect(members[0].1 == .int(1) && members[1].1 == .bool(true))
    guard case .array(let cycles) = members[2].1, case .object(let cycle)? = cycles.first else {
      Issue.record("no cycle")
      return
    }
    #expect(cycle.map(\.0) == ["companies", "length", "bottleneck", "currency", "span_days", "span_seconds", "flows"])
    #expect(cycle[0].1 == .array([.string("microsoft"), .string("openai")]))
    guard case .array(let flows) = cycle[5].1 else { return }
    #expect(flows.count == 2 && flows[0] == graph.jsonObject(forFlow: 0))
  }

  @Test func elementaryText() throws {
    let graph = Self.graph()
    let text = CycleReport.text(try graph.elementaryCycles(CycleSearchOptions(limit: 1)), graph: graph)
    #expect(
      text == """
        2 cycles of money-moving flows. The one with the largest circulating amount:

        1. Microsoft → OpenAI → Microsoft
           13 bn USD circulating, length 2
           Microsoft → OpenAI: investment 13bn USD, 2019, source 001.txt
           OpenAI → Microsoft: revenue_share undisclosed, 2023
                               cloud_commitment 250bn USD, 2025-10

        Companies by circulating amount through them:
          OpenAI  2 cycles  13 bn USD

        """)
  }

  @Test func textNotesExclusionsAndTruncation() throws {
    let graph = Self.graph()
    let options = CycleSearchOptions(filter: FlowFilter(since: FlowDate(parsing: "2020")))
    let text = CycleReport.text(try graph.elementaryCycles(options), graph: graph)
    #expect(text == "No cycles of money-moving flows since 2020.\nLeft out: 1 flow without a date.\n")
    let stopped = CycleReport.text(try graph.elementaryCycles(CycleSearchOptions(limit: 1, stopAfter: 1)), graph: graph)
    #expect(stopped.hasPrefix("1 cycle of money-moving flows. Stopped after 1; more exist.\n\n1. Microsoft → OpenAI → Microsoft\n"))
    let temporal = CycleReport.text(try graph.temporalCycles(TemporalCycleSearchOptions(window: 2000)), graph: graph)
    #expect(temporal.contains("   2019  Microsoft → OpenAI: investment 13bn USD, source 001.txt\n"))
    #expect(temporal.hasPrefix("1 time-respecting cycle of money-moving flows (within 2000 days).\nLeft out: 1 flow without a date.\n"))
  }

  @Test func sccReports() {
    let graph = Self.graph()
    let components = graph.stronglyConnectedComponents()
    #expect(SCCReport.json(components, graph: graph).rendered(pretty: false) == #"{"components":[["microsoft","openai"]]}"#)
    #expect(SCCReport.text(components, graph: graph).hasSuffix("1. Microsoft, OpenAI (2 companies)\n"))
    var builder = FlowGraphBuilder()
    builder.addFlow(Flow(from: "b", to: "b", kind: .loan))
    builder.addFlow(Flow(from: "a", to: "b", kind: .loan))
    builder.addFlow(Flow(from: "c", to: "a", kind: .ipRights))
    builder.addFlow(Flow(from: "a", to: "c", kind: .loan))
    let small = builder.build()
    #expect(SCCReport.json(small.stronglyConnectedComponents(), graph: small).rendered(pretty: false) == #"{"components":[["b"]]}"#)
    #expect(SCCReport.json(small.stronglyConnectedComponents(kinds: .all), graph: small).rendered(pretty: false) == #"{"components":[["a","c"],["b"]]}"#)
    let none = FlowGraphBuilder().build()
    #expect(SCCReport.json(none.stronglyConnectedComponents(), graph: none).rendered(pretty: false) == #"{"components":[]}"#)
  }
}
