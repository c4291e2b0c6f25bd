/// Renders cycle search results for `moneyflow cycles`: text for people, a
/// JSON answer for `--format json` and `--format jsonl` (streamed through
/// ``JSONStreamWriter`` from ``jsonMembers(_:graph:)``).
///
/// JSON (DESIGN.md's contract):
///
///     {"count": 1, "truncated": false,
///      "cycles": [{"companies": ["microsoft", "openai"], "length": 2,
///                  "bottleneck": 13000000000, "currency": "USD", "flows": [...]}],
///      "companies": [{"id": "microsoft", "cycles": 1, "circulating": 13000000000}, ...]}
///
/// Each flow is written as in a graph document (``FlowGraph/jsonObject(forFlow:)``).
/// For elementary cycles `flows` lists, hop by hop, every selected flow of
/// each link; for time-respecting cycles the chain's flows in date order, and
/// each cycle carries `span_days` (whole days) and `span_seconds`. An
/// unknown amount is `null`; so is the
/// currency when no flow names one.
public enum CycleReport {
  // MARK: JSON

  /// The JSON answer as a whole value (``jsonMembers(_:graph:)`` gathered).
  ///
  /// - Complexity: O(*n*) in the size of the answer.
  public static func json(_ result: CycleSearchResult, graph: FlowGraph) -> JSONValue {
    JSONStreamWriter.document(jsonMembers(result, graph: graph))
  }

  public static func json(_ result: TemporalCycleSearchResult, graph: FlowGraph) -> JSONValue {
    JSONStreamWriter.document(jsonMembers(result, graph: graph))
  }

  /// The members of the JSON answer, for ``JSONStreamWriter``: `count`,
  /// `truncated`, then the `cycles` and `companies` arrays, produced one
  /// element at a time while they are written.
  ///
  /// - Complexity: O(1); writing them is O(*n*) in the size of the answer.
  public static func jsonMembers(_ result: CycleSearchResult, graph: FlowGraph) -> [(String, JSONStreamWriter.Member)] {
    let currency = result.baseCurrency.isEmpty ? nil : result.baseCurrency
    let labels = FlowLabels(graph: graph)
    let cycles = JSONStreamWriter.Member.objects(result.cycles) { cycle, object in
      writeCycle(
        cycle.companies, cycle.length, cycle.circulating, currency, span: nil, Array(cycle.flows.joined()), labels,
        graph, &object)
    }
    return documentMembers(result.count, result.truncated, cycles, result.exposure, graph)
  }

  public static func jsonMembers(_ result: TemporalCycleSearchResult, graph: FlowGraph) -> [(String, JSONStreamWriter.Member)] {
    let currency = result.baseCurrency.isEmpty ? nil : result.baseCurrency
    let labels = FlowLabels(graph: graph)
    let cycles = JSONStreamWriter.Member.objects(result.cycles) { cycle, object in
      writeCycle(
        cycle.companies, cycle.length, cycle.circulating, currency, span: (cycle.spanDays, Int(cycle.spanSeconds)),
        cycle.flows, labels, graph, &object)
    }
    return documentMembers(result.count, result.truncated, cycles, result.exposure, graph)
  }

  /// Writes one cycle object of the JSON answers (structural and temporal):
  /// companies, length, bottleneck, currency, span_days and span_seconds
  /// (temporal only), flows, and `labelled` (how many of its flows carry a laundering label)
  /// where the graph has labels.
  ///
  /// - Complexity: O(size of the cycle's flows).
  private static func writeCycle(
    _ companies: [CompanyID], _ length: Int, _ circulating: Double?, _ currency: String?, span: (days: Int, seconds: Int)?,
    _ flows: [Int], _ labels: FlowLabels, _ graph: FlowGraph, _ object: inout JSONObjectWriter
  ) {
    object.strings("companies", companies.lazy.map { graph.id(of: $0) })
    object.int("length", length)
    object.number("bottleneck", circulating)
    object.string("currency", orNull: currency)
    if let span {
      object.int("span_days", span.days)
      object.int("span_seconds", span.seconds)
    }
    object.objects("flows", flows) { graph.writeJSONFields(ofFlow: $0, to: &$1) }
    if !labels.isEmpty { object.int("labelled", labels.count(of: flows)) }
  }

  /// `, 2 of 3 flows labelled` where the graph has labels.
  private static func labelNote(_ labels: FlowLabels, _ flows: [Int]) -> String {
    labels.isEmpty ? "" : ", \(labels.count(of: flows)) of \(flows.count) flows labelled"
  }

