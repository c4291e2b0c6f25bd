/// Short human forms of amounts for reports: `13 bn USD`, `1.5 tn USD`,
/// `2,500億 JPY`.
///
/// Numbers print the same on every platform and locale: about three
/// significant digits, a point for decimals, commas between thousands.
public enum MoneyFormat {
  /// Scales for most currencies.
  static let westernScales: [(value: Double, word: String)] = [
    (1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k"),
  ]
  /// Scales for yen and yuan, written the East Asian way (万, 億, 兆).
  static let eastAsianScales: [(value: Double, word: String)] = [(1e12, "兆"), (1e8, "億"), (1e4, "万")]

  /// `value` in a short form with its currency: `13 bn USD`, `250 bn USD`,
  /// `38 m EUR`, `950 USD`, `2,500億 JPY`; `unknown` for NaN. An empty
  /// currency adds nothing.
  public static func short(_ value: Double, currency: String) -> String {
    guard value.isFinite else { return "unknown" }
    let scales = currency == "JPY" || currency == "CNY" ? eastAsianScales : westernScales
    let magnitude = abs(value)
    var text = decimal(magnitude, significantDigits: 3)
    // 999.96 bn rounds to 1 tn, not 1,000 bn.
    for scale in scales where magnitude >= scale.value * 0.9995 {
      text = decimal(magnitude / scale.value, significantDigits: 3) + scale.word
      break
    }
    if value < 0 { text = "-" + text }
    return currency.isEmpty ? text : text + " " + currency
  }

  /// `x` (non-negative) with at least `significantDigits` significant digits
  /// (more when its integer part is longer), no trailing zeros after the
  /// point, commas between thousands: `13`, `12.5`, `1.25`, `2,500`.
  static func decimal(_ x: Double, significantDigits: Int) -> String {
    var decimals = significantDigits - 1
    var bound = 10.0
    while decimals > 0, x >= bound {
      decimals -= 1
      bound *= 10
    }
    if x < 1 { decimals = significantDigits - 1 }
    var power: Int64 = 1
    for _ in 0 ..< decimals { power *= 10 }
    guard x * Double(power) < 9e18 else { return String(x) }
    let scaled = Int64((x * Double(power)).rounded())
    let integer = scaled / power
    var fraction = scaled % power
    var text = grouped(integer)
    if fraction > 0 {
      var digits = decimals
      while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
      }
      let raw = String(fraction)
      text += "." + String(repeating: "0", count: digits - raw.count) + raw
    }
    return text
  }

  /// An integer with commas between groups of three digits.
  static func grouped(_ value: Int64) -> String {
    let digits = Array(String(value))
    var text = ""
    for (i, digit) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
