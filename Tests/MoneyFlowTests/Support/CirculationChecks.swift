@testable import MoneyFlow

/// Independent checks for maximum circulations: feasibility, an optimality
/// test by Bellman–Ford on the residual graph, and two simple exact solvers.
enum CirculationChecks {
  /// A network: arcs `tails[i] → heads[i]` with capacities.
  struct Network: CustomStringConvertible {
    var nodeCount: Int
    var tails: [Int32]
    var heads: [Int32]
    var capacities: [Int64]

    var description: String {
      var text = "digraph {\n"
      for i in tails.indices { text += "  \(tails[i]) -> \(heads[i]) [label=\"\(capacities[i])\"]\n" }
      return text + "}"
    }
  }

  /// A random multigraph with self-arcs and parallel arcs; capacities spread
  /// over `1 ... maxCapacity` on a log scale (up to 10^6 apart) unless `tiny`.
  static func randomNetwork(seed: UInt64, maxNodes: Int = 6, maxArcs: Int = 12, tinyCapacities: Bool = false)
    -> Network
  {
    var random = TestRandom(seed: seed)
    let n = random.int(1 ... maxNodes)
    let m = random.int(0 ... maxArcs)
    var network = Network(nodeCount: n, tails: [], heads: [], capacities: [])
    for _ in 0 ..< m {
      let u = random.int(0 ... n - 1)
      // Bias towards cycles: often close back to a recent tail.
      let v = random.chance(0.3) && !network.tails.isEmpty ? Int(network.tails[random.int(0 ... network.tails.count - 1)]) : random.int(0 ... n - 1)
      network.tails.append(Int32(u))
      network.heads.append(Int32(v))
      if tinyCapacities {
        network.capacities.append(Int64(random.int(0 ... 3)))
      } else {
        var capacity: Int64 = Int64(random.int(1 ... 9))
        for _ in 0 ..< random.int(0 ... 6) { capacity *= 10 }
        capacity += Int64(random.int(0 ... 9))
        network.capacities.append(capacity)
      }
    }
    return network
  }

  /// Whether `flow` respects the capacities and conserves flow at every node.
  static func isFeasible(_ flow: [Int64], in network: Network) -> Bool {
    guard flow.count == network.capacities.count else { return false }
    var balance = [Int64](repeating: 0, count: network.nodeCount)
    for i in flow.indices {
      guard flow[i] >= 0, flow[i] <= network.capacities[i] else { return false }
      balance[Int(network.tails[i])] -= flow[i]
      balance[Int(network.heads[i])] += flow[i]
    }
    return balance.allSatisfy { $0 == 0 }
  }

  /// Residual arcs: forward with capacity left at cost −1, backward with flow at cost +1.
  static func residualArcs(_ flow: [Int64], in network: Network) -> [(from: Int, to: Int, cost: Int, arc: Int, forward: Bool)] {
    var arcs: [(from: Int, to: Int, cost: Int, arc: Int, forward: Bool)] = []
    for i in flow.indices {
      let (u, v) = (Int(network.tails[i]), Int(network.heads[i]))
      if flow[i] < network.capacities[i] { arcs.append((u, v, -1, i, true)) }
      if flow[i] > 0 { arcs.append((v, u, 1, i, false)) }
    }
    return arcs
  }

  /// A negative cycle of the residual graph found by Bellman–Ford, as
  /// residual arc positions, or nil if there is none (then `flow` is a
  /// maximum circulation).
  static func negativeCycle(_ flow: [Int64], in network: Network) -> [(arc: Int, forward: Bool)]? {
    let arcs = residualArcs(flow, in: network)
    let n = network.nodeCount
    var distance = [Int](repeating: 0, count: n)
    var predecessor = [Int](repeating: -1, count: n)
    var updated = -1
    for _ in 0 ... n {
      updated = -1
      for (k, a) in arcs.enumerated() where distance[a.from] + a.cost < distance[a.to] {
        distance[a.to] = distance[a.from] + a.cost
        predecessor[a.to] = k
        updated = a.to
      }
      if updated < 0 { return nil }
    }
    // Walk back n steps to land on the cycle, then collect it.
    var v = updated
    for _ in 0 ..< n { v = arcs[predecessor[v]].from }
    var cycle: [(arc: Int, forward: Bool)] = []
    var w = v
    repeat {
      let a = arcs[predecessor[w]]
      cycle.append((a.arc, a.forward))
      w = a.from
    } while w != v
    return cycle
  }

  /// The maximum circulation value by cycle cancelling (Klein 1967): start
  /// from zero and push around negative residual cycles until none is left.
  static func valueByCycleCancelling(_ network: Network) -> Int64? {
    var flow = [Int64](repeating: 0, count: network.capacities.count)
    for _ in 0 ..< 100_000 {
      guard let cycle = negativeCycle(flow, in: network) else { return flow.reduce(0, +) }
      var bottleneck = Int64.max
      for step in cycle {
        bottleneck = min(bottleneck, step.forward ? network.capacities[step.arc] - flow[step.arc] : flow[step.arc])
      }
      for step in cycle { flow[step.arc] += step.forward ? bottleneck : -bottleneck }
    }
    return nil
  }

  /// The maximum circulation value by trying every integer flow vector
  /// (tiny capacities only).
  static func valueByEnumeration(_ network: Network) -> Int64 {
    let m = network.capacities.count
    var flow = [Int64](repeating: 0, count: m)
    var best: Int64 = 0
    while true {
      if isFeasible(flow, in: network) { best = max(best, flow.reduce(0, +)) }
      var i = 0
      while i < m, flow[i] == network.capacities[i] { flow[i] = 0; i += 1 }
      if i == m { return best }
      flow[i] += 1
    }
  }

  /// Whether `prices` certify the optimality of `flow` (ε-optimality with
  /// ε = 1 for costs multiplied by `costUnit`).
  static func pricesCertify(_ solution: CostScalingCirculation.Solution, in network: Network) -> Bool {
    for i in network.capacities.indices where network.tails[i] != network.heads[i] {
      let (u, v) = (Int(network.tails[i]), Int(network.heads[i]))
      let reduced = -solution.costUnit + solution.price[u] - solution.price[v]
      if solution.flow[i] < network.capacities[i], reduced < -1 { return false }
      if solution.flow[i] > 0, -reduced < -1 { return false }
    }
    return true
  }

  /// Solves with the solver; a `longestCycle` above the node count is valid
  /// and makes small networks go through several scaling phases.
  static func solve(_ network: Network, longestCycle: Int? = nil) -> CostScalingCirculation.Solution {
    CostScalingCirculation.maximumCirculation(
      nodeCount: network.nodeCount, tails: network.tails, heads: network.heads,
      capacities: network.capacities, longestCycle: longestCycle ?? network.nodeCount)
  }

  /// The id of node `v` in ``graph(_:)``: `c1000`, `c1001`, ..., so that
  /// byte order is node order.
  static func companyID(_ v: Int) -> String { "c" + String(1000 + v) }

  /// A graph with companies ``companyID(_:)`` and the network's arcs as
  /// investments in the document currency USD.
  static func graph(_ network: Network) -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for v in 0 ..< network.nodeCount { builder.addCompany(Company(id: companyID(v))) }
    for i in network.tails.indices {
      builder.addFlow(Flow(
        from: companyID(Int(network.tails[i])), to: companyID(Int(network.heads[i])), kind: .investment,
        amount: Amount(significand: network.capacities[i])))
    }
    return builder.build()
  }
}
