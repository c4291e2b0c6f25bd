/// AMLSim's `transactions.csv` (IBM/AMLSim, Suzumura and Kanezashi 2018),
/// recognised by its header `sourceNodeId,targetNodeId,value,time`.
///
/// How a row becomes a flow: payer `sourceNodeId`, payee `targetNodeId`
/// (ids as written), amount `value` in ``currency``, kind
/// ``CSVColumnMapping/defaultKind``, and the date of simulation step `time`:
/// step 1 is ``epoch`` (2024-01-01) and each step one day later, so a window
/// of *w* steps is a window of *w* days.
///
/// Labels: when `nodes.csv` (`nodeid,isFraud,...`) lies beside the file, a
/// flow between two accounts that both have `isFraud = 1` gets the
/// attribute `isFraud: 1` (AMLSim labels accounts, not transfers; its
/// planted patterns move money between fraud accounts).
public enum AMLSimFormat {
  /// The header that identifies the format.
  public static let header = ["sourceNodeId", "targetNodeId", "value", "time"]
  /// The day of step 1.
  public static let epoch = FlowDate(day: 19723, precision: .day)  // 2024-01-01
  /// The currency of every amount.
  public static let currency = "USD"
  /// The flow attribute that marks a transfer between two fraud accounts.
  public static let labelKey = "isFraud"

  /// The `nodes.csv` beside `path`.
  static func nodesPath(besides path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "nodes.csv" }
    return String(path[...slash]) + "nodes.csv"
  }

  /// The ids of the accounts `nodes.csv` marks `isFraud = 1`.
  ///
  /// - Throws: ``InputError`` for a header without `nodeid` and `isFraud`, or a short row.
  /// - Complexity: O(*n*) in the size of the file.
  static func fraudAccounts(_ path: String) throws(InputError) -> Set<String> {
    var csv = CSVReader(bytes: try FileIO.read(path), file: path)
    guard try csv.nextRecord() else { return [] }
    let names = csv.fields.indices.map { csv.string($0) }
    guard let id = names.firstIndex(of: "nodeid"), let label = names.firstIndex(of: "isFraud") else {
      throw csv.error(.missingField, at: csv.recordStart, "expected an AMLSim nodes.csv header with nodeid and isFraud")
    }
    var fraud = Set<String>()
    while try csv.nextRecord() {
      guard csv.fields.count == names.count else {
        throw csv.error(.columnCount, at: csv.recordStart, "expected \(names.count) fields as in the header, found \(csv.fields.count)")
      }
      if csv.string(label) == "1" { fraud.insert(csv.string(id)) }
    }
    return fraud
  }
}

extension CSVEdgeListReader {
  /// Reads the rows of an AMLSim `transactions.csv` after its header (see ``AMLSimFormat``).
  ///
  /// - Complexity: O(*n*) in the size of the input and of `nodes.csv`.
  func readAMLSim(_ csv: inout CSVReader, into builder: inout FlowGraphBuilder) throws(InputError) {
    let nodes = path.map(AMLSimFormat.nodesPath(besides:))
    let fraud = try nodes.map { p throws(InputError) in FileIO.exists(p) ? try AMLSimFormat.fraudAccounts(p) : [] } ?? []
    let currency = builder.internCurrency(AMLSimFormat.currency)
    builder.currency = builder.currency ?? AMLSimFormat.currency
    let labelColumn = builder.attributeColumn(named: AMLSimFormat.labelKey)
    let one: [UInt8] = [0x31]
    while try csv.nextRecord() {
      guard csv.fields.count == 4 else {
        throw csv.error(.columnCount, at: csv.recordStart, "expected 4 fields as in the AMLSim header, found \(csv.fields.count)")
      }
      let payer = try company(&csv, [0], "sourceNodeId", &builder, false)
      let payee = try company(&csv, [1], "targetNodeId", &builder, false)
      let amount = try amountField(&csv, 2, "value")
      guard let step = csv.fieldValue(3, { CSVEdgeListReader.plainDecimal($0) }), step.exponent == 0, step.significand >= 1, step.significand < 1 << 24 else {
        throw csv.error(.invalidValue, field: 3, name: "time", "time \"\(csv.string(3))\" is not a simulation step (a whole number from 1)")
      }
      let date = FlowDate(day: AMLSimFormat.epoch.day + Int32(step.significand) - 1, precision: .day)
      builder.addFlow(payer: payer, payee: payee, kind: CSVColumnMapping.defaultKind, amount: amount, currency: currency, date: date)
      if !fraud.isEmpty, fraud.contains(csv.string(0)), fraud.contains(csv.string(1)) {
        one.withUnsafeBufferPointer { builder.addAttribute($0, column: labelColumn) }
      }
    }
  }
}
