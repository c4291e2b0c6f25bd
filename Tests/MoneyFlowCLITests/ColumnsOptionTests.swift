import Foundation
import Testing

/// `--columns` on the command line: usage errors exit 2, input errors 1 with no output file.
@Suite struct ColumnsOptionTests {
  static let mapping = "from=Payer Bank+Payer,to=Payee Bank+Payee,amount=Value,currency=Ccy,date=Posted"

  @Test func everyFileReadingCommandTakesColumns() throws {
    for command in [["stats"], ["scc"], ["cycles"], ["circulation"], ["dot"]] {
      let result = try CLI.run(command + ["Graphs/bank-export.csv", "--columns", Self.mapping])
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(result.stdout.contains("NB01:1001"), "\(command)")
    }
  }

  @Test func badMappingIsAUsageError() throws {
    let result = try CLI.run(["stats", "Graphs/bank-export.csv", "--columns", "from=Payer,payee=Payee"])
    #expect(result.status == 2 && result.stderr.contains("unknown role 'payee'") && result.stdout.isEmpty)
  }

  @Test func headerMismatchIsAnInputErrorAndWritesNothing() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out.json").path
    let result = try CLI.run(["convert", "Graphs/bank-export.csv", out, "--columns", "from=Payer,to=Receiver"])
    #expect(result.status == 1 && result.stderr.hasPrefix("Graphs/bank-export.csv:1:1: error: --columns to=Receiver"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func convertCarriesAttributesBothWays() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("bank.json").path
    let csv = directory.appendingPathComponent("bank.csv").path
    #expect(try CLI.run(["convert", "Graphs/bank-export.csv", json, "--columns", Self.mapping]).status == 0)
    #expect(try CLI.run(["convert", json, csv]).status == 0)
    let back = try CLI.run(["convert", csv, "-"])
    let written = try String(contentsOfFile: json, encoding: .utf8)
    #expect(back.status == 0 && back.stdout == written)
    #expect(back.stdout.contains(#""Reference": "consulting, March""#))
  }
}
