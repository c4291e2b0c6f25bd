#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import Synchronization

/// Writes files all at once or not at all.
///
/// The bytes go to a new temporary file in the same directory as the
/// destination (`.NAME.tmp-PID-RANDOM`), which is renamed over the
/// destination only when everything was written; on any failure the
/// temporary file is removed and the destination is left as it was, so a
/// failed command never leaves a partial output file. `rename(2)` within one
/// directory is atomic on POSIX file systems. A destination that exists keeps
/// its permission bits; a new one gets `0666` less the umask, like any new file.
/// A symbolic link at the destination is replaced, not followed.
///
/// A destination that is a device, a pipe or a socket (`/dev/null`,
/// `/dev/stdout`, a named pipe) is written in place: renaming over it would
/// replace the device itself with a regular file.
public enum AtomicFile {
  /// Why a file could not be written.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination path.
    public var path: String
    /// The system's reason, such as `No such file or directory`.
    public var reason: String

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `bytes` to `path` atomically.
  ///
  /// - Throws: ``Failure`` naming the path and the system's reason.
  /// - Complexity: O(*n*) in the number of bytes.
  public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    try writeReportingFailure(to: path) { (sink: Sink) throws(Failure) in try sink.write(bytes) }
  }

  /// Writes `data` to `path` atomically.
  ///
  /// - Throws: ``Failure`` naming the path and the system's reason.
  /// - Complexity: O(*n*) in the number of bytes.
  public static func write(_ data: Data, to path: String) throws(Failure) {
    try writeReportingFailure(to: path) { (sink: Sink) throws(Failure) in
      if let failure = data.withUnsafeBytes({ sink.failure(writing: $0) }) { throw failure }
    }
  }

  /// Writes the UTF-8 bytes of `text` to `path` atomically.
  ///
  /// - Throws: ``Failure`` naming the path and the system's reason.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func write(_ text: String, to path: String) throws(Failure) {
    try writeReportingFailure(to: path) { (sink: Sink) throws(Failure) in try sink.write(text) }
  }

  /// Streams an output to `path` atomically: `body` writes through the sink
  /// (for example the chunks of ``DOTWriter/write(graph:options:chunks:)``:
  /// `try AtomicFile.write(to: path) { sink in try DOTWriter.write(graph: g, chunks: sink.write) }`);
  /// the file appears only if `body` returns normally.
  ///
  /// - Throws: ``Failure``, or the error `body` throws, unchanged; the
  ///   destination is then untouched.
  public static func write(to path: String, _ body: (Sink) throws -> Void) throws {
    var target = stat()
    if stat(path, &target) == 0, [S_IFCHR, S_IFIFO, S_IFSOCK].contains(target.st_mode & S_IFMT) {
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Failure(path: path, reason: systemReason()) }
      defer { _ = close(descriptor) }
      try body(Sink(descriptor: descriptor, path: path))
      return
    }
    let (directory, name) = split(path)
    let temporary = directory + "." + name + ".tmp-" + String(getpid()) + "-"
      + String(UInt32.random(in: 0 ... .max), radix: 16)
    var existing = stat()
    let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw Failure(path: path, reason: systemReason()) }
    let sink = Sink(descriptor: descriptor, path: path)
    pending.insert(temporary)
    defer { pending.remove(temporary) }
    var closed = false
    do {
      if mode != 0o666 { _ = fchmod(descriptor, mode) }
      try body(sink)
      closed = true
      guard close(descriptor) == 0 else { throw Failure(path: path, reason: systemReason()) }
      guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: systemReason()) }
    } catch {
      if !closed { _ = close(descriptor) }
      _ = unlink(temporary)
      throw error
    }
  }

  /// Removes the temporary files of writes still in progress in this
  /// process, for a signal handler about to end it: the destinations stay as
  /// they were and nothing is left behind. Safe to call from any thread.
  ///
  /// - Complexity: O(*k*) for *k* writes in progress.
  public static func removeTemporaries() {
    for path in pending.all() { _ = unlink(path) }
  }

  /// The temporary files of writes in progress.
  private static let pending = PendingPaths()

  private final class PendingPaths: Sendable {
    private let paths = Mutex<[String]>([])
    func insert(_ path: String) { paths.withLock { $0.append(path) } }
    func remove(_ path: String) { paths.withLock { $0.removeAll { $0 == path } } }
    func all() -> [String] { paths.withLock { $0 } }
  }

  /// ``write(to:_:)`` for bodies that throw only ``Failure``.
  private static func writeReportingFailure(to path: String, _ body: (Sink) throws(Failure) -> Void)
    throws(Failure)
  {
    do {
      try write(to: path) { sink in try body(sink) }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(path: path, reason: "\(error)")
    }
  }

  /// Where ``write(to:_:)`` writes: the open temporary file.
  public struct Sink: Sendable {
    let descriptor: Int32
    let path: String

    /// Appends `bytes` to the file.
    public func write(_ bytes: [UInt8]) throws(Failure) {
      if let failure = bytes.withUnsafeBytes({ self.failure(writing: $0) }) { throw failure }
    }

    /// Appends the UTF-8 bytes of `text` to the file.
    public func write(_ text: String) throws(Failure) {
      var text = text
      if let failure = text.withUTF8({ self.failure(writing: UnsafeRawBufferPointer($0)) }) { throw failure }
    }

    /// Appends raw bytes to the file, retrying short and interrupted writes.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(Failure) {
      if let failure = failure(writing: buffer) { throw failure }
    }

    /// Writes `buffer` whole; returns why it failed, or nil.
    func failure(writing buffer: UnsafeRawBufferPointer) -> Failure? {
      guard var base = buffer.baseAddress else { return nil }
      var remaining = buffer.count
      while remaining > 0 {
        let written = systemWrite(descriptor, base, remaining)
        if written < 0 {
          if errno == EINTR { continue }
          return Failure(path: path, reason: systemReason())
        }
        remaining -= written
        base += written
      }
      return nil
    }
  }

  /// The directory part (with its final slash, or empty) and the file name of `path`.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  static func systemReason() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from the methods called `write`.
private func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Darwin)
    return Darwin.write(descriptor, base, count)
  #elseif canImport(Glibc)
    return Glibc.write(descriptor, base, count)
  #else
    return Musl.write(descriptor, base, count)
  #endif
}
