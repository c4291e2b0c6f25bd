/// Reads a MoneyFlow JSON graph document (`"format": "moneyflow/1"`).
///
/// Every problem is an ``InputError`` naming the file, line and column and the
/// field concerned: malformed or too deeply nested JSON, a missing or unknown
/// field, an unknown kind, a bad date, a negative, NaN, infinite or
/// non-numeric amount, a flow naming a company the document does not list, a
/// duplicated company id.
public struct JSONDocumentReader {
  /// The format tag a document must carry.
  public static let formatTag = "moneyflow/1"

  let parser: JSONParser

  /// Prepares to read `bytes`, naming `file` in errors.
  public init(bytes: [UInt8], file: String) {
    parser = JSONParser(bytes: bytes, file: file)
  }

  /// Reads the whole document into a graph.
  ///
  /// - Complexity: O(*n*) in the size of the input, plus ``FlowGraphBuilder/build()``.
  public func read() throws(InputError) -> FlowGraph {
    try read(members: try rootMembers())
  }

  /// Reads a document given as the members of its top-level object, whose
  /// offsets are offsets into this reader's bytes (another syntax, such as
  /// GraphML, mapped onto the document).
  func read(members: [(key: String, value: JSONNode)]) throws(InputError) -> FlowGraph {
    var builder = try readHeader(members, allowFlows: true)
    guard let flows = members.first(where: { $0.key == "flows" })?.value else {
      throw InputError(.missingField, file: parser.file, line: 1, field: "flows", message: "missing field \"flows\" (an array of flows)")
    }
    guard case .array(let items) = flows.value else { throw typeError(flows, field: "flows", expected: "an array of flows") }
    builder.reserveCapacity(flows: items.count)
    for item in items { try addFlow(item, to: &builder, listedCompaniesOnly: true) }
    return (consume builder).build()
  }

  /// Reads one flow object (a line of a JSON Lines stream, with the fields of
  /// a document's flows) into `builder`, creating its companies.
  ///
  /// - Complexity: O(*n*) in the size of the object.
  public func readFlow(into builder: inout FlowGraphBuilder) throws(InputError) {
    var parser = self.parser
    try addFlow(try parser.parseDocument(), to: &builder, listedCompaniesOnly: false)
  }

  /// Parses the document and returns the members of its top-level object.
  func rootMembers() throws(InputError) -> [(key: String, value: JSONNode)] {
    var parser = self.parser
    let root = try parser.parseDocument()
    guard case .object(let members) = root.value else {
      throw typeError(root, field: nil, expected: "a JSON object with \"format\": \"moneyflow/1\"")
    }
    return members
  }

  /// Reads title, currency, rates and companies; with `allowFlows` false a
  /// `flows` key is an error (used for a CSV file's companion document).
  func readHeader(_ members: [(key: String, value: JSONNode)], allowFlows: Bool) throws(InputError) -> FlowGraphBuilder {
    var builder = FlowGraphBuilder()
    let allowed = ["format", "title", "currency", "rates", "companies"] + (allowFlows ? ["flows"] : [])
    try rejectUnknown(members, allowed: allowed, in: "the document")
    guard let format = members.first(where: { $0.key == "format" })?.value else {
      throw InputError(.missingField, file: parser.file, line: 1, field: "format", message: "missing field \"format\" (expected \"format\": \"\(Self.formatTag)\")")
    }
    guard case .string(let tag) = format.value, tag == Self.formatTag else {
      throw error(.invalidValue, at: format, field: "format", "unsupported format; expected \"\(Self.formatTag)\"")
    }
    for (key, node) in members {
      switch key {
      case "title": builder.title = try string(node, field: "title")
      case "currency":
        let code = try string(node, field: "currency")
        guard CurrencyCode.isValid(code) else { throw error(.invalidValue, at: node, field: "currency", "currency \"\(code)\" is not a 3-letter code such as USD") }
        builder.currency = code
      case "rates":
        guard case .object(let rates) = node.value else { throw typeError(node, field: "rates", expected: "an object such as {\"JPY\": 0.0066}") }
        for (code, value) in rates {
          guard CurrencyCode.isValid(code) else { throw error(.invalidValue, at: value, field: "rates", "rate key \"\(code)\" is not a 3-letter currency code") }
          let rate = try amount(value, field: "rates.\(code)")
          guard rate.significand > 0 else { throw error(.invalidValue, at: value, field: "rates.\(code)", "a rate must be greater than zero") }
          builder.rates.append((code, rate))
        }
      case "companies":
        guard case .array(let companies) = node.value else { throw typeError(node, field: "companies", expected: "an array of companies") }
        for company in companies { try addCompany(company, to: &builder) }
      default: break
      }
    }
    if allowFlows, !members.contains(where: { $0.key == "companies" }) {
      throw InputError(.missingField, file: parser.file, line: 1, field: "companies", message: "missing field \"companies\" (an array of companies)")
    }
    return builder
  }

