/// A directed, weighted, dated edge: money (or a right) moving from a payer
/// to a payee.
///
/// Many flows may join the same pair of companies; a graph keeps every one.
public struct Flow: Hashable, Sendable {
  /// The payer (for rights: the grantor; for stakes: the holder).
  public var from: String
  /// The payee (for rights: the grantee; for stakes: the company held).
  public var to: String
  public var kind: FlowKind
  /// The amount, or nil when undisclosed.
  public var amount: Amount?
  /// An ISO 4217-style code such as `USD`; empty means the document's currency.
  public var currency: String
  /// When the flow happened or was agreed; nil when no date is known.
  public var date: FlowDate?
  /// The end of a multi-year commitment.
  public var until: FlowDate?
  /// A revenue-share rate such as 0.20.
  public var share: Amount?
  /// A cap on the total paid, in the flow's currency.
  public var cap: Amount?
  /// announced, completed, reported, ...
  public var status: String?
  /// A citation.
  public var source: String?
  public var note: String?
  /// An identifier for the flow, such as a row id in a source table.
  public var id: String?
  /// Free attributes, in the order written: columns of a foreign CSV file
  /// that no field of the flow takes (`Payment Format`, `Is Laundering`).
  public var attributes: [Attribute] = []

  /// One free attribute of a flow.
  public typealias Attribute = Company.Attribute

  /// Creates a flow.
  public init(
    from: String, to: String, kind: FlowKind, amount: Amount? = nil, currency: String = "",
    date: FlowDate? = nil, until: FlowDate? = nil, share: Amount? = nil, cap: Amount? = nil,
    status: String? = nil, source: String? = nil, note: String? = nil, id: String? = nil,
    attributes: [Attribute] = []
  ) {
    self.attributes = attributes
    self.from = from
    self.to = to
    self.kind = kind
    self.amount = amount
    self.currency = currency
    self.date = date
    self.until = until
    self.share = share
    self.cap = cap
    self.status = status
    self.source = source
    self.note = note
    self.id = id
  }
}

/// The optional fields of a flow that most flows of a large graph lack; the
/// compact graph stores them sparsely.
public struct FlowDetails: Hashable, Sendable {
  public var amountSpelling: String?
  public var until: FlowDate?
  public var share: Amount?
  public var cap: Amount?
  public var status: String?
  public var source: String?
  public var note: String?
  public var id: String?
  public var attributes: [Flow.Attribute]

  public init(
    amountSpelling: String? = nil, until: FlowDate? = nil, share: Amount? = nil,
    cap: Amount? = nil, status: String? = nil, source: String? = nil, note: String? = nil,
    id: String? = nil, attributes: [Flow.Attribute] = []
  ) {
    self.attributes = attributes
    self.amountSpelling = amountSpelling
    self.until = until
    self.share = share
    self.cap = cap
    self.status = status
    self.source = source
    self.note = note
    self.id = id
  }

  /// Whether no field is set.
  public var isEmpty: Bool {
    amountSpelling == nil && until == nil && share == nil && cap == nil && status == nil
      && source == nil && note == nil && id == nil && attributes.isEmpty
  }
}
