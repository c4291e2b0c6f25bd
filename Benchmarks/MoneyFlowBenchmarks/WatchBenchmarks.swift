import Foundation
import MoneyFlow

/// `moneyflow watch` without the process: the workload's CSV fed in 64 KiB
/// chunks to `FlowLineReader` and `CycleWatcher` with `maxLength` 4, every
/// closed cycle listed. The count must equal the batch search's
/// (`elementaryCycles`, `maxLength` 4, counted), which is timed once in
/// setup for the ratio.
struct WatchPhase: BenchmarkPhase {
  let name = "watch"
  let title = "watch: streamed CSV, cycles up to length 4 reported as they close"
  static let maximumLength = 4

  func prepare(_ workload: Workload) throws -> (bytes: [UInt8], batch: Int, batchSeconds: Double) {
    let graph = try workload.loadGraph()
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: workload.csvPath)))
    let (time, batch) = try seconds {
      try graph.elementaryCycles(CycleSearchOptions(maxLength: WatchPhase.maximumLength, countOnly: true)).count
    }
    return (bytes, batch, time)
  }

  func measure(
    _ input: (bytes: [UInt8], batch: Int, batchSeconds: Double), workload: Workload, repetitions: Int, budget: Double
  ) throws -> PhaseOutcome {
    var flows = 0
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      input.bytes
    } body: { bytes -> Int in
      var reader = FlowLineReader(file: workload.csvPath)
      var watcher = CycleWatcher(maxLength: WatchPhase.maximumLength, filter: FlowFilter(kinds: .all))
      var reported = 0
      var offset = 0
      while offset <= bytes.count {
        let end = min(bytes.count, offset + 65_536)
        let batch = offset == bytes.count
          ? try reader.finish() : try bytes[offset ..< end].withUnsafeBytes { try reader.add($0) }
        if let (flow, row) = batch { reported += try watcher.add(flow, row: row).count }
        if offset == bytes.count { break }
        offset = end
      }
      flows = watcher.flowsRead
      return reported
    } check: { reported in
      precondition(reported == input.batch, "watch reports exactly the batch cycles")
    }
    return PhaseOutcome(
      samples: samples,
      metrics: ["flows/s": Double(flows) / samples.median, "batch/watch time": input.batchSeconds / samples.median],
      counts: ["cycles": input.batch, "flows": flows])
  }
}
