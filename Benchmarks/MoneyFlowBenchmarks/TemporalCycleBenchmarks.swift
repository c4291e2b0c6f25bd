import MoneyFlow

/// Time-respecting cycles with a window of 30 days and no length bound,
/// counted: chains of individual flows, dates never going back, returning
/// within the window (`FlowGraph.temporalCycles`). On the planted family the
/// count must be the number of planted cycles (each spans at most 9 days).
struct TemporalPhase: BenchmarkPhase {
  let name = "temporal"
  let title = "time-respecting cycles, window 30 days, counted"
  static let window: FlowDuration = 30

  func measure(_ graph: FlowGraph, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var counted: Int?
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      graph
    } body: { graph in
      try graph.temporalCycles(TemporalCycleSearchOptions(window: TemporalPhase.window, countOnly: true)).count
    } check: { count in
      if let counted { precondition(count == counted, "every run finds the same count") }
      if workload.family == "planted" {
        precondition(count == workload.plantedCycles, "the planted cycles are the only time-respecting ones")
      }
      counted = count
    }
    return PhaseOutcome(
      samples: samples,
      metrics: ["flows/s": Double(graph.flowCount) / samples.median],
      counts: ["cycles": counted ?? 0])
  }
}