  private static func documentMembers(
    _ count: Int, _ truncated: Bool, _ cycles: JSONStreamWriter.Member, _ exposure: [CompanyExposure], _ graph: FlowGraph
  ) -> [(String, JSONStreamWriter.Member)] {
    [
      ("count", .value(.int(count))),
      ("truncated", .value(.bool(truncated))),
      ("cycles", cycles),
      (
        "companies",
        .objects(exposure) { entry, object in
          object.string("id", graph.id(of: entry.company))
          object.int("cycles", entry.cycles)
          object.number("circulating", entry.circulating)
        }
      ),
    ]
  }

  // MARK: Text

  /// A header with the count, a note on flows left out, each listed cycle
  /// with its circulating amount and one line per hop listing the link's
  /// flows (kind, amount, date, source), then the companies most exposed.
  ///
  ///     1 cycle of money-moving flows.
  ///
  ///     1. Microsoft → OpenAI → Microsoft
  ///        13 bn USD circulating, length 2
  ///        Microsoft → OpenAI: investment 13bn USD, 2019
  ///        OpenAI → Microsoft: revenue_share undisclosed, 2023
  ///                            cloud_commitment 250bn USD, 2025-10
  public static func text(
    _ result: CycleSearchResult, graph: FlowGraph, companiesShown: Int = 10, flowsPerHop: Int = 5
  ) -> String {
    var out = header(
      count: result.count, listed: result.cycles.count, truncated: result.truncated,
      interrupted: result.interruption != nil, noun: "cycle",
      filter: result.options.filter, currency: result.baseCurrency, extra: result.options.maxLength.map { "length ≤ \($0)" })
    out += note(undated: result.undatedExcluded, undisclosed: result.undisclosedExcluded)
    let labels = FlowLabels(graph: graph)
    for (i, cycle) in result.cycles.enumerated() {
      out += "\n\(i + 1). " + route(cycle.companies, graph) + "\n"
      out += "   " + circulating(cycle.circulating, result.baseCurrency, graph, cycle.flows.joined()) + ", length \(cycle.length)"
      out += labelNote(labels, Array(cycle.flows.joined())) + "\n"
      for (hop, flows) in cycle.flows.enumerated() {
        let from = cycle.companies[hop]
        let to = cycle.companies[(hop + 1) % cycle.length]
        let lead = "   \(graph.name(of: from)) → \(graph.name(of: to)): "
        let indent = String(repeating: " ", count: lead.count)
        for (k, flow) in flows.prefix(flowsPerHop).enumerated() {
          out += (k == 0 ? lead : indent) + describe(flow, graph, withDate: true) + "\n"
        }
        if flows.count > flowsPerHop { out += indent + "and \(flows.count - flowsPerHop) more\n" }
      }
    }
    out += exposureText(result.exposure, graph, result.baseCurrency, companiesShown, noun: "cycle")
    return out
  }

  /// A window or span for people: `30 days`, `1 day`, or `5 h 20 min` when
  /// not a whole number of days; a span of nothing is `0 s` where flows
  /// carry times of day (`timed`).
  static func duration(_ duration: FlowDuration, timed: Bool = false) -> String {
    if timed, duration.seconds == 0 { return "0 s" }
    return duration.isWholeDays ? StatsReport.count(Int(clamping: duration.days), "day", "days") : duration.description
  }

  /// The same for time-respecting cycles: each hop is one flow, with its
  /// date first.
  public static func text(
    _ result: TemporalCycleSearchResult, graph: FlowGraph, companiesShown: Int = 10
  ) -> String {
    var extras: [String] = []
    if let window = result.options.window { extras.append("within \(duration(window))") }
    if let maxLength = result.options.maxLength { extras.append("length ≤ \(maxLength)") }
    var out = header(
      count: result.count, listed: result.cycles.count, truncated: result.truncated,
      interrupted: result.interruption != nil, noun: "time-respecting cycle", filter: result.options.filter,
      currency: result.baseCurrency,
      extra: extras.isEmpty ? nil : extras.joined(separator: ", "))
    out += note(undated: result.undatedExcluded, undisclosed: result.undisclosedExcluded)
    let labels = FlowLabels(graph: graph)
    for (i, cycle) in result.cycles.enumerated() {
      out += "\n\(i + 1). " + route(cycle.companies, graph) + "\n"
      out += "   " + circulating(cycle.circulating, result.baseCurrency, graph, cycle.flows)
      out += ", length \(cycle.length), over \(duration(FlowDuration(seconds: cycle.spanSeconds), timed: graph.hasTimesOfDay))"
      out += labelNote(labels, cycle.flows) + "\n"
      let dates = cycle.flows.map { graph.date(of: $0)?.description ?? "" }
      let width = dates.map(\.count).max() ?? 0
      for (hop, flow) in cycle.flows.enumerated() {
        let from = cycle.companies[hop]
        let to = cycle.companies[(hop + 1) % cycle.length]
        let date = dates[hop] + String(repeating: " ", count: width - dates[hop].count)
        out += "   \(date)  \(graph.name(of: from)) → \(graph.name(of: to)): "
        out += describe(flow, graph, withDate: false) + "\n"
      }
    }
    out += exposureText(result.exposure, graph, result.baseCurrency, companiesShown, noun: "cycle")
    return out
  }

