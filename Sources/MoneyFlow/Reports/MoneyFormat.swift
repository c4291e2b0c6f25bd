/// Short, human forms of money amounts for reports: `13 bn USD`,
/// `2,500億 JPY` (see ``Amount/shortForm(_:currency:)``).
public enum MoneyFormat {
  /// `value` with a scale word and a few significant digits, then the currency.
  public static func short(_ value: Double, currency: String) -> String {
    Amount.shortForm(value, currency: currency)
  }
}
