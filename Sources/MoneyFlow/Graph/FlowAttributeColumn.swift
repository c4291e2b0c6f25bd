/// One attribute name's values in a ``FlowAttributeTable``.
///
/// A column starts dictionary-encoded: a 1-byte code an entry (2 bytes past
/// 255 distinct values) into a ``FlowAttributeDictionary`` of the distinct
/// values. It switches to plain storage (the values' bytes back to back and
/// a 4-byte end offset each) when the dictionary fills, or when
/// ``freeze(flowCount:)`` finds plain storage smaller. Unless every flow has
/// the name, the entries also keep their ascending flow indices, 4 bytes
/// each; a frozen dictionary column keeps a code for every flow instead
/// (0 where the flow lacks the name) where that is smaller.
struct FlowAttributeColumn: Sendable {
  /// Indices of the flows that have the value, ascending; empty once
  /// ``isDense`` (flow *i* is entry *i*).
  private var flows: [Int32] = []
  /// Whether entries are numbered by flow.
  private var isDense = false
  /// The number of flows that have a value.
  private(set) var count = 0
  /// The bytes of all values as written (what plain storage holds).
  private(set) var valueByteCount = 0

  private var isPlain = false
  private var dictionary = FlowAttributeDictionary()
  /// Codes, 1-byte until a code exceeds 255, then 2-byte.
  private var isWide = false
  private var narrowCodes: [UInt8] = []
  private var wideCodes: [UInt16] = []
  /// Plain storage: end offset into `bytes` of each entry.
  private var ends: [UInt32] = []
  private var bytes: [UInt8] = []

  /// The number of codes kept.
  private var codeCount: Int { isWide ? wideCodes.count : narrowCodes.count }

  /// The code at `index` (0 for a flow without the value in a dense column).
  private func code(_ index: Int) -> Int { isWide ? Int(wideCodes[index]) : Int(narrowCodes[index]) }

  /// The entry of `flow`, if it has one.
  ///
  /// - Complexity: O(log *n*) for a column of *n* entries; O(1) if dense.
  func entry(of flow: Int) -> Int? {
    if isDense {
      if isPlain { return flow < ends.count ? flow : nil }
      return flow < codeCount && code(flow) != 0 ? flow : nil
    }
    var low = 0
    var high = flows.count
    while low < high {
      let mid = (low + high) / 2
      if Int(flows[mid]) < flow { low = mid + 1 } else { high = mid }
    }
    return low < flows.count && Int(flows[low]) == flow ? low : nil
  }

  /// The bytes of entry `entry`.
  ///
  /// - Complexity: O(1).
  func value(_ entry: Int) -> ArraySlice<UInt8> {
    if isPlain { return bytes[(entry == 0 ? 0 : Int(ends[entry - 1])) ..< Int(ends[entry])] }
    return dictionary.value(code(entry))
  }

  /// Appends the value `value` for `flow`.
  ///
  /// - Precondition: `flow` is larger than every flow already in the column,
  ///   the column is not frozen, and ``valueByteCount`` stays 32-bit.
  /// - Complexity: amortized O(*k*) in the length of the value.
  mutating func append(_ value: UnsafeBufferPointer<UInt8>, flow: Int32) {
    flows.append(flow)
    count += 1
    valueByteCount += value.count
    if !isPlain {
      if let code = dictionary.code(of: value) {
        if code > Int(UInt8.max), !isWide {
          wideCodes = narrowCodes.map(UInt16.init)
          narrowCodes = []
          isWide = true
        }
        if isWide { wideCodes.append(UInt16(code)) } else { narrowCodes.append(UInt8(code)) }
        return
      }
      makePlain()
    }
    bytes.append(contentsOf: value)
    ends.append(UInt32(bytes.count))
  }

  /// Removes the last entry, returning its value.
  ///
  /// - Precondition: the column has an entry and is not frozen.
  /// - Complexity: O(*k*) in the length of the value.
  mutating func removeLast() -> String {
    let entry = count - 1
    let value = self.value(entry)
    let removed = String(decoding: value, as: UTF8.self)
    valueByteCount -= value.count
    count -= 1
    flows.removeLast()
    if isPlain {
      ends.removeLast()
      bytes.removeSubrange((entry == 0 ? 0 : Int(ends[entry - 1])) ..< bytes.count)
    } else if isWide {
      wideCodes.removeLast()
    } else {
      narrowCodes.removeLast()
    }
    return removed
  }

  /// The flow of the last entry, if any.
  var lastFlow: Int32? { flows.last }

  /// Chooses the smaller storage for `flowCount` flows, drops the flow
  /// list where not needed, and spare capacity.
  ///
  /// - Complexity: O(total size).
  mutating func freeze(flowCount: Int) {
    let width = isWide ? 2 : 1
    if !isPlain, count * width + dictionary.count * 4 + dictionary.valueByteCount > count * 4 + valueByteCount {
      makePlain()
    }
    if isDense {
    } else if count == flowCount {
      flows = []
      isDense = true
    } else if !isPlain, flowCount * width < count * (4 + width) {
      if isWide {
        var codes = [UInt16](repeating: 0, count: flowCount)
        for (entry, flow) in flows.enumerated() { codes[Int(flow)] = wideCodes[entry] }
        wideCodes = codes
      } else {
        var codes = [UInt8](repeating: 0, count: flowCount)
        for (entry, flow) in flows.enumerated() { codes[Int(flow)] = narrowCodes[entry] }
        narrowCodes = codes
      }
      flows = []
      isDense = true
    } else {
      flows = Array(flows)
    }
    narrowCodes = Array(narrowCodes)
    wideCodes = Array(wideCodes)
    ends = Array(ends)
    bytes = Array(bytes)
    dictionary.freeze()
  }

  /// Calls `body` with each flow that has a value and the value's bytes, by flow index.
  ///
  /// - Complexity: O(*n*) for *n* entries, or for *n* flows if dense.
  func forEach(_ body: (Int, ArraySlice<UInt8>) -> Void) {
    if isDense, !isPlain {
      for flow in 0 ..< codeCount where code(flow) != 0 { body(flow, dictionary.value(code(flow))) }
      return
    }
    for entry in 0 ..< count { body(isDense ? entry : Int(flows[entry]), value(entry)) }
  }

  /// Bytes held, for memory accounting.
  var byteCount: Int {
    flows.count * 4 + narrowCodes.count + wideCodes.count * 2 + ends.count * 4 + bytes.count
      + (isPlain ? 0 : dictionary.byteCount)
  }

  /// Moves the values to plain storage and drops the dictionary.
  ///
  /// - Complexity: O(total size).
  private mutating func makePlain() {
    ends.reserveCapacity(count)
    bytes.reserveCapacity(valueByteCount)
    for entry in 0 ..< codeCount {
      bytes.append(contentsOf: dictionary.value(code(entry)))
      ends.append(UInt32(bytes.count))
    }
    narrowCodes = []
    wideCodes = []
    isWide = false
    dictionary = FlowAttributeDictionary()
    isPlain = true
  }
}
