/// A parsed JSON value with the position it was read from.
///
/// Numbers keep their text exactly, so amounts round-trip; objects keep their
/// key order.
struct JSONNode {
  indirect enum Value {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])
  }

  var value: Value
  /// Byte offset of the value's first byte.
  var offset: Int

  /// A word for the value's type, for messages: "a string", "an object".
  var typeName: String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports the line and
/// column of the first error and refuses nesting deeper than `maximumDepth`.
///
/// Recursive descent whose depth is bounded by `maximumDepth`, so hostile
/// input cannot overflow the stack. Duplicate keys in an object are an error.
struct JSONParser {
  let bytes: [UInt8]
  let file: String
  let maximumDepth: Int
  var position = 0

  init(bytes: [UInt8], file: String, maximumDepth: Int = 64) {
    self.bytes = bytes
    self.file = file
    self.maximumDepth = maximumDepth
  }

  /// Parses the whole buffer as one JSON value (after an optional UTF-8 BOM).
  ///
  /// - Complexity: O(*n*) in the size of the input.
  mutating func parseDocument() throws(InputError) -> JSONNode {
    if let bad = TextPosition.firstInvalidUTF8(in: bytes) {
      throw error(.encoding, at: bad, "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); the file must be UTF-8")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    skipWhitespace()
    if position == bytes.count { throw InputError(.empty, file: file, message: "the file is empty; expected a JSON object") }
    let node = try parseValue(depth: 0)
    skipWhitespace()
    if position < bytes.count { throw error(.syntax, at: position, "unexpected text after the JSON value") }
    return node
  }

  func error(_ code: InputError.Code, at offset: Int, _ message: String) -> InputError {
    let (line, column) = TextPosition.lineAndColumn(in: bytes, offset: offset)
    return InputError(
      code, file: file, line: line, column: column, message: message,
      sourceLine: TextPosition.lineText(in: bytes, offset: offset))
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private func describeHere() -> String {
    guard position < bytes.count else { return "the end of the file" }
    let b = bytes[position]
    if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    return "byte 0x\(String(b, radix: 16, uppercase: true))"
  }

  private mutating func parseValue(depth: Int) throws(InputError) -> JSONNode {
    let start = position
    guard position < bytes.count else { throw error(.syntax, at: position, "expected a value but found the end of the file") }
    switch bytes[position] {
    case 0x7B, 0x5B:  // { [
      guard depth < maximumDepth else {
        throw error(.tooDeep, at: position, "JSON nested deeper than \(maximumDepth) levels")
      }
      return bytes[position] == 0x7B ? try parseObject(depth: depth) : try parseArray(depth: depth)
    case 0x22: return JSONNode(value: .string(try parseString()), offset: start)
    case 0x74: try expectWord("true"); return JSONNode(value: .bool(true), offset: start)
    case 0x66: try expectWord("false"); return JSONNode(value: .bool(false), offset: start)
    case 0x6E: try expectWord("null"); return JSONNode(value: .null, offset: start)
    case 0x2D, 0x30 ... 0x39: return JSONNode(value: .number(try parseNumber()), offset: start)
    default:
      throw error(.syntax, at: position, "expected a value (object, array, string, number, true, false or null) but found \(describeHere())")
    }
  }

  private mutating func expectWord(_ word: String) throws(InputError) {
    let start = position
    for b in word.utf8 {
      guard position < bytes.count, bytes[position] == b else {
        throw error(.syntax, at: start, "expected '\(word)'")
      }
      position += 1
    }
  }

  private mutating func parseObject(depth: Int) throws(InputError) -> JSONNode {
    let start = position
    position += 1
    var members: [(key: String, value: JSONNode)] = []
    var seen = Set<String>()
    skipWhitespace()
    if position < bytes.count, bytes[position] == 0x7D { position += 1; return JSONNode(value: .object([]), offset: start) }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == 0x22 else {
        throw error(.syntax, at: position, "expected a quoted key but found \(describeHere())")
      }
      let keyOffset = position
      let key = try parseString()
      guard seen.insert(key).inserted else { throw error(.duplicateField, at: keyOffset, "duplicate key \"\(key)\"") }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == 0x3A else {
        throw error(.syntax, at: position, "expected ':' after key \"\(key)\" but found \(describeHere())")
      }
      position += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard position < bytes.count else { throw error(.syntax, at: position, "unterminated object: expected ',' or '}' but found the end of the file") }
      if bytes[position] == 0x2C { position += 1; continue }
      if bytes[position] == 0x7D { position += 1; return JSONNode(value: .object(members), offset: start) }
      throw error(.syntax, at: position, "expected ',' or '}' in object but found \(describeHere())")
    }
  }

  private mutating func parseArray(depth: Int) throws(InputError) -> JSONNode {
    let start = position
    position += 1
    var items: [JSONNode] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == 0x5D { position += 1; return JSONNode(value: .array([]), offset: start) }
    while true {
      skipWhitespace()
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard position < bytes.count else { throw error(.syntax, at: position, "unterminated array: expected ',' or ']' but found the end of the file") }
      if bytes[position] == 0x2C { position += 1; continue }
      if bytes[position] == 0x5D { position += 1; return JSONNode(value: .array(items), offset: start) }
      throw error(.syntax, at: position, "expected ',' or ']' in array but found \(describeHere())")
    }
  }

  private mutating func parseNumber() throws(InputError) -> String {
    let start = position
    func digits() -> Int {
      let s = position
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
      return position - s
    }
    if bytes[position] == 0x2D { position += 1 }
    let intStart = position
    let intDigits = digits()
    guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == 0x30) else {
      throw error(.syntax, at: start, "invalid number: expected digits without leading zeros")
    }
    if position < bytes.count, bytes[position] == 0x2E {
      position += 1
      guard digits() > 0 else { throw error(.syntax, at: position, "invalid number: expected digits after '.'") }
    }
    if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
      position += 1
      if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
      guard digits() > 0 else { throw error(.syntax, at: position, "invalid number: expected digits in the exponent") }
    }
    return String(decoding: bytes[start ..< position], as: UTF8.self)
  }

  private mutating func parseString() throws(InputError) -> String {
    let start = position
    position += 1
    var scalars = String.UnicodeScalarView()
    var runStart = position
    func flush(_ end: Int) {
      if end > runStart { scalars.append(contentsOf: String(decoding: bytes[runStart ..< end], as: UTF8.self).unicodeScalars) }
    }
    while true {
      guard position < bytes.count else { throw error(.syntax, at: start, "unterminated string") }
      let b = bytes[position]
      if b == 0x22 {
        flush(position)
        position += 1
        return String(scalars)
      }
      if b < 0x20 {
        throw error(.syntax, at: position, "control character in string (write newlines as \\n)")
      }
      if b != 0x5C { position += 1; continue }
      flush(position)
      let escapeStart = position
      position += 1
      guard position < bytes.count else { throw error(.syntax, at: start, "unterminated string") }
      let e = bytes[position]
      position += 1
      switch e {
      case 0x22: scalars.append("\"")
      case 0x5C: scalars.append("\\")
      case 0x2F: scalars.append("/")
      case 0x62: scalars.append("\u{08}")
      case 0x66: scalars.append("\u{0C}")
      case 0x6E: scalars.append("\n")
      case 0x72: scalars.append("\r")
      case 0x74: scalars.append("\t")
      case 0x75:
        var code = try hex4(at: escapeStart)
        if (0xD800 ... 0xDBFF).contains(code) {
          guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else {
            throw error(.syntax, at: escapeStart, "unpaired surrogate in \\u escape")
          }
          position += 2
          let low = try hex4(at: escapeStart)
          guard (0xDC00 ... 0xDFFF).contains(low) else { throw error(.syntax, at: escapeStart, "unpaired surrogate in \\u escape") }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error(.syntax, at: escapeStart, "unpaired surrogate in \\u escape") }
        scalars.append(scalar)
      default:
        throw error(.syntax, at: escapeStart, "invalid escape in string")
      }
      runStart = position
    }
  }

  private mutating func hex4(at escapeStart: Int) throws(InputError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0 ..< 4 {
      guard position < bytes.count else { throw error(.syntax, at: escapeStart, "invalid \\u escape: expected 4 hex digits") }
      let b = bytes[position]
      let digit: UInt32
      switch b {
      case 0x30 ... 0x39: digit = UInt32(b - 0x30)
      case 0x41 ... 0x46: digit = UInt32(b - 0x41 + 10)
      case 0x61 ... 0x66: digit = UInt32(b - 0x61 + 10)
      default: throw error(.syntax, at: escapeStart, "invalid \\u escape: expected 4 hex digits")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }
}
