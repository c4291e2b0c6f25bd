import Foundation
import Testing
@testable import MoneyFlow

/// A base currency and rates given from outside the file (`--currency`, `--rates`, a `.meta.json`).
@Suite struct FlowGraphCurrencyTests {
  static let csv = "from,to,kind,amount,currency,date\na,b,investment,100,USD,2025\nb,a,purchase,50,EUR,2025\nb,c,loan,1m,JPY,2025\nc,a,loan,10,USD,2025\n"

  static func graph() throws -> FlowGraph { try CSVEdgeListReader(bytes: Array(csv.utf8), file: "two.csv").read() }

  @Test func twoCurrenciesCompareOnlyWithBaseAndRates() throws {
    let graph = try Self.graph()
    #expect(throws: CurrencyConversion.Failure.self) { try CurrencyConversion(graph: graph) }
    let based = try graph.withCurrency("USD", rates: [])
    // With a base currency, currencies without a rate are unknown amounts, no error.
    #expect(try CurrencyConversion(graph: based).unrated.map(\.code) == ["EUR", "JPY"])
    let rated = try graph.withCurrency("USD", rates: [("JPY", Amount(significand: 66, exponent: -4)), ("EUR", Amount(significand: 108, exponent: -2))])
    #expect(rated.currency == "USD" && rated.rates.map(\.code) == ["EUR", "JPY"])
    let conversion = try CurrencyConversion(graph: rated)
    #expect(abs((conversion.value(of: 1, in: rated) ?? 0) - 54) < 1e-9)
    #expect(abs((conversion.value(of: 2, in: rated) ?? 0) - 6600) < 1e-6)
  }

  @Test func givenRatesReplaceTheDocumentsForTheSameCode() throws {
    let graph = try Self.graph().withCurrency("USD", rates: [("EUR", Amount(significand: 1, exponent: 0)), ("JPY", Amount(significand: 1, exponent: -2))])
    let again = try graph.withCurrency(nil, rates: [("EUR", Amount(significand: 2, exponent: 0))])
    #expect(again.rates.map(\.code) == ["EUR", "JPY"])
    #expect(again.rates.map(\.rate.doubleValue) == [2, 0.01])
  }

  @Test func refusesWhatWouldChangeTheMeaningOfAmounts() throws {
    let graph = try Self.graph().withCurrency("USD", rates: [])
    #expect(try graph.withCurrency("USD", rates: []) == graph)
    #expect(throws: FlowGraph.CurrencyOverrideFailure.self) { try graph.withCurrency("EUR", rates: []) }
    #expect(throws: FlowGraph.CurrencyOverrideFailure.self) { try graph.withCurrency(nil, rates: [("USD", Amount(significand: 2, exponent: 0))]) }
    #expect(throws: FlowGraph.CurrencyOverrideFailure.self) { try Self.graph().withCurrency(nil, rates: [("EUR", Amount(significand: 2, exponent: 0))]) }
    #expect(throws: FlowGraph.CurrencyOverrideFailure.self) { try Self.graph().withCurrency("usd", rates: []) }
  }

  /// A companion `.meta.json` may hold only currency and rates; the flows create the companies.
  @Test func aPartialCompanionDocumentCreatesCompaniesFromTheFlows() throws {
    let directory = try AtomicFileTests.temporaryDirectory()
    try FileIO.writeAtomically(Array(Self.csv.utf8), to: directory + "/two.csv")
    try FileIO.writeAtomically(Array(#"{"format": "moneyflow/1", "currency": "USD", "rates": {"EUR": 1.08, "JPY": 0.0066}}"#.utf8), to: directory + "/two.meta.json")
    let graph = try GraphFile.load(directory + "/two.csv")
    #expect(graph.companyIDs == ["a", "b", "c"] && graph.flowCount == 4 && graph.currency == "USD")
    #expect(throws: Never.self) { try CurrencyConversion(graph: graph) }
    // A companion that lists some companies keeps their names and adds the others.
    try FileIO.writeAtomically(Array(#"{"format": "moneyflow/1", "currency": "USD", "rates": {"EUR": 1.08, "JPY": 0.0066}, "companies": [{"id": "b", "name": "Bee"}]}"#.utf8), to: directory + "/two.meta.json")
    let named = try GraphFile.load(directory + "/two.csv")
    #expect(named.companyIDs == ["a", "b", "c"] && named.name(of: CompanyID(1)) == "Bee")
  }
}
