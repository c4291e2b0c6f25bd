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
      try WatchPhase.feed(bytes, chunk: 65_536, reader: &reader) { flow, row in
        reported += try watcher.add(flow, row: row).count
      }
      flows = watcher.flowsRead
      return reported
    } check: { reported in
      precondition(reported == input.batch, "watch reports exactly the batch cycles")
    }
    let latency = try WatchPhase.medianLineLatency(input.bytes, lines: 20_000) { flow, row, watcher in
      _ = try watcher.add(flow, row: row)
    } make: {
      CycleWatcher(maxLength: WatchPhase.maximumLength, filter: FlowFilter(kinds: .all))
    }
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "flows/s": Double(flows) / samples.median, "batch/watch time": input.batchSeconds / samples.median,
        "median latency µs": latency * 1e6,
      ],
      counts: ["cycles": input.batch, "flows": flows])
  }
}
