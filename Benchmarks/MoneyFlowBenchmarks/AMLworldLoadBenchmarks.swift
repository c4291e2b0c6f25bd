import Foundation
import MoneyFlow

/// Loading an AMLworld file against our own CSV with the same flows (issue
/// 12): a generated AMLworld file of 400,000 background rows plus planted
/// attempts, the same graph written as our CSV with its attribute columns
/// (`Payment Format`, `Is Laundering`, ...), and as our CSV without them.
/// The three loads (read, parse, build) are timed in turn in one child, so
/// machine noise hits them alike; a first untimed load of the AMLworld file
/// in the fresh child gives the resident bytes per flow it retains, beside
/// the attribute bytes it keeps. Runs with the AMLSim workload.
struct AMLworldLoadPhase: BenchmarkPhase {
  let name = "amlworld-load"
  let title = "AMLworld load vs our CSV (400k rows, read + parse + build)"
  static let parameters = (accounts: 100_000, transactions: 400_000, patterns: 200, seed: UInt64(11))

  func applies(to workload: Workload) -> Bool { workload.family == "amlsim" }
  func isSlow(on workload: Workload) -> Bool { true }

  func prepare(_ workload: Workload) throws -> [String] {
    let p = Self.parameters
    let generator = try AMLworldGenerator(accounts: p.accounts, transactions: p.transactions, patterns: p.patterns, seed: p.seed)
    let (path, _) = try DetectionPhases.writeAMLworld(generator, name: "amlworld-load-s\(p.seed).csv", besides: workload)
    let graph = try CSVEdgeListReader(path: path).read()
    let own = path.replacingOccurrences(of: ".csv", with: "-own.csv")
    let plain = path.replacingOccurrences(of: ".csv", with: "-own-plain.csv")
    let text = CSVEdgeListWriter.text(graph)
    try text.write(toFile: own, atomically: true, encoding: .utf8)
    // The first six columns only: ids hold no comma, amounts and codes neither.
    var stripped = ""
    stripped.reserveCapacity(text.utf8.count)
    for line in text.split(separator: "\n") {
      stripped += line.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).prefix(6).joined(separator: ",") + "\n"
    }
    try stripped.write(toFile: plain, atomically: true, encoding: .utf8)
    return [path, own, plain]
  }

  func measure(_ paths: [String], workload: Workload, repetitions: Int, budget: Double) throws -> PhaseOutcome {
    var metrics: [String: Double] = [:]
    var counts: [String: Int] = [:]
    do {
      let before = ResidentMemory.current()
      let graph = try CSVEdgeListReader(path: paths[0]).read()
      let after = ResidentMemory.current()
      var attributeBytes = 0
      for flow in 0 ..< graph.flowCount { for attribute in graph.flow(flow).attributes { attributeBytes += attribute.value.utf8.count } }
      if let before, let after {
        metrics["amlworld retained bytes/flow"] = Double(after.resident - before.resident) / Double(graph.flowCount)
      }
      metrics["amlworld attribute value bytes/flow"] = Double(attributeBytes) / Double(graph.flowCount)
      metrics["amlworld graph storage bytes/flow"] = Double(graph.storageByteCount) / Double(graph.flowCount)
      let plain = try CSVEdgeListReader(path: paths[2]).read()
      metrics["own CSV without attributes graph storage bytes/flow"] = Double(plain.storageByteCount) / Double(plain.flowCount)
      counts["flows"] = graph.flowCount
      counts["companies"] = graph.companyCount
    }
    let names = ["amlworld", "own CSV with attributes", "own CSV without attributes"]
    var times = [[Double]](repeating: [], count: paths.count)
    for _ in 0 ..< max(1, repetitions) {
      for (i, path) in paths.enumerated() {
        let (time, flows) = try seconds { try CSVEdgeListReader(path: path).read().flowCount }
        precondition(flows == counts["flows"], "every flow must be loaded")
        times[i].append(time)
      }
    }
    for (i, path) in paths.enumerated() {
      let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
      let median = Samples(seconds: times[i]).median
      metrics["\(names[i]) s"] = median
      metrics["\(names[i]) MB/s"] = megabytesPerSecond(bytes, median)
      counts["\(names[i]) bytes"] = bytes
    }
    metrics["amlworld speed / own CSV with attributes %"] = 100 * Samples(seconds: times[1]).median / Samples(seconds: times[0]).median
    metrics["amlworld speed / own CSV without attributes %"] = 100 * Samples(seconds: times[2]).median / Samples(seconds: times[0]).median
    return PhaseOutcome(samples: Samples(seconds: times[0]), metrics: metrics, counts: counts)
  }
}
