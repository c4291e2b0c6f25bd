/// An exact, non-negative decimal amount of money, kept as it was written.
///
/// The value is `significand × 10^exponent`. Amounts are read from plain
/// decimals (`13000000000`, `0.20`), JSON numbers (`1.3e10`) and figures with a
/// scale word (`38bn`, `13B`, `2.5 million`, `2500億`, `5.8兆`). The text as
/// written is kept in ``spelling`` when it differs from the plain decimal, so a
/// document writes back exactly what it read.
///
/// `Equatable` compares the exact decimal and the spelling; compare values
/// with ``doubleValue`` and a tolerance, or with ``isNumericallyEqual(to:)``.
public struct Amount: Hashable, Sendable, CustomStringConvertible {
  /// The integer significand, at most 18 decimal digits.
  public var significand: Int64
  /// The power of ten that scales the significand.
  public var exponent: Int8
  /// The text as written, when it differs from ``plainDecimal``; otherwise nil.
  public var spelling: String?

  /// Creates an amount from its exact decimal parts and optional spelling.
  ///
  /// - Precondition: `significand >= 0`.
  public init(significand: Int64, exponent: Int8 = 0, spelling: String? = nil) {
    precondition(significand >= 0, "an amount is never negative")
    self.significand = significand
    self.exponent = exponent
    self.spelling = nil
    if let spelling, spelling != plainDecimal { self.spelling = spelling }
  }

  /// The amount as a plain decimal: `13000000000`, `0.20`.
  public var plainDecimal: String {
    var digits = String(significand)
    if exponent >= 0 {
      if significand == 0 { return "0" }
      digits += String(repeating: "0", count: Int(exponent))
      return digits
    }
    let fraction = Int(-exponent)
    if digits.count <= fraction {
      digits = String(repeating: "0", count: fraction - digits.count + 1) + digits
    }
    let point = digits.index(digits.endIndex, offsetBy: -fraction)
    return digits[..<point] + "." + digits[point...]
  }

  /// The text as written: the spelling if one was kept, else the plain decimal.
  public var description: String { spelling ?? plainDecimal }

  /// The nearest `Double` to the exact value.
  public var doubleValue: Double {
    let value = Double(significand)
    let e = Int(exponent)
    if e >= 0 { return e <= 22 ? value * Amount.exactPowersOfTen[e] : value * pow10(e) }
    return -e <= 22 ? value / Amount.exactPowersOfTen[-e] : value / pow10(-e)
  }

  /// Whether two amounts have the same value, however they are written.
  public func isNumericallyEqual(to other: Amount) -> Bool {
    if significand == 0 || other.significand == 0 { return significand == other.significand }
    var (a, ea) = (significand, Int(exponent))
    var (b, eb) = (other.significand, Int(other.exponent))
    while a % 10 == 0 { a /= 10; ea += 1 }
    while b % 10 == 0 { b /= 10; eb += 1 }
    return a == b && ea == eb
  }

  /// Powers of ten that a `Double` holds exactly.
  static let exactPowersOfTen: [Double] = (0 ... 22).map { e in
    var p = 1.0
    for _ in 0 ..< e { p *= 10 }
    return p
  }

  private func pow10(_ e: Int) -> Double {
    var p = 1.0
    for _ in 0 ..< e { p *= 10 }
    return p
  }
}

extension Amount {
  /// Why a text is not an amount.
  public enum ParseFailure: Error, Equatable, Sendable {
    case negative
    case notFinite
    case notANumber
    case tooManyDigits
    case outOfRange
  }

  /// Scale words accepted after a figure, with their power of ten.
  static let scaleWords: [(word: String, power: Int)] = [
    ("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12),
    ("mn", 6), ("bn", 9), ("tn", 12),
    ("k", 3), ("K", 3), ("m", 6), ("M", 6), ("b", 9), ("B", 9), ("t", 12), ("T", 12),
    ("千", 3), ("万", 4), ("億", 8), ("兆", 12),
  ]

  /// Parses an amount as written in a file.
  ///
  /// Accepts a decimal with optional fraction and exponent (`1.3e10`), digits
  /// grouped by commas in threes (`2,500`), and a trailing scale word with or
  /// without a space (`38bn`, `13 B`, `2500億`). Leading and trailing spaces
  /// are ignored. Rejects negative, infinite and non-numeric text.
  ///
  /// Works on the UTF-8 bytes, one pass each for the spaces, the scale word
  /// and the figure, without recursion, so a text of any length (10,000
  /// digits, a megabyte of dashes or combining marks) costs microseconds per
  /// kilobyte and no stack.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func parse(_ text: String) -> Result<Amount, ParseFailure> {
    let bytes = Array(text.utf8)
    var low = 0
    var high = bytes.count
    while low < high, bytes[low] == 0x20 { low += 1 }
    while high > low, bytes[high - 1] == 0x20 { high -= 1 }
    if low < high, bytes[low] == 0x2D {  // '-'
      // A negative figure is named as such; "--5" and "- -5" are no number
      // (answered here, not by recursing once per dash: 100,000 dashes, or
      // "- " 10,000 times, overflowed the stack).
      var figure = low + 1
      while figure < high, bytes[figure] == 0x20 { figure += 1 }
      if figure == high || bytes[figure] == 0x2D { return .failure(.notANumber) }
      if case .success = parseUnsigned(bytes, figure, high, spelling: text) { return .failure(.negative) }
      return .failure(isNonFinite(bytes[(low + 1) ..< high]) ? .notFinite : .notANumber)
    }
    return parseUnsigned(bytes, low, high, spelling: text)
  }

