/// Collects companies and flows, then freezes them into a ``FlowGraph``.
///
/// Company ids are interned once as they arrive; ``build()`` numbers them in
/// byte order and lays out the CSR adjacency.
public struct FlowGraphBuilder: Sendable {
  public var title: String?
  public var currency: String?
  /// Rates into the base currency, in any order; ``build()`` sorts them by code.
  public var rates: [(code: String, rate: Amount)] = []

  /// Company ids in order of arrival.
  private var ids = CompanyInterner()
  private var info: [Int32: Company] = [:]
  private var graph = FlowGraph()
  private var currencyIndexByCode: [String: UInt16] = ["": 0]
  /// The flow and column of the attribute value added last.
  private var lastAttribute: (flow: Int32, column: Int) = (-1, -1)

  public init() {}

  /// The number of companies so far.
  public var companyCount: Int { ids.count }
  /// The number of flows so far.
  public var flowCount: Int { graph.payerIndex.count }

  /// Reserves room for `flows` flows.
  public mutating func reserveCapacity(flows: Int) {
    graph.payerIndex.reserveCapacity(flows)
    graph.payeeIndex.reserveCapacity(flows)
    graph.kindCode.reserveCapacity(flows)
    graph.amountSignificand.reserveCapacity(flows)
    graph.amountExponent.reserveCapacity(flows)
    graph.currencyIndex.reserveCapacity(flows)
    graph.reserveDates(flows)
  }

  /// Whether a company with this id was added or used.
  public func hasCompany(_ id: String) -> Bool { ids.index(of: id) != nil }

  /// Adds a company with its name and attributes.
  ///
  /// - Returns: false, adding nothing, if a company with the same id exists.
  @discardableResult
  public mutating func addCompany(_ company: Company) -> Bool {
    guard ids.index(of: company.id) == nil else { return false }
    let index = intern(company.id)
    if !company.isBare { info[index] = company }
    return true
  }

  /// The arrival index of the company `id`, adding a bare company if new.
  ///
  /// - Complexity: amortized O(1) hashing of `id`.
  public mutating func intern(_ id: String) -> Int32 { ids.intern(id) }

  /// The arrival index of the company whose id is the UTF-8 `bytes`, adding
  /// a bare company if new.
  ///
  /// - Complexity: amortized O(*k*) in the length of the id.
  public mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> Int32 { ids.intern(bytes) }

  /// The index of `code` in the currency table, adding it if new.
  ///
  /// - Precondition: fewer than 65,535 distinct currencies.
  public mutating func internCurrency(_ code: String) -> UInt16 {
    if let index = currencyIndexByCode[code] { return index }
    let index = UInt16(graph.currencyCodes.count)
    graph.currencyCodes.append(code)
    currencyIndexByCode[code] = index
    return index
  }

  /// Adds a flow, creating bare companies for ids not seen before.
  public mutating func addFlow(_ flow: Flow) {
    let payer = intern(flow.from)
    let payee = intern(flow.to)
    var details = FlowDetails(
      amountSpelling: flow.amount?.spelling, until: flow.until, share: flow.share, cap: flow.cap,
      status: flow.status, source: flow.source, note: flow.note, id: flow.id,
      attributes: flow.attributes)
    if details.isEmpty { details = FlowDetails() }
    addFlow(
      payer: payer, payee: payee, kind: flow.kind, amount: flow.amount,
      currency: internCurrency(flow.currency), date: flow.date, details: details)
  }

  /// Adds a flow between interned companies (see ``intern(_:)``).
  public mutating func addFlow(
    payer: Int32, payee: Int32, kind: FlowKind, amount: Amount?, currency: UInt16,
    date: FlowDate?, details: FlowDetails = FlowDetails()
  ) {
    let index = Int32(graph.payerIndex.count)
    graph.payerIndex.append(payer)
    graph.payeeIndex.append(payee)
    graph.kindCode.append(kind.rawValue)
    if let amount {
      graph.amountSignificand.append(amount.significand)
      graph.amountExponent.append(amount.exponent)
    } else {
      graph.amountSignificand.append(0)
      graph.amountExponent.append(FlowGraph.undisclosed)
    }
    graph.currencyIndex.append(currency)
    graph.appendDate(date)
    var details = details
    if details.amountSpelling == nil { details.amountSpelling = amount?.spelling }
    if !details.attributes.isEmpty, storeInColumns(details.attributes, flow: index) { details.attributes = [] }
    if !details.isEmpty { graph.details[index] = details }
  }

