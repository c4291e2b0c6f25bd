/// Per-company scratch of the watch searches (``IncrementalCycles``,
/// ``TemporalChainSearch``): the backward ball around the payer and the
/// companies on the current path. Marks are stamped, never cleared: a mark
/// counts only when it equals the current stamp, so each search starts with
/// a new stamp instead of clearing arrays as large as the graph.
struct StampedMarks: Sendable {
  /// `stamp` when the company is in the current ball.
  var ballStamp: [UInt32] = []
  /// Links from the company to the payer, valid when in the ball.
  var ballDistance: [Int32] = []
  /// `stamp` when the company is on the current path.
  var onPath: [UInt32] = []
  private(set) var stamp: UInt32 = 0

  /// Makes room for company numbers below `count`.
  ///
  /// - Complexity: amortized O(1) per company added.
  mutating func grow(to count: Int) {
    guard ballStamp.count < count else { return }
    let extra = count - ballStamp.count
    ballStamp.append(contentsOf: repeatElement(0, count: extra))
    ballDistance.append(contentsOf: repeatElement(0, count: extra))
    onPath.append(contentsOf: repeatElement(0, count: extra))
  }

  /// A new stamp; clears the marks only when the stamps wrap round.
  ///
  /// - Complexity: O(1), O(*V*) once every 2³² searches.
  mutating func next() -> UInt32 {
    if stamp == UInt32.max {
      stamp = 0
      for i in ballStamp.indices { ballStamp[i] = 0; onPath[i] = 0 }
    }
    stamp += 1
    return stamp
  }
}
