/// Which flows an analysis looks at: kinds, a minimum amount and a date range.
///
/// Bounds compare instants (``FlowDate/seconds``): `since` keeps flows whose
/// date begins at or after the first instant of `since`, `until` keeps flows
/// whose date begins at or before the last second `until` covers (`--until
/// 2025` keeps all of 2025, `--until 2025-05-13T10:00` the minute 10:00). A
/// partial date counts as its first instant. A flow without a date is left out
/// when a date bound is given, and one without an amount when a minimum
/// amount is given; ``FlowSelection`` counts both so callers can say so.
public struct FlowFilter: Sendable, Hashable {
  public var kinds: FlowKindSet
  /// The smallest amount kept, in the base currency.
  public var minimumAmount: Double?
  public var since: FlowDate?
  public var until: FlowDate?

  /// Creates a filter; by default only money-moving kinds, no other bound.
  public init(
    kinds: FlowKindSet = .moneyMoving, minimumAmount: Double? = nil, since: FlowDate? = nil,
    until: FlowDate? = nil
  ) {
    self.kinds = kinds
    self.minimumAmount = minimumAmount
    self.since = since
    self.until = until
  }

  /// Whether a flow whose date begins at `time` (``FlowGraph/time(of:)``)
  /// passes the date bounds; false for ``FlowGraph/undatedTime`` when a
  /// bound is given.
  @inline(__always)
  func keeps(time: Int64, since: Int64?, until: Int64?) -> Bool {
    if since == nil, until == nil { return true }
    if time == FlowGraph.undatedTime { return false }
    if let since, time < since { return false }
    if let until, time > until { return false }
    return true
  }
}

/// The flows of a graph that a ``FlowFilter`` keeps.
public struct FlowSelection: Sendable {
  /// One entry per flow: whether the filter keeps it.
  public let isSelected: [Bool]
  /// How many flows are kept.
  public let count: Int
  /// Flows of the requested kinds left out because they have no date while a
  /// date bound was given.
  public let undatedExcluded: Int
  /// Flows of the requested kinds left out because their amount is undisclosed,
  /// or in a currency without a rate, while a minimum amount was given.
  public let undisclosedExcluded: Int
  /// The conversion into the base currency for the selected flows.
  public let conversion: CurrencyConversion

  /// Applies `filter` to `graph`.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if selected flows use several
  ///   currencies and the document names no base currency.
  /// - Complexity: O(*E*).
  public init(graph: FlowGraph, filter: FlowFilter) throws(CurrencyConversion.Failure) {
    let since = filter.since?.seconds
    let until = filter.until?.lastSecond
    var selected = [Bool](repeating: false, count: graph.flowCount)
    var undated = 0
    for flow in 0 ..< graph.flowCount where filter.kinds.contains(graph.kind(of: flow)) {
      if since != nil || until != nil {
        let time = graph.time(of: flow)
        if time == FlowGraph.undatedTime { undated += 1; continue }
        if !filter.keeps(time: time, since: since, until: until) { continue }
      }
      selected[flow] = true
    }
    let conversion = try CurrencyConversion(graph: graph, includes: { selected[$0] })
    var undisclosed = 0
    if let minimum = filter.minimumAmount {
      for flow in 0 ..< graph.flowCount where selected[flow] {
        guard let value = conversion.value(of: flow, in: graph) else {
          undisclosed += 1
          selected[flow] = false
          continue
        }
        if value < minimum { selected[flow] = false }
      }
    }
    self.isSelected = selected
    self.count = selected.reduce(0) { $0 + ($1 ? 1 : 0) }
    self.undatedExcluded = undated
    self.undisclosedExcluded = undisclosed
    self.conversion = conversion
  }
}
