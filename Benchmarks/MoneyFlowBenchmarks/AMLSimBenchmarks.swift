import MoneyFlow

/// Time-respecting cycles on AMLSim with windows of 1, 7 and 30 steps
/// (days) and of 6 hours, and the plain alternative they are compared with.
enum AMLSimPhases {
  /// 149 steps is the whole simulation: an upper bound on what any window finds.
  static let windows = [1, 7, 30, 149]
  static let all: [any BenchmarkPhase] =
    windows.map { AMLSimTemporalPhase(window: FlowDuration(days: $0), maxLength: nil) }
    + [
      AMLSimTemporalPhase(window: FlowDuration(seconds: 6 * 3_600), maxLength: nil),
      AMLSimTemporalPhase(window: FlowDuration(seconds: 6 * 3_600), maxLength: nil, timed: true),
    ]
    + [AMLSimTemporalPhase(window: 30, maxLength: 6), AMLSimStructuralFilterPhase(window: 30, maxLength: 6)]
}

/// The AMLSim graph and its fraud accounts, as CompanyIDs.
struct AMLSimInput {
  var graph: FlowGraph
  var isFraud: [Bool]
  var fraudCount: Int

  init(_ workload: Workload) throws {
    let data = try AMLSim.load(directory: AMLSim.defaultDirectory)
    graph = try workload.loadGraph()
    isFraud = graph.companyIDs.map { data.fraudAccounts.contains($0) }
    fraudCount = data.fraudAccounts.count
  }

  /// Coverage of the planted fraud by chains given as company lists.
  func coverage(_ chains: [[CompanyID]]) -> [String: Int] {
    var covered = [Bool](repeating: false, count: graph.companyCount)
    var allFraud = 0
    var touchingFraud = 0
    for chain in chains {
      var fraudHere = 0
      for company in chain {
        covered[company.index] = true
        if isFraud[company.index] { fraudHere += 1 }
      }
      if fraudHere == chain.count { allFraud += 1 }
      if fraudHere > 0 { touchingFraud += 1 }
    }
    var fraudCovered = 0
    var othersCovered = 0
    for c in 0 ..< graph.companyCount where covered[c] {
      if isFraud[c] { fraudCovered += 1 } else { othersCovered += 1 }
    }
    return [
      "chains all fraud": allFraud, "chains touching fraud": touchingFraud,
      "fraud accounts covered": fraudCovered, "fraud accounts": fraudCount,
      "other accounts in chains": othersCovered,
    ]
  }
}

/// `FlowGraph.temporalCycles` with a window (and optionally a length bound),
/// counted in the timed repetitions; one untimed listing run gives the
/// coverage of the fraud accounts.
struct AMLSimTemporalPhase: BenchmarkPhase {
  /// Whole days are AMLSim steps; 6 hours on AMLSim's day-long steps keeps
  /// the chains whose flows share one step.
  let window: FlowDuration
  let maxLength: Int?
  /// Give each flow a time of day (``timedGraph(_:)``), so that the window
  /// counts seconds within and across steps.
  var timed = false
  var name: String {
    "amlsim-temporal-" + (window.isWholeDays ? "\(window.days)" : "\(window.seconds / 3_600)h")
      + (maxLength.map { "-len\($0)" } ?? "") + (timed ? "-timed" : "")
  }
  var title: String {
    "AMLSim: time-respecting cycles, window " + (window.isWholeDays ? "\(window.days) steps" : window.description)
      + (maxLength.map { ", length <= \($0)" } ?? "") + (timed ? ", flows given times of day" : "")
  }

  func applies(to workload: Workload) -> Bool { workload.family == "amlsim" }
  func isSlow(on workload: Workload) -> Bool { maxLength != nil || window.days > 30 }

  func prepare(_ workload: Workload) throws -> AMLSimInput {
    var input = try AMLSimInput(workload)
    if timed { input.graph = AMLSimTemporalPhase.timedGraph(input.graph) }
    return input
  }

