import Testing
@testable import MoneyFlow

/// Reading a file in chunks gives exactly what reading it whole gives, for
/// records, quoted line breaks, CRLF and multi-byte characters that cross
/// chunk boundaries, and the same located errors.
@Suite struct CSVChunkingTests {
  func writeTemporary(_ text: String, name: String) throws -> String {
    let path = "/tmp/moneyflow-chunk-\(name)-\(text.utf8.count).csv"
    try FileIO.writeAtomically(Array(text.utf8), to: path)
    return path
  }

  func read(path: String, chunk: Int) -> Result<FlowGraph, InputError> {
    var reader = CSVEdgeListReader(path: path)
    reader.chunkSize = chunk
    return Result { () throws(InputError) in try reader.read() }
  }

  func read(text: String) -> Result<FlowGraph, InputError> {
    Result { () throws(InputError) in try CSVEdgeListReader(bytes: Array(text.utf8), file: "x.csv").read() }
  }

  @Test(arguments: 0 ..< 40)
  func chunkedEqualsWhole(seed: UInt64) throws {
    let graph = RandomDocuments.graph(seed: seed)
    var text = CSVEdgeListWriter.text(graph)
    if seed % 2 == 0 { text = text.replacingAll("\n", with: "\r\n") }
    if seed % 3 == 0 { text = "\u{FEFF}" + text + "\n\n" }
    let path = try writeTemporary(text, name: "ok-\(seed)")
    let whole = try read(text: text).get()
    for chunk in [1, 2, 3, 5, 7, 16, 64, 1 << 20] {
      let chunked = try read(path: path, chunk: chunk).get()
      #expect(chunked == whole, "chunk \(chunk), seed \(seed)")
    }
    FileIO.remove(path)
  }

  @Test(arguments: [
    "from,to,kind,amount,currency,date\na,b,loan,1,USD,2025\n\"x\ny\",b,loan,\"12,50\",USD,2025\n",
    "from,to,kind,amount,currency,date\r\na,b,loan,1,USD,2025\r\nマイクロソフト,b,loan,1,USD,2025-02-30\r\n",
    "from,to,kind,amount,currency,date\na,b,loan,1,USD,2025\na,\"b,loan,1,USD,2025\n",
    "from,to,kind,amount,currency,date\na,b,loan,1,USD\n",
    "from,to,kind,amount,currency,date\n\n\na,b,bribe,1,USD,2025\n",
  ])
  func chunkedErrorsEqualWhole(text: String) throws {
    let path = try writeTemporary(text, name: "bad")
    guard case .failure(let expected) = read(text: text) else {
      Issue.record("expected an error")
      return
    }
    for chunk in [1, 2, 3, 4, 7, 13, 1 << 20] {
      guard case .failure(var error) = read(path: path, chunk: chunk) else {
        Issue.record("chunk \(chunk): expected an error")
        continue
      }
      error.file = expected.file
      #expect(error == expected, "chunk \(chunk)")
    }
    FileIO.remove(path)
  }

  @Test func invalidUTF8AcrossChunks() throws {
    var bytes = Array("from,to,kind,amount,currency,date\nマa,b,loan,1,USD,2025\n".utf8)
    let cut = bytes.firstIndex(of: 0xE3) ?? 0
    bytes[cut + 1] = 0x41  // break the multi-byte sequence
    let path = "/tmp/moneyflow-chunk-utf8.csv"
    try FileIO.writeAtomically(bytes, to: path)
    for chunk in [1, 2, 3, 35, 36, 37, 1 << 20] {
      guard case .failure(let error) = read(path: path, chunk: chunk) else {
        Issue.record("chunk \(chunk): expected an error")
        continue
      }
      #expect(error.code == .encoding && error.line == 2 && error.column == 1, "chunk \(chunk): \(error)")
    }
    FileIO.remove(path)
  }
}
