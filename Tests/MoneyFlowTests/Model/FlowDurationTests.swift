import Testing
@testable import MoneyFlow

/// `FlowDuration`: the `--window` forms, in seconds.
@Suite struct FlowDurationTests {
  @Test(arguments: [
    ("30", 30 * 86_400), ("30d", 30 * 86_400), ("6h", 6 * 3_600), ("90m", 90 * 60), ("3600s", 3_600), ("0", 0),
    ("0s", 0), ("007h", 7 * 3_600),
  ] as [(String, Int64)])
  func parsed(text: String, seconds: Int64) throws {
    #expect(try #require(FlowDuration(parsing: text)).seconds == seconds)
  }

  @Test(arguments: ["", "d", "-1", "+1", "1.5h", "6 h", "6H", "6w", "1e3", "h6", "99999999999999999999", "9223372036854775807d"])
  func rejected(text: String) {
    #expect(FlowDuration(parsing: text) == nil, "\(text)")
  }

  @Test func literalsCountDays() {
    let window: FlowDuration = 3
    #expect(window.seconds == 3 * 86_400 && window.days == 3 && window.isWholeDays)
    #expect(FlowDuration(seconds: -5).seconds == 0)
  }

  @Test(arguments: [
    (86_400, "1 day"), (30 * 86_400, "30 days"), (0, "0 days"), (19_200, "5 h 20 min"), (2 * 86_400 + 3 * 3_600, "2 days 3 h"),
    (45, "45 s"), (90_061, "1 day 1 h 1 min 1 s"),
  ] as [(Int64, String)])
  func described(seconds: Int64, text: String) {
    #expect(FlowDuration(seconds: seconds).description == text)
  }
}
