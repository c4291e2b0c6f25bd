/// Writes a ``FlowGraph`` as a Graphviz DOT diagram.
///
/// The output is one `digraph` in this order: graph, node and edge
/// defaults (the title as graph label); one node a drawn company, in
/// ``CompanyID`` order, named `n0`, `n1`, … by ``CompanyID`` with the display
/// name as its label; the ``DOTOptions/clusters`` as `subgraph cluster_k`;
/// one edge a drawn flow (or, with ``DOTOptions/mergeParallel``, one edge a
/// payer–payee pair) in CSR order: by payer, then payee, day and flow index;
/// last, a legend of the kinds drawn as `subgraph cluster_legend`.
///
/// Looks: an edge is coloured by kind, solid when the kind moves money and
/// dashed when it does not; its pen width grows with the logarithm of the
/// amount in the base currency, from 1 (smallest drawn) to 6 (largest), 1
/// when undisclosed or when amounts cannot be converted into one currency;
/// its label gives the kind, the amount in short form (`13 bn USD`,
/// `2,500億 JPY`, see ``Amount/shortForm(_:currency:)``) and the date.
/// Highlighted flows are red and bold; with circular amounts, edges are
/// shaded from grey to red by their circular share.
///
/// Validity: node names are generated identifiers, and every text from the
/// data (names, ids, notes, the title) is written as a quoted, escaped string
/// (see ``ByteBuffer/appendDOTEscaped(_:)``), so any input gives DOT that
/// Graphviz parses, whatever quotes, backslashes, line breaks, braces, angle
/// brackets, `--` or keywords it holds. Labels are UTF-8 (`charset="UTF-8"`).
///
/// Determinism: the output depends only on the graph and the options; no
/// dictionary or set is iterated, numbers are written with integer
/// arithmetic. Two exports of one graph are byte-identical.
///
/// Output is produced in chunks of about ``chunkSize`` bytes, each ending at
/// a line boundary (so each is valid UTF-8), without building the whole text.
public enum DOTWriter {
  /// The size above which the writer hands its buffer to the sink.
  public static let chunkSize = 1 << 16

  /// Writes the DOT text of `graph` to `target` in chunks.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if `options.filter` has a
  ///   minimum amount and the drawn flows use a currency without a rate.
  /// - Precondition: the per-flow arrays of `options` are nil or have
  ///   `graph.flowCount` entries.
  /// - Complexity: O(*V* + *E*) time plus the length of the text; O(*V* + *E*)
  ///   extra space for per-company and per-flow flags.
  public static func write<Target: TextOutputStream>(
    graph: FlowGraph, options: DOTOptions = DOTOptions(), to target: inout Target
  ) throws(CurrencyConversion.Failure) {
    let plan = try Plan(graph: graph, options: options)
    plan.emit(chunkSize: chunkSize) { (chunk: [UInt8]) throws(Never) in
      target.write(String(decoding: chunk, as: UTF8.self))
    }
  }

  /// Writes the DOT text of `graph` as UTF-8 chunks of about ``chunkSize``
  /// bytes, each ending at a line boundary; for writing to a file or pipe.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` as ``write(graph:options:to:)``,
  ///   or what `chunks` throws, which stops the writing.
  /// - Complexity: O(*V* + *E*) time plus the length of the text.
  public static func write(
    graph: FlowGraph, options: DOTOptions = DOTOptions(), chunks: ([UInt8]) throws -> Void
  ) throws {
    let plan = try Plan(graph: graph, options: options)
    try plan.emit(chunkSize: chunkSize, flush: chunks)
  }

  /// The whole DOT text of `graph` as UTF-8 bytes.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` as ``write(graph:options:to:)``.
  /// - Complexity: O(*V* + *E*) time plus the length of the text.
  public static func bytes(graph: FlowGraph, options: DOTOptions = DOTOptions())
    throws(CurrencyConversion.Failure) -> [UInt8]
  {
    let plan = try Plan(graph: graph, options: options)
    var all: [UInt8] = []
    plan.emit(chunkSize: Int.max) { (chunk: [UInt8]) throws(Never) in all = chunk }
    return all
  }

  /// The whole DOT text of `graph`.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` as ``write(graph:options:to:)``.
  /// - Complexity: O(*V* + *E*) time plus the length of the text.
  public static func text(graph: FlowGraph, options: DOTOptions = DOTOptions())
    throws(CurrencyConversion.Failure) -> String
  {
    String(decoding: try bytes(graph: graph, options: options), as: UTF8.self)
  }
}

