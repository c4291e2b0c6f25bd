/// The flows that lie on at least one cycle of the link graph, optionally of
/// bounded length; used to highlight circular flows in drawings.
///
/// A flow lies on a cycle when its link does: a flow from a company to
/// itself always does (a cycle of length 1); a link `u → v` lies on a cycle
/// of at most *L* links exactly when `v` reaches `u` in at most *L* − 1 links.
/// Without a bound that is when `u` and `v` share a strongly connected
/// component.
public struct CyclicFlows: Sendable, Hashable {
  /// One entry per flow of the graph: whether it lies on such a cycle.
  /// Flows the selection left out are never on one.
  public let isOnCycle: [Bool]
  /// One entry per company: whether it lies on such a cycle.
  public let isCompanyOnCycle: [Bool]
  /// The length bound the flows were found with; nil for none.
  public let maxLength: Int?

  /// Finds the cyclic flows among those of `kinds` (by default the
  /// money-moving ones). Amounts play no part, so this never throws.
  ///
  /// - Complexity: O(*V* + *E*) without a bound; with bound *L*, a
  ///   breadth-first search of depth *L* − 1 from each company of a component
  ///   larger than *L*.
  public init(graph: FlowGraph, kinds: FlowKindSet = .moneyMoving, maxLength: Int? = nil) {
    self.init(graph: graph, links: LinkGraph(graph: graph, kinds: kinds), maxLength: maxLength)
  }

  /// Finds the cyclic flows among those `selection` keeps.
  public init(graph: FlowGraph, selection: FlowSelection, maxLength: Int? = nil) {
    self.init(graph: graph, links: LinkGraph(graph: graph, selection: selection), maxLength: maxLength)
  }

  /// With `minLength` 2, flows from a company to itself (on cycles of
  /// length 1 only) are left out.
  init(graph: FlowGraph, links: LinkGraph, maxLength: Int?, minLength: Int = 1) {
    let n = links.companyCount
    let components = StronglyConnectedComponents(links: links)
    let componentOf = components.componentOf
    var linkOnCycle = [Bool](repeating: false, count: links.linkCount)
    if (maxLength ?? 1) >= 1 {
      let bound = maxLength.map { Int32(clamping: $0) }
      var distance = [Int32](repeating: -1, count: n)
      var queue: [Int32] = []
      for v in 0 ..< n {
        let component = componentOf[v]
        let bounded = bound.map { Int($0) < components.size(ofComponent: Int(component)) } ?? false
        var searched = false
        for slot in Int(links.inStart[v]) ..< Int(links.inStart[v + 1]) {
          let l = Int(links.inLinks[slot])
          let u = Int(links.linkSource[l])
          if u == v {
            linkOnCycle[l] = minLength <= 1
            continue
          }
          guard componentOf[u] == component else { continue }
          guard bounded, let bound else {
            linkOnCycle[l] = true
            continue
          }
          if !searched {
            // Forward from v within the component, at most bound - 1 links.
            searched = true
            distance[v] = 0
            queue.append(Int32(v))
            var head = 0
            while head < queue.count {
              let x = Int(queue[head])
              head += 1
              guard distance[x] < bound - 1 else { continue }
              for k in Int(links.linkStart[x]) ..< Int(links.linkStart[x + 1]) {
                let y = Int(links.linkTarget[k])
                guard distance[y] < 0, componentOf[y] == component else { continue }
                distance[y] = distance[x] + 1
                queue.append(Int32(y))
              }
            }
          }
          linkOnCycle[l] = distance[u] >= 0
        }
        for x in queue { distance[Int(x)] = -1 }
        queue.removeAll(keepingCapacity: true)
      }
    }
    var isOnCycle = [Bool](repeating: false, count: graph.flowCount)
    var isCompanyOnCycle = [Bool](repeating: false, count: n)
    for l in 0 ..< links.linkCount where linkOnCycle[l] {
      isCompanyOnCycle[Int(links.linkSource[l])] = true
      for flow in links.flows(ofLink: l) { isOnCycle[Int(flow)] = true }
    }
    self.isOnCycle = isOnCycle
    self.isCompanyOnCycle = isCompanyOnCycle
    self.maxLength = maxLength
  }

  init(isOnCycle: [Bool], isCompanyOnCycle: [Bool], maxLength: Int?) {
    self.isOnCycle = isOnCycle
    self.isCompanyOnCycle = isCompanyOnCycle
    self.maxLength = maxLength
  }

  /// Whether flow `flow` lies on a cycle.
  public func contains(flow: Int) -> Bool { isOnCycle[flow] }

  /// Whether `company` lies on a cycle.
  public func contains(company: CompanyID) -> Bool { isCompanyOnCycle[company.index] }

  /// The number of flows on a cycle.
  public var count: Int { isOnCycle.reduce(0) { $0 + ($1 ? 1 : 0) } }
}
