#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming RFC 4180 CSV tokenizer over UTF-8 input.
///
/// Handles quoted fields with embedded commas, doubled quotes and line
/// breaks, CRLF or LF line ends, a UTF-8 byte order mark and a trailing empty
/// line. Blank lines between records are skipped. A file is read in chunks,
/// so memory stays proportional to the longest record, not to the file; a
/// record of ``maximumRecordBytes`` or more, or with more than
/// ``maximumFields`` fields, is an error, so a hostile line of a gigabyte
/// costs at most a 16 MiB buffer.
/// Fields are byte ranges into the chunk (or into a scratch buffer for fields
/// with doubled quotes), so reading a record allocates nothing.
struct CSVReader {
  /// A field's bytes: a range of the buffer, or of the scratch buffer.
  struct Field {
    var start: Int
    var end: Int
    var inScratch: Bool
  }

  /// Where bytes come from: all in memory, or a file descriptor read in chunks.
  enum Source {
    case memory
    case file(Int32)
  }

  let file: String
  private let source: Source
  /// The record length refused (``maximumRecordBytes`` unless a test sets less).
  let maximumRecordBytes: Int
  /// Input bytes; `buffer[0 ..< valid]` holds data not yet consumed.
  private var buffer: [UInt8]
  private var valid: Int
  private var atEnd: Bool
  /// Offset in `buffer` of the next record.
  private var position = 0
  /// The line the next record starts on.
  private(set) var line = 1
  /// The 1-based line of the current record's first byte.
  private(set) var recordLine = 0
  /// Offset of the current record's first byte in the buffer.
  private(set) var recordStart = 0
  private(set) var fields: [Field] = []
  private var scratch: [UInt8] = []
  /// Bytes consumed before the current buffer (for progress and sizing).
  private(set) var consumedBefore = 0
  /// Bytes of the buffer already checked to be UTF-8.
  private var checked = 0

  /// The chunk size for files.
  static let chunkSize = 1 << 22
  /// The length from which a record (one line, or several lines inside
  /// quotes) is refused: 16 MiB.
  public static let maximumRecordBytes = 1 << 24
  /// The most fields a record may have: 65,536.
  public static let maximumFields = 1 << 16

  /// Reads from bytes held in memory.
  init(bytes: [UInt8], file: String, maximumRecordBytes: Int = CSVReader.maximumRecordBytes) {
    self.file = file
    self.maximumRecordBytes = maximumRecordBytes
    self.source = .memory
    self.buffer = bytes
    self.valid = bytes.count
    self.atEnd = true
    fields.reserveCapacity(16)
    skipByteOrderMark()
  }

  /// Reads from an open file descriptor, in chunks of `chunkSize` bytes
  /// (growing for longer records); the caller closes it.
  init(
    descriptor: Int32, file: String, chunkSize: Int = CSVReader.chunkSize,
    maximumRecordBytes: Int = CSVReader.maximumRecordBytes
  ) throws(InputError) {
    self.file = file
    self.maximumRecordBytes = maximumRecordBytes
    self.source = .file(descriptor)
    self.buffer = [UInt8](repeating: 0, count: max(4, chunkSize))  // room for a byte order mark
    self.valid = 0
    self.atEnd = false
    fields.reserveCapacity(16)
    try fill()
    skipByteOrderMark()
  }

  /// The bytes read so far that are still buffered (the first chunk after `init`).
  var bufferedPrefix: ArraySlice<UInt8> { buffer[position ..< valid] }

  /// Whether the input had no bytes at all.
  var isAtEnd: Bool { atEnd && position >= valid }

  private mutating func skipByteOrderMark() {
    if valid >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
  }

  /// Moves unconsumed bytes from `recordStart` to the front and reads more.
  /// Returns false if the input is exhausted.
  private mutating func refill(keepingFrom keep: Int) throws(InputError) -> Bool {
    guard case .file = source, !atEnd else { return false }
    let kept = valid - keep
    if keep > 0 {
      buffer.withUnsafeMutableBufferPointer { b in
        if kept > 0, let base = b.baseAddress { base.update(from: base + keep, count: kept) }
      }
      consumedBefore += keep
    }
    valid = kept
    position -= keep
    recordStart -= keep
    checked = max(0, checked - keep)
    if valid == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
    try fill()
    return true
  }

