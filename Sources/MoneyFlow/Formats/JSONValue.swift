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
    var out = ""
    write(to: &out, pretty: pretty, indent: 0)
    return out
  }

  /// Appends the JSON text of this value to `out`.
  public func write(to out: inout String, pretty: Bool, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += JSONValue.formatNumber(x)
    case .rawNumber(let text): out += text
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      let scalar = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if !pretty || scalar {
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += pretty ? ", " : "," }
          item.write(to: &out, pretty: pretty, indent: indent)
        }
        out += "]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        item.write(to: &out, pretty: pretty, indent: indent + 2)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += pretty ? "{\n" : "{"
      for (i, (key, value)) in members.enumerated() {
        if pretty { out += String(repeating: " ", count: indent + 2) }
        JSONValue.writeString(key, to: &out)
        out += pretty ? ": " : ":"
        value.write(to: &out, pretty: pretty, indent: indent + 2)
        if i + 1 < members.count { out += pretty ? ",\n" : "," } else if pretty { out += "\n" }
      }
      if pretty { out += String(repeating: " ", count: indent) }
      out += "}"
    }
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
  /// control characters.
  public static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
