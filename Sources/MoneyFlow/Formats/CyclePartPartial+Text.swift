/// The text form of a part's partial answer, keyed by company id, one record
/// a line, fields separated by tabs:
///
///     moneyflow-part-partial/1  KIND  P/Q  I/N  COUNT  OPTIONS
///     c  AMOUNT-BITS  ID,ID,...  RANK,RANK,...     (one per kept cycle)
///     e  ID  CYCLES  UNKNOWN  FIXED-POINT-SUM      (one per exposed company)
///
/// Ids are written with `%`, tab, line feed, carriage return and comma as
/// `%25`, `%09`, `%0A`, `%0D` and `%2C`. A rank is that of the hop's flow
/// among the flows from its payer to its payee (0 for elementary cycles).
/// Amounts and sums are exact, as in ``CycleSearchPartial/text()``.
extension CyclePartPartial {
  public static let header = "moneyflow-part-partial/1"

  /// The partial as text.
  ///
  /// - Complexity: O(total length of the ids written).
  public func text() -> String {
    var out = [CyclePartPartial.header, kind.rawValue, part.description, shard.description, String(count), optionsKey]
      .joined(separator: "\t") + "\n"
    for cycle in cycles {
      out += "c\t" + String(cycle.amount.bitPattern, radix: 16) + "\t"
      out += cycle.ids.map(Self.escaped).joined(separator: ",") + "\t"
      out += cycle.ranks.map(String.init).joined(separator: ",") + "\n"
    }
    for entry in exposure {
      out += "e\t\(Self.escaped(entry.id))\t\(entry.cycles)\t\(entry.unknown)\t\(entry.sum)\n"
    }
    return out
  }

  static func escaped(_ id: String) -> String {
    var out = ""
    for scalar in id.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\t": out += "%09"
      case "\n": out += "%0A"
      case "\r": out += "%0D"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The id `text` stands for; nil for a `%` not followed by two hex digits.
  static func unescaped(_ text: Substring) -> String? {
    func hex(_ c: UInt8) -> UInt8? {
      switch c {
      case UInt8(ascii: "0") ... UInt8(ascii: "9"): c - UInt8(ascii: "0")
      case UInt8(ascii: "A") ... UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
      case UInt8(ascii: "a") ... UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
      default: nil
      }
    }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%") {
        guard i + 2 < utf8.count, let high = hex(utf8[i + 1]), let low = hex(utf8[i + 2]) else { return nil }
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `bytes` start like a part's partial.
  public static func starts(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.starts(with: Array((header + "\t").utf8))
  }

  /// Reads a partial written by ``text()``.
  ///
  /// - Throws: ``InputError`` naming `file`, the line and the field that is
  ///   not what was expected.
  /// - Complexity: O(size of the text).
  public init(parsing bytes: [UInt8], file: String) throws(InputError) {
    let text = PartialTextLines(bytes, file: file)
    let head = try text.header(CyclePartPartial.header, fields: 6, writtenBy: "cycles --part P/Q --format partial")
    guard let kind = CycleSearchPartial.Kind(rawValue: String(head[1])), let part = WorkShard(parsing: String(head[2])),
      let shard = WorkShard(parsing: String(head[3])), let count = Int(head[4]), count >= 0
    else { throw text.error(1, "the header's kind, part, shard or count field is not valid") }
    var cycles: [Cycle] = []
    var exposure: [Exposure] = []
    try text.forEachRecord { fields, number throws(InputError) in
      let ids = fields[2].split(separator: ",", omittingEmptySubsequences: false).map(Self.unescaped)
      let ranks = fields[3].split(separator: ",", omittingEmptySubsequences: false).map { Int32($0) }
      guard let bits = UInt64(fields[1], radix: 16), !ids.isEmpty, ids.count == ranks.count,
        ids.allSatisfy({ $0 != nil }), ranks.allSatisfy({ ($0 ?? -1) >= 0 })
      else { throw text.error(number, "expected a cycle: amount bits, then as many company ids as hop ranks") }
      cycles.append(Cycle(amount: Double(bitPattern: bits), ids: ids.compactMap { $0 }, ranks: ranks.compactMap { $0 }))
    } exposure: { fields, number throws(InputError) in
      guard let id = Self.unescaped(fields[1]), let c = Int(fields[2]), let u = Int(fields[3]),
        let s = Int128(fields[4]), c > 0, u >= 0, u <= c
      else { throw text.error(number, "expected exposure: a company id, its cycles, unknown ones and sum") }
      exposure.append(Exposure(id: id, cycles: c, unknown: u, sum: s))
    }
    self.init(
      kind: kind, part: part, shard: shard, optionsKey: String(head[5]), count: count, cycles: cycles,
      exposure: exposure)
  }
}
