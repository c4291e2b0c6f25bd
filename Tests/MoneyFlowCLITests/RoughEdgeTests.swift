import Foundation
import Testing

/// A new user's rough edges: outputs we cannot write, empty answers, currencies in messages,
/// empty headings, singular and plural.
@Suite struct RoughEdgeTests {
  @Test(arguments: ["x.gif", "x.svgz", "x.jpeg"])
  func dotRefusesAnExtensionItCannotWrite(name: String) throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    let result = try CLI.run(["dot", "Graphs/ai-deals.json", "-o", path])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("is not a format 'dot' writes; name it .dot, .gv, .svg, .png or .pdf"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func dotWritesDOTIntoGvAndReportRefusesPDF() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let gv = directory.appendingPathComponent("x.gv").path
    #expect(try CLI.run(["dot", "Graphs/ai-deals.json", "-o", gv]).status == 0)
    #expect((try String(contentsOfFile: gv, encoding: .utf8)).hasPrefix("digraph"))
    let report = try CLI.run(["report", "Graphs/ai-deals.json", "-o", directory.appendingPathComponent("r.pdf").path])
    #expect(report.status == 2 && report.stderr.contains("name it .html or .htm"))
  }

  @Test func emptyAnswersSaySoAndWhy() throws {
    let dot = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic", "--min-amount", "1e12"])
    #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph"))
    #expect(dot.stderr.hasPrefix("dot: the diagram has no flows: no flows left after --min-amount 1 tn USD"))
    let cycles = try CLI.run(["cycles", "Graphs/ai-deals.json", "--min-amount", "1e12"])
    #expect(cycles.stdout.hasPrefix("No cycles of money-moving flows at least 1 tn USD."))
    #expect(cycles.stderr.hasPrefix("cycles: no cycles: no flows left after --min-amount 1 tn USD"))
    let short = try CLI.run(["cycles", "Graphs/ai-deals.json", "--max-length", "1"])
    #expect(short.stderr == "cycles: no cycles: the 57 flows left form no cycle of at most 1 company\n")
    let late = try CLI.run(["cycles", "Graphs/ai-deals.json", "--temporal", "--since", "2030"])
    #expect(late.stderr == "cycles: no time-respecting cycles: no flows left after --since 2030\n")
    let scc = try CLI.run(["scc", "Graphs/ai-deals.json", "--kinds", "partnership"])
    #expect(scc.stderr == "scc: no component with a cycle: the 3 flows left form no cycle\n")
    let circulation = try CLI.run(["circulation", "Graphs/ai-deals.json", "--kinds", "equity_stake"])
    #expect(circulation.stderr == "circulation: no circular money: none of the 7 flows left has an amount\n")
    // An answer that is not empty says nothing on standard error.
    #expect(try CLI.run(["cycles", "Graphs/ai-deals.json"]).stderr.isEmpty)
    #expect(try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic"]).stderr.isEmpty)
  }

  @Test func headerOnlyCSVHasNoEmptyHeading() throws {
    let stats = try CLI.run(["stats", "-"], stdin: "from,to,kind,amount,currency,date\n")
    #expect(stats.status == 0 && stats.stdout == "0 companies, 0 flows\n")
    let cycles = try CLI.run(["cycles", "-"], stdin: "from,to,kind,amount,currency,date\n")
    #expect(cycles.stderr == "cycles: no cycles: the file has no flows\n")
  }

  @Test func singularAndPlural() throws {
    let circulation = try CLI.run(["circulation", "-"], stdin: "from,to,kind,amount,currency,date\na,a,loan,5,USD,2025\n")
    #expect(circulation.stdout.contains("1 flow between 1 company; 1 carries circular money."))
    #expect(circulation.stdout.contains("Where it circulates (1 of 1 route, largest first):"))
    let temporal = try CLI.run(["cycles", "-", "--temporal", "--window", "1"], stdin: "from,to,kind,amount,currency,date\na,b,loan,5,USD,2025-01-01\nb,a,loan,5,USD,2025-01-02\n")
    #expect(temporal.stdout.hasPrefix("1 time-respecting cycle of money-moving flows (within 1 day)."))
    let generate = try CLI.run(["generate", "--family", "planted", "--nodes", "10", "--edges", "10", "--cycles", "1"])
    #expect(generate.stderr.hasPrefix("planted 1 cycle of length 4: the graph has exactly 1 cycle\n"))
  }

  @Test func dotMergesAPairWithMoreThanThreeFlowsByDefault() throws {
    let csv = "from,to,kind,amount,currency,date\n" + String(repeating: "a,b,loan,1,USD,2025\n", count: 4) + String(repeating: "b,a,loan,1,USD,2025\n", count: 3)
    func edges(_ options: [String]) throws -> Int {
      let result = try CLI.run(["dot", "-", "--no-labels"] + options, stdin: csv)
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.split(separator: "\n").filter { $0.contains(" -> n") && !$0.contains("legend") }.count
    }
    #expect(try edges([]) == 4)
    #expect(try edges(["--no-merge"]) == 7)
    #expect(try edges(["--merge-parallel"]) == 2)
    let both = try CLI.run(["dot", "-", "--merge-parallel", "--no-merge"], stdin: csv)
    #expect(both.status == 2 && both.stderr.contains("'--merge-parallel' and '--no-merge' exclude each other"))
    #expect(try CLI.run(["dot", "--help"]).stdout.contains("(default: merge a pair with more than 3 flows)"))
  }
}
