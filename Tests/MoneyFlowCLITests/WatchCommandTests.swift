import Foundation
import Testing

/// `moneyflow watch`: live output on a pipe that stays open, and the batch answer over a file.
@Suite struct WatchCommandTests {
  /// Reads from `handle` until a newline arrives; the line without it.
  static func readLine(_ handle: FileHandle, _ pending: inout Data) -> String? {
    while true {
      if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: pending[pending.startIndex ..< newline], as: UTF8.self)
        pending = Data(pending[(newline + 1)...])
        return line
      }
      let chunk = handle.availableData  // blocks until data or end of file
      if chunk.isEmpty { return nil }
      pending.append(chunk)
    }
  }

  @Test func reportsWhileThePipeStaysOpen() throws {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["watch", "-"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // A safeguard only: if watch never answered, end it so the test fails instead of hanging.
    let guardTimer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: guardTimer)
    defer { guardTimer.cancel() }
    let write = { (text: String) in input.fileHandleForWriting.write(Data(text.utf8)) }
    var pending = Data()
    write("from,to,kind,amount,currency,date,id\na,b,loan,1,USD,2024-01-01,f1\nb,a,loan,1,USD,2024-01-02,f2\n")
    let first = Self.readLine(output.fileHandleForReading, &pending)
    #expect(first == #"{"companies":["a","b"],"closed_by":"f2","length":2}"#)
    #expect(process.isRunning, "the line must arrive before the input ends")
    write("b,c,loan,1,USD,2024-01-03,f3\nc,a,loan,1,USD,2024-01-04,f4\n")
    let second = Self.readLine(output.fileHandleForReading, &pending)
    #expect(second == #"{"companies":["a","b","c"],"closed_by":"f4","length":3}"#)
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(Self.readLine(output.fileHandleForReading, &pending) == nil)
    #expect(process.terminationStatus == 0)
  }

  @Test(arguments: [2, 3, 4]) func fileEqualsCyclesOnTheSameFile(maxLength: Int) throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("g.csv").path
    let made = try CLI.run(["generate", "--family", "random", "--nodes", "40", "--edges", "160", "--seed", String(maxLength), "-o", file])
    #expect(made.status == 0)
    let watched = try CLI.run(["watch", file, "--max-length", String(maxLength)])
    #expect(watched.status == 0)
    #expect(watched.stderr.contains("flows read"))
    let lines = watched.stdout.split(separator: "\n")
    var streamed: [[String]] = []
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let companies = try #require(object["companies"] as? [String])
      #expect(object["length"] as? Int == companies.count)
      #expect(object["closed_by"] != nil)
      streamed.append(companies)
    }
    let batch = try CLI.run(["cycles", file, "--max-length", String(maxLength), "--limit", "0", "--format", "json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [String: Any])
    let cycles = try #require(document["cycles"] as? [[String: Any]]).compactMap { $0["companies"] as? [String] }
    #expect(!cycles.isEmpty)
    #expect(streamed.count == cycles.count, "each cycle once")
    let key = { (c: [String]) in c.joined(separator: ",") }
    #expect(streamed.map(key).sorted() == cycles.map(key).sorted())
  }

  @Test func badLineExitsOneWithItsLine() throws {
    let result = try CLI.run(["watch", "-"], stdin: "from,to,kind,amount,currency,date\na,b,loan,1,USD,2024\nb,a,loan,oops,USD,2024\n")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("<stdin>:3:"))
  }
}
