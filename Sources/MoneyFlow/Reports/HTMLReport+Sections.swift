// MARK: - Sections of the page: summary, headline, diagram, left out

extension HTMLReport {
  /// Title, input name, counts, dates and base currency.
  func summarySection(title: String) -> String {
    let s = statistics
    var out = "<header id=\"summary\">\n<h1>" + HTMLEscaping.text(title) + "</h1>\n<p class=\"data-summary\">"
    out += "<code>" + HTMLEscaping.text(sourceName) + "</code>: "
    out += "<span data-value=\"\(s.companyCount)\" id=\"company-count\">" + Self.count(s.companyCount, "company", "companies") + "</span>, "
    out += "<span data-value=\"\(s.flowCount)\" id=\"flow-count\">" + Self.count(s.flowCount, "flow") + "</span>"
    if let earliest = s.earliest, let latest = s.latest {
      out += ", dated <time>\(earliest)</time> to <time>\(latest)</time>"
    }
    if !s.baseCurrency.isEmpty { out += "; amounts in " + HTMLEscaping.text(s.baseCurrency) }
    out += ".</p>\n"
    let f = cycles.options.filter
    var scope: [String] = []
    if f.kinds == .moneyMoving {
      scope.append("the money-moving kinds (" + FlowKind.allCases.filter(\.movesMoney).map(\.name).joined(separator: ", ") + ")")
    } else if f.kinds == .all {
      scope.append("flows of every kind")
    } else {
      scope.append("flows of kind " + f.kinds.map(\.name).joined(separator: ", "))
    }
    if let minimum = f.minimumAmount { scope.append("of at least " + HTMLEscaping.text(MoneyFormat.short(minimum, currency: currency))) }
    if let since = f.since { scope.append("dated from \(since)") }
    if let until = f.until { scope.append("dated until \(until)") }
    if let maxLength = cycles.options.maxLength { scope.append("cycles of at most \(Self.count(maxLength, "company", "companies"))") }
    out += "<p class=\"scope\">Examined: " + scope.joined(separator: ", ") + ".</p>\n</header>\n"
    return out
  }

  /// The circulation headline: circular of gross, as a percentage.
  func headlineSection() -> String {
    var out = "<section id=\"headline\">\n<h2>How much of the money goes round</h2>\n"
    guard let c = circulation else {
      return out + "<p>The maximum circulation was not computed (<code>--no-circulation</code>).</p>\n</section>\n"
    }
    if c.flowCount == 0 {
      return out + "<p>No flow with an amount to examine.</p>\n</section>\n"
    }
    out += "<p class=\"headline\">" + money(c.circular, currency: c.currency, id: "circular")
      + " of " + money(c.gross, currency: c.currency, id: "gross") + " (<strong id=\"ratio\" data-value=\""
      + JSONValue.formatNumber(c.ratio) + "\">" + CirculationReport.percent(c.ratio) + "</strong>) is circular: "
      + "multilateral netting could cancel it.</p>\n"
    out += "<p>The maximum circulation: the largest flow within each flow's amount that balances at every company. "
      + Self.count(c.flowCount, "flow") + " with an amount, between " + Self.count(c.companies.count, "company", "companies")
      + "; " + Self.count(c.circularFlowCount, "flow") + " carry circular money. "
      + "Its per-flow figures: <code>moneyflow circulation " + HTMLEscaping.text(sourceName) + " --format json</code>.</p>\n"
    out += "<p class=\"counts\"><span id=\"cycle-count\" data-value=\"\(cycles.count)\">"
      + Self.count(cycles.count, "cycle") + "</span>" + (cycles.truncated ? " (search stopped; more exist)" : "")
    if let temporal {
      out += ", <span id=\"temporal-count\" data-value=\"\(temporal.count)\">"
        + Self.count(temporal.count, "time-respecting cycle") + "</span>" + (temporal.truncated ? " (search stopped; more exist)" : "")
    }
    return out + ".</p>\n</section>\n"
  }

