/// Reads a CSV edge list: a header `from,to,kind,amount,currency,date`
/// (any order) with the optional columns `until,share,cap,status,source,note,id`,
/// then one flow a record.
///
/// Companies are created from the ids the flows use, unless a companion
/// document supplies the company table (see ``GraphFile``). Other columns
/// are kept as flow attributes under their header names. With a
/// ``CSVColumnMapping``, any header is read: the mapping says which columns
/// hold the payer, payee, amount, ..., and the rest become attributes. Fields
/// are converted straight from the input bytes; only company ids and rare
/// fields become strings.
public struct CSVEdgeListReader {
  /// The columns every edge list has.
  public static let requiredColumns = ["from", "to", "kind", "amount", "currency", "date"]
  /// The columns an edge list may add.
  public static let optionalColumns = ["until", "share", "cap", "status", "source", "note", "id"]

  let bytes: [UInt8]?
  let path: String?
  let file: String
  /// Which columns hold which field; nil for the header of our own format.
  public var mapping: CSVColumnMapping?
  /// The chunk size when reading a file (smaller in tests).
  var chunkSize = CSVReader.chunkSize
  /// The record length refused (smaller in tests).
  var maximumRecordBytes = CSVReader.maximumRecordBytes

  /// Prepares to read `bytes`, naming `file` in errors.
  public init(bytes: [UInt8], file: String, mapping: CSVColumnMapping? = nil) {
    self.mapping = mapping
    self.bytes = bytes
    self.path = nil
    self.file = file
  }

  /// Prepares to read the file at `path` in chunks (`-` reads standard input).
  public init(path: String, mapping: CSVColumnMapping? = nil) {
    self.mapping = mapping
    self.bytes = nil
    self.path = path
    self.file = path == "-" ? "<stdin>" : path
  }

  /// Reads every flow into a new graph.
  ///
  /// - Complexity: O(*n*) in the size of the input, plus ``FlowGraphBuilder/build()``.
  public func read() throws(InputError) -> FlowGraph {
    var builder = FlowGraphBuilder()
    try read(into: &builder, listedCompaniesOnly: false)
    return (consume builder).build()
  }

  /// Reads every flow into `builder`. With `listedCompaniesOnly`, a flow
  /// naming a company the builder does not have is an error.
  func read(into builder: inout FlowGraphBuilder, listedCompaniesOnly: Bool) throws(InputError) {
    if let bytes {
      var csv = CSVReader(bytes: bytes, file: file, maximumRecordBytes: maximumRecordBytes)
      try read(&csv, into: &builder, listedCompaniesOnly: listedCompaniesOnly, size: bytes.count)
      return
    }
    let (descriptor, size) = try FileIO.open(path ?? "-")
    defer { FileIO.close(descriptor) }
    var csv = try CSVReader(descriptor: descriptor, file: file, chunkSize: chunkSize, maximumRecordBytes: maximumRecordBytes)
    try read(&csv, into: &builder, listedCompaniesOnly: listedCompaniesOnly, size: size)
  }