  /// The graph with each flow at a time of day in its step (UTC, to the
  /// second), drawn from a hash of the flow's index: the same every run.
  static func timedGraph(_ graph: FlowGraph) -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.currency = graph.currency
    builder.rates = graph.rates
    builder.reserveCapacity(flows: graph.flowCount)
    for i in 0 ..< graph.flowCount {
      var flow = graph.flow(i)
      if let day = flow.date?.day {
        var x = UInt64(i) &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        flow.date = FlowDate(day: day, precision: .day, time: FlowTime(secondOfDay: Int32(x % 86_400), zone: .utc))
      }
      builder.addFlow(flow)
    }
    let timed = builder.build()
    precondition(timed.companyIDs == graph.companyIDs, "the same companies in the same order")
    return timed
  }

  func measure(_ input: AMLSimInput, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    let options = TemporalCycleSearchOptions(window: window, maxLength: maxLength, countOnly: true)
    var counted: Int?
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      input.graph
    } body: { graph in
      try graph.temporalCycles(options).count
    } check: { count in
      if let counted { precondition(count == counted, "every run finds the same count") }
      counted = count
    }
    var listing = options
    listing.countOnly = false
    listing.limit = 0
    let listed = try input.graph.temporalCycles(listing)
    precondition(listed.count == counted && listed.cycles.count == listed.count, "the listing holds every chain")
    var counts = input.coverage(listed.cycles.map { $0.companies })
    counts["cycles"] = listed.count
    counts["longest"] = listed.cycles.map { $0.length }.max() ?? 0
    return PhaseOutcome(samples: samples, counts: counts)
  }
}

/// The plain way: enumerate the structural cycles of length at most
/// `maxLength` (`elementaryCycles`, listing each with its flows per hop),
/// then, for each, count the chains of one flow per hop whose dates never go
/// back and span at most `window` days. Timed as a whole; its count must
/// equal the time-pruned search with the same bounds.
struct AMLSimStructuralFilterPhase: BenchmarkPhase {
  let window: Int
  let maxLength: Int
  var name: String { "amlsim-structural-filter-\(window)-len\(maxLength)" }
  var title: String { "AMLSim: structural cycles (length <= \(maxLength)), then a \(window)-step time filter" }

  func applies(to workload: Workload) -> Bool { workload.family == "amlsim" }
  func isSlow(on workload: Workload) -> Bool { true }

  func prepare(_ workload: Workload) throws -> AMLSimInput { try AMLSimInput(workload) }

  func measure(_ input: AMLSimInput, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    let graph = input.graph
    var structural = 0
    var chains = 0
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      graph
    } body: { graph in
      let found = try graph.elementaryCycles(CycleSearchOptions(maxLength: maxLength, limit: 0))
      var total = 0
      for cycle in found.cycles {
        total += AMLSimStructuralFilterPhase.timeRespectingChains(cycle.flows, graph: graph, window: window)
      }
      return (found.count, found.cycles.count, total)
    } check: { (count, listed, total) in
      precondition(listed == count, "every structural cycle is listed")
      structural = count
      chains = total
    }
    let pruned = try graph.temporalCycles(
      TemporalCycleSearchOptions(window: FlowDuration(days: window), maxLength: maxLength, countOnly: true)
    ).count
    return PhaseOutcome(
      samples: samples,
      counts: ["structural cycles": structural, "cycles": chains, "time-pruned search count": pruned],
      note: pruned == chains ? "agrees with the time-pruned search" : "MISMATCH with the time-pruned search")
  }

  /// Chains of one flow per hop (`hops[i]` sorted by day) whose days never
  /// decrease from some starting hop and span at most `window` days. A chain
  /// whose flows all fall on one day is time-respecting from every hop and
  /// counts once.
  static func timeRespectingChains(_ hops: [[Int]], graph: FlowGraph, window: Int) -> Int {
    let length = hops.count
    var total = 0
    var days: [Int32] = []
    for start in 0 ..< length {
      // Depth-first over the hops in order from `start`.
      var stack: [(hop: Int, choice: Int)] = [(0, -1)]
      days.removeAll(keepingCapacity: true)
      while !stack.isEmpty {
        let depth = stack.count - 1
        stack[depth].choice += 1
        let flows = hops[(start + stack[depth].hop) % length]
        if stack[depth].choice >= flows.count {
          stack.removeLast()
          if !days.isEmpty { days.removeLast() }
          continue
        }
        let day = graph.day(of: flows[stack[depth].choice])
        if depth > 0 {
          let first = days[0]
          if day < days[depth - 1] || Int(day) - Int(first) > window { continue }
        }
        if days.count > depth { days[depth] = day } else { days.append(day) }
        if depth == length - 1 {
          if days[0] != days[depth] || start == 0 { total += 1 }
          days.removeLast()
          continue
        }
        stack.append((depth + 1, -1))
      }
    }
    return total
  }
}