  /// Reads from the descriptor until the buffer is full or the input ends,
  /// checking that the new bytes are UTF-8.
  private mutating func fill() throws(InputError) {
    guard case .file(let fd) = source else { return }
    while valid < buffer.count, !atEnd {
      let n = buffer.withUnsafeMutableBufferPointer { b -> Int in
        guard let base = b.baseAddress else { return 0 }
        return read(fd, base + valid, b.count - valid)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(.unreadable, file: file, message: "cannot read the file: \(String(cString: strerror(errno)))")
      }
      if n == 0 { atEnd = true } else { valid += n }
    }
    // A multi-byte character cut at the end of the chunk is checked with the next one.
    var checkEnd = valid
    if !atEnd {
      var back = valid - 1
      while back > checked, back > valid - 4, buffer[back] & 0xC0 == 0x80 { back -= 1 }
      if back >= checked, buffer[back] >= 0xC0 { checkEnd = back }
    }
    if let bad = TextPosition.firstInvalidUTF8(in: buffer, from: checked, to: checkEnd) {
      throw encodingError(at: bad)
    }
    checked = checkEnd
  }

  private func encodingError(at offset: Int) -> InputError {
    error(.encoding, at: offset, "invalid UTF-8 byte 0x\(String(buffer[offset], radix: 16, uppercase: true)); the file must be UTF-8")
  }

  /// Reads the next record into ``fields``; false at the end of the input.
  ///
  /// - Complexity: O(*n*) in the length of the record.
  mutating func nextRecord() throws(InputError) -> Bool {
    // Skip blank lines.
    while true {
      if position >= valid {
        guard try refill(keepingFrom: position) else { return false }
        if position >= valid { return false }
      }
      let b = buffer[position]
      if b == 0x0A {
        position += 1
        line += 1
      } else if b == 0x0D {
        if position + 1 >= valid, try refill(keepingFrom: position) { continue }
        position += 1
        if position < valid, buffer[position] == 0x0A { position += 1 }
        line += 1
      } else {
        break
      }
    }
    recordStart = position
    recordLine = line
    while true {
      if let end = try tokenizeRecord() {
        if end - recordStart >= maximumRecordBytes { throw recordTooLong() }
        position = end
        if case .memory = source, let bad = TextPosition.firstInvalidUTF8(in: buffer, from: recordStart, to: end) {
          throw encodingError(at: bad)
        }
        return true
      }
      // The record runs past the buffered bytes: read more and start it again.
      if valid - recordStart >= maximumRecordBytes { throw recordTooLong() }
      line = recordLine
      guard try refill(keepingFrom: recordStart) else {
        throw InputError(.unreadable, file: file, message: "internal error: record past the end of the input")
      }
      position = recordStart
    }
  }

