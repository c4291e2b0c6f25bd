import Testing
@testable import MoneyFlow

@Suite struct TemporalCyclesTests {
  func chains(_ result: TemporalCycleSearchResult) -> [BruteForceCycles.Chain] {
    result.cycles.map {
      BruteForceCycles.Chain(nodes: $0.companies.map(\.index), flows: $0.flows, amount: $0.circulating, span: Int($0.spanSeconds))
    }
  }

  static func randomOptions(seed: UInt64) -> TemporalCycleSearchOptions {
    var random = TestRandom(seed: seed &* 31)
    return TemporalCycleSearchOptions(
      filter: RandomFlowGraphs.filter(seed: seed),
      window: random.pick([nil, 0, 1, 31, 400, 800]),
      maxLength: random.chance(0.5) ? nil : random.int(0 ... 5),
      limit: random.pick([0, 1, 4, 100]))
  }

  @Test(arguments: 0 ..< 300)
  func matchesBruteForce(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 20_000, maxFlows: seed % 3 == 0 ? 45 : 25)
    let options = Self.randomOptions(seed: seed)
    let result = try graph.temporalCycles(options)
    let brute = BruteForceCycles(graph: graph, filter: options.filter)
    let all = brute.temporalChains(window: options.window, maxLength: options.maxLength)
    #expect(result.count == all.count, "seed \(seed)")
    #expect(!result.truncated)
    var ranked = all.sorted(by: BruteForceCycles.ranksBefore)
    if options.limit > 0, ranked.count > options.limit { ranked.removeSubrange(options.limit...) }
    let got = chains(result)
    #expect(got.map(\.nodes) == ranked.map(\.nodes), "seed \(seed)")
    #expect(got.map(\.flows) == ranked.map(\.flows), "seed \(seed)")
    #expect(got.map(\.span) == ranked.map(\.span), "seed \(seed)")
    for (a, b) in zip(got, ranked) { #expect(isClose(a.amount, b.amount), "seed \(seed)") }
    // Exposure.
    var cycles = [Int](repeating: 0, count: graph.companyCount)
    var sums = [Double](repeating: 0, count: graph.companyCount)
    for chain in all {
      for v in chain.nodes {
        cycles[v] += 1
        sums[v] += chain.amount ?? 0
      }
    }
    for entry in result.exposure {
      #expect(entry.cycles == cycles[entry.company.index], "seed \(seed)")
      #expect(isClose(entry.circulating ?? 0, sums[entry.company.index]), "seed \(seed)")
    }
    let expectedListed = cycles.filter { $0 > 0 }.count
    #expect(result.exposure.count == (options.limit > 0 ? min(options.limit, expectedListed) : expectedListed))
    // Every undated flow of the requested kinds is counted as left out.
    let undated = (0 ..< graph.flowCount).filter {
      options.filter.kinds.contains(graph.kind(of: $0)) && graph.date(of: $0) == nil
    }.count
    #expect(result.undatedExcluded == undated, "seed \(seed)")
    if options.filter.minimumAmount != nil {
      let undisclosed = (0 ..< graph.flowCount).filter {
        options.filter.kinds.contains(graph.kind(of: $0)) && graph.date(of: $0) != nil && !graph.hasAmount($0)
          && (options.filter.since == nil || graph.day(of: $0) >= options.filter.since!.day)
          && (options.filter.until == nil || graph.date(of: $0)! <= FlowDate(year: 2021, month: 12, day: 31)!)
      }.count
      #expect(result.undisclosedExcluded == undisclosed, "seed \(seed)")
    }
  }

  /// Dense, fully dated graphs, where closing times block and unblock often.
  @Test(arguments: 0 ..< 400)
  func denseGraphsMatchBruteForce(seed: UInt64) throws {
    var random = TestRandom(seed: seed &+ 50_000)
    var builder = FlowGraphBuilder()
    let n = random.int(4 ... 7)
    for _ in 0 ..< random.int(15 ... 40) {
      let u = random.int(0 ... n - 1)
      var v = random.int(0 ... n - 2)
      if v >= u { v += 1 }
      builder.addFlow(
        Flow(from: "c\(u)", to: "c\(v)", kind: .loan, amount: Amount(significand: Int64(random.int(1 ... 9))),
          date: FlowDate(year: 2020, month: random.int(1 ... 12))))
    }
    let graph = builder.build()
    let window: FlowDuration? = random.pick([nil, 60, 200])
    let maxLength = random.pick([nil, nil, 2, 3, 4])
    let result = try graph.temporalCycles(TemporalCycleSearchOptions(window: window, maxLength: maxLength, limit: 0))
    let all = BruteForceCycles(graph: graph, filter: FlowFilter()).temporalChains(window: window, maxLength: maxLength)
    #expect(result.count == all.count, "seed \(seed)")
    #expect(Set(chains(result).map(\.flows)) == Set(all.map(\.flows)), "seed \(seed)")
  }

