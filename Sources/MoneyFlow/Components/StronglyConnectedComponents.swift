/// The strongly connected components of a link graph: groups of companies in
/// which each company can reach every other through links.
///
/// A circular flow can only live inside one component, so cycle searches run
/// component by component. A component *has a cycle* when it holds two or
/// more companies, or one company with a flow to itself.
///
/// Components are numbered canonically: by their smallest company (ids sort
/// in byte order). Companies within a component are ascending.
public struct StronglyConnectedComponents: Sendable {
  /// The component number of each company, indexed by `CompanyID.rawValue`.
  public let componentOf: [Int32]
  /// `count + 1` offsets into ``members``.
  let memberStart: [Int32]
  /// Companies of each component, ascending.
  let members: [Int32]
  /// Whether each component has a cycle.
  let hasCycle: [Bool]

  /// Computes the components of `links`.
  ///
  /// Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph
  /// algorithms", SIAM J. Computing 1(2), 1972), written with an explicit
  /// stack: a chain of a million companies does not overflow the call stack.
  ///
  /// - Complexity: O(*V* + *L*) time and O(*V*) extra space, where *V* is the
  ///   number of companies and *L* the number of links.
  public init(links: LinkGraph) {
    let n = links.companyCount
    var workspace = TarjanWorkspace(nodeCount: n)
    var raw = [Int32](repeating: 0, count: n)
    var rawCount: Int32 = 0
    workspace.components(of: Array(0 ..< Int32(n)), start: links.linkStart, target: links.linkTarget, isMember: nil) {
      component in
      for v in component { raw[Int(v)] = rawCount }
      rawCount += 1
    }
    // Renumber canonically: by smallest member, found by scanning companies in order.
    var number = [Int32](repeating: -1, count: Int(rawCount))
    var next: Int32 = 0
    var componentOf = [Int32](repeating: 0, count: n)
    for v in 0 ..< n {
      let r = Int(raw[v])
      if number[r] < 0 {
        number[r] = next
        next += 1
      }
      componentOf[v] = number[r]
    }
    var memberStart = [Int32](repeating: 0, count: Int(next) + 1)
    for c in componentOf { memberStart[Int(c) + 1] += 1 }
    for i in 0 ..< Int(next) { memberStart[i + 1] += memberStart[i] }
    var fill = memberStart
    var members = [Int32](repeating: 0, count: n)
    for v in 0 ..< n {
      let c = Int(componentOf[v])
      members[Int(fill[c])] = Int32(v)
      fill[c] += 1
    }
    var hasCycle = [Bool](repeating: false, count: Int(next))
    for c in 0 ..< Int(next) {
      let size = memberStart[c + 1] - memberStart[c]
      hasCycle[c] = size > 1 || links.hasSelfLink(members[Int(memberStart[c])])
    }
    self.componentOf = componentOf
    self.memberStart = memberStart
    self.members = members
    self.hasCycle = hasCycle
  }

  /// The number of components.
  public var count: Int { hasCycle.count }

  /// The component holding `company`.
  public func component(of company: CompanyID) -> Int { Int(componentOf[company.index]) }

  /// The companies of component `component`, ascending.
  public func companies(inComponent component: Int) -> [CompanyID] {
    members[Int(memberStart[component]) ..< Int(memberStart[component + 1])].map { CompanyID($0) }
  }

  /// The number of companies in component `component`.
  public func size(ofComponent component: Int) -> Int {
    Int(memberStart[component + 1] - memberStart[component])
  }

  /// Whether component `component` has a cycle: two or more companies, or
  /// one with a flow to itself.
  public func hasCycle(component: Int) -> Bool { hasCycle[component] }

  /// The components that have a cycle, each ascending, sorted by their
  /// smallest company.
  ///
  /// - Complexity: O(*V*).
  public var cyclicComponents: [[CompanyID]] {
    (0 ..< count).filter { hasCycle[$0] }.map { companies(inComponent: $0) }
  }
}

extension FlowGraph {
  /// The strongly connected components of the graph formed by the flows of
  /// `kinds` (by default the money-moving ones).
  ///
  /// Amounts play no part, so this never needs exchange rates.
  ///
  /// - Complexity: O(*V* + *E*), iterative.
  public func stronglyConnectedComponents(kinds: FlowKindSet = .moneyMoving) -> StronglyConnectedComponents {
    StronglyConnectedComponents(links: LinkGraph(graph: self, kinds: kinds))
  }
}

/// Reusable state for Tarjan's algorithm on a subset of the companies.
///
/// Buffers are sized once for the whole graph and restored after each run,
/// so that the cycle search can split a component again and again without
/// allocating per company.
struct TarjanWorkspace {
  /// Discovery index of each node, -1 when unvisited.
  private let index: WorkBuffer<Int32>
  private let low: WorkBuffer<Int32>
  private let onStack: WorkBuffer<Bool>
  private var stack: [Int32] = []
  private var frameNode: [Int32] = []
  private var frameCursor: [Int32] = []

  init(nodeCount: Int) {
    index = WorkBuffer(repeating: -1, count: nodeCount)
    low = WorkBuffer(repeating: 0, count: nodeCount)
    onStack = WorkBuffer(repeating: false, count: nodeCount)
  }

  /// Calls `body` with the members of each strongly connected component of
  /// the subgraph induced by `nodes` (all nodes when `isMember` is nil;
  /// otherwise `isMember` must be true exactly for `nodes`), in reverse
  /// topological order.
  ///
  /// - Complexity: O(*n* + *e*) for *n* nodes and *e* links among them;
  ///   iterative.
  mutating func components(
    of nodes: [Int32], start: [Int32], target: [Int32], isMember: WorkBuffer<Bool>?,
    _ body: (ArraySlice<Int32>) -> Void
  ) {
    var counter: Int32 = 0
    for root in nodes where index[Int(root)] < 0 {
      visit(root, &counter)
      frameNode.append(root)
      frameCursor.append(start[Int(root)])
      while let v = frameNode.last {
        let top = frameNode.count - 1
        let cursor = frameCursor[top]
        if cursor < start[Int(v) + 1] {
          frameCursor[top] = cursor + 1
          let w = target[Int(cursor)]
          if let isMember, !isMember[Int(w)] { continue }
          if index[Int(w)] < 0 {
            visit(w, &counter)
            frameNode.append(w)
            frameCursor.append(start[Int(w)])
          } else if onStack[Int(w)] {
            low[Int(v)] = min(low[Int(v)], index[Int(w)])
          }
          continue
        }
        frameNode.removeLast()
        frameCursor.removeLast()
        if let parent = frameNode.last { low[Int(parent)] = min(low[Int(parent)], low[Int(v)]) }
        if low[Int(v)] == index[Int(v)] {
          var first = stack.count - 1
          while stack[first] != v { first -= 1 }
          for i in first ..< stack.count { onStack[Int(stack[i])] = false }
          body(stack[first...])
          stack.removeSubrange(first...)
        }
      }
    }
    for v in nodes { index[Int(v)] = -1 }
  }

  private mutating func visit(_ v: Int32, _ counter: inout Int32) {
    index[Int(v)] = counter
    low[Int(v)] = counter
    counter += 1
    stack.append(v)
    onStack[Int(v)] = true
  }
}
