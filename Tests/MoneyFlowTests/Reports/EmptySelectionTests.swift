import Testing
@testable import MoneyFlow

/// Which filter removed every flow, in the words of the options.
@Suite struct EmptySelectionTests {
  static func graph(_ csv: String) throws -> FlowGraph {
    try CSVEdgeListReader(bytes: Array(("from,to,kind,amount,currency,date\n" + csv).utf8), file: "x.csv").read()
  }

  @Test func namesTheFirstFilterThatLeftNothing() throws {
    let graph = try Self.graph("a,b,loan,5m,USD,2025-03\nb,a,partnership,,,2025\nb,c,purchase,,USD,\n")
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter()) == nil)
    #expect(try EmptySelection.reason(graph: Self.graph(""), filter: FlowFilter()) == "the file has no flows")
    #expect(try EmptySelection.reason(graph: Self.graph("a,b,partnership,,,\n"), filter: FlowFilter()) == "no money-moving flows (--kinds all includes the others)")
    var kinds = FlowKindSet(bits: 0)
    kinds.insert(.grant)
    kinds.insert(.acquisition)
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter(kinds: kinds)) == "no flows left after --kinds acquisition,grant")
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter(since: FlowDate(parsing: "2025-04"))) == "no flows left after --since 2025-04")
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter(until: FlowDate(parsing: "2025-02"))) == "no flows left after --until 2025-02")
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter(until: FlowDate(parsing: "2025-03"))) == nil)
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter(minimumAmount: 1e9)) == "no flows left after --min-amount 1 bn USD (1 flow without an amount left out)")
    #expect(try EmptySelection.reason(graph: graph, filter: FlowFilter(minimumAmount: 5e6)) == nil)
  }

  /// On random graphs and filters, a reason is given exactly when the selection is empty.
  @Test(arguments: 0 ..< 100)
  func aReasonExactlyWhenNothingIsSelected(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed)
    var random = TestRandom(seed: seed ^ 0x9E37)
    let filter = FlowFilter(
      kinds: random.chance(0.5) ? .moneyMoving : .all,
      minimumAmount: random.chance(0.5) ? Double(random.int(0 ... 40) * 1_000_000_000) : nil,
      since: random.chance(0.4) ? FlowDate(parsing: "202\(random.int(0 ... 3))") : nil)
    let selection = try FlowSelection(graph: graph, filter: filter)
    #expect((try EmptySelection.reason(graph: graph, filter: filter) == nil) == (selection.count > 0))
  }
}
