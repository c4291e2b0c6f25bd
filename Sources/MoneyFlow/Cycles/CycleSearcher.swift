/// The working memory of one thread enumerating elementary cycles: the
/// current path, the search scope, and the blocking state of Johnson's and of
/// Gupta and Suzumura's algorithms.
///
/// Every buffer is sized once for the whole graph (``WorkBuffer``, no
/// copy-on-write checks); a search from one start company touches only the
/// companies it reaches and restores them afterwards (Johnson: the scope;
/// bounded search: generation stamps), so nothing is allocated per step or
/// per start.
///
/// Blocking lists are kept per link (``BlockLists``); both searches walk
/// the same depth-first frame stack (``walk(from:rule:into:)``), differing
/// only in where they may go (a ``CycleWalkRule``).
struct CycleSearcher {
  let links: LinkGraph
  let componentOf: [Int32]

  // The current path: node, the link leaving it (`hop`), the cursor into
  // its links, and a per-level value: the shortest distance back to the
  // start found, `CycleSearcher.far` if none.
  let path: SearchPath
  let level: WorkBuffer<Int32>

  // Johnson: the scope of the current start, the companies a cycle may pass
  // through. The bounded search uses `scope` as its breadth-first queue.
  let inScope: WorkBuffer<Bool>
  var scope: [Int32] = []
  let distance: WorkBuffer<Int32>

  // Johnson: blocked companies. True outside the scope.
  let blocked: WorkBuffer<Bool>
  // Gupta–Suzumura: a company may be entered at depth d only if d < lock.
  // lock[v] is valid for the current start when lockStamp[v] == stamp;
  // otherwise it is set on first sight.
  let lock: WorkBuffer<Int32>
  let lockStamp: WorkBuffer<UInt32>
  var stamp: UInt32 = 0
  // Companies whose B-list is not empty (bounded search).
  var blockTouched: [Int32] = []

  // B-lists, by link.
  let blocks: BlockLists
  // Explicit stacks for unblocking and relaxing.
  var work: [Int32] = []
  var workValue: [Int32] = []

  /// A distance larger than any cycle.
  static let far = Int32.max

  init(links: LinkGraph, components: StronglyConnectedComponents) {
    let n = links.companyCount
    self.links = links
    self.componentOf = components.componentOf
    path = SearchPath(companyCount: n)
    level = WorkBuffer(repeating: 0, count: n + 1)
    inScope = WorkBuffer(repeating: false, count: n)
    distance = WorkBuffer(repeating: 0, count: n)
    blocked = WorkBuffer(repeating: true, count: n)
    lock = WorkBuffer(repeating: 0, count: n)
    lockStamp = WorkBuffer(repeating: 0, count: n)
    blocks = BlockLists(companyCount: n, linkCount: links.linkCount)
  }

  /// Puts into the scope the companies of `start`'s component, other than
  /// `start` and numbered above it, that reach `start` in at most `maxDepth`
  /// links through such companies, and records their distance to `start`.
  ///
  /// Breadth-first search over the reverse links.
  ///
  /// - Complexity: O(*n* + *e*) for the *n* companies found and the *e* links
  ///   entering them.
  mutating func scopeReaching(_ start: Int32, maxDepth: Int32) {
    let inScope = self.inScope
    links.searchBackward(
      from: start, maxDepth: maxDepth, componentOf: componentOf, distance: distance, queue: &scope
    ) { u, _ in
      guard u > start, !inScope[Int(u)] else { return false }
      inScope[Int(u)] = true
      return true
    }
  }

  /// Puts `members`, except `start`, into the scope.
  mutating func scope<Members: Sequence<Int32>>(members: Members, except start: Int32) {
    scope.removeAll(keepingCapacity: true)
    for v in members where v != start {
      inScope[Int(v)] = true
      scope.append(v)
    }
  }

  /// Empties the scope and the B-lists of its companies, and restores the
  /// blocking state (`blocked` true, `lock` zero) and the path marks.
  mutating func clearScope(pathDepth: Int) {
    path.leave(through: pathDepth)
    for v in scope {
      inScope[Int(v)] = false
      blocked[Int(v)] = true
      lock[Int(v)] = 0
      blocks.clear(v)
    }
    scope.removeAll(keepingCapacity: true)
  }

  /// Adds `v` to the B-list of each company of the scope it has a link to.
  @inline(__always)
  mutating func waitForSuccessors(of v: Int32) {
    for l in Int(links.linkStart[Int(v)]) ..< Int(links.linkStart[Int(v) + 1]) {
      let w = links.linkTarget[l]
      if inScope[Int(w)] { _ = blocks.add(l, waitingFor: w) }
    }
  }

  /// Hands the cycle `path.node[0 ... depth]`, closed by `path.hop[depth]`,
  /// to `sink`, with its bottleneck: the smallest link total (NaN when a link
  /// has no disclosed amount).
  ///
  /// - Returns: false if the sink wants the search to stop.
  @inline(__always)
  func emit(depth: Int, into sink: inout CycleSink) -> Bool {
    path.emit(depth: depth, into: &sink, values: links.total, at: path.hop)
  }

  /// The depth-first walk of both searches from `start`, over the links in
  /// order, along the frame stack `path.node`/`path.hop`/`path.cursor`/`level`:
  /// each link back to `start` closes a cycle; `rule` says which other
  /// companies may be entered, and what leaving one means. `level[d]` is the
  /// shortest way back found from `path.node[d]` (`far` if none), taken by
  /// its parent as it is.
  ///
  /// - Returns: whether the sink let the walk run to the end, and the depth
  ///   it stopped at (0 at the end).
  /// - Complexity: O(*e*) per company entered, *e* its links.
  @inline(__always)
  mutating func walk<Rule: CycleWalkRule>(
    from start: Int32, rule: inout Rule, into sink: inout CycleSink
  ) -> (running: Bool, depth: Int) {
    var depth = 0
    path.node[0] = start
    path.cursor[0] = links.linkStart[Int(start)]
    level[0] = CycleSearcher.far
    path.onPath[Int(start)] = true
    while true {
      let v = Int(path.node[depth])
      let slot = path.cursor[depth]
      if slot < links.linkStart[v + 1] {
        path.cursor[depth] = slot + 1
        let w = links.linkTarget[Int(slot)]
        if w == start {
          path.hop[depth] = slot
          guard emit(depth: depth, into: &sink) else { return (false, depth) }
          level[depth] = 1
        } else if rule.enter(w, depth: depth + 1, &self) {
          path.hop[depth] = slot
          depth += 1
          path.node[depth] = w
          path.cursor[depth] = links.linkStart[Int(w)]
          level[depth] = CycleSearcher.far
          path.onPath[Int(w)] = true
        }
        continue
      }
      path.onPath[v] = false
      if depth == 0 { return (true, 0) }
      let back = level[depth]
      rule.leave(Int32(v), back: back, &self)
      depth -= 1
      if back < level[depth] { level[depth] = back }
    }
  }
}

/// Where the depth-first walk of a ``CycleSearcher`` may go: Johnson's
/// blocked companies or Gupta–Suzumura's locks.
protocol CycleWalkRule {
  /// Whether the walk may enter `w` as `path.node[depth]`; marks it entered.
  mutating func enter(_ w: Int32, depth: Int, _ searcher: inout CycleSearcher) -> Bool
  /// `v` is left: `back` is the shortest way back to the start found from
  /// it (`CycleSearcher.far` if none).
  mutating func leave(_ v: Int32, back: Int32, _ searcher: inout CycleSearcher)
}
