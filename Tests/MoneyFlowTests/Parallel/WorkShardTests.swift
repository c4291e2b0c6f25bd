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
    try checkShards(graph, options, seed: seed) { CycleReport.text($0, graph: graph) }
  }

  @Test(arguments: 0 ..< 120)
  func temporalShardsMergeToTheSingleRun(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 21_000, maxFlows: seed % 3 == 0 ? 40 : 25)
    try checkShards(graph, TemporalCyclesTests.randomOptions(seed: seed), seed: seed) { CycleReport.text($0, graph: graph) }
  }

  /// The partials of every shard count merge to the single run of `options`
  /// (count, list, exposure, `text`), and the shards of the search listing
  /// all (limit 0) find every cycle exactly once.
  func checkShards<Request: CycleSearchRequest>(
    _ graph: FlowGraph, _ options: Request, seed: UInt64, text: (CycleSearchAnswer<Request.Found, Request>) -> String
  ) throws where Request.Found: Hashable {
    let single = try options.search(in: graph, progress: nil, stop: nil)
    var all = options
    all.limit = 0
    let everyCycle = try all.search(in: graph, progress: nil, stop: nil).cycles
    for n in Self.shardCounts {
      let parts = try partials(n) { try options.partial(in: graph, shard: $0, optionsKey: "k") }
      #expect(parts.reduce(0) { $0 + $1.count } == single.count, "seed \(seed), \(n) shards")
      let result = try #require(try options.merging(try merged(parts, limit: options.limit), in: graph))
      #expect(result.count == single.count)
      #expect(result.cycles == single.cycles, "seed \(seed), \(n) shards")
      #expect(result.exposure == single.exposure, "seed \(seed), \(n) shards")
      #expect(text(result) == text(single))
      // Disjoint and complete: every cycle in exactly one shard.
      var union: [Request.Found] = []
      for i in 1 ... n {
        let shard = try #require(WorkShard(index: i, count: n))
        union += try #require(try all.merging(try all.partial(in: graph, shard: shard, optionsKey: "k"), in: graph)).cycles
      }
      #expect(Set(union).count == union.count, "seed \(seed): a cycle in two shards")
      #expect(Set(union) == Set(everyCycle), "seed \(seed), \(n) shards")
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
    let parts = try partials(3) { try options.partial(in: graph, shard: $0, optionsKey: "k") }
    for (bad, reason) in [([parts[0], parts[1]], "missing"), ([parts[0], parts[1], parts[1]], "twice")] {
      guard case .failure(let failure) = CycleSearchPartial.merge(bad, limit: 100) else {
        Issue.record("merged \(reason)")
        continue
      }
      #expect(failure.message.contains(reason))
    }
    let other = try options.partial(in: graph, shard: try #require(WorkShard(index: 3, count: 3)), optionsKey: "x")
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

