/// The working memory of one thread enumerating time-respecting cycles:
/// chains of individual flows, each company once, dates never going
/// backwards, back at the start within a window.
///
/// For each start flow `f₁` (payer `s`, time `d₁`, in seconds) two depth-first passes
/// run, so that each chain is found exactly once, from its canonical first
/// flow:
/// - pass A finds chains whose last flow is later than `d₁` (then the dates
///   allow exactly one starting flow: the one after the only step back in
///   time, going round);
/// - pass B finds chains whose flows all fall on time `d₁` (any rotation would
///   do; the canonical one starts at the company whose id sorts first, so all
///   other companies must sort after `s`).
///
/// Pruning, never filtering afterwards:
/// - only flows dated within `[current time, d₁ + window]` extend a chain;
/// - *closing times*, in the manner of the temporal Johnson algorithm
///   (Kumar and Calders, "2SCENT: an efficient algorithm to enumerate all
///   simple temporal cycles", VLDB 2018; Blanuša, Ienne and Atasu, "Fast
///   parallel algorithms for enumeration of simple, temporal, and
///   hop-constrained cycles", ACM TOPC 2023): a company from which no chain
///   closed when reached at time `t` at depth `d` is not entered again at time
///   `t` or later at depth `d` or deeper (with no length bound, at any
///   depth) until a company it pays is reopened, which happens when a chain
///   closes through that company (Johnson's unblocking, through B-lists);
/// - with a length bound, distances: a backward breadth-first search of
///   depth ⌊bound / 2⌋ from `s` gives the exact distance back of the
///   companies near `s`; any other company is further, and is entered only
///   where the chain could still get back in time;
/// - latest times (``TemporalLatestDeparture``, the per-start form of
///   2SCENT's first phase): before each depth-first pass, a backward search
///   (with a budget) finds the latest time each company can still pay into a
///   chain back to `s`; a company is entered only at or before that time, and
///   not at all if it cannot get back. So a start from which no chain can
///   close costs the flows into it, not a walk through the graph, and the
///   work follows the chains found: on a long loop, linear instead of
///   quadratic.
///
/// Soundness of the closing times: a record (time `t`, depth `d`) on `v` is
/// made only when every flow out of `v` dated `t` or later led nowhere within
/// the remaining length; that stays true while the companies on the path
/// stay put or are closed themselves, and a company through which a chain
/// closes reopens every company that waited for it.
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

  // The path (``SearchPath``): path.node[0] is the start; path.hop[d] is
  // the flow leaving path.node[d], pathEntry[d] its link-flow entry, and
  // path.cursor[d] the next entry to try; arrival[d] the time path.node[d]
  // was reached.
  let path: SearchPath
  let pathEntry: WorkBuffer<Int32>
  let arrival: WorkBuffer<Int64>
  let linkCursor: WorkBuffer<Int32>
  let entryEnd: WorkBuffer<Int32>
  let found: WorkBuffer<Bool>

  // Closing times: a company last closed at time `closing` at depth
  // `closingDepth` is not entered at that time or later at that depth or
  // deeper; `closing` is Int64.max when open. B-lists by link, as in
  // CycleSearcher.
  let closing: WorkBuffer<Int64>
  let closingDepth: WorkBuffer<Int32>
  let blocks: BlockLists
  var touched: [Int32] = []
  /// The latest time each company may pay into a chain back to the start.
  var latest: TemporalLatestDeparture
  let isTouched: WorkBuffer<Bool>
  var work: [Int32] = []

  // Distances (length bound): `distance[v]` is valid when
  // `nearStamp[v] == stamp`, for the companies within `nearDepth` links of
  // the start; every other company is at least `nearDepth + 1` links away.
  let nearStamp: WorkBuffer<UInt32>
  var stamp: UInt32 = 0
  let distance: WorkBuffer<Int32>
  var queue: [Int32] = []
  var nearDepth: Int32 = 0

  /// The link-flow entries leaving the current start, by (time, entry).
  var firstEntries: [Int32] = []
  /// Seconds from the earliest to the latest flow of the graph.
  let timeSpan: Int64

  static let open = Int64.max
  /// 1 (second) when each flow must be strictly later than the previous one
  /// (`--strictly-increasing`, the ordering of 2SCENT), 0 when times only
  /// may not go backwards.
  var step: Int64 = 0

  init(links: LinkGraph, components: StronglyConnectedComponents, maxLength: Int32?) {
    let n = links.companyCount
    self.links = links
    self.componentOf = components.componentOf
    self.lengthBound = maxLength
    self.componentSize = (0 ..< components.count).map { Int32(components.size(ofComponent: $0)) }
    path = SearchPath(companyCount: n)
    pathEntry = WorkBuffer(repeating: 0, count: n + 1)
    arrival = WorkBuffer(repeating: 0, count: n + 1)
    linkCursor = WorkBuffer(repeating: 0, count: n + 1)
    entryEnd = WorkBuffer(repeating: 0, count: n + 1)
    found = WorkBuffer(repeating: false, count: n + 1)
    closing = WorkBuffer(repeating: TemporalCycleSearcher.open, count: n)
    closingDepth = WorkBuffer(repeating: 0, count: n)
    blocks = BlockLists(companyCount: n, linkCount: links.linkCount)
    isTouched = WorkBuffer(repeating: false, count: n)
    nearStamp = WorkBuffer(repeating: 0, count: n)
    distance = WorkBuffer(repeating: 0, count: n)
    latest = TemporalLatestDeparture(companyCount: n)
    timeSpan = (links.entryTime.max() ?? 0) &- (links.entryTime.min() ?? 0)
  }

  /// Enumerates the time-respecting cycles whose canonical first flow
  /// leaves `start`, into `sink`: first the flows from `start` to itself and
  /// the chains whose times advance (pass A), then the chains at a single
  /// time (pass B); in each, by first flow (time, payee, flow index), then depth
  /// first.
  ///
  /// When the window covers every date of the graph, pass A keeps its
  /// closing times from one first flow to the next, taken in date order:
  /// what could not close after time `d₁` cannot close after a later time
  /// either, and the path is back to `start` alone between two first flows.
  ///
  /// - Returns: false if the sink stopped the search.
  mutating func enumerate(
    from start: Int32, window: Int64?, strictlyIncreasing: Bool = false, into sink: inout CycleSink
  ) -> Bool {
    step = strictlyIncreasing ? 1 : 0
    maxLength = lengthBound
    if let bound = lengthBound, bound >= componentSize[Int(componentOf[Int(start)])] { maxLength = nil }
    if let maxLength {
      guard maxLength >= 1 else { return true }
      markNearCompanies(start, maxLength: maxLength)
    }
    let component = componentOf[Int(start)]
    firstEntries.removeAll(keepingCapacity: true)
    for l in Int(links.linkStart[Int(start)]) ..< Int(links.linkStart[Int(start) + 1])
    where componentOf[Int(links.linkTarget[l])] == component {
      for entry in Int(links.flowStart[l]) ..< Int(links.flowStart[l + 1]) { firstEntries.append(Int32(entry)) }
    }
    firstEntries.sort { (links.entryTime[Int($0)], $0) < (links.entryTime[Int($1)], $1) }
    let keepClosingTimes = window.map { $0 >= timeSpan } ?? true
    var running = true
    // Flows to itself, and pass A: the last flow is later than the first.
    for entry in firstEntries {
      let first = links.linkTarget[linkOfEntry(entry, from: start)]
      let time = links.entryTime[Int(entry)]
      setFirst(start, entry)
      if first == start {
        // A flow from a company to itself: a chain of one flow.
        running = emit(depth: 0, into: &sink)
      } else if maxLength != 1 {
        let horizon = window.map { time.addingReportingOverflow($0).overflow ? Int64.max : time + $0 } ?? Int64.max
        if horizon > time {
          latest.compute(
            links: links, componentOf: componentOf, start: start, low: time, high: horizon, closingLow: time + 1,
            step: step, aboveStartOnly: false)
          running = search(
            start: start, first: first, time: time, through: horizon, closingFrom: time + 1, aboveStartOnly: false,
            keepClosingTimes: keepClosingTimes, into: &sink)
        }
      }
      if !running { break }
    }
    clearClosingTimes()
    // Strictly increasing times never fall on one second (beyond one flow).
    guard running, maxLength != 1, !strictlyIncreasing else { return running }
    // Pass B: every flow at the first flow's time, companies after the start.
    var latestFor: Int64?
    for entry in firstEntries {
      let first = links.linkTarget[linkOfEntry(entry, from: start)]
      guard first > start else { continue }
      let time = links.entryTime[Int(entry)]
      if latestFor != time {
        latestFor = time
        latest.compute(
          links: links, componentOf: componentOf, start: start, low: time, high: time, closingLow: time, step: 0,
          aboveStartOnly: true)
      }
      setFirst(start, entry)
      guard
        search(
          start: start, first: first, time: time, through: time, closingFrom: time, aboveStartOnly: true,
          keepClosingTimes: false, into: &sink)
      else { return false }
    }
    return true
  }

  @inline(__always)
  private func setFirst(_ start: Int32, _ entry: Int32) {
    path.node[0] = start
    pathEntry[0] = entry
    path.hop[0] = links.linkFlows[Int(entry)]
  }

  /// The link of `entry`, one of the link-flow entries of `start`'s links.
  private func linkOfEntry(_ entry: Int32, from start: Int32) -> Int {
    var low = Int(links.linkStart[Int(start)])
    var high = Int(links.linkStart[Int(start) + 1])
    // The last link whose first entry is at or before `entry`.
    while high - low > 1 {
      let mid = (low + high) / 2
      if links.flowStart[mid] <= entry { low = mid } else { high = mid }
    }
    return low
  }

  /// Whether the chain may enter `w` (not the start) at depth `depth`.
  @inline(__always)
  private func admits(_ w: Int32, depth: Int, component: Int32, start: Int32, aboveStartOnly: Bool) -> Bool {
    if path.onPath[Int(w)] || componentOf[Int(w)] != component { return false }
    if aboveStartOnly, w < start { return false }
    if let maxLength {
      // The fewest links from w back to the start.
      let back = nearStamp[Int(w)] == stamp ? distance[Int(w)] : nearDepth + 1
      return Int32(depth) + back <= maxLength
    }
    return true
  }

  /// The last time a chain may reach `w` and still get back to the start in
  /// time (the latest time `w` can pay at, less the step), or nil if it
  /// cannot get back.
  @inline(__always)
  private func lastArrival(_ w: Int32) -> Int64? {
    guard let time = latest.latestTime(w) else { return nil }
    return time == Int64.max ? time : time - step
  }

  /// Whether a company closed on `closing[w]` at `closingDepth[w]` is closed
  /// to a chain reaching it at `time` at depth `depth`.
  @inline(__always)
  private func isClosed(_ w: Int32, time: Int64, depth: Int) -> Bool {
    time >= closing[Int(w)] && Int32(depth) >= closingDepth[Int(w)]
  }

  /// The entries of link `l` dated within `low ... high`, as a range of
  /// indices into the link-flow arrays (flows of a link are sorted by time).
  @inline(__always)
  private func entries(of l: Int, from low: Int64, through high: Int64) -> (Int32, Int32) {
    let begin = Int(links.flowStart[l])
    let end = Int(links.flowStart[l + 1])
    func firstIndex(after bound: Int64, strictly: Bool) -> Int {
      var lo = begin
      var hi = end
      while lo < hi {
        let mid = (lo + hi) / 2
        let time = links.entryTime[mid]
        if strictly ? time <= bound : time < bound { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    if low > high { return (0, 0) }
    return (Int32(firstIndex(after: low, strictly: false)), Int32(firstIndex(after: high, strictly: true)))
  }

  /// One depth-first pass from the start flow in `pathEntry[0]`.
  private mutating func search(
    start: Int32, first: Int32, time: Int64, through horizon: Int64, closingFrom closingLow: Int64,
    aboveStartOnly: Bool, keepClosingTimes: Bool, into sink: inout CycleSink
  ) -> Bool {
    let component = componentOf[Int(start)]
    guard admits(first, depth: 1, component: component, start: start, aboveStartOnly: aboveStartOnly),
      !isClosed(first, time: time, depth: 1), let reach = lastArrival(first), time <= reach
    else {
      return true
    }
    path.onPath[Int(start)] = true
    var depth = 1
    enter(first, time: time, depth: depth)
    var running = true
    while true {
      let v = Int(path.node[depth])
      let cursor = path.cursor[depth]
      if cursor < entryEnd[depth] {
        path.cursor[depth] = cursor + 1
        let w = links.linkTarget[Int(linkCursor[depth]) - 1]
        let entryTime = links.entryTime[Int(cursor)]
        pathEntry[depth] = cursor
        path.hop[depth] = links.linkFlows[Int(cursor)]
        if w == start {
          guard emit(depth: depth, into: &sink) else {
            running = false
            break
          }
          found[depth] = true
        } else if !isClosed(w, time: entryTime, depth: depth + 1) {
          depth += 1
          enter(w, time: entryTime, depth: depth)
        } else {
          // Later flows of this link are closed too.
          path.cursor[depth] = entryEnd[depth]
        }
        continue
      }
      let l = Int(linkCursor[depth])
      if l < Int(links.linkStart[v + 1]) {
        linkCursor[depth] = Int32(l + 1)
        let w = links.linkTarget[l]
        let t = arrival[depth] &+ step
        if w == start {
          (path.cursor[depth], entryEnd[depth]) = entries(of: l, from: max(t, closingLow), through: horizon)
        } else if admits(w, depth: depth + 1, component: component, start: start, aboveStartOnly: aboveStartOnly),
          let reach = lastArrival(w)
        {
          (path.cursor[depth], entryEnd[depth]) = entries(of: l, from: t, through: min(horizon, reach))
        } else {
          path.cursor[depth] = 0
          entryEnd[depth] = 0
        }
        continue
      }
      // Every way on from v is tried: leave it.
      path.onPath[v] = false
      let success = found[depth]
      if success {
        unblock(Int32(v))
      } else {
        block(Int32(v), from: arrival[depth], depth: depth, component: component)
      }
      depth -= 1
      if depth == 0 { break }
      if success { found[depth] = true }
    }
    path.leave(through: depth)
    if !keepClosingTimes || !running { clearClosingTimes() }
    return running
  }

  @inline(__always)
  private mutating func enter(_ w: Int32, time: Int64, depth: Int) {
    path.node[depth] = w
    arrival[depth] = time
    linkCursor[depth] = links.linkStart[Int(w)]
    path.cursor[depth] = 0
    entryEnd[depth] = 0
    found[depth] = false
    path.onPath[Int(w)] = true
    touch(w)
  }

  @inline(__always)
  private mutating func touch(_ v: Int32) {
    if !isTouched[Int(v)] {
      isTouched[Int(v)] = true
      touched.append(v)
    }
  }

  /// `v`, reached at `time` at `depth`, closed no chain: close it from that
  /// time and depth on (any depth without a length bound), and let it wait
  /// for each company of the component it pays.
  private mutating func block(_ v: Int32, from time: Int64, depth: Int, component: Int32) {
    closing[Int(v)] = time
    closingDepth[Int(v)] = maxLength == nil ? 0 : Int32(depth)
    for l in Int(links.linkStart[Int(v)]) ..< Int(links.linkStart[Int(v) + 1]) {
      let w = links.linkTarget[l]
      if componentOf[Int(w)] == component, blocks.add(l, waitingFor: w) { touch(w) }
    }
  }

  /// Reopens `u` and, transitively, the companies waiting for it, except
  /// those on the path. Iterative.
  private mutating func unblock(_ u: Int32) {
    closing[Int(u)] = TemporalCycleSearcher.open
    closingDepth[Int(u)] = 0
    let (closing, closingDepth, onPath, blocks) = (self.closing, self.closingDepth, path.onPath, self.blocks)
    work.append(u)
    while let x = work.popLast() {
      blocks.release(x, payers: links) { y in
        if closing[Int(y)] != TemporalCycleSearcher.open, !onPath[Int(y)] {
          closing[Int(y)] = TemporalCycleSearcher.open
          closingDepth[Int(y)] = 0
          work.append(y)
        }
      }
    }
  }

  private mutating func clearClosingTimes() {
    for v in touched {
      isTouched[Int(v)] = false
      closing[Int(v)] = TemporalCycleSearcher.open
      closingDepth[Int(v)] = 0
      blocks.clear(v)
    }
    touched.removeAll(keepingCapacity: true)
  }

  /// Records the distance back to `start` of the companies of its
  /// component within ⌊`maxLength` / 2⌋ links (backward breadth-first
  /// search); the others are further.
  ///
  /// - Complexity: O(*n* + *e*) for the *n* companies found and the links
  ///   entering them.
  private mutating func markNearCompanies(_ start: Int32, maxLength: Int32) {
    stamp &+= 1
    if stamp == 0 {
      nearStamp.fill(with: 0)
      stamp = 1
    }
    nearDepth = min(maxLength - 1, maxLength / 2)
    let (nearStamp, stamp) = (self.nearStamp, self.stamp)
    links.searchBackward(
      from: start, maxDepth: nearDepth, componentOf: componentOf, distance: distance, queue: &queue
    ) { u, _ in
      guard u != start, nearStamp[Int(u)] != stamp else { return false }
      nearStamp[Int(u)] = stamp
      return true
    }
    // With the search as deep as the bound allows, companies not found
    // cannot get back at all.
    if nearDepth >= maxLength - 1 { nearDepth = maxLength }
  }

  /// Hands the chain `path.hop[0 ... depth]` to the sink with its
  /// circulating amount: the smallest flow amount (NaN if one is undisclosed).
  @inline(__always)
  private func emit(depth: Int, into sink: inout CycleSink) -> Bool {
    path.emit(depth: depth, into: &sink, values: links.entryValue, at: pathEntry)
  }
}
