import Testing
@testable import MoneyFlow

/// Every kind of bad input gets one located, clear error.
@Suite struct InputErrorTests {
  static let header = #"{"format": "moneyflow/1", "companies": [{"id": "a"}, {"id": "b"}], "flows": ["#

  func jsonError(_ text: String) -> InputError? {
    error { () throws(InputError) in try JSONDocumentReader(bytes: Array(text.utf8), file: "g.json").read() }
  }

  func csvError(_ text: String) -> InputError? {
    error { () throws(InputError) in try CSVEdgeListReader(bytes: Array(text.utf8), file: "f.csv").read() }
  }

  /// The error `read` throws; nil if it reads.
  func error<T>(_ read: () throws(InputError) -> T) -> InputError? {
    do {
      _ = try read()
      return nil
    } catch {
      return error
    }
  }

  func flowError(_ flow: String) -> InputError? { jsonError(Self.header + "\n" + flow + "]}") }

  @Test func malformedJSON() throws {
    let error = try #require(jsonError("{\"format\": \"moneyflow/1\",\n  \"companies\": [}"))
    #expect(error.code == .syntax && error.line == 2 && error.column == 17)
    #expect(error.description.hasPrefix("g.json:2:17: error: expected a value"))
    #expect(error.description.contains("\n  \"companies\": [}\n                ^"))
  }

  @Test func deeplyNestedJSON() throws {
    let error = try #require(jsonError(String(repeating: "[", count: 100_000)))
    #expect(error.code == .tooDeep)
  }

  @Test func emptyAndInvalidUTF8() throws {
    #expect(jsonError("")?.code == .empty)
    #expect(jsonError("  \n")?.code == .empty)
    #expect(csvError("")?.code == .empty)
    var bytes = Array("from,to,kind,amount,currency,date\na,b,loan,1,USD,2025\n".utf8)
    bytes[36] = 0xFF
    do {
      _ = try CSVEdgeListReader(bytes: bytes, file: "f.csv").read()
      Issue.record("expected an encoding error")
    } catch {
      #expect(error.code == .encoding && error.line == 2 && error.column == 3)
    }
  }

  @Test func missingAndUnknownFields() throws {
    #expect(jsonError(#"{"companies": [], "flows": []}"#)?.field == "format")
    #expect(jsonError(#"{"format": "moneyflow/2", "companies": [], "flows": []}"#)?.code == .invalidValue)
    #expect(jsonError(#"{"format": "moneyflow/1", "flows": []}"#)?.field == "companies")
    #expect(flowError(#"{"from": "a", "kind": "loan"}"#)?.field == "to")
    let unknown = try #require(flowError(#"{"from": "a", "to": "b", "kind": "loan", "amout": 5}"#))
    #expect(unknown.code == .unknownField && unknown.field == "amout" && unknown.line == 2)
    #expect(jsonError(#"{"format": "moneyflow/1", "companies": [{"id": "a", "id": "b"}], "flows": []}"#)?.code == .duplicateField)
  }

  @Test func unknownKind() throws {
    let error = try #require(flowError(#"{"from": "a", "to": "b", "kind": "bribe"}"#))
    #expect(error.code == .invalidValue && error.field == "kind")
    #expect(error.message.contains("unknown kind \"bribe\"") && error.message.contains("cloud_commitment"))
    #expect(csvError("from,to,kind,amount,currency,date\na,b,bribe,1,USD,2025\n")?.column == 5)
  }

  @Test(arguments: ["2025-13-01", "2025-02-30", "25", "2025/01/01", "yesterday"])
  func badDate(text: String) throws {
    let error = try #require(flowError(#"{"from": "a", "to": "b", "kind": "loan", "date": "\#(text)"}"#))
    #expect(error.field == "date" && error.message.contains("is not a date"))
    let csv = try #require(csvError("from,to,kind,amount,currency,date\na,b,loan,1,USD,\(text)\n"))
    #expect(csv.line == 2 && csv.field == "date" && csv.column == 16)
  }

