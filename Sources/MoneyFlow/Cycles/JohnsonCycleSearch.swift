extension CycleSearcher {
  /// Enumerates the elementary cycles through `start` whose other companies
  /// are in the scope, in lexicographic order of their company sequences.
  ///
  /// Johnson's algorithm (D. B. Johnson, "Finding all the elementary circuits
  /// of a directed graph", SIAM J. Computing 4(1), 1975), iterative: a
  /// company that found no way back to `start` stays blocked until a company
  /// it links to is unblocked, so fruitless parts of the graph are walked at
  /// most once between two cycles. Each company appears once per cycle; the
  /// cycle starts at `start`, which the caller chooses as the smallest
  /// company of its scope.
  ///
  /// - Precondition: the scope is set, `start` is not in it.
  /// - Returns: false if the sink stopped the search.
  /// - Complexity: O((*n* + *e*)(*c* + 1)) for *n* companies and *e* links in
  ///   the scope and *c* cycles found.
  mutating func enumerateUnbounded(from start: Int32, into sink: inout CycleSink) -> Bool {
    for v in scope { blocked[Int(v)] = false }
    var depth = 0
    pathNode[0] = start
    cursor[0] = links.linkStart[Int(start)]
    level[0] = 0
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
        } else if !blocked[Int(w)] {
          pathLink[depth] = slot
          depth += 1
          pathNode[depth] = w
          cursor[depth] = links.linkStart[Int(w)]
          level[depth] = 0
          blocked[Int(w)] = true
          onPath[Int(w)] = true
        }
        continue
      }
      onPath[v] = false
      if depth == 0 { break }
      let found = level[depth]
      if found != 0 { unblock(Int32(v)) } else { waitForSuccessors(of: Int32(v)) }
      depth -= 1
      level[depth] |= found
    }
    clearScope(pathDepth: depth)
    return running
  }

  /// Unblocks `u` and, transitively, the companies waiting for it (those in
  /// its B-list), except companies on the current path. Iterative.
  private mutating func unblock(_ u: Int32) {
    blocked[Int(u)] = false
    work.append(u)
    while let x = work.popLast() {
      var e = blockHead[Int(x)]
      blockHead[Int(x)] = -1
      while e >= 0 {
        let next = blockNext[Int(e)]
        inBlockList[Int(e)] = false
        let y = Int(links.linkSource[Int(e)])
        if blocked[y], !onPath[y] {
          blocked[y] = false
          work.append(Int32(y))
        }
        e = next
      }
    }
  }
}
