import Foundation

/// Renders DOT text to SVG, PNG or PDF with Graphviz's `dot` program.
///
/// Graphviz is not a dependency of the package: `dot` is looked up on `PATH`
/// (then in `/opt/homebrew/bin` and `/usr/local/bin`) when a rendering is
/// asked for, and a clear ``Failure`` says how to install it when it is
/// missing. The rendering is returned as `Data`; nothing is written to the
/// destination, so a caller that fails leaves no partial file (write the
/// result with ``AtomicFile``).
public enum Graphviz {
  /// An output format of `moneyflow dot`.
  public enum Format: String, CaseIterable, Sendable {
    /// DOT text itself; needs no Graphviz.
    case dot
    case svg
    case png
    case pdf

    /// The format a file name's extension asks for (`out.svg`), if any.
    public init?(pathExtension path: String) {
      guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
      self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// Whether rendering this format runs Graphviz.
    public var needsGraphviz: Bool { self != .dot }
  }

  /// Why a rendering failed.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
      /// `dot` was not found.
      case notInstalled = "graphviz-not-installed"
      /// `dot` was found but could not be started.
      case couldNotRun = "graphviz-could-not-run"
      /// `dot` ran and failed.
      case renderingFailed = "graphviz-failed"
    }

    public var code: Code
    /// The format asked for.
    public var format: Format
    /// Graphviz's own message or the system's reason; empty for ``Code/notInstalled``.
    public var detail: String

    public init(code: Code, format: Format, detail: String = "") {
      self.code = code
      self.format = format
      self.detail = detail
    }

    public var description: String {
      switch code {
      case .notInstalled:
        return "Graphviz's `dot` program is needed to write \(format.rawValue.uppercased()) but was not found "
          + "on PATH. Install Graphviz (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install "
          + "graphviz; macOS: brew install graphviz; others: https://graphviz.org/download/), "
          + "or write DOT with --format dot and render it elsewhere."
      case .couldNotRun:
        return "could not run Graphviz's `dot`: \(detail)"
      case .renderingFailed:
        return "Graphviz's `dot -T\(format.rawValue)` failed: \(detail)"
      }
    }
  }

  /// The path of the `dot` executable, or nil when Graphviz is not installed.
  ///
  /// - Parameter searchPath: directories separated by `:`; nil uses the
  ///   `PATH` environment variable, then `/opt/homebrew/bin` and `/usr/local/bin`.
  /// - Complexity: one file-system check a directory.
  public static func dotExecutable(searchPath: String? = nil) -> String? {
    var directories: [Substring]
    if let searchPath {
      directories = searchPath.split(separator: ":")
    } else {
      directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
      directories += ["/opt/homebrew/bin", "/usr/local/bin"]
    }
    for directory in directories where !directory.isEmpty {
      let candidate = String(directory) + (directory.hasSuffix("/") ? "dot" : "/dot")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    return nil
  }

  /// Whether Graphviz's `dot` is on `PATH`.
  public static var isInstalled: Bool { dotExecutable() != nil }

  /// Renders DOT `text` in `format`.
  ///
  /// ``Format/dot`` returns the text's bytes unchanged. Other formats run
  /// `dot -T<format>` on a temporary copy of the text and return its output;
  /// the temporary files are removed. Graphviz's warnings (exit status 0)
  /// are ignored.
  ///
  /// - Parameter searchPath: where to look for `dot`, as in ``dotExecutable(searchPath:)``.
  /// - Throws: ``Failure``: ``Failure/Code/notInstalled`` with install
  ///   instructions, ``Failure/Code/couldNotRun``, or
  ///   ``Failure/Code/renderingFailed`` with Graphviz's message.
  /// - Complexity: Graphviz's layout; `dot` is superlinear, so render only
  ///   graphs of up to some thousands of edges.
  public static func render(_ text: [UInt8], format: Format, searchPath: String? = nil) throws(Failure) -> Data {
    guard format.needsGraphviz else { return Data(text) }
    guard let executable = dotExecutable(searchPath: searchPath) else {
      throw Failure(code: .notInstalled, format: format)
    }
    let manager = FileManager.default
    let directory = manager.temporaryDirectory
      .appendingPathComponent("moneyflow-graphviz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    do {
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw Failure(code: .couldNotRun, format: format, detail: "cannot create \(directory.path): \(error)")
    }
    defer { try? manager.removeItem(at: directory) }
    let input = directory.appendingPathComponent("graph.dot")
    let output = directory.appendingPathComponent("graph.\(format.rawValue)")
    do {
      try Data(text).write(to: input)
    } catch {
      throw Failure(code: .couldNotRun, format: format, detail: "cannot write \(input.path): \(error)")
    }

    // Standard output goes to a file (not a pipe), so that reading standard
    // error to its end cannot deadlock, and a text holding several graphs
    // gives all their renderings.
    guard manager.createFile(atPath: output.path, contents: nil),
      let outputHandle = FileHandle(forWritingAtPath: output.path)
    else {
      throw Failure(code: .couldNotRun, format: format, detail: "cannot create \(output.path)")
    }
    defer { try? outputHandle.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-T\(format.rawValue)", input.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = outputHandle
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw Failure(code: .couldNotRun, format: format, detail: "\(executable): \(error)")
    }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let detailText = String(decoding: message, as: UTF8.self)
      .split(separator: "\n").prefix(5).joined(separator: "\n")
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let status =
        process.terminationReason == .exit
        ? "exit status \(process.terminationStatus)" : "killed by signal \(process.terminationStatus)"
      throw Failure(
        code: .renderingFailed, format: format, detail: detailText.isEmpty ? status : "\(status): \(detailText)")
    }
    do {
      return try Data(contentsOf: output)
    } catch {
      throw Failure(code: .renderingFailed, format: format, detail: "no output: \(error)")
    }
  }

  /// Renders DOT `text` in `format`; see ``render(_:format:searchPath:)-([UInt8],_,_)``.
  public static func render(_ text: String, format: Format, searchPath: String? = nil) throws(Failure) -> Data {
    try render(Array(text.utf8), format: format, searchPath: searchPath)
  }
}
