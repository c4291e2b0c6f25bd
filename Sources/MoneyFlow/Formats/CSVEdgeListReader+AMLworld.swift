extension CSVEdgeListReader {
  /// Reads the rows of an AMLworld file after its header (see ``AMLworldFormat``).
  ///
  /// - Complexity: O(*n*) in the size of the input.
  func readAMLworld(_ csv: inout CSVReader, into builder: inout FlowGraphBuilder) throws(InputError) {
    typealias F = AMLworldFormat
    let width = F.header.count
    var rates = F.RateCollector()
    // Currency names seen so far, with their index in the builder's table.
    var currencies: [(name: [UInt8], index: UInt16)] = []
    func currency(_ csv: inout CSVReader, _ column: Int, _ builder: inout FlowGraphBuilder) throws(InputError) -> UInt16 {
      if let known = csv.fieldValue(column, { field in currencies.first { $0.name.elementsEqual(field) }?.index }) { return known }
      let name = csv.string(column)
      guard let code = F.code(forName: name) else {
        throw csv.error(.invalidValue, field: column, name: F.header[column],
          "unknown currency \"\(name)\"; expected one of \(F.currencyCodes.map(\.name).joined(separator: ", ")) or a 3-letter code")
      }
      let index = builder.internCurrency(code)
      currencies.append((Array(name.utf8), index))
      return index
    }
    let formatColumn = builder.attributeColumn(named: F.header[F.paymentFormat])
    let launderingColumn = builder.attributeColumn(named: F.header[F.isLaundering])
    let receivedColumn = builder.attributeColumn(named: F.header[F.amountReceived])
    let receivingColumn = builder.attributeColumn(named: F.header[F.receivingCurrency])
    let receivedKey = F.header[F.amountReceived]
    var lastStamp: [UInt8] = [0]  // no timestamp is a NUL byte
    var lastDate: FlowDate?
    while try csv.nextRecord() {
      guard csv.fields.count == width else {
        throw csv.error(.columnCount, at: csv.recordStart, "expected \(width) fields as in the AMLworld header, found \(csv.fields.count)")
      }
      let payer = try company(&csv, [F.fromBank, F.fromAccount], "from", &builder, false)
      let payee = try company(&csv, [F.toBank, F.toAccount], "to", &builder, false)
      let paid = try amountField(&csv, F.amountPaid, F.header[F.amountPaid])
      let paidCurrency = try currency(&csv, F.paymentCurrency, &builder)
      // Rows come in time order, many in the same minute: parse each timestamp once.
      if !csv.fieldValue(F.timestamp, { lastStamp.elementsEqual($0) }) {
        lastDate = csv.fieldValue(F.timestamp, F.date)
        lastStamp = csv.fieldValue(F.timestamp) { Array($0) }
      }
      guard let date = lastDate else {
        throw csv.error(.invalidValue, field: F.timestamp, name: "Timestamp", "Timestamp \"\(csv.string(F.timestamp))\" is not a date; expected YYYY/MM/DD HH:MM naming a real day and time")
      }
      let sameCurrency = csv.fieldValue(F.receivingCurrency) { r in csv.fieldValue(F.paymentCurrency) { r.elementsEqual($0) } }
      let sameAmount = csv.fieldValue(F.amountReceived) { r in csv.fieldValue(F.amountPaid) { r.elementsEqual($0) } }
      if !(sameCurrency && sameAmount) {
        let received = try amountField(&csv, F.amountReceived, receivedKey)
        let receivedCurrency = try currency(&csv, F.receivingCurrency, &builder)
        if !sameCurrency, let paid, let received {
          rates.note(from: paidCurrency, paid: paid.doubleValue, to: receivedCurrency, received: received.doubleValue)
        }
      }
      builder.addFlow(payer: payer, payee: payee, kind: CSVColumnMapping.defaultKind, amount: paid, currency: paidCurrency, date: date)
      if !csv.isEmpty(F.paymentFormat) { csv.fieldValue(F.paymentFormat) { builder.addAttribute($0, column: formatColumn) } }
      if !csv.isEmpty(F.isLaundering), !csv.fieldValue(F.isLaundering, { $0.count == 1 && $0[0] == 0x30 }) {
        csv.fieldValue(F.isLaundering) { builder.addAttribute($0, column: launderingColumn) }
      }
      if !(sameCurrency && sameAmount) {
        csv.fieldValue(F.amountReceived) { builder.addAttribute($0, column: receivedColumn) }
        csv.fieldValue(F.receivingCurrency) { builder.addAttribute($0, column: receivingColumn) }
      }
    }
    if currencies.count > 1 {
      builder.currency = F.baseCurrency
      var codes = [String](repeating: "", count: Int(currencies.map(\.index).max() ?? 0) + 1)
      for entry in currencies { codes[Int(entry.index)] = F.code(forName: String(decoding: entry.name, as: UTF8.self)) ?? "" }
      builder.rates = rates.rates(codes: codes)
    }
  }
}
