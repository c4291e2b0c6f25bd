/// A problem with an input file: where it is and what was expected.
///
/// Its description reads like a compiler diagnostic:
///
///     flows.csv:12:7: error: amount "12,50" is not a number
///     a,b,investment,"12,50",USD,2025
///           ^
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A stable code for the kind of problem.
  public enum Code: String, Sendable {
    case empty, encoding, syntax, tooDeep, missingField, unknownField, duplicateField
    case invalidValue, unknownCompany, duplicateCompany, columnCount, unknownColumn
    case currency, unreadable, unsupportedFormat, tooLong
  }

  public var code: Code
  /// The file as named by the user; `-` or `<stdin>` for standard input.
  public var file: String
  /// The 1-based line, or 0 when the problem concerns the whole file.
  public var line: Int
  /// The 1-based column (in characters), when known.
  public var column: Int?
  /// The field or column name concerned, when there is one.
  public var field: String?
  /// What is wrong and what was expected.
  public var message: String
  /// The text of the offending line, shown under the message with a caret.
  public var sourceLine: String?

  public init(
    _ code: Code, file: String, line: Int = 0, column: Int? = nil, field: String? = nil,
    message: String, sourceLine: String? = nil
  ) {
    self.code = code
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.message = message
    self.sourceLine = sourceLine
  }

  public var description: String {
    var location = file
    if line > 0 { location += ":\(line)" }
    if line > 0, let column { location += ":\(column)" }
    var text = "\(location): error: \(message)"
    if let sourceLine, sourceLine.count <= 200 {
      text += "\n" + sourceLine
      if let column, column >= 1 { text += "\n" + String(repeating: " ", count: column - 1) + "^" }
    }
    return text
  }
}
