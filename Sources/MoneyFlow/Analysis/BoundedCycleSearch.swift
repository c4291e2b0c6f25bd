extension CycleSearcher {
  /// Enumerates the elementary cycles of at most `maxLength` links through
  /// `start` whose other companies are in the scope, in lexicographic order of
  /// their company sequences.
  ///
  /// The length-bounded algorithm of A. Gupta and T. Suzumura ("Finding All
  /// Bounded-Length Simple Cycles in a Directed Graph", arXiv:2105.10094,
  /// 2021), iterative. Instead of Johnson's blocked flag each company carries
  /// a *lock*: it may be entered at depth *d* only if *d* < lock. Entering
  /// sets the lock to the depth; a company from which a way back of length
  /// *b* was found has its lock relaxed to `maxLength − b + 1`, and so,
  /// transitively, do the companies waiting for it. Locks start from the
  /// breadth-first distances computed by ``scopeReaching(_:maxDepth:)``, so a
  /// company that cannot get back to `start` within the remaining length is
  /// never entered: the search prunes rather than filters.
  ///
  /// - Precondition: the scope was set by `scopeReaching(start, maxDepth:
  ///   maxLength - 1)`; `maxLength >= 1`.
  /// - Returns: false if the sink stopped the search.
  /// - Complexity: O(*L*(*n* + *e*)(*c* + 1)) for *n* companies and *e* links in
  ///   the scope, *c* cycles found and bound *L*.
  mutating func enumerateBounded(from start: Int32, maxLength: Int32, into sink: inout CycleSink) -> Bool {
    for v in scope { lock[Int(v)] = maxLength - distance[Int(v)] + 1 }
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
        } else if Int32(depth + 1) < lock[Int(w)] {
          pathLink[depth] = slot
          depth += 1
          pathNode[depth] = w
          cursor[depth] = links.linkStart[Int(w)]
          level[depth] = CycleSearcher.far
          lock[Int(w)] = Int32(depth)
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
        waitForSuccessors(of: Int32(v))
      }
      depth -= 1
      if back != CycleSearcher.far, back + 1 < level[depth] { level[depth] = back + 1 }
    }
    clearScope(pathDepth: depth)
    return running
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
