import Testing

@testable import MoneyFlow

/// The numbers and amounts the writer formats itself, digit by digit,
/// against the `String` text they replace: ``JSONValue/formatNumber(_:)``
/// (Swift's `description`), ``Amount/plainDecimal`` and ``FlowDate/description``.
@Suite struct JSONNumberBytesTests {
  static func written(_ body: (inout ByteBuffer) -> Void) -> String {
    var out = ByteBuffer()
    body(&out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Doubles of every shape: cents and other short decimals (the fast path),
  /// sums that pick up binary noise, random bit patterns, and the edges
  /// where Swift changes notation.
  static func randomDouble(_ random: inout TestRandom) -> Double {
    let sign: Double = random.chance(0.3) ? -1 : 1
    switch random.int(0 ... 6) {
    case 0: return sign * Double(random.int(0 ... 100_000_000)) / 100
    case 1:
      let k = random.int(1 ... 12)
      var scale = 1.0
      for _ in 0 ..< k { scale *= 10 }
      return sign * Double(random.int(0 ... 999_999_999)) / scale
    case 2: return sign * (Double(random.int(1 ... 9999)) / 10 + Double(random.int(1 ... 9999)) / 100)
    case 3: return Double(bitPattern: random.next())
    case 4: return sign * Double.random(in: 0 ..< 1e16, using: &random)
    case 5: return sign * Double.random(in: 0 ..< 0.01, using: &random)
    default:
      let edges: [Double] = [
        0.001, 0.0009999999999999998, 0.0001, 1e-5, 999_999_999_999_999.9, 1e15 - 0.5, 1e15 + 0.5,
        9_007_199_254_740_991.5, 0.1 + 0.2, 1 / 3, 2 / 3, 5e-324, .greatestFiniteMagnitude, 0.5, 123456.789,
        -0.0, .infinity, -.infinity, .nan,
      ]
      return random.pick(edges)
    }
  }

  @Test(arguments: 0 ..< 40)
  func doublesMatchSwiftsText(seed: Int) {
    var random = TestRandom(seed: UInt64(seed))
    for _ in 0 ..< 2_000 {
      let x = Self.randomDouble(&random)
      #expect(Self.written { $0.appendJSONNumber(x) } == JSONValue.formatNumber(x), "\(x.bitPattern)")
    }
  }

  @Test(arguments: 0 ..< 20)
  func integersMatchTheirText(seed: Int) {
    var random = TestRandom(seed: UInt64(seed))
    for _ in 0 ..< 1_000 {
      let bits = random.int(0 ... 63)
      let value = Int(truncatingIfNeeded: random.next() >> UInt64(bits))
      let minimum = random.int(0 ... 22)
      #expect(Self.written { $0.appendDecimal(value) } == String(value))
      let magnitude = value.magnitude
      let padded = String(repeating: "0", count: max(0, minimum - String(magnitude).count)) + String(magnitude)
      #expect(Self.written { $0.appendDecimal(UInt64(magnitude), minimumDigits: minimum) } == padded)
    }
    #expect(Self.written { $0.appendDecimal(Int.min) } == String(Int.min))
    #expect(Self.written { $0.appendDecimal(UInt64.max, minimumDigits: 1) } == String(UInt64.max))
  }

  @Test(arguments: 0 ..< 50)
  func plainDecimalsAndDatesMatchTheirText(seed: Int) {
    var random = TestRandom(seed: UInt64(seed))
    for _ in 0 ..< 50 {
      let divisor = Int64(random.int(1 ... 1_000_000))
      let significand = Int64.random(in: 0 ... Int64.max / divisor, using: &random)
      let amount = Amount(significand: significand, exponent: Int8(random.int(-25 ... 8)))
      #expect(Self.written { $0.appendPlainDecimal(significand: amount.significand, exponent: amount.exponent) } == amount.plainDecimal)
      let precision = FlowDate.Precision(rawValue: UInt8(random.int(1 ... 3))) ?? .day
      if let date = FlowDate(year: random.int(1 ... 9999), month: random.int(1 ... 12), day: random.int(1 ... 28), precision: precision) {
        #expect(Self.written { $0.appendDate(date) } == date.description)
      }
    }
  }
}