  private static func header(
    count: Int, listed: Int, truncated: Bool, interrupted: Bool, noun: String, filter: FlowFilter, currency: String,
    extra: String?
  ) -> String {
    var text = count == 0 ? "No \(noun)s" : "\(count) \(noun)\(count == 1 ? "" : "s")"
    var scope: [String] = []
    if filter.kinds == .moneyMoving {
      scope.append("money-moving flows")
    } else if filter.kinds == .all {
      scope.append("flows of every kind")
    } else {
      scope.append("flows of kind " + filter.kinds.map(\.name).joined(separator: ", "))
    }
    if let minimum = filter.minimumAmount { scope.append("at least \(MoneyFormat.short(minimum, currency: currency))") }
    if let since = filter.since { scope.append("since \(since)") }
    if let until = filter.until { scope.append("until \(until)") }
    text += " of " + scope.joined(separator: " ")
    if let extra { text += " (\(extra))" }
    text += "."
    if interrupted {
      text += " Stopped early after \(count); the search is incomplete."
    } else if truncated {
      text += " Stopped after \(count); more exist."
    }
    if listed > 0, listed < count {
      text += listed == 1 ? " The one with the largest circulating amount:" : " The \(listed) with the largest circulating amount:"
    }
    return text + "\n"
  }

  private static func note(undated: Int, undisclosed: Int) -> String {
    var parts: [String] = []
    if undated > 0 { parts.append("\(undated) flow\(undated == 1 ? "" : "s") without a date") }
    if undisclosed > 0 { parts.append("\(undisclosed) flow\(undisclosed == 1 ? "" : "s") without an amount") }
    guard !parts.isEmpty else { return "" }
    return "Left out: " + parts.joined(separator: " and ") + ".\n"
  }

  private static func route(_ companies: [CompanyID], _ graph: FlowGraph) -> String {
    (companies + companies.prefix(1)).map { graph.name(of: $0) }.joined(separator: " → ")
  }

  /// `13 bn USD circulating`, or why the amount of a cycle through `flows` is unknown.
  private static func circulating(_ amount: Double?, _ currency: String, _ graph: FlowGraph, _ flows: some Sequence<Int>) -> String {
    guard let amount else {
      let unrated = graph.unratedCurrencies(of: flows)
      if unrated.isEmpty { return "circulating amount unknown (undisclosed flows)" }
      return "circulating amount unknown (no rate from \(unrated.joined(separator: ", ")) to \(currency))"
    }
    return MoneyFormat.short(amount, currency: currency) + " circulating"
  }

  /// `investment 13bn USD, 2019, source 001.txt`
  private static func describe(_ flow: Int, _ graph: FlowGraph, withDate: Bool) -> String {
    var parts = [graph.kind(of: flow).name]
    if let amount = graph.amount(of: flow) {
      let code = graph.currencyCode(of: flow).isEmpty ? (graph.currency ?? "") : graph.currencyCode(of: flow)
      parts[0] += " \(amount)" + (code.isEmpty ? "" : " \(code)")
    } else {
      parts[0] += " undisclosed"
    }
    if withDate, let date = graph.date(of: flow) { parts.append(date.description) }
    if let source = graph.details(of: flow).source { parts.append("source \(source)") }
    return parts.joined(separator: ", ")
  }

  private static func exposureText(
    _ exposure: [CompanyExposure], _ graph: FlowGraph, _ currency: String, _ shown: Int, noun: String
  ) -> String {
    guard !exposure.isEmpty, shown > 0 else { return "" }
    let rows = exposure.prefix(shown)
    let names = rows.map { graph.name(of: $0.company) }
    let counts = rows.map { "\($0.cycles) \(noun)\($0.cycles == 1 ? "" : "s")" }
    let nameWidth = names.map(\.count).max() ?? 0
    let countWidth = counts.map(\.count).max() ?? 0
    var out = "\nCompanies by circulating amount through them:\n"
    for (i, entry) in rows.enumerated() {
      out += "  " + names[i] + String(repeating: " ", count: nameWidth - names[i].count)
      out += "  " + String(repeating: " ", count: countWidth - counts[i].count) + counts[i] + "  "
      out += entry.circulating.map { MoneyFormat.short($0, currency: currency) } ?? "unknown"
      out += "\n"
    }
    return out
  }
}