  /// The cyclic part of the graph as inline SVG, or a notice.
  func diagramSection() -> String {
    var out = "<section id=\"diagram\">\n<h2>Where it circulates</h2>\n<p class=\"plan\">"
      + HTMLEscaping.text(diagramDescription) + " Flows on a cycle are red; other colours show the kind; "
      + "hover over an edge for its flow id, source and note.</p>\n"
    switch diagram {
    case .svg(let svg):
      out += "<div class=\"svg\">\n" + HTMLReportDiagramPlan.inlineSVG(svg) + "\n</div>\n"
    case .notice(let notice):
      out += "<p class=\"notice\">" + HTMLEscaping.text(notice) + "</p>\n"
    }
    return out + "</section>\n"
  }

  /// What was left out of the analyses, and why.
  func leftOutSection() -> String {
    let filter = cycles.options.filter
    var otherKinds = [Int](repeating: 0, count: FlowKind.allCases.count)
    for flow in 0 ..< graph.flowCount where !filter.kinds.contains(graph.kind(of: flow)) {
      otherKinds[Int(graph.kind(of: flow).rawValue)] += 1
    }
    var items: [String] = []
    for kind in FlowKind.allCases where otherKinds[Int(kind.rawValue)] > 0 {
      let reason = kind.movesMoney ? "not among the kinds asked for (--kinds)" : "a kind that moves no money (drawn elsewhere, never part of a money cycle unless --kinds asks for it)"
      items.append("<li><span id=\"left-out-\(kind.name)\" data-value=\"\(otherKinds[Int(kind.rawValue)])\">"
        + Self.count(otherKinds[Int(kind.rawValue)], "flow") + "</span> of kind <code>\(kind.name)</code>: \(reason).</li>")
    }
    if cycles.undatedExcluded > 0 {
      items.append("<li><span id=\"left-out-undated\" data-value=\"\(cycles.undatedExcluded)\">"
        + Self.count(cycles.undatedExcluded, "flow") + "</span> without a date, left out by the date range (--since, --until).</li>")
    }
    if cycles.undisclosedExcluded > 0 {
      items.append("<li><span id=\"left-out-undisclosed\" data-value=\"\(cycles.undisclosedExcluded)\">"
        + Self.count(cycles.undisclosedExcluded, "flow") + "</span> without an amount, left out by --min-amount.</li>")
    }
    if let c = circulation, c.undisclosedExcluded > 0 {
      items.append("<li><span id=\"circulation-undisclosed\" data-value=\"\(c.undisclosedExcluded)\">"
        + Self.count(c.undisclosedExcluded, "flow") + "</span> without a disclosed amount: in the cycles (their circulating "
        + "amount is then unknown, ranked last) but not in the circulation, which needs amounts.</li>")
    }
    if let temporal, temporal.undatedExcluded > cycles.undatedExcluded {
      let undated = temporal.undatedExcluded
      items.append("<li><span id=\"temporal-undated\" data-value=\"\(undated)\">" + Self.count(undated, "flow")
        + "</span> without a date: not in the time-respecting cycles, which need dates.</li>")
    }
    if cycles.cycles.count < cycles.count {
      items.append("<li>The table lists the \(Self.count(cycles.cycles.count, "cycle")) with the largest circulating amount of "
        + "\(Self.count(cycles.count, "cycle")) (--limit N; 0 lists all).</li>")
    }
    if cycles.truncated {
      items.append("<li>The cycle search stopped after \(Self.count(cycles.count, "cycle")) (--stop-after); more exist.</li>")
    }
    var out = "<section id=\"left-out\">\n<h2>What was left out, and why</h2>\n"
    out += items.isEmpty ? "<p>Nothing: every flow took part.</p>\n" : "<ul>\n" + items.joined(separator: "\n") + "\n</ul>\n"
    return out + "</section>\n"
  }
}
