extension CycleSearcher {
  /// Enumerates the elementary cycles of at most `maxLength` links through
  /// `start` whose other companies belong to `start`'s component and are
  /// numbered above it, in lexicographic order of their company sequences.
  ///
  /// The length-bounded algorithm of A. Gupta and T. Suzumura ("Finding All
  /// Bounded-Length Simple Cycles in a Directed Graph", arXiv:2105.10094,
  /// 2021), iterative. Instead of Johnson's blocked flag each company carries
  /// a *lock*: it may be entered at depth *d* only if *d* < lock. Entering
  /// sets the lock to the depth; a company from which a way back of length
  /// *b* was found has its lock relaxed to `maxLength − b + 1`, and so,
  /// transitively, do the companies waiting for it.
  ///
  /// Locks start from distances, so the search prunes rather than filters,
  /// meeting in the middle: a backward breadth-first search from `start` of
  /// depth *h* = ⌈(`maxLength` − 1) / 2⌉ gives the exact distance back of the
  /// companies near it; any other company is at least *h* + 1 links away, so
  /// it may only be entered at depth below `maxLength − h`. (With *h* =
  /// `maxLength − 1` every company that can get back is found, and the others
  /// are never entered.) The shallow search costs far less than a full one
  /// for each start.
  ///
  /// - Precondition: `maxLength >= 1`.
  /// - Returns: false if the sink stopped the search.
  /// - Complexity: O(*L*(*n* + *e*)(*c* + 1)) for *n* companies and *e* links in
  ///   the component, *c* cycles found and bound *L*.
  mutating func enumerateBounded(from start: Int32, maxLength: Int32, into sink: inout CycleSink) -> Bool {
    nextStamp()
    let nearDepth = min(maxLength - 1, maxLength / 2)
    markNearCompanies(start, depth: nearDepth, maxLength: maxLength)
    var rule = BoundedRule(
      start: start, component: componentOf[Int(start)], maxLength: maxLength,
      farLock: nearDepth >= maxLength - 1 ? 0 : maxLength - nearDepth)
    let (running, depth) = walk(from: start, rule: &rule, into: &sink)
    path.leave(through: depth)
    for v in blockTouched { blocks.clear(v) }
    blockTouched.removeAll(keepingCapacity: true)
    return running
  }

  /// Starts a new generation of locks.
  private mutating func nextStamp() {
    stamp &+= 1
    if stamp == 0 {
      lockStamp.fill(with: 0)
      stamp = 1
    }
  }

  /// Sets the lock of each company of the component numbered above `start`
  /// that gets back to `start` within `depth` links (backward breadth-first
  /// search) to `maxLength − distance + 1`.
  ///
  /// - Complexity: O(*n* + *e*) for the *n* companies found and the links
  ///   entering them.
  private mutating func markNearCompanies(_ start: Int32, depth maxDepth: Int32, maxLength: Int32) {
    let (lockStamp, lock, stamp) = (self.lockStamp, self.lock, self.stamp)
    links.searchBackward(
      from: start, maxDepth: maxDepth, componentOf: componentOf, distance: distance, queue: &scope
    ) { u, distance in
      guard u > start, lockStamp[Int(u)] != stamp else { return false }
      lockStamp[Int(u)] = stamp
      lock[Int(u)] = maxLength - distance + 1
      return true
    }
    scope.removeAll(keepingCapacity: true)
  }

  /// Adds `v` to the B-list of each company it links to that the search
  /// may enter.
  @inline(__always)
  fileprivate mutating func waitForSuccessors(of v: Int32, start: Int32, component: Int32) {
    for l in Int(links.linkStart[Int(v)]) ..< Int(links.linkStart[Int(v) + 1]) {
      let w = links.linkTarget[l]
      guard w > start, componentOf[Int(w)] == component else { continue }
      let wasEmpty = blocks.head[Int(w)] < 0
      if blocks.add(l, waitingFor: w), wasEmpty { blockTouched.append(w) }
    }
  }

  /// Raises the lock of `u`, which is `distance` links from the start, to
  /// `maxLength - distance + 1`, and transitively those of the companies
  /// waiting for it (one link further), except companies on the path.
  /// Iterative.
  fileprivate mutating func relaxLocks(from u: Int32, distance: Int32, maxLength: Int32) {
    work.append(u)
    workValue.append(distance)
    while let x = work.popLast(), let b = workValue.popLast() {
      let relaxed = maxLength - b + 1
      guard lock[Int(x)] < relaxed else { continue }
      lock[Int(x)] = relaxed
      var e = blocks.head[Int(x)]
      while e >= 0 {
        let y = links.linkSource[Int(e)]
        if !path.onPath[Int(y)] {
          work.append(y)
          workValue.append(b + 1)
        }
        e = blocks.next[Int(e)]
      }
    }
  }
}

/// Gupta and Suzumura's rule: a company may be entered at depth *d* only if
/// *d* < its lock, and entering sets the lock; one left with a way back of
/// *b* links relaxes the locks, one without waits for its successors.
private struct BoundedRule: CycleWalkRule {
  let start: Int32
  let component: Int32
  let maxLength: Int32
  /// The lock of a company not near the start, on first sight.
  let farLock: Int32

  @inline(__always)
  func enter(_ w: Int32, depth: Int, _ searcher: inout CycleSearcher) -> Bool {
    if searcher.lockStamp[Int(w)] != searcher.stamp {
      searcher.lockStamp[Int(w)] = searcher.stamp
      searcher.lock[Int(w)] = w > start && searcher.componentOf[Int(w)] == component ? farLock : 0
    }
    guard Int32(depth) < searcher.lock[Int(w)] else { return false }
    searcher.lock[Int(w)] = Int32(depth + 1)  // |path| with w on it, as in the paper: w may come back at the same depth
    return true
  }

  // The parent's bound takes the child's as it is, not one more (as in
  // networkx's implementation of the algorithm): a way back found under
  // this path's blocking may be longer than the one a later path finds,
  // and the tighter "+ 1" bound was seen to miss cycles of length 6.
  @inline(__always)
  func leave(_ v: Int32, back: Int32, _ searcher: inout CycleSearcher) {
    if back != CycleSearcher.far {
      searcher.relaxLocks(from: v, distance: back, maxLength: maxLength)
    } else {
      searcher.waitForSuccessors(of: v, start: start, component: component)
    }
  }
}
