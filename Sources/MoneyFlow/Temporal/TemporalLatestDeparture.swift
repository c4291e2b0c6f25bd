/// For one start company `s`: the latest time each company can still pay
/// into a chain that gets back to `s` in time — a backward, latest-departure
/// search over the flows of a window.
///
/// This is the per-start form of the first phase of 2SCENT (Kumar and
/// Calders, "2SCENT: an efficient algorithm to enumerate all simple temporal
/// cycles", PVLDB 11(11), 2018), which finds for each flow whether and when a
/// loop back to its payer can close, so that the depth-first phase only
/// walks where a chain can close; and the "cycle union" pruning of the
/// temporal Johnson algorithm of Blanuša, Ienne and Atasu ("Fast parallel
/// algorithms for enumeration of simple, temporal, and hop-constrained
/// cycles", ACM TOPC 2023). The chain need not be simple here, so the time
/// found is an upper bound: a company entered after its latest time, or not
/// reached at all, cannot be on any chain back to `s`. Times are seconds
/// (``FlowGraph/time(of:)``).
///
/// The search is Dijkstra's, ordered by latest time (largest first), with a
/// binary heap, and it has a budget: after ``budget`` links looked at it
/// gives up and bounds nothing (``isComplete`` false), so it never costs more
/// than a constant per start flow beyond the depth-first search it guards.
/// On a long loop, a start from which no chain can close is settled by the
/// flows into it; only a start right after a step back in time walks back
/// along the run of dates before it, and the depth-first search then walks
/// that run once: linear in all, where walking forwards from every start is
/// quadratic.
struct TemporalLatestDeparture {
  /// The latest time, valid where `stamp[v] == generation`.
  let latest: WorkBuffer<Int64>
  let stamp: WorkBuffer<UInt32>
  var generation: UInt32 = 0
  /// Pending (time, company) pairs; a max-heap.
  var heap: [Pending] = []
  /// Whether the last search finished within its budget.
  var isComplete = true
  /// Links looked at before giving up.
  static let budget = 32

  init(companyCount n: Int) {
    latest = WorkBuffer(repeating: 0, count: n)
    stamp = WorkBuffer(repeating: 0, count: n)
  }

  /// The latest time `v` may pay into a chain back to the start, or nil when
  /// no chain from `v` gets back in time.
  @inline(__always)
  func latestTime(_ v: Int32) -> Int64? {
    guard isComplete else { return Int64.max }
    return stamp[Int(v)] == generation ? latest[Int(v)] : nil
  }

  /// Computes the latest times for chains back to `start` made of flows dated
  /// within `low ... high`, inside `start`'s component, whose last flow (the
  /// one into `start`) is dated `closingLow` or later, each flow at least
  /// `step` seconds after the previous one; with `aboveStartOnly`, through
  /// companies whose id sorts after `start` only.
  ///
  /// - Complexity: O(*b* log *b*) for the budget *b*.
  mutating func compute(
    links: LinkGraph, componentOf: [Int32], start: Int32, low: Int64, high: Int64, closingLow: Int64,
    step: Int64, aboveStartOnly: Bool
  ) {
    generation &+= 1
    if generation == 0 {
      stamp.fill(with: 0)
      generation = 1
    }
    heap.removeAll(keepingCapacity: true)
    isComplete = true
    var looked = 0
    let component = componentOf[Int(start)]
    relaxInto(start, links: links, componentOf: componentOf, component: component, start: start,
      low: max(low, closingLow), high: high, aboveStartOnly: aboveStartOnly)
    while let top = pop() {
      let v = top.company
      looked += Int(links.inStart[Int(v) + 1] - links.inStart[Int(v)])
      if looked > TemporalLatestDeparture.budget {
        isComplete = false
        return
      }
      let time = top.time
      guard latest[Int(v)] == time else { continue }  // A stale entry.
      let (ceiling, overflow) = time.subtractingReportingOverflow(step)
      guard !overflow, ceiling >= low else { continue }
      relaxInto(v, links: links, componentOf: componentOf, component: component, start: start,
        low: low, high: min(high, ceiling), aboveStartOnly: aboveStartOnly)
    }
  }

  /// Offers each payer `u` of `v` the latest time of its flows to `v` within
  /// `low ... high`.
  @inline(__always)
  private mutating func relaxInto(
    _ v: Int32, links: LinkGraph, componentOf: [Int32], component: Int32, start: Int32, low: Int64,
    high: Int64, aboveStartOnly: Bool
  ) {
    guard low <= high else { return }
    for slot in Int(links.inStart[Int(v)]) ..< Int(links.inStart[Int(v) + 1]) {
      let l = Int(links.inLinks[slot])
      let u = links.linkSource[l]
      guard u != start, componentOf[Int(u)] == component, !aboveStartOnly || u > start else { continue }
      // The last entry of the link dated at or before `high`.
      var lo = Int(links.flowStart[l])
      var hi = Int(links.flowStart[l + 1])
      while lo < hi {
        let mid = (lo + hi) / 2
        if links.entryTime[mid] <= high { lo = mid + 1 } else { hi = mid }
      }
      guard lo > Int(links.flowStart[l]) else { continue }
      let time = links.entryTime[lo - 1]
      guard time >= low else { continue }
      if stamp[Int(u)] == generation, latest[Int(u)] >= time { continue }
      stamp[Int(u)] = generation
      latest[Int(u)] = time
      push(Pending(time: time, company: u))
    }
  }

  /// A company offered a latest time, ordered by (time, company).
  struct Pending: Comparable {
    var time: Int64
    var company: Int32
    static func < (a: Pending, b: Pending) -> Bool { (a.time, a.company) < (b.time, b.company) }
  }

  private mutating func push(_ key: Pending) {
    heap.append(key)
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard heap[parent] < heap[i] else { break }
      heap.swapAt(parent, i)
      i = parent
    }
  }

  private mutating func pop() -> Pending? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var i = 0
      while true {
        let left = 2 * i + 1
        guard left < heap.count else { break }
        var child = left
        if left + 1 < heap.count, heap[left + 1] > heap[left] { child = left + 1 }
        guard heap[child] > heap[i] else { break }
        heap.swapAt(child, i)
        i = child
      }
    }
    return top
  }
}
