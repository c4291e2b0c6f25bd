/// The working memory of one thread enumerating time-respecting cycles:
/// chains of individual flows, each company once, dates never going
/// backwards, back at the start within a window.
///
/// For each start flow `f₁` (payer `s`, day `d₁`) two depth-first passes
/// run, so that each chain is found exactly once, from its canonical first
/// flow:
/// - pass A finds chains whose last flow is later than `d₁` (then the dates
///   allow exactly one starting flow: the one after the only step back in
///   time, going round);
/// - pass B finds chains whose flows all fall on day `d₁` (any rotation would
///   do; the canonical one starts at the company whose id sorts first, so all
///   other companies must sort after `s`).
///
/// Pruning, never filtering afterwards: only flows dated within
/// `[current day, d₁ + window]` extend a chain. Without a length bound the
/// passes use *closing times* in the manner of the temporal Johnson algorithm
/// (Kumar and Calders, "2SCENT: an efficient algorithm to enumerate all
/// simple temporal cycles", VLDB 2018; Blanuša, Ienne and Atasu, "Fast
/// parallel algorithms for enumeration of simple, temporal, and
/// hop-constrained cycles", ACM TOPC 2023): a company from which no chain
/// closed when reached on day `t` is not entered again on day `t` or later
/// until a company it pays is unblocked. With a length bound the passes
/// prune statically instead: a company is entered only if it is close
/// enough (in links) to `s`, and early enough: on or before the latest day on
/// which a time-respecting walk from it can still leave for `s`.
struct TemporalCycleSearcher {
  let links: LinkGraph
  let componentOf: [Int32]
  /// The length bound asked for.
  let lengthBound: Int32?
  /// Size of each component: a bound at least as large bounds nothing.
  let componentSize: [Int32]
  /// The bound in force for the current start: nil when `lengthBound` is
  /// nil or at least the size of the start's component.
  var maxLength: Int32?

  // The path: pathNode[0] is the start; pathEntry[d] is the link-flow entry
  // leaving pathNode[d]; arrival[d] the day pathNode[d] was reached.
  let pathNode: WorkBuffer<Int32>
  let pathEntry: WorkBuffer<Int32>
  let pathFlow: WorkBuffer<Int32>
  let arrival: WorkBuffer<Int32>
  let linkCursor: WorkBuffer<Int32>
  let entryCursor: WorkBuffer<Int32>
  let entryEnd: WorkBuffer<Int32>
  let found: WorkBuffer<Bool>
  let onPath: WorkBuffer<Bool>

  // Closing times (no length bound): enter a company on day t only if
  // t < closing; Int32.max when open. B-lists by link, as in CycleSearcher.
  let closing: WorkBuffer<Int32>
  let blockHead: WorkBuffer<Int32>
  let blockNext: WorkBuffer<Int32>
  let inBlockList: WorkBuffer<Bool>
  var touched: [Int32] = []
  let isTouched: WorkBuffer<Bool>
  var work: [Int32] = []

  // Static bounds (length bound): the companies within maxLength - 1 links
  // of the start, their distance, and the latest useful day.
  let inScope: WorkBuffer<Bool>
  var scope: [Int32] = []
  let distance: WorkBuffer<Int32>
  let latest: WorkBuffer<Int32>
  var heap: [Int64] = []

  static let open = Int32.max

  init(links: LinkGraph, components: StronglyConnectedComponents, maxLength: Int32?) {
    let n = links.companyCount
    self.links = links
    self.componentOf = components.componentOf
    self.lengthBound = maxLength
    self.componentSize = (0 ..< components.count).map { Int32(components.size(ofComponent: $0)) }
    pathNode = WorkBuffer(repeating: 0, count: n + 1)
    pathEntry = WorkBuffer(repeating: 0, count: n + 1)
    pathFlow = WorkBuffer(repeating: 0, count: n + 1)
    arrival = WorkBuffer(repeating: 0, count: n + 1)
    linkCursor = WorkBuffer(repeating: 0, count: n + 1)
    entryCursor = WorkBuffer(repeating: 0, count: n + 1)
    entryEnd = WorkBuffer(repeating: 0, count: n + 1)
    found = WorkBuffer(repeating: false, count: n + 1)
    onPath = WorkBuffer(repeating: false, count: n)
    closing = WorkBuffer(repeating: TemporalCycleSearcher.open, count: n)
    blockHead = WorkBuffer(repeating: -1, count: n)
    blockNext = WorkBuffer(repeating: -1, count: links.linkCount)
    inBlockList = WorkBuffer(repeating: false, count: links.linkCount)
    isTouched = WorkBuffer(repeating: false, count: n)
    inScope = WorkBuffer(repeating: false, count: n)
    distance = WorkBuffer(repeating: 0, count: n)
    latest = WorkBuffer(repeating: Int32.min, count: n)
  }

