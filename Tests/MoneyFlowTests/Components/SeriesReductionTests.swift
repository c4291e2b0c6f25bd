import Testing
@testable import MoneyFlow

@Suite struct SeriesReductionTests {
  /// A union of random cycles (so every arc lies on one), with chains.
  static func cycleUnion(seed: UInt64) -> CirculationChecks.Network {
    var random = TestRandom(seed: seed)
    let n = random.int(2 ... 9)
    var network = CirculationChecks.Network(nodeCount: n, tails: [], heads: [], capacities: [])
    for _ in 0 ..< random.int(1 ... 4) {
      let length = random.int(2 ... n)
      let nodes = (0 ..< n).shuffled(using: &random).prefix(length).map { Int32($0) }
      for i in nodes.indices {
        network.tails.append(nodes[i])
        network.heads.append(nodes[(i + 1) % nodes.count])
        network.capacities.append(Int64(random.int(1 ... 1_000)))
      }
    }
    return network
  }

  /// Contracting chains (cut at any weight) and solving with weights gives a
  /// feasible, optimal circulation of the original arcs.
  @Test(arguments: 0 ..< 150 as Range<UInt64>)
  func contractionKeepsTheOptimum(seed: UInt64) {
    let network = Self.cycleUnion(seed: 40_000 + seed)
    let direct = CirculationChecks.solve(network).flow.reduce(0, +)
    for maximumWeight: Int64 in [1, 2, 3, SeriesReduction.maximumWeight] {
      let reduced = SeriesReduction(
        nodeCount: network.nodeCount, tails: network.tails, heads: network.heads,
        capacities: network.capacities, maximumWeight: maximumWeight)
      #expect(reduced.weights.allSatisfy { $0 >= 1 && $0 <= maximumWeight })
      #expect(reduced.weights.reduce(0, +) + Int64(reduced.fixedFlow.filter { $0 > 0 }.count) == Int64(network.tails.count))
      let solution = CostScalingCirculation.maximumCirculation(
        nodeCount: network.nodeCount, tails: reduced.tails, heads: reduced.heads,
        capacities: reduced.capacities, weights: reduced.weights, longestCycle: network.nodeCount)
      let flow = reduced.expand(solution.flow)
      #expect(CirculationChecks.isFeasible(flow, in: network), "\(network)")
      #expect(CirculationChecks.negativeCycle(flow, in: network) == nil, "\(network)")
      #expect(flow.reduce(0, +) == direct, "\(network)")
    }
  }

  @Test func chainBetweenHubsBecomesOneWeightedArc() {
    // 0 → 1 → 2 → 3 → 0 and 0 → 3: nodes 1 and 2 are internal.
    let reduced = SeriesReduction(nodeCount: 4, tails: [0, 1, 2, 3, 0], heads: [1, 2, 3, 0, 3], capacities: [5, 3, 4, 9, 2])
    #expect(reduced.tails.count == 3)
    let chain = Int(reduced.contractedArc[0])
    #expect(reduced.contractedArc[1] == reduced.contractedArc[0] && reduced.contractedArc[2] == reduced.contractedArc[0])
    #expect(reduced.tails[chain] == 0 && reduced.heads[chain] == 3)
    #expect(reduced.capacities[chain] == 3 && reduced.weights[chain] == 3)
  }

  @Test func pureRingIsFixed() {
    let reduced = SeriesReduction(nodeCount: 3, tails: [0, 1, 2], heads: [1, 2, 0], capacities: [5, 3, 4])
    #expect(reduced.tails.isEmpty)
    #expect(reduced.expand([]) == [3, 3, 3])
  }
}
