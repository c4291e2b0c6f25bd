extension ByteBuffer {
  /// Appends ``JSONValue/formatNumber(_:)`` of `x` without building a
  /// string in the common cases: integers below 10^15 as digits, and
  /// numbers with a short decimal expansion (amounts in cents, `0.25`,
  /// `1234.5678`) through ``appendShortDecimal(_:)``; anything else
  /// (many significant digits, tiny or huge magnitudes, non-finite) falls
  /// back to Swift's own text.
  ///
  /// - Complexity: O(1).
  mutating func appendJSONNumber(_ x: Double) {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return appendDecimal(Int(x)) }
    if x.isFinite, appendShortDecimal(x) { return }
    append(contentsOf: JSONValue.formatNumber(x))
  }

  /// Appends a finite non-integer `x` as Swift's `description` writes it
  /// when that text is a plain decimal with few enough digits to be found
  /// exactly; returns false, appending nothing, otherwise.
  ///
  /// For k = 1, 2, ... fraction digits it looks for the integers m with
  /// m / 10^k == x (one correctly rounded division of two exactly
  /// represented doubles: the same double a correct parser gives for the
  /// text, so the text round-trips). Near x·10^k, and below 2^53, only
  /// m - 1, m, m + 1 can qualify. The first k with exactly one such m gives
  /// the shortest round-tripping text, which is what `description` prints
  /// for magnitudes in [0.001, 10^15); two candidates (a tie Swift breaks by
  /// closeness) or m ≥ 2^53 give up.
  ///
  /// - Complexity: O(1) (at most 17 digits tried).
  mutating func appendShortDecimal(_ x: Double) -> Bool {
    let magnitude = abs(x)
    guard magnitude >= 0.001, magnitude < 1e15 else { return false }
    let limit = 9_007_199_254_740_992.0  // 2^53: integers below it are exact
    var scale = 1.0  // 10^k, exact for k ≤ 22
    var powerOfTen: UInt64 = 1
    for k in 1 ... 17 {
      scale *= 10
      powerOfTen *= 10
      let scaled = magnitude * scale
      guard scaled + 1 < limit else { return false }
      let nearest = scaled.rounded()
      var found = -1.0
      var candidates = 0
      for offset in -1 ... 1 {
        let candidate = nearest + Double(offset)
        if candidate >= 0, candidate / scale == magnitude {
          found = candidate
          candidates += 1
        }
      }
      if candidates > 1 { return false }
      if candidates == 1 {
        let digits = UInt64(found)
        if x < 0 { append(0x2D) }
        appendDecimal(digits / powerOfTen, minimumDigits: 1)
        append(0x2E)
        appendDecimal(digits % powerOfTen, minimumDigits: k)
        return true
      }
    }
    return false
  }

  /// Appends `significand × 10^exponent` as ``Amount/plainDecimal`` writes it.
  ///
  /// - Complexity: O(digits).
  mutating func appendPlainDecimal(significand: Int64, exponent: Int8) {
    let magnitude = UInt64(significand.magnitude)  // amounts are never negative
    if exponent >= 0 {
      if significand == 0 { return append(0x30) }
      appendDecimal(magnitude, minimumDigits: 1)
      for _ in 0 ..< Int(exponent) { append(0x30) }
      return
    }
    let fraction = Int(-exponent)
    guard fraction <= 19 else {
      return append(contentsOf: Amount(significand: significand, exponent: exponent).plainDecimal)
    }
    var scale: UInt64 = 1
    for _ in 0 ..< fraction { scale *= 10 }
    appendDecimal(magnitude / scale, minimumDigits: 1)
    append(0x2E)
    appendDecimal(magnitude % scale, minimumDigits: fraction)
  }

  /// Appends a date as ``FlowDate/description`` writes it (one case per
  /// precision, as there, so a new precision has to be written here too).
  ///
  /// - Complexity: O(1).
  mutating func appendDate(_ date: FlowDate) {
    let (y, m, d) = date.components
    // Dates with a time of day (and years before 0) as their own text.
    guard y >= 0, date.time == nil else { return append(contentsOf: date.description) }
    switch date.precision {
    case .year:
      appendDecimal(UInt64(y), minimumDigits: 4)
    case .month:
      appendDecimal(UInt64(y), minimumDigits: 4)
      append(0x2D)
      appendDecimal(UInt64(m), minimumDigits: 2)
    case .day:
      appendDecimal(UInt64(y), minimumDigits: 4)
      append(0x2D)
      appendDecimal(UInt64(m), minimumDigits: 2)
      append(0x2D)
      appendDecimal(UInt64(d), minimumDigits: 2)
    }
  }
}
