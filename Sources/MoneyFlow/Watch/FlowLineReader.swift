/// Turns a byte stream that arrives in chunks into flows, one record at a time.
///
/// Two forms, told apart by the name (`.jsonl`) or the first byte (`{`):
/// - CSV: the first record is the header (any header ``CSVEdgeListReader``
///   recognises, or any with a column `mapping`); every later record is one
///   flow. A record ends at a newline outside double quotes, so quoted fields
///   may hold newlines.
/// - JSON Lines: every line is one flow object with the fields of a JSON
///   document's flows (`from`, `to`, `kind`, `amount`, `currency`, `date`,
///   `id`, …); companies are created from the ids used.
///
/// Each flow is parsed as soon as its line is complete. Blank lines are skipped. A
/// record of ``CSVReader/maximumRecordBytes`` (16 MiB) or more is an error, so memory
/// stays below that plus one chunk however long a line the stream sends.
public struct FlowLineReader: Sendable {
  /// The name used in error messages.
  public let file: String
  /// The CSV column mapping (`--columns`), if any.
  public let mapping: CSVColumnMapping?
  /// Whether the stream is JSON Lines; nil until its first byte is seen.
  public private(set) var isJSONLines: Bool?
  private var pending: [UInt8] = []
  private var scanned = 0
  private var quoted = false
  /// Newlines inside quotes in the pending record, so far.
  private var insideNewlines = 0
  private var header: [UInt8]?
  /// The 1-based line on which the pending record starts.
  private var line = 1
  /// The record length refused (smaller in tests).
  var maximumRecordBytes = CSVReader.maximumRecordBytes
  /// Flows (data rows) read so far.
  public private(set) var rows = 0
  /// An error met after the flows of the batch last returned; see ``rethrow()``.
  private var deferred: InputError?
  /// The 1-based line in the stream of each flow of the batch last returned.
  public private(set) var lastLines: [Int] = []

  /// Prepares to read a stream named `file` in errors, with CSV columns
  /// named by `mapping`.
  public init(file: String, mapping: CSVColumnMapping? = nil) {
    self.file = file
    self.mapping = mapping
    if file.hasSuffix(".jsonl") { isJSONLines = true }
  }

  /// Throws the error met after the flows last returned, if any: call it
  /// once those flows are handled, so that nothing before a bad line is lost.
  public mutating func rethrow() throws(InputError) {
    if let error = deferred {
      deferred = nil
      throw error
    }
  }

