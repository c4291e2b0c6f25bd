extension Amount {
  /// The amount as a JSON value: a number when written as a plain decimal or
  /// a valid JSON number, otherwise the string as written (`"38bn"`).
  public var jsonValue: JSONValue {
    guard let spelling else { return .rawNumber(plainDecimal) }
    return Amount.isJSONNumber(spelling) ? .rawNumber(spelling) : .string(spelling)
  }

  /// Whether `text` is a JSON number token.
  static func isJSONNumber(_ text: String) -> Bool {
    let b = Array(text.utf8)
    var i = 0
    func digits() -> Int {
      let start = i
      while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
      return i - start
    }
    if i < b.count, b[i] == 0x2D { i += 1 }
    let start = i
    let integer = digits()
    if integer == 0 || (integer > 1 && b[start] == 0x30) { return false }
    if i < b.count, b[i] == 0x2E {
      i += 1
      if digits() == 0 { return false }
    }
    if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
      i += 1
      if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
      if digits() == 0 { return false }
    }
    return i == b.count
  }
}

extension FlowGraph {
  /// Flow `flow` as a JSON object with the keys of the graph document, in a
  /// fixed order: id, from, to, kind, amount, currency, date, until, share,
  /// cap, status, source, note, attributes. Absent fields are omitted.
  ///
  /// - Complexity: O(size of the flow's fields).
  public func jsonObject(forFlow flow: Int) -> JSONValue {
    JSONObjectWriter.gather { writeJSONFields(ofFlow: flow, to: &$0) }
  }

  /// Appends the members of ``jsonObject(forFlow:)`` to `object`, straight
  /// from the graph's columns (no ``Flow`` value built).
  ///
  /// - Complexity: O(size of the flow's fields).
  public func writeJSONFields(ofFlow flow: Int, to object: inout JSONObjectWriter) {
    let extra = details[Int32(flow)]
    if let id = extra?.id { object.string("id", id) }
    object.string("from", companyIDs[Int(payerIndex[flow])])
    object.string("to", companyIDs[Int(payeeIndex[flow])])
    object.string("kind", kind(of: flow).name)
    if hasAmount(flow) {
      var amount = Amount(significand: amountSignificand[flow], exponent: amountExponent[flow])
      amount.spelling = extra?.amountSpelling
      object.amount("amount", amount)
    }
    let currency = currencyCodes[Int(currencyIndex[flow])]
    if !currency.isEmpty { object.string("currency", currency) }
    if let date = date(of: flow) { object.date("date", date) }
    if let extra {
      if let until = extra.until { object.date("until", until) }
      if let share = extra.share { object.amount("share", share) }
      if let cap = extra.cap { object.amount("cap", cap) }
      if let status = extra.status { object.string("status", status) }
      if let source = extra.source { object.string("source", source) }
      if let note = extra.note { object.string("note", note) }
    }
    // Attributes live in the column-wise table, or (listed in another
    // order) in the flow's details.
    if let extra, !extra.attributes.isEmpty {
      object.stringMembers("attributes", extra.attributes.lazy.map { ($0.key, $0.value) })
    } else if !attributeTable.names.isEmpty {
      let attributes = attributeTable.attributes(of: flow)
      if !attributes.isEmpty { object.stringMembers("attributes", attributes.lazy.map { ($0.key, $0.value) }) }
    }
  }
}
