import Testing
@testable import MoneyFlow

@Suite struct GraphGeneratorTests {
  // MARK: SplitMix64

  @Test func splitMixMatchesReferenceSequence() {
    // Vigna's splitmix64.c seeded with 0.
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(random.next() == 0x06C4_5D18_8009_454F)
  }

  @Test(arguments: [1, 2, 3, 7, 1_000, Int.max])
  func boundedDrawsStayBelowBound(bound: Int) {
    var random = SplitMix64(seed: UInt64(bound))
    for _ in 0 ..< 1_000 {
      let value = random.next(below: bound)
      #expect(value >= 0 && value < bound)
    }
  }

  // MARK: Determinism

  static let families: [GraphGenerator.Family] = GraphGenerator.Family.allCases

  static func generator(_ family: GraphGenerator.Family, nodes: Int = 200, edges: Int = 1_000, seed: UInt64)
    throws -> GraphGenerator
  {
    try GraphGenerator(
      family: family, nodes: nodes, edges: edges, seed: seed,
      plantedCycles: family == .planted ? 5 : 0, cycleLength: 4)
  }

  static func csv(_ generator: GraphGenerator) -> String {
    var text = ""
    generator.write(to: &text)
    return text
  }

  @Test(arguments: families)
  func sameSeedWritesSameBytes(family: GraphGenerator.Family) throws {
    let first = GraphGeneratorTests.csv(try GraphGeneratorTests.generator(family, seed: 42))
    let second = GraphGeneratorTests.csv(try GraphGeneratorTests.generator(family, seed: 42))
    #expect(first.utf8.elementsEqual(second.utf8))
    let other = GraphGeneratorTests.csv(try GraphGeneratorTests.generator(family, seed: 43))
    #expect(!first.utf8.elementsEqual(other.utf8))
  }

  @Test func familiesDifferForOneSeed() throws {
    let texts = try GraphGeneratorTests.families.map {
      GraphGeneratorTests.csv(try GraphGeneratorTests.generator($0, seed: 1))
    }
    #expect(texts[0] != texts[1] && texts[1] != texts[2] && texts[0] != texts[2])
  }

  // MARK: Shape and format

  struct Row {
    var from: String, to: String, kind: String, amount: String, currency: String, date: String
  }

