/// A date with a time of day, as written: `YYYY-MM-DDTHH:MM[:SS[.f…]][Z|±HH:MM]`,
/// `YYYY-MM-DD HH:MM[:SS]` or `YYYY/MM/DD HH:MM[:SS]` (the last is how IBM
/// AMLworld writes times: `2022/09/01 00:20`).
///
/// A time without a zone is UTC. The value keeps what was written — the
/// separators, whether seconds and how many fraction digits were given, the
/// zone as written — so that ``description`` gives back the exact text.
/// ``seconds`` places it on one time line with ``FlowDate``s (a date counts as
/// its first instant, UTC midnight).
///
/// Not yet stored in a ``FlowGraph``: flows still carry a ``FlowDate``.
public struct FlowDateTime: Hashable, Sendable, CustomStringConvertible {
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
    /// `±HH:MM`, in minutes east of UTC (never `-00:00`).
    case offset(minutes: Int)
    /// `-00:00`: UTC, the local offset unknown (RFC 3339).
    case unknownOffset
  }

  /// The calendar day as written (before applying the zone).
  public var date: FlowDate
  /// Seconds since midnight of `date`, as written (before applying the zone).
  public var secondOfDay: Int32
  /// Whether seconds were written.
  public var hasSeconds: Bool
  /// The fraction of a second as written: its digits as a number, and how
  /// many digits (0 when none was written).
  public var fraction: Int32
  public var fractionDigits: Int8
  public var style: Style
  public var zone: Zone

  /// Seconds since 1970-01-01T00:00:00Z, the fraction left out.
  public var seconds: Int64 {
    var offset = 0
    if case .offset(let minutes) = zone { offset = minutes * 60 }
    return Int64(date.day) * 86_400 + Int64(secondOfDay) - Int64(offset)
  }

  /// Parses one of the three forms; nil for anything else, including times
  /// and dates that do not exist (`25:00`, `2024-02-30T…`, a zone `+25:00`).
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public init?(parsing text: String) {
    let bytes = Array(text.utf8)
    func number(_ at: Int, _ width: Int) -> Int? {
      guard at + width <= bytes.count else { return nil }
      var value = 0
      for b in bytes[at ..< at + width] {
        guard b >= 0x30, b <= 0x39 else { return nil }
        value = value * 10 + Int(b - 0x30)
      }
      return value
    }
    guard bytes.count >= 16, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      bytes[7] == bytes[4], bytes[13] == 0x3A, let hour = number(11, 2), let minute = number(14, 2),
      hour < 24, minute < 60
    else { return nil }
    switch (bytes[4], bytes[10]) {
    case (0x2D, 0x54): style = .isoT
    case (0x2D, 0x20): style = .isoSpace
    case (0x2F, 0x20): style = .slashSpace
    default: return nil
    }
    guard let date = FlowDate(year: year, month: month, day: day) else { return nil }
    self.date = date
    var at = 16
    var second = 0
    hasSeconds = false
    if at < bytes.count, bytes[at] == 0x3A {
      guard let value = number(at + 1, 2), value < 60 else { return nil }
      second = value
      hasSeconds = true
      at += 3
    }
    secondOfDay = Int32(hour * 3600 + minute * 60 + second)
    fraction = 0
    fractionDigits = 0
    zone = .none
    guard style == .isoT else {
      if at != bytes.count { return nil }
      return
    }
    if hasSeconds, at < bytes.count, bytes[at] == 0x2E {
      at += 1
      var digits = 0
      while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 9 {
        fraction = fraction * 10 + Int32(bytes[at] - 0x30)
        digits += 1
        at += 1
      }
      guard digits > 0 else { return nil }
      fractionDigits = Int8(digits)
    }
    if at < bytes.count {
      switch bytes[at] {
      case 0x5A:
        zone = .utc
        at += 1
      case 0x2B, 0x2D:
        guard at + 6 == bytes.count, bytes[at + 3] == 0x3A, let h = number(at + 1, 2), let m = number(at + 4, 2),
          h < 24, m < 60
        else { return nil }
        let minutes = (bytes[at] == 0x2D ? -1 : 1) * (h * 60 + m)
        zone = bytes[at] == 0x2D && minutes == 0 ? .unknownOffset : .offset(minutes: minutes)
        at += 6
      default:
        return nil
      }
    }
    if at != bytes.count { return nil }
  }

  /// The text as it was written.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let (y, m, d) = date.components
    let dash = style == .slashSpace ? "/" : "-"
    var text = pad(y, 4) + dash + pad(m, 2) + dash + pad(d, 2) + (style == .isoT ? "T" : " ")
    let s = Int(secondOfDay)
    text += pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2)
    if hasSeconds { text += ":" + pad(s % 60, 2) }
    if fractionDigits > 0 { text += "." + pad(Int(fraction), Int(fractionDigits)) }
    switch zone {
    case .none: break
    case .utc: text += "Z"
    case .unknownOffset: text += "-00:00"
    case .offset(let minutes):
      text += (minutes < 0 ? "-" : "+") + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
    }
    return text
  }
}