  /// Enumerates the time-respecting cycles whose canonical first flow
  /// leaves `start`, into `sink`.
  ///
  /// - Returns: false if the sink stopped the search.
  mutating func enumerate(from start: Int32, window: Int32?, into sink: inout CycleSink) -> Bool {
    maxLength = lengthBound
    if let bound = lengthBound, bound >= componentSize[Int(componentOf[Int(start)])] { maxLength = nil }
    if let maxLength {
      guard maxLength >= 1 else { return true }
      prepareStaticBounds(start, maxLength: maxLength)
    }
    defer { if maxLength != nil { clearStaticBounds() } }
    let component = componentOf[Int(start)]
    for l in Int(links.linkStart[Int(start)]) ..< Int(links.linkStart[Int(start) + 1]) {
      let first = links.linkTarget[l]
      guard componentOf[Int(first)] == component else { continue }
      for entry in Int(links.flowStart[l]) ..< Int(links.flowStart[l + 1]) {
        let day = links.entryDay[entry]
        pathNode[0] = start
        pathEntry[0] = Int32(entry)
        pathFlow[0] = links.linkFlows[entry]
        if first == start {
          // A flow from a company to itself: a chain of one flow.
          guard emit(depth: 0, into: &sink) else { return false }
          continue
        }
        if maxLength == 1 { continue }
        let horizon = window.map { Int32(clamping: Int64(day) + Int64($0)) } ?? Int32.max
        // Pass A: the last flow is later than the first.
        if horizon > day {
          guard
            search(
              start: start, first: first, day: day, through: horizon, closingFrom: day + 1, aboveStartOnly: false,
              into: &sink)
          else { return false }
        }
        // Pass B: every flow on the first flow's day, companies after the start.
        if first > start {
          guard
            search(
              start: start, first: first, day: day, through: day, closingFrom: day, aboveStartOnly: true,
              into: &sink)
          else { return false }
        }
      }
    }
    return true
  }

  /// Whether the chain may enter `w` (not the start) at depth `depth`.
  @inline(__always)
  private func admits(_ w: Int32, depth: Int, component: Int32, start: Int32, aboveStartOnly: Bool) -> Bool {
    if onPath[Int(w)] || componentOf[Int(w)] != component { return false }
    if aboveStartOnly, w < start { return false }
    if let maxLength {
      return inScope[Int(w)] && Int32(depth) + distance[Int(w)] <= maxLength
    }
    return true
  }

