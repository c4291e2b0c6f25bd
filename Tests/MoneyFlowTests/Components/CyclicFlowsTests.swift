import Testing
@testable import MoneyFlow

@Suite struct CyclicFlowsTests {
  @Test(arguments: 0 ..< 200)
  func matchesTheFlowsOfEnumeratedCycles(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 60_000, maxFlows: seed % 2 == 0 ? 20 : 45)
    var random = TestRandom(seed: seed)
    let maxLength = random.chance(0.4) ? nil : random.int(0 ... 5)
    let kinds: FlowKindSet = random.chance(0.3) ? .all : .moneyMoving
    let cyclic = CyclicFlows(graph: graph, kinds: kinds, maxLength: maxLength)
    let brute = BruteForceCycles(graph: graph, filter: FlowFilter(kinds: kinds))
    var expected = [Bool](repeating: false, count: graph.flowCount)
    var companies = [Bool](repeating: false, count: graph.companyCount)
    for cycle in brute.cycles(maxLength: maxLength) {
      for flow in cycle.flows.joined() { expected[flow] = true }
      for v in cycle.nodes { companies[v] = true }
    }
    #expect(cyclic.isOnCycle == expected, "seed \(seed)")
    #expect(cyclic.isCompanyOnCycle == companies, "seed \(seed)")
    #expect(cyclic.count == expected.filter { $0 }.count)
  }

  @Test func microsoftOpenAI() throws {
    let graph = ElementaryCyclesTests.microsoftOpenAI()
    let cyclic = CyclicFlows(graph: graph)
    #expect(cyclic.isOnCycle == [true, true, true])
    #expect(CyclicFlows(graph: graph, maxLength: 1).count == 0)
    let selection = try FlowSelection(graph: graph, filter: FlowFilter(minimumAmount: 1e9))
    #expect(CyclicFlows(graph: graph, selection: selection).isOnCycle == [true, true, false])
  }
}
