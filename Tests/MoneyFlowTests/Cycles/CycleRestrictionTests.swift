import Testing
@testable import MoneyFlow

/// `through` and `minLength` for elementary and time-respecting cycles,
/// against the brute forces filtered afterwards.
@Suite struct CycleRestrictionTests {
  /// A random set of companies (possibly empty, possibly all).
  static func randomThrough(_ graph: FlowGraph, _ random: inout TestRandom) -> [CompanyID] {
    guard graph.companyCount > 0, random.chance(0.8) else { return [] }
    let count = random.int(1 ... min(3, graph.companyCount))
    return (0 ..< count).map { _ in CompanyID(random.int(0 ... graph.companyCount - 1)) }
  }

  static func passes(_ nodes: [Int], through: [CompanyID], minLength: Int?) -> Bool {
    if let minLength, nodes.count < minLength { return false }
    return through.isEmpty || nodes.contains { v in through.contains { $0.index == v } }
  }

  @Test(arguments: 0 ..< 400)
  func elementaryMatchesBruteForce(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 70_000, maxFlows: seed % 3 == 0 ? 50 : 24)
    var random = TestRandom(seed: seed &* 104_729)
    let through = Self.randomThrough(graph, &random)
    let minLength = random.chance(0.3) ? nil : random.int(1 ... 5)
    let options = CycleSearchOptions(
      filter: RandomFlowGraphs.filter(seed: seed), maxLength: random.chance(0.5) ? nil : random.int(1 ... 6),
      limit: random.pick([0, 0, 1, 3]), threads: random.int(1 ... 2), through: through, minLength: minLength)
    let result = try graph.elementaryCycles(options)
    let brute = BruteForceCycles(graph: graph, filter: options.filter)
    let all = brute.cycles(maxLength: options.maxLength).filter {
      Self.passes($0.nodes, through: through, minLength: minLength)
    }
    #expect(result.count == all.count, "seed \(seed)")
    var ranked = all.sorted(by: BruteForceCycles.ranksBefore)
    if options.limit > 0, ranked.count > options.limit { ranked.removeSubrange(options.limit...) }
    #expect(result.cycles.map { $0.companies.map(\.index) } == ranked.map(\.nodes), "seed \(seed)")
    #expect(result.cycles.map(\.flows) == ranked.map(\.flows), "seed \(seed)")
    for (a, b) in zip(result.cycles, ranked) { #expect(isClose(a.circulating, b.amount), "seed \(seed)") }
    let exposure = BruteForceCycles.exposure(of: all, companyCount: graph.companyCount)
    for entry in result.exposure {
      #expect(entry.cycles == exposure[entry.company.index].cycles, "seed \(seed)")
    }
    let listed = exposure.filter { $0.cycles > 0 }.count
    #expect(result.exposure.count == (options.limit > 0 ? min(options.limit, listed) : listed), "seed \(seed)")
  }

  /// With `stopAfter`, the search counts exactly that many of the cycles
  /// through the companies (when there are more) and each is one of them.
  @Test(arguments: 0 ..< 100)
  func stopAfterCountsCyclesThrough(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 80_000, maxFlows: 40)
    var random = TestRandom(seed: seed)
    let through = Self.randomThrough(graph, &random)
    let full = try graph.elementaryCycles(CycleSearchOptions(limit: 0, through: through))
    let stop = random.int(0 ... full.count + 1)
    let result = try graph.elementaryCycles(CycleSearchOptions(limit: 0, stopAfter: stop, through: through))
    #expect(result.count == min(stop, full.count), "seed \(seed)")
    #expect(result.truncated == (full.count > stop), "seed \(seed)")
    let allFound = Set(full.cycles.map { $0.companies })
    #expect(result.cycles.allSatisfy { allFound.contains($0.companies) }, "seed \(seed)")
  }

  @Test(arguments: 0 ..< 300)
  func temporalMatchesBruteForce(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 90_000, maxFlows: seed % 3 == 0 ? 45 : 25)
    var random = TestRandom(seed: seed &* 7)
    var options = TemporalCyclesTests.randomOptions(seed: seed)
    options.through = Self.randomThrough(graph, &random)
    options.minLength = random.chance(0.3) ? nil : random.int(1 ... 4)
    options.limit = 0
    let result = try graph.temporalCycles(options)
    let brute = BruteForceCycles(graph: graph, filter: options.filter)
    let all = brute.temporalChains(window: options.window, maxLength: options.maxLength).filter {
      Self.passes($0.nodes, through: options.through, minLength: options.minLength)
    }
    #expect(result.count == all.count, "seed \(seed)")
    let ranked = all.sorted(by: BruteForceCycles.ranksBefore)
    #expect(result.cycles.map { $0.companies.map(\.index) } == ranked.map(\.nodes), "seed \(seed)")
    #expect(result.cycles.map(\.flows) == ranked.map(\.flows), "seed \(seed)")
  }

  @Test func companiesMatchByIDNameOrAlias() throws {
    var builder = FlowGraphBuilder()
    builder.addCompany(Company(id: "a", name: "Alpha", aliases: ["アルファ"]))
    builder.addCompany(Company(id: "b", name: "Beta"))
    builder.addCompany(Company(id: "c", name: "Beta"))
    let graph = builder.build()
    #expect(graph.companies(matching: "a") == [CompanyID(0)])
    #expect(graph.companies(matching: "アルファ") == [CompanyID(0)])
    #expect(graph.companies(matching: "Beta") == [CompanyID(1), CompanyID(2)])
    #expect(graph.companies(matching: "alpha").isEmpty)
  }
}
