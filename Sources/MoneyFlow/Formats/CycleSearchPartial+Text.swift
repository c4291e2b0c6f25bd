/// The text form of a shard's partial answer, one record a line, fields
/// separated by tabs:
///
///     moneyflow-partial/1  KIND  I/N  COMPANIES  HOPS  COUNT  EXPOSED  OPTIONS
///     c  AMOUNT-BITS  NODE,NODE,...  HOP,HOP,...        (one per kept cycle)
///     e  COMPANY  CYCLES  UNKNOWN  FIXED-POINT-SUM      (one per exposed company)
///
/// Amounts are written as the hexadecimal bit pattern of the `Double` and
/// sums as exact integers, so that nothing is rounded between a shard and
/// the merge.
extension CycleSearchPartial {
  static let header = "moneyflow-partial/1"

  /// The partial as text.
  ///
  /// - Complexity: O(*V* + total length of the kept cycles).
  public func text() -> String {
    var out = [
      CycleSearchPartial.header, kind.rawValue, shard.description, String(companyCount), String(hopCount),
      String(count), String(exposure.cycles.count), optionsKey,
    ].joined(separator: "\t") + "\n"
    for entry in ranked {
      out += "c\t" + String(entry.amount.bitPattern, radix: 16) + "\t"
      out += entry.nodes.map(String.init).joined(separator: ",") + "\t"
      out += entry.hops.map(String.init).joined(separator: ",") + "\n"
    }
    for v in exposure.cycles.indices where exposure.cycles[v] != 0 {
      out += "e\t\(v)\t\(exposure.cycles[v])\t\(exposure.unknown[v])\t\(exposure.sum[v])\n"
    }
    return out
  }

  /// Reads a partial written by ``text()``.
  ///
  /// - Throws: ``InputError`` naming `file`, the line and the field that is
  ///   not what was expected.
  /// - Complexity: O(size of the text).
  public init(parsing bytes: [UInt8], file: String) throws(InputError) {
    let text = PartialTextLines(bytes, file: file)
    let head = try text.header(CycleSearchPartial.header, fields: 8, writtenBy: "cycles --shard I/N --format partial")
    guard let kind = Kind(rawValue: String(head[1])), let shard = WorkShard(parsing: String(head[2])),
      let companies = Int(head[3]), let hops = Int(head[4]), let count = Int(head[5]), let exposed = Int(head[6]),
      companies >= 0, hops >= 0, count >= 0, exposed == 0 || exposed == companies
    else { throw text.error(1, "the header's kind, shard, company, hop, count or exposure field is not valid") }
    var ranked: [RankedCycle] = []
    var cycles = [Int](repeating: 0, count: exposed)
    var unknown = [Int](repeating: 0, count: exposed)
    var sum = [Int128](repeating: 0, count: exposed)
    func numbers(_ text: Substring, below limit: Int) -> [Int32]? {
      var result: [Int32] = []
      for part in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let value = Int32(part), value >= 0, Int(value) < limit else { return nil }
        result.append(value)
      }
      return result.isEmpty ? nil : result
    }
    try text.forEachRecord { fields, number throws(InputError) in
      guard let bits = UInt64(fields[1], radix: 16), let nodes = numbers(fields[2], below: companies),
        let path = numbers(fields[3], below: hops), nodes.count == path.count
      else { throw text.error(number, "expected a cycle: amount bits, then as many companies as hops, each in range") }
      ranked.append(RankedCycle(amount: Double(bitPattern: bits), nodes: nodes, hops: path))
    } exposure: { fields, number throws(InputError) in
      guard let v = Int(fields[1]), v >= 0, v < exposed, let c = Int(fields[2]), let u = Int(fields[3]),
        let s = Int128(fields[4]), c > 0, u >= 0, u <= c
      else { throw text.error(number, "expected exposure: a company in range, its cycles, unknown ones and sum") }
      cycles[v] = c
      unknown[v] = u
      sum[v] = s
    }
    self.init(
      kind: kind, shard: shard, optionsKey: String(head[7]), companyCount: companies, hopCount: hops, count: count,
      ranked: ranked, exposure: ExposureAccumulator(cycles: cycles, unknown: unknown, sum: sum))
  }
}
