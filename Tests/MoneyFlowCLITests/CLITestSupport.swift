import Foundation
import Testing

/// Runs the built `moneyflow` binary and captures what it prints.
enum CLI {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built binary: `$MONEYFLOW_BIN`, else next to the test bundle, else `.build/debug`.
  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["MONEYFLOW_BIN"] { return URL(fileURLWithPath: path) }
    let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
    for candidate in [bundleDirectory.appendingPathComponent("moneyflow"), Bundle.main.bundleURL.appendingPathComponent("moneyflow"), root.appendingPathComponent(".build/debug/moneyflow")]
    where FileManager.default.isExecutableFile(atPath: candidate.path) {
      return candidate
    }
    return root.appendingPathComponent(".build/debug/moneyflow")
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `moneyflow arguments...` (or `executable`) in the package root with optional standard input.
  static func run(
    _ arguments: [String], stdin: String? = nil, in directory: URL = root, environment: [String: String]? = nil,
    executable: URL = binary
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    // Capture into files, so large outputs can never block the child.
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
      stderr: try String(contentsOf: errURL, encoding: .utf8))
  }

  /// A fresh temporary folder.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("moneyflow-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
