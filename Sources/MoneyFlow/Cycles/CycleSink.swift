/// Collects what one worker of a cycle search finds: the count, the ranked
/// list and the per-company exposure.
struct CycleSink: Sendable {
  /// Count only: keep no list and no exposure.
  let countOnly: Bool
  /// How many cycles to count before stopping; `Int.max` for no bound.
  let stopAfter: Int
  /// Cycles counted.
  private(set) var count = 0
  /// Whether a cycle beyond `stopAfter` was found (the search stopped).
  private(set) var truncated = false
  private(set) var ranking: CycleRanking
  private(set) var exposure: ExposureAccumulator
  /// Optional progress; told about new cycles every 65,536 of them.
  let reporter: ProgressReporter?
  private var reported = 0
  /// Optional early stop (time limit, signal); polled every 4,096 cycles
  /// and by the search loops before each start company.
  let stop: StopSignal?
  /// Why the search stopped early; nil if it did not.
  private(set) var stopped: StopSignal.Reason?
  /// Start companies settled by this worker (searched to the end, or found
  /// to have no cycle).
  var settled = 0
  /// The start company being searched when the search stopped early.
  var stoppedAt: Int32?
  /// Minimum length, `--through` and relabelling; see ``CycleRestriction``.
  let restriction: CycleRestriction
  private let restricted: Bool
  private var scratchNodes: [Int32] = []
  private var scratchHops: [Int32] = []

  init(
    companyCount: Int, limit: Int, stopAfter: Int?, countOnly: Bool, reporter: ProgressReporter?,
    restriction: CycleRestriction = CycleRestriction(), stop: StopSignal? = nil
  ) {
    self.stop = stop
    self.restriction = restriction
    self.restricted = !restriction.isNone
    self.countOnly = countOnly
    self.stopAfter = stopAfter.map { max(0, $0) } ?? Int.max
    self.ranking = CycleRanking(limit: limit)
    self.exposure = ExposureAccumulator(companyCount: countOnly ? 0 : companyCount)
    self.reporter = reporter
  }

  /// Records the cycle `nodes` with hops `hops` (of the same length) and
  /// circulating amount `amount` (NaN when unknown).
  ///
  /// - Returns: false, recording nothing, when `stopAfter` cycles were
  ///   already counted: the search must stop.
  @inline(__always)
  mutating func record(nodes: UnsafeBufferPointer<Int32>, hops: UnsafeBufferPointer<Int32>, amount: Double) -> Bool {
    if restricted {
      guard restriction.admits(nodes) else { return true }
      if !restriction.original.isEmpty {
        restriction.translate(nodes, hops, into: &scratchNodes, &scratchHops)
        let nodes = scratchNodes
        let hops = scratchHops
        return nodes.withUnsafeBufferPointer { n in
          hops.withUnsafeBufferPointer { h in count(nodes: n, hops: h, amount: amount) }
        }
      }
    }
    return count(nodes: nodes, hops: hops, amount: amount)
  }

  /// Counts the cycle ``record(nodes:hops:amount:)`` admitted.
  @inline(__always)
  private mutating func count(nodes: UnsafeBufferPointer<Int32>, hops: UnsafeBufferPointer<Int32>, amount: Double) -> Bool {
    if count == stopAfter {
      truncated = true
      return false
    }
    if count & 0xFFF == 0, let reason = stop?.reason {
      stopped = reason
      truncated = true
      return false
    }
    count += 1
    if !countOnly {
      exposure.add(nodes: nodes, amount: amount)
      ranking.offer(amount: amount, nodes: nodes, hops: hops)
    }
    if count & 0xFFFF == 0, let reporter {
      reporter.add(cycles: count - reported)
      reported = count
    }
    return true
  }

  /// Whether the search must stop before searching from `start`: it was
  /// stopped (then records where) or the stop signal says so.
  ///
  /// - Complexity: O(1).
  mutating func mustStop(before start: Int32) -> Bool {
    if stopped == nil, let reason = stop?.reason {
      stopped = reason
      truncated = true
    }
    guard stopped != nil else { return false }
    if stoppedAt == nil { stoppedAt = start }
    return true
  }

  /// Notes that the search from `start` returned early because this sink
  /// asked it to (`stopAfter` or the stop signal).
  mutating func noteStopped(at start: Int32) {
    if stopped != nil, stoppedAt == nil { stoppedAt = start }
  }

  /// Where the search of the given workers' sinks stopped early, or nil;
  /// `nextStart` only for a single worker.
  static func interruption(_ sinks: [CycleSink], companiesTotal: Int) -> SearchInterruption? {
    guard let reason = sinks.lazy.compactMap(\.stopped).first else { return nil }
    return SearchInterruption(
      reason: reason, companiesSettled: sinks.reduce(0) { $0 + $1.settled }, companiesTotal: companiesTotal,
      nextStart: sinks.count == 1 ? sinks[0].stoppedAt.map { CompanyID(sinks[0].restriction.originalCompany($0)) } : nil)
  }

  /// Cycles counted since the last report to the progress reporter; resets.
  mutating func takeUnreported() -> Int {
    defer { reported = count }
    return count - reported
  }

  /// Combines the sinks of several workers: counts add up, lists merge by
  /// rank, exposure sums.
  static func merge(_ sinks: [CycleSink], companyCount: Int, limit: Int)
    -> (count: Int, truncated: Bool, ranked: [RankedCycle], exposure: ExposureAccumulator)
  {
    var exposure = ExposureAccumulator(companyCount: companyCount)
    for sink in sinks where !sink.countOnly { exposure.merge(sink.exposure) }
    return (
      sinks.reduce(0) { $0 + $1.count }, sinks.contains { $0.truncated },
      CycleRanking.merge(sinks.map(\.ranking), limit: limit), exposure
    )
  }
}