  /// Splits the record at `recordStart` into fields. Returns the offset just
  /// past its line end, or nil if more input is needed to finish it.
  private mutating func tokenizeRecord() throws(InputError) -> Int? {
    fields.removeAll(keepingCapacity: true)
    scratch.removeAll(keepingCapacity: true)
    let n = valid
    let final = atEnd || { if case .memory = source { true } else { false } }()
    return try buffer.withUnsafeBufferPointer { buffer throws(InputError) -> Int? in
      var p = recordStart
      while true {
        if p < n, buffer[p] == 0x22 {
          // Quoted field.
          let open = p
          p += 1
          let contentStart = p
          var escaped = false
          var scratchStart = 0
          while true {
            guard p < n else {
              if !final { return nil }
              throw error(.syntax, at: open, "unterminated quoted field: no closing '\"'")
            }
            let b = buffer[p]
            if b == 0x22 {
              if p + 1 >= n, !final { return nil }
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
            if b == 0x0A { line += 1 } else if b == 0x0D {
              if p + 1 >= n, !final { return nil }
              if !(p + 1 < n && buffer[p + 1] == 0x0A) { line += 1 }
            }
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
        if p >= n {
          if !final { return nil }
          return p
        }
        let b = buffer[p]
        p += 1
        if b == 0x2C {
          guard fields.count < Self.maximumFields else {
            throw error(.tooLong, at: recordStart, "more than \(Self.maximumFields) fields in one record")
          }
          continue
        }
        if b == 0x0D {
          if p >= n, !final { return nil }
          if p < n, buffer[p] == 0x0A { p += 1 }
        }
        line += 1
        return p
      }
    }
  }

  /// The error for a record of `maximumRecordBytes` or more, at its first line.
  private func recordTooLong() -> InputError {
    error(.tooLong, at: recordStart, Self.recordTooLongMessage(maximumRecordBytes))
  }

  /// What is wrong with a record of `limit` bytes or more.
  static func recordTooLongMessage(_ limit: Int) -> String {
    "a record of \(limit) bytes or more; records must be shorter (is a line end missing, or a quote not closed?)"
  }

  /// `body` applied to the bytes of field `index` of the current record.
  @inline(__always)
  func fieldValue<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let field = fields[index]
    if field.inScratch {
      return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start ..< field.end])) }
    }
    return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start ..< field.end])) }
  }

  /// `body` applied to the bytes of the fields `indices` of the current
  /// record joined by `separator`, built on the stack (no allocation).
  ///
  /// - Complexity: O(*k*) in the length of the fields.
  func joinedFields<R>(_ indices: [Int], separator: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let count = indices.reduce(indices.count - 1) { $0 + fields[$1].end - fields[$1].start }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { joined in
      var at = 0
      for (k, index) in indices.enumerated() {
        if k > 0 { joined[at] = separator; at += 1 }
        let field = fields[index]
        let source = field.inScratch ? scratch : buffer
        for offset in field.start ..< field.end { joined[at] = source[offset]; at += 1 }
      }
      return body(UnsafeBufferPointer(rebasing: joined[0 ..< count]))
    }
  }

  /// Field `index` of the current record as a string.
  func string(_ index: Int) -> String {
    let field = fields[index]
    return String(decoding: (field.inScratch ? scratch : buffer)[field.start ..< field.end], as: UTF8.self)
  }

  /// Whether field `index` is empty.
  func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }

  /// An error located at byte `offset` of the buffer, which lies in the
  /// current record (or the blank lines before it).
  func error(_ code: InputError.Code, at offset: Int, field: String? = nil, _ message: String) -> InputError {
    let base = min(recordStart, offset)
    var line = base == recordStart ? max(recordLine, 1) : self.line
    var lineStart = base
    while lineStart > 0, buffer[lineStart - 1] != 0x0A, buffer[lineStart - 1] != 0x0D { lineStart -= 1 }
    var i = base
    while i < offset {
      if buffer[i] == 0x0A || (buffer[i] == 0x0D && !(i + 1 < valid && buffer[i + 1] == 0x0A)) {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    let column = TextPosition.characterCount(buffer, from: lineStart, to: offset) + 1
    // The line is quoted under the message only if short; a 16 MiB line is
    // neither scanned to its end nor copied.
    let quotable = 4_096
    var lineEnd = offset
    let scanEnd = min(valid, offset + quotable)
    while lineEnd < scanEnd, buffer[lineEnd] != 0x0A, buffer[lineEnd] != 0x0D { lineEnd += 1 }
    let ended = lineEnd < scanEnd || scanEnd == valid
    let text = ended && lineEnd - lineStart <= quotable ? String(decoding: buffer[lineStart ..< lineEnd], as: UTF8.self) : nil
    return InputError(code, file: file, line: line, column: column, field: field, message: message, sourceLine: text)
  }

  /// An error about field `index` of the current record.
  func error(_ code: InputError.Code, field index: Int, name: String, _ message: String) -> InputError {
    let field = fields[index]
    // A field copied to scratch began with a quote in the input: point at the record.
    let offset = field.inScratch ? recordStart : max(recordStart, field.start)
    return error(code, at: offset, field: name, message)
  }
}
