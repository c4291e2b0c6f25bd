#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MoneyFlow

/// Standard output and standard error for the commands.
///
/// Writes to standard output either throw (``write(_:)``, for streamed
/// answers, so the work stops at once) or remember the first failure
/// (``out(_:)``), which ``MoneyFlowCommand/main(_:)`` then reports: a closed
/// pipe (`| head`) ends the command quietly with its own status, any other
/// failure (a full disk) is an error, exit status 1. Nothing is written after
/// a failure. `SIGPIPE` is ignored (``ignoreBrokenPipes()``), so a closed pipe
/// is an `EPIPE` error here rather than a kill.
enum Console {
  /// Why standard output could not be written.
  struct WriteFailure: Error, CustomStringConvertible {
    /// The `errno` value.
    let code: Int32

    /// Whether the reader went away (`EPIPE`): not an error of ours.
    var isClosedPipe: Bool { code == EPIPE }

    var description: String { "<stdout>: error: cannot write: " + String(cString: strerror(code)) }
  }

  /// The first failure of a non-throwing write to standard output.
  nonisolated(unsafe) private(set) static var failure: WriteFailure?

  /// Ignores `SIGPIPE` (a closed pipe then fails writes with `EPIPE`) and
  /// `SIGXFSZ` (a file size limit then fails them with `EFBIG`).
  static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
  }

  /// Writes every byte of `buffer` to standard output.
  ///
  /// - Throws: ``WriteFailure``, also for every write after a failure.
  static func write(_ buffer: UnsafeRawBufferPointer) throws(WriteFailure) {
    if let failure { throw failure }
    guard var base = buffer.baseAddress else { return }
    var remaining = buffer.count
    while remaining > 0 {
      let n = systemWrite(1, base, remaining)
      if n < 0 {
        if errno == EINTR { continue }
        let failure = WriteFailure(code: errno)
        self.failure = failure
        throw failure
      }
      remaining -= n
      base += n
    }
  }

  /// Writes `text` to standard output, remembering a failure.
  static func out(_ text: String) {
    var text = text
    text.withUTF8 { out(bytes: $0) }
  }

  /// Writes raw bytes (an image, a PDF) to standard output, remembering a failure.
  static func out(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { out(bytes: $0) }
  }

  /// Writes raw bytes to standard output, remembering a failure.
  static func out(bytes: UnsafeBufferPointer<UInt8>) {
    do { try write(UnsafeRawBufferPointer(bytes)) } catch {}
  }

  /// Writes `text` and a newline to standard error.
  static func error(_ text: String) {
    errorInline(text + "\n")
  }

  /// Writes `text` to standard error without a newline. Failures are
  /// ignored: there is nowhere left to report them.
  static func errorInline(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let n = systemWrite(2, base + offset, buffer.count - offset)
        if n < 0 { if errno == EINTR { continue } else { return } }
        offset += n
      }
    }
  }

  /// Whether standard error is a terminal (progress is shown only then).
  static var errorIsTerminal: Bool { isatty(2) != 0 }

  /// Flushes standard output (writes are unbuffered: nothing to do).
  static func flush() {}
}

/// A `TextOutputStream` that writes to standard output.
struct StandardOutput: TextOutputStream {
  mutating func write(_ string: String) { Console.out(string) }
}

/// `write(2)`, named apart from ``Console/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Darwin)
    return Darwin.write(descriptor, base, count)
  #else
    return Glibc.write(descriptor, base, count)
  #endif
}
