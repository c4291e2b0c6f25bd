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
    let component = componentOf[Int(start)]
    let nearDepth = min(maxLength - 1, maxLength / 2)
    let farLock: Int32 = nearDepth >= maxLength - 1 ? 0 : maxLength - nearDepth
    markNearCompanies(start, depth: nearDepth, maxLength: maxLength)
    var depth = 0
    pathNode[0] = start
    cursor[0] = links.linkStart[Int(start)]
    level[0] = CycleSearcher.far
    onPath[Int(start)] = true
    var running = true
    while true {
      let v = Int(pathNode[depth])
      let slot = cursor[depth]
      if slot < links.linkStart[v + 1] {
        cursor[depth] = slot + 1
        let w = links.linkTarget[Int(slot)]
        if w == start {
          pathLink[depth] = slot
          guard emit(depth: depth, into: &sink) else {
            running = false
            break
          }
          level[depth] = 1
          continue
        }
        if lockStamp[Int(w)] != stamp {
          lockStamp[Int(w)] = stamp
          lock[Int(w)] = w > start && componentOf[Int(w)] == component ? farLock : 0
        }
        if Int32(depth + 1) < lock[Int(w)] {
          pathLink[depth] = slot
          depth += 1
          pathNode[depth] = w
          cursor[depth] = links.linkStart[Int(w)]
          level[depth] = CycleSearcher.far
          lock[Int(w)] = Int32(depth + 1)  // |path| with w on it, as in the paper: w may come back at the same depth
          onPath[Int(w)] = true
        }
        continue
      }
      onPath[v] = false
      if depth == 0 { break }
      let back = level[depth]
      if back != CycleSearcher.far {
        relaxLocks(from: Int32(v), distance: back, maxLength: maxLength)
      } else {
        waitForSuccessors(of: Int32(v), start: start, component: component)
      }
      depth -= 1
      // The parent's bound takes the child's as it is, not one more (as in
      // networkx's implementation of the algorithm): a way back found under
      // this path's blocking may be longer than the one a later path finds,
      // and the tighter "+ 1" bound was seen to miss cycles of length 6.
      if back != CycleSearcher.far, back < level[depth] { level[depth] = back }
    }
    for i in 0 ... depth { onPath[Int(pathNode[i])] = false }
    for v in blockTouched {
      var e = blockHead[Int(v)]
      while e >= 0 {
        inBlockList[Int(e)] = false
        e = blockNext[Int(e)]
      }
      blockHead[Int(v)] = -1
    }
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
    scope.removeAll(keepingCapacity: true)
    let component = componentOf[Int(start)]
    var head = -1
    var x = start
    var depth: Int32 = 0
    while true {
      if depth < maxDepth {
        for slot in Int(links.inStart[Int(x)]) ..< Int(links.inStart[Int(x) + 1]) {
          let u = links.linkSource[Int(links.inLinks[slot])]
          guard u > start, lockStamp[Int(u)] != stamp, componentOf[Int(u)] == component else { continue }
          lockStamp[Int(u)] = stamp
          distance[Int(u)] = depth + 1
          lock[Int(u)] = maxLength - depth
          scope.append(u)
        }
      }
      head += 1
      guard head < scope.count else { break }
      x = scope[head]
      depth = distance[Int(x)]
    }
    scope.removeAll(keepingCapacity: true)
  }

  /// Adds `v` to the B-list of each company it links to that the search
  /// may enter.
  @inline(__always)
  private mutating func waitForSuccessors(of v: Int32, start: Int32, component: Int32) {
    for l in Int(links.linkStart[Int(v)]) ..< Int(links.linkStart[Int(v) + 1]) {
      let w = links.linkTarget[l]
      guard w > start, !inBlockList[l], componentOf[Int(w)] == component else { continue }
      inBlockList[l] = true
      if blockHead[Int(w)] < 0 { blockTouched.append(w) }
      blockNext[l] = blockHead[Int(w)]
      blockHead[Int(w)] = Int32(l)
    }
  }

  /// Raises the lock of `u`, which is `distance` links from the start, to
  /// `maxLength - distance + 1`, and transitively those of the companies
  /// waiting for it (one link further), except companies on the path.
  /// Iterative.
  private mutating func relaxLocks(from u: Int32, distance: Int32, maxLength: Int32) {
    work.append(u)
    workValue.append(distance)
    while let x = work.popLast(), let b = workValue.popLast() {
      let relaxed = maxLength - b + 1
      guard lock[Int(x)] < relaxed else { continue }
      lock[Int(x)] = relaxed
      var e = blockHead[Int(x)]
      while e >= 0 {
        let y = links.linkSource[Int(e)]
        if !onPath[Int(y)] {
          work.append(y)
          workValue.append(b + 1)
        }
        e = blockNext[Int(e)]
      }
    }
  }
}
