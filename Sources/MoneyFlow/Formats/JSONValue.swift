/// A JSON value to write: objects keep their key order, so output is
/// deterministic.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  /// A number written from a `Double` (see ``JSONValue/formatNumber(_:)``).
  case number(Double)
  /// A number written exactly as given (an ``Amount``'s plain decimal, an integer).
  case rawNumber(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// An integer number.
  public static func int(_ value: Int) -> JSONValue { .rawNumber(String(value)) }

  /// A string, or null when nil.
  public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case let (.bool(x), .bool(y)): x == y
    case let (.number(x), .number(y)): x == y
    case let (.rawNumber(x), .rawNumber(y)): x == y
    case let (.string(x), .string(y)): x == y
    case let (.array(x), .array(y)): x == y
    case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The value as JSON text. Pretty output indents by two spaces and puts
  /// arrays of scalars on one line.
  ///
  /// - Complexity: O(*n*) in the size of the output.
  public func rendered(pretty: Bool = true) -> String {
    var bytes = ByteBuffer()
    write(to: &bytes, pretty: pretty, indent: 0)
    return String(decoding: bytes.bytes, as: UTF8.self)
  }

  /// Appends the JSON text of this value to `out` (see ``write(to:pretty:indent:)-bytes``).
  public func write(to out: inout String, pretty: Bool, indent: Int) {
    var bytes = ByteBuffer()
    write(to: &bytes, pretty: pretty, indent: indent)
    out += String(decoding: bytes.bytes, as: UTF8.self)
  }

  /// Formats a finite `Double` the same way on every platform: integers below
  /// 10^15 as plain digits, others in Swift's shortest round-trip form.
  /// Non-finite values become `null`.
  public static func formatNumber(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return x.description
  }

  /// Appends `s` as a quoted JSON string, escaping quotes, backslashes and
  /// control characters (see ``writeString(_:to:)-bytes``).
  public static func writeString(_ s: String, to out: inout String) {
    var bytes = ByteBuffer()
    writeString(s, to: &bytes)
    out += String(decoding: bytes.bytes, as: UTF8.self)
  }
}
