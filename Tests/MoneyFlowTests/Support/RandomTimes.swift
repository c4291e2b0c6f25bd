@testable import MoneyFlow

/// Random dates with times of day, in every written form, for round trips
/// and for the temporal search's brute-force checks.
enum RandomTimes {
  /// A random date-time on day `day`: any of the three styles, with or
  /// without seconds, fractions of 1 to 9 digits and zones (`Z`, `±HH:MM`,
  /// `-00:00`) where the ISO `T` form allows them.
  static func dateTime(day: Int32, _ random: inout TestRandom) -> FlowDate {
    let style = random.pick([FlowTime.Style.isoT, .isoT, .isoSpace, .slashSpace])
    var time = FlowTime(secondOfDay: Int32(random.int(0 ... 86_399)), hasSeconds: random.chance(0.6), style: style)
    if !time.hasSeconds { time.secondOfDay -= time.secondOfDay % 60 }
    if style == .isoT {
      if time.hasSeconds, random.chance(0.4) {
        time.fractionDigits = Int8(random.int(1 ... 9))
        var limit = 1
        for _ in 0 ..< Int(time.fractionDigits) { limit *= 10 }
        time.fraction = Int32(random.int(0 ... limit - 1))
      }
      time.zone = random.pick([
        FlowTime.Zone.none, .utc, .unknownOffset, .offset(minutes: random.int(-1439 ... 1439)), .offset(minutes: 330),
      ])
      if case .offset(0) = time.zone { time.zone = .utc }
    }
    return FlowDate(day: day, precision: .day, time: time)
  }

  /// A date for a small temporal test graph: few distinct instants, so that
  /// flows tie to the second, partial dates and times share first instants,
  /// and zones move a time onto another day; nil sometimes (undated).
  static func clustered(_ random: inout TestRandom) -> FlowDate? {
    if random.chance(0.1) { return nil }
    let day = Int32(18_262 + random.int(0 ... 3))  // 2020-01-01 ... 04
    switch random.int(0 ... 9) {
    case 0: return FlowDate(day: 18_262, precision: .month)
    case 1, 2: return FlowDate(day: day, precision: .day)
    default:
      let seconds: [Int32] = [0, 1, 59, 60, 3_600, 18_000, 21_600, 21_601, 43_200, 86_399]
      let styles: [FlowTime.Style] = [.isoT, .isoSpace, .slashSpace]
      var time = FlowTime(secondOfDay: random.pick(seconds), hasSeconds: true, style: random.pick(styles))
      if time.style == .isoT {
        time.zone = random.pick([FlowTime.Zone.none, .utc, .offset(minutes: 60), .offset(minutes: -360)])
        if random.chance(0.2) {
          time.fraction = Int32(random.int(0 ... 999))
          time.fractionDigits = 3
        }
      }
      return FlowDate(day: day, precision: .day, time: time)
    }
  }

  /// Windows in every unit, short and long, for the temporal brute force.
  static let windows: [FlowDuration?] = [
    nil, FlowDuration(seconds: 0), FlowDuration(seconds: 1), FlowDuration(seconds: 59), FlowDuration(seconds: 90 * 60),
    FlowDuration(seconds: 6 * 3_600), FlowDuration(seconds: 6 * 3_600 + 1), 1, 2, FlowDuration(seconds: 30 * 86_400),
  ]
}
