/// Turns a byte stream that arrives in chunks into flows, one record at a time.
///
/// The first record is the CSV header (any header ``CSVEdgeListReader``
/// recognises); every later record is one flow, parsed as soon as its line is
/// complete. A record ends at a newline outside double quotes, so quoted
/// fields may hold newlines. Blank lines are skipped.
public struct FlowLineReader: Sendable {
  /// The name used in error messages.
  public let file: String
  private var pending: [UInt8] = []
  private var scanned = 0
  private var quoted = false
  private var header: [UInt8]?
  /// The 1-based line on which the pending record starts.
  private var line = 1
  /// Flows (data rows) read so far.
  public private(set) var rows = 0

  /// Prepares to read a stream named `file` in errors.
  public init(file: String) { self.file = file }

  /// Adds `chunk` and returns each flow completed by it (as a one-flow
  /// graph) with its 1-based row.
  ///
  /// - Throws: ``InputError`` naming the record's line.
  /// - Complexity: O(*n*) in the bytes added, plus parsing each record.
  public mutating func add(_ chunk: UnsafeRawBufferPointer) throws(InputError) -> [(flow: FlowGraph, row: Int)] {
    var out: [(flow: FlowGraph, row: Int)] = []
    pending.append(contentsOf: chunk)
    var start = 0
    var i = scanned
    while i < pending.count {
      let byte = pending[i]
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if byte == UInt8(ascii: "\n"), !quoted {
        let record = Array(pending[start ..< i])
        let recordLine = line
        line += 1 + record.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        start = i + 1
        if let flow = try handle(record, line: recordLine) { out.append((flow, rows)) }
      }
      i += 1
    }
    pending.removeFirst(start)
    scanned = pending.count
    return out
  }

  /// Handles a last record without a final newline.
  public mutating func finish() throws(InputError) -> [(flow: FlowGraph, row: Int)] {
    guard !pending.isEmpty else { return [] }
    let record = pending
    pending = []
    scanned = 0
    guard let flow = try handle(record, line: line) else { return [] }
    return [(flow, rows)]
  }

  /// Parses one record: the header, or one flow.
  private mutating func handle(_ record: [UInt8], line recordLine: Int) throws(InputError) -> FlowGraph? {
    var record = record
    if record.last == UInt8(ascii: "\r") { record.removeLast() }
    guard let header else {
      if !record.isEmpty { header = record }
      return nil
    }
    if record.isEmpty { return nil }
    let graph: FlowGraph
    do {
      graph = try CSVEdgeListReader(bytes: header + [UInt8(ascii: "\n")] + record, file: file).read()
    } catch {
      var error = error
      if error.line >= 2 { error.line = recordLine + error.line - 2 }
      throw error
    }
    rows += 1
    return graph
  }
}