// MARK: - Plan

extension DOTWriter {
  /// What to draw, decided before writing: which flows and companies, the
  /// conversion into the base currency and the pen-width scale.
  struct Plan {
    let graph: FlowGraph
    let options: DOTOptions
    /// Per flow: selected by the filter and kept.
    let drawn: [Bool]
    /// Per company: drawn as a node.
    let drawnCompany: [Bool]
    /// Per company: joined by a drawn highlighted flow.
    let highlightedCompany: [Bool]
    /// Nil when the drawn amounts cannot be compared in one currency.
    let conversion: CurrencyConversion?
    /// Per drawn flow: its amount in the base currency; NaN when undisclosed
    /// or not convertible.
    let baseValue: [Double]
    /// ``DOTOptions/highlightedFlows`` or empty.
    let highlighted: [Bool]
    /// ``DOTOptions/circularAmount`` or empty.
    let circular: [Double]
    /// Currency code written after each amount, by currency index.
    let currencyLabel: [String]
    private(set) var widths: PenWidthScale
    /// Kinds of the drawn flows.
    let kindsDrawn: FlowKindSet
    /// Whether a merged edge joins flows of several kinds.
    private(set) var drawsMixedKinds: Bool
    private(set) var edgeCount: Int

    init(graph: FlowGraph, options: DOTOptions) throws(CurrencyConversion.Failure) {
      let e = graph.flowCount
      precondition(options.highlightedFlows.map { $0.count == e } ?? true, "highlightedFlows needs one entry a flow")
      precondition(options.keptFlows.map { $0.count == e } ?? true, "keptFlows needs one entry a flow")
      precondition(options.circularAmount.map { $0.count == e } ?? true, "circularAmount needs one entry a flow")
      self.graph = graph
      self.options = options

      var drawn: [Bool]
      let conversion: CurrencyConversion?
      if options.filter.minimumAmount != nil {
        let selection = try FlowSelection(graph: graph, filter: options.filter)
        drawn = selection.isSelected
        conversion = selection.conversion
      } else {
        // Not FlowSelection: it needs every currency converted even without a
        // minimum amount, and a diagram of amounts in several currencies
        // without rates is still worth drawing (with equal pen widths).
        drawn = Plan.selection(graph: graph, filter: options.filter)
        let selected = drawn
        conversion = try? CurrencyConversion(graph: graph, includes: { selected[$0] })
      }
      if let kept = options.keptFlows {
        for flow in 0 ..< e where !kept[flow] { drawn[flow] = false }
      }
      self.drawn = drawn
      self.conversion = conversion
      var baseValue = [Double](repeating: .nan, count: e)
      if let conversion {
        for flow in 0 ..< e where drawn[flow] { baseValue[flow] = conversion.value(of: flow, in: graph) ?? .nan }
      }
      self.baseValue = baseValue
      self.highlighted = options.highlightedFlows ?? []
      self.circular = options.circularAmount ?? []

      let n = graph.companyCount
      var drawnCompany = [Bool](repeating: options.keptFlows == nil, count: n)
      var highlighted = [Bool](repeating: false, count: n)
      var kinds = FlowKindSet(bits: 0)
      for flow in 0 ..< e where drawn[flow] {
        let payer = Int(graph.payerIndex[flow])
        let payee = Int(graph.payeeIndex[flow])
        drawnCompany[payer] = true
        drawnCompany[payee] = true
        if options.highlightedFlows?[flow] == true {
          highlighted[payer] = true
          highlighted[payee] = true
        }
        kinds.insert(graph.kind(of: flow))
      }
      self.drawnCompany = drawnCompany
      self.highlightedCompany = highlighted
      self.kindsDrawn = kinds
      self.currencyLabel = graph.currencyCodes.map { $0.isEmpty ? (graph.currency ?? "") : $0 }
      self.widths = PenWidthScale()
      self.drawsMixedKinds = false
      self.edgeCount = 0

      // Second pass, over edges: pen-width scale and mixed kinds.
      var widths = PenWidthScale()
      var mixed = false
      var edges = 0
      var runs = self.edges
      while let run = runs.next() {
        let summary = self.summary(of: run)
        if let value = summary.value { widths.include(value) }
        if summary.kinds.bits & (summary.kinds.bits - 1) != 0 { mixed = true }
        edges += 1
      }
      self.widths = widths
      self.drawsMixedKinds = mixed
      self.edgeCount = edges
    }

