/// One self-contained HTML page for `moneyflow report`: what a journalist or
/// auditor needs to read a graph's circular money without a terminal.
///
/// The page holds, in order: the title and a summary of the data; the
/// circulation headline (circular of gross, as a percentage); the cyclic part
/// of the graph as inline SVG from Graphviz (or a notice where `dot` is
/// missing); a sortable, paginated table of the cycles ranked by circulating
/// amount, each with its flows, dates and sources; the time-respecting cycles
/// with their spans; the companies most exposed; and what was left out and
/// why. CSS and a few lines of plain JavaScript (sorting, paging) are inline;
/// the page needs no network. Without JavaScript every row shows.
///
/// Traceability: every amount shown in short form (`13 bn USD`) carries its
/// exact value in `data-value` (written as `moneyflow … --format json` writes
/// it) and in a tooltip; every flow is listed with its id, date and source,
/// and sources that are web addresses are links.
///
/// Safety: every text from the data goes through ``HTMLEscaping``; names are
/// isolated with `<bdi>` so right-to-left text cannot reorder the page.
/// Determinism: the page depends only on its inputs.
public struct HTMLReport: Sendable {
  /// The diagram: inline SVG, or a notice saying why there is none.
  public enum Diagram: Sendable {
    /// Graphviz's SVG output (the prolog is dropped when inlined).
    case svg(String)
    /// Why no diagram is drawn, e.g. Graphviz is not installed.
    case notice(String)
  }

  public var graph: FlowGraph
  /// The input's name as shown on the page, e.g. `Graphs/ai-deals.json`.
  public var sourceName: String
  public var statistics: GraphStatistics
  public var cycles: CycleSearchResult
  /// The time-respecting cycles; nil when not searched.
  public var temporal: TemporalCycleSearchResult?
  /// The maximum circulation; nil when not computed.
  public var circulation: MaximumCirculation?
  public var diagram: Diagram
  /// What the diagram draws, in one sentence (``HTMLReportDiagramPlan/description``).
  public var diagramDescription: String
  /// Rows a table page shows before the pager takes over.
  public var pageSize: Int
  /// The most flows listed per hop of a cycle (the rest are counted).
  public var flowsPerHop: Int
  /// The most companies listed in the exposure table.
  public var companiesShown: Int

  public init(
    graph: FlowGraph, sourceName: String, statistics: GraphStatistics, cycles: CycleSearchResult,
    temporal: TemporalCycleSearchResult?, circulation: MaximumCirculation?, diagram: Diagram,
    diagramDescription: String, pageSize: Int = 25, flowsPerHop: Int = 5, companiesShown: Int = 1000
  ) {
    self.graph = graph
    self.sourceName = sourceName
    self.statistics = statistics
    self.cycles = cycles
    self.temporal = temporal
    self.circulation = circulation
    self.diagram = diagram
    self.diagramDescription = diagramDescription
    self.pageSize = max(1, pageSize)
    self.flowsPerHop = max(1, flowsPerHop)
    self.companiesShown = max(0, companiesShown)
  }

  /// The page as one HTML document.
  ///
  /// - Complexity: O(*V* + *E*) for the summary of left-out flows, plus the
  ///   length of the page (the cycles listed, their flows, the SVG).
  public func html() -> String {
    let title = graph.title ?? sourceName
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>" + HTMLEscaping.text(title) + " — MoneyFlow report</title>\n"
    out += "<style>\n" + HTMLReport.styleSheet + "</style>\n</head>\n<body>\n"
    out += summarySection(title: title)
    out += headlineSection()
    out += diagramSection()
    out += cyclesSection()
    out += temporalSection()
    out += exposureSection()
    out += leftOutSection()
    out += "<footer><p>Written by <code>moneyflow report</code> from <code>"
      + HTMLEscaping.text(sourceName) + "</code>. Amounts in short form; hover for the exact value.</p></footer>\n"
    out += "<script>\n" + HTMLReport.script + "</script>\n</body>\n</html>\n"
    return out
  }

  // MARK: - Shared pieces

  /// The base currency of the analyses.
  var currency: String { cycles.baseCurrency }

