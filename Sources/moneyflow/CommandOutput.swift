import MoneyFlow

/// Where a command's answer goes: `-o FILE`, written atomically (the file
/// appears only when the whole answer was written, see ``AtomicFile``), or
/// standard output (`-` or no `-o`).
enum CommandOutput {
  /// Writes `text`.
  ///
  /// - Throws: an ``InputError`` naming the file when it cannot be written.
  static func emit(_ text: String, to path: String?) throws {
    try stream(to: path) { writer in try writer.write(raw: text) }
  }

  /// Streams an answer through one ``JSONStreamWriter`` as `body` produces it.
  ///
  /// - Throws: an ``InputError`` naming the file when it cannot be written
  ///   (no partial file is left), ``Console/WriteFailure`` when standard
  ///   output cannot, or what `body` throws.
  static func stream(to path: String?, _ body: (JSONStreamWriter) throws -> Void) throws {
    guard let path, path != "-" else {
      let writer = JSONStreamWriter { bytes in try Console.write(bytes) }
      try body(writer)
      try writer.flush()
      return
    }
    do {
      try AtomicFile.write(to: path) { sink in
        let writer = JSONStreamWriter { bytes in try sink.write(bytes) }
        try body(writer)
        try writer.flush()
      }
    } catch let failure as AtomicFile.Failure {
      throw InputError(.unreadable, file: path, message: "cannot write the file: \(failure.reason)")
    }
  }
}