    /// Flows of the kinds and dates `filter` keeps; no minimum amount.
    ///
    /// - Complexity: O(*E*).
    static func selection(graph: FlowGraph, filter: FlowFilter) -> [Bool] {
      let sinceDay = filter.since?.day
      let untilDay = filter.until.map(FlowFilter.lastDay)
      var selected = [Bool](repeating: false, count: graph.flowCount)
      for flow in 0 ..< graph.flowCount where filter.kinds.contains(graph.kind(of: flow)) {
        if sinceDay != nil || untilDay != nil {
          let day = graph.day(of: flow)
          if day == FlowGraph.undatedDay { continue }
          if let sinceDay, day < sinceDay { continue }
          if let untilDay, day > untilDay { continue }
        }
        selected[flow] = true
      }
      return selected
    }

    /// The drawn edges, in CSR order, each as a range of slots of
    /// `outFlows`: one drawn flow, or with ``DOTOptions/mergeParallel`` all
    /// flows of one payer–payee pair (some maybe not drawn).
    var edges: EdgeRuns { EdgeRuns(plan: self) }

    /// An iterator over ``edges``; a loop, not a callback, so that the
    /// output buffer is never captured by a closure.
    struct EdgeRuns: IteratorProtocol {
      let outStart: [Int32]
      let outFlows: [Int32]
      let payeeIndex: [Int32]
      let drawn: [Bool]
      let merges: Bool
      var company = -1
      var slot = 0
      var end = 0

      init(plan: Plan) {
        outStart = plan.graph.outStart
        outFlows = plan.graph.outFlows
        payeeIndex = plan.graph.payeeIndex
        drawn = plan.drawn
        merges = plan.options.mergeParallel
      }

      /// The next drawn edge.
      ///
      /// - Complexity: amortized O(1) a flow and a company over the whole iteration.
      mutating func next() -> Range<Int>? {
        while true {
          while slot == end {
            company += 1
            guard company + 1 < outStart.count else { return nil }
            slot = Int(outStart[company])
            end = Int(outStart[company + 1])
          }
          guard merges else {
            slot += 1
            if drawn[Int(outFlows[slot - 1])] { return slot - 1 ..< slot }
            continue
          }
          let start = slot
          let payee = payeeIndex[Int(outFlows[slot])]
          var any = false
          while slot < end, payeeIndex[Int(outFlows[slot])] == payee {
            if drawn[Int(outFlows[slot])] { any = true }
            slot += 1
          }
          if any { return start ..< slot }
        }
      }
    }

    /// What the drawn flows of one edge add up to.
    struct EdgeSummary {
      var flowCount = 0
      /// The first drawn flow.
      var first = 0
      var kinds = FlowKindSet(bits: 0)
      var highlighted = false
      /// Total of the known amounts in the base currency; nil if none is known
      /// or amounts cannot be converted.
      var value: Double?
      var circular = 0.0
      var undisclosed = 0

      var movesMoney: Bool { kinds.bits & FlowKindSet.moneyMoving.bits != 0 }
    }

    /// Sums the drawn flows of `run`.
    func summary(of run: Range<Int>) -> EdgeSummary {
      var summary = EdgeSummary()
      let outFlows = graph.outFlows
      let kindCode = graph.kindCode
      let exponent = graph.amountExponent
      for slot in run {
        let flow = Int(outFlows[slot])
        guard drawn[flow] else { continue }
        if summary.flowCount == 0 { summary.first = flow }
        summary.flowCount += 1
        summary.kinds.bits |= 1 << UInt16(kindCode[flow])
        if !highlighted.isEmpty, highlighted[flow] { summary.highlighted = true }
        if !circular.isEmpty { summary.circular += circular[flow] }
        if exponent[flow] == FlowGraph.undisclosed {
          summary.undisclosed += 1
        } else if !baseValue[flow].isNaN {
          summary.value = (summary.value ?? 0) + baseValue[flow]
        }
      }
      return summary
    }

    /// The circular share of an edge, 0 ... 1; nil without circular amounts.
    func circularShare(_ summary: EdgeSummary) -> Double? {
      guard !circular.isEmpty else { return nil }
      guard let value = summary.value, value > 0 else { return summary.circular > 0 ? 1 : 0 }
      return min(1, max(0, summary.circular / value))
    }
  }
}

