import Foundation
import Testing

/// SIGINT/SIGTERM and --time-limit on the built binary. Signals are sent only
/// once the child handles SIGINT/SIGTERM itself (its handlers are installed:
/// `SigIgn`/`SigCgt` in /proc/PID/status), so no outcome depends on timing.
@Suite struct InterruptionTests {
  /// Whether the process ignores or catches both SIGINT and SIGTERM (Linux
  /// /proc: `SigIgn` or `SigCgt`, bit n−1 for signal n; libdispatch's signal
  /// sources catch them), or nil without /proc.
  static func handlesSignals(_ pid: Int32) -> Bool? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    func mask(_ name: String) -> UInt64? {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
      return UInt64(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
    }
    guard let ignored = mask("SigIgn"), let caught = mask("SigCgt") else { return nil }
    let handled = ignored | caught
    return handled & (1 << (SIGINT - 1)) != 0 && handled & (1 << (SIGTERM - 1)) != 0
  }

  /// A new directory for a test that sends signals, or nil (saying so)
  /// where there is no /proc to see when the child is ready for them.
  static func signalTestDirectory() throws -> URL? {
    guard handlesSignals(getpid()) != nil else {
      print("skipped: no /proc to see when the child is ready for signals")
      return nil
    }
    return try CLI.temporaryDirectory()
  }

