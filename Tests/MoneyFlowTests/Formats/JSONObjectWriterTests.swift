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
    if !value.attributes.isEmpty {
      members.append(("attributes", .object(value.attributes.map { ($0.key, .string($0.value)) })))
    }
    return .object(members)
  }

  /// `graph`'s flows again, some with free attributes whose keys and values are awkward strings.
  static func withAttributes(_ graph: FlowGraph, seed: UInt64) -> FlowGraph {
    var random = TestRandom(seed: seed)
    var builder = FlowGraphBuilder()
    let strings = RandomDocuments.awkwardStrings
    for flow in 0 ..< graph.flowCount {
      var value = graph.flow(flow)
      value.attributes = (0 ..< random.int(0 ... 3)).map { _ in
        .init(key: strings[random.int(0 ... strings.count - 1)], value: strings[random.int(0 ... strings.count - 1)])
      }
      builder.addCompany(Company(id: value.from))
      builder.addCompany(Company(id: value.to))
      builder.addFlow(value)
    }
    return builder.build()
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
    let graph =
      switch seed % 4 {
      case 0: RandomDocuments.graph(seed: UInt64(seed))
      case 1: RandomFlowGraphs.make(seed: UInt64(seed))
      case 2: RandomFlowGraphs.make(seed: UInt64(seed), timed: true)
      default: Self.withAttributes(RandomDocuments.graph(seed: UInt64(seed)), seed: UInt64(seed))
      }
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
}