  /// The column of the flow attribute `name`, added if new: for readers that
  /// add values as bytes with ``addAttribute(_:column:)``.
  public mutating func attributeColumn(named name: String) -> Int { graph.attributeTable.column(named: name) }

  /// Adds the attribute value `bytes` in column `column` to the flow added last.
  ///
  /// Values are columnar when each flow adds them in ascending column order;
  /// otherwise this one is kept with the flow's details, so nothing changes
  /// but the storage.
  ///
  /// - Complexity: amortized O(*k*) in the length of the value.
  public mutating func addAttribute(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
    let flow = Int32(graph.payerIndex.count - 1)
    guard flow >= 0 else { return }
    let outOfOrder = lastAttribute.flow == flow && column <= lastAttribute.column
    if outOfOrder || graph.details[flow]?.attributes.isEmpty == false || !graph.attributeTable.hasRoom(column, for: bytes.count) {
      keepInDetails(Flow.Attribute(key: graph.attributeTable.names[column], value: String(decoding: bytes, as: UTF8.self)), flow: flow)
      return
    }
    graph.attributeTable.append(bytes, flow: flow, column: column)
    lastAttribute = (flow, column)
  }

  /// Stores `attributes` of `flow` in the columns if their names are in
  /// ascending column order (new names get new columns, a repeated name
  /// does not fit) and their values fit.
  private mutating func storeInColumns(_ attributes: [Flow.Attribute], flow: Int32) -> Bool {
    let table = graph.attributeTable
    var newNames: [String] = []
    var previous = -1
    for attribute in attributes {
      var column = table.existingColumn(named: attribute.key)
      if column == nil, !newNames.contains(attribute.key) {
        column = table.names.count + newNames.count
        newNames.append(attribute.key)
      }
      guard let column, column > previous, table.hasRoom(column, for: attribute.value.utf8.count) else { return false }
      previous = column
    }
    for attribute in attributes {
      graph.attributeTable.append(attribute.value, flow: flow, column: graph.attributeTable.column(named: attribute.key))
    }
    lastAttribute = (flow, previous)
    return true
  }

  /// Moves the columnar attributes of `flow` (the last flow) into its
  /// details, followed by `attribute`.
  private mutating func keepInDetails(_ attribute: Flow.Attribute, flow: Int32) {
    var details = graph.details[flow] ?? FlowDetails()
    if details.attributes.isEmpty { details.attributes = graph.attributeTable.removeLast(flow: flow) }
    details.attributes.append(attribute)
    graph.details[flow] = details
  }

  /// Freezes the graph: numbers companies in byte order of their ids and
  /// builds the outgoing and incoming CSR adjacency.
  ///
  /// - Complexity: O(*V* log *V*) id comparisons and O(*V* + *E*) for the
  ///   adjacency, plus a sort of each run of parallel flows by time.
  public consuming func build() -> FlowGraph {
    build(byteOrder: true)
  }

  /// ``build()`` without the sort of the company ids: companies numbered in
  /// order of arrival. For a batch of a stream (``FlowLineReader``), whose
  /// reader uses only the flows and the ids of their companies; such a graph
  /// breaks the byte-order invariant, so lookups by id do not apply to it.
  ///
  /// - Complexity: O(*V* + *E*) for the adjacency, plus a sort of each run
  ///   of parallel flows by time.
  consuming func buildInArrivalOrder() -> FlowGraph {
    build(byteOrder: false)
  }

