import Foundation
import Testing

/// A currency without a rate to the base currency: unknown amounts, a note, exit 0.
@Suite struct UnratedCurrencyCommandTests {
  static let csv = "from,to,kind,amount,currency,date\na,b,loan,100,USD,2025\nb,a,loan,50,USD,2025\nb,c,loan,10,BTC,2025\nc,a,loan,10,USD,2025\n"

  @Test func cyclesKeepAnUnknownAmount() throws {
    let text = try CLI.run(["cycles", "-", "--currency", "USD"], stdin: Self.csv)
    #expect(text.status == 0 && text.stdout.contains("1. a → b → a\n   50 USD circulating, length 2"))
    #expect(text.stdout.contains("2. a → b → c → a\n   circulating amount unknown (no rate from BTC to USD), length 3"))
    #expect(text.stderr.contains("<stdin>: note: 1 flow in BTC has no rate to USD: its amount is unknown"))
    let json = try CLI.run(["cycles", "-", "--currency", "USD", "--format", "json"], stdin: Self.csv)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let cycles = try #require(object["cycles"] as? [[String: Any]])
    #expect(cycles.count == 2 && cycles[0]["bottleneck"] as? Double == 50 && cycles[1]["bottleneck"] is NSNull)
    let stats = try CLI.run(["stats", "-", "--currency", "USD", "--format", "json"], stdin: Self.csv)
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
    #expect(stats.status == 0 && summary["unrated"] as? Int == 1 && summary["undisclosed"] as? Int == 0)
    // A rate makes it known again.
    let rated = try CLI.run(["cycles", "-", "--currency", "USD", "--rates", "BTC=60000"], stdin: Self.csv)
    #expect(rated.status == 0 && rated.stdout.contains("10 USD circulating, length 3") && rated.stderr.isEmpty)
  }
}
