import Testing
@testable import MoneyFlow

/// A currency without a rate to the base currency: its amounts are unknown,
/// never mixed in and never an error, and the rest of the answer stays exact.
@Suite struct UnratedCurrencyTests {
  /// A random graph of ``RandomFlowGraphs`` (USD base, some flows in JPY)
  /// with the JPY rate taken away.
  static func unratedGraph(seed: UInt64) -> FlowGraph {
    var graph = RandomFlowGraphs.make(seed: seed &+ 91_000, maxFlows: 30)
    graph.rates = []
    return graph
  }

  /// The amount a cycle through `links` (the flows of each hop) must have:
  /// unknown when a hop has a JPY amount or no amount at all, else the
  /// smallest hop total in USD.
  static func expectedAmount(_ links: [[Int]], _ graph: FlowGraph) -> Double? {
    var smallest = Double.infinity
    for flows in links {
      let amounts = flows.compactMap { graph.amount(of: $0) == nil ? nil : $0 }
      if amounts.isEmpty || amounts.contains(where: { graph.currencyCode(of: $0) == "JPY" }) { return nil }
      smallest = min(smallest, amounts.reduce(0) { $0 + (graph.amountValue(of: $1) ?? 0) })
    }
    return smallest
  }

  @Test func conversionMarksTheCurrencyUnrated() throws {
    let csv = "from,to,kind,amount,currency,date\na,b,loan,100,USD,2025\nb,a,loan,5,BTC,2025\nb,a,loan,7,BTC,2025\n"
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "u.csv").read().withCurrency("USD", rates: [])
    let conversion = try CurrencyConversion(graph: graph)
    #expect(conversion.unrated.map(\.code) == ["BTC"] && conversion.unrated.map(\.flows) == [2])
    #expect(conversion.value(of: 0, in: graph) == 100 && conversion.value(of: 1, in: graph) == nil)
    #expect(conversion.isUnrated(1, in: graph) && !conversion.isUnrated(0, in: graph))
    #expect(graph.unratedCurrencies(of: 0 ..< 3) == ["BTC"] && graph.unratedCurrencies(of: [0]).isEmpty)
    // Without a base currency two currencies still cannot be ranked at all.
    #expect(throws: CurrencyConversion.Failure.self) { try CurrencyConversion(graph: try CSVEdgeListReader(bytes: Array(csv.utf8), file: "u.csv").read()) }
  }

  @Test(arguments: 0 ..< 150)
  func elementaryCyclesKeepUnknownAmounts(seed: UInt64) throws {
    let graph = Self.unratedGraph(seed: seed)
    let result = try graph.elementaryCycles(CycleSearchOptions(limit: 0))
    let rated = try RandomFlowGraphs.make(seed: seed &+ 91_000, maxFlows: 30).elementaryCycles(CycleSearchOptions(limit: 0))
    #expect(result.count == rated.count, "seed \(seed)")
    for cycle in result.cycles {
      let expected = Self.expectedAmount(cycle.flows, graph)
      #expect(isClose(cycle.circulating, expected), "seed \(seed): \(cycle.companies)")
    }
    // Known amounts rank first, largest first.
    let amounts = result.cycles.map(\.circulating)
    let firstUnknown = amounts.firstIndex { $0 == nil } ?? amounts.count
    #expect(amounts[firstUnknown...].allSatisfy { $0 == nil }, "seed \(seed)")
    let known = amounts[..<firstUnknown].compactMap { $0 }
    #expect(zip(known, known.dropFirst()).allSatisfy { $0 >= $1 }, "seed \(seed)")
  }

  @Test(arguments: 0 ..< 100)
  func temporalCyclesKeepUnknownAmounts(seed: UInt64) throws {
    let graph = Self.unratedGraph(seed: seed)
    let result = try graph.temporalCycles(TemporalCycleSearchOptions(limit: 0))
    for cycle in result.cycles {
      let hasUnknown = cycle.flows.contains { graph.amount(of: $0) == nil || graph.currencyCode(of: $0) == "JPY" }
      let expected = hasUnknown ? nil : cycle.flows.compactMap { graph.amountValue(of: $0) }.min()
      #expect(isClose(cycle.circulating, expected), "seed \(seed)")
    }
  }

  @Test(arguments: 0 ..< 60)
  func statisticsAndCirculationLeaveUnratedFlowsOut(seed: UInt64) throws {
    let graph = Self.unratedGraph(seed: seed)
    let jpy = (0 ..< graph.flowCount).filter { graph.hasAmount($0) && graph.currencyCode(of: $0) == "JPY" }
    let stats = try GraphStatistics(graph: graph)
    #expect(stats.unratedFlows == jpy.count && stats.unratedCurrencies == (jpy.isEmpty ? [] : ["JPY"]))
    #expect(stats.undisclosedFlows == (0 ..< graph.flowCount).filter { !graph.hasAmount($0) }.count)
    let usd = (0 ..< graph.flowCount).filter { graph.hasAmount($0) && graph.currencyCode(of: $0) != "JPY" }
    let total = stats.byKind.reduce(0) { $0 + $1.total }
    #expect(abs(total - usd.reduce(0) { $0 + (graph.amountValue(of: $1) ?? 0) }) <= 1e-6 * max(1, total))
    let circulation = try graph.maximumCirculation()
    for flow in jpy { #expect(!circulation.isIncluded[flow], "seed \(seed)") }
  }

  @Test func minimumAmountLeavesUnratedFlowsOutAndCountsThem() throws {
    let csv = "from,to,kind,amount,currency,date\na,b,loan,100,USD,2025\nb,a,loan,50,USD,2025\nb,a,loan,5,BTC,2025\n"
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "u.csv").read().withCurrency("USD", rates: [])
    let selection = try FlowSelection(graph: graph, filter: FlowFilter(minimumAmount: 10))
    #expect(selection.isSelected == [true, true, false] && selection.undisclosedExcluded == 1)
    let result = try graph.elementaryCycles(CycleSearchOptions(filter: FlowFilter(minimumAmount: 10)))
    #expect(result.cycles.map(\.circulating) == [50])
    // Without the bound the BTC flow joins the link b → a, whose total becomes unknown.
    #expect(try graph.elementaryCycles(CycleSearchOptions()).cycles.map(\.circulating) == [nil])
    let text = CycleReport.text(try graph.elementaryCycles(CycleSearchOptions()), graph: graph)
    #expect(text.contains("circulating amount unknown (no rate from BTC to USD), length 2"))
  }
}
