import Testing

@testable import MoneyFlow

/// The streaming writer writes the same bytes as ``JSONValue/rendered(pretty:)``.
@Suite struct JSONStreamWriterTests {
  static func sample(_ n: Int) -> [JSONValue] {
    (0 ..< n).map { i in .object([("index", .int(i)), ("ids", .array([.string("a\(i)"), .string("b\"\\")])), ("x", .number(Double(i) / 3))]) }
  }

  @Test(arguments: [0, 1, 2, 50])
  func documentMatchesRenderedValue(count: Int) throws {
    let elements = Self.sample(count)
    let whole = JSONValue.object([("count", .int(count)), ("items", .array(elements)), ("tail", .array([.int(1), .int(2)]))])
    var bytes: [UInt8] = []
    var chunks = 0
    let writer = JSONStreamWriter(chunkSize: 16) { bytes += $0; chunks += 1 }
    try writer.writeDocument([
      ("count", .value(.int(count))),
      ("items", .array(elements.lazy)),
      ("tail", .value(.array([.int(1), .int(2)]))),
    ])
    try writer.flush()
    #expect(String(decoding: bytes, as: UTF8.self) == whole.rendered() + "\n")
    #expect(writer.bytesWritten == bytes.count && chunks > 1)
  }

  @Test func linesAreCompactValues() throws {
    var bytes: [UInt8] = []
    let writer = JSONStreamWriter { bytes += $0 }
    for element in Self.sample(3) { try writer.writeLine(element) }
    try writer.flush()
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(lines == Self.sample(3).map { $0.rendered(pretty: false) })
  }
}
