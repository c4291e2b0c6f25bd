/// A frozen money-flow graph in compressed sparse row (CSR) form.
///
/// Companies are numbered `0 ..< companyCount` in the byte order of their ids.
/// Flows keep the order of the document they were read from and are stored
/// as parallel arrays (struct of arrays): 32-bit company indices, the exact
/// amount as significand and exponent, a currency index, the day of the date
/// and how it was written, and the kind: about 33 bytes a flow including the
/// adjacency, 8 more when dates carry times of day (see `FlowGraph+Dates`).
/// Free attributes (columns of a foreign CSV file) are stored column-wise
/// (``FlowAttributeTable``); fields most flows lack (source, note, until,
/// ...) live in a sparse table.
///
/// Flows paid by company `c` are `outFlows[outStart[c] ..< outStart[c + 1]]`,
/// sorted by (payee, time, flow index); flows received by `c` are
/// `inFlows[inStart[c] ..< inStart[c + 1]]`, sorted by (payer, time, index),
/// where the time is ``time(of:)``.
///
/// Build one with ``FlowGraphBuilder``.
public struct FlowGraph: Sendable, Equatable {
  // Document-level data.
  /// The document's title.
  public internal(set) var title: String?
  /// The document's base currency, if it names one.
  public internal(set) var currency: String?
  /// Rates converting one unit of a currency into the base currency, sorted by code.
  public internal(set) var rates: [(code: String, rate: Amount)] {
    get { zip(rateCodes, rateValues).map { ($0, $1) } }
    set {
      rateCodes = newValue.map(\.code)
      rateValues = newValue.map(\.rate)
    }
  }
  var rateCodes: [String] = []
  var rateValues: [Amount] = []

  // Companies.
  /// Company ids indexed by `CompanyID.rawValue`, in byte order.
  public internal(set) var companyIDs: [String] = []
  /// Names, aliases and attributes of companies that have more than an id.
  var companyInfo: [Int32: Company] = [:]
  /// Company indices in the order the document listed them.
  public internal(set) var documentOrder: [Int32] = []

  // Flows, struct of arrays, in document order.
  var payerIndex: [Int32] = []
  var payeeIndex: [Int32] = []
  var kindCode: [UInt8] = []
  /// Significand of the amount; unused when the exponent is ``undisclosed``.
  var amountSignificand: [Int64] = []
  var amountExponent: [Int8] = []
  var currencyIndex: [UInt16] = []
  /// Day of the date as written (days since 1970-01-01); ``undatedDay`` if none.
  var dayNumber: [Int32] = []
  /// How the date was written: 0 if undated, a ``FlowDate/Precision`` raw
  /// value, or a time form (see `FlowGraph+Dates`).
  var dateForm: [UInt8] = []
  /// Second of the day and zone offset of dates with a time; empty while no
  /// flow has one.
  var dateClock: [UInt32] = []
  /// Fraction of a second as written; empty while no flow has one.
  var dateFraction: [UInt32] = []
  /// Optional fields, by flow index; attributes only for flows that do not
  /// fit ``attributeTable``.
  var details: [Int32: FlowDetails] = [:]
  /// Free attributes, one column per name.
  var attributeTable = FlowAttributeTable()
  /// Currency codes by index; index 0 is the empty code (the document's currency).
  public internal(set) var currencyCodes: [String] = [""]

  // Adjacency.
  var outStart: [Int32] = [0]
  var outFlows: [Int32] = []
  var inStart: [Int32] = [0]
  var inFlows: [Int32] = []

  /// The exponent that marks an undisclosed amount.
  static let undisclosed = Int8.min
  /// The day number stored for a flow without a date.
  public static let undatedDay = Int32.min

  public static func == (a: FlowGraph, b: FlowGraph) -> Bool {
    a.title == b.title && a.currency == b.currency && a.rateCodes == b.rateCodes
      && a.rateValues == b.rateValues && a.companyIDs == b.companyIDs
      && a.companyInfo == b.companyInfo && a.documentOrder == b.documentOrder
      && a.payerIndex == b.payerIndex && a.payeeIndex == b.payeeIndex && a.kindCode == b.kindCode
      && a.amountSignificand == b.amountSignificand && a.amountExponent == b.amountExponent
      && a.currencies(a.currencyIndex) == b.currencies(b.currencyIndex)
      && a.hasSameDates(as: b) && a.details == b.details
      && a.attributeTable == b.attributeTable
  }

  private func currencies(_ indices: [UInt16]) -> [String] { indices.map { currencyCodes[Int($0)] } }
}

// MARK: - Companies

extension FlowGraph {
  /// The number of companies.
  public var companyCount: Int { companyIDs.count }

  /// The number of flows.
  public var flowCount: Int { payerIndex.count }

  /// All company ids, `0 ..< companyCount`.
  public var companies: [CompanyID] { (0 ..< companyCount).map { CompanyID($0) } }

  /// The string id of `company`.
  public func id(of company: CompanyID) -> String { companyIDs[company.index] }

