/// Reads GraphML: the files ``GraphMLWriter`` writes, losslessly, and those
/// of other tools (Gephi, yEd, Cytoscape, networkx) with what they have.
///
/// Keys are matched by `attr.name` (or, without one, by id). Graph data
/// `title`, `currency` and `rate.XXX` become the document's; node data
/// `name` (else `label`) the company name, `aliases` (a JSON array of
/// strings, or one alias) its aliases, and any other node key an attribute.
/// Edge data `kind`, `amount`, `currency`, `date`, `until`, `share`, `cap`,
/// `status`, `source`, `note` and `flow_id` become the flow's fields; a
/// key's `<default>` applies where an element has no data for it. A foreign
/// edge's `id` becomes the flow id.
///
/// What cannot be read is reported in ``notes`` and not fatal: values of
/// edge or graph keys MoneyFlow has no field for, edges without a kind
/// (read as `other`), companies that edges name but no node declares
/// (added), nested graphs, hyperedges and further top-level graphs
/// (skipped), undirected edges (read from source to target). Values that
/// are present but wrong (an unknown kind, a bad amount or date) are errors
/// naming their line and column, as in a JSON document.
public struct GraphMLReader {
  let bytes: [UInt8]
  let file: String
  /// What the last ``read()`` could not use, one sentence each.
  public private(set) var notes: [String] = []

  public init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  struct Key {
    var name: String
    var domain: String
    var defaultValue: String?
  }

  /// A node or edge being read: its attributes and data in order.
  struct Element {
    var offset: Int
    var attributes: [(name: String, value: String)]
    var data: [(key: String, value: String, offset: Int)] = []
  }

  /// Reads the document into a graph.
  ///
  /// - Throws: ``InputError`` for text that is not well-formed XML, a
  ///   document that is not GraphML, or a value that is wrong.
  /// - Complexity: O(*n*) in the size of the input, plus building the graph.
  public mutating func read() throws(InputError) -> FlowGraph {
    var xml = try XMLReader(bytes: bytes, file: file)
    var keys: [String: Key] = [:]
    var keyOrder: [String] = []
    var graphData: [(key: String, value: String, offset: Int)] = []
    var nodes: [Element] = []
    var edges: [Element] = []
    var stack: [String] = []
    var current: Element?
    var currentKey: String?
    var dataKey: String?
    var dataOffset = 0
    var text = ""
    var skipDepth = 0  // > 0 inside a skipped subtree
    var graphs = 0
    var skipped: [String: Int] = [:]
    var undirectedByDefault = false
    var undirected = 0
    var rootChecked = false
    while let event = try xml.next() {
      switch event {
      case .start(let rawName, let attributes, let offset):
        let name = XMLReader.localName(rawName)
        defer { stack.append(name) }
        if !rootChecked {
          rootChecked = true
          guard name == "graphml" else { throw xml.error(.invalidValue, at: offset, "the root element is <\(rawName)>; expected <graphml>") }
          continue
        }
        if skipDepth > 0 || dataKey != nil {
          skipDepth += 1
          continue
        }
        func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
        let parent = stack.last ?? ""
        switch (parent, name) {
        case ("graphml", "key"):
          guard let id = attribute("id") else { throw xml.error(.missingField, at: offset, "<key> without id") }
          keys[id] = Key(name: attribute("attr.name") ?? id, domain: attribute("for") ?? "all")
          keyOrder.append(id)
          currentKey = id
        case ("key", "default"):
          dataKey = "#default"
          text = ""
        case ("graphml", "graph"):
          graphs += 1
          if graphs > 1 {
            skipped["further top-level graphs", default: 0] += 1
            skipDepth = 1
          } else if attribute("edgedefault") == "undirected" {
            undirectedByDefault = true
          }
        case ("graph", "node"):
          guard attribute("id") != nil else { throw xml.error(.missingField, at: offset, "<node> without id") }
          current = Element(offset: offset, attributes: attributes)
        case ("graph", "edge"):
          guard attribute("source") != nil, attribute("target") != nil else {
            throw xml.error(.missingField, at: offset, "<edge> without source and target")
          }
          let directed = attribute("directed")
          if directed == "false" || (undirectedByDefault && directed != "true") { undirected += 1 }
          current = Element(offset: offset, attributes: attributes)
        case ("graph", "data"), ("node", "data"), ("edge", "data"):
          guard let key = attribute("key") else { throw xml.error(.missingField, at: offset, "<data> without key") }
          dataKey = key
          dataOffset = offset
          text = ""
        case ("node", "graph"):
          skipped["nested graphs", default: 0] += 1
          skipDepth = 1
        default:
          skipped["<\(name)> elements", default: 0] += 1
          skipDepth = 1
        }
      case .text(let value, let offset):
        if dataKey != nil, skipDepth == 0 {
          if text.isEmpty { dataOffset = offset }  // errors point at the value
          text += value
        }
      case .end(_, _):
        let name = stack.popLast() ?? ""
        if skipDepth > 0 {
          skipDepth -= 1
          continue
        }
        switch name {
        case "default":
          if let id = currentKey { keys[id]?.defaultValue = text }
          dataKey = nil
        case "key": currentKey = nil
        case "data":
          if let key = dataKey {
            if current != nil { current?.data.append((key, text, dataOffset)) } else { graphData.append((key, text, dataOffset)) }
          }
          dataKey = nil
        case "node":
          if let element = current { nodes.append(element) }
          current = nil
        case "edge":
          if let element = current { edges.append(element) }
          current = nil
        default: break
        }
      }
    }
    guard graphs > 0 else { throw InputError(.missingField, file: file, message: "no <graph> element; expected a GraphML graph") }
    let parser = JSONDocumentReader(bytes: bytes, file: file)
    var members = Self.document(
      keys: keys, keyOrder: keyOrder, graphData: graphData, nodes: nodes, edges: edges, notes: &notes)
    for (what, count) in skipped.sorted(by: { $0.key < $1.key }) { notes.append("skipped \(count) \(what)") }
    if undirected > 0 { notes.append("read \(counted(undirected, "undirected edge")) from source to target") }
    members.insert(("format", JSONNode(value: .string(JSONDocumentReader.formatTag), offset: 0)), at: 0)
    return try parser.read(members: members)
  }
}
