/// Interns company ids given as UTF-8 bytes: equal ids get one dense index.
///
/// An open-addressing hash table (linear probing, FNV-1a hashing) over an
/// arena of id bytes, so interning allocates no `String` per flow. Strings
/// are made once per distinct id, when the graph is frozen.
struct CompanyInterner: Sendable {
  /// All ids' bytes, back to back.
  private var arena: [UInt8] = []
  /// Where each id starts in the arena; one more entry than ids.
  private var starts: [Int] = [0]
  /// Slots hold the id's hash in the high 32 bits and index + 1 in the low
  /// 32 bits, or 0 when empty: one memory access rejects most mismatches.
  private var slots: [UInt64] = Array(repeating: 0, count: 1024)

  /// The number of distinct ids.
  var count: Int { starts.count - 1 }

  /// The index of the id spelled by `bytes`, adding it if new.
  ///
  /// - Complexity: amortized O(*k*) in the length of the id.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if UInt32(entry >> 32) == hash {
        let index = Int(UInt32(truncatingIfNeeded: entry)) - 1
        if equals(index, bytes) { return Int32(index) }
      }
      slot = (slot + 1) & mask
    }
    let index = count
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    slots[slot] = UInt64(hash) << 32 | UInt64(index + 1)
    if count * 2 > slots.count { grow() }
    return Int32(index)
  }

  /// The index of `id`, adding it if new.
  mutating func intern(_ id: String) -> Int32 {
    var id = id
    return id.withUTF8 { intern($0) }
  }

  /// The index of `id` if it was interned.
  func index(of id: String) -> Int32? {
    var id = id
    return id.withUTF8 { bytes -> Int32? in
      let hash = Self.hash(bytes)
      let mask = slots.count - 1
      var slot = Int(hash) & mask
      while slots[slot] != 0 {
        let entry = slots[slot]
        let index = Int(UInt32(truncatingIfNeeded: entry)) - 1
        if UInt32(entry >> 32) == hash, equals(index, bytes) { return Int32(index) }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  /// The id at `index` as a string.
  func string(_ index: Int) -> String {
    String(decoding: arena[starts[index] ..< starts[index + 1]], as: UTF8.self)
  }

  /// Indices of all ids sorted by their bytes.
  ///
  /// - Complexity: O(*n* log *n*) byte-string comparisons.
  func sortedIndices() -> [Int] {
    arena.withUnsafeBufferPointer { bytes in
      (0 ..< count).sorted { a, b in
        let x = UnsafeBufferPointer(rebasing: bytes[starts[a] ..< starts[a + 1]])
        let y = UnsafeBufferPointer(rebasing: bytes[starts[b] ..< starts[b + 1]])
        return x.lexicographicallyPrecedes(y)
      }
    }
  }

  private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[index]
    let length = starts[index + 1] - start
    guard length == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { arena in
      for i in 0 ..< length where arena[start + i] != bytes[i] { return false }
      return true
    }
  }

  private mutating func grow() {
    var bigger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for entry in slots where entry != 0 {
      var slot = Int(entry >> 32) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = entry
    }
    slots = bigger
  }

  /// FNV-1a, folded to 32 bits.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return UInt32(truncatingIfNeeded: h ^ (h >> 32))
  }
}
