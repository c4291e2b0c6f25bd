import Foundation
import Testing

/// Streamed answers at the command line: `-o FILE` for every `--format`,
/// JSON Lines against the JSON answer, and what happens when standard output
/// or the output file cannot take the answer (a closed pipe is no error; a
/// full disk is, and leaves no file).
@Suite struct StreamedOutputTests {
  /// A generated graph large enough that its answers outgrow a pipe's buffer.
  static func largeGraph(in directory: URL) throws -> String {
    let path = directory.appendingPathComponent("g.csv").path
    let generated = try CLI.run(["generate", "--family", "random", "--nodes", "400", "--edges", "4000", "--seed", "3", "-o", path])
    try #require(generated.status == 0, "\(generated.stderr)")
    return path
  }

  static func parsed(_ text: some StringProtocol) throws -> NSObject {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
  }

  @Test func outputFileHoldsWhatStandardOutputShowsForEveryFormat() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let runs: [[String]] = [
      ["cycles", "Graphs/ai-deals.json"], ["cycles", "Graphs/ai-deals.json", "--format", "json"],
      ["cycles", "Graphs/ai-deals.json", "--format", "jsonl"],
      ["cycles", "Graphs/ai-deals.json", "--temporal", "--window", "30", "--format", "json"],
      ["circulation", "Graphs/ai-deals.json", "--format", "jsonl"], ["circulation", "Graphs/ai-deals.json", "--format", "json"],
      ["scc", "Graphs/ai-deals.json", "--format", "json"], ["scc", "Graphs/ai-deals.json"],
      ["stats", "Graphs/ai-deals.json", "--format", "json"], ["stats", "Graphs/ai-deals.json"],
    ]
    for (i, arguments) in runs.enumerated() {
      let path = scratch.appendingPathComponent("answer\(i)").path
      let shown = try CLI.run(arguments)
      let written = try CLI.run(arguments + ["-o", path])
      #expect(shown.status == 0 && written.status == 0 && written.stdout.isEmpty, "\(arguments)")
      #expect(try String(contentsOfFile: path, encoding: .utf8) == shown.stdout, "\(arguments)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }.isEmpty)
  }

  @Test func jsonLinesAreTheJSONArraysElementsThenASummary() throws {
    for (command, records) in [("cycles", "cycles"), ("circulation", "flows")] {
      let json = try CLI.run([command, "Graphs/ai-deals.json", "--format", "json"])
      let lines = try CLI.run([command, "Graphs/ai-deals.json", "--format", "jsonl"])
      #expect(json.status == 0 && lines.status == 0 && lines.stdout.hasSuffix("\n"))
      let whole = try #require(try Self.parsed(json.stdout) as? NSDictionary)
      let elements = try #require(whole[records] as? [NSObject])
      let split = lines.stdout.split(separator: "\n")
      #expect(split.count == elements.count + 1 && !elements.isEmpty)
      for (line, element) in zip(split, elements) { #expect(try Self.parsed(line) == element) }
      let rest = try #require(whole.mutableCopy() as? NSMutableDictionary)
      rest.removeObject(forKey: records)
      #expect(try Self.parsed(split.last ?? "") == NSDictionary(object: rest, forKey: "summary" as NSString))
    }
  }

  /// `moneyflow … | head -c 100`: the reader goes away early; the command
  /// stops at once, quietly, with status 0 (not killed by SIGPIPE).
  @Test(arguments: [["circulation", "--format", "json"], ["cycles", "--max-length", "4", "--limit", "0", "--format", "jsonl"], ["cycles", "--max-length", "4", "--limit", "0"]])
  func closedPipeEndsQuietly(arguments: [String]) throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let graph = try Self.largeGraph(in: scratch)
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = [arguments[0], graph] + arguments.dropFirst()
    let out = Pipe()
    let errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let head = out.fileHandleForReading.readData(ofLength: 100)
    try out.fileHandleForReading.close()
    process.waitUntilExit()
    try err.close()
    #expect(head.count == 100)
    #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(arguments)")
    #expect(try String(contentsOf: errURL, encoding: .utf8) == "", "\(arguments)")
  }

  /// A full disk on standard output is an error, exit status 1.
  @Test func fullStandardOutputIsAnError() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
      print("skipped: no /dev/full on this system")
      return
    }
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    for arguments in [["cycles", "Graphs/ai-deals.json", "--format", "json"], ["stats", "Graphs/ai-deals.json"]] {
      let err = try FileHandle(forWritingTo: errURL)
      try err.truncate(atOffset: 0)
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = arguments
      process.currentDirectoryURL = CLI.root
      process.standardOutput = full
      process.standardError = err
      try process.run()
      process.waitUntilExit()
      try err.close()
      #expect(process.terminationStatus == 1, "\(arguments)")
      #expect(try String(contentsOf: errURL, encoding: .utf8) == "<stdout>: error: cannot write: No space left on device\n")
    }
  }

  /// A write error on `-o FILE` (here a file size limit) is an error, exit
  /// status 1, and leaves neither a partial file nor a temporary one; a file
  /// that was there stays as it was.
  /// Skipped under ThreadSanitizer (.ci/run sets TSAN_OPTIONS): its runtime
  /// itself dies of the file size limit ("ThreadSanitizer:DEADLYSIGNAL").
  @Test(
    .disabled(
      if: ProcessInfo.processInfo.environment["TSAN_OPTIONS"] != nil,
      "ThreadSanitizer's runtime dies of the file size limit itself"))
  func failedOutputFileLeavesNothingBehind() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let graph = try Self.largeGraph(in: scratch)
    let kept = scratch.appendingPathComponent("kept.json").path
    try "old\n".write(toFile: kept, atomically: false, encoding: .utf8)
    for (format, path) in [("json", scratch.appendingPathComponent("new.json").path), ("jsonl", kept), ("text", kept)] {
      let command = "ulimit -f 8; exec \"$0\" circulation \"$1\" --limit 0 --format \(format) -o \"$2\""
      let result = try CLI.run(["-c", command, CLI.binary.path, graph, path], executable: URL(fileURLWithPath: "/bin/sh"))
      #expect(result.status == 1, "\(format)")
      #expect(result.stderr.hasPrefix("\(path): error: cannot write the file: File too large"), "\(result.stderr)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
    #expect(left == ["g.csv", "kept.json"])
    #expect(try String(contentsOfFile: kept, encoding: .utf8) == "old\n")
  }
}
