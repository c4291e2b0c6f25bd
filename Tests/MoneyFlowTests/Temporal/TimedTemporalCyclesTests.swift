import Testing
@testable import MoneyFlow

/// The time-respecting search on flows timed to the second: against the
/// brute force on random small graphs with ties, zones, partial dates,
/// windows in days, hours, minutes and seconds, date-time bounds, both
/// orderings and several threads.
@Suite struct TimedTemporalCyclesTests {
  static func options(seed: UInt64) -> TemporalCycleSearchOptions {
    var random = TestRandom(seed: seed &* 131 &+ 7)
    var filter = FlowFilter(kinds: random.chance(0.3) ? .all : .moneyMoving)
    if random.chance(0.2) { filter.since = RandomTimes.clustered(&random) }
    if random.chance(0.2) { filter.until = RandomTimes.clustered(&random) }
    return TemporalCycleSearchOptions(
      filter: filter, window: random.pick(RandomTimes.windows),
      maxLength: random.chance(0.6) ? nil : random.int(1 ... 5), limit: random.pick([0, 0, 3]),
      threads: random.pick([1, 2]), strictlyIncreasing: random.chance(0.5))
  }

  @Test(arguments: 0 ..< 400)
  func matchesBruteForce(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 70_000, maxCompanies: 6, maxFlows: seed % 4 == 0 ? 40 : 24, timed: true)
    let options = Self.options(seed: seed)
    let result = try graph.temporalCycles(options)
    let brute = BruteForceCycles(graph: graph, filter: options.filter)
    let all = brute.temporalChains(window: options.window, maxLength: options.maxLength, strictly: options.strictlyIncreasing)
    #expect(result.count == all.count, "seed \(seed)")
    var ranked = all.sorted(by: BruteForceCycles.ranksBefore)
    if options.limit > 0, ranked.count > options.limit { ranked.removeSubrange(options.limit...) }
    #expect(result.cycles.map(\.flows) == ranked.map(\.flows), "seed \(seed)")
    #expect(result.cycles.map { Int($0.spanSeconds) } == ranked.map(\.span), "seed \(seed)")
    #expect(result.cycles.map(\.spanDays) == ranked.map { $0.span / 86_400 }, "seed \(seed)")
  }

  /// The random graphs are not trivial: they hold chains, some of which
  /// only the default ordering finds, and some that a short window cuts.
  @Test func randomGraphsHoldChains() throws {
    var (found, tiedOnly, cut) = (0, 0, 0)
    for seed in UInt64(0) ..< 100 {
      let graph = RandomFlowGraphs.make(seed: seed &+ 70_000, maxCompanies: 6, maxFlows: 24, timed: true)
      let loose = try graph.temporalCycles(TemporalCycleSearchOptions(countOnly: true)).count
      let strict = try graph.temporalCycles(TemporalCycleSearchOptions(countOnly: true, strictlyIncreasing: true)).count
      let short = try graph.temporalCycles(TemporalCycleSearchOptions(window: FlowDuration(seconds: 6 * 3_600), countOnly: true)).count
      found += loose
      if strict < loose { tiedOnly += 1 }
      if short < loose { cut += 1 }
    }
    #expect(found > 100 && tiedOnly > 5 && cut > 5, "\(found) \(tiedOnly) \(cut)")
  }

  func graph(_ flows: [(String, String, String)]) throws -> FlowGraph {
    var builder = FlowGraphBuilder()
    for (from, to, date) in flows {
      builder.addFlow(Flow(from: from, to: to, kind: .loan, amount: Amount(significand: 1), date: try FlowDate(parsing: date)))
    }
    return builder.build()
  }

  /// A window is inclusive, to the second, whatever its unit; zones count.
  @Test func windowsInEveryUnit() throws {
    let loop = try graph([
      ("a", "b", "2024-05-01T09:00:00Z"), ("b", "c", "2024-05-01 12:00:00"), ("c", "a", "2024-05-01T16:20:00+01:00"),
    ])
    // 09:00Z to 15:20Z: 6 h 20 min = 22,800 s.
    for (window, count) in [("6h", 0), ("380m", 1), ("22799s", 0), ("22800s", 1), ("1", 1), ("0", 0), ("1d", 1)] {
      let options = TemporalCycleSearchOptions(window: FlowDuration(parsing: window))
      #expect(try loop.temporalCycles(options).count == count, "--window \(window)")
    }
    let found = try loop.temporalCycles()
    #expect(found.cycles.first?.spanSeconds == 22_800 && found.cycles.first?.spanDays == 0)
    #expect(CycleReport.text(found, graph: loop).contains("over 6 h 20 min"))
    let windowed = CycleReport.text(try loop.temporalCycles(TemporalCycleSearchOptions(window: FlowDuration(parsing: "380m"))), graph: loop)
    #expect(windowed.contains("within 6 h 20 min"))
  }

  /// Ties to the second close a loop by default and not with
  /// strictly increasing times; a second apart closes both.
  @Test func tiesToTheSecond() throws {
    let tied = try graph([("a", "b", "2024-05-01T10:00:00"), ("b", "a", "2024/05/01 10:00:00")])
    #expect(try tied.temporalCycles().count == 1)
    #expect(try tied.temporalCycles(TemporalCycleSearchOptions(strictlyIncreasing: true)).count == 0)
    let apart = try graph([("a", "b", "2024-05-01T10:00:00"), ("b", "a", "2024-05-01T10:00:01")])
    #expect(try apart.temporalCycles(TemporalCycleSearchOptions(strictlyIncreasing: true)).count == 1)
    // The fraction of a second does not order: these tie.
    let fractions = try graph([("a", "b", "2024-05-01T10:00:00.900"), ("b", "a", "2024-05-01T10:00:00.100")])
    #expect(try fractions.temporalCycles().count == 1)
    #expect(try fractions.temporalCycles(TemporalCycleSearchOptions(strictlyIncreasing: true)).count == 0)
  }

  /// `--since` and `--until` with times: the first instant of `since`, the
  /// last second `until` covers.
  @Test func boundsWithTimes() throws {
    let g = try graph([("a", "b", "2024-05-01T09:59:59"), ("b", "a", "2024-05-01T10:00:30"), ("a", "c", "2024-05-01T10:01")])
    func kept(_ since: String?, _ until: String?) throws -> Int {
      try FlowSelection(graph: g, filter: FlowFilter(since: since.flatMap(FlowDate.init(parsing:)), until: until.flatMap(FlowDate.init(parsing:)))).count
    }
    #expect(try kept("2024-05-01T10:00", nil) == 2)
    #expect(try kept(nil, "2024-05-01T10:00") == 2)
    #expect(try kept(nil, "2024-05-01T10:00:29") == 1)
    #expect(try kept("2024-05-01T10:00:00+00:01", nil) == 3)
    #expect(try kept("2024-05-01", "2024-05-01") == 3)
  }
}
