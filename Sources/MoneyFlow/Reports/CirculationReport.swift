/// A maximum circulation written for people (text) and for programs (JSON).
///
/// The text reads:
///
///     38.2 bn USD of 120 bn USD (31.7%) is circular: multilateral netting could cancel it.
///     12 flows between 5 companies; 7 carry circular money.
///
///     Where it circulates (3 of 3 routes, largest first):
///       13 bn USD  Microsoft → OpenAI → Microsoft
///     ...
///
/// then the companies with the largest circular amounts. Amounts are written
/// with ``MoneyFormat/short(_:currency:)``. The JSON object has the keys
/// `gross`, `circular`, `ratio`, `currency`, `undisclosed_excluded`,
/// `undated_excluded`, `cycle_count`, `companies`, `flows` and `cycles`.
/// Everything is sorted, so the output is the same on every run and platform.
public struct CirculationReport: Sendable {
  public let graph: FlowGraph
  public let circulation: MaximumCirculation
  /// The largest cycles of the circulation's decomposition, with their count.
  public let decomposition: CirculationDecomposition
  /// The cycles kept, largest first.
  public var cycles: [CirculationCycle] { decomposition.cycles }

  /// Prepares the report, decomposing the circulation into cycles and keeping
  /// the `cycleLimit` largest (0 keeps all), on two threads if `threads` is
  /// 2 or more and the support splits (same answer); `progress` hears how
  /// far the decomposition has got.
  ///
  /// - Complexity: that of ``MaximumCirculation/cycleDecomposition(in:limit:threads:progress:)``.
  public init(
    graph: FlowGraph, circulation: MaximumCirculation, cycleLimit: Int = 100, threads: Int = 1,
    progress: (@Sendable (CirculationProgress) -> Void)? = nil
  ) {
    self.graph = graph
    self.circulation = circulation
    var walkProgress: (@Sendable (Int, Int) -> Void)?
    if let progress {
      walkProgress = { done, total in progress(CirculationProgress(stage: .decomposing, count: done, total: total)) }
    }
    self.decomposition = circulation.cycleDecomposition(
      in: graph, limit: cycleLimit, threads: threads, progress: walkProgress)
  }

  // MARK: - Text

  /// The kept cycles merged by company sequence (parallel flows make several
  /// flow-level cycles along one route), largest first, then by company
  /// sequence.
  ///
  /// - Complexity: O(*k* log *k*) for the *k* cycles kept.
  var companyRoutes: [(companies: [CompanyID], amount: Double, cycles: Int)] {
    var routes: [(companies: [CompanyID], amount: Double, cycles: Int)] = []
    let sorted = cycles.sorted { $0.companies.lexicographicallyPrecedes($1.companies) }
    for cycle in sorted {
      if let last = routes.last, last.companies == cycle.companies {
        routes[routes.count - 1].amount += cycle.amount
        routes[routes.count - 1].cycles += 1
      } else {
        routes.append((cycle.companies, cycle.amount, 1))
      }
    }
    return routes.sorted {
      $0.amount != $1.amount ? $0.amount > $1.amount : $0.companies.lexicographicallyPrecedes($1.companies)
    }
  }

  /// The report as text for a person.
  ///
  /// Lists the `cycleLimit` largest routes (``companyRoutes``, from the cycles
  /// the report kept) with display names (`Microsoft → OpenAI → Microsoft`)
  /// and the `companyLimit` companies with the largest circular amount (then
  /// by id); 0 lists all.
  ///
  /// - Complexity: O(*C* log *C*) for *C* companies, plus the lines written.
  public func text(cycleLimit: Int = 10, companyLimit: Int = 10) -> String {
    let c = circulation
    let money = { (value: Double) in MoneyFormat.short(value, currency: c.currency) }
    var out = ""
    if let reason = c.stoppedBy {
      out += "Stopped early (\(reason)): a feasible circulation found so far, not the maximum.\n"
    }
    if c.flowCount == 0 {
      out += "No flow with an amount to examine.\n"
    } else {
      out += "\(money(c.circular)) of \(money(c.gross)) (\(Self.percent(c.ratio))) "
      out += "is circular: multilateral netting could cancel it.\n"
      out += "\(Self.plural(c.flowCount, "flow")) between \(Self.plural(c.companies.count, "company", "companies")); "
      out += "\(c.circularFlowCount) \(c.circularFlowCount == 1 ? "carries" : "carry") circular money.\n"
    }
    if c.undisclosedExcluded > 0 {
      out += "\(Self.plural(c.undisclosedExcluded, "flow")) without an amount left out.\n"
    }
    if c.undatedExcluded > 0 {
      out += "\(Self.plural(c.undatedExcluded, "flow")) without a date left out by the date range.\n"
    }

    let routes = companyRoutes
    if !routes.isEmpty {
      let shown = cycleLimit > 0 ? min(cycleLimit, routes.count) : routes.count
      if cycles.count == decomposition.count {
        out += "\nWhere it circulates (\(shown) of \(Self.plural(routes.count, "route")), largest first):\n"
      } else {
        out += "\nWhere it circulates (\(Self.plural(shown, "route")) of the "
          + (cycles.count == 1 ? "largest" : "\(cycles.count) largest") + " of \(decomposition.count) cycles, largest first):\n"
      }
      let amounts = routes.prefix(shown).map { money($0.amount) }
      let width = amounts.map(\.count).max() ?? 0
      for (route, amount) in zip(routes.prefix(shown), amounts) {
        let names = (route.companies + route.companies.prefix(1)).map { graph.name(of: $0) }
        out += "  " + Self.padded(amount, width) + "  " + names.joined(separator: " → ")
        if route.cycles > 1 { out += "  (\(route.cycles) cycles of flows)" }
        out += "\n"
      }
    }

    let circularCompanies = c.companies.filter { $0.circular > 0 }.sorted {
      $0.circular != $1.circular ? $0.circular > $1.circular : $0.company < $1.company
    }
    if !circularCompanies.isEmpty {
      let shown = companyLimit > 0 ? min(companyLimit, circularCompanies.count) : circularCompanies.count
      out += "\nCompanies (\(shown) of \(circularCompanies.count), by circular amount):\n"
      let rows = circularCompanies.prefix(shown).map { row in
        [money(row.circular), money(row.moneyOut), money(row.moneyIn), money(row.net)]
      }
      let header = ["circular", "out", "in", "net"]
      var widths = header.map(\.count)
      for row in rows { for i in row.indices { widths[i] = max(widths[i], row[i].count) } }
      out += "  " + header.indices.map { Self.padded(header[$0], widths[$0]) }.joined(separator: "  ")
        + "  company\n"
      for (company, row) in zip(circularCompanies.prefix(shown), rows) {
        out += "  " + row.indices.map { Self.padded(row[$0], widths[$0]) }.joined(separator: "  ")
          + "  " + graph.name(of: company.company) + "\n"
      }
    }
    return out
  }