  static func rows(_ text: String) throws -> [Row] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == Substring(GraphGenerator.csvHeader))
    #expect(lines.last == "")
    lines = Array(lines.dropFirst().dropLast())
    return try lines.map { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      try #require(fields.count == 6, "row \(line)")
      return Row(from: fields[0], to: fields[1], kind: fields[2], amount: fields[3], currency: fields[4], date: fields[5])
    }
  }

  @Test(arguments: families, [(10, 10), (50, 400), (1_000, 1_000), (300, 3_000)])
  func writesRequestedCountsOfCompaniesAndFlows(family: GraphGenerator.Family, size: (nodes: Int, edges: Int)) throws {
    let generator = try GraphGenerator(
      family: family, nodes: size.nodes, edges: size.edges, seed: 9,
      plantedCycles: family == .planted ? 2 : 0, cycleLength: 3)
    let rows = try GraphGeneratorTests.rows(GraphGeneratorTests.csv(generator))
    #expect(rows.count == size.edges)
    var ids = Set<String>()
    for row in rows {
      ids.insert(row.from)
      ids.insert(row.to)
    }
    #expect(ids.count == size.nodes)
    #expect(ids.allSatisfy { $0.utf8.count == 7 && $0.hasPrefix("c") })
    #expect(ids.contains(generator.companyID(0)) && ids.contains(generator.companyID(size.nodes - 1)))
  }

  @Test(arguments: families)
  func rowsLookLikeMoneyFlows(family: GraphGenerator.Family) throws {
    let generator = try GraphGeneratorTests.generator(family, nodes: 500, edges: 5_000, seed: 3)
    let rows = try GraphGeneratorTests.rows(GraphGeneratorTests.csv(generator))
    var kinds = Set<FlowKind>()
    var years = Set<Int>()
    var largest = 0.0
    for row in rows {
      #expect(row.from != row.to)
      let kind = try #require(FlowKind(name: row.kind))
      #expect(kind.movesMoney)
      kinds.insert(kind)
      #expect(row.currency == "USD")
      let date = try #require(FlowDate(parsing: row.date))
      #expect(date.precision == .day)
      years.insert(date.components.year)
      let parts = row.amount.split(separator: ".")
      #expect(parts.count == 2 && parts[1].utf8.count == 2 && parts[0].first != "0")
      let amount = try Amount.parse(row.amount).get()
      #expect(amount.plainDecimal == row.amount)
      largest = max(largest, amount.doubleValue)
    }
    #expect(kinds.count == 8)
    #expect(years == Set(2015 ... 2024))
    #expect(largest > 100_000)  // heavy tail
  }

  @Test func idsHaveFixedWidthInByteOrder() throws {
    let small = try GraphGenerator(family: .random, nodes: 10, edges: 0, seed: 0)
    #expect(small.companyID(7) == "c000007")
    let large = try GraphGenerator(family: .random, nodes: 12_345_678, edges: 0, seed: 0)
    #expect(large.idWidth == 8)
    #expect(large.companyID(42) == "c00000042")
    #expect(large.companyID(9).precedesInByteOrder(large.companyID(10)))
    let exact = try GraphGenerator(family: .random, nodes: 1_000_000, edges: 0, seed: 0)
    #expect(exact.companyID(999_999) == "c999999")
  }

  @Test func powerlawDegreesAreHeavyTailed() throws {
    func maximumInDegree(_ family: GraphGenerator.Family) throws -> Int {
      var degree = [Int](repeating: 0, count: 2_000)
      try GraphGenerator(family: family, nodes: 2_000, edges: 20_000, seed: 5).forEachFlow {
        degree[Int($0.payee)] += 1
      }
      return degree.max() ?? 0
    }
    #expect(try maximumInDegree(.powerlaw) > 5 * maximumInDegree(.random))
  }

  // MARK: Planted cycles

  /// Elementary cycles of the company graph (parallel flows form one link) by
  /// brute force: from each start, a depth-first search over later companies.
  static func elementaryCycleLengths(_ generator: GraphGenerator) -> [Int] {
    elementaryCycles(generator).map(\.count)
  }

  static func elementaryCycles(_ generator: GraphGenerator) -> [[Int]] {
    var links = [Set<Int>](repeating: [], count: generator.nodes)
    generator.forEachFlow { links[Int($0.payer)].insert(Int($0.payee)) }
    let successors = links.map { $0.sorted() }
    var cycles: [[Int]] = []
    for start in 0 ..< generator.nodes {
      var onPath = [Bool](repeating: false, count: generator.nodes)
      var stack: [(node: Int, next: Int)] = [(start, 0)]
      onPath[start] = true
      while let top = stack.last {
        if top.next == successors[top.node].count {
          onPath[top.node] = false
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].next += 1
        let w = successors[top.node][top.next]
        if w == start {
          cycles.append(stack.map(\.node))
        } else if w > start, !onPath[w] {
          onPath[w] = true
          stack.append((w, 0))
        }
      }
    }
    return cycles
  }

  @Test(arguments: [
    (nodes: 40, edges: 80, cycles: 3, length: 4, seed: UInt64(1)),
    (nodes: 30, edges: 70, cycles: 5, length: 2, seed: 2),
    (nodes: 12, edges: 40, cycles: 4, length: 3, seed: 3),  // every company in a cycle
    (nodes: 25, edges: 60, cycles: 6, length: 1, seed: 4),  // self-loops
    (nodes: 60, edges: 150, cycles: 1, length: 12, seed: 5),
    (nodes: 50, edges: 120, cycles: 0, length: 4, seed: 6),  // acyclic only
    (nodes: 8, edges: 8, cycles: 2, length: 4, seed: 7),  // cycles only
  ])
  func plantedCycleCountIsTheTrueCount(
    parameters: (nodes: Int, edges: Int, cycles: Int, length: Int, seed: UInt64)
  ) throws {
    for seedOffset: UInt64 in 0 ..< 20 {
      let generator = try GraphGenerator(
        family: .planted, nodes: parameters.nodes, edges: parameters.edges,
        seed: parameters.seed &* 1_000 &+ seedOffset, plantedCycles: parameters.cycles,
        cycleLength: parameters.length)
      let lengths = GraphGeneratorTests.elementaryCycleLengths(generator)
      #expect(lengths.count == generator.plantedCycleCount)
      #expect(lengths.allSatisfy { $0 == parameters.length })
    }
  }

  @Test(arguments: [(1_000, 8_000, 10, 4), (2_000, 20_000, 7, 6), (500, 3_000, 25, 2), (300, 2_000, 5, 1)])
  func cycleAnalysesFindExactlyThePlantedCycles(parameters: (nodes: Int, edges: Int, cycles: Int, length: Int)) throws {
    let generator = try GraphGenerator(
      family: .planted, nodes: parameters.nodes, edges: parameters.edges, seed: 99,
      plantedCycles: parameters.cycles, cycleLength: parameters.length)
    let graph = generator.makeGraph()
    let all = try graph.elementaryCycles(CycleSearchOptions(limit: 0))
    #expect(all.count == generator.plantedCycleCount)
    #expect(all.cycles.allSatisfy { $0.length == parameters.length })
    let bounded = try graph.elementaryCycles(CycleSearchOptions(maxLength: parameters.length, countOnly: true))
    #expect(bounded.count == parameters.cycles)
    let shorter = try graph.elementaryCycles(CycleSearchOptions(maxLength: parameters.length - 1, countOnly: true))
    #expect(shorter.count == 0)
    let components = graph.stronglyConnectedComponents().cyclicComponents
    #expect(components.count == parameters.cycles && components.allSatisfy { $0.count == parameters.length })
    let window = generator.plantedCycleMaximumSpan
    let temporal = try graph.temporalCycles(TemporalCycleSearchOptions(window: FlowDuration(days: window), countOnly: true))
    #expect(temporal.count == parameters.cycles)
  }

  @Test func plantedCyclesRunForwardInTime() throws {
    let generator = try GraphGenerator(
      family: .planted, nodes: 100, edges: 400, seed: 11, plantedCycles: 4, cycleLength: 5)
    var flows: [[Int]: [GraphGenerator.GeneratedFlow]] = [:]
    generator.forEachFlow { flows[[Int($0.payer), Int($0.payee)], default: []].append($0) }
    let cycles = GraphGeneratorTests.elementaryCycles(generator)
    #expect(cycles.count == 4)
    for cycle in cycles {
      // One flow per link; some rotation has strictly increasing dates.
      let links = try cycle.indices.map { i in
        try #require(flows[[cycle[i], cycle[(i + 1) % cycle.count]]])
      }
      #expect(links.allSatisfy { $0.count == 1 })
      let days = links.map { $0[0].day }
      let rotations = cycle.indices.filter { r in
        (1 ..< days.count).allSatisfy { days[(r + $0 - 1) % days.count] < days[(r + $0) % days.count] }
      }
      #expect(rotations.count == 1)
      if let r = rotations.first {
        let span = Int(days[(r + days.count - 1) % days.count] - days[r])
        #expect(span >= 4 && span <= generator.plantedCycleMaximumSpan)
      }
    }
  }

  @Test func plantedParametersAreChecked() {
    #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .planted, nodes: 10, edges: 100, seed: 0, plantedCycles: 3, cycleLength: 4)
    }
    #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .planted, nodes: 100, edges: 10, seed: 0, plantedCycles: 3, cycleLength: 4)
    }
    #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .planted, nodes: 4, edges: 10, seed: 0, plantedCycles: 1, cycleLength: 4)
    }
    #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .random, nodes: 100, edges: 10, seed: 0, plantedCycles: 1, cycleLength: 4)
    }
    #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .random, nodes: 1, edges: 1, seed: 0)
    }
    #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .powerlaw, nodes: 0, edges: 0, seed: 0)
    }
    let error = #expect(throws: GraphGenerator.Failure.self) {
      try GraphGenerator(family: .random, nodes: 10, edges: -1, seed: 0)
    }
    #expect(error?.message.contains("edges") == true)
  }

  // MARK: Streaming

  @Test func streamsManyFlowsInBoundedChunks() throws {
    let edges = 300_000
    let generator = try GraphGenerator(family: .random, nodes: 50_000, edges: edges, seed: 8)
    var bytes = 0
    var lines = 0
    var chunks = 0
    var largestChunk = 0
    generator.writeCSV(chunkSize: 64 * 1_024) { chunk in
      bytes += chunk.count
      chunks += 1
      largestChunk = max(largestChunk, chunk.count)
      for byte in chunk where byte == 0x0A { lines += 1 }
    }
    #expect(lines == edges + 1)
    #expect(largestChunk <= 64 * 1_024)
    #expect(chunks >= bytes / (64 * 1_024))
    // Rows are 47 to 60 bytes: ids 7, kind 4-16, amount 4-14.
    #expect(bytes > 40 * edges && bytes < 70 * edges)
  }

  @Test func textStreamEqualsByteChunks() throws {
    let generator = try GraphGeneratorTests.generator(.powerlaw, nodes: 3_000, edges: 40_000, seed: 12)
    var bytes: [UInt8] = []
    generator.writeCSV(chunkSize: 4_096) { bytes.append(contentsOf: $0) }
    let text = GraphGeneratorTests.csv(generator)
    #expect(text.utf8.elementsEqual(bytes))
  }

  // MARK: In-memory graph

  @Test(arguments: families)
  func graphMatchesTheCSV(family: GraphGenerator.Family) throws {
    let generator = try GraphGeneratorTests.generator(family, nodes: 100, edges: 600, seed: 21)
    let graph = generator.makeGraph()
    let rows = try GraphGeneratorTests.rows(GraphGeneratorTests.csv(generator))
    #expect(graph.companyCount == 100 && graph.flowCount == 600)
    #expect(graph.companyIDs == (0 ..< 100).map(generator.companyID))
    for (index, row) in rows.enumerated() {
      let flow = graph.flow(index)
      #expect(flow.from == row.from && flow.to == row.to && flow.kind.name == row.kind)
      #expect(flow.amount?.description == row.amount && flow.currency == row.currency)
      #expect(flow.date?.description == row.date)
    }
  }

  @Test(arguments: families)
  func readerLoadsTheCSVAsTheInMemoryGraph(family: GraphGenerator.Family) throws {
    let generator = try GraphGeneratorTests.generator(family, nodes: 300, edges: 2_000, seed: 17)
    var bytes: [UInt8] = []
    generator.writeCSV { bytes.append(contentsOf: $0) }
    let loaded = try CSVEdgeListReader(bytes: bytes, file: "generated.csv").read()
    let same = loaded == generator.makeGraph()  // compared apart: a failure would print both graphs
    #expect(same)
    #expect(loaded.companyCount == 300 && loaded.flowCount == 2_000)
  }

  @Test func summaryStatesTheTrueCount() throws {
    let generator = try GraphGenerator(
      family: .planted, nodes: 1_000, edges: 5_000, seed: 7, plantedCycles: 10, cycleLength: 4)
    #expect(generator.plantedCycleCount == 10)
    #expect(generator.summary.contains("exactly 10 elementary cycles"))
    #expect(try GraphGenerator(family: .random, nodes: 10, edges: 10, seed: 0).plantedCycleCount == nil)
  }
}
