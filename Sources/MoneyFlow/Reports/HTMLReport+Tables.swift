// MARK: - Tables of the page: cycles, time-respecting cycles, exposure

extension HTMLReport {
  /// The cycles ranked by circulating amount: rank, companies, length,
  /// circulating amount, and the flows of each hop with dates and sources.
  func cyclesSection() -> String {
    var out = "<section id=\"loops\">\n<h2>Loops, ranked by the money that can go round</h2>\n"
    out += "<p>A loop's circulating amount is its bottleneck: the smallest total of the money-moving flows "
      + "along one of its links. A loop through an undisclosed flow has an unknown amount and is ranked last. "
      + "Click a column to sort.</p>\n"
    guard !cycles.cycles.isEmpty else { return out + "<p id=\"cycles\">No cycle.</p>\n</section>\n" }
    var rows: [String] = []
    rows.reserveCapacity(cycles.cycles.count)
    for (rank, cycle) in cycles.cycles.enumerated() {
      var row = "<tr><td class=\"num\" data-sort=\"\(rank + 1)\">\(rank + 1)</td><td>" + route(cycle.companies) + "</td>"
      row += "<td class=\"num\" data-sort=\"\(cycle.length)\">\(cycle.length)</td>"
      row += money(cycle.circulating, tag: "td", numeric: true) + "<td><ul class=\"flows\">"
      for (hop, flows) in cycle.flows.enumerated() {
        let from = cycle.companies[hop], to = cycle.companies[(hop + 1) % cycle.length]
        row += "<li>" + HTMLEscaping.isolated(graph.name(of: from)) + " → " + HTMLEscaping.isolated(graph.name(of: to)) + ": "
        row += flows.prefix(flowsPerHop).map { flowDescription($0) }.joined(separator: "; ")
        if flows.count > flowsPerHop { row += "; and \(flows.count - flowsPerHop) more" }
        row += "</li>"
      }
      rows.append(row + "</ul></td></tr>")
    }
    out += table(
      id: "cycles", caption: Self.caption(listed: cycles.cycles.count, of: cycles.count, "cycle", all: "cycle"),
      headers: [("#", true), ("Companies", false), ("Length", true), ("Circulating", true), ("Flows (id, kind, amount, date, source)", false)],
      rows: rows)
    return out + "</section>\n"
  }

  /// The caption of a list of the `listed` largest of `total` cycles
  /// (`noun`), or their count (`all`) when all are listed.
  static func caption(listed: Int, of total: Int, _ noun: String, all: String) -> String {
    listed < total
      ? "The \(count(listed, noun)) with the largest circulating amount, of \(count(total, noun))"
      : count(total, all)
  }

  /// The time-respecting cycles: chains of flows whose dates never go backwards.
  func temporalSection() -> String {
    guard let temporal else { return "" }
    var out = "<section id=\"time\">\n<h2>Loops that ran forward in time</h2>\n"
    out += "<p>A chain of individual flows, each company visited once, whose dates never go backwards and that "
      + "returns to its start" + (temporal.options.window.map { " within " + Self.duration($0) } ?? "")
      + ": money that actually went round. The span is the days from its first flow to its last.</p>\n"
    guard !temporal.cycles.isEmpty else { return out + "<p id=\"temporal\">No time-respecting cycle.</p>\n</section>\n" }
    var rows: [String] = []
    for (rank, cycle) in temporal.cycles.enumerated() {
      var row = "<tr><td class=\"num\" data-sort=\"\(rank + 1)\">\(rank + 1)</td><td>" + route(cycle.companies) + "</td>"
      row += "<td class=\"num\" data-sort=\"\(cycle.length)\">\(cycle.length)</td>"
      row += money(cycle.circulating, tag: "td", numeric: true)
      // Spans sort by seconds where flows carry times of day.
      let sortKey = graph.hasTimesOfDay ? Int(cycle.spanSeconds) : cycle.spanDays
      row += "<td class=\"num\" data-sort=\"\(sortKey)\" data-value=\"\(cycle.spanDays)\">"
        + Self.duration(FlowDuration(seconds: cycle.spanSeconds), timed: graph.hasTimesOfDay) + "</td><td><ol class=\"chain\">"
      for (hop, flow) in cycle.flows.enumerated() {
        let from = cycle.companies[hop], to = cycle.companies[(hop + 1) % cycle.length]
        row += "<li>" + (graph.date(of: flow).map { "<time>\($0)</time> " } ?? "")
          + HTMLEscaping.isolated(graph.name(of: from)) + " → " + HTMLEscaping.isolated(graph.name(of: to)) + ": "
          + flowDescription(flow, withDate: false) + "</li>"
      }
      rows.append(row + "</ol></td></tr>")
    }
    out += table(
      id: "temporal",
      caption: Self.caption(listed: temporal.cycles.count, of: temporal.count, "chain", all: "time-respecting cycle"),
      headers: [("#", true), ("Companies", false), ("Length", true), ("Circulating", true), ("Span", true), ("Flows in date order", false)],
      rows: rows)
    return out + "</section>\n"
  }

  /// Per-company exposure: how many listed cycles pass through each company
  /// and how much circulates through them; with the circulation, each
  /// company's circular amount.
  func exposureSection() -> String {
    var out = "<section id=\"exposure\">\n<h2>Who is most exposed</h2>\n"
    out += "<p>Companies by the circulating amount of the cycles through them (as <code>moneyflow cycles --format json</code> "
      + "reports under <code>companies</code>)" + (circulation == nil ? "" : ", with their part in the maximum circulation") + ".</p>\n"
    guard !cycles.exposure.isEmpty else { return out + "<p id=\"companies\">No company lies on a cycle.</p>\n</section>\n" }
    var circular: [Double] = []
    if let circulation {
      circular = [Double](repeating: 0, count: graph.companyCount)
      for row in circulation.companies where row.company.index < circular.count { circular[row.company.index] = row.circular }
    }
    var rows: [String] = []
    for entry in cycles.exposure.prefix(companiesShown) {
      var row = "<tr data-id=\"" + HTMLEscaping.attribute(graph.id(of: entry.company)) + "\"><td>"
        + HTMLEscaping.isolated(graph.name(of: entry.company)) + "</td>"
      row += "<td class=\"num\" data-sort=\"\(entry.cycles)\" data-value=\"\(entry.cycles)\">\(entry.cycles)</td>"
      row += money(entry.circulating, tag: "td", numeric: true)
      if !circular.isEmpty { row += money(circular[entry.company.index], tag: "td", numeric: true) }
      rows.append(row + "</tr>")
    }
    var headers: [(String, numeric: Bool)] = [("Company", false), ("Cycles", true), ("Circulating through it", true)]
    if !circular.isEmpty { headers.append(("Circular (maximum circulation)", true)) }
    let caption = cycles.exposure.count > companiesShown
      ? "The \(Self.count(companiesShown, "company", "companies")) most exposed, of \(Self.count(cycles.exposure.count, "company", "companies"))"
      : Self.count(cycles.exposure.count, "company", "companies") + " on a listed cycle"
    out += table(id: "companies", caption: caption, headers: headers, rows: rows)
    return out + "</section>\n"
  }
}