  /// Reads records from `csv`; `size` (the input's size in bytes, if known)
  /// sizes the flow arrays once, so they never grow by doubling.
  private func read(_ csv: inout CSVReader, into builder: inout FlowGraphBuilder, listedCompaniesOnly: Bool, size: Int?) throws(InputError) {
    if let size {
      let sample = csv.bufferedPrefix
      let lines = sample.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      if lines > 1 { builder.reserveCapacity(flows: Int(Double(size) / Double(sample.count) * Double(lines) * 1.01) + 16) }
    }
    guard try csv.nextRecord() else {
      throw InputError(.empty, file: file, message: "the file is empty; expected a header line \(Self.requiredColumns.joined(separator: ","))")
    }
    if mapping == nil, csv.fields.count == AMLworldFormat.header.count,
      csv.fields.indices.allSatisfy({ csv.string($0) == AMLworldFormat.header[$0] })
    {
      try readAMLworld(&csv, into: &builder)
      return
    }
    if mapping == nil, csv.fields.count == AMLSimFormat.header.count,
      csv.fields.indices.allSatisfy({ csv.string($0) == AMLSimFormat.header[$0] })
    {
      try readAMLSim(&csv, into: &builder)
      return
    }
    let columns = try header(csv)
    let width = csv.fields.count
    let hasOptional = columns.hasOptional
    let attributeColumns = columns.attributes.map { builder.attributeColumn(named: $0.name) }
    var lastCurrency: [UInt8] = []
    var lastCurrencyIndex: UInt16 = 0
    while try csv.nextRecord() {
      guard csv.fields.count == width else {
        throw csv.error(.columnCount, at: csv.recordStart, "expected \(width) fields as in the header, found \(csv.fields.count)")
      }
      let payer = try company(&csv, columns.from, "from", &builder, listedCompaniesOnly)
      let payee = try company(&csv, columns.to, "to", &builder, listedCompaniesOnly)
      var kind = CSVColumnMapping.defaultKind
      if let column = columns.kind {
        guard let named = csv.fieldValue(column, CSVEdgeListReader.kind) else {
          throw csv.error(.invalidValue, field: column, name: "kind", "unknown kind \"\(csv.string(column))\"; expected one of \(FlowKind.allNames)")
        }
        kind = named
      }
      let amount = try columns.amount.map { c throws(InputError) in try amountField(&csv, c, "amount") } ?? nil
      var currency: UInt16? = 0
      if let column = columns.currency {
        currency = csv.fieldValue(column) { $0.elementsEqual(lastCurrency) ? lastCurrencyIndex : nil }
        if currency == nil {
          let code = csv.string(column)
          guard code.isEmpty || CurrencyCode.isValid(code) else {
            throw csv.error(.invalidValue, field: column, name: "currency", "currency \"\(code)\" is not a 3-letter code such as USD")
          }
          lastCurrency = Array(code.utf8)
          lastCurrencyIndex = builder.internCurrency(code)
          currency = lastCurrencyIndex
        }
      }
      let date = try columns.date.map { c throws(InputError) in try dateField(&csv, c, "date") } ?? nil
      var details = FlowDetails()
      if hasOptional {
        if let c = columns.until { details.until = try dateField(&csv, c, "until") }
        if let c = columns.share { details.share = try amountField(&csv, c, "share") }
        if let c = columns.cap { details.cap = try amountField(&csv, c, "cap") }
        if let c = columns.status, !csv.isEmpty(c) { details.status = csv.string(c) }
        if let c = columns.source, !csv.isEmpty(c) { details.source = csv.string(c) }
        if let c = columns.note, !csv.isEmpty(c) { details.note = csv.string(c) }
        if let c = columns.id, !csv.isEmpty(c) { details.id = csv.string(c) }
      }
      builder.addFlow(payer: payer, payee: payee, kind: kind, amount: amount, currency: currency ?? 0, date: date, details: details)
      for (k, attribute) in columns.attributes.enumerated() where !csv.isEmpty(attribute.column) {
        csv.fieldValue(attribute.column) { builder.addAttribute($0, column: attributeColumns[k]) }
      }
    }
  }

  // MARK: Header

  struct Columns {
    var from: [Int] = [0], to: [Int] = [0]
    var kind: Int?, amount: Int?, currency: Int?, date: Int?
    var until: Int?, share: Int?, cap: Int?, status: Int?, source: Int?, note: Int?, id: Int?
    /// Columns kept as flow attributes, with their names.
    var attributes: [(name: String, column: Int)] = []
    var hasOptional: Bool { [until, share, cap, status, source, note, id].contains { $0 != nil } || !attributes.isEmpty }
  }

  private func header(_ csv: CSVReader) throws(InputError) -> Columns {
    let names = csv.fields.indices.map { csv.string($0) }
    if let mapping { return try mappedHeader(csv, names, mapping) }
    var columns = Columns()
    var seen = Set<String>()
    var known = [Bool](repeating: true, count: names.count)
    for (i, name) in names.enumerated() {
      guard seen.insert(name).inserted else {
        throw csv.error(.duplicateField, field: i, name: name, "column \"\(name)\" appears twice in the header")
      }
      switch name {
      case "from": columns.from = [i]
      case "to": columns.to = [i]
      case "kind": columns.kind = i
      case "amount": columns.amount = i
      case "currency": columns.currency = i
      case "date": columns.date = i
      case "until": columns.until = i
      case "share": columns.share = i
      case "cap": columns.cap = i
      case "status": columns.status = i
      case "source": columns.source = i
      case "note": columns.note = i
      case "id": columns.id = i
      default: known[i] = false
      }
    }
    let missing = Self.requiredColumns.filter { !seen.contains($0) }
    if !missing.isEmpty {
      throw csv.error(.missingField, at: csv.recordStart, field: missing[0],
        "the header lacks column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); expected \(Self.requiredColumns.joined(separator: ",")) first, or name the columns with --columns from=COL,to=COL,...")
    }
    columns.attributes = CSVColumnMapping.attributeNames(names, keeping: known.map { !$0 })
    return columns
  }

