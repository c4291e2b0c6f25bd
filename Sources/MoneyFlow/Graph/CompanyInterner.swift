/// Interns company ids given as UTF-8 bytes: equal ids get one dense index.
///
/// An open-addressing hash table with linear probing over an arena of id
/// bytes, so interning allocates no `String` per flow; strings are made once
/// per distinct id, when the graph is frozen. Each slot is two words in one
/// cache line: ids of up to 8 bytes are stored whole in the slot and compared
/// there, so a lookup of a short id touches memory once.
struct CompanyInterner: Sendable {
  /// All ids' bytes, back to back.
  private var arena: [UInt8] = []
  /// Where each id starts in the arena; one more entry than ids.
  private var starts: [Int] = [0]
  /// Two words a slot: the key (the id's bytes if at most 8, else its hash),
  /// then length (8 bits) | hash (24 bits) | index + 1 (32 bits); 0 if empty.
  private var table: [UInt64] = Array(repeating: 0, count: 2 * 1024)

  /// The number of distinct ids.
  var count: Int { starts.count - 1 }

  /// The index of the id spelled by `bytes`, adding it if new.
  ///
  /// - Complexity: amortized O(*k*) in the length of the id.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let (key, tag) = Self.key(bytes)
    if let (_, index) = find(bytes, key: key, tag: tag) { return index }
    let index = count
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    insert(key: key, tag: tag, index: index)
    if count * 2 > table.count / 2 { grow() }
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
    return id.withUTF8 { bytes in
      let (key, tag) = Self.key(bytes)
      return find(bytes, key: key, tag: tag)?.index
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

  // MARK: Table

  /// The slot key and the tag (length and hash bits) of an id.
  @inline(__always)
  private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (key: UInt64, tag: UInt64) {
    let length = UInt64(min(bytes.count, 255))
    if bytes.count <= 8 {
      var key: UInt64 = 0
      for i in 0 ..< bytes.count { key |= UInt64(bytes[i]) << (8 * UInt64(i)) }
      let hash = (key ^ length) &* 0x9E37_79B9_7F4A_7C15
      return (key, length << 56 | (hash >> 40) << 32)
    }
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    h ^= h >> 29
    h = h &* 0x9E37_79B9_7F4A_7C15
    return (h, length << 56 | (h >> 40) << 32)
  }

  /// The first slot to probe for a tag.
  @inline(__always)
  private func home(_ tag: UInt64) -> Int { Int(truncatingIfNeeded: tag >> 32) & (table.count / 2 - 1) }

  @inline(__always)
  private func find(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64, tag: UInt64) -> (slot: Int, index: Int32)? {
    let mask = table.count / 2 - 1
    var slot = home(tag)
    return table.withUnsafeBufferPointer { table -> (slot: Int, index: Int32)? in
      while true {
        let meta = table[2 * slot + 1]
        if meta == 0 { return nil }
        if meta & 0xFFFF_FFFF_0000_0000 == tag, table[2 * slot] == key {
          let index = Int(UInt32(truncatingIfNeeded: meta)) - 1
          if bytes.count <= 8 || equals(index, bytes) { return (slot, Int32(index)) }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private mutating func insert(key: UInt64, tag: UInt64, index: Int) {
    let mask = table.count / 2 - 1
    var slot = home(tag)
    while table[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
    table[2 * slot] = key
    table[2 * slot + 1] = tag | UInt64(index + 1)
  }

  private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[index]
    guard starts[index + 1] - start == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { arena in
      for i in 0 ..< bytes.count where arena[start + i] != bytes[i] { return false }
      return true
    }
  }

  private mutating func grow() {
    let old = table
    table = [UInt64](repeating: 0, count: old.count * 2)
    for slot in 0 ..< old.count / 2 where old[2 * slot + 1] != 0 {
      let meta = old[2 * slot + 1]
      insert(key: old[2 * slot], tag: meta & 0xFFFF_FFFF_0000_0000, index: Int(UInt32(truncatingIfNeeded: meta)) - 1)
    }
  }
}
