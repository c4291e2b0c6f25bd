import Testing

@testable import MoneyFlow

/// The byte serializer behind every JSON answer writes exactly what the
/// String serializer it replaced wrote (``ReferenceJSON``).
@Suite struct JSONValueBytesTests {
  /// Strings with every kind of character an escape treats apart.
  static let strings = RandomDocuments.awkwardStrings + [
    "\u{0}", "\u{1}\u{1F}", "\u{08}\u{0C}", "\u{7F}", "line\u{2028}sep\u{2029}", "\u{2027}\u{202A}", "€ ≠ \u{E2}",
    "\"\\\"", "🇯🇵", "ｶﾀｶﾅ", "a\u{301}",
  ]

  static func randomValue(_ random: inout TestRandom, depth: Int) -> JSONValue {
    switch random.int(0 ... (depth > 3 ? 5 : 7)) {
    case 0: return .null
    case 1: return .bool(random.chance(0.5))
    case 2:
      let numbers: [Double] = [0, -0.0, 1, -17, 0.1, 1e15, 1e16, -2.5e-7, 13e9, .infinity, .nan, 123456.789]
      return .number(random.pick(numbers))
    case 3: return .rawNumber(random.pick(["0", "13bn", "1.3e10", "-7"]))
    case 4, 5: return .string(random.pick(strings))
    case 6: return .array((0 ..< random.int(0 ... 4)).map { _ in randomValue(&random, depth: depth + 1) })
    default:
      return .object(
        (0 ..< random.int(0 ... 4)).map { _ in (random.pick(strings), randomValue(&random, depth: depth + 1)) })
    }
  }

  @Test(arguments: 0 ..< 300)
  func bytesMatchTheStringSerializer(seed: Int) {
    var random = TestRandom(seed: UInt64(seed))
    let value = Self.randomValue(&random, depth: 0)
    #expect(value.rendered(pretty: true) == ReferenceJSON.rendered(value, pretty: true))
    #expect(value.rendered(pretty: false) == ReferenceJSON.rendered(value, pretty: false))
  }

  @Test func everyScalarBelowU0800EscapesAsBefore() {
    let text = String(String.UnicodeScalarView((0 ..< 0x800).compactMap(Unicode.Scalar.init)))
      + "\u{2028}\u{2029}\u{2030}\u{FFFF}\u{10FFFF}"
    #expect(JSONValue.string(text).rendered() == ReferenceJSON.rendered(.string(text)))
  }
}
