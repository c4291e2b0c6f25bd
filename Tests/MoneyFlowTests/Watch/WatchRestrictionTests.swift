import Testing
@testable import MoneyFlow

/// `watch --through/--min-length` equal the batch's filters; `--shard` partitions the output.
@Suite struct WatchRestrictionTests {
  @Test(arguments: 0 ..< 150 as Range<UInt64>)
  func structuralFiltersMatchBatchAndShardsPartition(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed ^ 0x7E1, maxCompanies: 7, maxFlows: 26)
    var random = TestRandom(seed: seed)
    let through = (0 ..< graph.companyCount).filter { _ in random.chance(0.3) }.map { CompanyID($0) }
    let minLength = random.int(1 ... 3)
    let maxLength: Int? = seed % 3 == 0 ? nil : 4
    let filter = FlowFilter(kinds: .all)
    var watcher = CycleWatcher(maxLength: maxLength, filter: filter)
    watcher.restriction = WatchRestriction(through: Set(through.map(graph.id(of:))), minLength: minLength)
    let all = try watcher.add(graph, row: 1).map(\.companies)
    let batch = try graph.elementaryCycles(
      CycleSearchOptions(filter: filter, maxLength: maxLength, limit: 0, through: through, minLength: minLength))
    let key = { (c: [String]) in c.joined(separator: "\u{0}") }
    #expect(all.map(key).sorted() == batch.cycles.map { $0.companies.map(graph.id(of:)) }.map(key).sorted(), "seed \(seed)")
    try Self.checkShards(all, count: Int(seed % 4) + 2) { shard in
      var part = CycleWatcher(maxLength: maxLength, filter: filter)
      part.restriction = WatchRestriction(through: Set(through.map(graph.id(of:))), minLength: minLength, shard: shard)
      return try part.add(graph, row: 1).map(\.companies)
    }
  }

  @Test(arguments: 0 ..< 150 as Range<UInt64>)
  func temporalFiltersMatchBatchAndShardsPartition(seed: UInt64) throws {
    let unordered = RandomFlowGraphs.make(seed: seed ^ 0x7E2, maxCompanies: 6, maxFlows: 24)
    let graph = TemporalCycleWatcherTests.stream(unordered, seed: seed) { flow, _ in unordered.date(of: flow) == nil ? 0 : Int(unordered.time(of: flow)) }
    var random = TestRandom(seed: seed)
    let through = (0 ..< graph.companyCount).filter { _ in random.chance(0.3) }.map { CompanyID($0) }
    let minLength = random.int(1 ... 3)
    let filter = FlowFilter(kinds: .all)
    let make = { (shard: WorkShard?) in
      var watcher = TemporalCycleWatcher(maxLength: nil, window: 400 * 86_400, filter: filter)
      watcher.restriction = WatchRestriction(through: Set(through.map(graph.id(of:))), minLength: minLength, shard: shard)
      return watcher
    }
    var watcher = make(nil)
    let all = try watcher.add(graph, row: 1).map(TemporalCycleWatcherTests.key)
    let batch = try graph.temporalCycles(
      TemporalCycleSearchOptions(filter: filter, window: FlowDuration(days: 400), limit: 0, through: through, minLength: minLength))
    let expected = batch.cycles.map { $0.companies.map(graph.id(of:)) + ["|"] + $0.flows.map { String($0 + 1) } }
    #expect(all.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) }, "seed \(seed)")
    try Self.checkShards(all, count: Int(seed % 4) + 2) { shard in
      var part = make(shard)
      return try part.add(graph, row: 1).map(TemporalCycleWatcherTests.key)
    }
  }

  /// The shards' outputs are disjoint, each in the single output's order, and together all of it.
  static func checkShards(_ all: [[String]], count: Int, run: (WorkShard) throws -> [[String]]) throws {
    var union: [[String]] = []
    for index in 1 ... count {
      let shard = try #require(WorkShard(index: index, count: count))
      let part = try run(shard)
      #expect(part == all.filter { WatchRestriction.shardIndex(of: $0[0], count: count) == index })
      union += part
    }
    #expect(union.count == all.count, "disjoint")
    #expect(union.map { $0.joined(separator: "\u{0}") }.sorted() == all.map { $0.joined(separator: "\u{0}") }.sorted())
  }
}