  // MARK: Companies and flows

  private func addCompany(_ node: JSONNode, to builder: inout FlowGraphBuilder) throws(InputError) {
    guard case .object(let members) = node.value else { throw typeError(node, field: "companies", expected: "a company object such as {\"id\": \"openai\", \"name\": \"OpenAI\"}") }
    try rejectUnknown(members, allowed: ["id", "name", "aliases", "attributes"], in: "a company")
    guard let idNode = members.first(where: { $0.key == "id" })?.value else {
      throw error(.missingField, at: node, field: "id", "company without \"id\"")
    }
    let id = try string(idNode, field: "id")
    guard !id.isEmpty else { throw error(.invalidValue, at: idNode, field: "id", "company id is empty") }
    var company = Company(id: id)
    for (key, value) in members {
      switch key {
      case "name": company.name = try string(value, field: "name")
      case "aliases":
        guard case .array(let items) = value.value else { throw typeError(value, field: "aliases", expected: "an array of strings") }
        for item in items { company.aliases.append(try string(item, field: "aliases")) }
      case "attributes":
        company.attributes = try attributes(value)
      default: break
      }
    }
    guard builder.addCompany(company) else {
      throw error(.duplicateCompany, at: idNode, field: "id", "duplicate company id \"\(id)\"")
    }
  }

  static let flowKeys = ["id", "from", "to", "kind", "amount", "currency", "date", "until", "share", "cap", "status", "source", "note", "attributes"]

  private func addFlow(_ node: JSONNode, to builder: inout FlowGraphBuilder, listedCompaniesOnly: Bool) throws(InputError) {
    guard case .object(let members) = node.value else { throw typeError(node, field: "flows", expected: "a flow object with from, to and kind") }
    try rejectUnknown(members, allowed: Self.flowKeys, in: "a flow")
    func required(_ key: String) throws(InputError) -> JSONNode {
      guard let value = members.first(where: { $0.key == key })?.value else {
        throw error(.missingField, at: node, field: key, "flow without \"\(key)\"")
      }
      return value
    }
    func company(_ key: String) throws(InputError) -> String {
      let value = try required(key)
      let id = try string(value, field: key)
      guard !listedCompaniesOnly || builder.hasCompany(id) else {
        throw error(.unknownCompany, at: value, field: key, "flow names company \"\(id)\", which the document's \"companies\" does not list")
      }
      return id
    }
    let from = try company("from")
    let to = try company("to")
    let kindNode = try required("kind")
    let kindName = try string(kindNode, field: "kind")
    guard let kind = FlowKind(name: kindName) else {
      throw error(.invalidValue, at: kindNode, field: "kind", "unknown kind \"\(kindName)\"; expected one of \(FlowKind.allNames)")
    }
    var flow = Flow(from: from, to: to, kind: kind)
    for (key, value) in members {
      switch key {
      case "amount": flow.amount = try optionalAmount(value, field: "amount")
      case "currency":
        let code = try string(value, field: "currency")
        guard code.isEmpty || CurrencyCode.isValid(code) else { throw error(.invalidValue, at: value, field: "currency", "currency \"\(code)\" is not a 3-letter code such as USD") }
        flow.currency = code
      case "date": flow.date = try date(value, field: "date")
      case "until": flow.until = try date(value, field: "until")
      case "share": flow.share = try optionalAmount(value, field: "share")
      case "cap": flow.cap = try optionalAmount(value, field: "cap")
      case "status": flow.status = try nonEmptyString(value, field: "status")
      case "source": flow.source = try nonEmptyString(value, field: "source")
      case "note": flow.note = try nonEmptyString(value, field: "note")
      case "id": flow.id = try nonEmptyString(value, field: "id")
      case "attributes":
        flow.attributes = try attributes(value)
      default: break
      }
    }
    builder.addFlow(flow)
  }

