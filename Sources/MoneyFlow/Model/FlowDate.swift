/// A calendar date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with the
/// precision it was written in.
///
/// A partial date counts as its first day (`2025-05` is 2025-05-01) for
/// ordering and time windows, and is written back as it was given.
public struct FlowDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// How precisely a date was written.
  public enum Precision: UInt8, Sendable, Hashable {
    case year = 1, month = 2, day = 3
  }

  /// The first day the date covers, as days since 1970-01-01.
  public var day: Int32
  /// How precisely the date was written.
  public var precision: Precision

  /// Creates a date from a day number and a precision.
  public init(day: Int32, precision: Precision) {
    self.day = day
    self.precision = precision
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

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else,
  /// including dates that do not exist (`2025-13-01`, `2025-02-30`).
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public init?(parsing text: String) {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for i in range {
        let b = bytes[i]
        guard b >= 0x30, b <= 0x39 else { return nil }
        value = value * 10 + Int(b - 0x30)
      }
      return value
    }
    guard let year = number(0 ..< 4) else { return nil }
    switch bytes.count {
    case 4:
      self.init(year: year, precision: .year)
    case 7:
      guard bytes[4] == 0x2D, let month = number(5 ..< 7) else { return nil }
      self.init(year: year, month: month, precision: .month)
    case 10:
      guard bytes[4] == 0x2D, bytes[7] == 0x2D, let month = number(5 ..< 7),
        let day = number(8 ..< 10)
      else { return nil }
      self.init(year: year, month: month, day: day, precision: .day)
    default:
      return nil
    }
  }

  /// The calendar year, month and day of the first day the date covers.
  public var components: (year: Int, month: Int, day: Int) {
    FlowDate.civilFromDays(Int(day))
  }

  /// The date as written: `2025`, `2025-05` or `2025-05-13`.
  public var description: String {
    let (y, m, d) = components
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    switch precision {
    case .year: return pad(y, 4)
    case .month: return pad(y, 4) + "-" + pad(m, 2)
    case .day: return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }
  }

  /// Orders by first day, then by precision (a year before its first month).
  public static func < (a: FlowDate, b: FlowDate) -> Bool {
    (a.day, a.precision.rawValue) < (b.day, b.precision.rawValue)
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
