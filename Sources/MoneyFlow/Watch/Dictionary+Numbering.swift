extension Dictionary where Value == Int32 {
  /// The number of `key`; when it has none, `next` is given to it. Hashes
  /// `key` once either way (a lookup and then an insertion would hash twice).
  ///
  /// - Complexity: amortized O(1) hashing of the key.
  mutating func number(of key: Key, next: Int32) -> (number: Int32, isNew: Bool) {
    var isNew = false
    let number = Self.settle(&self[key, default: -1], next, &isNew)
    return (number, isNew)
  }

  /// The number in `slot`, or `next` put there (and `isNew` set) when it holds -1.
  private static func settle(_ slot: inout Int32, _ next: Int32, _ isNew: inout Bool) -> Int32 {
    if slot < 0 {
      slot = next
      isNew = true
    }
    return slot
  }
}
