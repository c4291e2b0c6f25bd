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
  /// Minimum length, `--through` and relabelling; see ``CycleRestriction``.
  let restriction: CycleRestriction
  private let restricted: Bool
  private var scratchNodes: [Int32] = []
  private var scratchHops: [Int32] = []

  init(
    companyCount: Int, limit: Int, stopAfter: Int?, countOnly: Bool, reporter: ProgressReporter?,
    restriction: CycleRestriction = CycleRestriction()
  ) {
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
