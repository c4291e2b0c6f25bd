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
    var rule = JohnsonRule()
    let (running, depth) = walk(from: start, rule: &rule, into: &sink)
    clearScope(pathDepth: depth)
    return running
  }

  /// Unblocks `u` and, transitively, the companies waiting for it (those in
  /// its B-list), except companies on the current path. Iterative.
  fileprivate mutating func unblock(_ u: Int32) {
    let (blocked, onPath, blocks) = (self.blocked, path.onPath, self.blocks)
    blocked[Int(u)] = false
    work.append(u)
    while let x = work.popLast() {
      blocks.release(x, payers: links) { y in
        if blocked[Int(y)], !onPath[Int(y)] {
          blocked[Int(y)] = false
          work.append(y)
        }
      }
    }
  }
}

/// Johnson's rule: a company is entered only if not blocked, and blocked
/// when entered; one left with a way back is unblocked, one without waits
/// for its successors.
private struct JohnsonRule: CycleWalkRule {
  @inline(__always)
  func enter(_ w: Int32, depth: Int, _ searcher: inout CycleSearcher) -> Bool {
    guard !searcher.blocked[Int(w)] else { return false }
    searcher.blocked[Int(w)] = true
    return true
  }

  @inline(__always)
  func leave(_ v: Int32, back: Int32, _ searcher: inout CycleSearcher) {
    if back != CycleSearcher.far { searcher.unblock(v) } else { searcher.waitForSuccessors(of: v) }
  }
}
