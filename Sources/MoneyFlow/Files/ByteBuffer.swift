/// A growable buffer of UTF-8 bytes for writers that stream large outputs.
///
/// Writers append into one buffer and hand it to their sink in chunks, so an
/// output of hundreds of megabytes is built without quadratic string
/// concatenation and without holding it whole in memory.
///
/// The bytes live in memory the buffer owns alone (it cannot be copied), so
/// an append is a capacity check and a store: no reference counting or
/// uniqueness check per append, which is what the writers' many small
/// appends (a quote, a key, a few digits) cost most with an `Array`.
struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The number of bytes appended since the last ``removeAll()``.
  private(set) var count = 0

  /// Creates an empty buffer with room for `capacity` bytes.
  init(capacity: Int = 0) {
    self.capacity = max(capacity, 32)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// A copy of the bytes appended since the last ``removeAll()``.
  ///
  /// - Complexity: O(*n*) in ``count``.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Calls `body` with the bytes appended since the last ``removeAll()``,
  /// valid only during the call.
  func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }

  /// Empties the buffer, keeping its capacity.
  mutating func removeAll() { count = 0 }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  @inline(never)
  private mutating func grow(_ needed: Int) {
    let larger = max(needed, capacity * 2)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.initialize(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends the UTF-8 bytes of a literal.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Appends bytes.
  mutating func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

  /// Appends the bytes `other` points to; short runs byte by byte, longer
  /// ones with one copy.
  @inline(__always)
  mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
    guard let source = other.baseAddress else { return }
    let n = other.count
    reserve(n)
    let target = base + count
    if n <= 16 {
      for i in 0 ..< n { target[i] = source[i] }
    } else {
      target.update(from: source, count: n)
    }
    count += n
  }

  /// Appends `count` spaces (indentation).
  mutating func appendSpaces(_ count: Int) {
    var rest = count
    while rest > 0 {
      let run = min(rest, 32)
      ByteBuffer.spaces.withUTF8Buffer { append(UnsafeBufferPointer(rebasing: $0[0 ..< run])) }
      rest -= run
    }
  }

  private static let spaces: StaticString = "                                "

  /// Appends `value` as two lowercase hexadecimal digits.
  mutating func appendHexByte(_ value: UInt8) {
    let digits: StaticString = "0123456789abcdef"
    digits.withUTF8Buffer { hex in
      append(hex[Int(value >> 4)])
      append(hex[Int(value & 0x0F)])
    }
  }

  /// Appends the UTF-8 bytes of `text` unchanged.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  mutating func append(contentsOf text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends a non-negative integer in decimal digits; negative values get a minus sign.
  mutating func appendDecimal(_ value: Int) {
    if value < 0 {
      append(0x2D)
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
    if value < 10, minimumDigits <= 1 { return append(0x30 + UInt8(value)) }
    for _ in 20 ..< max(20, minimumDigits) { append(0x30) }
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
      append(UnsafeBufferPointer(rebasing: digits[start ..< 20]))
    }
  }

  /// Appends `value` with commas between groups of three digits: `2,500`.
  mutating func appendGrouped(_ value: UInt64) {
    guard value >= 1000 else { return appendDecimal(value, minimumDigits: 1) }
    appendGrouped(value / 1000)
    append(0x2C)
    appendDecimal(value % 1000, minimumDigits: 3)
  }
}