  @Test(arguments: 0 ..< 100)
  func twoThreadsEqualOne(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 30_000, maxFlows: 45)
    var options = Self.randomOptions(seed: seed)
    let one = try graph.temporalCycles(options)
    options.threads = 2
    let two = try graph.temporalCycles(options)
    expectSameAnswer(one, two)
  }

  @Test(arguments: 0 ..< 100)
  func stopAfterCountsAPrefix(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 40_000, maxFlows: 45)
    var options = Self.randomOptions(seed: seed)
    options.limit = 0
    let all = try graph.temporalCycles(options)
    var previous: Set<TemporalCycle> = []
    for stop in 0 ... all.count + 1 {
      options.stopAfter = stop
      options.threads = stop % 2 + 1
      let result = try graph.temporalCycles(options)
      #expect(result.count == min(stop, all.count))
      #expect(result.truncated == (stop < all.count))
      let kept = Set(result.cycles)
      #expect(kept.isSubset(of: Set(all.cycles)) && previous.isSubset(of: kept))
      previous = kept
    }
    #expect(previous == Set(all.cycles))
  }

  @Test func microsoftOpenAIChains() throws {
    let graph = ElementaryCyclesTests.microsoftOpenAI()
    let result = try graph.temporalCycles()
    #expect(result.count == 2)
    // Investment 2019 then the 2025-10 cloud commitment: 13 bn round; then
    // the 2023 revenue share (undisclosed).
    #expect(result.cycles.map(\.flows) == [[0, 1], [0, 2]])
    #expect(result.cycles.map(\.circulating) == [13e9, nil])
    #expect(result.cycles.map(\.spanDays) == [2465, 1461])
    #expect(result.cycles[0].companies.map { graph.id(of: $0) } == ["microsoft", "openai"])
    let windowed = try graph.temporalCycles(TemporalCycleSearchOptions(window: FlowDuration(days: 5 * 365)))
    #expect(windowed.count == 1 && windowed.cycles.first?.flows == [0, 2])
  }

  @Test func chainStartsAtEarliestFlowNotSmallestCompany() throws {
    var builder = FlowGraphBuilder()
    builder.addFlow(Flow(from: "c", to: "a", kind: .loan, date: FlowDate(parsing: "2024-01")))
    builder.addFlow(Flow(from: "a", to: "b", kind: .loan, date: FlowDate(parsing: "2024-02")))
    builder.addFlow(Flow(from: "b", to: "c", kind: .loan, date: FlowDate(parsing: "2024-02")))
    builder.addFlow(Flow(from: "b", to: "c", kind: .loan, date: FlowDate(parsing: "2024-01-15")))  // c → a is earlier
    builder.addFlow(Flow(from: "a", to: "a", kind: .loan))  // undated
    let graph = builder.build()
    let result = try graph.temporalCycles()
    #expect(result.count == 1)
    #expect(result.cycles.first?.companies.map { graph.id(of: $0) } == ["c", "a", "b"])
    #expect(result.undatedExcluded == 1)
    #expect(try graph.elementaryCycles().count == 2)  // the structural view counts the self-flow
  }

  @Test func sameDayChainCountsOnceFromSmallestCompany() throws {
    var builder = FlowGraphBuilder()
    for (from, to) in [("z", "m"), ("m", "a"), ("a", "z")] {
      builder.addFlow(Flow(from: from, to: to, kind: .purchase, date: FlowDate(parsing: "2025-03-01")))
    }
    let graph = builder.build()
    let result = try graph.temporalCycles(TemporalCycleSearchOptions(window: 0))
    #expect(result.count == 1)
    #expect(result.cycles.first?.companies.map { graph.id(of: $0) } == ["a", "z", "m"])
    #expect(result.cycles.first?.spanDays == 0)
  }

  @Test func datesGoingBackFindNothing() throws {
    var builder = FlowGraphBuilder()
    builder.addFlow(Flow(from: "a", to: "b", kind: .loan, date: FlowDate(parsing: "2020")))
    builder.addFlow(Flow(from: "b", to: "c", kind: .loan, date: FlowDate(parsing: "2019")))
    builder.addFlow(Flow(from: "c", to: "a", kind: .loan, date: FlowDate(parsing: "2021")))
    let graph = builder.build()
    #expect(try graph.temporalCycles().count == 0)
    #expect(try graph.elementaryCycles().count == 1)
  }
}
