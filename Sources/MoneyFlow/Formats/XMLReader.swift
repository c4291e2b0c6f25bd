/// One step of an XML document: an element opening (with its attributes),
/// an element closing, or character data; each with the byte offset where
/// it begins.
enum XMLEvent {
  case start(name: String, attributes: [(name: String, value: String)], offset: Int)
  case end(name: String, offset: Int)
  case text(String, offset: Int)
}

/// A small pull reader for the XML that graph files use (GraphML): elements,
/// attributes, character data, CDATA sections, the five named entities and
/// character references. It skips the XML declaration, processing
/// instructions, comments and a DOCTYPE (without expanding its entities),
/// and checks that tags nest and close. Namespaces are not resolved: names
/// keep their prefix (``localName(_:)`` drops it).
///
/// Iterative, one event per call, so hostile nesting cannot overflow the
/// stack; the open-element stack is bounded by `maximumDepth`.
struct XMLReader {
  let bytes: [UInt8]
  let file: String
  let maximumDepth: Int
  private(set) var position = 0
  private var open: [String] = []
  private var pendingEnd: (name: String, offset: Int)?
  private var sawRoot = false

  /// Prepares to read `bytes` (UTF-8, checked), naming `file` in errors.
  init(bytes: [UInt8], file: String, maximumDepth: Int = 256) throws(InputError) {
    self.bytes = bytes
    self.file = file
    self.maximumDepth = maximumDepth
    if let bad = TextPosition.firstInvalidUTF8(in: bytes) {
      throw error(.encoding, at: bad, "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); the file must be UTF-8")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// The name without its namespace prefix: `y:ShapeNode` → `ShapeNode`.
  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  func error(_ code: InputError.Code, at offset: Int, _ message: String) -> InputError {
    let (line, column) = TextPosition.lineAndColumn(in: bytes, offset: offset)
    return InputError(
      code, file: file, line: line, column: column, message: message,
      sourceLine: TextPosition.lineText(in: bytes, offset: offset))
  }

  /// The next event; nil at the end of a well-formed document.
  ///
  /// - Throws: ``InputError`` at the first point where the text is not
  ///   well-formed XML.
  /// - Complexity: O(*n*) in the bytes consumed.
  mutating func next() throws(InputError) -> XMLEvent? {
    if let end = pendingEnd {
      pendingEnd = nil
      return .end(name: end.name, offset: end.offset)
    }
    while position < bytes.count {
      let start = position
      if bytes[position] != 0x3C {  // character data up to the next '<'
        while position < bytes.count, bytes[position] != 0x3C { position += 1 }
        let raw = bytes[start ..< position]
        if open.isEmpty {
          guard raw.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw error(.syntax, at: start, "text outside the root element")
          }
          continue
        }
        return .text(try decode(raw, attribute: false), offset: start)
      }
      if matches("<!--") {
        try skip(past: "-->", what: "comment")
      } else if matches("<?") {
        try skip(past: "?>", what: "processing instruction")
      } else if matches("<![CDATA[") {
        guard !open.isEmpty else { throw error(.syntax, at: start, "CDATA outside the root element") }
        position += 9
        let from = position
        try skip(past: "]]>", what: "CDATA section")
        return .text(String(decoding: bytes[from ..< position - 3], as: UTF8.self), offset: start)
      } else if matches("<!DOCTYPE") {
        try skipDoctype()
      } else if matches("</") {
        position += 2
        let name = try readName()
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x3E else { throw error(.syntax, at: position, "expected '>' closing </\(name)") }
        position += 1
        guard let last = open.last, last == name else {
          throw error(.syntax, at: start, open.last.map { "</\(name)> closes <\($0)>" } ?? "</\(name)> closes no element")
        }
        open.removeLast()
        return .end(name: name, offset: start)
      } else {
        return try readStartTag(from: start)
      }
    }
    if let last = open.last { throw error(.syntax, at: bytes.count, "the file ends inside <\(last)>") }
    if !sawRoot { throw InputError(.empty, file: file, message: "no XML element; expected a GraphML document") }
    return nil
  }

  private mutating func readStartTag(from start: Int) throws(InputError) -> XMLEvent {
    position += 1
    let name = try readName()
    if open.isEmpty, sawRoot { throw error(.syntax, at: start, "a second root element <\(name)>") }
    var attributes: [(name: String, value: String)] = []
    while true {
      let hadSpace = skipSpace()
      guard position < bytes.count else { throw error(.syntax, at: start, "the file ends inside the tag <\(name)") }
      if bytes[position] == 0x3E || matches("/>") {
        let empty = bytes[position] == 0x2F
        position += empty ? 2 : 1
        sawRoot = true
        if empty {
          pendingEnd = (name, start)
        } else {
          guard open.count < maximumDepth else { throw error(.tooDeep, at: start, "elements nested deeper than \(maximumDepth)") }
          open.append(name)
        }
        return .start(name: name, attributes: attributes, offset: start)
      }
      guard hadSpace else { throw error(.syntax, at: position, "expected a space, '>' or '/>' in <\(name)>") }
      let attributeName = try readName()
      skipSpace()
      guard position < bytes.count, bytes[position] == 0x3D else { throw error(.syntax, at: position, "expected '=' after attribute \(attributeName)") }
      position += 1
      skipSpace()
      guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
        throw error(.syntax, at: position, "expected a quoted value for attribute \(attributeName)")
      }
      let quote = bytes[position]
      position += 1
      let from = position
      while position < bytes.count, bytes[position] != quote {
        if bytes[position] == 0x3C { throw error(.syntax, at: position, "'<' in the value of attribute \(attributeName)") }
        position += 1
      }
      guard position < bytes.count else { throw error(.syntax, at: from - 1, "unterminated value of attribute \(attributeName)") }
      // Attribute-value normalization: literal white space becomes a space.
      let value = try decode(bytes[from ..< position], attribute: true)
      position += 1
      guard !attributes.contains(where: { $0.name == attributeName }) else {
        throw error(.duplicateField, at: from, "attribute \(attributeName) given twice")
      }
      attributes.append((attributeName, value))
    }
  }