  // MARK: - JSON

  /// The report as a JSON object for `--format json`.
  ///
  /// ```json
  /// {"gross": 1.2e11, "circular": 3.8e10, "ratio": 0.317, "currency": "USD",
  ///  "undisclosed_excluded": 2, "undated_excluded": 0, "cycle_count": 1,
  ///  "companies": [{"id": "microsoft", "name": "Microsoft", "out": 2.6e10,
  ///                 "in": 2e10, "circular": 1.3e10, "net": -6e9}],
  ///  "flows": [{"index": 0, "from": "microsoft", ..., "circular": 1.3e10}],
  ///  "cycles": [{"companies": ["microsoft", "openai"], "flows": [0, 4],
  ///              "amount": 1.3e10}]}
  /// ```
  ///
  /// `companies` lists every company with a flow taken into account, by id
  /// (byte order); `flows` every flow taken into account, by index (0-based,
  /// as in the graph), with the fields of the graph document and its circular
  /// part; `cycles` the largest cycles of the decomposition that the report
  /// kept, largest first, and `cycle_count` how many the whole decomposition has.
  ///
  /// - Complexity: O(*V* + *E*) plus the cycles written.
  public func jsonValue() -> JSONValue { JSONStreamWriter.document(jsonMembers()) }

  /// The members of ``jsonValue()`` for ``JSONStreamWriter``, the
  /// `companies`, `flows` and `cycles` arrays produced one element at a time
  /// while they are written (`--format jsonl` puts one `flows` element a line).
  ///
  /// - Complexity: O(1); writing them is O(*V* + *E*) plus the cycles written.
  public func jsonMembers() -> [(String, JSONStreamWriter.Member)] {
    let c = circulation
    let graph = graph
    let companies = JSONStreamWriter.Member.objects(c.companies) { row, object in
      let id = graph.id(of: row.company)
      object.string("id", id)
      let name = graph.name(of: row.company)
      if !name.hasSameBytes(as: id) { object.string("name", name) }
      object.number("out", row.moneyOut)
      object.number("in", row.moneyIn)
      object.number("circular", row.circular)
      object.number("net", row.net)
    }
    let included = (0 ..< graph.flowCount).lazy.filter { $0 < c.isIncluded.count && c.isIncluded[$0] }
    let flows = JSONStreamWriter.Member.objects(included) { flow, object in
      object.int("index", flow)
      graph.writeJSONFields(ofFlow: flow, to: &object)
      object.number("circular", c.circularAmounts[flow])
    }
    let labels = FlowLabels(graph: graph)
    let cycleObjects = JSONStreamWriter.Member.objects(cycles) { cycle, object in
      object.strings("companies", cycle.companies.lazy.map { graph.id(of: $0) })
      object.ints("flows", cycle.flows)
      object.number("amount", cycle.amount)
      // Where flows carry laundering labels: how many of the cycle's flows do.
      if !labels.isEmpty { object.int("labelled", labels.count(of: cycle.flows)) }
    }
    return (c.stoppedBy == nil ? [] : [("truncated", .value(.bool(true)))]) + [
      ("gross", .value(.number(c.gross))),
      ("circular", .value(.number(c.circular))),
      ("ratio", .value(.number(c.ratio))),
      ("currency", .value(.string(c.currency))),
      ("undisclosed_excluded", .value(.int(c.undisclosedExcluded))),
      ("undated_excluded", .value(.int(c.undatedExcluded))),
      ("cycle_count", .value(.int(decomposition.count))),
      ("companies", companies),
      ("flows", flows),
      ("cycles", cycleObjects),
    ]
  }

  // MARK: - Formatting

  /// `ratio` as a percentage with one decimal: `31.7%`, `100%`, `<0.1%`.
  static func percent(_ ratio: Double) -> String {
    let tenths = (ratio * 1000).rounded()
    if tenths == 0, ratio > 0 { return "<0.1%" }
    if tenths == 1000, ratio < 1 { return ">99.9%" }
    return decimal(Int64(tenths), fractionDigits: 1) + "%"
  }

  /// `value / 10^fractionDigits` in plain digits, trailing zeros of the
  /// fraction dropped.
  private static func decimal(_ value: Int64, fractionDigits: Int) -> String {
    var scale: Int64 = 1
    for _ in 0 ..< fractionDigits { scale *= 10 }
    var text = String(value / scale)
    var fraction = value % scale
    guard fraction != 0 else { return text }
    var digits = fractionDigits
    while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
    let written = String(fraction)
    text += "." + String(repeating: "0", count: digits - written.count) + written
    return text
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
    counted(count, word, plural)
  }
}