  /// Starts `moneyflow arguments` with stdout and stderr into files in
  /// `directory`, and standard input from `stdin` if given.
  static func start(_ arguments: [String], in directory: URL, stdin: Pipe? = nil) throws -> Process {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let stdin { process.standardInput = stdin }
    FileManager.default.createFile(atPath: directory.appendingPathComponent("stdout.txt").path, contents: nil)
    FileManager.default.createFile(atPath: directory.appendingPathComponent("stderr.txt").path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("stdout.txt"))
    process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("stderr.txt"))
    try process.run()
    return process
  }

  /// Waits until `condition` holds or the process ends. A guard of 120 s,
  /// far beyond what a healthy run needs, keeps a broken run from hanging
  /// the suite: the child is then killed and the test fails.
  static func wait(for process: Process, until condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, !condition() {
      if Date() > deadline {
        Issue.record("the child did not get ready within 120 s; killed")
        stop(process)
        return
      }
      usleep(2_000)
    }
  }

  /// Kills `process` if it still runs and reaps it: no test leaves a child behind.
  static func stop(_ process: Process) {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  /// Sends `signal` to `process` and waits for it to end; false (recorded as
  /// an issue naming `command`) when it had already ended before the signal.
  static func send(
    _ signal: Int32, to process: Process, command: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    guard process.isRunning else {
      Issue.record("\(command) ended before the signal", sourceLocation: sourceLocation)
      return false
    }
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    return true
  }

  @Test func interruptedGenerateLeavesThePreviousFileAndNoTemporary() throws {
    guard let directory = try Self.signalTestDirectory() else { return }
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out.csv")
    try Data("previous\n".utf8).write(to: out)
    // 2 billion flows: a run that cannot finish before the signal.
    let process = try Self.start(
      ["generate", "--family", "random", "--nodes", "1000", "--edges", "2000000000", "-o", out.path], in: directory)
    defer { Self.stop(process) }
    let listing = { (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] }
    Self.wait(for: process) { listing().contains { $0.hasPrefix(".out.csv.tmp-") } }
    Self.wait(for: process) { Self.handlesSignals(process.processIdentifier) == true }
    guard Self.send(SIGINT, to: process, command: "generate") else { return }
    #expect(process.terminationStatus == 130)
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous\n")
    #expect(listing().sorted() == ["out.csv", "stderr.txt", "stdout.txt"])
  }

  /// A complete graph on 14 companies has about 2·10^10 cycles: the search
  /// is still running when SIGTERM comes, and stops with what it counted.
  @Test func terminatedCyclesPrintsTruncatedJSON() throws {
    guard let directory = try Self.signalTestDirectory() else { return }
    defer { try? FileManager.default.removeItem(at: directory) }
    var csv = "from,to,kind,amount,currency,date\n"
    for u in 0 ..< 14 { for v in 0 ..< 14 where u != v { csv += "k\(u + 10),k\(v + 10),investment,\(1 + u + v),USD,2024\n" } }
    try Data(csv.utf8).write(to: directory.appendingPathComponent("complete.csv"))
    let process = try Self.start(
      ["cycles", "complete.csv", "--count-only", "--threads", "1", "--format", "json"], in: directory)
    defer { Self.stop(process) }
    Self.wait(for: process) { Self.handlesSignals(process.processIdentifier) == true }
    guard Self.send(SIGTERM, to: process, command: "cycles") else { return }
    #expect(process.terminationStatus == 143)
    let stdout = try String(contentsOf: directory.appendingPathComponent("stdout.txt"), encoding: .utf8)
    let stderr = try String(contentsOf: directory.appendingPathComponent("stderr.txt"), encoding: .utf8)
    #expect(stdout.contains("\"truncated\": true"))
    #expect(stderr.contains("terminated (SIGTERM)"))
    #expect(stderr.contains("start companies searched"))
  }

  @Test func timeLimitStopsCycles() throws {
    var csv = "from,to,kind,amount,currency,date\n"
    for u in 0 ..< 14 { for v in 0 ..< 14 where u != v { csv += "k\(u + 10),k\(v + 10),investment,1,USD,2024\n" } }
    let result = try CLI.run(["cycles", "-", "--count-only", "--time-limit", "0.2", "--format", "json"], stdin: csv)
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"truncated\": true"))
    #expect(result.stderr.contains("time limit of 0.2 s reached"))
    let bad = try CLI.run(["cycles", "Graphs/ai-deals.json", "--time-limit", "0"])
    #expect(bad.status == 2)
  }

  /// `watch` on a pipe that stays open: SIGTERM stops the reading; the
  /// cycle already written stands and the summary says where it stopped.
  @Test func terminatedWatchPrintsItsSummary() throws {
    guard let directory = try Self.signalTestDirectory() else { return }
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = Pipe()
    let process = try Self.start(["watch", "-"], in: directory, stdin: input)
    defer { Self.stop(process) }
    let stdoutURL = directory.appendingPathComponent("stdout.txt")
    let stderrURL = directory.appendingPathComponent("stderr.txt")
    input.fileHandleForWriting.write(Data("from,to,kind,amount,currency,date,id\na,b,loan,1,USD,2024,f1\nb,a,loan,1,USD,2024,f2\n".utf8))
    let stdout = { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    Self.wait(for: process) { stdout().hasSuffix("\n") && Self.handlesSignals(process.processIdentifier) == true }
    guard Self.send(SIGTERM, to: process, command: "watch") else { return }
    try? input.fileHandleForWriting.close()
    #expect(process.terminationStatus == 143)
    #expect(stdout() == #"{"companies":["a","b"],"closed_by":"f2","length":2}"# + "\n")
    let stderr = try String(contentsOf: stderrURL, encoding: .utf8)
    #expect(stderr.contains("2 flows read, 1 cycle reported"))
    #expect(stderr.contains("moneyflow: terminated (SIGTERM): stopped reading after 2 flows; the output is truncated"))
  }

  /// `watch --time-limit` ends on its own on a pipe that never ends.
  @Test func timeLimitStopsWatch() throws {
    let input = Pipe(), errors = Pipe()
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["watch", "-", "--time-limit", "0.3"]
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    defer { Self.stop(process) }
    input.fileHandleForWriting.write(Data("from,to,kind,amount,currency,date\na,b,loan,1,USD,2024\n".utf8))
    Self.wait(for: process) { false }  // until it ends (120 s guard)
    process.waitUntilExit()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    try? input.fileHandleForWriting.close()
    #expect(process.terminationStatus == 0)
    #expect(stderr.contains("1 flow read"))
    #expect(stderr.contains("moneyflow: time limit of 0.3 s reached: stopped reading after"))
    let bad = try CLI.run(["watch", "-", "--time-limit", "0"], stdin: "")
    #expect(bad.status == 2)
  }
}