  @Test(arguments: [("-5", "negative"), ("NaN", "finite"), ("Infinity", "finite"), ("-inf", "finite"), ("12,50", "not a number"), ("abc", "not a number"), ("1e", "not a number"), ("5 apples", "not a number")])
  func badAmount(text: String, expected: String) throws {
    let error = try #require(flowError(#"{"from": "a", "to": "b", "kind": "loan", "amount": "\#(text)", "currency": "USD"}"#))
    #expect(error.field == "amount" && error.message.contains(expected), "\(error)")
    let csv = try #require(csvError("from,to,kind,amount,currency,date\na,b,loan,\"\(text)\",USD,2025\n"))
    #expect(csv.line == 2 && csv.field == "amount" && csv.message.contains(expected))
    #expect(flowError(#"{"from": "a", "to": "b", "kind": "loan", "amount": -5}"#)?.message.contains("negative") == true)
  }

  @Test func emptyAmountMeansUndisclosed() throws {
    let graph = try CSVEdgeListReader(bytes: Array("from,to,kind,amount,currency,date\na,b,loan,,,\n".utf8), file: "f.csv").read()
    #expect(graph.amount(of: 0) == nil && graph.date(of: 0) == nil)
  }

  @Test func unknownCompanyAndDuplicateCompany() throws {
    let unknown = try #require(flowError(#"{"from": "a", "to": "zz", "kind": "loan"}"#))
    #expect(unknown.code == .unknownCompany && unknown.field == "to" && unknown.message.contains("\"zz\""))
    let duplicate = try #require(jsonError(#"{"format": "moneyflow/1", "companies": [{"id": "a"},"# + "\n" + #"{"id": "a"}], "flows": []}"#))
    #expect(duplicate.code == .duplicateCompany && duplicate.line == 2)
  }

  @Test func csvColumnCountAndQuotes() throws {
    let count = try #require(csvError("from,to,kind,amount,currency,date\na,b,loan,1,USD\n"))
    #expect(count.code == .columnCount && count.line == 2 && count.message.contains("expected 6 fields"))
    let quote = try #require(csvError("from,to,kind,amount,currency,date\na,\"b,loan,1,USD,2025\n"))
    #expect(quote.code == .syntax && quote.line == 2 && quote.column == 3 && quote.message.contains("unterminated"))
    #expect(csvError("from,to,kind,amount,currency,date\na,b\"x,loan,1,USD,2025\n")?.code == .syntax)
  }

  @Test func csvHeaderProblemsNameTheColumns() throws {
    // Unknown columns are no error: they are kept as flow attributes (CSVColumnMappingTests).
    #expect(csvError("from,to,kind,amount,currency,date,colour,size\n") == nil)
    let missing = try #require(csvError("from,to,amount\n"))
    #expect(missing.code == .missingField && missing.message.contains("kind, currency, date"))
  }

  @Test func severalCurrenciesWithoutABaseAreAnError() throws {
    // With a base currency, a currency without a rate is an unknown amount (UnratedCurrencyTests).
    let text = #"{"format": "moneyflow/1", "currency": "USD", "companies": [{"id": "a"}, {"id": "b"}], "flows": [{"from": "a", "to": "b", "kind": "loan", "amount": 5, "currency": "JPY"}]}"#
    let graph = try JSONDocumentReader(bytes: Array(text.utf8), file: "g.json").read()
    #expect(try CurrencyConversion(graph: graph).value(of: 0, in: graph) == nil)
    let mixed = try CSVEdgeListReader(bytes: Array("from,to,kind,amount,currency,date\na,b,loan,1,USD,\nb,a,loan,1,EUR,\n".utf8), file: "f.csv").read()
    #expect(throws: CurrencyConversion.Failure.self) { try CurrencyConversion(graph: mixed) }
  }
}
