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
/// ``MaximumCirculation/cycleDecomposition(in:limit:threads:progress:)``.
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
  ///   - threads: with 2 or more, a support of several components (none
  ///     holding three quarters of it) is walked on two threads, one group
  ///     of whole components each; the answer is the same.
  ///   - progress: hears the companies done and their total as the walk
  ///     passes every hundredth of them; it changes nothing in the answer.
  /// - Complexity: O(*E* + *S* log *S* + *L* + *C* log *k*) time, where *S* is
  ///   the number of flows in the support, *L* the total length of the *C*
  ///   cycles (at most *S*·*V*) and *k* the limit; O(*V* + *E*) space plus the
  ///   cycles kept.
  public func cycleDecomposition(
    in graph: FlowGraph, limit: Int = 0, threads: Int = 1,
    progress: (@Sendable (_ companiesDone: Int, _ companiesTotal: Int) -> Void)? = nil
  ) -> CirculationDecomposition {
    cycleDecomposition(
      in: graph, limit: limit, threads: threads, parallelMinimumSlots: DecompositionWalk.parallelMinimumSlots,
      progress: progress)
  }

  /// ``cycleDecomposition(in:limit:threads:progress:)`` splitting over two
  /// threads from `parallelMinimumSlots` support flows on (tests lower it).
  func cycleDecomposition(
    in graph: FlowGraph, limit: Int, threads: Int, parallelMinimumSlots: Int,
    progress: (@Sendable (_ companiesDone: Int, _ companiesTotal: Int) -> Void)?
  ) -> CirculationDecomposition {
    guard graph.flowCount == circularUnits.count else {
      return CirculationDecomposition(cycles: [], count: 0, totalLength: 0)
    }
    let n = graph.companyCount
    // Support flows of each company in slots, heaviest first (then by
    // index), each slot holding what is left of its flow, its payee and the
    // flow side by side so the walk reads one cache line for them.
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
    let slots = slotFlow.map {
      DecompositionWalk.Slot(remaining: circularUnits[Int($0)], head: graph.payeeIndex[Int($0)], flow: $0)
    }
    guard threads > 1, let group = DecompositionWalk.groups(slots: slots, start: start, minimumSlots: parallelMinimumSlots)
    else {
      let part = decompose(slots: slots, start: start, limit: limit, group: nil, progress: progress)
      return CirculationDecomposition(cycles: part.kept.sorted(), count: part.count, totalLength: part.totalLength)
    }
    // Each thread walks the components of its group (its own copy of the
    // slots: the other group's are never touched); the merge keeps the same
    // cycles, count and length as one walk.
    let slotStart = start
    let parts = ParallelWork.run(threads: 2) { worker in
      decompose(
        slots: slots, start: slotStart, limit: limit, group: (group, UInt8(worker)),
        progress: worker == 0 ? progress : nil)
    }
    var kept = CycleHeap(limit: limit)
    for part in parts { for cycle in part.kept.items where kept.wants(units: cycle.units) { kept.insert(cycle) } }
    return CirculationDecomposition(
      cycles: kept.sorted(), count: parts.reduce(0) { $0 + $1.count },
      totalLength: parts.reduce(0) { $0 + $1.totalLength })
  }

  /// Walks from every company in order (of `group.of` equal to `group.this`
  /// if given) and keeps the `limit` largest cycles.
  private func decompose(
    slots: [DecompositionWalk.Slot], start: [Int32], limit: Int, group: (of: [UInt8], this: UInt8)?,
    progress: (@Sendable (_ companiesDone: Int, _ companiesTotal: Int) -> Void)?
  ) -> (kept: CycleHeap, count: Int, totalLength: Int) {
    let n = start.count - 1
    var walk = DecompositionWalk(slots: slots, start: start)
    var kept = CycleHeap(limit: limit)
    var count = 0
    var totalLength = 0
    let step = max(1, n / 100)
    for origin in 0 ..< n {
      if let progress, origin % step == step - 1 { progress(origin + 1, n) }
      if let group, group.of[origin] != group.this { continue }
      walk.decompose(from: origin) { units, length in
        count += 1
        totalLength += length
        return kept.wants(units: units)
      } keep: { nodes, flows, units in
        kept.insert(canonicalCycle(nodes: nodes, flows: flows, units: units))
      }
    }
    return (kept, count, totalLength)
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
private struct CycleHeap: Sendable {
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
