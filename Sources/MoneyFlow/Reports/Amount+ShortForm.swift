extension Amount {
  /// The amount in a short form for people: `13 bn USD`, `2,500億 JPY`.
  ///
  /// See ``shortForm(_:currency:)``.
  public func shortForm(currency: String) -> String {
    Amount.shortForm(doubleValue, currency: currency)
  }

  /// A value in a short form for people, as drawn on diagrams: `13 bn USD`,
  /// `1.25 tn USD`, `250 m EUR`, `2,500億 JPY`, `5.8兆 JPY`.
  ///
  /// Behaviour:
  /// - Yen and yuan (`JPY`, `CNY`) use the East Asian myriad units 万 (10⁴),
  ///   億 (10⁸) and 兆 (10¹²), with no space before the unit; other
  ///   currencies use `k` (10³), `m` (10⁶), `bn` (10⁹) and `tn` (10¹²), words
  ///   that ``Amount/parse(_:)`` reads back. The units match
  ///   ``MoneyFormat/short(_:currency:)``.
  /// - The figure keeps three significant digits, or all of its integer
  ///   part (`2,500億`, `1,234 tn`); trailing zeros after the point are
  ///   dropped (`13 bn`, not `13.0 bn`); the integer part is grouped by
  ///   commas in threes; values below 1 keep three significant digits (`0.00125`).
  /// - The unit is chosen after rounding, so 999.96 bn is `1 tn` and
  ///   9,999.6億 is `1兆`.
  /// - An empty `currency` writes no code (`13 bn`).
  /// - Output does not depend on locale or platform.
  ///
  /// Edge cases: a negative value gets a minus sign; an infinite or NaN
  /// value is written `unknown`, without currency; a figure beyond 10¹⁵ of the largest unit
  /// falls back to Swift's `Double` description.
  ///
  /// - Complexity: O(1).
  public static func shortForm(_ value: Double, currency: String) -> String {
    var buffer = ByteBuffer(capacity: 24)
    appendShortForm(value, currency: currency, to: &buffer)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }

  /// Whether `currency` is written with 万, 億 and 兆.
  static func usesMyriadUnits(_ currency: String) -> Bool { currency == "JPY" || currency == "CNY" }

  /// Appends ``shortForm(_:currency:)`` of `value` to `out`.
  static func appendShortForm(_ value: Double, currency: String, to out: inout ByteBuffer) {
    guard value.isFinite else { return out.append("unknown") }
    appendShortFigure(value, myriad: usesMyriadUnits(currency), to: &out)
    if !currency.isEmpty {
      out.append(0x20)
      out.append(contentsOf: currency)
    }
  }

  static let myriadScales: [Double] = [1e4, 1e8, 1e12]
  static let thousandScales: [Double] = [1e3, 1e6, 1e9, 1e12]

  /// Appends the figure and unit of ``shortForm(_:currency:)``, without the currency.
  static func appendShortFigure(_ value: Double, myriad: Bool, to out: inout ByteBuffer) {
    guard value.isFinite else { return out.append("unknown") }
    if value < 0 { out.append(0x2D) }
    let value = value.magnitude
    let scales = myriad ? Amount.myriadScales : Amount.thousandScales
    let step: Double = myriad ? 1e4 : 1e3  // ratio of one unit to the next
    var unit = -1  // index into scales; -1 = no unit
    for (i, scale) in scales.enumerated() where value >= scale { unit = i }
    while true {
      let mantissa = unit < 0 ? value : value / scales[unit]
      var decimals = 0
      if mantissa < 100, mantissa > 0 {
        decimals = mantissa >= 10 ? 1 : 2
        var x = mantissa
        while x < 1, decimals < 9 { x *= 10; decimals += 1 }
      }
      let factor = Amount.exactPowersOfTen[decimals]
      let scaled = (mantissa * factor).rounded(.toNearestOrAwayFromZero)
      let limit = unit < 0 ? scales[0] : step
      if unit + 1 < scales.count, scaled >= limit * factor {
        unit += 1
        continue
      }
      guard scaled < 9e15 else { return out.append(contentsOf: value.description) }
      let integer = UInt64(scaled)
      let power = UInt64(factor)
      out.appendGrouped(integer / power)
      var fraction = integer % power
      var digits = decimals
      while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
      if digits > 0 {
        out.append(0x2E)
        out.appendDecimal(fraction, minimumDigits: digits)
      }
      if unit >= 0 {
        switch (myriad, unit) {
        case (true, 0): out.append("万")
        case (true, 1): out.append("億")
        case (true, _): out.append("兆")
        case (false, 0): out.append(" k")
        case (false, 1): out.append(" m")
        case (false, 2): out.append(" bn")
        case (false, _): out.append(" tn")
        }
      }
      return
    }
  }
}
