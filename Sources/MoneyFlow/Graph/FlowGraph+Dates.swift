/// How a ``FlowGraph`` stores dates: per flow the day as written
/// (`dayNumber`, 4 bytes) and a form code (`dateForm`, 1 byte: undated, year,
/// month, day, or how a time was written), and for graphs that hold times of
/// day two more arrays of 4 bytes a flow: the second of the day with the
/// zone's offset (`dateClock`) and the fraction of a second as written
/// (`dateFraction`). A graph without times keeps both empty, one without
/// fractions the second: dates cost 5 bytes a flow, 9 with times, 13 with
/// fractions of a second.
extension FlowGraph {
  /// The seconds stored for a flow without a date.
  public static let undatedTime = Int64.min

  /// Form codes 1 ... 3 are ``FlowDate/Precision``; from here on, a time:
  /// `firstTimeForm + ((style × 2 + seconds written) × 4 + zone) × 10 + fraction digits`.
  static let firstTimeForm: UInt8 = 4

  /// The instant flow `flow`'s date begins, in seconds since
  /// 1970-01-01T00:00:00Z (a date without a time counts as its first
  /// instant), or ``undatedTime``.
  @inline(__always)
  public func time(of flow: Int) -> Int64 {
    let day = dayNumber[flow]
    if day == FlowGraph.undatedDay { return FlowGraph.undatedTime }
    let seconds = Int64(day) * FlowDuration.secondsPerDay
    guard dateForm[flow] >= FlowGraph.firstTimeForm else { return seconds }
    let clock = dateClock[flow]
    return seconds + Int64(clock & 0x1FFFF) - (Int64(clock >> 17) - 1440) * 60
  }

  /// Whether any flow's date has a time of day.
  public var hasTimesOfDay: Bool { !dateClock.isEmpty }

  /// The date of flow `flow`, or nil if it has none.
  public func date(of flow: Int) -> FlowDate? {
    let form = dateForm[flow]
    guard form >= FlowGraph.firstTimeForm else {
      return FlowDate.Precision(rawValue: form).map { FlowDate(day: dayNumber[flow], precision: $0) }
    }
    var code = Int(form - FlowGraph.firstTimeForm)
    let digits = Int8(code % 10)
    code /= 10
    let zoneKind = code % 4
    code /= 4
    let clock = dateClock[flow]
    let minutes = Int(clock >> 17) - 1440
    let zone: FlowTime.Zone = [.none, .utc, .offset(minutes: minutes), .unknownOffset][zoneKind]
    let time = FlowTime(
      secondOfDay: Int32(clock & 0x1FFFF), hasSeconds: code % 2 == 1,
      fraction: digits > 0 ? Int32(dateFraction[flow]) : 0, fractionDigits: digits,
      style: FlowTime.Style(rawValue: UInt8(code / 2)) ?? .isoT, zone: zone)
    return FlowDate(day: dayNumber[flow], precision: .day, time: time)
  }

  /// Appends the stored form of `date` for a new flow (the last one).
  ///
  /// - Complexity: amortized O(1); O(*E*) the first time a flow has a time
  ///   of day or a fraction, when the array for them is laid out.
  mutating func appendDate(_ date: FlowDate?) {
    let flow = dayNumber.count
    dayNumber.append(date?.day ?? FlowGraph.undatedDay)
    guard let date, let time = date.time else {
      dateForm.append(date?.precision.rawValue ?? 0)
      if !dateClock.isEmpty { dateClock.append(0) }
      if !dateFraction.isEmpty { dateFraction.append(0) }
      return
    }
    let zoneKind: Int
    var minutes = 0
    switch time.zone {
    case .none: zoneKind = 0
    case .utc: zoneKind = 1
    case .offset(let m): (zoneKind, minutes) = (2, m)
    case .unknownOffset: zoneKind = 3
    }
    let code = ((Int(time.style.rawValue) * 2 + (time.hasSeconds ? 1 : 0)) * 4 + zoneKind) * 10 + Int(time.fractionDigits)
    dateForm.append(FlowGraph.firstTimeForm + UInt8(code))
    if dateClock.isEmpty { dateClock = [UInt32](repeating: 0, count: flow) }
    dateClock.append(UInt32(time.secondOfDay) | UInt32(minutes + 1440) << 17)
    if time.fractionDigits > 0, dateFraction.count < flow { dateFraction = [UInt32](repeating: 0, count: flow) }
    if time.fractionDigits > 0 || !dateFraction.isEmpty { dateFraction.append(UInt32(time.fraction)) }
  }

  /// Reserves room for the dates of `flows` flows.
  mutating func reserveDates(_ flows: Int) {
    dayNumber.reserveCapacity(flows)
    dateForm.reserveCapacity(flows)
  }

  /// Whether two graphs store the same dates (an array laid out with zeros
  /// equals one not laid out).
  func hasSameDates(as other: FlowGraph) -> Bool {
    func same(_ a: [UInt32], _ b: [UInt32]) -> Bool {
      a == b || (a.isEmpty && !b.contains { $0 != 0 }) || (b.isEmpty && !a.contains { $0 != 0 })
    }
    return dayNumber == other.dayNumber && dateForm == other.dateForm && same(dateClock, other.dateClock)
      && same(dateFraction, other.dateFraction)
  }
}
