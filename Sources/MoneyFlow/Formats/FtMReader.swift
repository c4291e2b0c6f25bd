/// Reads FollowTheMoney (FtM) entities, one JSON object a line, the form
/// OpenSanctions, Aleph and the `ftm` tool write:
/// `{"id": "...", "schema": "Payment", "properties": {"payer": ["..."], ...}}`.
///
/// Company, Organization, LegalEntity and Person become companies (name
/// from the first `name`, the other names and `alias` as aliases, the
/// other properties as attributes joined by "; ", and `schema`). Payment
/// (payer → beneficiary) and Debt (creditor → debtor, a loan) move money
/// with `amount`, `currency` and `date` (else `startDate`); Ownership (owner
/// → asset) becomes an equity stake, and the other interest and
/// relationship schemata (Directorship, Membership, Employment,
/// Representation, Family, Associate, Succession, UnknownLink) partnerships,
/// which move no money. Entity ids are kept as company and flow ids.
///
/// Not fatal, counted in ``notes``: entities of other schemata, repeated
/// ids (the first is kept), relationships without both ends, ends naming no
/// entity of the file (added as bare companies), amounts, currencies and
/// dates that do not read (left out). A line that is not a JSON object with
/// `id` and `schema` is an error naming its line and column.
public struct FtMReader {
  let bytes: [UInt8]
  let file: String
  /// What the last ``read()`` could not use, one sentence each.
  public private(set) var notes: [String] = []

  public init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  static let companySchemata = ["Company", "Organization", "LegalEntity", "Person"]
  /// Relationship schemata: ends and kind.
  static let links: [(schema: String, from: String, to: String, kind: FlowKind)] = [
    ("Payment", "payer", "beneficiary", .other), ("Debt", "creditor", "debtor", .loan),
    ("Ownership", "owner", "asset", .equityStake), ("Directorship", "director", "organization", .partnership),
    ("Membership", "member", "organization", .partnership), ("Employment", "employee", "employer", .partnership),
    ("Representation", "agent", "client", .partnership), ("Family", "person", "relative", .partnership),
    ("Associate", "person", "associate", .partnership), ("Succession", "predecessor", "successor", .partnership),
    ("UnknownLink", "subject", "object", .partnership),
  ]

  /// One entity: id, schema and properties (each a list of strings).
  struct Entity {
    var id: String
    var schema: String
    var properties: [(key: String, values: [String])]

    func first(_ key: String) -> String? { properties.first { $0.key == key }?.values.first }
  }

  /// Whether `bytes` look like FtM entities: the first non-blank line is one
  /// JSON object with `schema` and `id` (a MoneyFlow document's first line
  /// is not a whole object, or has `format`).
  public static func looksLikeFtM(_ bytes: [UInt8]) -> Bool {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    var end = start
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    var parser = JSONParser(bytes: Array(bytes[start ..< end]), file: "")
    guard let node = try? parser.parseDocument(), case .object(let members) = node.value else { return false }
    return members.contains { $0.key == "schema" } && members.contains { $0.key == "id" }
      && !members.contains { $0.key == "format" }
  }

