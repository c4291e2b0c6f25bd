/// Short, human forms of money amounts: `13 bn USD`, `250 bn USD`,
/// `1.25 bn USD`, `5.8兆 JPY`.
public enum MoneyFormat {
  /// `value` with a scale word and up to three significant digits, then the
  /// currency. JPY and CNY use 万/億/兆; others k, m, bn, tn.
  public static func short(_ value: Double, currency: String) -> String {
    let unit = currency.isEmpty ? "" : " " + currency
    guard value.isFinite else { return "unknown" }
    let east = currency == "JPY" || currency == "CNY"
    let scales: [(Double, String)] = east
      ? [(1e12, "兆"), (1e8, "億"), (1e4, "万")]
      : [(1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")]
    for (scale, word) in scales where abs(value) >= scale {
      return significant(value / scale) + word + unit
    }
    return significant(value) + unit
  }

  /// A number with at most three significant digits (at least the integer
  /// part), grouped by commas: `13`, `1.25`, `2,500`.
  public static func significant(_ x: Double) -> String {
    let magnitude = abs(x)
    let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
    var factor = 1.0
    for _ in 0 ..< decimals { factor *= 10 }
    let scaled = (magnitude * factor).rounded()
    var integerPart = Int64(scaled / factor)
    var fraction = Int64(scaled) - integerPart * Int64(factor)
    if fraction < 0 { fraction = 0; integerPart = Int64(scaled / factor) }
    var digits = String(integerPart)
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    var text = (x < 0 ? "-" : "") + digits + grouped
    if decimals > 0, fraction > 0 {
      var f = String(fraction)
      f = String(repeating: "0", count: decimals - f.count) + f
      while f.last == "0" { f.removeLast() }
      text += "." + f
    }
    return text
  }
}
