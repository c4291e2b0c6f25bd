/// What a flow between two companies is.
///
/// Money-moving kinds (investment, cloud commitment, revenue share, purchase,
/// loan, acquisition, grant, other) take part in money cycles. The others
/// (equity stake, IP rights, partnership, distribution) are relations that
/// are drawn but never part of a money cycle unless asked for.
public enum FlowKind: UInt8, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
  case investment
  case cloudCommitment
  case revenueShare
  case purchase
  case loan
  case acquisition
  case grant
  case other
  case equityStake
  case ipRights
  case partnership
  case distribution

  /// The name used in files and on the command line, such as `cloud_commitment`.
  public var name: String {
    switch self {
    case .investment: "investment"
    case .cloudCommitment: "cloud_commitment"
    case .revenueShare: "revenue_share"
    case .purchase: "purchase"
    case .loan: "loan"
    case .acquisition: "acquisition"
    case .grant: "grant"
    case .other: "other"
    case .equityStake: "equity_stake"
    case .ipRights: "ip_rights"
    case .partnership: "partnership"
    case .distribution: "distribution"
    }
  }

  public var description: String { name }

  /// Whether flows of this kind move money from payer to payee.
  public var movesMoney: Bool { rawValue <= FlowKind.other.rawValue }

  /// Creates a kind from its file name (`"cloud_commitment"`); nil if unknown.
  public init?(name: String) {
    guard let kind = FlowKind.allCases.first(where: { $0.name == name }) else { return nil }
    self = kind
  }

  /// Every kind's file name, comma-separated, for error messages.
  public static var allNames: String { allCases.map(\.name).joined(separator: ", ") }

  public static func < (a: FlowKind, b: FlowKind) -> Bool { a.rawValue < b.rawValue }
}

/// A set of flow kinds, stored as a bit mask.
public struct FlowKindSet: Hashable, Sendable, Sequence {
  /// One bit per ``FlowKind`` raw value.
  public var bits: UInt16

  /// Creates a set from a bit mask.
  public init(bits: UInt16) { self.bits = bits }

  /// Creates a set holding `kinds`.
  public init<S: Sequence>(_ kinds: S) where S.Element == FlowKind {
    bits = 0
    for kind in kinds { insert(kind) }
  }

  /// The kinds that move money: the default for every analysis.
  public static let moneyMoving = FlowKindSet(FlowKind.allCases.filter(\.movesMoney))
  /// Every kind.
  public static let all = FlowKindSet(FlowKind.allCases)

  /// Whether `kind` is in the set.
  @inlinable public func contains(_ kind: FlowKind) -> Bool { bits & (1 << UInt16(kind.rawValue)) != 0 }

  /// Adds `kind` to the set.
  public mutating func insert(_ kind: FlowKind) { bits |= 1 << UInt16(kind.rawValue) }

  public var isEmpty: Bool { bits == 0 }

  /// The kinds in the set, in declaration order.
  public func makeIterator() -> IndexingIterator<[FlowKind]> {
    FlowKind.allCases.filter(contains).makeIterator()
  }
}
