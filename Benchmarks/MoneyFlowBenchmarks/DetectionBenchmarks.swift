import Foundation
import MoneyFlow

/// How well cycle searches find labelled laundering flows (issue 12), on
/// AMLSim's bundled `transactions.csv` (labels from `nodes.csv`) and on an
/// AMLworld file written by `AMLworldGenerator` (the generator of
/// `moneyflow generate --family amlworld`). Both run with the AMLSim
/// workload, the one real data set of the ladder.
///
/// For each setting (a length bound, and for time-respecting cycles a
/// window in days; cycles of length 1 left out, since AMLworld's
/// self-payments are not laundering) it lists every cycle and takes the
/// flows on them: recall is the share of labelled cycle-pattern flows on
/// some cycle (AMLworld: flows of the planted `cycle` attempts; AMLSim:
/// every labelled flow, its patterns being cycles), "all-label recall" the
/// share of all labelled flows, precision the share of flows on cycles that
/// are labelled. The timed repetitions are the load (read, parse, build),
/// reported in MB/s.
enum DetectionPhases {
  static let all: [any BenchmarkPhase] = [AMLworldLoadPhase(), DetectionPhase(source: .amlsim), DetectionPhase(source: .amlworld)]

  /// (length bound, window in days; nil: structural cycles).
  static let settings: [(maxLength: Int, window: Int?)] = [(3, nil), (4, nil), (6, nil), (6, 3), (6, 7), (6, 30)]

  /// The AMLworld file of the detection phase: accounts, background rows, attempts.
  static let amlworld = (accounts: 20_000, transactions: 100_000, patterns: 400, seed: UInt64(12))

  /// Writes the AMLworld file of `generator` beside `workload`'s file and
  /// returns its path and the planted attempts.
  static func writeAMLworld(_ generator: AMLworldGenerator, name: String, besides workload: Workload) throws
    -> (path: String, planted: [AMLworldGenerator.PlantedPattern])
  {
    let directory = (workload.csvPath as NSString).deletingLastPathComponent
    let path = (directory as NSString).appendingPathComponent(name)
    guard let file = fopen(path, "wb") else { throw BenchError("cannot write \(path)") }
    var failed = false
    let planted = generator.writeCSV { chunk in
      if fwrite(chunk.baseAddress, 1, chunk.count, file) != chunk.count { failed = true }
    }
    if fclose(file) != 0 || failed { throw BenchError("writing \(path) failed") }
    return (path, planted)
  }
}

/// The input of a detection phase: the file, its graph and which flows count.
struct DetectionInput {
  var path: String
  var graph: FlowGraph
  var labelled: [Bool]
  /// Labelled flows of cycle patterns.
  var cyclePattern: [Bool]
}

/// Recall and precision of cycle searches for labelled flows.
struct DetectionPhase: BenchmarkPhase {
  enum Source: String { case amlsim, amlworld }
  let source: Source
  var name: String { "detection-\(source.rawValue)" }
  var title: String {
    source == .amlsim
      ? "Detection: labelled AMLSim flows on cycles (bundled transactions.csv + nodes.csv)"
      : "Detection: planted laundering on cycles (generated AMLworld, 20k accounts, 100k + planted rows)"
  }

  func applies(to workload: Workload) -> Bool { workload.family == "amlsim" }
  func isSlow(on workload: Workload) -> Bool { true }

  func prepare(_ workload: Workload) throws -> DetectionInput {
    switch source {
    case .amlsim:
      let path = (AMLSim.defaultDirectory as NSString).appendingPathComponent("transactions.csv")
      let graph = try CSVEdgeListReader(path: path).read()
      let labelled = FlowLabels(graph: graph).isLabelled
      return DetectionInput(path: path, graph: graph, labelled: labelled, cyclePattern: labelled)
    case .amlworld:
      let p = DetectionPhases.amlworld
      let generator = try AMLworldGenerator(accounts: p.accounts, transactions: p.transactions, patterns: p.patterns, seed: p.seed)
      let (path, planted) = try DetectionPhases.writeAMLworld(generator, name: "amlworld-detection-s\(p.seed).csv", besides: workload)
      let graph = try CSVEdgeListReader(path: path).read()
      var cyclePattern = [Bool](repeating: false, count: graph.flowCount)
      for attempt in planted where attempt.pattern == .cycle { for row in attempt.rows { cyclePattern[row] = true } }
      return DetectionInput(path: path, graph: graph, labelled: FlowLabels(graph: graph).isLabelled, cyclePattern: cyclePattern)
    }
  }

  func measure(_ input: DetectionInput, workload: Workload, repetitions: Int, budget: Double) throws -> PhaseOutcome {
    let bytes = ((try? FileManager.default.attributesOfItem(atPath: input.path))?[.size] as? NSNumber)?.intValue ?? 0
    let flows = input.graph.flowCount
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      input.path
    } body: { path in
      try CSVEdgeListReader(path: path).read().flowCount
    } check: { count in
      precondition(count == flows, "every flow must be loaded")
    }
    var metrics: [String: Double] = ["MB/s": megabytesPerSecond(bytes, samples.median)]
    var counts: [String: Int] = [
      "flows": flows, "labelled": input.labelled.filter { $0 }.count, "cycle-pattern": input.cyclePattern.filter { $0 }.count,
    ]
    let cyclePatternCount = Double(max(1, counts["cycle-pattern"] ?? 0))
    let labelledCount = Double(max(1, counts["labelled"] ?? 0))
    for setting in DetectionPhases.settings {
      let key = setting.window.map { "len<=\(setting.maxLength) window \($0)d" } ?? "len<=\(setting.maxLength)"
      var onCycle = [Bool](repeating: false, count: flows)
      let (time, found): (Double, Int) = try seconds {
        if let window = setting.window {
          let result = try input.graph.temporalCycles(TemporalCycleSearchOptions(window: FlowDuration(days: window), maxLength: setting.maxLength, limit: 0, minLength: 2))
          for cycle in result.cycles { for flow in cycle.flows { onCycle[flow] = true } }
          return result.count
        }
        let result = try input.graph.elementaryCycles(CycleSearchOptions(maxLength: setting.maxLength, limit: 0, minLength: 2))
        for cycle in result.cycles { for hop in cycle.flows { for flow in hop { onCycle[flow] = true } } }
        return result.count
      }
      var on = 0, labelledOn = 0, patternOn = 0
      for flow in 0 ..< flows where onCycle[flow] {
        on += 1
        if input.labelled[flow] { labelledOn += 1 }
        if input.cyclePattern[flow] { patternOn += 1 }
      }
      metrics["\(key): recall %"] = 100 * Double(patternOn) / cyclePatternCount
      metrics["\(key): all-label recall %"] = 100 * Double(labelledOn) / labelledCount
      metrics["\(key): precision %"] = on == 0 ? 0 : 100 * Double(labelledOn) / Double(on)
      metrics["\(key): search s"] = time
      counts["\(key): cycles"] = found
      counts["\(key): flows on cycles"] = on
    }
    return PhaseOutcome(samples: samples, metrics: metrics, counts: counts)
  }
}
