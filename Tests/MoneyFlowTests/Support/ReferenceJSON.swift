@testable import MoneyFlow

/// The String-based JSON serializer MoneyFlow used before its answers were
/// streamed as bytes, kept as an independent reference: every byte the
/// streaming writer produces must equal what this produced.
enum ReferenceJSON {
  static func rendered(_ value: JSONValue, pretty: Bool = true) -> String {
    var out = ""
    write(value, to: &out, pretty: pretty, indent: 0)
    return out
  }

  static func write(_ value: JSONValue, to out: inout String, pretty: Bool, indent: Int) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += JSONValue.formatNumber(x)
    case .rawNumber(let text): out += text
    case .string(let s): writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      let scalar = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if !pretty || scalar {
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += pretty ? ", " : "," }
          write(item, to: &out, pretty: pretty, indent: indent)
        }
        out += "]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        write(item, to: &out, pretty: pretty, indent: indent + 2)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += pretty ? "{\n" : "{"
      for (i, (key, value)) in members.enumerated() {
        if pretty { out += String(repeating: " ", count: indent + 2) }
        writeString(key, to: &out)
        out += pretty ? ": " : ":"
        write(value, to: &out, pretty: pretty, indent: indent + 2)
        if i + 1 < members.count { out += pretty ? ",\n" : "," } else if pretty { out += "\n" }
      }
      if pretty { out += String(repeating: " ", count: indent) }
      out += "}"
    }
  }

  /// Appends `s` as a quoted JSON string, escaping quotes, backslashes and
  /// control characters, scalar by scalar.
  static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      if let escape = shortEscapes[scalar] {
        out += escape
      } else if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// The characters JSON escapes with a backslash and a letter.
  static let shortEscapes: [Unicode.Scalar: String] = [
    "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{08}": "\\b", "\u{0C}": "\\f",
  ]
}
