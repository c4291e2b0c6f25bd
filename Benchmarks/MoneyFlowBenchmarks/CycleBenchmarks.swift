import Foundation
import MoneyFlow

/// Elementary cycles of length 3 ... 6, counted (`countOnly`): the library
/// call `FlowGraph.elementaryCycles` with `maxLength` 6, which builds the
/// flow selection and the company graph, then runs the length-bounded search
/// of Gupta and Suzumura in each strongly connected component. The library
/// has no lower bound: cycles of length 1 and 2 are counted once, untimed,
/// with `maxLength` 2 and subtracted, so the count matches the peers'
/// `min=3, max=6`.
///
/// With `threads` 2, each repetition runs one thread and then two on the
/// same graph, in the same process, and reports the speedup of the medians
/// and the busy threads of the two-thread runs (processor time over wall
/// time), which tells a search that does not spread from a machine whose
/// second core is taken by other jobs.
struct CyclesPhase: BenchmarkPhase {
  let threads: Int
  var name: String { threads == 1 ? "cycles" : "cycles-\(threads)t" }
  var title: String {
    threads == 1
      ? "elementary cycles, length 3...6, counted (1 thread)"
      : "elementary cycles, length 3...6, counted (\(threads) threads vs 1)"
  }

  static let maximumLength = 6

  func applies(to workload: Workload) -> Bool { true }
  func isSlow(on workload: Workload) -> Bool { workload.family == "amlsim" }

  func prepare(_ workload: Workload) throws -> (graph: FlowGraph, short: Int) {
    let graph = try workload.loadGraph()
    let short = try graph.elementaryCycles(CycleSearchOptions(maxLength: 2, countOnly: true)).count
    return (graph, short)
  }

  func measure(
    _ input: (graph: FlowGraph, short: Int), workload: Workload, repetitions: Int, budget: Double
  ) throws -> PhaseOutcome {
    let graph = input.graph
    var counted: Int?
    func check(_ count: Int) {
      precondition(count >= input.short, "cycles of length 1...2 are among those up to 6")
      if let counted { precondition(count == counted, "every run finds the same count") }
      if workload.family == "planted" {
        precondition(count - input.short == workload.plantedCycles, "the planted cycles are exactly the cycles")
      }
      counted = count
    }
    func run(_ threads: Int) throws -> Int {
      try graph.elementaryCycles(
        CycleSearchOptions(maxLength: CyclesPhase.maximumLength, countOnly: true, threads: threads)
      ).count
    }
    var oneThread = Samples(seconds: [])
    var spent = 0.0
    var processor = 0.0
    var wall = 0.0
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      if threads > 1 {
        // The one-thread run of this repetition, timed apart.
        let (time, count) = try seconds { try run(1) }
        check(count)
        oneThread.seconds.append(time)
        spent += time
      }
    } body: { _ in
      let before = processorSeconds()
      let clock = ContinuousClock.now
      defer {
        processor += processorSeconds() - before
        wall += (ContinuousClock.now - clock) / .seconds(1)
      }
      return try run(threads)
    } check: { count in
      check(count)
    }
    let cycles = (counted ?? 0) - input.short
    var metrics = ["cycles/s": Double(cycles) / samples.median]
    if threads > 1 {
      metrics["speedup"] = oneThread.median / samples.median
      metrics["1-thread median s"] = oneThread.median
      // About `threads` when the threads ran side by side; about 1 when
      // they waited for each other or for a core held by another process.
      metrics["busy threads"] = processor / max(wall, 1e-9)
      // The same measure for two trivially parallel loops, just after.
      metrics["busy threads, calibration"] = availableParallelism(threads: threads)
    }
    return PhaseOutcome(
      samples: samples, metrics: metrics,
      counts: ["cycles": cycles, "cycles of length 1...2": input.short])
  }
}
