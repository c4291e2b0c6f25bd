/// Why an answer is empty: which part of a ``FlowFilter`` removed the last
/// flow, in the words of the command-line options.
public enum EmptySelection {
  /// Nil when `filter` keeps at least one flow of `graph`; otherwise the
  /// first reason there is none, applying the file, the kinds, the dates and
  /// the minimum amount in turn: `the file has no flows`, `no money-moving
  /// flows`, `no flows left after --kinds loan`, `no flows left after --since
  /// 2026`, `no flows left after --min-amount 1 m USD`.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` only when a minimum amount is
  ///   given and the kept flows' currencies cannot be compared (as the
  ///   analysis itself would).
  /// - Complexity: O(*E*).
  public static func reason(graph: FlowGraph, filter: FlowFilter) throws(CurrencyConversion.Failure) -> String? {
    guard graph.flowCount > 0 else { return "the file has no flows" }
    var kept = (0 ..< graph.flowCount).filter { filter.kinds.contains(graph.kind(of: $0)) }
    if kept.isEmpty {
      if filter.kinds == .moneyMoving { return "no money-moving flows (--kinds all includes the others)" }
      return "no flows left after --kinds " + filter.kinds.map(\.name).joined(separator: ",")
    }
    if let since = filter.since {
      kept = kept.filter { filter.keeps(time: graph.time(of: $0), since: since.seconds, until: nil) }
      if kept.isEmpty { return "no flows left after --since \(since)" }
    }
    if let until = filter.until {
      kept = kept.filter { filter.keeps(time: graph.time(of: $0), since: nil, until: until.lastSecond) }
      if kept.isEmpty { return "no flows left after --until \(until)" }
    }
    if let minimum = filter.minimumAmount {
      let selection = try FlowSelection(graph: graph, filter: filter)
      if selection.count == 0 {
        var text = "no flows left after --min-amount " + MoneyFormat.short(minimum, currency: selection.conversion.baseCurrency)
        if selection.undisclosedExcluded > 0 {
          text += " (\(StatsReport.count(selection.undisclosedExcluded, "flow", "flows")) without an amount left out)"
        }
        return text
      }
    }
    return nil
  }
}
