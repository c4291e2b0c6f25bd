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

  /// Whether this cycle is listed before `other`: larger amount first, then
  /// by company sequence, then by flow sequence.
  func precedes(_ other: CirculationCycle) -> Bool {
    if units != other.units { return units > other.units }
    if companies != other.companies { return companies.lexicographicallyPrecedes(other.companies) }
    return flows.lexicographicallyPrecedes(other.flows)
  }
}

/// A circulation split into weighted simple cycles; see
/// ``MaximumCirculation/cycleDecomposition(in:limit:)``.
public struct CirculationDecomposition: Sendable, Equatable {
  /// The largest cycles, largest first: all of them, or as many as the limit.
  public var cycles: [CirculationCycle]
  /// How many cycles the whole decomposition has.
  public var count: Int
  /// How many flows the cycles of the whole decomposition have together.
  public var totalLength: Int
}

extension MaximumCirculation {
  /// Splits the circulation into weighted simple cycles whose amounts add up,
  /// flow by flow, to the circulation: where the circular money runs.
  ///
  /// Flow decomposition (Ford and Fulkerson 1962): walk along flows with a
  /// circular part left until the walk meets a company already on it; take
  /// that cycle with its bottleneck as amount, subtract it, and walk on from
  /// where the cycle closed. At each company the walk takes, among its first
  /// eight flows with something left (heaviest first), the one that closes
  /// the shortest cycle, else the heaviest. Each cycle empties at least one flow,
  /// so there are at most as many cycles as flows in the circulation's
  /// support (``circularFlowCount``). Amounts are subtracted in the solver's
  /// integers, so the whole decomposition sums back to the circulation
  /// exactly. Iterative and deterministic.
  ///
  /// On small graphs the cycles are short; on large sparse ones they can be
  /// long (a walk closes after about √*V* steps), so only the `limit` largest
  /// are kept (0 keeps all), largest first, then by company and flow sequence.
  ///
  /// - Parameters:
  ///   - graph: the graph the circulation was computed on.
  ///   - limit: how many of the largest cycles to keep; 0 keeps all.
  /// - Complexity: O(*E* + *S* log *S* + *L* + *C* log *k*) time, where *S* is
  ///   the number of flows in the support, *L* the total length of the *C*
  ///   cycles (at most *S*·*V*) and *k* the limit; O(*V* + *E*) space plus the
  ///   cycles kept.
  public func cycleDecomposition(in graph: FlowGraph, limit: Int = 0) -> CirculationDecomposition {
    guard graph.flowCount == circularUnits.count else {
      return CirculationDecomposition(cycles: [], count: 0, totalLength: 0)
    }
    let n = graph.companyCount
    // Support flows of each company in slots, heaviest first (then by
    // index), with their payee and what is left of them side by side so the
    // walk reads them in sequence.
    var start = [Int32](repeating: 0, count: n + 1)
    for flow in circularUnits.indices where circularUnits[flow] > 0 { start[Int(graph.payerIndex[flow]) + 1] += 1 }
    for v in 0 ..< n { start[v + 1] += start[v] }
    var slotFlow = [Int32](repeating: 0, count: Int(start[n]))
    var fill = start
    for flow in circularUnits.indices where circularUnits[flow] > 0 {
      let u = Int(graph.payerIndex[flow])
      slotFlow[Int(fill[u])] = Int32(flow)
      fill[u] += 1
    }
    for v in 0 ..< n where start[v + 1] - start[v] > 1 {
      slotFlow[Int(start[v]) ..< Int(start[v + 1])].sort {
        let (a, b) = (circularUnits[Int($0)], circularUnits[Int($1)])
        return a != b ? a > b : $0 < $1
      }
    }
    let slotHead = slotFlow.map { graph.payeeIndex[Int($0)] }
    var remaining = slotFlow.map { circularUnits[Int($0)] }
    var next = start  // first slot of each company that may have something left
    let lookahead = 8

    var kept = CycleHeap(limit: limit)
    var count = 0
    var totalLength = 0
    var position = [Int32](repeating: -1, count: n)  // index in pathNodes, -1 if off the path
    var pathNodes: [Int32] = []
    var pathSlots: [Int32] = []
    for origin in 0 ..< n {
      pathNodes.removeAll(keepingCapacity: true)
      pathSlots.removeAll(keepingCapacity: true)
      pathNodes.append(Int32(origin))
      position[origin] = 0
      var v = origin
      while true {
        // Skip emptied slots, then pick among the next few.
        var cursor = Int(next[v])
        let end = Int(start[v + 1])
        while cursor < end, remaining[cursor] == 0 { cursor += 1 }
        next[v] = Int32(cursor)
        // Only the origin can run dry: conservation leaves every other company
        // on the path as much to pay out as it has received.
        guard cursor < end else { break }
        var chosen = cursor
        var closing = Int32(-1)
        var scanned = 0
        var k = cursor
        while k < end, scanned < lookahead {
          if remaining[k] > 0 {
            scanned += 1
            let p = position[Int(slotHead[k])]
            if p > closing {
              closing = p
              chosen = k
            }
          }
          k += 1
        }
        let w = Int(slotHead[chosen])
        pathSlots.append(Int32(chosen))
        if closing < 0 {
          position[w] = Int32(pathNodes.count)
          pathNodes.append(Int32(w))
          v = w
          continue
        }
        // The walk met w again: pathSlots[closing...] is a cycle through w.
        let from = Int(closing)
        var bottleneck = Int64.max
        for slot in pathSlots[from...] { bottleneck = min(bottleneck, remaining[Int(slot)]) }
        for slot in pathSlots[from...] { remaining[Int(slot)] -= bottleneck }
        count += 1
        totalLength += pathSlots.count - from
        if kept.wants(units: bottleneck) {
          kept.insert(canonicalCycle(
            nodes: pathNodes[from...], flows: pathSlots[from...].map { slotFlow[Int($0)] }, units: bottleneck))
        }
        for node in pathNodes[(from + 1)...] { position[Int(node)] = -1 }
        pathNodes.removeSubrange((from + 1)...)
        pathSlots.removeSubrange(from...)
        v = w
      }
      for node in pathNodes { position[Int(node)] = -1 }
    }
    return CirculationDecomposition(cycles: kept.sorted(), count: count, totalLength: totalLength)
  }

