import Testing
@testable import MoneyFlow

@Suite struct WorkShardTests {
  static let shardCounts = [1, 2, 3, 7]

  /// The partials of all `n` shards, after a round trip through their text.
  func partials(_ n: Int, _ search: (WorkShard) throws -> CycleSearchPartial) throws -> [CycleSearchPartial] {
    try (1 ... n).map { i in
      let shard = try #require(WorkShard(index: i, count: n))
      let partial = try search(shard)
      let reread = try CycleSearchPartial(parsing: Array(partial.text().utf8), file: "part")
      #expect(reread.text() == partial.text())
      return reread
    }
  }

  func merged(_ parts: [CycleSearchPartial], limit: Int) throws -> CycleSearchPartial {
    switch CycleSearchPartial.merge(parts, limit: limit) {
    case .success(let merged): return merged
    case .failure(let failure): throw failure
    }
  }

  static func elementaryOptions(seed: UInt64, limit: Int) -> CycleSearchOptions {
    var random = TestRandom(seed: seed &* 17)
    return CycleSearchOptions(
      filter: RandomFlowGraphs.filter(seed: seed), maxLength: random.pick([nil, nil, 1, 2, 3, 5]), limit: limit,
      countOnly: random.chance(0.1), threads: random.pick([1, 2]))
  }

  @Test(arguments: 0 ..< 120)
  func elementaryShardsMergeToTheSingleRun(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 7_000, maxCompanies: 9, maxFlows: 30)
    var random = TestRandom(seed: seed)
    let options = Self.elementaryOptions(seed: seed, limit: random.pick([0, 1, 3, 100]))
    let single = try graph.elementaryCycles(options)
    var all = options
    all.limit = 0
    let everyCycle = try graph.elementaryCycles(all).cycles
    for n in Self.shardCounts {
      let parts = try partials(n) { try graph.elementaryCyclePartial(options, shard: $0, optionsKey: "k") }
      #expect(parts.reduce(0) { $0 + $1.count } == single.count, "seed \(seed), \(n) shards")
      let result = try #require(try graph.elementaryCycles(merging: try merged(parts, limit: options.limit), options))
      #expect(result.count == single.count)
      #expect(result.cycles == single.cycles, "seed \(seed), \(n) shards")
      #expect(result.exposure == single.exposure, "seed \(seed), \(n) shards")
      #expect(CycleReport.text(result, graph: graph) == CycleReport.text(single, graph: graph))
      // Disjoint and complete: every cycle in exactly one shard.
      if !options.countOnly {
        var union: [Cycle] = []
        for i in 1 ... n {
          let shard = try #require(WorkShard(index: i, count: n))
          let own = try graph.elementaryCyclePartial(all, shard: shard, optionsKey: "k")
          union += try #require(try graph.elementaryCycles(merging: own, all)).cycles
        }
        #expect(Set(union).count == union.count, "seed \(seed): a cycle in two shards")
        #expect(Set(union) == Set(everyCycle), "seed \(seed), \(n) shards")
      }
    }
  }

  @Test(arguments: 0 ..< 120)
  func temporalShardsMergeToTheSingleRun(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 21_000, maxFlows: seed % 3 == 0 ? 40 : 25)
    let options = TemporalCyclesTests.randomOptions(seed: seed)
    let single = try graph.temporalCycles(options)
    var all = options
    all.limit = 0
    let everyChain = try graph.temporalCycles(all).cycles
    for n in Self.shardCounts {
      let parts = try partials(n) { try graph.temporalCyclePartial(options, shard: $0, optionsKey: "k") }
      #expect(parts.reduce(0) { $0 + $1.count } == single.count, "seed \(seed), \(n) shards")
      let result = try #require(try graph.temporalCycles(merging: try merged(parts, limit: options.limit), options))
      #expect(result.cycles == single.cycles, "seed \(seed), \(n) shards")
      #expect(result.exposure == single.exposure, "seed \(seed), \(n) shards")
      #expect(CycleReport.text(result, graph: graph) == CycleReport.text(single, graph: graph))
      var union: [TemporalCycle] = []
      for i in 1 ... n {
        let shard = try #require(WorkShard(index: i, count: n))
        let own = try graph.temporalCyclePartial(all, shard: shard, optionsKey: "k")
        union += try #require(try graph.temporalCycles(merging: own, all)).cycles
      }
      #expect(Set(union).count == union.count, "seed \(seed): a chain in two shards")
      #expect(Set(union) == Set(everyChain), "seed \(seed), \(n) shards")
    }
  }

  @Test(arguments: 0 ..< 50)
  func longestFirstAssignmentIsBalanced(seed: UInt64) {
    var random = TestRandom(seed: seed)
    let costs = (0 ..< random.int(0 ... 60)).map { _ in random.int(1 ... 1_000) }
    let n = random.int(1 ... 8)
    let owner = WorkShard.assign(costs, shards: n)
    var load = [Int](repeating: 0, count: n)
    for (task, shard) in owner.enumerated() { load[shard] += costs[task] }
    // Graham's bound for the longest-first rule: no shard exceeds the
    // lightest by more than its last (smallest) task, so by more than the largest cost.
    let spread = (load.max() ?? 0) - (load.min() ?? 0)
    #expect(spread <= (costs.max() ?? 0), "seed \(seed): loads \(load)")
    #expect(WorkShard.assign(costs, shards: n) == owner)
  }

  @Test func mergeRefusesIncompleteOrMixedShards() throws {
    let graph = RandomFlowGraphs.make(seed: 3)
    let options = CycleSearchOptions()
    let parts = try partials(3) { try graph.elementaryCyclePartial(options, shard: $0, optionsKey: "k") }
    for (bad, reason) in [([parts[0], parts[1]], "missing"), ([parts[0], parts[1], parts[1]], "twice")] {
      guard case .failure(let failure) = CycleSearchPartial.merge(bad, limit: 100) else {
        Issue.record("merged \(reason)")
        continue
      }
      #expect(failure.message.contains(reason))
    }
    let other = try graph.elementaryCyclePartial(options, shard: try #require(WorkShard(index: 3, count: 3)), optionsKey: "x")
    guard case .failure = CycleSearchPartial.merge([parts[0], parts[1], other], limit: 100) else {
      Issue.record("merged shards with other options")
      return
    }
  }

  @Test func badPartialNamesTheLine() {
    let text = "moneyflow-partial/1\telementary\t1/2\t3\t4\t1\t3\tk\nc\tzz\t0,1\t0,1\n"
    let error = #expect(throws: InputError.self) { try CycleSearchPartial(parsing: Array(text.utf8), file: "p.txt") }
    #expect(error?.line == 2)
    #expect(WorkShard(parsing: "0/3") == nil)
    #expect(WorkShard(parsing: "4/3") == nil)
    #expect(WorkShard(parsing: "2/3") == WorkShard(index: 2, count: 3))
  }
}
