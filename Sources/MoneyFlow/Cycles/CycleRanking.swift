/// One cycle kept for the ranked list, in the compact form searches produce.
struct RankedCycle: Sendable, Hashable {
  /// The circulating amount; NaN when unknown.
  var amount: Double
  /// The companies, starting at the canonical one.
  var nodes: [Int32]
  /// `hops[i]` leaves `nodes[i]`: a link index for elementary cycles, a flow
  /// index for time-respecting cycles.
  var hops: [Int32]

  static func == (a: RankedCycle, b: RankedCycle) -> Bool {
    a.amount.bitPattern == b.amount.bitPattern && a.nodes == b.nodes && a.hops == b.hops
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(amount.bitPattern)
    hasher.combine(nodes)
    hasher.combine(hops)
  }
}

/// Keeps the `limit` highest-ranked cycles seen so far.
///
/// Rank order: a known circulating amount before an unknown one, larger
/// amounts first, then the company sequence in lexicographic order (company
/// numbers follow the byte order of ids, a shorter prefix first), then the
/// hop sequence. The order is total on distinct cycles, so the kept set does
/// not depend on the order cycles arrive in: results merged from several
/// threads equal those of one.
///
/// A bounded binary heap whose root is the worst kept cycle (J. W. J.
/// Williams, "Algorithm 232: Heapsort", CACM 7(6), 1964): a cycle that does
/// not beat the root is rejected without copying it.
///
/// - Complexity: O(log *limit*) comparisons per offered cycle, O(*k*) to copy
///   an admitted cycle of length *k*.
struct CycleRanking: Sendable {
  /// How many cycles to keep; 0 keeps all.
  let limit: Int
  /// With a limit: a heap with the worst kept cycle at index 0.
  private(set) var entries: [RankedCycle] = []

  init(limit: Int) { self.limit = max(0, limit) }

  /// Whether cycle `a` ranks before cycle `b`.
  static func ranksBefore<A: RandomAccessCollection<Int32>, B: RandomAccessCollection<Int32>>(
    _ aAmount: Double, _ aNodes: A, _ aHops: A, _ bAmount: Double, _ bNodes: B, _ bHops: B
  ) -> Bool where A.Index == Int, B.Index == Int {
    let aKnown = !aAmount.isNaN
    let bKnown = !bAmount.isNaN
    if aKnown != bKnown { return aKnown }
    if aKnown, aAmount != bAmount { return aAmount > bAmount }
    let byNodes = compare(aNodes, bNodes)
    if byNodes != 0 { return byNodes < 0 }
    return compare(aHops, bHops) < 0
  }

  static func ranksBefore(_ a: RankedCycle, _ b: RankedCycle) -> Bool {
    ranksBefore(a.amount, a.nodes, a.hops, b.amount, b.nodes, b.hops)
  }

  /// Three-way lexicographic comparison, a prefix first.
  private static func compare<A: RandomAccessCollection<Int32>, B: RandomAccessCollection<Int32>>(
    _ a: A, _ b: B
  ) -> Int where A.Index == Int, B.Index == Int {
    var i = a.startIndex
    var j = b.startIndex
    while i < a.endIndex, j < b.endIndex {
      if a[i] != b[j] { return a[i] < b[j] ? -1 : 1 }
      i += 1
      j += 1
    }
    if i == a.endIndex, j == b.endIndex { return 0 }
    return i == a.endIndex ? -1 : 1
  }

  /// Offers the cycle `nodes` with hops `hops`; copies it only if kept.
  mutating func offer(amount: Double, nodes: UnsafeBufferPointer<Int32>, hops: UnsafeBufferPointer<Int32>) {
    if limit > 0, entries.count == limit {
      let worst = entries[0]
      guard CycleRanking.ranksBefore(amount, nodes, hops, worst.amount, worst.nodes, worst.hops) else { return }
      entries[0] = RankedCycle(amount: amount, nodes: Array(nodes), hops: Array(hops))
      siftDown(0)
      return
    }
    entries.append(RankedCycle(amount: amount, nodes: Array(nodes), hops: Array(hops)))
    if limit > 0 { siftUp(entries.count - 1) }
  }

  /// The kept cycles, best first.
  ///
  /// - Complexity: O(*m* log *m*) for *m* kept cycles.
  func ranked() -> [RankedCycle] { entries.sorted(by: CycleRanking.ranksBefore) }

  /// The best `limit` cycles (0: all) of several rankings, best first.
  static func merge(_ rankings: [CycleRanking], limit: Int) -> [RankedCycle] {
    var all = rankings.flatMap(\.entries)
    all.sort(by: ranksBefore)
    if limit > 0, all.count > limit { all.removeSubrange(limit...) }
    return all
  }

  // A heap ordered so that each parent ranks after (is worse than) its children.
  private mutating func siftUp(_ index: Int) {
    var child = index
    while child > 0 {
      let parent = (child - 1) / 2
      guard CycleRanking.ranksBefore(entries[parent], entries[child]) else { return }
      entries.swapAt(parent, child)
      child = parent
    }
  }

  private mutating func siftDown(_ index: Int) {
    var parent = index
    while true {
      var worst = parent
      for child in [2 * parent + 1, 2 * parent + 2]
      where child < entries.count && CycleRanking.ranksBefore(entries[worst], entries[child]) {
        worst = child
      }
      if worst == parent { return }
      entries.swapAt(parent, worst)
      parent = worst
    }
  }
}