  /// The entries of link `l` dated within `low ... high`, as a range of
  /// indices into the link-flow arrays (flows of a link are sorted by day).
  @inline(__always)
  private func entries(of l: Int, from low: Int32, through high: Int32) -> (Int32, Int32) {
    let begin = Int(links.flowStart[l])
    let end = Int(links.flowStart[l + 1])
    func firstIndex(after bound: Int32, strictly: Bool) -> Int {
      var lo = begin
      var hi = end
      while lo < hi {
        let mid = (lo + hi) / 2
        let day = links.entryDay[mid]
        if strictly ? day <= bound : day < bound { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    if low > high { return (0, 0) }
    return (Int32(firstIndex(after: low, strictly: false)), Int32(firstIndex(after: high, strictly: true)))
  }

  /// One depth-first pass from the start flow in `pathEntry[0]`.
  private mutating func search(
    start: Int32, first: Int32, day: Int32, through horizon: Int32, closingFrom closingLow: Int32,
    aboveStartOnly: Bool, into sink: inout CycleSink
  ) -> Bool {
    let component = componentOf[Int(start)]
    guard admits(first, depth: 1, component: component, start: start, aboveStartOnly: aboveStartOnly) else {
      return true
    }
    if maxLength != nil {
      guard day <= latest[Int(first)] else { return true }
    } else if day >= closing[Int(first)] {
      return true
    }
    let dynamic = maxLength == nil
    onPath[Int(start)] = true
    var depth = 1
    enter(first, day: day, depth: depth)
    var running = true
    while true {
      let v = Int(pathNode[depth])
      let cursor = entryCursor[depth]
      if cursor < entryEnd[depth] {
        entryCursor[depth] = cursor + 1
        let w = links.linkTarget[Int(linkCursor[depth]) - 1]
        let entryDay = links.entryDay[Int(cursor)]
        pathEntry[depth] = cursor
        pathFlow[depth] = links.linkFlows[Int(cursor)]
        if w == start {
          guard emit(depth: depth, into: &sink) else {
            running = false
            break
          }
          found[depth] = true
        } else if dynamic ? entryDay < closing[Int(w)] : entryDay <= latest[Int(w)] {
          depth += 1
          enter(w, day: entryDay, depth: depth)
        } else {
          // Later flows of this link are blocked too.
          entryCursor[depth] = entryEnd[depth]
        }
        continue
      }
      let l = Int(linkCursor[depth])
      if l < Int(links.linkStart[v + 1]) {
        linkCursor[depth] = Int32(l + 1)
        let w = links.linkTarget[l]
        let t = arrival[depth]
        if w == start {
          (entryCursor[depth], entryEnd[depth]) = entries(of: l, from: max(t, closingLow), through: horizon)
        } else if admits(w, depth: depth + 1, component: component, start: start, aboveStartOnly: aboveStartOnly) {
          (entryCursor[depth], entryEnd[depth]) = entries(of: l, from: t, through: horizon)
        } else {
          entryCursor[depth] = 0
          entryEnd[depth] = 0
        }
        continue
      }
      // Every way on from v is tried: leave it.
      onPath[v] = false
      let success = found[depth]
      if dynamic {
        if success { unblock(Int32(v)) } else { block(Int32(v), from: arrival[depth], component: component) }
      }
      depth -= 1
      if depth == 0 { break }
      if success { found[depth] = true }
    }
    for d in 0 ... depth { onPath[Int(pathNode[d])] = false }
    if dynamic { clearClosingTimes() }
    return running
  }

  @inline(__always)
  private mutating func enter(_ w: Int32, day: Int32, depth: Int) {
    pathNode[depth] = w
    arrival[depth] = day
    linkCursor[depth] = links.linkStart[Int(w)]
    entryCursor[depth] = 0
    entryEnd[depth] = 0
    found[depth] = false
    onPath[Int(w)] = true
    touch(w)
  }

  @inline(__always)
  private mutating func touch(_ v: Int32) {
    if !isTouched[Int(v)] {
      isTouched[Int(v)] = true
      touched.append(v)
    }
  }

  /// `v`, reached on `day`, closed no chain: close it from that day on, and
  /// let it wait for each company of the component it pays.
  private mutating func block(_ v: Int32, from day: Int32, component: Int32) {
    closing[Int(v)] = day
    for l in Int(links.linkStart[Int(v)]) ..< Int(links.linkStart[Int(v) + 1]) {
      let w = links.linkTarget[l]
      guard componentOf[Int(w)] == component, !inBlockList[l] else { continue }
      inBlockList[l] = true
      blockNext[l] = blockHead[Int(w)]
      blockHead[Int(w)] = Int32(l)
      touch(w)
    }
  }

  /// Reopens `u` and, transitively, the companies waiting for it, except
  /// those on the path. Iterative.
  private mutating func unblock(_ u: Int32) {
    closing[Int(u)] = TemporalCycleSearcher.open
    work.append(u)
    while let x = work.popLast() {
      var e = blockHead[Int(x)]
      blockHead[Int(x)] = -1
      while e >= 0 {
        let next = blockNext[Int(e)]
        inBlockList[Int(e)] = false
        let y = links.linkSource[Int(e)]
        if closing[Int(y)] != TemporalCycleSearcher.open, !onPath[Int(y)] {
          closing[Int(y)] = TemporalCycleSearcher.open
          work.append(y)
        }
        e = next
      }
    }
  }

  private mutating func clearClosingTimes() {
    for v in touched {
      isTouched[Int(v)] = false
      closing[Int(v)] = TemporalCycleSearcher.open
      var e = blockHead[Int(v)]
      while e >= 0 {
        inBlockList[Int(e)] = false
        e = blockNext[Int(e)]
      }
      blockHead[Int(v)] = -1
    }
    touched.removeAll(keepingCapacity: true)
  }

  /// Finds the companies of the start's component within `maxLength - 1`
  /// links of it (backward breadth-first search), then the latest day on
  /// which each can still leave on a time-respecting walk to the start
  /// (label setting from the start backwards, latest first, over a binary
  /// heap).
  ///
  /// - Complexity: O(*e* log *e*) for the *e* links among the companies found.
  private mutating func prepareStaticBounds(_ start: Int32, maxLength: Int32) {
    let component = componentOf[Int(start)]
    var head = -1
    var x = start
    var depth: Int32 = 0
    while true {
      if depth < maxLength - 1 {
        for slot in Int(links.inStart[Int(x)]) ..< Int(links.inStart[Int(x) + 1]) {
          let u = links.linkSource[Int(links.inLinks[slot])]
          guard u != start, !inScope[Int(u)], componentOf[Int(u)] == component else { continue }
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
    // Latest departure: latest[start] is unbounded.
    heap.removeAll(keepingCapacity: true)
    push(day: Int32.max, node: start)
    while let (bound, x) = popLatest() {
      if x != start, bound < latest[Int(x)] { continue }  // stale
      for slot in Int(links.inStart[Int(x)]) ..< Int(links.inStart[Int(x) + 1]) {
        let l = Int(links.inLinks[slot])
        let u = links.linkSource[l]
        guard u != start, inScope[Int(u)] else { continue }
        // The latest flow of the link dated no later than `bound`.
        var lo = Int(links.flowStart[l])
        var hi = Int(links.flowStart[l + 1])
        while lo < hi {
          let mid = (lo + hi) / 2
          if links.entryDay[mid] <= bound { lo = mid + 1 } else { hi = mid }
        }
        guard lo > Int(links.flowStart[l]) else { continue }
        let candidate = links.entryDay[lo - 1]
        if candidate > latest[Int(u)] {
          latest[Int(u)] = candidate
          push(day: candidate, node: u)
        }
      }
    }
  }

  private mutating func clearStaticBounds() {
    for v in scope {
      inScope[Int(v)] = false
      latest[Int(v)] = Int32.min
    }
    scope.removeAll(keepingCapacity: true)
  }

  // A max-heap of (day, node) packed in one Int64.
  private mutating func push(day: Int32, node: Int32) {
    heap.append(Int64(day) << 32 | Int64(UInt32(bitPattern: node)))
    var child = heap.count - 1
    while child > 0, heap[(child - 1) / 2] < heap[child] {
      heap.swapAt(child, (child - 1) / 2)
      child = (child - 1) / 2
    }
  }

  private mutating func popLatest() -> (Int32, Int32)? {
    guard !heap.isEmpty else { return nil }
    let top = heap[0]
    heap[0] = heap[heap.count - 1]
    heap.removeLast()
    var parent = 0
    while true {
      var largest = parent
      for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && heap[child] > heap[largest] {
        largest = child
      }
      if largest == parent { break }
      heap.swapAt(parent, largest)
      parent = largest
    }
    return (Int32(truncatingIfNeeded: top >> 32), Int32(truncatingIfNeeded: top))
  }

  /// Hands the chain `pathFlow[0 ... depth]` to the sink with its
  /// circulating amount: the smallest flow amount (NaN if one is undisclosed).
  @inline(__always)
  private func emit(depth: Int, into sink: inout CycleSink) -> Bool {
    var amount = Double.nan
    if !sink.countOnly {
      amount = .infinity
      for d in 0 ... depth {
        let value = links.entryValue[Int(pathEntry[d])]
        if value.isNaN {
          amount = .nan
          break
        }
        if value < amount { amount = value }
      }
    }
    return sink.record(
      nodes: UnsafeBufferPointer(start: pathNode.base, count: depth + 1),
      hops: UnsafeBufferPointer(start: pathFlow.base, count: depth + 1), amount: amount)
  }
}
