/// The time of day of a ``FlowDate``, as written after its day:
/// `YYYY-MM-DDTHH:MM[:SS[.f…]][Z|±HH:MM]`, `YYYY-MM-DD HH:MM[:SS]` or
/// `YYYY/MM/DD HH:MM[:SS]` (the last is how IBM AMLworld writes times:
/// `2022/09/01 00:20`).
///
/// A time without a zone is UTC. The value keeps what was written — the
/// separators, whether seconds and how many fraction digits were given, the
/// zone as written — so that a date with a time gives back its exact text.
/// The fraction of a second is kept for writing but not used in ordering:
/// order, windows and spans count whole seconds.
public struct FlowTime: Hashable, Sendable {
  /// How the date and the time were written.
  public enum Style: UInt8, Sendable, Hashable {
    /// `2024-03-01T09:30…`
    case isoT
    /// `2024-03-01 09:30…`
    case isoSpace
    /// `2024/03/01 09:30…`
    case slashSpace
  }

  /// The zone as written.
  public enum Zone: Sendable, Hashable {
    /// None written: UTC.
    case none
    /// `Z`.
    case utc
    /// `±HH:MM`, in minutes east of UTC, -1439 ... 1439 (never `-00:00`).
    case offset(minutes: Int)
    /// `-00:00`: UTC, the local offset unknown (RFC 3339).
    case unknownOffset
  }

  /// Seconds since midnight of the day as written (before applying the zone).
  public var secondOfDay: Int32
  /// Whether seconds were written.
  public var hasSeconds: Bool
  /// The fraction of a second as written: its digits as a number, and how
  /// many digits (0 when none was written; at most 9).
  public var fraction: Int32
  public var fractionDigits: Int8
  public var style: Style
  public var zone: Zone

  /// Creates a time of day; `secondOfDay` must be below 86,400.
  public init(
    secondOfDay: Int32, hasSeconds: Bool = true, fraction: Int32 = 0, fractionDigits: Int8 = 0, style: Style = .isoT,
    zone: Zone = .none
  ) {
    self.secondOfDay = secondOfDay
    self.hasSeconds = hasSeconds
    self.fraction = fraction
    self.fractionDigits = fractionDigits
    self.style = style
    self.zone = zone
  }

  /// The zone's offset east of UTC in seconds (0 for none, `Z` and `-00:00`).
  public var offsetSeconds: Int64 {
    if case .offset(let minutes) = zone { return Int64(minutes) * 60 }
    return 0
  }

  /// The seconds the written time covers after its first: 59 for a time
  /// written to the minute, 0 for one written to the second.
  var coveredSeconds: Int64 { hasSeconds ? 0 : 59 }

  /// Parses the calendar day and time of `bytes` (one of the three forms),
  /// or nil for anything else, including times and dates that do not exist
  /// (`25:00`, `2024-02-30T…`, a zone `+25:00`).
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (day: FlowDate, time: FlowTime)? {
    @inline(__always) func number(_ at: Int, _ width: Int) -> Int? { FlowDate.digits(bytes, at, width) }
    guard bytes.count >= 16, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      bytes[7] == bytes[4], bytes[13] == 0x3A, let hour = number(11, 2), let minute = number(14, 2),
      hour < 24, minute < 60
    else { return nil }
    let style: Style
    switch (bytes[4], bytes[10]) {
    case (0x2D, 0x54): style = .isoT
    case (0x2D, 0x20): style = .isoSpace
    case (0x2F, 0x20): style = .slashSpace
    default: return nil
    }
    guard let date = FlowDate(year: year, month: month, day: day) else { return nil }
    var at = 16
    var second = 0
    var time = FlowTime(secondOfDay: 0, hasSeconds: false, style: style)
    if at < bytes.count, bytes[at] == 0x3A {
      guard let value = number(at + 1, 2), value < 60 else { return nil }
      second = value
      time.hasSeconds = true
      at += 3
    }
    time.secondOfDay = Int32(hour * 3600 + minute * 60 + second)
    guard style == .isoT else { return at == bytes.count ? (date, time) : nil }
    if time.hasSeconds, at < bytes.count, bytes[at] == 0x2E {
      at += 1
      var digits: Int8 = 0
      while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 9 {
        time.fraction = time.fraction * 10 + Int32(bytes[at] - 0x30)
        digits += 1
        at += 1
      }
      guard digits > 0 else { return nil }
      time.fractionDigits = digits
    }
    if at < bytes.count {
      switch bytes[at] {
      case 0x5A:
        time.zone = .utc
        at += 1
      case 0x2B, 0x2D:
        guard at + 6 == bytes.count, bytes[at + 3] == 0x3A, let h = number(at + 1, 2), let m = number(at + 4, 2),
          h < 24, m < 60
        else { return nil }
        let minutes = (bytes[at] == 0x2D ? -1 : 1) * (h * 60 + m)
        time.zone = bytes[at] == 0x2D && minutes == 0 ? .unknownOffset : .offset(minutes: minutes)
        at += 6
      default:
        return nil
      }
    }
    return at == bytes.count ? (date, time) : nil
  }

  /// Appends the separator after the day and the time as written
  /// (`T09:30:15.250+05:30`, ` 00:20`).
  func write(to text: inout String) {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let s = Int(secondOfDay)
    text += (style == .isoT ? "T" : " ") + pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2)
    if hasSeconds { text += ":" + pad(s % 60, 2) }
    if fractionDigits > 0 { text += "." + pad(Int(fraction), Int(fractionDigits)) }
    switch zone {
    case .none: break
    case .utc: text += "Z"
    case .unknownOffset: text += "-00:00"
    case .offset(let minutes):
      text += (minutes < 0 ? "-" : "+") + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
    }
  }
}
