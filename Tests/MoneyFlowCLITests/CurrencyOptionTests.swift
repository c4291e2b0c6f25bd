import Foundation
import Testing

/// `--currency` and `--rates` on every command that reads a graph.
@Suite struct CurrencyOptionTests {
  static let csv = "from,to,kind,amount,currency,date\na,b,investment,100,USD,2025\nb,a,purchase,50,EUR,2025\nb,c,loan,1m,JPY,2025\nc,a,loan,10,USD,2025\n"

  static let commands: [[String]] = [["cycles"], ["circulation"], ["stats"], ["scc"], ["dot"], ["report"], ["convert", "-", "-"]]

  @Test func everyCommandTakesTheCurrencyOptions() throws {
    for command in Self.commands {
      let without = try CLI.run(command + (command.count == 1 ? ["-"] : []), stdin: Self.csv)
      let with = try CLI.run(command + (command.count == 1 ? ["-"] : []) + ["--currency", "USD", "--rates", "EUR=1.08,JPY=0.0066"], stdin: Self.csv)
      #expect(with.status == 0, "\(command): \(with.stderr)")
      if !["scc", "dot", "convert"].contains(command[0]) {
        // scc, dot and convert compare no amounts; the others need the rates.
        #expect(without.status == 1 && without.stderr.contains("or pass --currency USD --rates"), "\(command)")
      }
    }
    let help = try CLI.run(["stats", "--help"])
    #expect(help.stdout.contains("--currency <code>") && help.stdout.contains("--rates <rates>"))
  }

  @Test func ratesAreUsedInTheBaseCurrency() throws {
    let result = try CLI.run(["cycles", "-", "--currency", "USD", "--rates", "EUR=1.08,JPY=0.0066"], stdin: Self.csv)
    #expect(result.status == 0)
    #expect(result.stdout.contains("1. a → b → a\n   54 USD circulating, length 2"))
    let converted = try CLI.run(["convert", "-", "-", "--currency", "USD", "--rates", "EUR=1.08"], stdin: Self.csv)
    #expect(converted.stdout.contains("\"currency\": \"USD\"") && converted.stdout.contains("\"EUR\": 1.08"))
  }

  @Test func watchTakesThemToCompareAStreamInSeveralCurrencies() throws {
    let without = try CLI.run(["watch", "-", "--min-amount", "1"], stdin: Self.csv)
    #expect(without.status == 1 && without.stderr.contains("or --currency and --rates"))
    let with = try CLI.run(["watch", "-", "--min-amount", "1", "--currency", "USD", "--rates", "EUR=1.08,JPY=0.0066"], stdin: Self.csv)
    #expect(with.status == 0 && with.stdout.split(separator: "\n").count == 2, "\(with.stderr)")
  }

  @Test func aRatesFile() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.csv.write(to: directory.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
    try #"{"EUR": 1.08, "JPY": "0.0066"}"#.write(to: directory.appendingPathComponent("rates.json"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["cycles", "two.csv", "--currency", "USD", "--rates", "rates.json"], in: directory)
    #expect(result.status == 0 && result.stdout.contains("54 USD circulating"))
    try #"{"EUR": 0}"#.write(to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
    let bad = try CLI.run(["cycles", "two.csv", "--currency", "USD", "--rates", "bad.json"], in: directory)
    #expect(bad.status == 1 && bad.stderr.hasPrefix("bad.json:1:9: error: the rate of EUR, '0', is not a number greater than zero"))
    let missing = try CLI.run(["cycles", "two.csv", "--currency", "USD", "--rates", "nosuch.json"], in: directory)
    #expect(missing.status == 1 && missing.stderr.contains("nosuch.json"))
  }

  /// A `.meta.json` beside the CSV with only the currency and rates.
  @Test func aCompanionWithOnlyCurrencyAndRates() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.csv.write(to: directory.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
    try #"{"format": "moneyflow/1", "currency": "USD", "rates": {"EUR": 1.08, "JPY": 0.0066}}"#.write(
      to: directory.appendingPathComponent("two.meta.json"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["cycles", "two.csv"], in: directory)
    #expect(result.status == 0 && result.stdout.contains("54 USD circulating"), "\(result.stderr)")
  }

  @Test(arguments: [
    (["--currency", "usd"], "'usd' is invalid for '--currency <code>': expected a 3-letter currency code"),
    (["--currency", "USD", "--rates", "EUR=x"], "the rate of EUR, 'x', is not a number greater than zero"),
    (["--currency", "USD", "--rates", "EUR"], "'EUR' is not CODE=RATE"),
    (["--currency", "USD", "--rates", "EUR=1,EUR=2"], "EUR has two rates"),
    (["--currency", "USD", "--rates", "USD=2"], "USD is the base currency; its rate is 1"),
    (["--rates", "EUR=1.08"], "rates need a base currency: give --currency CODE"),
  ])
  func badCodesAndRatesAreUsageErrors(options: [String], message: String) throws {
    let result = try CLI.run(["cycles", "-"] + options, stdin: Self.csv)
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func aDocumentsOwnBaseCurrencyIsNotReplaced() throws {
    let result = try CLI.run(["cycles", "Graphs/ai-deals.json", "--currency", "EUR"])
    #expect(result.status == 2 && result.stderr.contains("the file's base currency is USD, not EUR"))
  }
}
