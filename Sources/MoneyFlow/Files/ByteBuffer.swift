/// A growable buffer of UTF-8 bytes for writers that stream large outputs.
///
/// Writers append into one buffer and hand it to their sink in chunks, so an
/// output of hundreds of megabytes is built without quadratic string
/// concatenation and without holding it whole in memory.
struct ByteBuffer {
  /// The bytes appended since the last ``removeAll()``.
  var bytes: [UInt8] = []

  /// Creates an empty buffer with room for `capacity` bytes.
  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// The number of bytes in the buffer.
  var count: Int { bytes.count }

  /// Empties the buffer, keeping its capacity.
  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// Appends one byte.
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  /// Appends the UTF-8 bytes of a literal.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends bytes.
  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// Appends the bytes `other` points to.
  mutating func append(_ other: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: other) }

  /// Appends `count` spaces (indentation).
  mutating func appendSpaces(_ count: Int) {
    var rest = count
    while rest > 0 {
      let run = min(rest, 32)
      ByteBuffer.spaces.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0 ..< run])) }
      rest -= run
    }
  }

  private static let spaces: StaticString = "                                "

  /// Appends `value` as two lowercase hexadecimal digits.
  mutating func appendHexByte(_ value: UInt8) {
    let digits: StaticString = "0123456789abcdef"
    digits.withUTF8Buffer { hex in
      bytes.append(hex[Int(value >> 4)])
      bytes.append(hex[Int(value & 0x0F)])
    }
  }

  /// Appends the UTF-8 bytes of `text` unchanged.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  mutating func append(contentsOf text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends a non-negative integer in decimal digits; negative values get a minus sign.
  mutating func appendDecimal(_ value: Int) {
    if value < 0 {
      bytes.append(0x2D)
      appendDecimal(UInt64(value.magnitude), minimumDigits: 1)
    } else {
      appendDecimal(UInt64(value), minimumDigits: 1)
    }
  }

  /// Appends `value` in decimal, padded with zeros to `minimumDigits`:
  /// the digits are made from the right into a small stack buffer (division
  /// by the constant 10 only), then copied.
  ///
  /// - Complexity: O(digits).
  mutating func appendDecimal(_ value: UInt64, minimumDigits: Int) {
    if value < 10, minimumDigits <= 1 { return bytes.append(0x30 + UInt8(value)) }
    for _ in 20 ..< max(20, minimumDigits) { bytes.append(0x30) }
    let width = min(minimumDigits, 20)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var rest = value
      var start = 20
      repeat {
        start -= 1
        digits[start] = 0x30 + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      while 20 - start < width {
        start -= 1
        digits[start] = 0x30
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start ..< 20]))
    }
  }

  /// Appends `value` with commas between groups of three digits: `2,500`.
  mutating func appendGrouped(_ value: UInt64) {
    guard value >= 1000 else { return appendDecimal(value, minimumDigits: 1) }
    appendGrouped(value / 1000)
    bytes.append(0x2C)
    appendDecimal(value % 1000, minimumDigits: 3)
  }
}
