import Foundation
import Testing
@testable import MoneyFlow

/// `FlowDate` with a `FlowTime`: the three written forms, kept exactly, on one time line.
@Suite struct FlowTimeTests {
  @Test(arguments: [
    "2022/09/01 00:20", "2024-03-01 23:59:59", "2024-02-29T00:00Z", "2024-03-01T09:30:15.250+05:30",
    "2024-12-31T23:59:59.123456789-00:00", "0001-01-01T00:00:00-23:59", "9999-12-31T23:59+14:00",
  ])
  func writtenBackExactly(text: String) throws {
    let date = try #require(FlowDate(parsing: text))
    #expect(date.description == text)
    #expect(date.time != nil && date.precision == .day)
  }

  @Test(arguments: [
    "2024-03-01T25:00", "2024-02-30T10:00", "2023-02-29 10:00", "2024-03-01T10:00+25:00", "2024-03-01T10:60",
    "2024-03-01T10:00:60", "2024/03/01T10:00", "2024-03/01 10:00", "2024-03-01 10:00Z", "2024/03/01 10:00:00.5",
    "2024-03-01T10:00.5", "2024-03-01T10:00:00.", "2024-03-01T10:00:00.1234567890", "2024-03-01T10",
    "2024-03-01T10:00+05", "2024-03-01T10:00+05:30x", "2024-03-01t10:00", "2024-03-01T1:00", "2024/03/01",
  ])
  func rejected(text: String) {
    #expect(FlowDate(parsing: text) == nil, "\(text)")
  }

  /// Seconds agree with Foundation's calendar on random date-times of every
  /// form and zone.
  @Test(arguments: 0 ..< 50)
  func secondsMatchFoundation(seed: UInt64) throws {
    var random = TestRandom(seed: seed &+ 77)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    for _ in 0 ..< 40 {
      let (y, mo) = (random.int(1971 ... 2200), random.int(1 ... 12))
      let d = random.int(1 ... FlowDate.daysInMonth(year: y, month: mo))
      let (h, mi, s) = (random.int(0 ... 23), random.int(0 ... 59), random.int(0 ... 59))
      let offset = random.chance(0.5) ? 0 : random.int(-23 * 60 ... 23 * 60)
      func pad(_ v: Int, _ w: Int = 2) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
      let style = random.int(0 ... 2)
      var text = pad(y, 4) + (style == 2 ? "/" : "-") + pad(mo) + (style == 2 ? "/" : "-") + pad(d)
      text += (style == 0 ? "T" : " ") + pad(h) + ":" + pad(mi) + ":" + pad(s)
      if style == 0, offset != 0 { text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60) + ":" + pad(abs(offset) % 60) }
      let date = try #require(FlowDate(parsing: text), "\(text)")
      let components = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
      let expected = try #require(calendar.date(from: components)).timeIntervalSince1970 - Double((style == 0 ? offset : 0) * 60)
      #expect(date.seconds == Int64(expected), "\(text)")
      #expect(date.description == text)
      // A date counts as its first instant: midnight UTC.
      let day = try #require(FlowDate(parsing: String(text.prefix(10)).replacingOccurrences(of: "/", with: "-")))
      #expect(day.seconds == Int64(try #require(calendar.date(from: DateComponents(year: y, month: mo, day: d))).timeIntervalSince1970))
    }
  }

  /// Dates order by instant: a partial date at its first instant, before a
  /// time at that instant; zones applied.
  @Test func ordersByInstant() throws {
    let texts = ["2024", "2024-01", "2024-01-01", "2024-01-01T00:00", "2024-01-01T00:00:30", "2024-01-01T05:00+05:30", "2024-01-01 01:00"]
    let dates = try texts.map { try #require(FlowDate(parsing: $0)) }
    #expect(dates.map(\.seconds) == [1_704_067_200, 1_704_067_200, 1_704_067_200, 1_704_067_200, 1_704_067_230, 1_704_067_200 - 1_800, 1_704_070_800])
    #expect(dates.sorted().map(\.description) == ["2024-01-01T05:00+05:30", "2024", "2024-01", "2024-01-01", "2024-01-01T00:00", "2024-01-01T00:00:30", "2024-01-01 01:00"])
  }

  /// The last second a bound covers (`--until`).
  @Test(arguments: [
    ("2024", "2024-12-31T23:59:59"), ("2023-02", "2023-02-28T23:59:59"), ("2024-02-29", "2024-02-29T23:59:59"),
    ("2024-03-01T10:00", "2024-03-01T10:00:59"), ("2024-03-01T10:00:07", "2024-03-01T10:00:07"),
  ])
  func lastSecond(bound: String, last: String) throws {
    #expect(try #require(FlowDate(parsing: bound)).lastSecond == (try #require(FlowDate(parsing: last))).seconds)
  }
}
