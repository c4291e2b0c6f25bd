/// Writes a graph as a MoneyFlow JSON graph document.
///
/// Companies come in document order, flows in their original order, amounts
/// and dates as they were written, so a document read and written back is the
/// same document.
public enum JSONDocumentWriter {
  /// The document as a JSON value; with `includeFlows` false, the companion
  /// document of a CSV edge list (title, currency, rates, companies).
  ///
  /// - Complexity: O(*V* + *E*).
  public static func document(_ graph: FlowGraph, includeFlows: Bool = true) -> JSONValue {
    var members: [(String, JSONValue)] = [("format", .string(JSONDocumentReader.formatTag))]
    if let title = graph.title { members.append(("title", .string(title))) }
    if let currency = graph.currency { members.append(("currency", .string(currency))) }
    if !graph.rateCodes.isEmpty {
      members.append(("rates", .object(graph.rates.map { ($0.code, $0.rate.jsonValue) })))
    }
    members.append(("companies", .array(companiesInDocumentOrder(graph).map { companyObject(graph.company($0)) })))
    if includeFlows {
      members.append(("flows", .array((0 ..< graph.flowCount).map { graph.jsonObject(forFlow: $0) })))
    }
    return .object(members)
  }

  /// The document as pretty-printed JSON text ending in a newline.
  public static func text(_ graph: FlowGraph, includeFlows: Bool = true) -> String {
    document(graph, includeFlows: includeFlows).rendered(pretty: true) + "\n"
  }

  /// Company ids in the order the document listed them.
  static func companiesInDocumentOrder(_ graph: FlowGraph) -> [CompanyID] {
    var order = [CompanyID](repeating: CompanyID(0), count: graph.companyCount)
    for (arrival, id) in graph.documentOrder.enumerated() { order[arrival] = CompanyID(id) }
    return order
  }

  static func companyObject(_ company: Company) -> JSONValue {
    var members: [(String, JSONValue)] = [("id", .string(company.id))]
    if company.name != company.id { members.append(("name", .string(company.name))) }
    if !company.aliases.isEmpty { members.append(("aliases", .array(company.aliases.map(JSONValue.string)))) }
    if !company.attributes.isEmpty {
      members.append(("attributes", .object(company.attributes.map { ($0.key, .string($0.value)) })))
    }
    return .object(members)
  }
}
