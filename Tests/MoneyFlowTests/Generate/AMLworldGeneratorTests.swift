import Testing
@testable import MoneyFlow

/// `generate --family amlworld`: an AMLworld file with planted laundering attempts.
@Suite struct AMLworldGeneratorTests {
  static func generated(seed: UInt64, accounts: Int = 400, transactions: Int = 300, patterns: Int = 24) throws
    -> (csv: String, planted: [AMLworldGenerator.PlantedPattern], graph: FlowGraph)
  {
    let (csv, planted) = try AMLworldGenerator(accounts: accounts, transactions: transactions, patterns: patterns, seed: seed).text()
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "g.csv").read()
    return (csv, planted, graph)
  }

  @Test func theFileIsAnAMLworldFileAndTheSameForTheSameSeed() throws {
    let (csv, planted, graph) = try Self.generated(seed: 5)
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == AMLworldFormat.header.joined(separator: ","))
    #expect(lines.last == "" && lines.count - 2 == graph.flowCount && graph.flowCount == 300 + planted.reduce(0) { $0 + $1.rows.count })
    #expect(try AMLworldGenerator(accounts: 400, transactions: 300, patterns: 24, seed: 5).text().csv == csv)
    #expect(try AMLworldGenerator(accounts: 400, transactions: 300, patterns: 24, seed: 6).text().csv != csv)
    // Times never go backwards; every pattern kind is planted.
    let stamps = lines.dropFirst().dropLast().map { $0.prefix(16) }
    #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(Set(planted.map(\.pattern)) == Set(AMLworldGenerator.Pattern.allCases))
    #expect(graph.flow(0).attributes.first?.key == "Payment Format" && graph.currency == "USD" && !graph.rates.isEmpty)
    // The same account number at two banks is two accounts.
    let numbers = graph.companyIDs.compactMap { $0.split(separator: ":").last }
    #expect(Set(numbers).count < numbers.count)
  }

  @Test(arguments: 0 ..< 6)
  func labelsRoundTrip(seed: UInt64) throws {
    let (_, planted, graph) = try Self.generated(seed: seed)
    var expected = [Bool](repeating: false, count: graph.flowCount)
    for attempt in planted { for row in attempt.rows { expected[row] = true } }
    #expect(FlowLabels(graph: graph).isLabelled == expected)
    let again = try CSVEdgeListReader(bytes: Array(CSVEdgeListWriter.text(graph).utf8), file: "our.csv").read()
    #expect(FlowLabels(graph: again).isLabelled == expected)
    #expect((0 ..< graph.flowCount).allSatisfy { again.flow($0) == graph.flow($0) })
  }

  @Test(arguments: 0 ..< 6)
  func plantedCyclesAreFound(seed: UInt64) throws {
    let (_, planted, graph) = try Self.generated(seed: seed &+ 40)
    let temporal = try graph.temporalCycles(TemporalCycleSearchOptions(window: 30, maxLength: 6, limit: 0))
    let chains = Set(temporal.cycles.map { Set($0.flows) })
    let elementary = try graph.elementaryCycles(CycleSearchOptions(maxLength: 6, limit: 0))
    let routes = Set(elementary.cycles.map { Set($0.companies) })
    let cycles = planted.filter { $0.pattern == .cycle }
    #expect(!cycles.isEmpty)
    for attempt in cycles {
      #expect(chains.contains(Set(attempt.rows)), "seed \(seed): \(attempt.rows)")
      #expect(routes.contains(Set(attempt.rows.map { graph.payer(of: $0) })), "seed \(seed)")
    }
  }

  @Test(arguments: 0 ..< 4)
  func patternsHaveTheirShapes(seed: UInt64) throws {
    let (_, planted, graph) = try Self.generated(seed: seed &+ 80)
    for attempt in planted {
      let payers = attempt.rows.map { graph.payer(of: $0) }, payees = attempt.rows.map { graph.payee(of: $0) }
      switch attempt.pattern {
      case .cycle:
        #expect(zip(payees, payers.dropFirst()).allSatisfy { $0 == $1 } && payees.last == payers.first)
        #expect(Set(payers).count == payers.count)
      case .fanOut: #expect(Set(payers).count == 1 && Set(payees).count == payees.count)
      case .fanIn: #expect(Set(payees).count == 1 && Set(payers).count == payers.count)
      case .bipartite: #expect(Set(payers).isDisjoint(with: payees) && Set(payers).count * Set(payees).count == attempt.rows.count)
      case .stack: #expect(attempt.rows.count == 8 && Set(payers + payees).count == 6)
      case .scatterGather: #expect(Set(payees).intersection(payers).count == (attempt.rows.count / 2))
      case .gatherScatter, .random: #expect(payers.indices.allSatisfy { payers[$0] != payees[$0] })
      }
    }
  }

  @Test func badParametersAreRefused() {
    #expect(throws: AMLworldGenerator.Failure.self) { try AMLworldGenerator(accounts: 5, transactions: 1, patterns: 1, seed: 1) }
    #expect(throws: AMLworldGenerator.Failure.self) { try AMLworldGenerator(accounts: 100, transactions: -1, patterns: 1, seed: 1) }
  }
}
