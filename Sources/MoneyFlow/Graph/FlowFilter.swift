/// Which flows an analysis looks at: kinds, a minimum amount and a date range.
///
/// A partial date counts as its first day: `since` keeps flows on or after the
/// first day of `since`, `until` keeps flows on or before the last day `until`
/// covers (`--until 2025` keeps all of 2025). A flow without a date is left out
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

  /// The last day (days since 1970-01-01) that a date covers.
  static func lastDay(of date: FlowDate) -> Int32 {
    let (y, m, _) = date.components
    switch date.precision {
    case .day: return date.day
    case .month: return date.day + Int32(FlowDate.daysInMonth(year: y, month: m)) - 1
    case .year: return (FlowDate(year: y, month: 12, day: 31)?.day) ?? date.day
    }
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
    let sinceDay = filter.since?.day
    let untilDay = filter.until.map(FlowFilter.lastDay)
    var selected = [Bool](repeating: false, count: graph.flowCount)
    var undated = 0
    for flow in 0 ..< graph.flowCount where filter.kinds.contains(graph.kind(of: flow)) {
      if sinceDay != nil || untilDay != nil {
        let day = graph.day(of: flow)
        if day == FlowGraph.undatedDay { undated += 1; continue }
        if let sinceDay, day < sinceDay { continue }
        if let untilDay, day > untilDay { continue }
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