  /// Parses `bytes[low ..< high]` (no surrounding spaces, no minus sign): an
  /// optional `+`, the figure and an optional scale word.
  private static func parseUnsigned(_ bytes: [UInt8], _ low: Int, _ high: Int, spelling: String) -> Result<Amount, ParseFailure> {
    var low = low
    if low < high, bytes[low] == 0x2B { low += 1 }  // '+'
    if isNonFinite(bytes[low ..< high]) { return .failure(.notFinite) }
    var high = high
    var scale = 0
    for (word, power) in scaleWordBytes where high - low >= word.count && bytes[(high - word.count) ..< high].elementsEqual(word) {
      // A single-letter word must follow a digit or a space ("5m", "5 m"), so
      // that "1e" or "m" alone stay errors.
      let figureEnd = high - word.count
      guard figureEnd > low, bytes[figureEnd - 1] == 0x20 || (bytes[figureEnd - 1] >= 0x30 && bytes[figureEnd - 1] <= 0x39) else { continue }
      high = figureEnd
      while high > low, bytes[high - 1] == 0x20 { high -= 1 }
      scale = power
      break
    }
    return parseDecimal(bytes[low ..< high], extraExponent: scale, spelling: spelling)
  }

  /// ``scaleWords`` as UTF-8 bytes, with the Kelvin sign (U+212A), which
  /// Swift's string comparison takes for `K`, as a spelling of `K`.
  static let scaleWordBytes: [(word: [UInt8], power: Int)] =
    scaleWords.map { (Array($0.word.utf8), $0.power) } + [(Array("\u{212A}".utf8), 3)]

  /// Whether `text` is `nan`, `inf`, `infinity` (in any ASCII case) or `∞`.
  private static func isNonFinite(_ text: ArraySlice<UInt8>) -> Bool {
    guard text.count <= 8 else { return false }
    let lower = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    return lower.elementsEqual("nan".utf8) || lower.elementsEqual("inf".utf8) || lower.elementsEqual("infinity".utf8)
      || lower.elementsEqual("∞".utf8)
  }

  /// Parses `digits[.digits][e[+-]digits]` with optional comma grouping.
  private static func parseDecimal(
    _ bytes: ArraySlice<UInt8>, extraExponent: Int, spelling: String
  ) -> Result<Amount, ParseFailure> {
    var digits: [UInt8] = []
    digits.reserveCapacity(bytes.count)
    var fractionDigits = 0
    var i = bytes.startIndex
    var sawPoint = false
    var groupLength = 0
    var sawComma = false
    var integerDigits = 0
    while i < bytes.endIndex {
      let b = bytes[i]
      if b >= 0x30, b <= 0x39 {
        digits.append(b - 0x30)
        if sawPoint { fractionDigits += 1 } else { integerDigits += 1; groupLength += 1 }
      } else if b == 0x2C, !sawPoint {  // ','
        // Thousands separators: 1-3 digits first, then groups of exactly 3.
        if sawComma ? groupLength != 3 : (groupLength == 0 || groupLength > 3) {
          return .failure(.notANumber)
        }
        sawComma = true
        groupLength = 0
      } else if b == 0x2E, !sawPoint {  // '.'
        if sawComma, groupLength != 3 { return .failure(.notANumber) }
        sawPoint = true
      } else {
        break
      }
      i += 1
    }
    if sawComma, !sawPoint, groupLength != 3 { return .failure(.notANumber) }
    if integerDigits == 0 || (sawPoint && fractionDigits == 0) { return .failure(.notANumber) }
    var exponent = extraExponent - fractionDigits
    if i < bytes.endIndex {
      guard bytes[i] == 0x65 || bytes[i] == 0x45, !sawComma else { return .failure(.notANumber) }
      i += 1
      var sign = 1
      if i < bytes.endIndex, bytes[i] == 0x2B || bytes[i] == 0x2D {
        sign = bytes[i] == 0x2D ? -1 : 1
        i += 1
      }
      var written = 0
      var any = false
      while i < bytes.endIndex, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        written = min(written * 10 + Int(bytes[i] - 0x30), 100_000)
        any = true
        i += 1
      }
      guard any, i == bytes.endIndex else { return .failure(.notANumber) }
      exponent += sign * written
    }
    // Leading zeros carry nothing; trailing zeros move into the exponent
    // only when the significand would not fit otherwise.
    var start = 0
    while start < digits.count - 1, digits[start] == 0, digits.count - start > 1 { start += 1 }
    var end = digits.count
    while end - start > 18, digits[end - 1] == 0 { end -= 1; exponent += 1 }
    if end - start > 18 { return .failure(.tooManyDigits) }
    var significand: Int64 = 0
    for d in digits[start ..< end] { significand = significand * 10 + Int64(d) }
    if significand == 0 { exponent = min(max(exponent, -127), 127) }
    guard exponent >= -127, exponent <= 127 else { return .failure(.outOfRange) }
    return .success(Amount(significand: significand, exponent: Int8(exponent), spelling: spelling))
  }
}

extension Amount.ParseFailure: CustomStringConvertible {
  public var description: String {
    switch self {
    case .negative: "is negative; amounts are never negative (swap from and to instead)"
    case .notFinite: "is not a finite number"
    case .notANumber:
      "is not a number (expected digits such as 13000000000, 1.3e10, 38bn or 2500億)"
    case .tooManyDigits: "has more than 18 significant digits"
    case .outOfRange: "is out of range"
    }
  }
}
