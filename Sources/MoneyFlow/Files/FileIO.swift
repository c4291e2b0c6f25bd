#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading whole files and writing them atomically, with POSIX calls.
public enum FileIO {
  /// The whole content of `path`, or of standard input when `path` is `-`.
  ///
  /// - Throws: an ``InputError`` with the system's reason when the file cannot be read.
  /// - Complexity: O(*n*) in the size of the file.
  public static func read(_ path: String) throws(InputError) -> [UInt8] {
    let fd = path == "-" ? 0 : Glibc.open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(.unreadable, file: path, message: "cannot read the file: \(systemError())") }
    defer { if path != "-" { Glibc.close(fd) } }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw InputError(.unreadable, file: path, message: "is a directory, not a file")
    }
    var bytes: [UInt8] = []
    var capacity = max(1 << 16, Int(info.st_size) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        bytes.append(contentsOf: repeatElement(0, count: max(capacity - bytes.count, 1 << 16)))
        capacity = bytes.count * 2
      }
      let n = bytes.withUnsafeMutableBufferPointer { buffer in
        Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(.unreadable, file: path, message: "cannot read the file: \(systemError())")
      }
      if n == 0 { break }
      count += n
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// Opens `path` for reading (`-` is standard input) and returns the
  /// descriptor and the file's size when it is a regular file.
  public static func open(_ path: String) throws(InputError) -> (descriptor: Int32, size: Int?) {
    let fd = path == "-" ? 0 : Glibc.open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(.unreadable, file: path, message: "cannot read the file: \(systemError())") }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return (fd, nil) }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      if fd != 0 { Glibc.close(fd) }
      throw InputError(.unreadable, file: path, message: "is a directory, not a file")
    }
    return (fd, (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil)
  }

  /// Closes a descriptor from ``open(_:)`` (standard input stays open).
  public static func close(_ descriptor: Int32) {
    if descriptor != 0 { Glibc.close(descriptor) }
  }

  /// Whether a regular file exists at `path`.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Writes `bytes` to `path` atomically (see ``AtomicFile``), so a failure
  /// leaves no partial file; `-` writes to standard output.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
    if path == "-" {
      try writeAll(bytes, fd: 1, path: "<stdout>")
      return
    }
    do {
      try AtomicFile.write(bytes, to: path)
    } catch {
      throw InputError(.unreadable, file: path, message: "cannot write the file: \(error.reason)")
    }
  }

  /// Removes the file at `path` if it exists.
  public static func remove(_ path: String) { unlink(path) }

  private static func writeAll(_ array: [UInt8], fd: Int32, path: String) throws(InputError) {
    var offset = 0
    while offset < array.count {
      let n = array.withUnsafeBufferPointer { buffer in
        write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(.unreadable, file: path, message: "cannot write: \(systemError())")
      }
      offset += n
    }
  }

  private static func systemError() -> String { String(cString: strerror(errno)) }
}
