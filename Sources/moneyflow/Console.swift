#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MoneyFlow

/// Standard output and standard error for the commands.
enum Console {
  /// Writes `text` to standard output.
  static func out(_ text: String) {
    writeAll(text, to: 1)
  }

  /// Writes raw bytes (an image, a PDF) to standard output.
  static func out(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll($0, to: 1) }
  }

  /// Writes raw bytes to standard output.
  static func out(bytes: UnsafeBufferPointer<UInt8>) { writeAll(bytes, to: 1) }

  /// Writes every byte of `text` to the file descriptor `fd`.
  private static func writeAll(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { writeAll($0, to: fd) }
  }

  private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) {
    var offset = 0
    while offset < buffer.count, let base = buffer.baseAddress {
      let n = write(fd, base + offset, buffer.count - offset)
      if n < 0 { if errno == EINTR { continue } else { return } }
      offset += n
    }
  }

  /// Writes `text` and a newline to standard error.
  static func error(_ text: String) {
    writeAll(text + "\n", to: 2)
  }

  /// Writes `text` to standard error without a newline.
  static func errorInline(_ text: String) {
    writeAll(text, to: 2)
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

/// Writes a command's data to `-o FILE` atomically, or to standard output.
enum CommandOutput {
  static func emit(_ text: String, to path: String?) throws(InputError) {
    guard let path, path != "-" else {
      Console.out(text)
      return
    }
    try FileIO.writeAtomically(Array(text.utf8), to: path)
  }
}
