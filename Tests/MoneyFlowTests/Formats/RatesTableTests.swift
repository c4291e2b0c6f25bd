import Foundation
import MoneyFlow
import Testing

/// Rates given outside a document: `EUR=1.08,JPY=0.0066` and rates files.
@Suite struct RatesTableTests {
  @Test func parsesAList() throws {
    let rates = try RatesTable.parse(list: "EUR=1.08,JPY=6.6e-3").get()
    #expect(rates.map(\.code) == ["EUR", "JPY"])
    #expect(rates.map(\.rate.doubleValue) == [1.08, 0.0066])
  }

  @Test(arguments: [
    ("eur=1.08", "'eur' is not a 3-letter currency code"),
    ("EUR=0", "the rate of EUR, '0', is not a number greater than zero"),
    ("EUR=-1", "is not a number greater than zero"),
    ("EUR=x", "is not a number greater than zero"),
    ("EUR", "'EUR' is not CODE=RATE"),
    ("EUR=1,EUR=2", "EUR has two rates"),
    ("EUR=1,", "'' is not CODE=RATE"),
  ])
  func rejectsABadList(text: String, message: String) {
    guard case .failure(let failure) = RatesTable.parse(list: text) else {
      Issue.record("'\(text)' was accepted")
      return
    }
    #expect(failure.description.contains(message))
  }

  @Test func readsAFileAndNamesTheBadLine() throws {
    let directory = try AtomicFileTests.temporaryDirectory()
    let good = directory + "/rates.json"
    try FileIO.writeAtomically(Array("{\"EUR\": 1.08, \"JPY\": \"0.0066\"}".utf8), to: good)
    #expect(try RatesTable.read(path: good).map(\.code) == ["EUR", "JPY"])
    let bad = directory + "/bad.json"
    try FileIO.writeAtomically(Array("{\n  \"EUR\": 1.08,\n  \"JPY\": true\n}".utf8), to: bad)
    #expect(throws: InputError.self) { try RatesTable.read(path: bad) }
    do {
      _ = try RatesTable.read(path: bad)
    } catch {
      #expect(error.line == 3 && error.column == 10 && error.message.contains("rate of \"JPY\" is a boolean"))
    }
  }
}