  /// An amount in short form with its exact value in `data-value` and a tooltip.
  func money(_ value: Double?, currency code: String? = nil, tag: String = "span", numeric: Bool = false, id: String? = nil) -> String {
    let unit = code ?? currency
    let classes = numeric ? "amount num" : "amount"
    let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
    guard let value else {
      return "<\(tag)\(idAttribute) class=\"\(classes) unknown\" data-value=\"null\" data-sort=\"-1\">unknown</\(tag)>"
    }
    let exact = JSONValue.formatNumber(value)
    return "<\(tag)\(idAttribute) class=\"\(classes)\" data-value=\"\(exact)\" data-sort=\"\(exact)\" title=\"\(exact)"
      + (unit.isEmpty ? "" : " " + HTMLEscaping.attribute(unit)) + "\">"
      + HTMLEscaping.text(MoneyFormat.short(value, currency: unit)) + "</\(tag)>"
  }

  /// A company as a `<li>` naming its id, for routes.
  func companyItem(_ company: CompanyID) -> String {
    "<li data-id=\"" + HTMLEscaping.attribute(graph.id(of: company)) + "\">"
      + HTMLEscaping.isolated(graph.name(of: company)) + "</li>"
  }

  /// A route `A → B → A` as an ordered list (CSS draws the arrows).
  func route(_ companies: [CompanyID]) -> String {
    "<ol class=\"route\">" + companies.map(companyItem).joined() + "</ol>"
  }

  /// One flow: `P01 investment 13bn USD, 2019, source <a>…</a>`, the amount as written.
  func flowDescription(_ flow: Int, withDate: Bool = true) -> String {
    let details = graph.details(of: flow)
    var out = ""
    if let id = details.id { out += "<span class=\"flow-id\">" + HTMLEscaping.text(id) + "</span> " }
    out += "<span class=\"kind k-" + graph.kind(of: flow).name + "\">" + graph.kind(of: flow).name + "</span> "
    if let amount = graph.amount(of: flow) {
      let code = graph.currencyCode(of: flow).isEmpty ? (graph.currency ?? "") : graph.currencyCode(of: flow)
      out += "<span class=\"written\">" + HTMLEscaping.text(amount.description + (code.isEmpty ? "" : " " + code)) + "</span>"
    } else {
      out += "<span class=\"written unknown\">undisclosed</span>"
    }
    if withDate, let date = graph.date(of: flow) { out += ", <time>" + date.description + "</time>" }
    if let source = details.source { out += ", source " + HTMLEscaping.sourceLinks(source) }
    if let note = details.note { out += " <span class=\"note\" title=\"" + HTMLEscaping.attribute(note) + "\">note</span>" }
    return out
  }

  /// `1 flow`, `3 flows`, with digit grouping.
  /// A window or span: `1,000 days`, `1 day`, or `5 h 20 min` when not a
  /// whole number of days; a span of nothing is `0 s` where flows carry
  /// times of day (`timed`).
  static func duration(_ duration: FlowDuration, timed: Bool = false) -> String {
    if timed, duration.seconds == 0 { return "0 s" }
    return duration.isWholeDays ? count(Int(clamping: duration.days), "day") : duration.description
  }

  static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    var buffer = ByteBuffer(capacity: 24)
    buffer.appendGrouped(UInt64(max(0, n)))
    return String(decoding: buffer.bytes, as: UTF8.self) + " " + (n == 1 ? singular : plural ?? singular + "s")
  }

  /// A table of class `data` (sortable, paged by the script): the header
  /// cells, then the rows' HTML.
  func table(id: String, caption: String, headers: [(String, numeric: Bool)], rows: [String]) -> String {
    var out = "<table id=\"\(id)\" class=\"data\" data-page-size=\"\(pageSize)\">\n<caption>"
      + caption + "</caption>\n<thead><tr>"
    for header in headers {
      out += "<th scope=\"col\"" + (header.numeric ? " class=\"num\"" : "") + ">" + header.0 + "</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows { out += row + "\n" }
    return out + "</tbody>\n</table>\n"
  }
}
