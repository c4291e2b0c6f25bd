import Testing
@testable import MoneyFlow

/// `watch` over a whole stream reports exactly the batch answer, each cycle once.
@Suite struct CycleWatcherTests {
  /// The batch cycles of `graph` under `filter`, as canonical id lists, sorted.
  static func batch(_ graph: FlowGraph, filter: FlowFilter, maxLength: Int?) throws -> [[String]] {
    let result = try graph.elementaryCycles(CycleSearchOptions(filter: filter, maxLength: maxLength, limit: 0))
    return result.cycles.map { $0.companies.map(graph.id(of:)) }.sorted(by: Self.before)
  }

  static func before(_ a: [String], _ b: [String]) -> Bool {
    a.joined(separator: "\u{0}").utf8.lexicographicallyPrecedes(b.joined(separator: "\u{0}").utf8)
  }

  @Test(arguments: 0 ..< 300 as Range<UInt64>)
  func incrementalMatchesBruteForce(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed, maxCompanies: 7, maxFlows: 24)
    let maxLength: Int? = seed % 4 == 0 ? nil : Int(seed % 4) + 1
    var detector = IncrementalCycles(maxLength: maxLength)
    var reported: [[String]] = []
    var seen: Set<UInt64> = []
    for flow in 0 ..< graph.flowCount {
      let u = graph.payer(of: flow).index, v = graph.payee(of: flow).index
      let isNewLink = seen.insert(UInt64(u) << 32 | UInt64(v)).inserted
      var closed = 0
      detector.add(payer: Int32(u), payee: Int32(v)) { path in
        closed += 1
        #expect(path.first == Int32(u) && (path.count == 1 || path[1] == Int32(v)))
        reported.append(CycleWatcher.canonical(path.map { graph.id(of: CompanyID(Int($0))) }))
      }
      if !isNewLink { #expect(closed == 0, "a parallel flow closed a cycle (seed \(seed))") }
    }
    reported.sort(by: Self.before)
    // The brute force in Support, over every kind.
    let brute = BruteForceCycles(graph: graph, filter: FlowFilter(kinds: .all)).cycles(maxLength: maxLength)
      .map { CycleWatcher.canonical($0.nodes.map { graph.id(of: CompanyID($0)) }) }.sorted(by: Self.before)
    #expect(reported == brute, "seed \(seed)")
    #expect(reported == (try Self.batch(graph, filter: FlowFilter(kinds: .all), maxLength: maxLength)))
  }

  @Test(arguments: 0 ..< 150 as Range<UInt64>)
  func streamedCSVMatchesBatch(seed: UInt64) throws {
    let graph = RandomFlowGraphs.make(seed: seed ^ 0xC5F, maxCompanies: 8, maxFlows: 30)
    var filter = RandomFlowGraphs.filter(seed: seed)
    filter.minimumAmount = nil  // the CSV carries no rates table
    let maxLength: Int? = seed % 3 == 0 ? nil : Int(seed % 5) + 1
    // One currency: the CSV carries no rates, and the batch's amounts need them.
    let csv = Array(CSVEdgeListWriter.text(graph).replacingJPY.utf8)
    let reread = try CSVEdgeListReader(bytes: csv, file: "s.csv").read()
    var reader = FlowLineReader(file: "s.csv")
    var watcher = CycleWatcher(maxLength: maxLength, filter: filter)
    var reported: [[String]] = []
    // Feed the bytes in uneven chunks, as a pipe would.
    var offset = 0
    var random = TestRandom(seed: seed)
    while offset < csv.count {
      let end = min(csv.count, offset + random.int(1 ... 40))
      if let (flow, row) = try csv[offset ..< end].withUnsafeBytes({ try reader.add($0) }) {
        reported += try watcher.add(flow, row: row).map(\.companies)
      }
      offset = end
    }
    if let (flow, row) = try reader.finish() { reported += try watcher.add(flow, row: row).map(\.companies) }
    #expect(watcher.flowsRead == graph.flowCount)
    #expect(reported.sorted(by: Self.before) == (try Self.batch(reread, filter: filter, maxLength: maxLength)), "seed \(seed)")
  }

  @Test func closedByNamesIdOrRow() throws {
    var reader = FlowLineReader(file: "t.csv")
    let text = "from,to,kind,amount,currency,date,id\na,b,loan,1,USD,2024,x1\nb,a,loan,1,USD,2024,\nb,a,loan,1,USD,2024,x3\n"
    var watcher = CycleWatcher(maxLength: nil, filter: FlowFilter())
    var cycles: [WatchedCycle] = []
    if let (flow, row) = try Array(text.utf8).withUnsafeBytes({ try reader.add($0) }) {
      cycles += try watcher.add(flow, row: row)
    }
    #expect(cycles == [WatchedCycle(companies: ["a", "b"], closedBy: "2", closedByRow: true)])
  }

  @Test func badLineNamesItsLine() throws {
    var reader = FlowLineReader(file: "t.csv")
    let text = "from,to,kind,amount,currency,date\na,b,loan,1,USD,2024\n\n\"c\nc\",d,loan,2,USD,2024\na,b,loan,x,USD,2024\n"
    // The good flows come first; the error after them.
    let error = #expect(throws: InputError.self) {
      #expect(try Array(text.utf8).withUnsafeBytes { try reader.add($0) }?.flows.flowCount == 2)
      try reader.rethrow()
    }
    #expect(error?.line == 6)
    #expect(error?.file == "t.csv")
  }
}

extension String {
  fileprivate var replacingJPY: String {
    split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).map { $0 == "JPY" ? "USD" : $0 }.joined(separator: ",")
    }.joined(separator: "\n")
  }
}
