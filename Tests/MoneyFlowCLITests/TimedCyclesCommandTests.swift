import Foundation
import Testing

/// Date-times, `--window` units and `--strictly-increasing` on the command line.
@Suite struct TimedCyclesCommandTests {
  static let file = "Graphs/timed-transfers.csv"

  func count(_ arguments: [String]) throws -> Int? {
    let result = try CLI.run(["cycles", Self.file, "--temporal", "--format", "json"] + arguments)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return object?["count"] as? Int
  }

  @Test func windowsInEveryUnitAndBothOrderings() throws {
    #expect(try count([]) == 3)
    for window in ["6h", "360m", "21600s", "19200s"] { #expect(try count(["--window", window]) == 2, "\(window)") }
    #expect(try count(["--window", "19199s"]) == 1)
    #expect(try count(["--window", "3"]) == 3 && count(["--window", "3d"]) == 3 && count(["--window", "2d"]) == 2)
    #expect(try count(["--window", "6h", "--strictly-increasing"]) == 1)
    #expect(try count(["--since", "2024-05-06T07:15:00Z", "--until", "2024-05-07 16:00"]) == 2)
    #expect(try count(["--since", "2024-05-06T07:15:01Z"]) == 2 && count(["--since", "2024-05-06T10:00:01+02:00"]) == 1)
  }

  @Test func spansInSecondsBesideDays() throws {
    let result = try CLI.run(["cycles", Self.file, "--temporal", "--window", "6h", "--format", "jsonl"])
    #expect(result.status == 0)
    let first = try #require(result.stdout.split(separator: "\n").first)
    #expect(first.contains("\"span_days\":0,\"span_seconds\":19200,"))
    let text = try CLI.run(["cycles", Self.file, "--temporal", "--window", "6h"])
    #expect(text.stdout.hasPrefix("2 time-respecting cycles of money-moving flows (within 6 h).\n"))
    #expect(text.stdout.contains("over 5 h 20 min\n") && text.stdout.contains("over 0 s\n"))
  }

  @Test func badDurationsAndDatesAreUsageErrors() throws {
    for window in ["6x", "-1", "1.5h", "h"] {
      let result = try CLI.run(["cycles", Self.file, "--temporal", "--window", window])
      #expect(result.status == 2 && result.stdout.isEmpty, "\(window)")
      #expect(result.stderr.contains("'--window <duration>': expected a whole number of days (30) or of days, hours, minutes or seconds (30d, 6h, 90m, 3600s)"))
    }
    let since = try CLI.run(["cycles", Self.file, "--temporal", "--since", "2024-05-06T24:00"])
    #expect(since.status == 2 && since.stderr.contains("YYYY-MM-DDTHH:MM"))
  }

  @Test func aBadTimeIsAnInputErrorWithNoOutputFile() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("out.json").path
    let csv = "from,to,kind,amount,currency,date\na,b,loan,1,EUR,2024-05-06T10:00Z\nb,a,loan,1,EUR,2024-05-06T10:00+25:00\n"
    let result = try CLI.run(["cycles", "-", "--temporal", "--format", "json", "-o", output], stdin: csv)
    #expect(result.status == 1 && result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("<stdin>:3:16: error: date \"2024-05-06T10:00+25:00\" is not a date"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
