// MARK: - Emitting: the document, nodes, edges and legend


extension DOTWriter.Plan {
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
      // Title at the left: edge labels sit between ranks and may touch the middle of the top.
      out.append("\", labeljust=l, fontsize=12, style=\"rounded,filled\", color=\"#d00000\", fillcolor=\"#fff4f4\"];\n")
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
    let fontName = DOTFont.choose(for: graph, title: options.title ?? graph.title, requested: options.fontName)
    out.append("digraph moneyflow {\n  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"")
    out.appendDOTEscaped(fontName)
    out.append("\"")
    if let title = options.title ?? graph.title, !title.isEmpty {
      out.append(", labelloc=t, fontsize=16, label=\"")
      out.appendDOTEscaped(title)
      out.append("\"")
    }
    out.append("];\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", color=\"#444444\", fontname=\"")
    out.appendDOTEscaped(fontName)
    out.append("\", fontsize=11];\n  edge [fontname=\"")
    out.appendDOTEscaped(fontName)
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
