/// Writes a graph as GraphML (http://graphml.graphdrawing.org), the format
/// Gephi, yEd, Cytoscape, networkx and Neo4j exchange graphs in.
///
/// Companies become nodes (id; `name`, `aliases` as a JSON array of
/// strings, and one key per attribute); every flow becomes an edge from
/// payer to payee with `kind`, `amount` as written, `currency`, `date` and
/// the other flow fields as declared string keys, and its flow id, if any,
/// as `flow_id`. The document's title, base currency and rates (`rate.JPY`)
/// are graph data, with `format` = `moneyflow/1`. Companies come in document
/// order, flows in their order, so ``GraphMLReader`` reads back the same
/// document.
public enum GraphMLWriter {
  /// The flow fields written as edge keys, in this order.
  static let edgeFields = ["kind", "amount", "currency", "date", "until", "share", "cap", "status", "source", "note", "flow_id"]

  /// The GraphML text, ending in a newline.
  ///
  /// - Complexity: O(*V* + *E*) plus the attribute keys.
  public static func text(_ graph: FlowGraph) -> String {
    let companies = JSONDocumentWriter.companiesInDocumentOrder(graph).map { graph.company($0) }
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    // Keys: graph, node (name, aliases, then attributes by first use), edge.
    var graphKeys = ["format", "title", "currency"]
    for rate in graph.rates { graphKeys.append("rate." + rate.code) }
    for name in graphKeys { out += key("g." + name, for: "graph", name: name) }
    out += key("n.name", for: "node", name: "name")
    out += key("n.aliases", for: "node", name: "aliases")
    var attributeKeys: [String] = []
    for company in companies {
      for attribute in company.attributes where !attributeKeys.contains(attribute.key) {
        attributeKeys.append(attribute.key)
      }
    }
    for (i, name) in attributeKeys.enumerated() { out += key("n.a\(i)", for: "node", name: name) }
    for name in edgeFields { out += key("e." + name, for: "edge", name: name) }

    out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
    out += data("g.format", JSONDocumentReader.formatTag, indent: 4)
    if let title = graph.title { out += data("g.title", title, indent: 4) }
    if let currency = graph.currency { out += data("g.currency", currency, indent: 4) }
    for rate in graph.rates { out += data("g.rate." + rate.code, rate.rate.description, indent: 4) }
    for company in companies {
      out += "    <node id=\"\(escape(company.id, attribute: true))\""
      guard !company.isBare else {
        out += "/>\n"
        continue
      }
      out += ">\n"
      if company.name != company.id { out += data("n.name", company.name, indent: 6) }
      if !company.aliases.isEmpty {
        out += data("n.aliases", JSONValue.array(company.aliases.map(JSONValue.string)).rendered(pretty: false), indent: 6)
      }
      for attribute in company.attributes {
        let index = attributeKeys.firstIndex(of: attribute.key) ?? 0
        out += data("n.a\(index)", attribute.value, indent: 6)
      }
      out += "    </node>\n"
    }
    for flow in 0 ..< graph.flowCount {
      let value = graph.flow(flow)
      out += "    <edge id=\"e\(flow)\" source=\"\(escape(value.from, attribute: true))\" target=\"\(escape(value.to, attribute: true))\">\n"
      out += data("e.kind", value.kind.name, indent: 6)
      if let amount = value.amount { out += data("e.amount", amount.description, indent: 6) }
      if !value.currency.isEmpty { out += data("e.currency", value.currency, indent: 6) }
      if let date = value.date { out += data("e.date", date.description, indent: 6) }
      if let until = value.until { out += data("e.until", until.description, indent: 6) }
      if let share = value.share { out += data("e.share", share.description, indent: 6) }
      if let cap = value.cap { out += data("e.cap", cap.description, indent: 6) }
      if let status = value.status { out += data("e.status", status, indent: 6) }
      if let source = value.source { out += data("e.source", source, indent: 6) }
      if let note = value.note { out += data("e.note", note, indent: 6) }
      if let id = value.id { out += data("e.flow_id", id, indent: 6) }
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private static func key(_ id: String, for domain: String, name: String) -> String {
    "  <key id=\"\(escape(id, attribute: true))\" for=\"\(domain)\" attr.name=\"\(escape(name, attribute: true))\" attr.type=\"string\"/>\n"
  }

  private static func data(_ key: String, _ value: String, indent: Int) -> String {
    String(repeating: " ", count: indent) + "<data key=\"\(escape(key, attribute: true))\">\(escape(value, attribute: false))</data>\n"
  }

  /// `text` as XML character data or a double-quoted attribute value. Line
  /// ends (and in attributes, tabs) are written as character references so
  /// that a reader's normalization keeps them.
  ///
  /// - Complexity: O(*n*).
  static func escape(_ text: String, attribute: Bool) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += attribute ? "&quot;" : "\""
      case "\r": out += "&#13;"
      case "\n": out += attribute ? "&#10;" : "\n"
      case "\t": out += attribute ? "&#9;" : "\t"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
