/// A length of time in whole seconds, as `--window` takes it: `30` (days),
/// `30d`, `6h`, `90m` or `3600s`.
///
/// The one parser for durations: the command line, the library options and
/// the watch loop read them through ``init(parsing:)``. An integer literal
/// counts days, as a bare number on the command line does, so
/// `window: 30` means thirty days.
public struct FlowDuration: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  /// The length in seconds; never negative.
  public var seconds: Int64

  /// What ``init(parsing:)`` accepts, for usage errors.
  public static let acceptedForms = "a whole number of days (30) or of days, hours, minutes or seconds (30d, 6h, 90m, 3600s)"

  /// Seconds in a day.
  public static let secondsPerDay: Int64 = 86_400

  /// A duration of `seconds` seconds (negative values count as 0).
  public init(seconds: Int64) { self.seconds = max(0, seconds) }

  /// A duration of `days` days (negative values count as 0).
  public init(days: Int) {
    let (product, overflow) = Int64(days).multipliedReportingOverflow(by: FlowDuration.secondsPerDay)
    self.init(seconds: overflow ? Int64.max : product)
  }

  /// `days` days: `window: 30` is thirty days.
  public init(integerLiteral days: Int) { self.init(days: days) }

  /// Parses a whole number of days (`30`) or a whole number with a unit:
  /// `d` days, `h` hours, `m` minutes, `s` seconds (`30d`, `6h`, `90m`,
  /// `3600s`); nil for anything else (signs, fractions, spaces, other units,
  /// or more seconds than an `Int64` holds).
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public init?(parsing text: String) {
    var bytes = Array(text.utf8)
    var unit: Int64 = FlowDuration.secondsPerDay
    if let last = bytes.last, last > 0x39 {
      switch last {
      case 0x64: unit = FlowDuration.secondsPerDay  // d
      case 0x68: unit = 3_600  // h
      case 0x6D: unit = 60  // m
      case 0x73: unit = 1  // s
      default: return nil
      }
      bytes.removeLast()
    }
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value: Int64 = 0
    for b in bytes {
      guard b >= 0x30, b <= 0x39 else { return nil }
      value = value * 10 + Int64(b - 0x30)
    }
    let (product, overflow) = value.multipliedReportingOverflow(by: unit)
    guard !overflow else { return nil }
    self.seconds = product
  }

  /// Whole days, rounded down.
  public var days: Int64 { seconds / FlowDuration.secondsPerDay }

  /// Whether the duration is a whole number of days.
  public var isWholeDays: Bool { seconds % FlowDuration.secondsPerDay == 0 }

  /// The duration for people: `30 days`, `1 day`, `5 h 20 min`,
  /// `2 days 3 h`, `45 s`, `0 days`; parts that are zero are left out.
  public var description: String {
    if isWholeDays { return days == 1 ? "1 day" : "\(days) days" }
    var parts: [String] = []
    let d = seconds / FlowDuration.secondsPerDay
    let h = seconds / 3_600 % 24
    let m = seconds / 60 % 60
    let s = seconds % 60
    if d > 0 { parts.append(d == 1 ? "1 day" : "\(d) days") }
    if h > 0 { parts.append("\(h) h") }
    if m > 0 { parts.append("\(m) min") }
    if s > 0 { parts.append("\(s) s") }
    return parts.joined(separator: " ")
  }

  public static func < (a: FlowDuration, b: FlowDuration) -> Bool { a.seconds < b.seconds }
}
