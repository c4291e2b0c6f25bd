extension JSONValue {
  /// Appends the JSON text of this value to `out` as UTF-8 bytes: the one
  /// serializer behind ``rendered(pretty:)`` and ``JSONStreamWriter``.
  ///
  /// Pretty output indents by two spaces and puts arrays of scalars on one
  /// line; compact output has no spaces at all. Recursive in the value's
  /// nesting only (answers are a few levels deep).
  ///
  /// - Complexity: O(*n*) in the size of the output.
  func write(to out: inout ByteBuffer, pretty: Bool, indent: Int) {
    switch self {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .number(let x): JSONValue.writeNumber(x, to: &out)
    case .rawNumber(let text): out.append(contentsOf: text)
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty { return out.append("[]") }
      let scalar = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if !pretty || scalar {
        out.append(0x5B)
        for (i, item) in items.enumerated() {
          if i > 0 { if pretty { out.append(", ") } else { out.append(0x2C) } }
          item.write(to: &out, pretty: pretty, indent: indent)
        }
        return out.append(0x5D)
      }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        out.appendSpaces(indent + 2)
        item.write(to: &out, pretty: pretty, indent: indent + 2)
        if i + 1 < items.count { out.append(",\n") } else { out.append(0x0A) }
      }
      out.appendSpaces(indent)
      out.append(0x5D)
    case .object(let members):
      if members.isEmpty { return out.append("{}") }
      if pretty { out.append("{\n") } else { out.append(0x7B) }
      for (i, (key, value)) in members.enumerated() {
        if pretty { out.appendSpaces(indent + 2) }
        JSONValue.writeString(key, to: &out)
        if pretty { out.append(": ") } else { out.append(0x3A) }
        value.write(to: &out, pretty: pretty, indent: indent + 2)
        if i + 1 < members.count {
          if pretty { out.append(",\n") } else { out.append(0x2C) }
        } else if pretty {
          out.append(0x0A)
        }
      }
      if pretty { out.appendSpaces(indent) }
      out.append(0x7D)
    }
  }

  /// Appends ``formatNumber(_:)`` of `x` (``ByteBuffer/appendJSONNumber(_:)``).
  ///
  /// - Complexity: O(1).
  static func writeNumber(_ x: Double, to out: inout ByteBuffer) { out.appendJSONNumber(x) }

  /// Appends `s` as a quoted JSON string: `"` and `\` escaped, `\n`, `\r`,
  /// `\t`, `\b`, `\f` by name, other control characters and U+2028/U+2029 as
  /// `\u` with four lowercase hex digits; everything else as it is. Runs of
  /// bytes that need no escape are copied whole.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `s`.
  static func writeString(_ s: String, to out: inout ByteBuffer) {
    out.append(0x22)
    // Native strings (all the graph's) lend their bytes without a copy.
    if s.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, to: &out) }) == nil {
      var s = s
      s.withUTF8 { writeEscaped($0, to: &out) }
    }
    out.append(0x22)
  }

  /// The inside of ``writeString(_:to:)-bytes``: `bytes` escaped, no quotes.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
    var start = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0xE2 {
        i += 1
        continue
      }
      let escape: StaticString
      var width = 1
      var hex: UInt8? = nil
      switch byte {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0x08: escape = "\\b"
      case 0x0C: escape = "\\f"
      case 0 ..< 0x20:
        escape = "\\u00"
        hex = byte
      case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
        escape = "\\u20"
        hex = bytes[i + 2] - 0x80
        width = 3
      default:
        i += 1
        continue
      }
      out.append(UnsafeBufferPointer(rebasing: bytes[start ..< i]))
      out.append(escape)
      if let hex { out.appendHexByte(hex) }
      i += width
      start = i
    }
    out.append(UnsafeBufferPointer(rebasing: bytes[start ..< bytes.count]))
  }
}
