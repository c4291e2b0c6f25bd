/// Line and column positions in a UTF-8 byte buffer, for error messages.
enum TextPosition {
  /// The 1-based line and character column of byte `offset`.
  ///
  /// - Complexity: O(*n*) in `offset`; used only when reporting an error.
  static func lineAndColumn(in bytes: [UInt8], offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    for i in 0 ..< end where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    return (line, characterCount(bytes, from: lineStart, to: end) + 1)
  }

  /// The text of the line holding byte `offset`, without its line break.
  static func lineText(in bytes: [UInt8], offset: Int) -> String {
    var start = min(offset, bytes.count)
    while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
    var end = min(offset, bytes.count)
    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
    return String(decoding: bytes[start ..< end], as: UTF8.self)
  }

  /// The number of characters (UTF-8 lead bytes) in `bytes[from ..< to]`.
  static func characterCount(_ bytes: [UInt8], from: Int, to: Int) -> Int {
    var count = 0
    for i in from ..< to where bytes[i] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The offset of the first byte that is not valid UTF-8, or nil if all are.
  ///
  /// - Complexity: O(*n*).
  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    firstInvalidUTF8(in: bytes, from: 0, to: bytes.count)
  }

  /// The offset of the first byte in `bytes[from ..< to]` that is not valid UTF-8.
  static func firstInvalidUTF8(in bytes: [UInt8], from: Int, to: Int) -> Int? {
    var i = from
    let n = to
    while i < n {
      // ASCII fast path: eight bytes at a time.
      if i + 8 <= n {
        let word = bytes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress! + i).loadUnaligned(as: UInt64.self) }
        if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
      }
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      let length: Int
      var minimum: UInt32
      var scalar: UInt32
      switch b {
      case 0xC2 ... 0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
      case 0xE0 ... 0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
      case 0xF0 ... 0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
      default: return i
      }
      guard i + length <= n else { return i }
      for k in 1 ..< length {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800 ... 0xDFFF).contains(scalar) { return i }
      i += length
    }
    return nil
  }
}
