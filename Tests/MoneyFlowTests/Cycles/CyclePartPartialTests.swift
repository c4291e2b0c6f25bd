import Testing
@testable import MoneyFlow

/// Part files of a graph split by strongly connected component, each
/// numbering its own companies, merge by company id into the single run.
@Suite struct CyclePartPartialTests {
  /// The graph's cyclic components (over all flows, as the Spark driver
  /// finds them) dealt at random into 1...3 part graphs, each holding the
  /// flows with both ends in its components, in file order.
  static func parts(of graph: FlowGraph, _ random: inout TestRandom) -> [FlowGraph] {
    let components = StronglyConnectedComponents(links: LinkGraph(graph: graph, kinds: .all)).cyclicComponents
    let q = components.isEmpty ? 1 : random.int(1 ... min(3, components.count))
    var partOf = [Int](repeating: -1, count: graph.companyCount)
    for (c, members) in components.enumerated() {
      let p = c < q ? c : random.int(0 ... q - 1)
      for company in members { partOf[company.index] = p }
    }
    return (0 ..< q).map { p in
      var builder = FlowGraphBuilder()
      builder.currency = graph.currency
      builder.rates = graph.rates
      for v in 0 ..< graph.companyCount where partOf[v] == p { builder.addCompany(graph.company(CompanyID(v))) }
      for f in 0 ..< graph.flowCount {
        let (u, v) = (graph.payer(of: f).index, graph.payee(of: f).index)
        if partOf[u] == p, partOf[v] == p { builder.addFlow(graph.flow(f)) }
      }
      return builder.build()
    }
  }

  /// The partials of every part, each part split into a random number of
  /// shards, after a round trip through their text, in a shuffled order.
  static func partials(
    _ parts: [FlowGraph], _ random: inout TestRandom, _ search: (FlowGraph, WorkShard) throws -> CycleSearchPartial
  ) throws -> [CyclePartPartial] {
    var all: [CyclePartPartial] = []
    for (p, part) in parts.enumerated() {
      let shards = random.pick([1, 1, 2, 3])
      for i in 1 ... shards {
        let keyed = CyclePartPartial(
          try search(part, try #require(WorkShard(index: i, count: shards))),
          part: try #require(WorkShard(index: p + 1, count: parts.count)), graph: part)
        let reread = try CyclePartPartial(parsing: Array(keyed.text().utf8), file: "parts")
        #expect(reread.text() == keyed.text())
        all.append(reread)
      }
    }
    return all.shuffled(using: &random)
  }

  static func merged(_ parts: [CyclePartPartial], graph: FlowGraph, filter: FlowFilter, limit: Int) throws
    -> CycleSearchPartial
  {
    switch try CyclePartPartial.merge(parts, graph: graph, filter: filter, limit: limit) {
    case .success(let merged): return merged
    case .failure(let failure): throw failure
    }
  }

  @Test(arguments: 0 ..< 150)
  func elementaryPartsMergeToTheSingleRun(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 31_000, maxCompanies: 10, maxFlows: seed % 3 == 0 ? 40 : 24)
    var random = TestRandom(seed: seed &* 13)
    var options = WorkShardTests.elementaryOptions(seed: seed, limit: random.pick([0, 1, 3, 100]))
    options.minLength = random.pick([nil, nil, 2, 3])
    try checkParts(graph, options, filter: options.filter, &random, seed: seed) { CycleReport.text($0, graph: graph) }
  }

  @Test(arguments: 0 ..< 150)
  func temporalPartsMergeToTheSingleRun(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed &+ 41_000, maxCompanies: 10, maxFlows: seed % 3 == 0 ? 40 : 24)
    var random = TestRandom(seed: seed &* 19)
    let options = TemporalCyclesTests.randomOptions(seed: seed)
    try checkParts(graph, options, filter: options.filter, &random, seed: seed) { CycleReport.text($0, graph: graph) }
  }

  /// The partials of `options` over random parts of `graph` (each part
  /// searched in random shards), merged by company id, give the single run:
  /// count, list, exposure and `text`.
  func checkParts<Request: CycleSearchRequest>(
    _ graph: FlowGraph, _ options: Request, filter: FlowFilter, _ random: inout TestRandom, seed: UInt64,
    text: (CycleSearchAnswer<Request.Found, Request>) -> String
  ) throws where Request.Found: Equatable {
    let single = try options.search(in: graph, progress: nil, stop: nil)
    let parts = Self.parts(of: graph, &random)
    let partials = try Self.partials(parts, &random) { part, shard in
      try options.partial(in: part, shard: shard, optionsKey: "k")
    }
    let merged = try Self.merged(partials, graph: graph, filter: filter, limit: options.limit)
    let result = try #require(try options.merging(merged, in: graph))
    #expect(result.count == single.count, "seed \(seed), \(parts.count) parts")
    #expect(result.cycles == single.cycles, "seed \(seed), \(parts.count) parts")
    #expect(result.exposure == single.exposure, "seed \(seed)")
    #expect(text(result) == text(single), "seed \(seed)")
  }

  /// A missing part, a part given twice and overlapping parts are refused.
  @Test func incompleteOrOverlappingPartsAreRefused() throws {
    let graph = ElementaryCyclesTests.microsoftOpenAI()
    let options = CycleSearchOptions()
    let one = try #require(WorkShard(index: 1, count: 2))
    let two = try #require(WorkShard(index: 2, count: 2))
    let whole = try options.partial(in: graph, shard: try #require(WorkShard(index: 1, count: 1)), optionsKey: "k")
    let first = CyclePartPartial(whole, part: one, graph: graph)
    let second = CyclePartPartial(whole, part: two, graph: graph)
    func message(_ parts: [CyclePartPartial]) throws -> String? {
      switch try CyclePartPartial.merge(parts, graph: graph, filter: options.filter, limit: 100) {
      case .success: nil
      case .failure(let failure): failure.message
      }
    }
    #expect(try message([first]) == "part 2/2 is missing")
    #expect(try message([first, first, second]) == "shard 1/1 of part 1/2 is given twice")
    #expect(try message([first, second]) == "parts 1/2 and 2/2 both have cycles through 'microsoft'")
    #expect(try message([CyclePartPartial(whole, part: try #require(WorkShard(index: 1, count: 1)), graph: graph)]) == nil)
    #expect(CyclePartPartial.unescaped(Substring(CyclePartPartial.escaped("a,b\t%c\nd"))) == "a,b\t%c\nd")
    #expect(CyclePartPartial.unescaped("%2") == nil && CyclePartPartial.unescaped("%zz") == nil)
  }
}
