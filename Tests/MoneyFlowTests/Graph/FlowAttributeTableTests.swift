import Testing
@testable import MoneyFlow

/// Flow attributes stored column-wise read back exactly as written.
@Suite struct FlowAttributeTableTests {
  static let names = ["Payment Format", "Is Laundering", "a", "b", "é", ""]
  static let values = ["Wire", "1", "", "Reinvestment", "x,y", "ü\n"]

  /// Random attribute lists: usually in one order, sometimes shuffled or with a repeated name.
  static func attributes(_ random: inout TestRandom) -> [Flow.Attribute] {
    var chosen = names.filter { _ in random.chance(0.5) }
    if random.chance(0.15) { chosen.shuffle(using: &random) }
    if random.chance(0.08), let first = chosen.first { chosen.append(first) }
    return chosen.map { Flow.Attribute(key: $0, value: random.pick(values)) }
  }

  @Test(arguments: 0 ..< 200)
  func flowsReadBackTheirAttributes(seed: UInt64) {
    var random = TestRandom(seed: seed &+ 17_000)
    var builder = FlowGraphBuilder()
    var written: [[Flow.Attribute]] = []
    for i in 0 ..< random.int(0 ... 30) {
      let attributes = Self.attributes(&random)
      written.append(attributes)
      builder.addFlow(Flow(from: "p\(i % 4)", to: "q\(i % 3)", kind: .loan, attributes: attributes))
    }
    let graph = builder.build()
    #expect((0 ..< graph.flowCount).map { graph.flow($0).attributes } == written, "seed \(seed)")
    #expect(FlowLabels(graph: graph).count == written.filter { $0.contains { $0.key == "Is Laundering" && $0.value != "0" } }.count)
  }

  @Test(arguments: 0 ..< 100)
  func bytesAddedOutOfOrderAreKeptInTheDetails(seed: UInt64) {
    var random = TestRandom(seed: seed &+ 18_000)
    var builder = FlowGraphBuilder()
    let columns = Self.names.map { builder.attributeColumn(named: $0) }
    var written: [[Flow.Attribute]] = []
    for i in 0 ..< random.int(1 ... 25) {
      builder.addFlow(Flow(from: "p\(i % 5)", to: "q", kind: .loan))
      var attributes: [Flow.Attribute] = []
      for _ in 0 ..< random.int(0 ... 4) {
        let c = random.int(0 ... Self.names.count - 1)
        let value = random.pick(Self.values)
        var bytes = Array(value.utf8)
        bytes.withUnsafeMutableBufferPointer { builder.addAttribute(UnsafeBufferPointer($0), column: columns[c]) }
        attributes.append(Flow.Attribute(key: Self.names[c], value: value))
      }
      written.append(attributes)
    }
    let graph = builder.build()
    #expect((0 ..< graph.flowCount).map { graph.flow($0).attributes } == written, "seed \(seed)")
  }

  @Test func aFewDistinctValuesCostAByteAFlow() throws {
    var csv = "from,to,kind,amount,currency,date,Channel,Rare\n"
    for i in 0 ..< 1000 { csv += "a\(i % 7),b\(i % 5),loan,1,USD,2025,wire,\(i % 100 == 0 ? "r" : "")\n" }
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "f.csv").read()
    // Channel: a 1-byte code a flow and "wire" with its end; Rare: 10 entries of flow and code, and "r" with its end.
    #expect(graph.attributeTable.byteCount == 1000 + (4 + 4) + 10 * 5 + (1 + 4))
    #expect(graph.details.isEmpty && graph.flow(100).attributes == [.init(key: "Channel", value: "wire"), .init(key: "Rare", value: "r")])
    #expect(CSVEdgeListWriter.text(graph).hasPrefix("from,to,kind,amount,currency,date,Channel,Rare\na0,b0,loan,1,USD,2025,wire,r\na1,b1,loan,1,USD,2025,wire,\n"))
  }

  @Test func anAttributeColumnNoRowFillsIsNotWritten() throws {
    let graph = try CSVEdgeListReader(bytes: Array("from,to,kind,amount,currency,date,Empty\na,b,loan,1,USD,2025,\n".utf8), file: "f.csv").read()
    #expect(graph.attributeTable.names.isEmpty && CSVEdgeListWriter.text(graph) == "from,to,kind,amount,currency,date\na,b,loan,1,USD,2025\n")
  }
}

@Suite struct FlowGraphStorageTests {
  @Test func storageCountsTheArraysAndTheAttributeBytes() throws {
    var csv = "from,to,kind,amount,currency,date,Channel\n"
    for i in 0 ..< 100 { csv += "a\(i % 7),b\(i % 5),loan,1,USD,2025,wire\n" }
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "f.csv").read()
    let plain = try CSVEdgeListReader(bytes: Array(csv.replacingOccurrences(of: ",Channel", with: "").replacingOccurrences(of: ",wire", with: "").utf8), file: "p.csv").read()
    // 4 + 4 + 1 + 8 + 1 + 2 + 4 + 1 bytes of fields and 8 of adjacency a flow.
    #expect(plain.storageByteCount == 100 * 33 + 12 * (16 + 4 + 8) + 2 * 4)  // 12 companies
    #expect(graph.storageByteCount == plain.storageByteCount + 100 + 4 + 4)
  }
}
