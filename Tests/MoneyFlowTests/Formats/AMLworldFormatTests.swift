import Testing
@testable import MoneyFlow

/// AMLworld files are read from their header with no flags.
@Suite struct AMLworldFormatTests {
  static let header = AMLworldFormat.header.joined(separator: ",")

  func read(_ rows: [String]) throws -> FlowGraph {
    try CSVEdgeListReader(bytes: Array(([Self.header] + rows).joined(separator: "\n").utf8), file: "t.csv").read()
  }

  func error(_ rows: [String]) -> InputError? {
    do {
      _ = try read(rows)
      return nil
    } catch {
      return error as? InputError
    }
  }

  @Test func rowsBecomeFlowsBetweenBankAccounts() throws {
    let graph = try read([
      "2022/09/01 00:20,010,8000EBD30,010,8000EBD30,3697.34,US Dollar,3697.34,US Dollar,Reinvestment,0",
      "2022/09/02 11:43,020,8000EBD30,010,8000EBD30,12.50,US Dollar,12.50,US Dollar,ACH,1",
    ])
    #expect(graph.companyIDs == ["010:8000EBD30", "020:8000EBD30"])
    let first = graph.flow(0)
    #expect(first.from == "010:8000EBD30" && first.to == first.from && first.amount?.description == "3697.34")
    #expect(first.currency == "USD" && first.date?.description == "2022/09/01 00:20" && first.kind == CSVColumnMapping.defaultKind)
    #expect(first.attributes == [.init(key: "Payment Format", value: "Reinvestment")])
    // The time of day is kept, to the minute, on one time line.
    #expect(graph.time(of: 1) - graph.time(of: 0) == 86_400 + 11 * 3_600 + 23 * 60)
    #expect(graph.flow(1).attributes == [.init(key: "Payment Format", value: "ACH"), .init(key: "Is Laundering", value: "1")])
    #expect(graph.currency == nil && graph.rates.isEmpty)
  }

  @Test func exchangeRowsGiveRatesAndKeepTheReceivedSide() throws {
    let graph = try read([
      "2022/09/01 00:20,1,A,2,B,117.30,US Dollar,100.00,Euro,Wire,0",
      "2022/09/01 00:21,1,A,2,B,1173.02,US Dollar,1000.00,Euro,Wire,0",
      "2022/09/01 00:22,2,B,3,C,1410.66,Yuan,200.00,US Dollar,Wire,0",
      "2022/09/01 00:23,3,C,1,A,50.00,Euro,50.00,Euro,Cheque,0",
    ])
    #expect(graph.currency == "USD")
    // The larger exchange gives the rate; Yuan's is the inverse of USD→CNY.
    #expect(graph.rates.map(\.code) == ["CNY", "EUR"])
    #expect(graph.rates.map { $0.rate.description } == ["0.1417776076", "1.17302"])
    #expect(graph.flow(1).attributes.map(\.key) == ["Payment Format", "Amount Received", "Receiving Currency"])
    #expect(graph.flow(3).attributes.count == 1)
    let conversion = try CurrencyConversion(graph: graph)
    #expect(abs((conversion.value(of: 3, in: graph) ?? 0) - 58.651) < 1e-6)
  }

  @Test func aCurrencyWithoutAnyRateIsAnUnknownAmountNotAMix() throws {
    let graph = try read([
      "2022/09/01 00:20,1,A,2,B,1.00,US Dollar,1.00,US Dollar,Wire,0",
      "2022/09/01 00:20,2,B,1,A,0.01,Bitcoin,0.01,Bitcoin,Bitcoin,0",
      "2022/09/01 00:20,2,B,1,A,0.50,US Dollar,0.50,US Dollar,Wire,0",
    ])
    let conversion = try CurrencyConversion(graph: graph)
    #expect(conversion.unrated.map(\.code) == ["BTC"] && conversion.value(of: 1, in: graph) == nil)
    // The link 2:B → 1:A holds the Bitcoin flow: its total, and the cycle's amount, are unknown.
    #expect(try graph.elementaryCycles().cycles.map(\.circulating) == [nil])
  }

  @Test func badRowsNameLineAndColumn() throws {
    let currency = try #require(error(["2022/09/01 00:20,1,A,2,B,1.00,Doubloon,1.00,Doubloon,Wire,0"]))
    #expect(currency.line == 2 && currency.column == 45 && currency.message.contains("unknown currency \"Doubloon\""))
    let date = try #require(error(["01.09.2022,1,A,2,B,1.00,Euro,1.00,Euro,Wire,0"]))
    #expect(date.line == 2 && date.column == 1 && date.field == "Timestamp")
    let party = try #require(error(["2022/09/01 00:20,1,,2,B,1.00,Euro,1.00,Euro,Wire,0"]))
    #expect(party.line == 2 && party.column == 20 && party.code == .missingField)
    let width = try #require(error(["2022/09/01 00:20,1,A,2,B"]))
    #expect(width.code == .columnCount && width.line == 2)
  }

  @Test func theBundledSampleLoads() throws {
    let graph = try ExampleGraphTests.load("amlworld-synthetic.csv")
    #expect(graph.flowCount == 25 && graph.currency == "USD")
    #expect(graph.rates.map(\.code) == ["BTC", "CNY", "EUR"])
    let labelled = (0 ..< graph.flowCount).filter { graph.flow($0).attributes.contains { $0.key == "Is Laundering" } }
    #expect(labelled.count == 7)
  }

  @Test func answersCountLabelledFlows() throws {
    let graph = try read([
      "2022/09/01 00:20,1,A,2,B,10.00,US Dollar,10.00,US Dollar,ACH,1",
      "2022/09/02 00:20,2,B,1,A,9.00,US Dollar,9.00,US Dollar,ACH,1",
      "2022/09/03 00:20,2,B,3,C,5.00,US Dollar,5.00,US Dollar,ACH,1",
      "2022/09/03 00:20,1,A,1,A,5.00,US Dollar,5.00,US Dollar,Reinvestment,0",
    ])
    let stats = try GraphStatistics(graph: graph)
    #expect(stats.labelledFlows == 3 && stats.labelledOnCycle == 2)
    let text = CycleReport.text(try graph.elementaryCycles(), graph: graph)
    #expect(text.contains("length 2, 2 of 2 flows labelled") && text.contains("length 1, 0 of 1 flows labelled"))
    let json = CycleReport.json(try graph.elementaryCycles(), graph: graph).rendered()
    #expect(json.contains(#""labelled":2"#) || json.contains(#""labelled": 2"#))
    // Without labels the answers stay as they were.
    let plain = try CSVEdgeListReader(bytes: Array("from,to,kind,amount,currency,date\na,b,loan,1,USD,\nb,a,loan,1,USD,\n".utf8), file: "p.csv").read()
    #expect(!CycleReport.text(try plain.elementaryCycles(), graph: plain).contains("labelled"))
  }
}
