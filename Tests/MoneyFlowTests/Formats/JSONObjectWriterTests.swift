import Testing

@testable import MoneyFlow

/// The direct record writer (``JSONObjectWriter``) against the `JSONValue`
/// path it replaces: each flow's object equals the one built from its
/// ``Flow`` value as before, and the bytes written straight into the buffer
/// equal the rendered value, pretty and compact, at any indentation.
@Suite struct JSONObjectWriterTests {
  /// A flow's object built from ``FlowGraph/flow(_:)`` as `jsonObject(forFlow:)` built it before.
  static func reference(_ graph: FlowGraph, _ flow: Int) -> JSONValue {
    let value = graph.flow(flow)
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
    return .object(members)
  }

  static func bytes(pretty: Bool, indent: Int, _ body: (inout JSONObjectWriter) -> Void) -> String {
    var out = ByteBuffer()
    JSONObjectWriter.write(to: &out, pretty: pretty, indent: indent, body)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  static func reference(_ value: JSONValue, pretty: Bool, indent: Int) -> String {
    var text = ""
    ReferenceJSON.write(value, to: &text, pretty: pretty, indent: indent)
    return text
  }

  @Test(arguments: 0 ..< 200)
  func flowObjectsMatchTheValuePath(seed: Int) {
    let graph = seed % 2 == 0 ? RandomDocuments.graph(seed: UInt64(seed)) : RandomFlowGraphs.make(seed: UInt64(seed))
    for flow in 0 ..< graph.flowCount {
      let expected = Self.reference(graph, flow)
      #expect(graph.jsonObject(forFlow: flow) == expected, "seed \(seed), flow \(flow)")
      for (pretty, indent) in [(true, 0), (true, 4), (false, 0)] {
        let written = Self.bytes(pretty: pretty, indent: indent) { graph.writeJSONFields(ofFlow: flow, to: &$0) }
        #expect(written == Self.reference(expected, pretty: pretty, indent: indent), "seed \(seed), flow \(flow)")
      }
    }
  }

  /// Every member kind, nested arrays of objects and empty ones, against the gathered value.
  @Test(arguments: 0 ..< 100)
  func membersMatchTheGatheredValue(seed: Int) {
    let strings = RandomDocuments.awkwardStrings
    let numbers: [Double?] = [0, -3, 1.5, 1e20, 13e9, .nan, nil, 0.1 + 0.2]
    let body: (inout JSONObjectWriter) -> Void = { object in
      var random = TestRandom(seed: UInt64(seed))
      for _ in 0 ..< random.int(0 ... 6) {
        switch random.int(0 ... 7) {
        case 0: object.string("s", strings[random.int(0 ... strings.count - 1)])
        case 1: object.int("i", random.int(-1_000_000 ... 1_000_000))
        case 2: object.number("n", numbers[random.int(0 ... numbers.count - 1)])
        case 3: object.strings("ss", strings.prefix(random.int(0 ... 3)))
        case 4: object.ints("is", (0 ..< random.int(0 ... 3)).map { $0 * 7 })
        case 5:
          object.amount("a", Amount(significand: Int64(random.int(0 ... 99_999)), exponent: Int8(random.int(-12 ... 6))))
        case 6: object.string("o", orNull: random.chance(0.5) ? nil : "x")
        default:
          object.objects("objs", 0 ..< random.int(0 ... 2)) { i, inner in
            if i > 0 { inner.int("k", i) }
            inner.objects("deep", 0 ..< i) { j, deepest in deepest.int("j", j) }
          }
        }
      }
    }
    let value = JSONObjectWriter.gather(body)
    for (pretty, indent) in [(true, 0), (true, 4), (false, 0)] {
      #expect(Self.bytes(pretty: pretty, indent: indent, body) == Self.reference(value, pretty: pretty, indent: indent))
    }
  }

  @Test(arguments: 0 ..< 50)
  func plainDecimalsAndDatesMatchTheirText(seed: Int) {
    var random = TestRandom(seed: UInt64(seed))
    for _ in 0 ..< 50 {
      let divisor = Int64(random.int(1 ... 1_000_000))
      let significand = Int64.random(in: 0 ... Int64.max / divisor, using: &random)
      let amount = Amount(significand: significand, exponent: Int8(random.int(-25 ... 8)))
      var out = ByteBuffer()
      out.appendPlainDecimal(significand: amount.significand, exponent: amount.exponent)
      #expect(String(decoding: out.bytes, as: UTF8.self) == amount.plainDecimal)
      let precision = FlowDate.Precision(rawValue: UInt8(random.int(1 ... 3))) ?? .day
      if let date = FlowDate(year: random.int(1 ... 9999), month: random.int(1 ... 12), day: random.int(1 ... 28), precision: precision) {
        var dateOut = ByteBuffer()
        dateOut.appendDate(date)
        #expect(String(decoding: dateOut.bytes, as: UTF8.self) == date.description)
      }
    }
  }
}
