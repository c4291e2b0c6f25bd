/// The lines of a partial answer's text (`--format partial`: a header line,
/// then `c` cycle and `e` exposure lines), as ``CycleSearchPartial`` and
/// ``CyclePartPartial`` read them: the header's fields, every record line
/// with its number, and errors naming the line.
struct PartialTextLines {
  let lines: [Substring]
  let file: String

  /// The lines of `bytes` (UTF-8), read from `file`.
  ///
  /// - Complexity: O(size of the text).
  init(_ bytes: [UInt8], file: String) {
    lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    self.file = file
  }

  /// An ``InputError`` at `line` (1-based) saying `message` and showing the line.
  ///
  /// - Complexity: O(length of the line).
  func error(_ line: Int, _ message: String) -> InputError {
    InputError(.invalidValue, file: file, line: line, message: message, sourceLine: lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil)
  }

  /// The `count` tab-separated fields of the header line (the last one
  /// takes the rest of the line).
  ///
  /// - Throws: ``InputError`` on line 1 when the line has fewer fields or
  ///   does not start with `header`; `writtenBy` names the command that
  ///   writes such files.
  /// - Complexity: O(length of the header line).
  func header(_ header: String, fields count: Int, writtenBy: String) throws(InputError) -> [Substring] {
    let head = lines.first.map { $0.split(separator: "\t", maxSplits: count - 1, omittingEmptySubsequences: false) } ?? []
    guard head.count == count, head[0] == header else {
      throw error(1, "expected a '\(header)' header line (a file written by '\(writtenBy)')")
    }
    return head
  }

  /// Calls `cycle` with the fields and number of every `c` line of four
  /// fields and `exposure` with those of every `e` line of five, in order;
  /// empty lines are skipped.
  ///
  /// - Throws: what the closures throw, or ``InputError`` for any other line
  ///   after the header.
  /// - Complexity: O(size of the text) besides the closures.
  func forEachRecord(
    cycle: ([Substring], Int) throws(InputError) -> Void, exposure: ([Substring], Int) throws(InputError) -> Void
  ) throws(InputError) {
    for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let number = offset + 1
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      if fields.count == 4, fields[0] == "c" {
        try cycle(fields, number)
      } else if fields.count == 5, fields[0] == "e" {
        try exposure(fields, number)
      } else {
        throw error(number, "expected a 'c' (cycle) or 'e' (exposure) line")
      }
    }
  }
}
