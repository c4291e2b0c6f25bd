import Testing
@testable import MoneyFlow

@Suite struct DecompositionWalkTests {
  /// Several random networks side by side, as one graph.
  static func union(seed: UInt64, parts: Int) -> FlowGraph {
    var combined = CirculationChecks.Network(nodeCount: 0, tails: [], heads: [], capacities: [])
    for part in 0 ..< parts {
      let network = CirculationChecks.randomNetwork(seed: seed &* 31 &+ UInt64(part), maxNodes: 7, maxArcs: 18)
      let offset = Int32(combined.nodeCount)
      combined.tails += network.tails.map { $0 + offset }
      combined.heads += network.heads.map { $0 + offset }
      combined.capacities += network.capacities
      combined.nodeCount += network.nodeCount
    }
    return CirculationChecks.graph(combined)
  }

  /// Two threads, one group of whole components each, give the very same
  /// decomposition as one walk: cycles, count and total length.
  @Test func twoThreadsSameAsOne() throws {
    var split = 0
    for seed in 0 ..< 150 as Range<UInt64> {
      let g = Self.union(seed: 40_000 + seed, parts: 2 + Int(seed % 5))
      let c = try g.maximumCirculation()
      for limit in [0, 3] {
        let one = c.cycleDecomposition(in: g, limit: limit, threads: 1, parallelMinimumSlots: 0, progress: nil)
        let two = c.cycleDecomposition(in: g, limit: limit, threads: 2, parallelMinimumSlots: 0, progress: nil)
        #expect(one == two, "seed \(seed) limit \(limit)")
      }
      let support = (0 ..< g.flowCount).filter { c.circularUnits[$0] > 0 }
      var start = [Int32](repeating: 0, count: g.companyCount + 1)
      for flow in support { start[Int(g.payerIndex[flow]) + 1] += 1 }
      for v in 0 ..< g.companyCount { start[v + 1] += start[v] }
      var slots = [DecompositionWalk.Slot](
        repeating: DecompositionWalk.Slot(remaining: 0, head: 0, flow: 0), count: support.count)
      var fill = start
      for flow in support {
        let u = Int(g.payerIndex[flow])
        slots[Int(fill[u])] = DecompositionWalk.Slot(remaining: c.circularUnits[flow], head: g.payeeIndex[flow], flow: Int32(flow))
        fill[u] += 1
      }
      guard let group = DecompositionWalk.groups(slots: slots, start: start, minimumSlots: 0) else { continue }
      split += 1
      // Whole components: every slot joins companies of one group.
      for v in 0 ..< g.companyCount {
        for s in Int(start[v]) ..< Int(start[v + 1]) { #expect(group[v] == group[Int(slots[s].head)]) }
      }
    }
    #expect(split >= 50, "only \(split) graphs split")
  }

  @Test func oneComponentDoesNotSplit() {
    // A ring a → b → c → a: one component.
    let slots = [
      DecompositionWalk.Slot(remaining: 1, head: 1, flow: 0), DecompositionWalk.Slot(remaining: 1, head: 2, flow: 1),
      DecompositionWalk.Slot(remaining: 1, head: 0, flow: 2),
    ]
    #expect(DecompositionWalk.groups(slots: slots, start: [0, 1, 2, 3], minimumSlots: 0) == nil)
    // Two rings of two: split one each.
    let two = [
      DecompositionWalk.Slot(remaining: 1, head: 1, flow: 0), DecompositionWalk.Slot(remaining: 1, head: 0, flow: 1),
      DecompositionWalk.Slot(remaining: 1, head: 3, flow: 2), DecompositionWalk.Slot(remaining: 1, head: 2, flow: 3),
    ]
    #expect(DecompositionWalk.groups(slots: two, start: [0, 1, 2, 3, 4], minimumSlots: 0) == [0, 0, 1, 1])
    #expect(DecompositionWalk.groups(slots: two, start: [0, 1, 2, 3, 4], minimumSlots: 5) == nil)
  }
}
