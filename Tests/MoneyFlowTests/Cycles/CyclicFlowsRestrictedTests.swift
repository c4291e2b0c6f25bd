import Testing
@testable import MoneyFlow

/// ``CyclicFlows/init(graph:filter:maxLength:through:minLength:threads:)``
/// (`dot --only-cyclic --through/--min-length`) against the flows of the
/// brute force's cycles, filtered afterwards.
@Suite struct CyclicFlowsRestrictedTests {
  @Test(arguments: 0 ..< 300)
  func matchesTheFlowsOfTheBruteForceCycles(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 90_000, maxFlows: seed % 3 == 0 ? 40 : 22)
    var random = TestRandom(seed: seed &* 7_919)
    let through = CycleRestrictionTests.randomThrough(graph, &random)
    let minLength = random.chance(0.25) ? nil : random.int(1 ... 5)
    let maxLength = random.chance(0.5) ? nil : random.int(1 ... 6)
    let filter = RandomFlowGraphs.filter(seed: seed)
    let cyclic = try CyclicFlows(
      graph: graph, filter: filter, maxLength: maxLength, through: through, minLength: minLength,
      threads: random.int(1 ... 2))
    var flows = [Bool](repeating: false, count: graph.flowCount)
    var companies = [Bool](repeating: false, count: graph.companyCount)
    let brute = BruteForceCycles(graph: graph, filter: filter)
    for cycle in brute.cycles(maxLength: maxLength)
    where CycleRestrictionTests.passes(cycle.nodes, through: through, minLength: minLength) {
      for flow in cycle.flows.joined() { flows[flow] = true }
      for v in cycle.nodes { companies[v] = true }
    }
    #expect(cyclic.isOnCycle == flows, "seed \(seed) through \(through) min \(String(describing: minLength))")
    #expect(cyclic.isCompanyOnCycle == companies, "seed \(seed)")
    #expect(cyclic.maxLength == maxLength)
  }

  /// A flow from a company to itself is on a cycle of length 1 only.
  @Test func minimumLengthTwoLeavesOutSelfLoops() throws {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for id in ["a", "b"] { builder.addCompany(Company(id: id, name: id.uppercased())) }
    for (from, to) in [("a", "a"), ("a", "b"), ("b", "a")] {
      builder.addFlow(Flow(from: from, to: to, kind: .loan, amount: Amount(significand: 1), currency: "USD"))
    }
    let graph = builder.build()
    let any = try CyclicFlows(graph: graph, filter: FlowFilter(), maxLength: nil, minLength: 1)
    let two = try CyclicFlows(graph: graph, filter: FlowFilter(), maxLength: nil, minLength: 2)
    #expect(any.isOnCycle == [true, true, true])
    #expect(two.isOnCycle == [false, true, true])
    #expect(try CyclicFlows(graph: graph, filter: FlowFilter(), maxLength: 1, minLength: 2).count == 0)
  }
}
