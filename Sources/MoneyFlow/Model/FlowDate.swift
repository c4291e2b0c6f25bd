/// A calendar date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a date
/// with a time of day (see ``FlowTime``: `2024-03-01T09:30:15Z`,
/// `2024-03-01 09:30`, `2022/09/01 00:20`), with the precision it was
/// written in.
///
/// Every date is an instant on one time line, ``seconds`` since
/// 1970-01-01T00:00:00Z: a date without a time counts as its first instant
/// (`2025-05` is 2025-05-01T00:00Z), a time without a zone is UTC. Order,
/// time windows and spans use these seconds; the date is written back as it
/// was given.
public struct FlowDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// How precisely a date was written.
  public enum Precision: UInt8, Sendable, Hashable {
    case year = 1, month = 2, day = 3
  }

  /// What ``init(parsing:)`` accepts, for error messages.
  public static let expectedForms =
    "YYYY, YYYY-MM, YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM], YYYY-MM-DD HH:MM[:SS] or YYYY/MM/DD HH:MM[:SS], naming a real day and time"

  /// The first day the date covers, as days since 1970-01-01; for a date
  /// with a time, the day as written (in the time's zone).
  public var day: Int32
  /// How precisely the date was written; `.day` for a date with a time.
  public var precision: Precision
  /// The time of day as written; nil for a date without one.
  public var time: FlowTime?

  /// Creates a date from a day number and a precision, and maybe a time of
  /// day (the precision is then `.day`).
  public init(day: Int32, precision: Precision, time: FlowTime? = nil) {
    self.day = day
    self.precision = time == nil ? precision : .day
    self.time = time
  }

  /// Creates a date from its parts; nil if they name no calendar date.
  ///
  /// Years run from 1 to 9999. `month` and `day` must be given for the
  /// precisions that include them.
  public init?(year: Int, month: Int = 1, day: Int = 1, precision: Precision = .day) {
    guard (1 ... 9999).contains(year), (1 ... 12).contains(month),
      (1 ... FlowDate.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    self.day = Int32(FlowDate.daysFromCivil(year: year, month: month, day: day))
    self.precision = precision
  }

  /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a date with a time of day
  /// (the three forms of ``FlowTime``); nil for anything else, including
  /// dates and times that do not exist (`2025-13-01`, `2025-02-30`, `25:00`,
  /// a zone `+25:00`).
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public init?(parsing text: String) {
    var text = text
    guard let date = text.withUTF8({ FlowDate.parse($0) }) else { return nil }
    self = date
  }

  /// ``init(parsing:)`` on UTF-8 bytes.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  @inline(__always)
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> FlowDate? {
    @inline(__always) func number(_ from: Int, _ count: Int) -> Int? { digits(bytes, from, count) }
    switch bytes.count {
    case 4:
      guard let y = number(0, 4) else { return nil }
      return FlowDate(year: y, precision: .year)
    case 7:
      guard bytes[4] == 0x2D, let y = number(0, 4), let m = number(5, 2) else { return nil }
      return FlowDate(year: y, month: m, precision: .month)
    case 10:
      guard bytes[4] == 0x2D, bytes[7] == 0x2D, let y = number(0, 4), let m = number(5, 2), let d = number(8, 2)
      else { return nil }
      return FlowDate(year: y, month: m, day: d, precision: .day)
    default:
      guard let (date, time) = FlowTime.parse(bytes) else { return nil }
      return FlowDate(day: date.day, precision: .day, time: time)
    }
  }

  /// The decimal number written in `bytes[at ..< at + width]`; nil if the
  /// range runs past the end or holds a byte that is not an ASCII digit.
  @inline(__always)
  static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ width: Int) -> Int? {
    guard at + width <= bytes.count else { return nil }
    var value = 0
    for i in at ..< at + width {
      let b = bytes[i]
      guard b >= 0x30, b <= 0x39 else { return nil }
      value = value * 10 + Int(b - 0x30)
    }
    return value
  }

  /// The first instant the date covers, in seconds since
  /// 1970-01-01T00:00:00Z (the fraction of a second left out).
  public var seconds: Int64 {
    guard let time else { return Int64(day) * FlowDuration.secondsPerDay }
    return Int64(day) * FlowDuration.secondsPerDay + Int64(time.secondOfDay) - time.offsetSeconds
  }

  /// The last whole second the date covers: the end of its year, month or
  /// day, of its minute for a time written to the minute, or the second
  /// itself (`--until 2025` keeps all of 2025).
  public var lastSecond: Int64 {
    if let time { return seconds + time.coveredSeconds }
    let (y, m, _) = components
    let days: Int
    switch precision {
    case .day: days = 1
    case .month: days = FlowDate.daysInMonth(year: y, month: m)
    case .year: days = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365
    }
    return seconds + Int64(days) * FlowDuration.secondsPerDay - 1
  }

  /// The calendar year, month and day of the first day the date covers.
  public var components: (year: Int, month: Int, day: Int) {
    FlowDate.civilFromDays(Int(day))
  }

  /// The date as written: `2025`, `2025-05`, `2025-05-13`,
  /// `2025-05-13T09:30:15.250+05:30`, `2022/09/01 00:20`.
  public var description: String {
    let (y, m, d) = components
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    if let time {
      let dash = time.style == .slashSpace ? "/" : "-"
      var text = pad(y, 4) + dash + pad(m, 2) + dash + pad(d, 2)
      time.write(to: &text)
      return text
    }
    switch precision {
    case .year: return pad(y, 4)
    case .month: return pad(y, 4) + "-" + pad(m, 2)
    case .day: return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }
  }

  /// Orders by first instant, then by precision (a year before its first
  /// month, a day before a time at its midnight), then by the written text.
  public static func < (a: FlowDate, b: FlowDate) -> Bool {
    let (x, y) = (a.seconds, b.seconds)
    if x != y { return x < y }
    let (p, q) = (a.time == nil ? a.precision.rawValue : 4, b.time == nil ? b.precision.rawValue : 4)
    if p != q { return p < q }
    guard a.time != nil, a != b else { return false }
    return a.description.utf8.lexicographicallyPrecedes(b.description.utf8)
  }

  /// The number of days in `month` of `year` (proleptic Gregorian calendar).
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day number (H. Hinnant's `civil_from_days`).
  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
