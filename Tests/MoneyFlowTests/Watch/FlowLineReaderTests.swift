import Testing
@testable import MoneyFlow

/// `FlowLineReader`: JSON Lines beside CSV, `--columns`, and nothing lost before a bad line.
@Suite struct FlowLineReaderTests {
  /// Feeds `bytes` in uneven chunks; returns the flows read, in order, as (from, to, day, id).
  static func read(_ bytes: [UInt8], file: String, mapping: CSVColumnMapping? = nil, seed: UInt64) throws -> [String] {
    var reader = FlowLineReader(file: file, mapping: mapping)
    var random = TestRandom(seed: seed)
    var flows: [String] = []
    func take(_ batch: (flows: FlowGraph, firstRow: Int)?) {
      guard let (graph, row) = batch else { return }
      #expect(row == flows.count + 1)
      for f in 0 ..< graph.flowCount {
        flows.append("\(graph.id(of: graph.payer(of: f)))>\(graph.id(of: graph.payee(of: f))) \(graph.date(of: f)?.description ?? "-") \(graph.amount(of: f)?.description ?? "-") \(graph.details(of: f).id ?? "")")
      }
    }
    var offset = 0
    while offset < bytes.count {
      let end = min(bytes.count, offset + random.int(1 ... 60))
      take(try bytes[offset ..< end].withUnsafeBytes { try reader.add($0) })
      offset = end
    }
    take(try reader.finish())
    return flows
  }

  @Test(arguments: 0 ..< 60 as Range<UInt64>)
  func jsonLinesReadTheSameFlowsAsCSV(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed, maxCompanies: 6, maxFlows: 20)
    let csv = Array(CSVEdgeListWriter.text(graph).utf8)
    let lines = (0 ..< graph.flowCount).map { graph.jsonObject(forFlow: $0).rendered(pretty: false) + (seed % 2 == 0 ? "\n" : "\r\n") }
    let jsonl = Array(lines.joined().utf8)
    let fromCSV = try Self.read(csv, file: "s.csv", seed: seed)
    #expect(fromCSV.count == graph.flowCount)
    // Named .jsonl, or told by its first byte.
    #expect(try Self.read(jsonl, file: "s.jsonl", seed: seed) == fromCSV, "seed \(seed)")
    #expect(try Self.read(jsonl, file: "<stdin>", seed: seed ^ 1) == fromCSV, "seed \(seed)")
  }

  @Test func columnsMapAForeignHeader() throws {
    let text = "Payer,Payee,Value,When\na,b,3,2024-01-01\nb,a,4,2024-01-02\n"
    let mapping = try CSVColumnMapping(parsing: "from=Payer,to=Payee,amount=Value,date=When")
    #expect(try Self.read(Array(text.utf8), file: "f.csv", mapping: mapping, seed: 3) == ["a>b 2024-01-01 3 ", "b>a 2024-01-02 4 "])
  }

  @Test(arguments: ["s.csv", "s.jsonl"])
  func flowsBeforeABadLineAreReturnedFirst(file: String) throws {
    let text = file.hasSuffix(".csv")
      ? "from,to,kind,amount,currency,date\na,b,loan,1,USD,2024\nb,a,loan,1,USD,2024\nb,a,loan,x,USD,2024\n"
      : "{\"from\":\"a\",\"to\":\"b\",\"kind\":\"loan\"}\n\n{\"from\":\"b\",\"to\":\"a\",\"kind\":\"loan\"}\n{\"from\":\"b\",\"to\":\"a\",\"kind\":\"lone\"}\n"
    var reader = FlowLineReader(file: file)
    let batch = try Array(text.utf8).withUnsafeBytes { try reader.add($0) }
    #expect(batch?.flows.flowCount == 2)
    #expect(reader.lastLines == (file.hasSuffix(".csv") ? [2, 3] : [1, 3]))
    let error = #expect(throws: InputError.self) { try reader.rethrow() }
    #expect(error?.line == 4)
    #expect(error?.file == file)
  }

  /// A quoted field holding newlines, a CRLF line end and a blank line, fed
  /// in uneven chunks: the records and the bad record's line are those of the stream.
  @Test(arguments: 0 ..< 8 as Range<UInt64>)
  func quotedNewlinesKeepTheLineNumbers(seed: UInt64) throws {
    let text = "from,to,kind,amount,currency,date,note\r\na,b,loan,1,USD,2024,\"two\nli\"\"nes\"\r\n\nb,a,loan,2,USD,2024,\"x\n\ny\"\nb,a,loan,z,USD,2024,\n"
    var flows: [String] = []
    let error = #expect(throws: InputError.self) {
      flows = []
      var reader = FlowLineReader(file: "q.csv")
      var random = TestRandom(seed: seed)
      let bytes = Array(text.utf8)
      var offset = 0
      while offset < bytes.count {
        let end = min(bytes.count, offset + random.int(1 ... 9))
        if let (graph, _) = try bytes[offset ..< end].withUnsafeBytes({ try reader.add($0) }) {
          for f in 0 ..< graph.flowCount { flows.append("\(graph.id(of: graph.payer(of: f)))>\(graph.id(of: graph.payee(of: f))) \(graph.details(of: f).note ?? "")") }
          #expect(reader.lastLines.count == graph.flowCount)
        }
        try reader.rethrow()
        offset = end
      }
      _ = try reader.finish()
    }
    #expect(flows == ["a>b two\nli\"nes", "b>a x\n\ny"])
    #expect(error?.line == 8)
  }
}
