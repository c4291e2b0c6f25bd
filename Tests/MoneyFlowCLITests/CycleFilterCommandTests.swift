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
