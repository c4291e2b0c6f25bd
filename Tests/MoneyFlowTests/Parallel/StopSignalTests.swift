import Testing
@testable import MoneyFlow

@Suite struct StopSignalTests {
  /// A random graph of `n` companies and `m` investments (amounts 1 ... 100), dated in 2024.
  static func randomGraph(seed: UInt64, n: Int = 7, m: Int = 20) -> FlowGraph {
    var random = TestRandom(seed: seed)
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for v in 0 ..< n { builder.addCompany(Company(id: CirculationChecks.companyID(v))) }
    for _ in 0 ..< m {
      builder.addFlow(Flow(
        from: CirculationChecks.companyID(random.int(0 ... n - 1)), to: CirculationChecks.companyID(random.int(0 ... n - 1)),
        kind: .investment, amount: Amount(significand: Int64(1 + random.int(0 ... 99))),
        date: FlowDate(parsing: "2024-01-\(10 + random.int(0 ... 8))")))
    }
    return builder.build()
  }

  @Test func firstReasonIsKept() {
    let stop = StopSignal()
    #expect(stop.reason == nil)
    stop.stop(.signal(2))
    stop.stop(.cancelled)
    #expect(stop.reason == .signal(2))
    #expect(StopSignal(timeLimit: .zero).reason == .timeLimit(.zero))
    #expect(StopSignal(timeLimit: .seconds(3600)).reason == nil)
    #expect(StopSignal.Reason.timeLimit(.milliseconds(500)).description == "time limit of 0.5 s reached")
  }

  /// A signal that never fires changes nothing; one fired before the start
  /// stops every search at its first start company, truncated.
  @Test(arguments: 0 ..< 40 as Range<UInt64>) func cyclesStopCleanly(seed: UInt64) throws {
    let graph = Self.randomGraph(seed: seed)
    for threads in [1, 3] {
      for maxLength in [nil, 3] as [Int?] {
        let options = CycleSearchOptions(maxLength: maxLength, limit: 0, threads: threads)
        let plain = try graph.elementaryCycles(options)
        let running = try graph.elementaryCycles(options, stop: StopSignal(timeLimit: .seconds(3600)))
        #expect(running.count == plain.count && running.cycles == plain.cycles && !running.truncated)
        #expect(running.interruption == nil)
        let stop = StopSignal()
        stop.stop(.cancelled)
        let stopped = try graph.elementaryCycles(options, stop: stop)
        #expect(stopped.count == 0 && stopped.cycles.isEmpty)
        if plain.count > 0 {
          let interruption = try #require(stopped.interruption)
          #expect(stopped.truncated && interruption.reason == .cancelled)
          // Several threads settle the companies that splitting drops before searching.
          #expect(interruption.companiesSettled < interruption.companiesTotal)
          if threads == 1 { #expect(interruption.companiesSettled == 0) }
          // One thread names where it stopped: without a bound, the smallest company on a cycle.
          if threads == 1, maxLength == nil {
            #expect(interruption.nextStart == plain.cycles.map { $0.companies[0] }.min())
          }
        }
      }
      let temporal = TemporalCycleSearchOptions(limit: 0, threads: threads)
      let plainChains = try graph.temporalCycles(temporal)
      let stop = StopSignal()
      stop.stop(.signal(15))
      let stoppedChains = try graph.temporalCycles(temporal, stop: stop)
      #expect(stoppedChains.count == 0)
      #expect((stoppedChains.interruption != nil) == (plainChains.count > 0))
      #expect(stoppedChains.truncated == (plainChains.count > 0))
    }
  }

  /// A stopped solver still returns a feasible circulation (here zero, stopped
  /// before the first refine) and says why; an unfired one the maximum.
  @Test(arguments: 0 ..< 40 as Range<UInt64>) func circulationStopsFeasible(seed: UInt64) throws {
    let network = CirculationChecks.randomNetwork(seed: seed)
    let stop = StopSignal(timeLimit: .zero)  // passed already
    let stopped = CostScalingCirculation.maximumCirculation(
      nodeCount: network.nodeCount, tails: network.tails, heads: network.heads,
      capacities: network.capacities, longestCycle: network.nodeCount, stop: stop)
    #expect(CirculationChecks.isFeasible(stopped.flow, in: network))
    let full = CostScalingCirculation.maximumCirculation(
      nodeCount: network.nodeCount, tails: network.tails, heads: network.heads,
      capacities: network.capacities, longestCycle: network.nodeCount, stop: StopSignal())
    #expect(full.stopped == nil)
    #expect(full.flow.reduce(0, +) == CirculationChecks.solve(network).flow.reduce(0, +))
    let graph = CirculationChecks.graph(network)
    let result = try graph.maximumCirculation(filter: FlowFilter(), stop: stop)
    let unstopped = try graph.maximumCirculation(filter: FlowFilter())
    // Stopped: a lower bound (flows to oneself still count); not stopped (nothing for the solver): the answer.
    if let reason = result.stoppedBy {
      #expect(reason == .timeLimit(.zero) && result.circular <= unstopped.circular)
    } else {
      #expect(result.circular == unstopped.circular)
    }
  }
}
