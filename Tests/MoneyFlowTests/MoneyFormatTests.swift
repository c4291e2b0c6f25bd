import Testing
@testable import MoneyFlow

@Suite struct MoneyFormatTests {
  @Test(arguments: [
    (13e9, "USD", "13 bn USD"), (250e9, "USD", "250 bn USD"), (1.5e12, "USD", "1.5 tn USD"),
    (38e6, "EUR", "38 m EUR"), (950, "USD", "950 USD"), (0.5, "USD", "0.5 USD"), (0, "USD", "0 USD"),
    (12.5e9, "USD", "12.5 bn USD"), (1.25e9, "USD", "1.25 bn USD"), (1_234, "USD", "1.23 k USD"),
    (999.96e9, "USD", "1 tn USD"), (2.5e11, "JPY", "2,500億 JPY"), (5.8e12, "JPY", "5.8兆 JPY"),
    (3.8e7, "JPY", "3,800万 JPY"), (13e9, "", "13 bn"), (Double.nan, "USD", "unknown"),
  ])
  func short(value: Double, currency: String, expected: String) {
    #expect(MoneyFormat.short(value, currency: currency) == expected)
  }
}