  private func matches(_ literal: String) -> Bool {
    var i = position
    for byte in literal.utf8 {
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
    }
    return true
  }

  private mutating func skip(past terminator: String, what: String) throws(InputError) {
    let start = position
    while position < bytes.count {
      if matches(terminator) {
        position += terminator.utf8.count
        return
      }
      position += 1
    }
    throw error(.syntax, at: start, "unterminated \(what)")
  }

  /// Skips `<!DOCTYPE ...>`, with an internal subset in brackets.
  private mutating func skipDoctype() throws(InputError) {
    let start = position
    var depth = 0
    var quote: UInt8 = 0
    while position < bytes.count {
      let b = bytes[position]
      position += 1
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == 0x22 || b == 0x27 {
        quote = b
      } else if b == 0x5B {
        depth += 1
      } else if b == 0x5D {
        depth -= 1
      } else if b == 0x3E, depth <= 0 {
        return
      }
    }
    throw error(.syntax, at: start, "unterminated DOCTYPE")
  }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = position
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    return position > start
  }

  private mutating func readName() throws(InputError) -> String {
    let start = position
    while position < bytes.count {
      let b = bytes[position]
      let isNameByte = b >= 0x80 || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
        || b == 0x5F || b == 0x3A || b == 0x2D || b == 0x2E
      guard isNameByte else { break }
      position += 1
    }
    guard position > start else { throw error(.syntax, at: start, "expected a name") }
    return String(decoding: bytes[start ..< position], as: UTF8.self)
  }

  /// Character data (or an attribute value) with entity and character
  /// references replaced and literal line ends normalized: CR LF and CR
  /// become LF, and in an attribute value, tabs and line ends a space.
  private func decode(_ raw: ArraySlice<UInt8>, attribute: Bool) throws(InputError) -> String {
    guard raw.contains(where: { $0 == 0x26 || $0 == 0x0D || (attribute && ($0 == 0x09 || $0 == 0x0A)) }) else {
      return String(decoding: raw, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = raw.startIndex
    while i < raw.endIndex {
      guard raw[i] == 0x26 else {
        var b = raw[i]
        i += 1
        if b == 0x0D {
          if i < raw.endIndex, raw[i] == 0x0A { i += 1 }
          b = 0x0A
        }
        if attribute, b == 0x09 || b == 0x0A { b = 0x20 }
        out.append(b)
        continue
      }
      guard let semicolon = raw[i...].firstIndex(of: 0x3B), semicolon - i <= 12 else {
        throw error(.syntax, at: i, "'&' that starts no entity; write &amp;")
      }
      let entity = String(decoding: raw[(i + 1) ..< semicolon], as: UTF8.self)
      switch entity {
      case "lt": out.append(0x3C)
      case "gt": out.append(0x3E)
      case "amp": out.append(0x26)
      case "quot": out.append(0x22)
      case "apos": out.append(0x27)
      default:
        var scalar: UInt32?
        if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16) }
        else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst(), radix: 10) }
        guard let value = scalar, let character = Unicode.Scalar(value), value != 0 else {
          throw error(.syntax, at: i, "unknown entity &\(entity);")
        }
        out.append(contentsOf: String(Character(character)).utf8)
      }
      i = semicolon + 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
