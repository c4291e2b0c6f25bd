import Testing
@testable import MoneyFlow

@Suite struct MaximumCirculationCyclesTests {
  /// The cycles are simple, closed, canonical, sorted, at most one per support
  /// flow, and add up flow by flow to the circulation exactly.
  @Test(arguments: 0 ..< 200 as Range<UInt64>)
  func decompositionSumsBackExactly(seed: UInt64) throws {
    let network = CirculationChecks.randomNetwork(seed: 30_000 + seed, maxNodes: 8, maxArcs: 20)
    let g = CirculationChecks.graph(network)
    let c = try g.maximumCirculation()
    let decomposition = c.cycleDecomposition(in: g)
    let cycles = decomposition.cycles
    #expect(decomposition.count == cycles.count)
    #expect(decomposition.totalLength == cycles.reduce(0) { $0 + $1.flows.count })
    var sum = [Int64](repeating: 0, count: g.flowCount)
    for cycle in cycles {
      #expect(cycle.units > 0)
      #expect(cycle.amount == Double(cycle.units))
      #expect(cycle.flows.count == cycle.companies.count)
      #expect(Set(cycle.companies).count == cycle.companies.count)
      #expect(cycle.companies.first == cycle.companies.min())
      for (i, flow) in cycle.flows.enumerated() {
        #expect(g.payer(of: flow) == cycle.companies[i])
        #expect(g.payee(of: flow) == cycle.companies[(i + 1) % cycle.companies.count])
        sum[flow] += cycle.units
      }
    }
    #expect(sum == c.circularUnits, "\(network)")
    #expect(cycles.count <= c.circularFlowCount)
    #expect(zip(cycles, cycles.dropFirst()).allSatisfy { $0.units >= $1.units })
    #expect(c.cycleDecomposition(in: g) == decomposition)
    // A limit keeps the first cycles of the same order.
    for limit in [1, 2, 3] {
      let top = c.cycleDecomposition(in: g, limit: limit)
      #expect(top.cycles == Array(cycles.prefix(limit)))
      #expect(top.count == cycles.count)
    }
  }

  @Test func twoRingsSharingAFlow() throws {
    let g = MaximumCirculationTests.graph([("a", "b", "5"), ("b", "a", "4"), ("b", "c", "4"), ("c", "a", "4")])
    let cycles = try g.maximumCirculation().cycleDecomposition(in: g).cycles
    #expect(cycles.map(\.flows) == [[0, 2, 3], [0, 1]])
    #expect(cycles.map(\.amount) == [4, 1])
  }

  @Test func decimalAmountsStayExact() throws {
    let g = MaximumCirculationTests.graph([("b", "a", "0.1"), ("a", "b", "0.3"), ("a", "c", "0.2"), ("c", "a", "0.2")])
    let cycles = try g.maximumCirculation().cycleDecomposition(in: g).cycles
    #expect(cycles.map(\.amount) == [0.2, 0.1])
    #expect(cycles.map(\.companies) == [[CompanyID(0), CompanyID(2)], [CompanyID(0), CompanyID(1)]])
  }
}