  /// A cycle from the walk, rotated to start at its smallest company.
  private func canonicalCycle(nodes: ArraySlice<Int32>, flows: [Int32], units: Int64)
    -> CirculationCycle
  {
    var first = nodes.startIndex
    for i in nodes.indices where nodes[i] < nodes[first] { first = i }
    var companies: [CompanyID] = []
    var cycleFlows: [Int] = []
    companies.reserveCapacity(nodes.count)
    cycleFlows.reserveCapacity(nodes.count)
    for i in Array(first ..< nodes.endIndex) + Array(nodes.startIndex ..< first) {
      companies.append(CompanyID(nodes[i]))
      cycleFlows.append(Int(flows[i - nodes.startIndex]))
    }
    return CirculationCycle(
      companies: companies, flows: cycleFlows,
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

/// The `limit` first cycles in ``CirculationCycle/precedes(_:)`` order seen
/// so far: a binary heap with the last of them at the root (or every cycle
/// when the limit is 0).
private struct CycleHeap {
  let limit: Int
  var items: [CirculationCycle] = []

  init(limit: Int) { self.limit = max(0, limit) }

  /// Whether a cycle of this amount might be kept (ties are decided on insert).
  func wants(units: Int64) -> Bool {
    limit == 0 || items.count < limit || units >= items[0].units
  }

  mutating func insert(_ cycle: CirculationCycle) {
    if limit == 0 { items.append(cycle); return }
    if items.count < limit {
      items.append(cycle)
      var i = items.count - 1
      while i > 0 {
        let parent = (i - 1) / 2
        guard items[parent].precedes(items[i]) else { break }
        items.swapAt(parent, i)
        i = parent
      }
      return
    }
    guard cycle.precedes(items[0]) else { return }
    items[0] = cycle
    var i = 0
    while true {
      var last = i
      for child in [2 * i + 1, 2 * i + 2] where child < items.count && items[last].precedes(items[child]) {
        last = child
      }
      if last == i { break }
      items.swapAt(i, last)
      i = last
    }
  }

  func sorted() -> [CirculationCycle] { items.sorted { $0.precedes($1) } }
}