  /// The company with its name, aliases and attributes.
  public func company(_ company: CompanyID) -> Company {
    companyInfo[company.rawValue] ?? Company(id: companyIDs[company.index])
  }

  /// The display name of `company`.
  public func name(of company: CompanyID) -> String {
    companyInfo[company.rawValue]?.name ?? companyIDs[company.index]
  }

  /// The company with id `id`, if any.
  ///
  /// - Complexity: O(log *n*) byte comparisons.
  public func companyID(for id: String) -> CompanyID? {
    var low = 0
    var high = companyIDs.count
    while low < high {
      let mid = (low + high) / 2
      if companyIDs[mid].precedesInByteOrder(id) { low = mid + 1 } else { high = mid }
    }
    guard low < companyIDs.count, companyIDs[low].hasSameBytes(as: id) else { return nil }
    return CompanyID(low)
  }
}

// MARK: - Flows

extension FlowGraph {
  /// The payer of flow `flow`.
  public func payer(of flow: Int) -> CompanyID { CompanyID(payerIndex[flow]) }
  /// The payee of flow `flow`.
  public func payee(of flow: Int) -> CompanyID { CompanyID(payeeIndex[flow]) }
  /// The kind of flow `flow`.
  public func kind(of flow: Int) -> FlowKind { FlowKind(rawValue: kindCode[flow]) ?? .other }

  /// Whether flow `flow` has a disclosed amount.
  public func hasAmount(_ flow: Int) -> Bool { amountExponent[flow] != FlowGraph.undisclosed }

  /// The exact amount of flow `flow`, or nil when undisclosed.
  public func amount(of flow: Int) -> Amount? {
    guard hasAmount(flow) else { return nil }
    var amount = Amount(significand: amountSignificand[flow], exponent: amountExponent[flow])
    amount.spelling = details[Int32(flow)]?.amountSpelling
    return amount
  }

  /// The amount of flow `flow` in its own currency as a `Double`; nil when undisclosed.
  public func amountValue(of flow: Int) -> Double? {
    guard hasAmount(flow) else { return nil }
    return Amount(significand: amountSignificand[flow], exponent: amountExponent[flow]).doubleValue
  }

  /// The currency code of flow `flow`; empty means the document's currency.
  public func currencyCode(of flow: Int) -> String { currencyCodes[Int(currencyIndex[flow])] }

  /// The currency index of flow `flow` into ``currencyCodes``.
  public func currencyIndex(of flow: Int) -> Int { Int(currencyIndex[flow]) }

  /// The day of flow `flow`'s date as written, or ``undatedDay``; see
  /// ``time(of:)`` for its place on the time line.
  public func day(of flow: Int) -> Int32 { dayNumber[flow] }

  /// The `id` of flow `flow`, nil when it has none: ``details(of:)``'s `id`
  /// without copying the details.
  ///
  /// - Complexity: O(1) expected.
  func flowID(of flow: Int) -> String? { details[Int32(flow)]?.id }

  /// The optional fields of flow `flow`, with its attributes.
  ///
  /// - Complexity: O(*a* log *E*) for *a* attribute names.
  public func details(of flow: Int) -> FlowDetails {
    var result = details[Int32(flow)] ?? FlowDetails()
    if result.attributes.isEmpty, !attributeTable.names.isEmpty { result.attributes = attributeTable.attributes(of: flow) }
    return result
  }

  /// Whether some flow keeps its attributes outside the columns (it listed
  /// them in another order than the columns', or one name twice).
  var hasUnorderedAttributes: Bool { details.values.contains { !$0.attributes.isEmpty } }

  /// The whole flow `flow` as a value.
  public func flow(_ flow: Int) -> Flow {
    let extra = details(of: flow)
    return Flow(
      from: companyIDs[Int(payerIndex[flow])], to: companyIDs[Int(payeeIndex[flow])],
      kind: kind(of: flow), amount: amount(of: flow), currency: currencyCode(of: flow),
      date: date(of: flow), until: extra.until, share: extra.share, cap: extra.cap,
      status: extra.status, source: extra.source, note: extra.note, id: extra.id,
      attributes: extra.attributes)
  }

  /// A short human description of a flow for messages: `flow 3 (a → b, 2025-05)`.
  public func describeFlow(_ flow: Int) -> String {
    var text = "flow \(flow + 1) (\(companyIDs[Int(payerIndex[flow])]) → \(companyIDs[Int(payeeIndex[flow])])"
    if let date = date(of: flow) { text += ", \(date)" }
    return text + ")"
  }
}

// MARK: - Adjacency

extension FlowGraph {
  /// The flows paid by `company`, sorted by (payee, time, flow index).
  public func outgoingFlows(of company: CompanyID) -> ArraySlice<Int32> {
    outFlows[Int(outStart[company.index]) ..< Int(outStart[company.index + 1])]
  }

  /// The flows received by `company`, sorted by (payer, time, flow index).
  public func incomingFlows(of company: CompanyID) -> ArraySlice<Int32> {
    inFlows[Int(inStart[company.index]) ..< Int(inStart[company.index + 1])]
  }
}
