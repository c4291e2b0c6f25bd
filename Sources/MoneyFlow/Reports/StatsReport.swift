/// Renders ``GraphStatistics`` as text for people or JSON for scripts.
public enum StatsReport {
  /// A readable summary.
  public static func text(_ stats: GraphStatistics, graph: FlowGraph) -> String {
    let currency = stats.baseCurrency
    func money(_ value: Double) -> String { MoneyFormat.short(value, currency: currency) }
    var out = ""
    if let title = graph.title { out += title + "\n\n" }
    out += "\(count(stats.companyCount, "company", "companies")), \(count(stats.flowCount, "flow", "flows"))"
    if stats.selfFlows > 0 { out += " (\(stats.selfFlows) from a company to itself)" }
    out += "\n"
    if stats.undisclosedFlows > 0 { out += "\(count(stats.undisclosedFlows, "flow has", "flows have")) no disclosed amount\n" }
    if stats.unratedFlows > 0 {
      out += "\(count(stats.unratedFlows, "flow", "flows")) in \(stats.unratedCurrencies.joined(separator: ", ")) "
        + "\(stats.unratedFlows == 1 ? "has" : "have") no rate to \(currency): amount unknown, in no total\n"
    }
    if let earliest = stats.earliest, let latest = stats.latest {
      out += "Dates: \(earliest) to \(latest)"
      if stats.undatedFlows > 0 { out += " (\(count(stats.undatedFlows, "flow", "flows")) undated)" }
      out += "\n"
    } else if stats.flowCount > 0 {
      out += "Dates: none given\n"
    }
    if !currency.isEmpty { out += "Base currency: \(currency)\n" }
    if stats.labelledFlows > 0 {
      out += "Labelled flows: \(stats.labelledFlows), \(stats.labelledOnCycle) of them on some cycle\n"
    }

    if !stats.byKind.isEmpty { out += "\nFlows by kind:\n" }
    let width = max(4, stats.byKind.map { $0.kind.name.count }.max() ?? 0)
    for summary in stats.byKind {
      var line = "  " + pad(summary.kind.name, width) + "  " + leftPad(String(summary.flows), 7) + (summary.flows == 1 ? " flow " : " flows")
      if summary.flows > summary.undisclosed { line += "  " + money(summary.total) }
      if summary.undisclosed > 0 { line += "  (\(summary.undisclosed) \(stats.unratedFlows > 0 ? "unknown" : "undisclosed"))" }
      if !summary.kind.movesMoney { line += "  [moves no money]" }
      out += line + "\n"
    }
    if !stats.largestFlows.isEmpty {
      out += "\nLargest flows:\n"
      for flow in stats.largestFlows {
        var line = "  " + graph.name(of: graph.payer(of: flow)) + " → " + graph.name(of: graph.payee(of: flow))
        let value = graph.amountValue(of: flow) ?? 0
        line += "  \(graph.kind(of: flow).name)  \(MoneyFormat.short(value, currency: graph.currencyCode(of: flow).isEmpty ? currency : graph.currencyCode(of: flow)))"
        if let date = graph.date(of: flow) { line += "  \(date)" }
        out += line + "\n"
      }
    }
    for (heading, list) in [("Biggest payers (money-moving flows):", stats.biggestPayers), ("Biggest payees (money-moving flows):", stats.biggestPayees)] where !list.isEmpty {
      out += "\n\(heading)\n"
      for entry in list {
        out += "  " + pad(graph.name(of: entry.company), 24) + "  " + money(entry.total) + "  (\(count(entry.flows, "flow", "flows")))\n"
      }
    }
    return out
  }

  /// The summary as a JSON object.
  public static func json(_ stats: GraphStatistics, graph: FlowGraph) -> JSONValue {
    func companies(_ list: [GraphStatistics.CompanyTotal]) -> JSONValue {
      .array(list.map { .object([("id", .string(graph.id(of: $0.company))), ("name", .string(graph.name(of: $0.company))), ("total", .number($0.total)), ("flows", .int($0.flows))]) })
    }
    var members: [(String, JSONValue)] = [
      ("title", .optional(graph.title)),
      ("companies", .int(stats.companyCount)),
      ("flows", .int(stats.flowCount)),
      ("self_flows", .int(stats.selfFlows)),
      ("undisclosed", .int(stats.undisclosedFlows)),
      ("undated", .int(stats.undatedFlows)),
      ("currency", .string(stats.baseCurrency)),
      ("earliest", .optional(stats.earliest?.description)),
      ("latest", .optional(stats.latest?.description)),
      ("by_kind", .array(stats.byKind.map { .object([("kind", .string($0.kind.name)), ("moves_money", .bool($0.kind.movesMoney)), ("flows", .int($0.flows)), ("undisclosed", .int($0.undisclosed)), ("total", .number($0.total))]) })),
      ("largest_flows", .array(stats.largestFlows.map { graph.jsonObject(forFlow: $0) })),
      ("biggest_payers", companies(stats.biggestPayers)),
      ("biggest_payees", companies(stats.biggestPayees)),
    ]
    if stats.unratedFlows > 0 { members.append(("unrated", .int(stats.unratedFlows))) }
    if stats.labelledFlows > 0 {
      members.append(("labelled_flows", .int(stats.labelledFlows)))
      members.append(("labelled_on_cycle", .int(stats.labelledOnCycle)))
    }
    return .object(members)
  }

  /// `1 flow`, `3 flows`.
  public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
    "\(n) \(n == 1 ? singular : plural)"
  }

  static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
  static func leftPad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