// MARK: - Emitting

extension DOTWriter.Plan {
  static let fontName: StaticString = "Helvetica,Arial,sans-serif"

  /// Writes the whole diagram, handing the buffer to `flush` each time it
  /// holds `chunkSize` bytes or more at the end of a line, and at the end.
  func emit<E: Error>(chunkSize: Int, flush: ([UInt8]) throws(E) -> Void) throws(E) {
    // `out` is captured by no closure, so that it stays a plain local.
    var out = ByteBuffer(capacity: min(chunkSize, 1 << 20) + 4096)
    writeHeader(to: &out)
    for company in 0 ..< graph.companyCount where drawnCompany[company] {
      writeNode(company, to: &out)
      if out.count >= chunkSize { try flush(out.bytes); out.removeAll() }
    }
    var assigned = [Bool](repeating: false, count: options.clusters.isEmpty ? 0 : graph.companyCount)
    var clusterNumber = 0
    for cluster in options.clusters {
      var members: [Int] = []
      for company in cluster where company.rawValue >= 0 && company.index < graph.companyCount {
        let c = company.index
        if drawnCompany[c], !assigned[c] {
          assigned[c] = true
          members.append(c)
        }
      }
      guard !members.isEmpty else { continue }
      out.append("  subgraph cluster_")
      out.appendDecimal(clusterNumber)
      out.append(" {\n    graph [label=\"circular group ")
      out.appendDecimal(clusterNumber + 1)
      out.append("\", fontsize=12, style=\"rounded,filled\", color=\"#d00000\", fillcolor=\"#fff4f4\"];\n")
      for c in members {
        out.append("    n")
        out.appendDecimal(c)
        out.append(";\n")
        if out.count >= chunkSize { try flush(out.bytes); out.removeAll() }
      }
      out.append("  }\n")
      clusterNumber += 1
    }
    var runs = edges
    while let run = runs.next() {
      writeEdge(run, to: &out)
      if out.count >= chunkSize { try flush(out.bytes); out.removeAll() }
    }
    if options.showsLegend, edgeCount > 0 { writeLegend(to: &out) }
    out.append("}\n")
    try flush(out.bytes)
  }

