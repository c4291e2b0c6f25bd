/// Free flow attributes stored column-wise: one column per attribute name.
///
/// A column (``FlowAttributeColumn``) keeps a 1- or 2-byte code a flow into
/// its distinct values while they are few, else the values' UTF-8 bytes back
/// to back with a 4-byte end offset each, plus, for a name only some flows
/// have, their flow indices. So a low-cardinality attribute such as a
/// payment format costs about a byte a flow, instead of a dictionary entry,
/// an array and two strings a flow.
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
  private var columns: [FlowAttributeColumn] = []
  private var columnByName: [String: Int] = [:]

  /// Whether no flow has a columnar attribute.
  var isEmpty: Bool { columns.allSatisfy { $0.count == 0 } }

  /// The column of `name`, added if new.
  ///
  /// - Complexity: amortized O(*k*) hashing of the name.
  mutating func column(named name: String) -> Int {
    if let index = columnByName[name] { return index }
    names.append(name)
    columns.append(FlowAttributeColumn())
    columnByName[name] = names.count - 1
    return names.count - 1
  }

  /// The column of `name`, if any flow used it.
  func existingColumn(named name: String) -> Int? { columnByName[name] }

  /// Whether `bytes` more fit in column `column`, or in a new column past
  /// the last (offsets are 32-bit).
  func hasRoom(_ column: Int, for bytes: Int) -> Bool {
    (column < columns.count ? columns[column].valueByteCount : 0) + bytes <= Int(UInt32.max)
  }

  /// Removes the values of `flow`, the last flow of every column that has
  /// it, returning them in column order.
  ///
  /// - Complexity: O(*a* + *k*) for *a* columns and *k* value bytes.
  mutating func removeLast(flow: Int32) -> [Flow.Attribute] {
    var removed: [Flow.Attribute] = []
    for c in columns.indices where columns[c].lastFlow == flow {
      removed.append(Flow.Attribute(key: names[c], value: columns[c].removeLast()))
    }
    return removed
  }

  /// Appends the value `bytes` for `flow` to column `column`.
  ///
  /// - Precondition: `flow` is larger than every flow already in the column,
  ///   and ``hasRoom(_:for:)``.
  /// - Complexity: amortized O(*k*) in the length of the value.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, flow: Int32, column: Int) {
    columns[column].append(bytes, flow: flow)
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
    if columns.contains(where: { $0.count == 0 }) {
      let kept = columns.indices.filter { columns[$0].count != 0 }
      names = kept.map { names[$0] }
      columns = kept.map { columns[$0] }
      columnByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }
    for c in columns.indices { columns[c].freeze(flowCount: flowCount) }
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
    columns[c].forEach(body)
  }

  /// Bytes held, for memory accounting.
  var byteCount: Int {
    columns.reduce(0) { $0 + $1.byteCount }
  }

  /// Whether both tables hold the same names and, for each, the same flows
  /// with the same values, however they are stored.
  ///
  /// - Complexity: O(total size).
  static func == (a: FlowAttributeTable, b: FlowAttributeTable) -> Bool {
    guard a.names == b.names else { return false }
    for (x, y) in zip(a.columns, b.columns) {
      guard x.count == y.count, x.valueByteCount == y.valueByteCount else { return false }
      var entries: [(Int, ArraySlice<UInt8>)] = []
      entries.reserveCapacity(x.count)
      x.forEach { entries.append(($0, $1)) }
      var index = 0
      var same = true
      y.forEach { flow, value in
        if same { same = entries[index].0 == flow && entries[index].1.elementsEqual(value) }
        index += 1
      }
      if !same { return false }
    }
    return true
  }
}
