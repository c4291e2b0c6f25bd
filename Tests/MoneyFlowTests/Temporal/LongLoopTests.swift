import Testing
@testable import MoneyFlow

/// Long loops, where the latest-day search decides which starts are worth
/// a walk: one loop of up to 120 companies with a few chords and parallel
/// flows, dates with many ties, checked against the brute force (few
/// structural cycles, so it stays quick).
@Suite struct LongLoopTests {
  static func loop(seed: UInt64) -> FlowGraph {
    var random = TestRandom(seed: seed &* 7 &+ 3)
    let n = random.int(2 ... 120)
    let days = random.pick([1, 3, 30, 400])
    let first = FlowDate(year: 2024)?.day ?? 0
    var builder = FlowGraphBuilder()
    func add(_ from: Int, _ to: Int, day: Int) {
      builder.addFlow(
        Flow(
          from: "c\(from)", to: "c\(to)", kind: .purchase, amount: Amount(significand: Int64(random.int(1 ... 9))),
          date: FlowDate(day: first + Int32(day), precision: .day)))
    }
    // Dates mostly advancing round the loop, sometimes stepping back.
    var day = random.int(0 ... days - 1)
    var parallel = 0
    for i in 0 ..< n {
      if random.chance(0.1) { day = random.int(0 ... days - 1) } else if random.chance(0.5) { day = min(days - 1, day + 1) }
      add(i, (i + 1) % n, day: day)
      if parallel < 3, random.chance(0.05) {
        parallel += 1
        add(i, (i + 1) % n, day: random.int(0 ... days - 1))
      }
    }
    for _ in 0 ..< random.int(0 ... 2) { add(random.int(0 ... n - 1), random.int(0 ... n - 1), day: random.int(0 ... days - 1)) }
    return builder.build()
  }

  @Test(arguments: 0 ..< 80)
  func matchesBruteForce(seed: UInt64) throws {
    let graph = Self.loop(seed: seed)
    var random = TestRandom(seed: seed &+ 99)
    let options = TemporalCycleSearchOptions(
      window: random.pick([nil, 0, 2, 30] as [FlowDuration?]), maxLength: random.chance(0.7) ? nil : random.int(1 ... 120),
      limit: 0, threads: random.pick([1, 2]), strictlyIncreasing: random.chance(0.5))
    let result = try graph.temporalCycles(options)
    let brute = BruteForceCycles(graph: graph, filter: options.filter)
    let all = brute.temporalChains(
      window: options.window, maxLength: options.maxLength, strictly: options.strictlyIncreasing)
    #expect(result.count == all.count, "seed \(seed)")
    #expect(result.cycles.map(\.flows) == all.sorted(by: BruteForceCycles.ranksBefore).map(\.flows), "seed \(seed)")
  }

  /// One loop whose dates advance all the way round holds one chain; cut
  /// open, none; on a single day, one (none when strictly increasing).
  @Test func ringChainAndSameDay() throws {
    let first = FlowDate(year: 2024)?.day ?? 0
    func graph(_ n: Int, closed: Bool, sameDay: Bool) -> FlowGraph {
      var builder = FlowGraphBuilder()
      for i in 0 ..< (closed ? n : n - 1) {
        builder.addFlow(
          Flow(
            from: "c\(i)", to: "c\((i + 1) % n)", kind: .purchase,
            date: FlowDate(day: first + Int32(sameDay ? 0 : i), precision: .day)))
      }
      return builder.build()
    }
    let strict = TemporalCycleSearchOptions(strictlyIncreasing: true)
    #expect(try graph(5_000, closed: true, sameDay: false).temporalCycles().count == 1)
    #expect(try graph(5_000, closed: true, sameDay: false).temporalCycles(strict).count == 1)
    #expect(try graph(5_000, closed: false, sameDay: false).temporalCycles().count == 0)
    #expect(try graph(5_000, closed: true, sameDay: true).temporalCycles().count == 1)
    #expect(try graph(5_000, closed: true, sameDay: true).temporalCycles(strict).count == 0)
    #expect(try graph(5_000, closed: true, sameDay: false).temporalCycles(TemporalCycleSearchOptions(window: 4_998)).count == 0)
    #expect(try graph(5_000, closed: true, sameDay: false).temporalCycles(TemporalCycleSearchOptions(window: 4_999)).count == 1)
  }
}
