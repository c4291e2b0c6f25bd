import Testing
@testable import MoneyFlow

/// `watch --temporal` over a whole stream reports exactly `cycles --temporal`, each chain once, at its last flow.
@Suite struct TemporalCycleWatcherTests {
  /// `graph`'s flows in arrival order: by `arrival(flow)`, ties shuffled.
  static func stream(_ graph: FlowGraph, seed: UInt64, arrival: (Int, inout TestRandom) -> Int) -> FlowGraph {
    var random = TestRandom(seed: seed ^ 0xA881)
    let keyed = (0 ..< graph.flowCount).map { (key: arrival($0, &random), tie: random.next(), flow: $0) }
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.rates = [(code: "JPY", rate: Amount(significand: 66, exponent: -4))]
    for entry in keyed.sorted(by: { ($0.key, $0.tie) < ($1.key, $1.tie) }) { builder.addFlow(graph.flow(entry.flow)) }
    return builder.build()
  }

  /// The batch chains of `graph`, as (companies, rows).
  static func batch(
    _ graph: FlowGraph, filter: FlowFilter, window: FlowDuration?, maxLength: Int?, strictly: Bool
  ) throws -> [[String]] {
    let result = try graph.temporalCycles(
      TemporalCycleSearchOptions(
        filter: filter, window: window, maxLength: maxLength, limit: 0,
        strictlyIncreasing: strictly))
    return result.cycles.map { cycle in
      cycle.companies.map(graph.id(of:)) + ["|"] + cycle.flows.map { String($0 + 1) }
    }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  static func key(_ chain: WatchedChain) -> [String] {
    chain.companies + ["|"] + chain.flows.map { if case .row(let r) = $0 { String(r) } else { "?" } }
  }

  static func row(_ reference: FlowReference) -> Int { if case .row(let r) = reference { r } else { -1 } }

  /// Random streams in time order (ties in any order), and with flows up to
  /// `late` days late under `--allow-late`: the chains reported are the batch's.
  @Test(arguments: 0 ..< 400 as Range<UInt64>)
  func streamMatchesBatch(seed: UInt64) throws {
    // Half the streams carry times of day, some of them seconds apart.
    let timed = seed % 4 >= 2
    let graph = RandomFlowGraphs.make(seed: seed, maxCompanies: 6, maxFlows: 26, timed: timed)
    let late = seed % 3 == 0 ? Int(seed % 40) : 0
    let stream = Self.stream(graph, seed: seed) { flow, random in
      Int(graph.date(of: flow) == nil ? 0 : graph.time(of: flow)) + (late > 0 ? random.int(0 ... late * 86_400) : 0)
    }
    var filter = RandomFlowGraphs.filter(seed: seed)
    if seed % 2 == 0 { filter.kinds = .all }
    let window: FlowDuration? = seed % 5 == 0 ? nil : timed
      ? [FlowDuration(seconds: 0), FlowDuration(seconds: 90), FlowDuration(seconds: 7_200), FlowDuration(days: 2)][Int(seed / 5 % 4)]
      : [0, 1, 31, 400][Int(seed / 5 % 4)]
    let maxLength: Int? = seed % 7 < 3 ? nil : Int(seed % 7) - 1
    let strictly = seed % 11 == 3
    var watcher = TemporalCycleWatcher(
      maxLength: maxLength, window: window?.seconds, strictlyIncreasing: strictly,
      allowLate: Int64(late) * 86_400, filter: filter)
    let chains = try watcher.add(stream, row: 1)
    #expect(watcher.flowsRead == stream.flowCount)
    let expected = try Self.batch(stream, filter: filter, window: window, maxLength: maxLength, strictly: strictly)
    #expect(chains.map(Self.key).sorted { $0.lexicographicallyPrecedes($1) } == expected, "seed \(seed)")
    for chain in chains {
      // Reported when its last flow arrived, and that flow is one at its latest time.
      let rows = chain.flows.map(Self.row)
      #expect(Self.row(chain.closedBy) == rows.max())
      let times = rows.map { stream.time(of: $0 - 1) }
      #expect(times.max() == stream.time(of: Self.row(chain.closedBy) - 1) || late > 0)
      #expect(chain.spanSeconds == (times.max() ?? 0) - (times.min() ?? 0))
      #expect(chain.spanDays == chain.spanSeconds / 86_400)
    }
  }

  /// Ties at the latest time: the chain a → b → c → a with b → c and c → a on
  /// day 5 is complete only when the later-arriving of them is read, whichever
  /// it is, and is written from its first flow all the same.
  @Test(arguments: [false, true])
  func tieAtTheLatestTimeReportsAtTheLastArrival(lastHopFirst: Bool) throws {
    var builder = FlowGraphBuilder()
    let first = FlowDate(year: 2024, month: 1, day: 1, precision: .day)
    let fifth = FlowDate(year: 2024, month: 1, day: 5, precision: .day)
    builder.addFlow(Flow(from: "a", to: "b", kind: .loan, amount: nil, currency: "", date: first, id: "ab"))
    let bc = Flow(from: "b", to: "c", kind: .loan, amount: nil, currency: "", date: fifth, id: "bc")
    let ca = Flow(from: "c", to: "a", kind: .loan, amount: nil, currency: "", date: fifth, id: "ca")
    for flow in lastHopFirst ? [ca, bc] : [bc, ca] { builder.addFlow(flow) }
    var watcher = TemporalCycleWatcher(maxLength: nil, window: nil, filter: FlowFilter())
    let chains = try watcher.add(builder.build(), row: 1)
    #expect(chains.count == 1)
    #expect(chains.first?.companies == ["a", "b", "c"])
    #expect(chains.first?.flows == [.id("ab"), .id("bc"), .id("ca")])
    #expect(chains.first?.closedBy == .id(lastHopFirst ? "bc" : "ca"))
    #expect(chains.first?.spanSeconds == Int64(4 * 86_400))
  }

  @Test func lateFlowBeyondTheToleranceIsAnError() throws {
    var builder = FlowGraphBuilder()
    for (day, id) in [(5, "x"), (9, "y"), (6, "z")] {
      builder.addFlow(
        Flow(from: "a", to: "b", kind: .loan, amount: nil, currency: "", date: FlowDate(year: 2024, month: 1, day: day, precision: .day), id: id))
    }
    let graph = builder.build()
    var strict = TemporalCycleWatcher(maxLength: nil, window: nil, filter: FlowFilter())
    let error = #expect(throws: TemporalCycleWatcher.LateFlow.self) { try strict.add(graph, row: 10) }
    #expect(error?.row == 12)
    #expect(error.map { $0.latest - $0.time } == Int64(3 * 86_400))
    var tolerant = TemporalCycleWatcher(maxLength: nil, window: nil, allowLate: 3 * 86_400, filter: FlowFilter())
    #expect(try tolerant.add(graph, row: 10).isEmpty)
    #expect(tolerant.flowsRead == 3)
  }

  /// Expiry: on a long windowed stream whose companies keep changing, the
  /// flows and companies retained stay those of the window.
  @Test func expiryKeepsTheWindowOnly() throws {
    let perDay = 20, days = 300, windowDays = 3
    var watcher = TemporalCycleWatcher(maxLength: 4, window: Int64(windowDays) * 86_400, filter: FlowFilter())
    var random = TestRandom(seed: 7)
    var mostFlows = 0, mostCompanies = 0, reported = 0
    for day in 0 ..< days {
      var builder = FlowGraphBuilder()
      let date = FlowDate(day: Int32(19_000 + day), precision: .day)
      for _ in 0 ..< perDay {
        // Companies live a few days: ids carry the week, so new ones keep coming.
        let week = (day + random.int(0 ... 2)) / 7
        builder.addFlow(
          Flow(from: "c\(week)-\(random.int(0 ... 29))", to: "c\(week)-\(random.int(0 ... 29))", kind: .loan, amount: nil, currency: "", date: date))
      }
      reported += try watcher.add(builder.build(), row: day * perDay + 1).count
      mostFlows = max(mostFlows, watcher.retainedFlowCount)
      mostCompanies = max(mostCompanies, watcher.retainedCompanyCount)
    }
    #expect(watcher.flowsRead == perDay * days)
    #expect(reported > 0)
    // The window's days plus the current one.
    #expect(mostFlows <= perDay * (windowDays + 1))
    #expect(mostFlows >= perDay * windowDays)
    #expect(mostCompanies <= 2 * 30)
  }
}
