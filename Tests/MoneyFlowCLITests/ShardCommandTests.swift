import Foundation
import Testing

@Suite struct ShardCommandTests {
  static let searches: [[String]] = [
    ["cycles", "Graphs/ai-deals.json"],
    ["cycles", "Graphs/ai-deals.json", "--format", "json", "--limit", "3"],
    ["cycles", "Graphs/ai-alliances.json", "--max-length", "3", "--kinds", "all"],
    ["cycles", "Graphs/ai-deals.json", "--temporal", "--window", "800", "--format", "json"],
  ]

  /// The shards' partials, concatenated in a file, and the merged answer.
  func merged(_ search: [String], shards: Int) throws -> CLI.Result {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    var partials = ""
    for i in 1 ... shards {
      let part = try CLI.run(search + ["--shard", "\(i)/\(shards)", "--format", "partial"])
      #expect(part.status == 0, "\(part.stderr)")
      partials += part.stdout
    }
    let file = scratch.appendingPathComponent("partials.txt")
    try partials.write(to: file, atomically: true, encoding: .utf8)
    return try CLI.run(search + ["--merge", file.path])
  }

  @Test(arguments: searches)
  func mergedShardsPrintWhatOneRunPrints(search: [String]) throws {
    let single = try CLI.run(search)
    #expect(single.status == 0)
    for shards in [1, 3, 7] {
      let merged = try merged(search, shards: shards)
      #expect(merged.status == 0, "\(merged.stderr)")
      #expect(merged.stdout == single.stdout, "\(shards) shards of \(search)")
    }
  }

  @Test func shardCountsAddUp() throws {
    var total = 0
    for i in 1 ... 3 {
      let part = try CLI.run(["cycles", "Graphs/ai-deals.json", "--count-only", "--shard", "\(i)/3", "--format", "json"])
      #expect(part.status == 0)
      let object = try JSONSerialization.jsonObject(with: Data(part.stdout.utf8)) as? [String: Any]
      total += object?["count"] as? Int ?? -1
    }
    let single = try CLI.run(["cycles", "Graphs/ai-deals.json", "--count-only", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [String: Any]
    #expect(total == object?["count"] as? Int)
  }

  @Test func shardUsageErrors() throws {
    for arguments in [["--shard", "4/3"], ["--shard", "1/2", "--stop-after", "3"], ["--merge", "x", "--shard", "1/2"]] {
      let result = try CLI.run(["cycles", "Graphs/ai-deals.json"] + arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func mergeRefusesAMissingShard() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let part = try CLI.run(["cycles", "Graphs/ai-deals.json", "--shard", "1/2", "--format", "partial"])
    let file = scratch.appendingPathComponent("one.txt")
    try part.stdout.write(to: file, atomically: true, encoding: .utf8)
    let result = try CLI.run(["cycles", "Graphs/ai-deals.json", "--merge", file.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("shard 2/2 is missing"))
    #expect(result.stdout.isEmpty)
    let other = try CLI.run(["cycles", "Graphs/ai-deals.json", "--max-length", "2", "--merge", file.path])
    #expect(other.status == 1)
    #expect(other.stderr.contains("ran with options"))
  }
}

/// The PySpark driver in local mode (skipped without python3, pyspark and java).
@Suite struct SparkDriverTests {
  /// Whether the test can run: not with MONEYFLOW_SKIP_SPARK set (the
  /// sanitizer runs of .ci/run), and only with java and pyspark.
  static let available: Bool = {
    if ProcessInfo.processInfo.environment["MONEYFLOW_SKIP_SPARK"] != nil { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sh", "-c", "command -v java >/dev/null && python3 -c 'import pyspark' 2>/dev/null"]
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  @Test(.enabled(if: available, "needs python3 with pyspark and java (.ci/run installs them)"))
  func driverPrintsWhatOneRunPrints() throws {
    // A Spark dataset: a folder with one CSV part, as Spark writes them.
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let csv = scratch.appendingPathComponent("flows.csv")
    #expect(try CLI.run(["convert", "Graphs/ai-deals.json", csv.path]).status == 0)
    let dataset = scratch.appendingPathComponent("dataset")
    try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: csv, to: dataset.appendingPathComponent("part-00000.csv"))
    let options = ["--max-length", "4", "--format", "json"]
    let single = try CLI.run(["cycles", csv.path] + options)
    #expect(single.status == 0)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", CLI.root.appendingPathComponent("Sources/moneyflow-spark/moneyflow_spark.py").path,
      "--binary", CLI.binary.path, "--shards", "3", "cycles", dataset.path,
    ] + options
    process.currentDirectoryURL = CLI.root
    let out = scratch.appendingPathComponent("stdout")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    let handle = try FileHandle(forWritingTo: out)
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    #expect(process.terminationStatus == 0)
    #expect(try String(contentsOf: out, encoding: .utf8) == single.stdout)
  }
}
