import Testing
@testable import MoneyFlow

/// Columns of every storage (dictionary codes of 1 and 2 bytes, plain,
/// sparse and dense) read back every flow's attributes as written.
@Suite struct FlowAttributeColumnTests {
  /// A random column: how many distinct values it draws from, and how
  /// often a flow has it.
  struct Shape {
    var distinct: Int
    var share: Double
  }

  static func shape(_ random: inout TestRandom) -> Shape {
    let distinct = [1, 2, 5, 40, 254, 255, 256, 300, 5_000, 70_000].randomElement(using: &random) ?? 1
    return Shape(distinct: distinct, share: [1, 0.99, 0.6, 0.25, 0.1, 0.01].randomElement(using: &random) ?? 1)
  }

  static func value(_ index: Int, _ random: inout TestRandom) -> String {
    random.chance(0.05) ? "" : "v\(index)" + String(repeating: "é", count: index % 3)
  }

  @Test(arguments: 0 ..< 24)
  func everyFlowReadsBackItsAttributes(seed: UInt64) {
    var random = TestRandom(seed: seed &+ 31_000)
    let shapes = (0 ..< random.int(1 ... 6)).map { _ in Self.shape(&random) }
    let flowCount = random.int(0 ... 3_000)
    var builder = FlowGraphBuilder()
    let columns = shapes.indices.map { builder.attributeColumn(named: "c\($0)") }
    var written: [[Flow.Attribute]] = []
    for i in 0 ..< flowCount {
      builder.addFlow(Flow(from: "p\(i % 9)", to: "q\(i % 7)", kind: .loan))
      var attributes: [Flow.Attribute] = []
      for (c, shape) in shapes.enumerated() where random.chance(shape.share) {
        // High-cardinality columns mostly draw new values; low ones repeat.
        let value = Self.value(shape.distinct > 1_000 ? i : random.int(0 ... shape.distinct - 1), &random)
        var bytes = Array(value.utf8)
        bytes.withUnsafeMutableBufferPointer { builder.addAttribute(UnsafeBufferPointer($0), column: columns[c]) }
        attributes.append(Flow.Attribute(key: "c\(c)", value: value))
      }
      written.append(attributes)
    }
    let graph = builder.build()
    #expect(graph.details.isEmpty, "seed \(seed)")
    #expect((0 ..< graph.flowCount).map { graph.flow($0).attributes } == written, "seed \(seed)")
    for c in shapes.indices {
      var seen: [(Int, String)] = []
      graph.attributeTable.forEach(named: "c\(c)") { seen.append(($0, String(decoding: $1, as: UTF8.self))) }
      let expected = written.enumerated().compactMap { flow, list in list.first { $0.key == "c\(c)" }.map { (flow, $0.value) } }
      #expect(seen.map(\.0) == expected.map(\.0) && seen.map(\.1) == expected.map(\.1), "seed \(seed) column \(c)")
    }
    // Flows written with their attributes as strings (columns named in the
    // same order) give an equal graph.
    var again = FlowGraphBuilder()
    for c in shapes.indices { _ = again.attributeColumn(named: "c\(c)") }
    for (i, attributes) in written.enumerated() { again.addFlow(Flow(from: "p\(i % 9)", to: "q\(i % 7)", kind: .loan, attributes: attributes)) }
    #expect(again.build() == graph, "seed \(seed)")
  }

  @Test func removingTheLastFlowsValuesKeepsTheOthers() {
    var builder = FlowGraphBuilder()
    let column = builder.attributeColumn(named: "a")
    var written: [[Flow.Attribute]] = []
    for i in 0 ..< 600 {
      builder.addFlow(Flow(from: "p", to: "q\(i % 3)", kind: .loan))
      for value in i % 50 == 0 ? ["x\(i)", "again"] : ["x\(i)"] {
        var bytes = Array(value.utf8)
        bytes.withUnsafeMutableBufferPointer { builder.addAttribute(UnsafeBufferPointer($0), column: column) }
      }
      written.append((i % 50 == 0 ? ["x\(i)", "again"] : ["x\(i)"]).map { Flow.Attribute(key: "a", value: $0) })
    }
    let graph = builder.build()
    #expect(graph.details.count == 12)
    #expect((0 ..< graph.flowCount).map { graph.flow($0).attributes } == written)
  }

  @Test func aFullDictionaryTurnsPlainAndKeepsEveryValue() {
    var table = FlowAttributeTable()
    let column = table.column(named: "a")
    // Repeats first, so the dictionary is smaller until it fills at 65,535 values.
    let values = (0 ..< 90_000).map { $0 < 20_000 ? "r\($0 % 7)" : "\($0)" }
    for (flow, value) in values.enumerated() { table.append(value, flow: Int32(flow), column: column) }
    table.freeze(flowCount: values.count)
    var seen: [String] = []
    table.forEach(named: "a") { seen.append(String(decoding: $1, as: UTF8.self)) }
    #expect(seen == values && table.byteCount == values.reduce(0) { $0 + 4 + $1.utf8.count })
  }

  @Test func storageFollowsTheDistinctValues() {
    func table(_ values: [String?]) -> FlowAttributeTable {
      var table = FlowAttributeTable()
      let column = table.column(named: "a")
      for (flow, value) in values.enumerated() { if let value { table.append(value, flow: Int32(flow), column: column) } }
      table.freeze(flowCount: values.count)
      return table
    }
    // Dense, 3 values: a byte a flow plus the values and their ends.
    #expect(table((0 ..< 1_000).map { ["ab", "c", "d"][$0 % 3] }).byteCount == 1_000 + 4 + 3 * 4)
    // Half the flows, 2 values: a code for every flow (0 where absent).
    #expect(table((0 ..< 1_000).map { $0 % 2 == 0 ? "x" : nil }).byteCount == 1_000 + 1 + 4)
    // One flow in a hundred: flow index and code an entry.
    #expect(table((0 ..< 1_000).map { $0 % 100 == 0 ? "x" : nil }).byteCount == 10 * 5 + 1 + 4)
    // 300 distinct values repeated: 2-byte codes.
    #expect(table((0 ..< 3_000).map { "\($0 % 300 + 100)" }).byteCount == 3_000 * 2 + 300 * (3 + 4))
    // All distinct: plain bytes and 4-byte ends.
    #expect(table((0 ..< 3_000).map { "\($0 + 1_000)" }).byteCount == 3_000 * (4 + 4))
  }
}
