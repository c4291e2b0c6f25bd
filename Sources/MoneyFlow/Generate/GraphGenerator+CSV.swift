extension GraphGenerator {
  /// Writes the graph as a MoneyFlow CSV edge list to `output`, in chunks of
  /// about 1 MiB: the header `from,to,kind,amount,currency,date`, then one
  /// line per flow, each ending in a line feed.
  ///
  /// Rows look like `c000017,c000342,purchase,1250.00,USD,2019-03-14`.
  ///
  /// - Complexity: O(`edges`) time; O(`nodes`) memory at most (see the type's
  ///   discussion), never O(`edges`).
  public func write(to output: inout some TextOutputStream) {
    writeCSV { chunk in output.write(String(decoding: chunk, as: UTF8.self)) }
  }

  /// Produces the CSV as UTF-8 bytes, handing each filled chunk of about
  /// `chunkSize` bytes to `sink` (the buffer is valid only during the call).
  /// Concatenated, the chunks are exactly what ``write(to:)`` writes.
  ///
  /// - Parameter chunkSize: the buffer size in bytes, at least 4 KiB.
  /// - Complexity: O(`edges`) time, O(`chunkSize`) memory besides the setup.
  public func writeCSV(
    chunkSize: Int = 1 << 20, into sink: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) rethrows {
    let capacity = max(chunkSize, 4_096)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var writer = CSVRowWriter(buffer: buffer, idWidth: idWidth)
    writer.append(GraphGenerator.csvHeader)
    writer.append(0x0A)
    var sampler = FlowSampler(self)
    for _ in 0 ..< edges {
      if writer.count > capacity - CSVRowWriter.maximumRowLength {
        try sink(UnsafeBufferPointer(rebasing: buffer[..<writer.count]))
        writer.count = 0
      }
      writer.appendRow(sampler.next())
    }
    if writer.count > 0 { try sink(UnsafeBufferPointer(rebasing: buffer[..<writer.count])) }
  }
}

/// Formats generated flows as CSV rows into a fixed buffer, without
/// intermediate strings.
struct CSVRowWriter {
  let buffer: UnsafeMutableBufferPointer<UInt8>
  let idWidth: Int
  var count = 0

  /// An upper bound on one row: two ids of at most 11 bytes, the longest
  /// kind (16), an amount of at most 14, `USD`, a date (10) and separators.
  static let maximumRowLength = 96

  /// Kind names as bytes, by raw value.
  static let kindNames: [[UInt8]] = FlowKind.allCases.map { Array($0.name.utf8) }

  /// `YYYY-MM-DD` of every day a generated date can take, 10 bytes each.
  static let dateTable: [UInt8] = {
    var table: [UInt8] = []
    let days = GraphGenerator.daySpan + 3 * GraphGenerator.maximumCycleLength
    table.reserveCapacity(10 * days)
    for offset in 0 ..< days {
      let date = FlowDate(day: GraphGenerator.firstDay + Int32(offset), precision: .day)
      table.append(contentsOf: date.description.utf8)
    }
    return table
  }()

  init(buffer: UnsafeMutableBufferPointer<UInt8>, idWidth: Int) {
    self.buffer = buffer
    self.idWidth = idWidth
  }

  mutating func append(_ byte: UInt8) {
    buffer[count] = byte
    count += 1
  }

  mutating func append(_ text: String) {
    for byte in text.utf8 { append(byte) }
  }

  mutating func appendRow(_ flow: GraphGenerator.GeneratedFlow) {
    appendID(Int(flow.payer))
    append(0x2C)
    appendID(Int(flow.payee))
    append(0x2C)
    for byte in CSVRowWriter.kindNames[Int(flow.kind.rawValue)] { append(byte) }
    append(0x2C)
    appendAmount(flow.cents)
    append(0x2C)
    append(0x55)  // U
    append(0x53)  // S
    append(0x44)  // D
    append(0x2C)
    let offset = 10 * Int(flow.day - GraphGenerator.firstDay)
    for i in offset ..< offset + 10 { append(CSVRowWriter.dateTable[i]) }
    append(0x0A)
  }

  /// `c` and the number in exactly `idWidth` digits.
  mutating func appendID(_ number: Int) {
    append(0x63)  // c
    appendDigits(number, width: idWidth)
  }

  /// `value` (not negative) in exactly `width` decimal digits, the last
  /// ones when it has more.
  @inline(__always)
  mutating func appendDigits(_ value: Int, width: Int) {
    var value = value
    var i = count + width - 1
    while i >= count {
      buffer[i] = UInt8(0x30 + value % 10)
      value /= 10
      i -= 1
    }
    count += width
  }

  /// Cents as a plain decimal with two decimals: 123456 → `1234.56`.
  mutating func appendAmount(_ cents: Int64) {
    let units = cents / 100
    var digits = 1
    var probe = units
    while probe >= 10 {
      probe /= 10
      digits += 1
    }
    appendDigits(Int(units), width: digits)
    append(0x2E)
    let fraction = Int(cents % 100)
    append(UInt8(0x30 + fraction / 10))
    append(UInt8(0x30 + fraction % 10))
  }
}
