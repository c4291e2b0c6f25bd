extension AMLworldGenerator {
  /// Produces the file as UTF-8 bytes, handing each filled chunk of about
  /// `chunkSize` bytes to `sink` (the buffer is valid only during the call),
  /// and returns the planted attempts.
  ///
  /// Rows look like
  /// `2022/09/03 14:07,012,80004F1A3,034,8001D2E5C,1182.35,Euro,1383.35,US Dollar,ACH,1`.
  ///
  /// - Complexity: O(*r* log *r*) time and O(*r*) memory for *r* rows (they
  ///   are sorted by time before writing).
  @discardableResult
  public func writeCSV(
    chunkSize: Int = 1 << 20, into sink: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) rethrows -> [PlantedPattern] {
    let (rows, planted) = rows()
    var out: [UInt8] = []
    out.reserveCapacity(chunkSize + 256)
    out.append(contentsOf: AMLworldFormat.header.joined(separator: ",").utf8)
    out.append(0x0A)
    let names = Self.currencies.map { Array($0.name.utf8) }
    let formats = Self.formatNames.map { Array($0.utf8) }
    var stamps: [UInt8] = []  // `YYYY/MM/DD` of each day
    for day in 0 ... Self.daySpan {
      stamps.append(contentsOf: FlowDate(day: Self.firstDay + Int32(day), precision: .day).description.utf8.map { $0 == 0x2D ? 0x2F : $0 })
    }
    for row in rows {
      let day = Int(row.minute) / 1440, minute = Int(row.minute) % 1440
      out.append(contentsOf: stamps[10 * day ..< 10 * day + 10])
      out.append(0x20)
      Self.appendDigits(minute / 60, width: 2, to: &out)
      out.append(0x3A)
      Self.appendDigits(minute % 60, width: 2, to: &out)
      let payer = Int(row.payer), payee = Int(row.payee)
      let paid = currency(of: payer), received = currency(of: payee)
      for account in [payer, payee] {
        out.append(0x2C)
        Self.appendDigits(bank(of: account) + 1, width: 3, to: &out)
        out.append(0x2C)
        Self.appendHex(number(of: account), to: &out)
      }
      out.append(0x2C)
      Self.appendAmount(row.usd / Self.currencies[received].usd, decimals: received == Self.bitcoin ? 6 : 2, to: &out)
      out.append(0x2C)
      out.append(contentsOf: names[received])
      out.append(0x2C)
      Self.appendAmount(row.usd / Self.currencies[paid].usd, decimals: paid == Self.bitcoin ? 6 : 2, to: &out)
      out.append(0x2C)
      out.append(contentsOf: names[paid])
      out.append(0x2C)
      out.append(contentsOf: formats[Int(row.format)])
      out.append(0x2C)
      out.append(row.pattern >= 0 ? 0x31 : 0x30)
      out.append(0x0A)
      if out.count >= chunkSize {
        try out.withUnsafeBufferPointer { try sink($0) }
        out.removeAll(keepingCapacity: true)
      }
    }
    if !out.isEmpty { try out.withUnsafeBufferPointer { try sink($0) } }
    return planted
  }

  /// The whole file as a string, with the planted attempts.
  public func text() -> (csv: String, planted: [PlantedPattern]) {
    var bytes: [UInt8] = []
    let planted = writeCSV { bytes.append(contentsOf: $0) }
    return (String(decoding: bytes, as: UTF8.self), planted)
  }

  /// The index of Bitcoin in ``currencies``.
  static let bitcoin = currencies.firstIndex { $0.name == "Bitcoin" } ?? -1

  /// `value` in decimal, zero-padded to at least `width` digits.
  static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
    var digits: [UInt8] = []
    var rest = value
    repeat {
      digits.append(UInt8(0x30 + rest % 10))
      rest /= 10
    } while rest > 0
    while digits.count < width { digits.append(0x30) }
    out.append(contentsOf: digits.reversed())
  }

  /// `value` in upper-case hexadecimal.
  static func appendHex(_ value: UInt64, to out: inout [UInt8]) {
    let hex = Array("0123456789ABCDEF".utf8)
    var digits: [UInt8] = []
    var rest = value
    repeat {
      digits.append(hex[Int(rest & 15)])
      rest >>= 4
    } while rest > 0
    out.append(contentsOf: digits.reversed())
  }

  /// A positive amount as a plain decimal with `decimals` decimals.
  static func appendAmount(_ value: Double, decimals: Int, to out: inout [UInt8]) {
    var scale: Int64 = 1
    for _ in 0 ..< decimals { scale *= 10 }
    let units = Int64(min(max(value, 0), 1e12) * Double(scale) + 0.5)
    appendDigits(Int(units / scale), width: 1, to: &out)
    out.append(0x2E)
    appendDigits(Int(units % scale), width: decimals, to: &out)
  }
}
