/// Which columns of a foreign CSV file hold a flow's fields: the
/// `--columns from=COL,to=COL,amount=COL,currency=COL,date=COL,kind=COL,id=COL`
/// option.
///
/// `COL` is a header name or a 1-based column number; a party (`from`, `to`)
/// may join several columns with `+` (`from=From Bank+2`), and its id is then
/// the fields joined by ``partySeparator`` (`10:8000EBD30`), so the same
/// account number at two banks is two companies. Only `from` and `to` are
/// required. A row without a mapped `kind` becomes ``defaultKind``; without
/// `amount`, an undisclosed amount; without `currency`, the document's
/// currency; without `date`, undated. Every column the mapping does not
/// name is kept as a flow attribute under its header name.
public struct CSVColumnMapping: Sendable, Equatable {
  /// A field of a flow that a column can supply.
  public enum Role: String, CaseIterable, Sendable {
    case from, to, amount, currency, date, kind, id
  }

  /// A column as the user named it.
  public enum Column: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    /// 1-based.
    case number(Int)

    public var description: String {
      switch self {
      case .name(let name): "\"\(name)\""
      case .number(let number): "column \(number)"
      }
    }
  }

  /// A problem with the mapping text itself (a usage error, not an input error).
  public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// The columns of each role, in the order the mapping gave them.
  public private(set) var entries: [(role: Role, columns: [Column])] = []

  /// The kind given to rows when no `kind` column is mapped: `other`, the
  /// money-moving kind for payments that are no investment, loan, purchase, ...
  public static let defaultKind = FlowKind.other
  /// What joins the fields of a party spread over several columns.
  public static let partySeparator = ":"
  /// ``partySeparator`` as a byte.
  static let partySeparatorByte: UInt8 = 0x3A

  /// A mapping from explicit entries.
  public init(_ entries: [(role: Role, columns: [Column])]) {
    self.entries = entries
  }

  /// Parses `from=COL,to=COL,...`.
  ///
  /// - Throws: ``SyntaxError`` for an unknown role, a role given twice, an
  ///   empty column, a column number below 1, or a missing `from` or `to`.
  /// - Complexity: O(*n*) in the length of `text`.
  public init(parsing text: String) throws(SyntaxError) {
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let equals = part.firstIndex(of: "=") else {
        throw SyntaxError(description: "'\(part)' is not ROLE=COLUMN (roles: \(Self.roleNames))")
      }
      let roleName = String(part[..<equals])
      guard let role = Role(rawValue: roleName) else {
        throw SyntaxError(description: "unknown role '\(roleName)'; expected one of \(Self.roleNames)")
      }
      guard !entries.contains(where: { $0.role == role }) else {
        throw SyntaxError(description: "'\(roleName)' is given twice")
      }
      var columns: [Column] = []
      for piece in part[part.index(after: equals)...].split(separator: "+", omittingEmptySubsequences: false) {
        guard !piece.isEmpty else { throw SyntaxError(description: "'\(part)' names an empty column") }
        if piece.allSatisfy({ $0.isASCII && $0.isNumber }) {
          guard let number = Int(piece), number >= 1 else {
            throw SyntaxError(description: "column number \(piece) in '\(part)' is not 1 or more")
          }
          columns.append(.number(number))
        } else {
          columns.append(.name(String(piece)))
        }
      }
      guard role == .from || role == .to || columns.count == 1 else {
        throw SyntaxError(description: "only from and to may join columns with '+'; '\(part)' names \(columns.count)")
      }
      entries.append((role, columns))
    }
    for role in [Role.from, .to] where !entries.contains(where: { $0.role == role }) {
      throw SyntaxError(description: "the mapping lacks '\(role.rawValue)='; from and to are required")
    }
  }

  /// The role names, for messages.
  static var roleNames: String { Role.allCases.map(\.rawValue).joined(separator: ", ") }

  public static func == (a: CSVColumnMapping, b: CSVColumnMapping) -> Bool {
    a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.role == $1.role && $0.columns == $1.columns }
  }

  // MARK: Resolving against a header

  /// The 0-based column indices a mapping names in one header.
  struct Resolved {
    var from: [Int] = [], to: [Int] = []
    var amount: Int?, currency: Int?, date: Int?, kind: Int?, id: Int?
    /// Columns the mapping does not name, with the attribute name each gets.
    var attributes: [(name: String, column: Int)] = []
  }

  /// Finds each mapped column in `names` (the header's fields).
  ///
  /// - Throws: the index of the header field to blame (or nil for the
  ///   header as a whole) and a message: a name the header lacks or has
  ///   twice, a number past the last column, a column mapped twice.
  /// - Complexity: O(*m* · *c*) for *m* mapped columns and *c* header columns.
  func resolve(_ names: [String]) -> Result<Resolved, ResolveError> {
    var resolved = Resolved()
    var owner = [Role?](repeating: nil, count: names.count)
    for (role, columns) in entries {
      var indices: [Int] = []
      for column in columns {
        let index: Int
        switch column {
        case .number(let number):
          guard number <= names.count else {
            return .failure(ResolveError(field: nil, message: "--columns \(role.rawValue)=\(number): the header has only \(names.count) columns"))
          }
          index = number - 1
        case .name(let name):
          let matches = names.indices.filter { names[$0] == name }
          guard let first = matches.first else {
            return .failure(ResolveError(field: nil, message: "--columns \(role.rawValue)=\(name): the header has no column \"\(name)\"; it has \(names.map { "\"\($0)\"" }.joined(separator: ", "))"))
          }
          guard matches.count == 1 else {
            return .failure(ResolveError(field: matches[1], message: "--columns \(role.rawValue)=\(name): the header has \"\(name)\" \(matches.count) times (columns \(matches.map { String($0 + 1) }.joined(separator: ", "))); name it by number"))
          }
          index = first
        }
        if let previous = owner[index] {
          return .failure(ResolveError(field: index, message: "--columns maps column \(index + 1) (\"\(names[index])\") twice: to \(previous.rawValue) and to \(role.rawValue)"))
        }
        owner[index] = role
        indices.append(index)
      }
      switch role {
      case .from: resolved.from = indices
      case .to: resolved.to = indices
      case .amount: resolved.amount = indices.first
      case .currency: resolved.currency = indices.first
      case .date: resolved.date = indices.first
      case .kind: resolved.kind = indices.first
      case .id: resolved.id = indices.first
      }
    }
    resolved.attributes = Self.attributeNames(names, keeping: owner.map { $0 == nil })
    return .success(resolved)
  }

  /// Names for the kept columns: the header name, or for a name the header
  /// repeats, `NAME (N)` with the 1-based column number.
  ///
  /// - Complexity: O(*c*²) for *c* header columns.
  static func attributeNames(_ names: [String], keeping keep: [Bool]) -> [(name: String, column: Int)] {
    names.indices.filter { keep[$0] }.map { i in
      let repeated = names.indices.contains { $0 != i && names[$0] == names[i] }
      if names[i].isEmpty { return ("column \(i + 1)", i) }
      return (repeated ? "\(names[i]) (\(i + 1))" : names[i], i)
    }
  }

  /// A header the mapping does not fit.
  struct ResolveError: Error {
    var field: Int?
    var message: String
  }
}
