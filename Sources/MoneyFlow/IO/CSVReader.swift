/// A streaming RFC 4180 CSV tokenizer over a UTF-8 byte buffer.
///
/// Handles quoted fields with embedded commas, doubled quotes and line
/// breaks, CRLF or LF line ends, a UTF-8 byte order mark and a trailing empty
/// line. Blank lines between records are skipped. Fields are byte ranges into
/// the buffer (or into a scratch buffer for fields with doubled quotes), so
/// reading a record allocates nothing.
struct CSVReader {
  /// A field's bytes: a range of the input, or of the scratch buffer.
  struct Field {
    var start: Int
    var end: Int
    var inScratch: Bool
  }

  let bytes: [UInt8]
  let file: String
  private(set) var position = 0
  /// The line the next record starts on.
  private(set) var line = 1
  /// The 1-based line of the current record's first byte.
  private(set) var recordLine = 0
  /// Offset of the current record's first byte.
  private(set) var recordStart = 0
  private(set) var fields: [Field] = []
  private var scratch: [UInt8] = []

  /// Prepares to read `bytes`.
  ///
  /// - Throws: an ``InputError`` if the bytes are not valid UTF-8.
  init(bytes: [UInt8], file: String) throws(InputError) {
    self.bytes = bytes
    self.file = file
    if let bad = TextPosition.firstInvalidUTF8(in: bytes) {
      throw error(.encoding, at: bad, "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); the file must be UTF-8")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    fields.reserveCapacity(16)
  }

  /// Reads the next record into ``fields``; false at the end of the input.
  ///
  /// - Complexity: O(*n*) in the length of the record.
  mutating func nextRecord() throws(InputError) -> Bool {
    fields.removeAll(keepingCapacity: true)
    scratch.removeAll(keepingCapacity: true)
    let n = bytes.count
    // Skip blank lines.
    while position < n {
      let b = bytes[position]
      if b == 0x0A { position += 1; line += 1 } else if b == 0x0D {
        position += 1
        if position < n, bytes[position] == 0x0A { position += 1 }
        line += 1
      } else { break }
    }
    guard position < n else { return false }
    recordLine = line
    recordStart = position
    return try bytes.withUnsafeBufferPointer { buffer throws(InputError) -> Bool in
      var p = position
      while true {
        if p < n, buffer[p] == 0x22 {
          // Quoted field.
          let open = p
          p += 1
          let contentStart = p
          var escaped = false
          var scratchStart = 0
          while true {
            guard p < n else { throw error(.syntax, at: open, "unterminated quoted field: no closing '\"'") }
            let b = buffer[p]
            if b == 0x22 {
              if p + 1 < n, buffer[p + 1] == 0x22 {
                if !escaped {
                  escaped = true
                  scratchStart = scratch.count
                  scratch.append(contentsOf: buffer[contentStart ..< p])
                }
                scratch.append(0x22)
                p += 2
                continue
              }
              if escaped {
                fields.append(Field(start: scratchStart, end: scratch.count, inScratch: true))
              } else {
                fields.append(Field(start: contentStart, end: p, inScratch: false))
              }
              p += 1
              break
            }
            if b == 0x0A { line += 1 } else if b == 0x0D, !(p + 1 < n && buffer[p + 1] == 0x0A) { line += 1 }
            if escaped { scratch.append(b) }
            p += 1
          }
          guard p >= n || buffer[p] == 0x2C || buffer[p] == 0x0A || buffer[p] == 0x0D else {
            throw error(.syntax, at: p, "expected ',' or the end of the line after a closing quote")
          }
        } else {
          let start = p
          while p < n {
            let b = buffer[p]
            if b == 0x2C || b == 0x0A || b == 0x0D { break }
            if b == 0x22 { throw error(.syntax, at: p, "a '\"' inside an unquoted field; quote the whole field and double the quote (\"\")") }
            p += 1
          }
          fields.append(Field(start: start, end: p, inScratch: false))
        }
        if p >= n { break }
        let b = buffer[p]
        p += 1
        if b == 0x2C { continue }
        if b == 0x0D, p < n, buffer[p] == 0x0A { p += 1 }
        line += 1
        break
      }
      position = p
      return true
    }
  }

  /// Calls `body` with the bytes of field `index` of the current record.
  @inline(__always)
  func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(InputError) -> R) throws(InputError) -> R {
    let field = fields[index]
    let source = field.inScratch ? scratch : bytes
    return try source.withUnsafeBufferPointer { buffer throws(InputError) -> R in
      try body(UnsafeBufferPointer(rebasing: buffer[field.start ..< field.end]))
    }
  }

  /// Field `index` of the current record as a string.
  func string(_ index: Int) -> String {
    let field = fields[index]
    return String(decoding: (field.inScratch ? scratch : bytes)[field.start ..< field.end], as: UTF8.self)
  }

  /// Whether field `index` is empty.
  func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }

  /// An error located at byte `offset` of the input.
  func error(_ code: InputError.Code, at offset: Int, field: String? = nil, _ message: String) -> InputError {
    let (line, column) = TextPosition.lineAndColumn(in: bytes, offset: offset)
    return InputError(
      code, file: file, line: line, column: column, field: field, message: message,
      sourceLine: TextPosition.lineText(in: bytes, offset: offset))
  }

  /// An error about field `index` of the current record.
  func error(_ code: InputError.Code, field index: Int, name: String, _ message: String) -> InputError {
    let field = fields[index]
    // A field copied to scratch began with a quote in the input: locate the record instead.
    let offset = field.inScratch ? recordStart : max(recordStart, field.start)
    return error(code, at: offset, field: name, message)
  }
}
