import Foundation
import Testing
@testable import MoneyFlow

@Suite struct AtomicFileTests {
  /// A fresh empty directory, removed by the caller.
  static func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("moneyflow-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func writesAndReplaces() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/out.dot"
    try AtomicFile.write("first マイクロソフト\n", to: path)
    #expect(Self.contents(path) == "first マイクロソフト\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    try AtomicFile.write(Data("second".utf8), to: path)
    #expect(Self.contents(path) == "second")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    try AtomicFile.write(Array("third".utf8), to: path)
    #expect(Self.contents(path) == "third")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.dot"])
  }

  /// A named pipe (like /dev/null, a device) is written in place, never replaced by a regular file.
  @Test func aPipeIsWrittenInPlace() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/pipe"
    #expect(mkfifo(path, 0o600) == 0)
    let reader = open(path, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { _ = close(reader) }
    try AtomicFile.write("through the pipe", to: path)
    var info = stat()
    #expect(stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(reader, &buffer, buffer.count)
    #expect(count == 16 && String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["pipe"])
  }

  @Test func streamsChunks() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/graph.dot"
    let graph = DOTTestGraphs.random(seed: 3, companies: 50, flows: 3_000)
    try AtomicFile.write(to: path) { sink in try DOTWriter.write(graph: graph, chunks: sink.write) }
    #expect(FileManager.default.contents(atPath: path).map(Array.init) == (try DOTWriter.bytes(graph: graph)))
  }

  struct Interrupted: Error {}

  @Test func failureLeavesTheDestinationUntouched() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/out.svg"
    try AtomicFile.write("old", to: path)
    #expect(throws: Interrupted.self) {
      try AtomicFile.write(to: path) { sink in
        try sink.write("partial new content")
        throw Interrupted()
      }
    }
    #expect(Self.contents(path) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.svg"])
    // A new file is not created at all.
    let fresh = directory + "/new.svg"
    #expect(throws: Interrupted.self) { try AtomicFile.write(to: fresh) { _ in throw Interrupted() } }
    #expect(!FileManager.default.fileExists(atPath: fresh))
  }

  @Test func missingDirectoryIsAClearError() throws {
    let path = "/nonexistent-moneyflow-directory/out.dot"
    let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: path) }
    #expect(error?.path == path)
    #expect(error?.description == "cannot write \(path): No such file or directory")
  }

  @Test func relativePathsWriteInTheCurrentDirectory() {
    #expect(AtomicFile.split("out.dot") == ("", "out.dot"))
    #expect(AtomicFile.split("a/b/out.dot") == ("a/b/", "out.dot"))
    #expect(AtomicFile.split("/out.dot") == ("/", "out.dot"))
  }
}
