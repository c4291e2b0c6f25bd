/// IBM's AMLworld transaction files (`HI-Small_Trans.csv` and siblings,
/// Altman et al., "Realistic Synthetic Financial Transactions for
/// Anti-Money Laundering Models", NeurIPS 2023), recognised by their header.
///
/// How a row becomes a flow:
/// - payer `From Bank:Account`, payee `To Bank:Account` (the same account
///   number at two banks is two companies);
/// - amount `Amount Paid` in `Payment Currency`, the currency name mapped to
///   an ISO-style code (``currencyCodes``; Bitcoin is `BTC`);
/// - date the day of `Timestamp` (`2022/09/01 00:20`), see ``date(_:)``;
/// - kind ``CSVColumnMapping/defaultKind``;
/// - attributes `Payment Format` always, `Is Laundering` where it is not 0,
///   `Amount Received` and `Receiving Currency` where they differ from the
///   amount paid (so nothing is lost and most flows carry two attributes).
///
/// Rates: a row paying in one currency and receiving another states an
/// exchange rate (received ÷ paid). For each pair of currencies the row with
/// the largest amount paid is used (the most significant digits); the base
/// currency is USD when used, and every other currency gets the product of
/// rates along the shortest chain of pairs that links it to USD. A currency
/// that no chain links keeps no rate, so comparing it is an error, never a
/// silent mix.
public enum AMLworldFormat {
  /// The header that identifies the format.
  public static let header = [
    "Timestamp", "From Bank", "Account", "To Bank", "Account", "Amount Received",
    "Receiving Currency", "Amount Paid", "Payment Currency", "Payment Format", "Is Laundering",
  ]

  /// Column indices.
  static let timestamp = 0, fromBank = 1, fromAccount = 2, toBank = 3, toAccount = 4
  static let amountReceived = 5, receivingCurrency = 6, amountPaid = 7, paymentCurrency = 8
  static let paymentFormat = 9, isLaundering = 10

  /// The currency names AMLworld writes, with the codes used for them.
  public static let currencyCodes: [(name: String, code: String)] = [
    ("US Dollar", "USD"), ("Euro", "EUR"), ("Yuan", "CNY"), ("Yen", "JPY"), ("UK Pound", "GBP"),
    ("Rupee", "INR"), ("Ruble", "RUB"), ("Canadian Dollar", "CAD"), ("Australian Dollar", "AUD"),
    ("Swiss Franc", "CHF"), ("Mexican Peso", "MXN"), ("Brazil Real", "BRL"), ("Shekel", "ILS"),
    ("Saudi Riyal", "SAR"), ("Bitcoin", "BTC"),
  ]

  /// The base currency of a file that uses several.
  public static let baseCurrency = "USD"

  /// The code for an AMLworld currency name, or a code written as such; nil if unknown.
  static func code(forName name: String) -> String? {
    if let entry = currencyCodes.first(where: { $0.name == name }) { return entry.code }
    return CurrencyCode.isValid(name) ? name : nil
  }

  /// The date and time of an AMLworld timestamp `YYYY/MM/DD HH:MM` (kept to
  /// the minute and written back as it was), a day `YYYY/MM/DD`, or one of
  /// our own dates and date-times.
  static func date(_ field: UnsafeBufferPointer<UInt8>) -> FlowDate? {
    if let date = FlowDate.parse(field) { return date }
    guard field.count == 10, field[4] == 0x2F, field[7] == 0x2F else { return nil }
    var digits: [Int] = []
    for i in [0, 1, 2, 3, 5, 6, 8, 9] {
      let b = field[i]
      guard b >= 0x30, b <= 0x39 else { return nil }
      digits.append(Int(b - 0x30))
    }
    let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    return FlowDate(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7], precision: .day)
  }

  /// Collects the exchange rates that rows with two currencies state.
  struct RateCollector {
    /// Per (paid, received) currency index pair: the largest amount paid and what it bought.
    private var best: [UInt32: (paid: Double, received: Double)] = [:]

    /// Notes a row paying `paid` in currency `from` and receiving `received` in `to`.
    mutating func note(from: UInt16, paid: Double, to: UInt16, received: Double) {
      guard from != to, paid > 0, received > 0, paid.isFinite, received.isFinite else { return }
      let key = UInt32(from) << 16 | UInt32(to)
      if let old = best[key], old.paid >= paid { return }
      best[key] = (paid, received)
    }

    /// Rates into ``AMLworldFormat/baseCurrency`` for the currencies linked to
    /// it, as exact decimals of ten significant digits, sorted by code.
    ///
    /// - Complexity: O(*p* + *c*²) for *p* pairs and *c* currencies.
    func rates(codes: [String]) -> [(code: String, rate: Amount)] {
      guard let base = codes.firstIndex(of: AMLworldFormat.baseCurrency) else { return [] }
      // Units of currency `to` per unit of `from`, both directions.
      var per = [[Double]](repeating: [Double](repeating: 0, count: codes.count), count: codes.count)
      for key in best.keys.sorted() {
        guard let value = best[key] else { continue }
        let from = Int(key >> 16), to = Int(key & 0xFFFF)
        if per[from][to] == 0 { per[from][to] = value.received / value.paid }
        if per[to][from] == 0 { per[to][from] = value.paid / value.received }
      }
      // Breadth-first from the base: factor[c] = base units per unit of c.
      var factor = [Double](repeating: 0, count: codes.count)
      factor[base] = 1
      var queue = [base]
      var head = 0
      while head < queue.count {
        let c = queue[head]
        head += 1
        for other in codes.indices where factor[other] == 0 && per[other][c] > 0 {
          factor[other] = per[other][c] * factor[c]
          queue.append(other)
        }
      }
      var rates: [(code: String, rate: Amount)] = []
      for c in codes.indices where c != base && factor[c] > 0 && !codes[c].isEmpty {
        rates.append((codes[c], Self.decimal(factor[c])))
      }
      return rates.sorted { $0.code.precedesInByteOrder($1.code) }
    }

    /// `value` (positive, finite) as a decimal of ten significant digits.
    static func decimal(_ value: Double) -> Amount {
      var scaled = value
      var exponent = 0
      while scaled >= 1e10, exponent < 100 { scaled /= 10; exponent += 1 }
      while scaled < 1e9, exponent > -100 { scaled *= 10; exponent -= 1 }
      var significand = Int64(scaled.rounded())
      while significand % 10 == 0, significand != 0 { significand /= 10; exponent += 1 }
      return Amount(significand: significand, exponent: Int8(exponent))
    }
  }
}
