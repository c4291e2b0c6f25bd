/// One cycle of a circulation's decomposition: money going round a chain of
/// flows, with its amount.
public struct CirculationCycle: Sendable, Equatable {
  /// The companies in order, starting at the one whose id sorts first; the
  /// first is not repeated at the end.
  public var companies: [CompanyID]
  /// The flows in order: `flows[i]` goes from `companies[i]` to the next company.
  public var flows: [Int]
  /// The amount going round, in the base currency.
  public var amount: Double
  /// The amount in solver units (see ``CirculationRounding``).
  var units: Int64
}

extension MaximumCirculation {
  /// Splits the circulation into weighted simple cycles whose amounts add up,
  /// flow by flow, to the circulation: where the circular money runs.
  ///
  /// Flow decomposition (Ford and Fulkerson 1962): walk along flows with a
  /// circular part left, trying a company's flows by decreasing circular part
  /// (then flow index), until the walk meets a company already on it; take
  /// that cycle with its bottleneck as amount, subtract it, and walk on from
  /// where the cycle closed. Each cycle empties at least one flow, so there are
  /// at most as many cycles as flows in the circulation's support
  /// (``circularFlowCount``). Amounts are subtracted in the solver's integers,
  /// so the cycles sum back to the circulation exactly. Iterative and
  /// deterministic.
  ///
  /// Cycles come sorted by decreasing amount, then by their company sequence
  /// and flow sequence.
  ///
  /// - Parameter graph: the graph the circulation was computed on.
  /// - Complexity: O(*E* + *S* log *S* + *L*) time, where *S* is the number of
  ///   flows in the support and *L* the total length of the cycles found
  ///   (at most *S*·*V*).
  public func cycleDecomposition(in graph: FlowGraph) -> [CirculationCycle] {
    guard graph.flowCount == circularUnits.count else { return [] }
    let n = graph.companyCount
    var remaining = circularUnits
    // Support flows of each company, heaviest first.
    var start = [Int32](repeating: 0, count: n + 1)
    for flow in remaining.indices where remaining[flow] > 0 { start[Int(graph.payerIndex[flow]) + 1] += 1 }
    for v in 0 ..< n { start[v + 1] += start[v] }
    var support = [Int32](repeating: 0, count: Int(start[n]))
    var fill = start
    for flow in remaining.indices where remaining[flow] > 0 {
      let u = Int(graph.payerIndex[flow])
      support[Int(fill[u])] = Int32(flow)
      fill[u] += 1
    }
    for v in 0 ..< n where start[v + 1] - start[v] > 1 {
      support[Int(start[v]) ..< Int(start[v + 1])].sort {
        remaining[Int($0)] != remaining[Int($1)] ? remaining[Int($0)] > remaining[Int($1)] : $0 < $1
      }
    }
    var next = start  // current support flow of each company

    var cycles: [CirculationCycle] = []
    var position = [Int32](repeating: -1, count: n)  // index in pathNodes, -1 if off the path
    var pathNodes: [Int32] = []
    var pathFlows: [Int32] = []
    for origin in 0 ..< n {
      pathNodes = [Int32(origin)]
      pathFlows = []
      position[origin] = 0
      var v = origin
      while true {
        // The next flow out of v with a circular part left.
        var cursor = Int(next[v])
        let end = Int(start[v + 1])
        while cursor < end, remaining[Int(support[cursor])] == 0 { cursor += 1 }
        next[v] = Int32(cursor)
        guard cursor < end else {
          // Only the origin can run dry: conservation gives every other company
          // on the path as much left out as in. Unwind defensively.
          break
        }
        let flow = Int(support[cursor])
        let w = Int(graph.payeeIndex[flow])
        pathFlows.append(Int32(flow))
        let closing = Int(position[w])
        if closing < 0 {
          position[w] = Int32(pathNodes.count)
          pathNodes.append(Int32(w))
          v = w
          continue
        }
        // The walk met w again: pathFlows[closing...] is a cycle through w.
        var bottleneck = Int64.max
        for f in pathFlows[closing...] { bottleneck = min(bottleneck, remaining[Int(f)]) }
        for f in pathFlows[closing...] { remaining[Int(f)] -= bottleneck }
        cycles.append(canonicalCycle(
          nodes: pathNodes[closing...], flows: pathFlows[closing...], units: bottleneck))
        for node in pathNodes[(closing + 1)...] { position[Int(node)] = -1 }
        pathNodes.removeSubrange((closing + 1)...)
        pathFlows.removeSubrange(closing...)
        v = w
      }
      for node in pathNodes { position[Int(node)] = -1 }
    }
    cycles.sort { a, b in
      if a.units != b.units { return a.units > b.units }
      if a.companies != b.companies {
        return a.companies.lexicographicallyPrecedes(b.companies)
      }
      return a.flows.lexicographicallyPrecedes(b.flows)
    }
    return cycles
  }

  /// A cycle from the walk, rotated to start at its smallest company.
  private func canonicalCycle(nodes: ArraySlice<Int32>, flows: ArraySlice<Int32>, units: Int64)
    -> CirculationCycle
  {
    let nodes = Array(nodes)
    let flows = Array(flows)
    var first = 0
    for i in nodes.indices where nodes[i] < nodes[first] { first = i }
    let order = Array(first ..< nodes.count) + Array(0 ..< first)
    return CirculationCycle(
      companies: order.map { CompanyID(nodes[$0]) }, flows: order.map { Int(flows[$0]) },
      amount: MaximumCirculation.amount(units: units, rounding: rounding), units: units)
  }

  /// Solver units as an amount in the base currency.
  static func amount(units: Int64, rounding: CirculationRounding) -> Double {
    switch rounding {
    case .exact(let exponent): Amount(significand: units, exponent: Int8(exponent)).doubleValue
    case .roundedDown(let unit): Double(units) * unit
    }
  }
}
