/// Fixed-size scratch memory for the hot loops of the cycle searches.
///
/// Writing to an `Array` held in a struct checks on every write that the
/// storage is not shared (copy-on-write); in the inner loop of the searches
/// that check cost about a seventh of the time. A `WorkBuffer` is a class
/// owning raw memory, so writes go straight to it. Indices are checked in
/// debug builds only. Each search thread owns its buffers; they are never
/// shared.
final class WorkBuffer<Element> {
  let base: UnsafeMutablePointer<Element>
  let count: Int

  /// Allocates `count` elements, all `value`.
  init(repeating value: Element, count: Int) {
    base = .allocate(capacity: Swift.max(count, 1))
    base.initialize(repeating: value, count: count)
    self.count = count
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get {
      assert(index >= 0 && index < count, "WorkBuffer index out of range")
      return base[index]
    }
    set {
      assert(index >= 0 && index < count, "WorkBuffer index out of range")
      base[index] = newValue
    }
  }

  /// Sets every element to `value`.
  func fill(with value: Element) {
    for i in 0 ..< count { base[i] = value }
  }
}
