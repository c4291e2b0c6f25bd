import Foundation
import Testing

/// The command-line contract: exit statuses, help, usage errors, stdout vs stderr.
@Suite struct BasicCommandTests {
  static let sample = """
    {"format": "moneyflow/1", "title": "Sample", "currency": "USD",
     "companies": [{"id": "microsoft", "name": "Microsoft"}, {"id": "openai", "name": "OpenAI"}],
     "flows": [
       {"from": "microsoft", "to": "openai", "kind": "investment", "amount": "13bn", "currency": "USD", "date": "2019"},
       {"from": "openai", "to": "microsoft", "kind": "cloud_commitment", "amount": "250bn", "currency": "USD", "date": "2025-10-28"}
     ]}
    """

  @Test func helpAndVersion() throws {
    let help = try CLI.run(["--help"])
    #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS:") && help.stdout.contains("See 'moneyflow help <subcommand>' for detailed help."))
    let statsHelp = try CLI.run(["help", "stats"])
    #expect(statsHelp.status == 0 && statsHelp.stdout.hasPrefix("OVERVIEW:") && statsHelp.stdout.contains("USAGE: moneyflow stats <file>"))
    #expect(try CLI.run(["stats", "--help"]).stdout == statsHelp.stdout)
    #expect(try CLI.run(["--version"]).status == 0)
  }

  @Test func usageErrorsExitTwo() throws {
    let unknown = try CLI.run(["stats", "x.json", "--formt", "json"])
    #expect(unknown.status == 2 && unknown.stdout.isEmpty)
    #expect(unknown.stderr.contains("Error: Unknown option '--formt'; did you mean '--format'?"))
    #expect(unknown.stderr.contains("See 'moneyflow stats --help' for more information."))
    let missing = try CLI.run(["stats"])
    #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '<file>'"))
    let badValue = try CLI.run(["stats", "x.json", "--format", "xml"])
    #expect(badValue.status == 2 && badValue.stderr.contains("expected one of text, json"))
    #expect(try CLI.run(["frobnicate"]).status == 2)
    #expect(try CLI.run([]).status == 2)
  }

  @Test func badInputExitsOneWithLocation() throws {
    let result = try CLI.run(["stats", "-"], stdin: "from,to,kind,amount,currency,date\na,b,loan,12;5,USD,2025\n")
    #expect(result.status == 1 && result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("<stdin>:2:10: error: amount \"12;5\" is not a number"))
    let missing = try CLI.run(["stats", "no-such-file.json"])
    #expect(missing.status == 1 && missing.stderr.contains("no-such-file.json: error: cannot read the file"))
  }

  @Test func statsFromStandardInput() throws {
    let text = try CLI.run(["stats", "-"], stdin: Self.sample)
    #expect(text.status == 0 && text.stdout.contains("2 companies, 2 flows") && text.stdout.contains("263 bn USD") == false)
    let json = try CLI.run(["stats", "-", "--format=json"], stdin: Self.sample)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["flows"] as? Int == 2 && object["currency"] as? String == "USD")
  }

  @Test func convertIsLosslessAndAtomic() throws {
    let directory = try CLI.temporaryDirectory()
    try Self.sample.write(to: directory.appendingPathComponent("in.json"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["convert", "in.json", "out.csv"], in: directory).status == 0)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.meta.json").path))
    #expect(try CLI.run(["convert", "out.csv", "back.json"], in: directory).status == 0)
    #expect(try CLI.run(["convert", "in.json", "again.json"], in: directory).status == 0)
    let back = try String(contentsOf: directory.appendingPathComponent("back.json"), encoding: .utf8)
    let again = try String(contentsOf: directory.appendingPathComponent("again.json"), encoding: .utf8)
    #expect(back == again)
    // Bad input: exit 1 and no output file at all.
    try "from,to,kind,amount,currency,date\na,b,loan,1,USD,2025-02-30\n".write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let bad = try CLI.run(["convert", "bad.csv", "bad.json"], in: directory)
    #expect(bad.status == 1 && bad.stderr.contains("bad.csv:2:"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad.json").path))
    let contents = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    #expect(contents.isEmpty)
  }

  @Test func generateIsDeterministicAndPlantedCountsAreFound() throws {
    let directory = try CLI.temporaryDirectory()
    let arguments = ["generate", "--family", "planted", "--nodes", "2000", "--edges", "8000", "--seed", "42", "--cycles", "25", "--cycle-length", "5"]
    let first = try CLI.run(arguments + ["-o", "a.csv"], in: directory)
    let second = try CLI.run(arguments, in: directory)
    #expect(first.status == 0 && first.stderr.contains("exactly 25 cycles"))
    let written = try String(contentsOf: directory.appendingPathComponent("a.csv"), encoding: .utf8)
    #expect(written == second.stdout && written.hasPrefix("from,to,kind,amount,currency,date\n"))
    let cycles = try CLI.run(["cycles", "a.csv", "--count-only", "--format", "json"], in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(cycles.stdout.utf8)) as? [String: Any])
    #expect(object["count"] as? Int == 25)
    let other = try CLI.run(["generate", "--family", "planted", "--nodes", "2000", "--edges", "8000", "--seed", "43", "--cycles", "25", "--cycle-length", "5"], in: directory)
    #expect(other.stdout != second.stdout)
    #expect(try CLI.run(["generate", "--family", "random", "--nodes", "10"], in: directory).status == 2)
  }

  @Test func missingFileIsNoSuchFileWhateverItsExtension() throws {
    for name in ["nosuch", "nosuch.csv", "nosuch.json"] {
      let result = try CLI.run(["cycles", name])
      #expect(result.status == 1 && result.stdout.isEmpty)
      #expect(result.stderr.contains("\(name)") && (result.stderr.contains("no such file") || result.stderr.contains("No such file")), "\(result.stderr)")
    }
  }
}
