import Foundation
import MoneyFlow

/// `moneyflow watch --temporal --window 1d` without the process: the
/// workload's flows sorted by date (ties in file order), written as CSV and
/// fed in 64 KiB chunks to `FlowLineReader` and `TemporalCycleWatcher`, every
/// chain listed. The count must equal the batch search's (`temporalCycles`,
/// window one day, counted), timed once in setup for the ratio. Also the
/// median latency of one flow: the first 20,000 lines fed one line a call,
/// as a pipe delivers them, each call timed.
struct WatchTemporalPhase: BenchmarkPhase {
  let name = "watch-temporal"
  let title = "watch --temporal --window 1d: date-sorted CSV, chains reported at their last flow"
  static let windowSeconds: Int64 = 86_400

  struct Input {
    var bytes: [UInt8]
    var batch: Int
    var batchSeconds: Double
  }

  func prepare(_ workload: Workload) throws -> Input {
    let graph = try workload.loadGraph()
    let order = (0 ..< graph.flowCount).sorted { (graph.time(of: $0), $0) < (graph.time(of: $1), $1) }
    var builder = FlowGraphBuilder()
    builder.reserveCapacity(flows: graph.flowCount)
    for flow in order { builder.addFlow(graph.flow(flow)) }
    let sorted = builder.build()
    let bytes = Array(CSVEdgeListWriter.text(sorted).utf8)
    let (time, batch) = try seconds {
      try sorted.temporalCycles(TemporalCycleSearchOptions(filter: FlowFilter(kinds: .all), window: FlowDuration(days: 1), countOnly: true)).count
    }
    return Input(bytes: bytes, batch: batch, batchSeconds: time)
  }

  func measure(_ input: Input, workload: Workload, repetitions: Int, budget: Double) throws -> PhaseOutcome {
    var flows = 0
    var retained = 0
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      input.bytes
    } body: { bytes -> Int in
      var reader = FlowLineReader(file: workload.csvPath)
      var watcher = TemporalCycleWatcher(maxLength: nil, window: Self.windowSeconds, filter: FlowFilter(kinds: .all))
      var reported = 0
      try WatchPhase.feed(bytes, chunk: 65_536, reader: &reader) { flow, row in
        try watcher.add(flow, row: row) { _ in reported += 1 }
        retained = max(retained, watcher.retainedFlowCount)
      }
      flows = watcher.flowsRead
      return reported
    } check: { reported in
      precondition(reported == input.batch, "watch --temporal reports exactly the batch chains")
    }
    let latency = try WatchPhase.medianLineLatency(input.bytes, lines: 20_000) { flow, row, watcher in
      try watcher.add(flow, row: row) { _ in }
    } make: {
      TemporalCycleWatcher(maxLength: nil, window: Self.windowSeconds, filter: FlowFilter(kinds: .all))
    }
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "flows/s": Double(flows) / samples.median, "batch/watch time": input.batchSeconds / samples.median,
        "median latency µs": latency * 1e6,
      ],
      counts: ["chains": input.batch, "flows": flows, "most flows retained": retained])
  }
}

extension WatchPhase {
  /// Feeds `bytes` to `reader` in chunks of `chunk` bytes, handing each batch of flows to `body`.
  static func feed(
    _ bytes: [UInt8], chunk: Int, reader: inout FlowLineReader, body: (FlowGraph, Int) throws -> Void
  ) throws {
    var offset = 0
    while offset <= bytes.count {
      let end = min(bytes.count, offset + chunk)
      let batch = offset == bytes.count
        ? try reader.finish() : try bytes[offset ..< end].withUnsafeBytes { try reader.add($0) }
      if let (flow, row) = batch { try body(flow, row) }
      try reader.rethrow()
      if offset == bytes.count { break }
      offset = end
    }
  }

  /// The median time to read and handle one line fed alone, over the first `lines` lines.
  static func medianLineLatency<Watcher>(
    _ bytes: [UInt8], lines: Int, handle: (FlowGraph, Int, inout Watcher) throws -> Void, make: () -> Watcher
  ) throws -> Double {
    var reader = FlowLineReader(file: "latency.csv")
    var watcher = make()
    var times: [Double] = []
    var start = 0
    for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
      let (time, _) = try seconds {
        if let (flow, row) = try bytes[start ... i].withUnsafeBytes({ try reader.add($0) }) { try handle(flow, row, &watcher) }
      }
      if start > 0 { times.append(time) }  // not the header
      start = i + 1
      if times.count >= lines { break }
    }
    times.sort()
    return times.isEmpty ? 0 : times[times.count / 2]
  }
}
