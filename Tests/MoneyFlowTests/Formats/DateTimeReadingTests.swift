import Testing
@testable import MoneyFlow

/// Every reader takes the date-time forms, keeps them as written, and names
/// `file:line:column` for a time that does not exist.
@Suite struct DateTimeReadingTests {
  static let good = [
    "2024-03-01T09:30", "2024-03-01T09:30:15", "2024-03-01T09:30:15.250", "2024-03-01T09:30:15Z",
    "2024-03-01T09:30:15.123456789+05:30", "2024-03-01T09:30-04:00", "2024-03-01T09:30-00:00", "2024-03-01 09:30",
    "2024-03-01 09:30:15", "2024/03/01 09:30", "2024/03/01 09:30:15", "2024", "2024-03", "2024-03-01",
  ]
  static let bad = ["2024-03-01T25:00", "2024-02-30T10:00", "2024-03-01T10:00+25:00", "2024-03-01T10:60", "2024/03/01 10:00Z"]

  func json(_ date: String) -> String {
    """
    {"format": "moneyflow/1", "companies": [{"id": "a"}, {"id": "b"}],
     "flows": [{"from": "a", "to": "b", "kind": "loan", "date": "\(date)"}]}
    """
  }

  func csv(_ date: String) -> String { "from,to,kind,amount,currency,date\na,b,loan,1,USD,\(date)\n" }

  func graphML(_ date: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="e.kind" for="edge" attr.name="kind" attr.type="string"/>
      <key id="e.date" for="edge" attr.name="date" attr.type="string"/>
      <graph edgedefault="directed">
        <node id="a"/>
        <node id="b"/>
        <edge source="a" target="b">
          <data key="e.kind">loan</data>
          <data key="e.date">\(date)</data>
        </edge>
      </graph>
    </graphml>
    """
  }

  func readAll(_ date: String) throws -> [FlowDate?] {
    let fromJSON = try JSONDocumentReader(bytes: Array(json(date).utf8), file: "t.json").read()
    let fromCSV = try CSVEdgeListReader(bytes: Array(csv(date).utf8), file: "t.csv").read()
    let mapped = try CSVEdgeListReader(
      bytes: Array("Payer,Payee,When\na,b,\(date)\n".utf8), file: "m.csv",
      mapping: try CSVColumnMapping(parsing: "from=Payer,to=Payee,date=When")
    ).read()
    var graphML = GraphMLReader(bytes: Array(graphML(date).utf8), file: "t.graphml")
    let fromGraphML = try graphML.read()
    let ftm = "{\"id\": \"p\", \"schema\": \"Payment\", \"properties\": {\"payer\": [\"a\"], \"beneficiary\": [\"b\"], \"date\": [\"\(date)\"]}}"
    var ftmReader = FtMReader(bytes: Array(ftm.utf8), file: "t.ftm.jsonl")
    let fromFtM = try ftmReader.read()
    return [fromJSON, fromCSV, mapped, fromGraphML, fromFtM].map { $0.date(of: 0) }
  }

  @Test(arguments: good)
  func everyReaderKeepsTheTextAndTheInstant(date: String) throws {
    let expected = try #require(FlowDate(parsing: date))
    for (reader, read) in zip(["json", "csv", "csv --columns", "graphml", "ftm"], try readAll(date)) {
      #expect(read?.description == date, "\(reader)")
      #expect(read?.seconds == expected.seconds, "\(reader)")
    }
    // Written back exactly by every writer.
    let graph = try JSONDocumentReader(bytes: Array(json(date).utf8), file: "t.json").read()
    #expect(JSONDocumentWriter.text(graph).contains("\"date\": \"\(date)\""))
    #expect(CSVEdgeListWriter.text(graph).contains(",\(date)\n"))
    #expect(GraphMLWriter.text(graph).contains(">\(date)</data>"))
  }

  @Test(arguments: bad)
  func badTimesNameFileLineAndColumn(date: String) throws {
    func failure(_ body: () throws -> Void) -> InputError? {
      do { try body() } catch let error as InputError { return error } catch { return nil }
      return nil
    }
    let fromJSON = try #require(failure { _ = try JSONDocumentReader(bytes: Array(json(date).utf8), file: "t.json").read() })
    #expect(fromJSON.file == "t.json" && fromJSON.line == 2 && fromJSON.column == 61, "\(fromJSON)")
    #expect(fromJSON.message.contains("\"\(date)\" is not a date") && fromJSON.message.contains("YYYY-MM-DDTHH:MM"))
    let fromCSV = try #require(failure { _ = try CSVEdgeListReader(bytes: Array(csv(date).utf8), file: "t.csv").read() })
    #expect(fromCSV.file == "t.csv" && fromCSV.line == 2 && fromCSV.column == 16)
    #expect(fromCSV.description.hasPrefix("t.csv:2:16: error: date \"\(date)\" is not a date"))
    let mapped = try #require(failure {
      _ = try CSVEdgeListReader(
        bytes: Array("Payer,Payee,When\na,b,\(date)\n".utf8), file: "m.csv",
        mapping: try CSVColumnMapping(parsing: "from=Payer,to=Payee,date=When")
      ).read()
    })
    #expect(mapped.file == "m.csv" && mapped.line == 2 && mapped.column == 5)
    let fromGraphML = try #require(failure {
      var reader = GraphMLReader(bytes: Array(graphML(date).utf8), file: "t.graphml")
      _ = try reader.read()
    })
    #expect(fromGraphML.file == "t.graphml" && fromGraphML.line == 10 && fromGraphML.column != nil)
  }

  /// AMLworld's `Timestamp` keeps its time of day; a bad one is an error at its field.
  @Test func amlworldTimestamps() throws {
    let header = AMLworldFormat.header.joined(separator: ",")
    func read(_ stamp: String) throws -> FlowGraph {
      let row = "\(stamp),010,A,020,B,5.00,US Dollar,5.00,US Dollar,ACH,0"
      return try CSVEdgeListReader(bytes: Array((header + "\n" + row + "\n").utf8), file: "aml.csv").read()
    }
    for stamp in ["2022/09/01 00:20", "2022/09/01 23:59:59", "2022-09-01T00:20Z", "2022/09/01"] {
      #expect(try read(stamp).date(of: 0)?.description == (stamp == "2022/09/01" ? "2022-09-01" : stamp))
    }
    #expect(try read("2022/09/01 00:20").time(of: 0) == 1_661_990_400 + 20 * 60)
    do {
      _ = try read("2022/09/01 24:00")
      Issue.record("24:00 was accepted")
    } catch let error as InputError {
      #expect(error.file == "aml.csv" && error.line == 2 && error.column == 1 && error.message.contains("2022/09/01 24:00"))
    }
  }
}