  /// The columns `mapping` names in this header; the rest become attributes.
  private func mappedHeader(_ csv: CSVReader, _ names: [String], _ mapping: CSVColumnMapping) throws(InputError) -> Columns {
    switch mapping.resolve(names) {
    case .failure(let failure):
      if let field = failure.field { throw csv.error(.unknownColumn, field: field, name: names[field], failure.message) }
      throw csv.error(.unknownColumn, at: csv.recordStart, failure.message)
    case .success(let resolved):
      return Columns(
        from: resolved.from, to: resolved.to, kind: resolved.kind, amount: resolved.amount,
        currency: resolved.currency, date: resolved.date, id: resolved.id, attributes: resolved.attributes)
    }
  }

  // MARK: Fields

  // The field readers take the reader `inout` and pass `fieldValue` closures
  // that capture nothing of it: a captured reader would be copied per row.

  /// The payer or payee in `columns` (several are joined by
  /// ``CSVColumnMapping/partySeparator``), interned.
  func company(
    _ csv: inout CSVReader, _ columns: [Int], _ name: String, _ builder: inout FlowGraphBuilder, _ listedOnly: Bool
  ) throws(InputError) -> Int32 {
    for column in columns where csv.isEmpty(column) {
      throw csv.error(.missingField, field: column, name: name, "empty \"\(name)\": every flow names its payer and payee")
    }
    guard columns.count == 1 else {
      return csv.joinedFields(columns, separator: CSVColumnMapping.partySeparatorByte) { builder.intern(bytes: $0) }
    }
    let column = columns[0]
    if listedOnly {
      let id = csv.string(column)
      guard builder.hasCompany(id) else {
        throw csv.error(.unknownCompany, field: column, name: name, "flow names company \"\(id)\", which the companion document's \"companies\" does not list")
      }
    }
    return csv.fieldValue(column) { builder.intern(bytes: $0) }
  }

  func amountField(_ csv: inout CSVReader, _ column: Int, _ name: String) throws(InputError) -> Amount? {
    let fast = csv.fieldValue(column) { field -> Amount?? in
      if field.isEmpty { return .some(nil) }
      return CSVEdgeListReader.plainDecimal(field).map { .some($0) }
    }
    if let fast { return fast }
    let text = csv.string(column)
    if text.allSatisfy({ $0 == " " }) { return nil }
    switch Amount.parse(text) {
    case .success(let amount): return amount
    case .failure(let failure): throw csv.error(.invalidValue, field: column, name: name, "\(name) \"\(text)\" \(failure)")
    }
  }

  private func dateField(_ csv: inout CSVReader, _ column: Int, _ name: String) throws(InputError) -> FlowDate? {
    let parsed = csv.fieldValue(column) { field -> FlowDate?? in
      field.isEmpty ? .some(nil) : CSVEdgeListReader.date(field).map { .some($0) }
    }
    if let parsed { return parsed }
    throw csv.error(.invalidValue, field: column, name: name, "\(name) \"\(csv.string(column))\" is not a date; expected \(FlowDate.expectedForms)")
  }

  /// The kind spelled by `field`, compared byte by byte.
  static func kind(_ field: UnsafeBufferPointer<UInt8>) -> FlowKind? {
    for (kind, name) in kindNames where name.count == field.count && name.elementsEqual(field) { return kind }
    return nil
  }

  private static let kindNames: [(FlowKind, [UInt8])] = FlowKind.allCases.map { ($0, Array($0.name.utf8)) }

  /// A plain decimal (`147.8`, `1000`) read without building a string; nil
  /// for anything that needs the general parser.
  @inline(__always)
  static func plainDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Amount? {
    let n = field.count
    guard n > 0, n <= 18 else { return nil }
    var significand: Int64 = 0
    var fraction = -1
    for i in 0 ..< n {
      let b = field[i]
      if b >= 0x30, b <= 0x39 {
        significand = significand &* 10 &+ Int64(b &- 0x30)
        if fraction >= 0 { fraction += 1 }
      } else if b == 0x2E, fraction < 0, i > 0, i < n - 1 {
        fraction = 0
      } else {
        return nil
      }
    }
    // A leading zero is canonical only as "0" or "0.xxx".
    if field[0] == 0x30, n > 1, field[1] != 0x2E { return nil }
    return Amount(significand: significand, exponent: Int8(max(fraction, 0) == 0 ? 0 : -fraction))
  }

  /// A date read from bytes: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a
  /// date-time (``FlowDate/parse(_:)``).
  @inline(__always)
  static func date(_ field: UnsafeBufferPointer<UInt8>) -> FlowDate? { FlowDate.parse(field) }
}
