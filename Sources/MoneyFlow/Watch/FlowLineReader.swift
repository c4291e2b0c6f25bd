/// Turns a byte stream that arrives in chunks into flows, one record at a time.
///
/// The first record is the CSV header (any header ``CSVEdgeListReader``
/// recognises); every later record is one flow, parsed as soon as its line is
/// complete. A record ends at a newline outside double quotes, so quoted
/// fields may hold newlines. Blank lines are skipped. A record of
/// ``CSVReader/maximumRecordBytes`` (16 MiB) or more is an error, so memory
/// stays below that plus one chunk however long a line the stream sends.
public struct FlowLineReader: Sendable {
  /// The name used in error messages.
  public let file: String
  private var pending: [UInt8] = []
  private var scanned = 0
  private var quoted = false
  private var header: [UInt8]?
  /// The 1-based line on which the pending record starts.
  private var line = 1
  /// The record length refused (smaller in tests).
  var maximumRecordBytes = CSVReader.maximumRecordBytes
  /// Flows (data rows) read so far.
  public private(set) var rows = 0

  /// Prepares to read a stream named `file` in errors.
  public init(file: String) { self.file = file }

  /// Adds `chunk` and returns the flows its complete records hold, as one
  /// graph in stream order, with the 1-based row of its first flow (nil when
  /// the chunk completes no flow). Every complete record is handled at once,
  /// so a line that arrives on a pipe is answered before the next one.
  ///
  /// - Throws: ``InputError`` naming the record's line in the stream.
  /// - Complexity: O(*n*) in the bytes added, plus parsing the records.
  public mutating func add(_ chunk: UnsafeRawBufferPointer) throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
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
    var start = 0
    var batch: [UInt8] = []
    var batchLines: [(batchLine: Int, streamLine: Int)] = []
    var batchLine = 2
    var i = scanned
    while i < pending.count {
      let byte = pending[i]
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if byte == UInt8(ascii: "\n"), !quoted {
        var end = i
        if end > start, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let newlines = pending[start ..< end].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if header == nil {
          if end > start { header = Array(pending[start ..< end]) }
        } else if end > start {
          batchLines.append((batchLine, line))
          batch.append(contentsOf: pending[start ..< end])
          batch.append(UInt8(ascii: "\n"))
          batchLine += 1 + newlines
        }
        line += 1 + newlines
        start = i + 1
      }
      i += 1
    }
    pending.removeFirst(start)
    scanned = pending.count
    return try parse(batch, lines: batchLines)
  }

  /// Handles a last record without a final newline.
  ///
  /// - Throws: ``InputError`` for a bad record, such as an unterminated quote.
  public mutating func finish() throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    guard !pending.isEmpty else { return nil }
    if pending.count >= maximumRecordBytes {
      throw InputError(.tooLong, file: file, line: line, message: CSVReader.recordTooLongMessage(maximumRecordBytes))
    }
    pending.append(UInt8(ascii: "\n"))
    scanned = 0
    quoted = false
    if let done = try scan() { return done }
    guard !pending.isEmpty else { return nil }
    // An unterminated quote: let the CSV reader name it.
    let record = pending
    pending = []
    return try parse(record, lines: [(2, line)])
  }

  /// Parses the records of one batch after the header.
  private mutating func parse(
    _ batch: [UInt8], lines: [(batchLine: Int, streamLine: Int)]
  ) throws(InputError) -> (flows: FlowGraph, firstRow: Int)? {
    guard let header, !batch.isEmpty else { return nil }
    let graph: FlowGraph
    do {
      graph = try CSVEdgeListReader(bytes: header + [UInt8(ascii: "\n")] + batch, file: file).read()
    } catch {
      var error = error
      if let record = lines.last(where: { $0.batchLine <= error.line }) {
        error.line = record.streamLine + error.line - record.batchLine
      }
      throw error
    }
    let first = rows + 1
    rows += graph.flowCount
    return (graph, first)
  }
}
