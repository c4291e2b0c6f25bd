@testable import MoneyFlow

/// Independent, obviously correct (and slow) versions of the analyses:
/// recursive enumeration of all simple paths on dictionaries.
struct BruteForceCycles {
  struct Found: Hashable {
    var nodes: [Int]
    var amount: Double?  // nil: unknown
    var flows: [[Int]]
  }

  let graph: FlowGraph
  let selected: [Bool]
  /// Base-currency value of each flow, nil when undisclosed.
  let value: [Double?]
  /// (payer, payee) -> selected flows sorted by (time, index).
  var linkFlows: [[Int]: [Int]] = [:]

  init(graph: FlowGraph, filter: FlowFilter) {
    self.graph = graph
    var value: [Double?] = []
    var selected: [Bool] = []
    for i in 0 ..< graph.flowCount {
      let flow = graph.flow(i)
      let rate = flow.currency == "JPY" ? 0.0066 : 1
      let v = flow.amount.map { $0.doubleValue * rate }
      value.append(v)
      var keep = filter.kinds.contains(flow.kind)
      if keep, filter.since != nil || filter.until != nil {
        if let date = flow.date {
          if let since = filter.since, date.seconds < since.seconds { keep = false }
          if let until = filter.until {
            // The first instant after the bound: the next period's start.
            let c = until.components
            let next: Int64? =
              if let time = until.time {
                until.seconds + (time.hasSeconds ? 1 : 60)
              } else {
                switch until.precision {
                case .year: FlowDate(year: c.year + 1)?.seconds
                case .month: (c.month == 12 ? FlowDate(year: c.year + 1) : FlowDate(year: c.year, month: c.month + 1))?.seconds
                case .day: FlowDate(day: until.day + 1, precision: .day).seconds
                }
              }
            if let next, date.seconds >= next { keep = false }
          }
        } else {
          keep = false
        }
      }
      if keep, let minimum = filter.minimumAmount {
        if let v { keep = v >= minimum } else { keep = false }
      }
      selected.append(keep)
    }
    self.selected = selected
    self.value = value
    for i in 0 ..< graph.flowCount where selected[i] {
      linkFlows[[graph.payer(of: i).index, graph.payee(of: i).index], default: []].append(i)
    }
    for key in linkFlows.keys {
      linkFlows[key]?.sort { (graph.date(of: $0)?.seconds ?? .min, $0) < (graph.date(of: $1)?.seconds ?? .min, $1) }
    }
  }

  func total(_ u: Int, _ v: Int) -> Double? {
    let known = (linkFlows[[u, v]] ?? []).compactMap { value[$0] }
    return known.isEmpty ? nil : known.reduce(0, +)
  }

  /// All elementary cycles with at most `maxLength` links, in lexicographic
  /// order of their node sequences.
  func cycles(maxLength: Int?) -> [Found] {
    let n = graph.companyCount
    var successors = [[Int]](repeating: [], count: n)
    for key in linkFlows.keys { successors[key[0]].append(key[1]) }
    for i in 0 ..< n { successors[i].sort() }
    var result: [[Int]] = []
    func extend(_ path: inout [Int], _ onPath: inout Set<Int>) {
      let start = path[0]
      for w in successors[path.last!] {
        if w == start {
          if maxLength.map({ path.count <= $0 }) ?? true { result.append(path) }
        } else if w > start, !onPath.contains(w), maxLength.map({ path.count < $0 }) ?? true {
          path.append(w)
          onPath.insert(w)
          extend(&path, &onPath)
          onPath.remove(w)
          path.removeLast()
        }
      }
    }
    for s in 0 ..< n {
      var path = [s]
      var onPath: Set<Int> = [s]
      extend(&path, &onPath)
    }
    result.sort { $0.lexicographicallyPrecedes($1) }
    return result.map { nodes in
      var amount: Double? = .infinity
      var flows: [[Int]] = []
      for i in nodes.indices {
        let u = nodes[i]
        let v = nodes[(i + 1) % nodes.count]
        flows.append(linkFlows[[u, v]]!)
        if let t = total(u, v), let a = amount { amount = min(a, t) } else { amount = nil }
      }
      return Found(nodes: nodes, amount: amount, flows: flows)
    }
  }

  /// Whether `a` ranks before `b`: known amounts first, larger first, then
  /// node sequence, then flows.
  static func ranksBefore(_ a: Found, _ b: Found) -> Bool {
    if let first = bruteForceAmountOrder(a.amount, b.amount) { return first }
    if a.nodes != b.nodes { return a.nodes.lexicographicallyPrecedes(b.nodes) }
    return a.flows.flatMap { $0 }.lexicographicallyPrecedes(b.flows.flatMap { $0 })
  }

  /// Per company: (cycles, cycles with unknown amount, sum of known amounts).
  static func exposure(of cycles: [Found], companyCount: Int) -> [(cycles: Int, unknown: Int, sum: Double)] {
    var result = [(cycles: Int, unknown: Int, sum: Double)](repeating: (0, 0, 0), count: companyCount)
    for cycle in cycles {
      for v in cycle.nodes {
        result[v].cycles += 1
        if let a = cycle.amount { result[v].sum += a } else { result[v].unknown += 1 }
      }
    }
    return result
  }
}
