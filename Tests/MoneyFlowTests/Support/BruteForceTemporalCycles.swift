@testable import MoneyFlow

extension BruteForceCycles {
  struct Chain: Hashable {
    var nodes: [Int]
    var flows: [Int]
    var amount: Double?
    /// Seconds from the first flow to the last.
    var span: Int
  }

  /// All time-respecting chains: every sequence of selected dated flows
  /// from every first flow, kept once per chain (rotations of a chain whose
  /// flows share one day are merged; that chain is written from its
  /// smallest company). Times are seconds, from each flow's `FlowDate`
  /// (not the graph's packed times); `window` is in seconds, or a
  /// ``FlowDuration``.
  func temporalChains(window: FlowDuration?, maxLength: Int?, strictly: Bool = false) -> [Chain] {
    temporalChains(windowSeconds: window.map { Int($0.seconds) }, maxLength: maxLength, strictly: strictly)
  }

  func temporalChains(windowSeconds window: Int?, maxLength: Int?, strictly: Bool = false) -> [Chain] {
    let dated = (0 ..< graph.flowCount).filter { selected[$0] && graph.date(of: $0) != nil }
    var out = [[Int]](repeating: [], count: graph.companyCount)
    for f in dated { out[graph.payer(of: f).index].append(f) }
    var found: [[Int]: [Int]] = [:]  // rotation-normalized flows -> chain as found
    let times = (0 ..< graph.flowCount).map { graph.date(of: $0).map { Int($0.seconds) } ?? Int.min }
    func day(_ f: Int) -> Int { times[f] }
    func extend(_ flows: inout [Int], _ nodes: inout [Int]) {
      let start = nodes[0]
      let first = day(flows[0])
      for f in out[nodes.last!] where (strictly ? day(f) > day(flows.last!) : day(f) >= day(flows.last!)) && (window.map { day(f) - first <= $0 } ?? true) {
        let w = graph.payee(of: f).index
        if w == start {
          if maxLength.map({ flows.count + 1 <= $0 }) ?? true { record(flows + [f], nodes) }
        } else if !nodes.contains(w), maxLength.map({ flows.count + 1 < $0 }) ?? true {
          flows.append(f)
          nodes.append(w)
          extend(&flows, &nodes)
          nodes.removeLast()
          flows.removeLast()
        }
      }
    }
    func record(_ flows: [Int], _ nodes: [Int]) {
      let smallest = nodes.indices.min { nodes[$0] < nodes[$1] }!
      let key = Array(flows[smallest...] + flows[..<smallest])
      let sameDay = Set(flows.map(day)).count == 1
      if sameDay {
        found[key] = key
      } else {
        if let previous = found[key] { precondition(previous == flows, "two valid rotations of a dated chain") }
        found[key] = flows
      }
    }
    for f in dated {
      let s = graph.payer(of: f).index
      let v = graph.payee(of: f).index
      guard maxLength.map({ $0 >= 1 }) ?? true else { continue }
      if v == s {
        record([f], [s])
        continue
      }
      var flows = [f]
      var nodes = [s, v]
      if maxLength.map({ $0 >= 2 }) ?? true { extend(&flows, &nodes) }
    }
    return found.values.map { flows in
      let nodes = flows.map { graph.payer(of: $0).index }
      let values = flows.map { value[$0] }
      let amount: Double? = values.contains { $0 == nil } ? nil : values.map { $0! }.min()
      return Chain(nodes: nodes, flows: flows, amount: amount, span: day(flows.last!) - day(flows[0]))
    }
  }

  static func ranksBefore(_ a: Chain, _ b: Chain) -> Bool {
    if let first = bruteForceAmountOrder(a.amount, b.amount) { return first }
    if a.nodes != b.nodes { return a.nodes.lexicographicallyPrecedes(b.nodes) }
    return a.flows.lexicographicallyPrecedes(b.flows)
  }
}
