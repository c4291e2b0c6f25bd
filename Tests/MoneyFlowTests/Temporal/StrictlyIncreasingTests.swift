import Testing
@testable import MoneyFlow

/// `strictlyIncreasing`: each flow strictly later than the previous one.
@Suite struct StrictlyIncreasingTests {
  @Test(arguments: 0 ..< 200)
  func matchesBruteForce(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 40_000, maxFlows: seed % 3 == 0 ? 45 : 25)
    var options = TemporalCyclesTests.randomOptions(seed: seed)
    options.strictlyIncreasing = true
    options.threads = seed % 2 == 0 ? 1 : 3
    let result = try graph.temporalCycles(options)
    let brute = BruteForceCycles(graph: graph, filter: options.filter)
    let all = brute.temporalChains(window: options.window, maxLength: options.maxLength, strictly: true)
    #expect(result.count == all.count, "seed \(seed)")
    var ranked = all.sorted(by: BruteForceCycles.ranksBefore)
    if options.limit > 0, ranked.count > options.limit { ranked.removeSubrange(options.limit...) }
    #expect(result.cycles.map(\.flows) == ranked.map(\.flows), "seed \(seed)")
    // Every strict chain is also a chain that never goes backwards.
    let loose = brute.temporalChains(window: options.window, maxLength: options.maxLength)
    #expect(Set(all.map(\.flows)).isSubset(of: Set(loose.map(\.flows))), "seed \(seed)")
  }

  /// Two flows on one day close a loop only when equal dates are allowed.
  @Test func sameDayLoop() throws {
    var builder = FlowGraphBuilder()
    for (from, to) in [("a", "b"), ("b", "a")] {
      builder.addFlow(Flow(from: from, to: to, kind: .purchase, date: FlowDate(parsing: "2024-03-01")))
    }
    let graph = builder.build()
    #expect(try graph.temporalCycles().count == 1)
    #expect(try graph.temporalCycles(TemporalCycleSearchOptions(strictlyIncreasing: true)).count == 0)
  }
}
