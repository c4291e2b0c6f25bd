/// Free flow attributes stored column-wise: one column per attribute name.
///
/// A column keeps the values' UTF-8 bytes back to back and the end offset of
/// each, and, unless every flow has the attribute, the ascending indices of
/// the flows that have it. So a graph pays 4 bytes a flow (8 for a column
/// that only some flows have) plus the value bytes, instead of a dictionary
/// entry, an array and two strings a flow.
///
/// A flow's attributes come back in column order (the order in which the
/// names were first used), which is the order they were written in for any
/// file whose flows list them in one order (every CSV file). A flow that
/// lists them in another order, or one name twice, keeps its attributes in
/// the sparse ``FlowDetails`` instead (see ``FlowGraphBuilder``), so every
/// flow reads back exactly as written.
struct FlowAttributeTable: Sendable, Equatable {
  /// Attribute names in order of first use.
  private(set) var names: [String] = []
  private var columns: [Column] = []
  private var columnByName: [String: Int] = [:]

  /// One attribute name's values.
  struct Column: Sendable, Equatable {
    /// Indices of the flows that have the value, ascending; empty once
    /// ``isDense`` (every flow has it, flow *i* is entry *i*).
    var flows: [Int32] = []
    /// End offset into ``bytes`` of each entry.
    var ends: [UInt32] = []
    var bytes: [UInt8] = []
    var isDense = false

    /// The entry of `flow`, if it has one.
    ///
    /// - Complexity: O(log *n*) for a column of *n* entries; O(1) if dense.
    func entry(of flow: Int) -> Int? {
      if isDense { return flow < ends.count ? flow : nil }
      var low = 0
      var high = flows.count
      while low < high {
        let mid = (low + high) / 2
        if Int(flows[mid]) < flow { low = mid + 1 } else { high = mid }
      }
      return low < flows.count && Int(flows[low]) == flow ? low : nil
    }

    /// The bytes of entry `entry`.
    func value(_ entry: Int) -> ArraySlice<UInt8> {
      bytes[(entry == 0 ? 0 : Int(ends[entry - 1])) ..< Int(ends[entry])]
    }
  }

  /// Whether no flow has a columnar attribute.
  var isEmpty: Bool { columns.allSatisfy { $0.ends.isEmpty } }

  /// The column of `name`, added if new.
  ///
  /// - Complexity: amortized O(*k*) hashing of the name.
  mutating func column(named name: String) -> Int {
    if let index = columnByName[name] { return index }
    names.append(name)
    columns.append(Column())
    columnByName[name] = names.count - 1
    return names.count - 1
  }

  /// The column of `name`, if any flow used it.
  func existingColumn(named name: String) -> Int? { columnByName[name] }

  /// Whether `bytes` more fit in column `column`, or in a new column past
  /// the last (offsets are 32-bit).
  func hasRoom(_ column: Int, for bytes: Int) -> Bool {
    (column < columns.count ? columns[column].bytes.count : 0) + bytes <= Int(UInt32.max)
  }

  /// Removes the values of `flow`, the last flow of every column that has
  /// it, returning them in column order.
  ///
  /// - Complexity: O(*a* + *k*) for *a* columns and *k* value bytes.
  mutating func removeLast(flow: Int32) -> [Flow.Attribute] {
    var removed: [Flow.Attribute] = []
    for c in columns.indices where columns[c].flows.last == flow {
      let entry = columns[c].ends.count - 1
      removed.append(Flow.Attribute(key: names[c], value: String(decoding: columns[c].value(entry), as: UTF8.self)))
      columns[c].flows.removeLast()
      columns[c].ends.removeLast()
      columns[c].bytes.removeSubrange((entry == 0 ? 0 : Int(columns[c].ends[entry - 1])) ..< columns[c].bytes.count)
    }
    return removed
  }

  /// Appends the value `bytes` for `flow` to column `column`.
  ///
  /// - Precondition: `flow` is larger than every flow already in the column,
  ///   and ``hasRoom(_:for:)``.
  /// - Complexity: amortized O(*k*) in the length of the value.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, flow: Int32, column: Int) {
    columns[column].flows.append(flow)
    columns[column].bytes.append(contentsOf: bytes)
    columns[column].ends.append(UInt32(columns[column].bytes.count))
  }

  /// Appends the string `value` for `flow` to column `column`.
  mutating func append(_ value: String, flow: Int32, column: Int) {
    var value = value
    value.withUTF8 { append($0, flow: flow, column: column) }
  }

  /// Drops columns no flow has, the flow lists of columns that every one of
  /// `flowCount` flows has, and spare capacity.
  ///
  /// - Complexity: O(total size).
  mutating func freeze(flowCount: Int) {
    if columns.contains(where: { $0.ends.isEmpty }) {
      let kept = columns.indices.filter { !columns[$0].ends.isEmpty }
      names = kept.map { names[$0] }
      columns = kept.map { columns[$0] }
      columnByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }
    for c in columns.indices {
      if columns[c].flows.count == flowCount {
        columns[c].flows = []
        columns[c].isDense = true
      } else {
        columns[c].flows = Array(columns[c].flows)
      }
      columns[c].ends = Array(columns[c].ends)
      columns[c].bytes = Array(columns[c].bytes)
    }
  }

  /// The attributes of `flow`, in column order.
  ///
  /// - Complexity: O(*a* log *n*) for *a* columns of up to *n* entries.
  func attributes(of flow: Int) -> [Flow.Attribute] {
    var result: [Flow.Attribute] = []
    for (c, column) in columns.enumerated() {
      guard let entry = column.entry(of: flow) else { continue }
      result.append(Flow.Attribute(key: names[c], value: String(decoding: column.value(entry), as: UTF8.self)))
    }
    return result
  }

  /// Calls `body` with each flow that has attribute `name` and its value's bytes, by flow index.
  ///
  /// - Complexity: O(*n*) for *n* entries.
  func forEach(named name: String, _ body: (Int, ArraySlice<UInt8>) -> Void) {
    guard let c = columnByName[name] else { return }
    let column = columns[c]
    for entry in column.ends.indices {
      body(column.isDense ? entry : Int(column.flows[entry]), column.value(entry))
    }
  }

  /// Bytes held, for memory accounting.
  var byteCount: Int {
    columns.reduce(0) { $0 + $1.flows.count * 4 + $1.ends.count * 4 + $1.bytes.count }
  }

  static func == (a: FlowAttributeTable, b: FlowAttributeTable) -> Bool {
    a.names == b.names && a.columns == b.columns
  }
}