  private consuming func build(byteOrder: Bool) -> FlowGraph {
    // Take the arrays out of the builder, so changing them copies nothing.
    var graph = FlowGraph()
    swap(&graph, &self.graph)
    graph.title = title
    graph.currency = currency
    graph.rates = rates.sorted { $0.code.precedesInByteOrder($1.code) }
    graph.attributeTable.freeze(flowCount: graph.payerIndex.count)

    // Number companies in byte order of their ids.
    let n = ids.count
    if !byteOrder {
      graph.companyIDs = (0 ..< n).map { ids.string($0) }
      graph.documentOrder = (0 ..< n).map { Int32($0) }
      graph.companyInfo = info
    } else {
      let order = ids.sortedIndices()
      var newIndex = [Int32](repeating: 0, count: n)
      for (rank, arrival) in order.enumerated() { newIndex[arrival] = Int32(rank) }
      graph.companyIDs = order.map { ids.string($0) }
      graph.documentOrder = newIndex
      graph.companyInfo = Dictionary(uniqueKeysWithValues: info.map { (newIndex[Int($0.key)], $0.value) })
      for i in graph.payerIndex.indices {
        graph.payerIndex[i] = newIndex[Int(graph.payerIndex[i])]
        graph.payeeIndex[i] = newIndex[Int(graph.payeeIndex[i])]
      }
    }
    // The hash table is not needed any more: free it before the adjacency peak.
    ids = CompanyInterner()

    // Parallel flows sort by time: the day numbers suffice unless some
    // flow has a time of day; then times are computed where runs are sorted
    // (no array of them: 8 bytes a flow saved at the peak).
    if graph.hasTimesOfDay {
      let dates = graph
      (graph.outStart, graph.outFlows) = FlowGraphBuilder.adjacency(
        rows: dates.payerIndex, columns: dates.payeeIndex, count: n) { dates.time(of: $0) }
      (graph.inStart, graph.inFlows) = FlowGraphBuilder.adjacency(
        rows: dates.payeeIndex, columns: dates.payerIndex, count: n) { dates.time(of: $0) }
    } else {
      (graph.outStart, graph.outFlows) = FlowGraphBuilder.adjacency(
        rows: graph.payerIndex, columns: graph.payeeIndex, days: graph.dayNumber, count: n)
      (graph.inStart, graph.inFlows) = FlowGraphBuilder.adjacency(
        rows: graph.payeeIndex, columns: graph.payerIndex, days: graph.dayNumber, count: n)
    }
    if byteOrder { graph.checkInvariants() }
    return graph
  }

  /// Flow indices grouped by `rows`, each group sorted by (column, day, index):
  /// a stable counting sort by row, a sort of each row's flows by column
  /// (on packed 64-bit keys), then a sort of each run of parallel flows by day.
  ///
  /// Needs one array of *E* entries besides its result, and a scratch buffer
  /// the size of the largest row.
  ///
  /// - Complexity: O(*V* + *E* + Σ *d* log *d*) for rows of *d* flows.
  static func adjacency(rows: [Int32], columns: [Int32], days: [Int32], count: Int)
    -> (start: [Int32], flows: [Int32])
  {
    adjacency(rows: rows, columns: columns, count: count) { days[$0] }
  }

  /// ``adjacency(rows:columns:days:count:)`` with each flow's time given by
  /// `time` (called only while sorting runs of parallel flows).
  static func adjacency<Time: Comparable>(rows: [Int32], columns: [Int32], count: Int, time: (Int) -> Time)
    -> (start: [Int32], flows: [Int32])
  {
    let flowCount = rows.count
    var start = [Int32](repeating: 0, count: count + 1)
    for row in rows { start[Int(row) + 1] += 1 }
    for i in 0 ..< count { start[i + 1] += start[i] }
    var flows = [Int32](repeating: 0, count: flowCount)
    do {
      var next = start
      for flow in 0 ..< flowCount {
        let row = Int(rows[flow])
        flows[Int(next[row])] = Int32(flow)
        next[row] += 1
      }
    }
    // Within a row, order by column (sorting packed (column, flow) keys),
    // then each run of parallel flows by (day, index).
    var keys: [UInt64] = []
    for row in 0 ..< count {
      let lower = Int(start[row]), upper = Int(start[row + 1])
      guard upper - lower > 1 else { continue }
      keys.removeAll(keepingCapacity: true)
      var sorted = true
      var previous: Int32 = -1
      for slot in lower ..< upper {
        let flow = flows[slot]
        let column = columns[Int(flow)]
        if column < previous { sorted = false }
        previous = column
        keys.append(UInt64(UInt32(column)) << 32 | UInt64(UInt32(flow)))
      }
      if !sorted {
        keys.sort()
        for (offset, key) in keys.enumerated() { flows[lower + offset] = Int32(truncatingIfNeeded: key) }
      }
      var i = 0
      while i < keys.count {
        var j = i + 1
        while j < keys.count, keys[j] >> 32 == keys[i] >> 32 { j += 1 }
        if j - i > 1 {
          flows[lower + i ..< lower + j].sort { (time(Int($0)), $0) < (time(Int($1)), $1) }
        }
        i = j
      }
    }
    start[count] = Int32(flowCount)
    return (start, flows)
  }
}
