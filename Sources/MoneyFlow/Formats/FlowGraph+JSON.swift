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
  public func jsonObject(forFlow flow: Int) -> JSONValue {
    let value = self.flow(flow)
    var members: [(String, JSONValue)] = []
    if let id = value.id { members.append(("id", .string(id))) }
    members.append(("from", .string(value.from)))
    members.append(("to", .string(value.to)))
    members.append(("kind", .string(value.kind.name)))
    if let amount = value.amount { members.append(("amount", amount.jsonValue)) }
    if !value.currency.isEmpty { members.append(("currency", .string(value.currency))) }
    if let date = value.date { members.append(("date", .string(date.description))) }
    if let until = value.until { members.append(("until", .string(until.description))) }
    if let share = value.share { members.append(("share", share.jsonValue)) }
    if let cap = value.cap { members.append(("cap", cap.jsonValue)) }
    if let status = value.status { members.append(("status", .string(status))) }
    if let source = value.source { members.append(("source", .string(source))) }
    if let note = value.note { members.append(("note", .string(note))) }
    if !value.attributes.isEmpty {
      members.append(("attributes", .object(value.attributes.map { ($0.key, .string($0.value)) })))
    }
    return .object(members)
  }
}
