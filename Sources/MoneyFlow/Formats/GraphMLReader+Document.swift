extension GraphMLReader {
  /// The GraphML key that names a company's display name, aliases, and the
  /// flow fields, by `attr.name`.
  static let flowFieldOfKey: [(key: String, field: String)] = [
    ("kind", "kind"), ("amount", "amount"), ("currency", "currency"), ("date", "date"), ("until", "until"),
    ("share", "share"), ("cap", "cap"), ("status", "status"), ("source", "source"), ("note", "note"),
    ("flow_id", "id"),
  ]

  /// The members of the equivalent JSON graph document (without `format`),
  /// each value at the byte offset of the GraphML it came from, so that the
  /// JSON document reader checks them and names the right line and column.
  ///
  /// - Complexity: O(*V* + *E*) data elements, times the keys an element
  ///   has no data for (defaults).
  static func document(
    keys: [String: Key], keyOrder: [String], graphData: [(key: String, value: String, offset: Int)],
    nodes: [Element], edges: [Element], notes: inout [String]
  ) -> [(key: String, value: JSONNode)] {
    var unknown: [String] = []  // "graph key", "edge key" names, in first-seen order
    var unknownCount: [String: Int] = [:]
    func note(_ what: String) {
      if unknownCount[what] == nil { unknown.append(what) }
      unknownCount[what, default: 0] += 1
    }
    func string(_ value: String, _ offset: Int) -> JSONNode { JSONNode(value: .string(value), offset: offset) }
    /// The element's data with the defaults of `domain`'s keys it lacks.
    func values(of element: Element, domain: String) -> [(name: String, value: String, offset: Int)] {
      var out: [(name: String, value: String, offset: Int)] = []
      for item in element.data {
        guard let key = keys[item.key] else {
          note("\(domain) data with undeclared key \"\(item.key)\"")
          continue
        }
        out.append((key.name, item.value, item.offset))
      }
      for id in keyOrder {
        guard let key = keys[id], key.domain == domain || key.domain == "all", let value = key.defaultValue,
          !element.data.contains(where: { $0.key == id })
        else { continue }
        out.append((key.name, value, element.offset))
      }
      return out
    }

    var members: [(key: String, value: JSONNode)] = []
    var rates: [(key: String, value: JSONNode)] = []
    var ownDocument = false
    for item in values(of: Element(offset: 0, attributes: [], data: graphData), domain: "graph") {
      switch item.name {
      case "format": ownDocument = item.value == JSONDocumentReader.formatTag
      case "title", "currency": members.append((item.name, string(item.value, item.offset)))
      default:
        if item.name.hasPrefix("rate.") {
          rates.append((String(item.name.dropFirst(5)), string(item.value, item.offset)))
        } else {
          note("graph key \"\(item.name)\"")
        }
      }
    }
    if !rates.isEmpty { members.append(("rates", JSONNode(value: .object(rates), offset: rates[0].value.offset))) }

    // Companies: the name key is "name", else "label".
    let nodeKeyNames = Set(keys.values.filter { $0.domain == "node" || $0.domain == "all" }.map(\.name))
    let nameKey = nodeKeyNames.contains("name") ? "name" : "label"
    var companies: [JSONNode] = []
    var declared = Set<String>()
    for node in nodes {
      let id = node.attributes.first { $0.name == "id" }?.value ?? ""
      declared.insert(id)
      var company: [(key: String, value: JSONNode)] = [("id", string(id, node.offset))]
      var attributes: [(key: String, value: JSONNode)] = []
      for item in values(of: node, domain: "node") {
        if item.name == nameKey {
          company.append(("name", string(item.value, item.offset)))
        } else if item.name == "aliases" {
          var parser = JSONParser(bytes: Array(item.value.utf8), file: "")
          var aliases = [string(item.value, item.offset)]
          if let parsed = try? parser.parseDocument(), case .array(let items) = parsed.value,
            items.allSatisfy({ if case .string = $0.value { true } else { false } })
          {
            aliases = items.map { JSONNode(value: $0.value, offset: item.offset) }
          }
          company.append(("aliases", JSONNode(value: .array(aliases), offset: item.offset)))
        } else {
          attributes.append((item.name, string(item.value, item.offset)))
        }
      }
      if !attributes.isEmpty { company.append(("attributes", JSONNode(value: .object(attributes), offset: node.offset))) }
      companies.append(JSONNode(value: .object(company), offset: node.offset))
    }

    // Flows.
    var flows: [JSONNode] = []
    var withoutKind = 0
    var added: [String] = []
    for edge in edges {
      func attribute(_ name: String) -> String { edge.attributes.first { $0.name == name }?.value ?? "" }
      var flow: [(key: String, value: JSONNode)] = []
      for end in ["source", "target"] {
        let id = attribute(end)
        if !declared.contains(id) {
          declared.insert(id)
          added.append(id)
          companies.append(JSONNode(value: .object([("id", string(id, edge.offset))]), offset: edge.offset))
        }
        flow.append((end == "source" ? "from" : "to", string(id, edge.offset)))
      }
      var hasKind = false
      var hasID = false
      for item in values(of: edge, domain: "edge") {
        guard let field = flowFieldOfKey.first(where: { $0.key == item.name })?.field else {
          note("edge key \"\(item.name)\"")
          continue
        }
        hasKind = hasKind || field == "kind"
        hasID = hasID || field == "id"
        flow.removeAll { $0.key == field }
        flow.append((field, string(item.value, item.offset)))
      }
      if !hasKind {
        withoutKind += 1
        flow.append(("kind", string(FlowKind.other.name, edge.offset)))
      }
      if !hasID, !ownDocument, let id = edge.attributes.first(where: { $0.name == "id" })?.value {
        flow.append(("id", string(id, edge.offset)))
      }
      flows.append(JSONNode(value: .object(flow), offset: edge.offset))
    }
    members.append(("companies", JSONNode(value: .array(companies), offset: 0)))
    members.append(("flows", JSONNode(value: .array(flows), offset: 0)))

    for what in unknown { notes.append("ignored \(counted(unknownCount[what] ?? 0, "value")) of \(what)") }
    if withoutKind > 0 { notes.append("read \(counted(withoutKind, "edge")) without a kind as \"\(FlowKind.other.name)\"") }
    if !added.isEmpty {
      notes.append("added \(counted(added.count, "company", "companies")) that edges name but no node declares (\(added.prefix(3).joined(separator: ", "))\(added.count > 3 ? ", …" : ""))")
    }
    return members
  }
}

