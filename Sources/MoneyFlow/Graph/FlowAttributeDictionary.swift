/// The distinct values of one attribute column, numbered from 1 in order of
/// first use, so the column can keep a 1- or 2-byte code a flow instead of
/// the value and its offset (``FlowAttributeTable``).
///
/// Values are found again by an open-addressing hash table over their
/// bytes; the table is dropped by ``freeze()`` and rebuilt on the next
/// ``code(of:)``.
struct FlowAttributeDictionary: Sendable {
  /// The most values a dictionary holds (codes are 16-bit, 0 is no value).
  static let capacity = Int(UInt16.max)

  /// Value bytes back to back, and the end offset of value *c* at *c* - 1.
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []
  /// Hash slots: 0 empty, else the code of the value there.
  private var slots: [UInt16] = []

  /// The number of values.
  var count: Int { ends.count }

  /// The bytes of the value numbered `code` (1 ... ``count``).
  func value(_ code: Int) -> ArraySlice<UInt8> {
    bytes[(code == 1 ? 0 : Int(ends[code - 2])) ..< Int(ends[code - 1])]
  }

  /// Whether a value of `length` more bytes fits the 32-bit offsets.
  func hasRoom(for length: Int) -> Bool { bytes.count + length <= Int(UInt32.max) }

  /// The code of `value`, numbering it if new; nil if it is new and the
  /// dictionary is full (``capacity`` values, or 32-bit offsets).
  ///
  /// - Complexity: expected O(*k*) in the length of the value, amortized.
  mutating func code(of value: UnsafeBufferPointer<UInt8>) -> Int? {
    if slots.isEmpty, count > 0 { rehash(capacity: Self.slotCount(for: count)) }
    if slots.isEmpty { slots = [UInt16](repeating: 0, count: 16) }
    let mask = slots.count - 1
    var slot = Self.hash(value) & mask
    while slots[slot] != 0 {
      let code = Int(slots[slot])
      if self.value(code).elementsEqual(value) { return code }
      slot = (slot + 1) & mask
    }
    guard count < Self.capacity, hasRoom(for: value.count) else { return nil }
    bytes.append(contentsOf: value)
    ends.append(UInt32(bytes.count))
    slots[slot] = UInt16(count)
    if count * 2 > slots.count { rehash(capacity: slots.count * 2) }
    return count
  }

  /// Drops the hash slots and spare capacity.
  ///
  /// - Complexity: O(total size).
  mutating func freeze() {
    slots = []
    bytes = Array(bytes)
    ends = Array(ends)
  }

  /// The bytes of the values.
  var valueByteCount: Int { bytes.count }

  /// Bytes held by the values and their offsets, for memory accounting.
  var byteCount: Int { bytes.count + ends.count * 4 + slots.count * 2 }

  /// A power of two at least twice `count`.
  private static func slotCount(for count: Int) -> Int {
    var size = 16
    while size < count * 2 { size *= 2 }
    return size
  }

  /// Places every value in a new slot table of `capacity` slots.
  ///
  /// - Complexity: O(total size).
  private mutating func rehash(capacity: Int) {
    var slots = [UInt16](repeating: 0, count: capacity)
    let mask = capacity - 1
    for code in stride(from: 1, through: count, by: 1) {
      var slot = value(code).withUnsafeBufferPointer { Self.hash($0) } & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt16(code)
    }
    self.slots = slots
  }

  /// FNV-1a of `bytes`, folded to an `Int`.
  ///
  /// - Complexity: O(*k*).
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return Int(truncatingIfNeeded: hash ^ (hash >> 29))
  }
}
