import Foundation
import Testing

/// `cycles --through` and `--min-length` on the command line.
@Suite struct CycleFilterCommandTests {
  @Test func throughByIDOrNameKeepsOnlyCyclesThroughThem() throws {
    let byName = try CLI.run(["cycles", "Graphs/ai-deals.json", "--through", "Oracle", "--format", "json", "--limit", "0"])
    #expect(byName.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [String: Any])
    let cycles = try #require(object["cycles"] as? [[String: Any]])
    #expect(object["count"] as? Int == 2 && cycles.count == 2)
    for cycle in cycles { #expect((cycle["companies"] as? [String])?.contains("oracle") == true) }
    let byID = try CLI.run(["cycles", "Graphs/ai-deals.json", "--through", "oracle", "--format", "json", "--limit", "0"])
    #expect(byID.stdout == byName.stdout)
  }

  @Test func minLengthDropsShortCycles() throws {
    let result = try CLI.run(["cycles", "Graphs/ai-deals.json", "--min-length", "4", "--format", "json", "--limit", "0"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let cycles = try #require(object["cycles"] as? [[String: Any]])
    #expect(cycles.count == 5 && cycles.allSatisfy { ($0["length"] as? Int ?? 0) >= 4 })
  }

  @Test func unknownCompanyIsAUsageError() throws {
    let result = try CLI.run(["cycles", "Graphs/ai-deals.json", "--through", "oracle,Orakel"])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("The value 'Orakel' is invalid for '--through <companies>': no company of Graphs/ai-deals.json has this id or name"))
    let zero = try CLI.run(["cycles", "Graphs/ai-deals.json", "--min-length", "0"])
    #expect(zero.status == 2)
  }
}

/// `dot --only-cyclic/--highlight-cycles` with `--through` and `--min-length`.
@Suite struct DotCycleFilterCommandTests {
  /// The payer → payee pairs of the drawn edges.
  func edges(_ dot: String) -> [String] {
    dot.split(separator: "\n").filter { $0.contains(" -> ") }.map { line in
      String(line.split(separator: "[", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func onlyCyclicThroughDrawsTheFlowsOfTheCyclesThroughThem() throws {
    let through = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic", "--through", "Oracle"])
    #expect(through.status == 0)
    let all = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic"])
    let drawn = edges(through.stdout)
    #expect(!drawn.isEmpty && drawn.count < edges(all.stdout).count)
    // The drawn companies are those of the cycles through Oracle, as `cycles` lists them.
    let cycles = try CLI.run(["cycles", "Graphs/ai-deals.json", "--through", "oracle", "--format", "json", "--limit", "0"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(cycles.stdout.utf8)) as? [String: Any])
    let members = Set((object["cycles"] as? [[String: Any]] ?? []).flatMap { $0["companies"] as? [String] ?? [] })
    #expect(members.contains("oracle") && Set(companies(through.stdout)) == members)
  }

  /// The ids of the drawn companies (the first line of each node's tooltip).
  func companies(_ dot: String) -> [String] {
    dot.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  n"), !line.contains(" -> "), let tooltip = line.range(of: "tooltip=\"") else { return nil }
      let rest = line[tooltip.upperBound...]
      return String(rest.prefix { $0 != "\"" && $0 != "\\" })
    }
  }

  @Test func minLengthKeepsLongCyclesOnly() throws {
    let long = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic", "--min-length", "4"])
    let all = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic"])
    #expect(long.status == 0 && !edges(long.stdout).isEmpty)
    #expect(Set(edges(long.stdout)).isSubset(of: Set(edges(all.stdout))))
    let none = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic", "--min-length", "99"])
    #expect(none.status == 0 && edges(none.stdout).isEmpty)
    #expect(none.stderr.contains("no cycle of at least 99 companies"))
  }

  @Test func usageErrors() throws {
    let unknown = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic", "--through", "oracle,Orakel"])
    #expect(unknown.status == 2 && unknown.stdout.isEmpty)
    #expect(unknown.stderr.contains("The value 'Orakel' is invalid for '--through <companies>'"))
    let alone = try CLI.run(["dot", "Graphs/ai-deals.json", "--min-length", "3"])
    #expect(alone.status == 2 && alone.stderr.contains("'--min-length' goes with '--highlight-cycles' or '--only-cyclic'"))
    let zero = try CLI.run(["dot", "Graphs/ai-deals.json", "--only-cyclic", "--min-length", "0"])
    #expect(zero.status == 2)
  }
}