  // MARK: Values

  /// An `attributes` object of strings, in the order written.
  private func attributes(_ node: JSONNode) throws(InputError) -> [Company.Attribute] {
    guard case .object(let members) = node.value else { throw typeError(node, field: "attributes", expected: "an object of strings") }
    var attributes: [Company.Attribute] = []
    for (k, v) in members { attributes.append(.init(key: k, value: try string(v, field: "attributes.\(k)"))) }
    return attributes
  }

  private func string(_ node: JSONNode, field: String) throws(InputError) -> String {
    guard case .string(let s) = node.value else { throw typeError(node, field: field, expected: "a string") }
    return s
  }

  /// A string field where an empty string means the field is absent.
  private func nonEmptyString(_ node: JSONNode, field: String) throws(InputError) -> String? {
    if case .null = node.value { return nil }
    let s = try string(node, field: field)
    return s.isEmpty ? nil : s
  }

  private func date(_ node: JSONNode, field: String) throws(InputError) -> FlowDate? {
    if case .null = node.value { return nil }
    let text = try string(node, field: field)
    if text.isEmpty { return nil }
    guard let date = FlowDate(parsing: text) else {
      throw error(.invalidValue, at: node, field: field, "\(field) \"\(text)\" is not a date; expected \(FlowDate.expectedForms)")
    }
    return date
  }

  private func optionalAmount(_ node: JSONNode, field: String) throws(InputError) -> Amount? {
    switch node.value {
    case .null: return nil
    case .string(let s) where s.allSatisfy({ $0 == " " }): return nil
    default: return try amount(node, field: field)
    }
  }

  private func amount(_ node: JSONNode, field: String) throws(InputError) -> Amount {
    let text: String
    switch node.value {
    case .number(let t), .string(let t): text = t
    default: throw typeError(node, field: field, expected: "a number or a string such as \"38bn\"")
    }
    switch Amount.parse(text) {
    case .success(let amount): return amount
    case .failure(let failure): throw error(.invalidValue, at: node, field: field, "\(field) \"\(text)\" \(failure)")
    }
  }

  private func rejectUnknown(_ members: [(key: String, value: JSONNode)], allowed: [String], in place: String) throws(InputError) {
    for (key, value) in members where !allowed.contains(key) {
      throw error(.unknownField, at: value, field: key, "unknown field \"\(key)\" in \(place); expected one of \(allowed.joined(separator: ", "))")
    }
  }

  private func typeError(_ node: JSONNode, field: String?, expected: String) -> InputError {
    error(.invalidValue, at: node, field: field, (field.map { "\"\($0)\" " } ?? "") + "is \(node.typeName); expected \(expected)")
  }

  private func error(_ code: InputError.Code, at node: JSONNode, field: String?, _ message: String) -> InputError {
    var e = parser.error(code, at: node.offset, message)
    e.field = field
    return e
  }
}
