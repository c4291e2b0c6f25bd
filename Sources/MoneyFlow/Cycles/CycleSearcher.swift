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
/// Blocking lists ("B-lists") are kept per *link*: the list of company `w`
/// chains the links `v → w` whose payer `v` waits for `w`, through
/// `blockNext`, and `inBlockList` makes insertion O(1) without duplicates.
struct CycleSearcher {
  let links: LinkGraph
  let componentOf: [Int32]

  // The current path: node, the link leaving it, the cursor into its links,
  // and a per-level value (Johnson: 1 if a cycle was found; bounded search:
  // the shortest distance back to the start found, `CycleSearcher.far` if none).
  let pathNode: WorkBuffer<Int32>
  let pathLink: WorkBuffer<Int32>
  let cursor: WorkBuffer<Int32>
  let level: WorkBuffer<Int32>
  let onPath: WorkBuffer<Bool>

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
  let blockHead: WorkBuffer<Int32>
  let blockNext: WorkBuffer<Int32>
  let inBlockList: WorkBuffer<Bool>
  // Explicit stacks for unblocking and relaxing.
  var work: [Int32] = []
  var workValue: [Int32] = []

  /// A distance larger than any cycle.
  static let far = Int32.max

  init(links: LinkGraph, components: StronglyConnectedComponents) {
    let n = links.companyCount
    self.links = links
    self.componentOf = components.componentOf
    pathNode = WorkBuffer(repeating: 0, count: n + 1)
    pathLink = WorkBuffer(repeating: 0, count: n + 1)
    cursor = WorkBuffer(repeating: 0, count: n + 1)
    level = WorkBuffer(repeating: 0, count: n + 1)
    onPath = WorkBuffer(repeating: false, count: n)
    inScope = WorkBuffer(repeating: false, count: n)
    distance = WorkBuffer(repeating: 0, count: n)
    blocked = WorkBuffer(repeating: true, count: n)
    lock = WorkBuffer(repeating: 0, count: n)
    lockStamp = WorkBuffer(repeating: 0, count: n)
    blockHead = WorkBuffer(repeating: -1, count: n)
    blockNext = WorkBuffer(repeating: -1, count: links.linkCount)
    inBlockList = WorkBuffer(repeating: false, count: links.linkCount)
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
    scope.removeAll(keepingCapacity: true)
    let component = componentOf[Int(start)]
    var head = -1
    var x = start
    var depth: Int32 = 0
    while true {
      if depth < maxDepth {
        for slot in Int(links.inStart[Int(x)]) ..< Int(links.inStart[Int(x) + 1]) {
          let u = links.linkSource[Int(links.inLinks[slot])]
          guard u > start, !inScope[Int(u)], componentOf[Int(u)] == component else { continue }
          inScope[Int(u)] = true
          distance[Int(u)] = depth + 1
          scope.append(u)
        }
      }
      head += 1
      guard head < scope.count else { break }
      x = scope[head]
      depth = distance[Int(x)]
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
    for i in 0 ... pathDepth { onPath[Int(pathNode[i])] = false }
    for v in scope {
      inScope[Int(v)] = false
      blocked[Int(v)] = true
      lock[Int(v)] = 0
      var e = blockHead[Int(v)]
      while e >= 0 {
        inBlockList[Int(e)] = false
        e = blockNext[Int(e)]
      }
      blockHead[Int(v)] = -1
    }
    scope.removeAll(keepingCapacity: true)
  }

  /// Adds `v` to the B-list of each company of the scope it has a link to.
  @inline(__always)
  mutating func waitForSuccessors(of v: Int32) {
    for l in Int(links.linkStart[Int(v)]) ..< Int(links.linkStart[Int(v) + 1]) {
      let w = Int(links.linkTarget[l])
      guard inScope[w], !inBlockList[l] else { continue }
      inBlockList[l] = true
      blockNext[l] = blockHead[w]
      blockHead[w] = Int32(l)
    }
  }

  /// Hands the cycle `pathNode[0 ... depth]`, closed by `pathLink[depth]`,
  /// to `sink`, with its bottleneck: the smallest link total (NaN when a link
  /// has no disclosed amount).
  ///
  /// - Returns: false if the sink wants the search to stop.
  @inline(__always)
  func emit(depth: Int, into sink: inout CycleSink) -> Bool {
    var amount = Double.nan
    if !sink.countOnly {
      amount = .infinity
      for i in 0 ... depth {
        let total = links.total[Int(pathLink[i])]
        if total.isNaN {
          amount = .nan
          break
        }
        if total < amount { amount = total }
      }
    }
    return sink.record(
      nodes: UnsafeBufferPointer(start: pathNode.base, count: depth + 1),
      hops: UnsafeBufferPointer(start: pathLink.base, count: depth + 1), amount: amount)
  }
}