  func writeHeader(to out: inout ByteBuffer) {
    out.append("digraph moneyflow {\n  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"")
    out.append(DOTWriter.Plan.fontName)
    out.append("\"")
    if let title = options.title ?? graph.title, !title.isEmpty {
      out.append(", labelloc=t, fontsize=16, label=\"")
      out.appendDOTEscaped(title)
      out.append("\"")
    }
    out.append("];\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", color=\"#444444\", fontname=\"")
    out.append(DOTWriter.Plan.fontName)
    out.append("\", fontsize=11];\n  edge [fontname=\"")
    out.append(DOTWriter.Plan.fontName)
    out.append("\", fontsize=9, arrowsize=0.7];\n")
  }

  /// Whether `text` has a character that shows: not only spaces and controls.
  static func isVisible(_ text: String) -> Bool {
    text.unicodeScalars.contains { !$0.properties.isWhitespace && $0.value >= 0x20 && $0.value != 0x7F }
  }

  func writeNode(_ company: Int, to out: inout ByteBuffer) {
    let id = graph.companyIDs[company]
    let info = graph.companyInfo.isEmpty ? nil : graph.companyInfo[Int32(company)]
    let name = info?.name ?? id
    out.append("  n")
    out.appendDecimal(company)
    out.append(" [label=\"")
    if DOTWriter.Plan.isVisible(name) {
      out.appendDOTEscaped(name)
    } else if DOTWriter.Plan.isVisible(id) {
      out.appendDOTEscaped(id)
    } else {
      out.append("(blank)")
    }
    out.append("\"")
    if let info, info.name != id || !info.aliases.isEmpty {
      out.append(", tooltip=\"")
      out.appendDOTEscaped(id)
      for alias in info.aliases {
        out.append("\\n")
        out.appendDOTEscaped(alias)
      }
      out.append("\"")
    }
    if highlightedCompany[company] {
      out.append(", color=\"")
      out.append(contentsOf: DOTWriter.highlightColor)
      out.append("\", penwidth=2")
    }
    out.append("];\n")
  }

  func writeEdge(_ run: Range<Int>, to out: inout ByteBuffer) {
    let summary = summary(of: run)
    let flow = summary.first
    out.append("  n")
    out.appendDecimal(Int(graph.payerIndex[flow]))
    out.append(" -> n")
    out.appendDecimal(Int(graph.payeeIndex[flow]))
    out.append(" [")
    let share = circularShare(summary)
    if options.showsEdgeLabels {
      out.append("label=\"")
      if summary.flowCount == 1 {
        writeFlowLabel(flow, to: &out)
      } else {
        writeMergedLabel(run, summary, to: &out)
      }
      if let share, share > 0 {
        out.append("\\n")
        DOTWriter.Plan.appendPercent(share, to: &out)
        out.append(" circular")
      }
      out.append("\", ")
    }
    out.append("color=\"")
    if summary.highlighted {
      out.append(contentsOf: DOTWriter.highlightColor)
    } else if let share {
      DOTWriter.appendShareColor(share, to: &out)
    } else if summary.flowCount == 1 || summary.kinds.bits & (summary.kinds.bits - 1) == 0 {
      out.append(DOTWriter.kindColors[Int(graph.kindCode[flow])])
    } else {
      out.append(DOTWriter.mixedKindsColor)
    }
    out.append("\"")
    if summary.highlighted {
      out.append(summary.movesMoney ? ", style=bold" : ", style=\"bold,dashed\"")
    } else if !summary.movesMoney {
      out.append(", style=dashed")
    }
    var tenths = widths.tenths(for: summary.value)
    if summary.highlighted { tenths = max(tenths, 25) }
    out.append(", penwidth=")
    out.appendDecimal(tenths / 10)
    out.append(0x2E)
    out.appendDecimal(tenths % 10)
    if summary.flowCount == 1, !graph.details.isEmpty, let details = graph.details[Int32(flow)],
      details.id != nil || details.status != nil || details.source != nil || details.note != nil
    {
      out.append(", tooltip=\"")
      var separator = false
      for (prefix, text) in [("flow ", details.id), ("", details.status), ("source: ", details.source), ("", details.note)] {
        guard let text else { continue }
        if separator { out.append("\\n") }
        out.append(contentsOf: prefix)
        out.appendDOTEscaped(text)
        separator = true
      }
      out.append("\"")
    }
    out.append("];\n")
  }

  /// `kind\namount[, share 20%][, cap 92 bn USD]\ndate[–until]`.
  func writeFlowLabel(_ flow: Int, to out: inout ByteBuffer) {
    out.append(DOTWriter.kindLabels[Int(graph.kindCode[flow])])
    out.append("\\n")
    let currency = currencyLabel[Int(graph.currencyIndex[flow])]
    let exponent = graph.amountExponent[flow]
    if exponent != FlowGraph.undisclosed {
      let value = Amount(significand: graph.amountSignificand[flow], exponent: exponent).doubleValue
      Amount.appendShortForm(value, currency: currency, to: &out)
    } else {
      out.append("undisclosed")
    }
    let details = graph.details.isEmpty ? nil : graph.details[Int32(flow)]
    if let share = details?.share {
      out.append(", share ")
      Amount.appendShortFigure(share.doubleValue * 100, myriad: false, to: &out)
      out.append("%")
    }
    if let cap = details?.cap {
      out.append(", cap ")
      Amount.appendShortForm(cap.doubleValue, currency: currency, to: &out)
    }
    let precision = FlowDate.Precision(rawValue: graph.datePrecision[flow])
    let date = precision.map { FlowDate(day: graph.dayNumber[flow], precision: $0) }
    if date != nil || details?.until != nil {
      out.append("\\n")
      if let date { DOTWriter.Plan.appendDate(date, to: &out) }
      if let until = details?.until {
        out.append(date == nil ? "until " : "–")
        DOTWriter.Plan.appendDate(until, to: &out)
      }
    }
  }

  /// `kinds\nN flows: totals by currency[ + undisclosed]\nfirst date–last date`.
  func writeMergedLabel(_ run: Range<Int>, _ summary: EdgeSummary, to out: inout ByteBuffer) {
    var separator = false
    for kind in summary.kinds {
      if separator { out.append(", ") }
      out.append(DOTWriter.kindLabels[Int(kind.rawValue)])
      separator = true
    }
    out.append("\\n")
    out.appendDecimal(summary.flowCount)
    out.append(" flows")
    // Totals by currency index, in the order of the currency table.
    var totals: [(currency: Int, total: Double)] = []
    var earliest: FlowDate?
    var latest: FlowDate?
    for slot in run {
      let flow = Int(graph.outFlows[slot])
      guard drawn[flow] else { continue }
      if let date = graph.date(of: flow) {
        if earliest.map({ date < $0 }) ?? true { earliest = date }
        if latest.map({ $0 < date }) ?? true { latest = date }
      }
      guard let value = graph.amountValue(of: flow) else { continue }
      let currency = Int(graph.currencyIndex[flow])
      if let i = totals.firstIndex(where: { $0.currency == currency }) {
        totals[i].total += value
      } else {
        totals.append((currency, value))
      }
    }
    totals.sort { $0.currency < $1.currency }
    separator = false
    for (currency, total) in totals {
      out.append(separator ? " + " : ": ")
      Amount.appendShortForm(total, currency: currencyLabel[currency], to: &out)
      separator = true
    }
    if summary.undisclosed > 0 {
      out.append(separator ? " + undisclosed" : ", undisclosed")
    }
    if let earliest, let latest {
      out.append("\\n")
      DOTWriter.Plan.appendDate(earliest, to: &out)
      if earliest != latest {
        out.append("–")
        DOTWriter.Plan.appendDate(latest, to: &out)
      }
    }
  }

  /// `62%`; `<1%` for a share that rounds to 0 and `>99%` for one that rounds to 100 but is not whole.
  static func appendPercent(_ share: Double, to out: inout ByteBuffer) {
    let percent = Int((share * 100).rounded())
    if percent == 0 {
      out.append("<1%")
    } else if percent == 100, share < 1 {
      out.append(">99%")
    } else {
      out.appendDecimal(percent)
      out.append("%")
    }
  }

  /// Writes a date as given: `2025`, `2025-05` or `2025-05-13`.
  static func appendDate(_ date: FlowDate, to out: inout ByteBuffer) {
    let (year, month, day) = date.components
    if year < 0 { return out.append(contentsOf: date.description) }
    out.appendDecimal(UInt64(year), minimumDigits: 4)
    if date.precision == .year { return }
    out.append(0x2D)
    out.appendDecimal(UInt64(month), minimumDigits: 2)
    if date.precision == .month { return }
    out.append(0x2D)
    out.appendDecimal(UInt64(day), minimumDigits: 2)
  }

  /// A legend of the kinds drawn, and of the highlight or shading used, as
  /// sample edges between invisible points.
  func writeLegend(to out: inout ByteBuffer) {
    out.append("  subgraph cluster_legend {\n    graph [label=\"Legend\", fontsize=10, style=rounded, color=\"#bbbbbb\"];\n")
    out.append("    node [shape=point, style=invis, width=0.01, height=0.01, label=\"\"];\n")
    var entry = 0
    func begin() {
      out.append("    legend_")
      out.appendDecimal(entry)
      out.append("a -> legend_")
      out.appendDecimal(entry)
      out.append("b [label=\"")
      entry += 1
    }
    let shaded = options.circularAmount != nil
    for kind in kindsDrawn {
      begin()
      out.append(contentsOf: DOTWriter.displayName(of: kind))
      if !kind.movesMoney { out.append(" (moves no money)") }
      out.append("\", color=\"")
      if shaded { DOTWriter.appendShareColor(0, to: &out) } else { out.append(DOTWriter.kindColors[Int(kind.rawValue)]) }
      out.append(kind.movesMoney ? "\"];\n" : "\", style=dashed];\n")
    }
    if drawsMixedKinds, !shaded {
      begin()
      out.append("several kinds\", color=\"")
      out.append(DOTWriter.mixedKindsColor)
      out.append("\"];\n")
    }
    if shaded {
      for percent in [50, 100] {
        begin()
        out.appendDecimal(percent)
        out.append("% circular\", color=\"")
        DOTWriter.appendShareColor(Double(percent) / 100, to: &out)
        out.append("\"];\n")
      }
    }
    if options.highlightedFlows != nil {
      begin()
      out.append("on a circular path\", color=\"")
      out.append(contentsOf: DOTWriter.highlightColor)
      out.append("\", style=bold, penwidth=2.5];\n")
    }
    out.append("  }\n")
  }
}