  /// Adds `chunk` and returns the flows its complete records hold, as one
  /// graph in stream order, with the 1-based row of its first flow (nil when
  /// the chunk completes no flow). The graph's companies are numbered in
  /// order of arrival, not sorted by id (a sort per batch would cost more
  /// than the watch): use its flows and ``FlowGraph/id(of:)``, not lookups by id. Every complete record is handled at once,
  /// so a line that arrives on a pipe is answered before the next one.
  ///
  /// - Throws: ``InputError`` naming the record's line in the stream.
  /// - Complexity: O(*n*) in the bytes added, plus parsing the records.
  public mutating func add(_ chunk: UnsafeRawBufferPointer) throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    try rethrow()
    // An unfinished record as long as the CSV reader refuses is refused
    // here (after the flows before it were answered), so a stream without
    // line ends holds at most that much and one chunk.
    if pending.count >= maximumRecordBytes {
      throw InputError(.tooLong, file: file, line: line, message: CSVReader.recordTooLongMessage(maximumRecordBytes))
    }
    pending.append(contentsOf: chunk)
    return try scan()
  }

  /// Takes the complete records out of `pending` and parses them.
  private mutating func scan() throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    if isJSONLines == nil {
      let blank: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A]
      guard let first = pending.first(where: { !blank.contains($0) }) else { return nil }
      isJSONLines = first == UInt8(ascii: "{")
    }
    if isJSONLines == true, mapping != nil {
      throw InputError(.unsupportedFormat, file: file, line: 1, message: "--columns maps the columns of a CSV file; this stream is JSON Lines")
    }
    let json = isJSONLines == true
    var batch: [UInt8] = []
    batch.reserveCapacity(pending.count)
    var batchLines: [(batchLine: Int, streamLine: Int, offset: Int)] = []
    var batchLine = 2
    // One pass over the new bytes through a raw buffer; the state of an
    // unfinished record (inside quotes, newlines so far) carries over.
    var quoted = self.quoted, inside = self.insideNewlines, line = self.line
    var headerRange: Range<Int>?
    let start = pending.withUnsafeBufferPointer { bytes in
      var start = 0
      for i in scanned ..< bytes.count {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\""), !json {
          quoted.toggle()
        } else if byte == UInt8(ascii: "\n") {
          if quoted {
            inside += 1
            continue
          }
          var end = i
          if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
          if header == nil, headerRange == nil, !json {
            if end > start { headerRange = start ..< end }
          } else if end > start {
            batchLines.append((batchLine, line, batch.count))
            batch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< end]))
            batch.append(UInt8(ascii: "\n"))
            batchLine += 1 + inside
          }
          line += 1 + inside
          inside = 0
          start = i + 1
        }
      }
      return start
    }
    if let headerRange { header = Array(pending[headerRange]) }
    self.quoted = quoted
    self.insideNewlines = inside
    self.line = line
    pending.removeFirst(start)
    scanned = pending.count
    return try parse(batch, lines: batchLines)
  }

  /// Handles a last record without a final newline.
  ///
  /// - Throws: ``InputError`` for a bad record, such as an unterminated quote.
  public mutating func finish() throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    try rethrow()
    guard !pending.isEmpty else { return nil }
    if pending.count >= maximumRecordBytes {
      throw InputError(.tooLong, file: file, line: line, message: CSVReader.recordTooLongMessage(maximumRecordBytes))
    }
    pending.append(UInt8(ascii: "\n"))
    scanned = 0
    quoted = false
    insideNewlines = 0
    if let done = try scan() { return done }
    guard !pending.isEmpty else { return nil }
    // An unterminated quote: let the CSV reader name it.
    let record = pending
    pending = []
    return try parse(record, lines: [(2, line, 0)])
  }

  /// Parses the records of one batch after the header.
  private mutating func parse(
    _ batch: [UInt8], lines: [(batchLine: Int, streamLine: Int, offset: Int)]
  ) throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    guard !batch.isEmpty else { return nil }
    if isJSONLines == true { return try parseJSONLines(batch, lines: lines) }
    guard let header else { return nil }
    let graph: FlowGraph
    do {
      var builder = FlowGraphBuilder()
      try CSVEdgeListReader(bytes: header + [UInt8(ascii: "\n")] + batch, file: file, mapping: mapping)
        .read(into: &builder, listedCompaniesOnly: false)
      graph = (consume builder).buildInArrivalOrder()
    } catch {
      var error = error
      guard let record = lines.lastIndex(where: { $0.batchLine <= error.line }) else { throw error }
      error.line = lines[record].streamLine + error.line - lines[record].batchLine
      // The records before the bad one are taken; the error comes after them.
      guard record > 0 else { throw error }
      deferred = error
      return try parse(Array(batch[..<lines[record].offset]), lines: Array(lines[..<record]))
    }
    let first = rows + 1
    rows += graph.flowCount
    lastLines = graph.flowCount == lines.count ? lines.map(\.streamLine) : []
    return (graph, first)
  }

  /// Parses a batch of JSON Lines, one flow object a line.
  private mutating func parseJSONLines(
    _ batch: [UInt8], lines: [(batchLine: Int, streamLine: Int, offset: Int)]
  ) throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    var builder = FlowGraphBuilder()
    var start = 0
    var record = 0
    for i in batch.indices where batch[i] == UInt8(ascii: "\n") {
      let streamLine = lines[record].streamLine
      do {
        try JSONDocumentReader(bytes: Array(batch[start ..< i]), file: file).readFlow(into: &builder)
      } catch {
        var error = error
        error.line = streamLine
        // The lines before the bad one are taken; the error comes after them.
        guard record > 0 else { throw error }
        deferred = error
        break
      }
      record += 1
      start = i + 1
    }
    let graph = (consume builder).buildInArrivalOrder()
    let first = rows + 1
    rows += graph.flowCount
    lastLines = lines[..<record].map(\.streamLine)
    return (graph, first)
  }
}
