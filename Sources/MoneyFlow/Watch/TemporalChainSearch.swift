/// The time-respecting cycles through one new flow, over the flows retained.
///
/// A chain is a cyclic sequence of flows, each company once; read round from
/// any flow, its times may step back at most once (with
/// `strictlyIncreasing`, fail to step forward at most once), so exactly one
/// rotation has times that never go backwards — or, when all are equal,
/// every rotation. Its span, latest minus earliest time, is at most the
/// window. These are the chains ``FlowGraph/temporalCycles(_:progress:)``
/// counts.
///
/// For a new flow `f = u → v` the search lists the paths `v ⇝ u` over the
/// retained flows that make such a chain with `f`: an iterative depth-first
/// search with an explicit stack, carrying the last time, the earliest and
/// latest time and the number of steps back, pruned by a backward
/// breadth-first "ball" around `u` over the flows within the window of `f`
/// (only companies that reach `u` within the links left are entered).
/// Each chain through `f` is one such path, so it is listed once.
///
/// Scratch arrays are indexed by company number and stamped, never cleared.
struct TemporalChainSearch: Sendable {
  let maxLength: Int32?
  let window: Int64?
  let strictlyIncreasing: Bool
  private var marks = StampedMarks()
  private var queue: [Int32] = []
  // The path: nodes u, v, …; per node after u, the cursor into its
  // out-list and the state on arrival; pathFlows the flows taken.
  private var pathNodes: [Int32] = []
  private var cursor: [Int] = []
  private var lastTime: [Int64] = []
  private var earliest: [Int64] = []
  private var latest: [Int64] = []
  private var backSteps: [Int8] = []
  private(set) var pathFlows: [Int] = []

  init(maxLength: Int?, window: Int64?, strictlyIncreasing: Bool) {
    self.maxLength = maxLength.map { Int32(clamping: $0) }
    self.window = window
    self.strictlyIncreasing = strictlyIncreasing
  }

  /// Whether going from a flow at `from` to one at `to` steps back.
  @inline(__always)
  private func stepsBack(_ from: Int64, _ to: Int64) -> Bool { strictlyIncreasing ? to <= from : to < from }

  /// Calls `found` with the flows (sequences) after `f` of each chain that
  /// `f = u → v` at `time` closes with the flows in `flows`; `f` itself need
  /// not be in `flows`.
  ///
  /// - Complexity: the size of the ball (the flows within the window around
  ///   `u`) plus the paths explored, bounded by O(*d*^(*L*−1)) for *d* flows
  ///   out of a company within the window and length bound *L*.
  mutating func search(
    _ flows: RetainedFlows, payer u: Int32, payee v: Int32, time: Int64, found: ([Int]) -> Void
  ) {
    let bound = maxLength ?? Int32.max
    guard bound >= 1 else { return }
    if u == v {
      found([])
      return
    }
    guard bound >= 2 else { return }
    marks.grow(to: flows.companyCapacity)
    let ballLow = window.map { time - $0 } ?? Int64.min, ballHigh = window.map { time + $0 } ?? Int64.max
    // The ball: companies that reach u within bound − 1 links.
    let s = marks.next()
    let reach = bound - 1
    queue.removeAll(keepingCapacity: true)
    queue.append(u)
    marks.ballStamp[Int(u)] = s
    marks.ballDistance[Int(u)] = 0
    var head = 0
    while head < queue.count {
      let x = queue[head]
      head += 1
      let d = marks.ballDistance[Int(x)]
      if d >= reach { continue }
      var g = flows.firstIn(x)
      while g != RetainedFlows.none {
        let w = flows.payer(of: g)
        if marks.ballStamp[Int(w)] != s, (ballLow ... ballHigh).contains(flows.time(of: g)) {
          marks.ballStamp[Int(w)] = s
          marks.ballDistance[Int(w)] = d + 1
          queue.append(w)
        }
        g = flows.nextIn(after: g)
      }
    }
    guard marks.ballStamp[Int(v)] == s, 1 + marks.ballDistance[Int(v)] <= bound else { return }
    pathNodes.removeAll(keepingCapacity: true)
    cursor.removeAll(keepingCapacity: true)
    lastTime.removeAll(keepingCapacity: true)
    earliest.removeAll(keepingCapacity: true)
    latest.removeAll(keepingCapacity: true)
    backSteps.removeAll(keepingCapacity: true)
    pathFlows.removeAll(keepingCapacity: true)
    pathNodes.append(u)
    marks.onPath[Int(u)] = s
    push(v, flows: flows, time: time, earliest: time, latest: time, backSteps: 0, stamp: s)
    while pathNodes.count > 1 {
      let top = cursor.count - 1
      let g = cursor[top]
      guard g != RetainedFlows.none else {
        marks.onPath[Int(pathNodes[pathNodes.count - 1])] = 0
        pathNodes.removeLast()
        cursor.removeLast()
        lastTime.removeLast()
        earliest.removeLast()
        latest.removeLast()
        backSteps.removeLast()
        if !pathFlows.isEmpty, pathNodes.count > 1 { pathFlows.removeLast() }
        continue
      }
      cursor[top] = flows.nextOut(after: g)
      let t = flows.time(of: g)
      var back = backSteps[top] + (stepsBack(lastTime[top], t) ? 1 : 0)
      guard back <= 1 else { continue }
      let low = min(earliest[top], t), high = max(latest[top], t)
      if let window, high - low > window { continue }
      let w = flows.payee(of: g)
      // Links so far: f plus the flows taken; g adds one.
      let used = Int32(pathNodes.count - 1)
      if w == u {
        back += stepsBack(t, time) ? 1 : 0
        if back <= 1 {
          pathFlows.append(g)
          found(pathFlows)
          pathFlows.removeLast()
        }
        continue
      }
      guard marks.onPath[Int(w)] != s, marks.ballStamp[Int(w)] == s, used + 1 + marks.ballDistance[Int(w)] <= bound else { continue }
      pathFlows.append(g)
      push(w, flows: flows, time: t, earliest: low, latest: high, backSteps: back, stamp: s)
    }
    marks.onPath[Int(u)] = 0
  }

  private mutating func push(
    _ node: Int32, flows: RetainedFlows, time: Int64, earliest low: Int64, latest high: Int64, backSteps back: Int8,
    stamp s: UInt32
  ) {
    marks.onPath[Int(node)] = s
    pathNodes.append(node)
    cursor.append(flows.firstOut(node))
    lastTime.append(time)
    earliest.append(low)
    latest.append(high)
    backSteps.append(back)
  }
}