  /// Reads the entities into a graph.
  ///
  /// - Throws: ``InputError`` for a line that is not an entity.
  /// - Complexity: O(*n*) in the size of the input, plus building the graph.
  public mutating func read() throws(InputError) -> FlowGraph {
    let entities = try readEntities()
    var builder = FlowGraphBuilder()
    var unknown: [String: Int] = [:]
    var problems: [String: Int] = [:]
    var seen = Set<String>()
    var companyIDs = Set<String>()
    var relationships: [(Entity, from: String, to: String, kind: FlowKind)] = []
    for entity in entities {
      guard seen.insert(entity.id).inserted else {
        problems["entities with an id seen before (the first is kept)", default: 0] += 1
        continue
      }
      if Self.companySchemata.contains(entity.schema) {
        builder.addCompany(Self.company(entity))
        companyIDs.insert(entity.id)
      } else if let link = Self.links.first(where: { $0.schema == entity.schema }) {
        relationships.append((entity, link.from, link.to, link.kind))
      } else {
        unknown[entity.schema, default: 0] += 1
      }
    }
    for (entity, fromKey, toKey, kind) in relationships {
      guard let from = entity.first(fromKey), let to = entity.first(toKey) else {
        problems["\(entity.schema) entities without \(fromKey) and \(toKey)", default: 0] += 1
        continue
      }
      for end in [from, to] where !companyIDs.contains(end) {
        problems["ends of relationships naming no company of the file (added)", default: 0] += 1
        companyIDs.insert(end)
        builder.addCompany(Company(id: end))
      }
      var flow = Flow(from: from, to: to, kind: kind, id: entity.id)
      if kind.movesMoney {
        if let text = entity.first("amount") {
          if case .success(let amount) = Amount.parse(text) { flow.amount = amount } else { problems["amounts that are not numbers (left out)", default: 0] += 1 }
        }
        if let code = entity.first("currency")?.uppercased() {
          if CurrencyCode.isValid(code) { flow.currency = code } else { problems["currencies that are not 3-letter codes (left out)", default: 0] += 1 }
        }
      }
      if let text = entity.first("date") ?? entity.first("startDate") {
        // A full date-time as written, else its day (FtM allows `2017-04-05T10`).
        if let date = FlowDate(parsing: text) ?? FlowDate(parsing: String(text.prefix(10))) { flow.date = date } else { problems["dates that do not read (left out)", default: 0] += 1 }
      }
      if let end = entity.first("endDate"), let until = FlowDate(parsing: end) ?? FlowDate(parsing: String(end.prefix(10))) { flow.until = until }
      flow.source = entity.first("sourceUrl")
      flow.note = entity.first("summary") ?? entity.first("description") ?? entity.first("purpose")
      builder.addFlow(flow)
    }
    if !unknown.isEmpty {
      let total = unknown.values.reduce(0, +)
      let list = unknown.sorted { $0.key.precedesInByteOrder($1.key) }.map { "\($0.key) \($0.value)" }
      notes.append("skipped \(counted(total, "entity", "entities")) of schemata MoneyFlow does not read: \(list.joined(separator: ", "))")
    }
    for (what, count) in problems.sorted(by: { $0.key.precedesInByteOrder($1.key) }) { notes.append("\(count) \(what)") }
    return (consume builder).build()
  }

  static func company(_ entity: Entity) -> Company {
    var company = Company(id: entity.id)
    var names = entity.properties.first { $0.key == "name" }?.values ?? []
    if !names.isEmpty { company.name = names.removeFirst() }
    company.aliases = names + (entity.properties.first { $0.key == "alias" }?.values ?? [])
    company.attributes = [.init(key: "schema", value: entity.schema)]
    for (key, values) in entity.properties where key != "name" && key != "alias" && !values.isEmpty {
      company.attributes.append(.init(key: key, value: values.joined(separator: "; ")))
    }
    return company
  }

  /// The entities, line by line.
  private func readEntities() throws(InputError) -> [Entity] {
    var entities: [Entity] = []
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var lineNumber = 1
    while lineStart < bytes.count {
      var end = lineStart
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      let line = Array(bytes[lineStart ..< end])
      defer {
        lineStart = end + 1
        lineNumber += 1
      }
      guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
      var parser = JSONParser(bytes: line, file: file)
      func located(_ error: InputError) -> InputError {
        var error = error
        error.line = lineNumber
        return error
      }
      let node: JSONNode
      do { node = try parser.parseDocument() } catch { throw located(error) }
      guard case .object(let members) = node.value,
        let idNode = members.first(where: { $0.key == "id" })?.value, case .string(let id) = idNode.value, !id.isEmpty,
        let schemaNode = members.first(where: { $0.key == "schema" })?.value, case .string(let schema) = schemaNode.value
      else {
        throw located(parser.error(.missingField, at: node.offset, "expected an FtM entity: a JSON object with a string \"id\" and \"schema\""))
      }
      var properties: [(key: String, values: [String])] = []
      if let propertiesNode = members.first(where: { $0.key == "properties" })?.value {
        guard case .object(let items) = propertiesNode.value else {
          throw located(parser.error(.invalidValue, at: propertiesNode.offset, "\"properties\" is \(propertiesNode.typeName); expected an object of arrays"))
        }
        for (key, value) in items {
          let values: [JSONNode] = if case .array(let list) = value.value { list } else { [value] }
          properties.append((key, values.compactMap(Self.text)))
        }
      }
      entities.append(Entity(id: id, schema: schema, properties: properties))
    }
    return entities
  }

  /// A property value as text: a string, a number, or a nested entity's id.
  private static func text(_ node: JSONNode) -> String? {
    switch node.value {
    case .string(let s): return s.isEmpty ? nil : s
    case .number(let n): return n
    case .object(let members):
      if let id = members.first(where: { $0.key == "id" })?.value, case .string(let s) = id.value { return s }
      return nil
    default: return nil
    }
  }
}
