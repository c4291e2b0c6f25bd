import MoneyFlow

/// Resident memory of a graph: the child's resident size before and after
/// building it (retained), and the peak while building, per flow.
///
/// The CSV reader is not on main yet, so this builds the graph in memory
/// (generator → builder → CSR, `Workload.loadGraph()`); the peak then also
/// holds the generator's tables and the builder's interning dictionary. Once
/// the reader lands, the `load` phase reports the peak of reading the file.
struct GraphMemoryPhase: BenchmarkPhase {
  let name = "memory"
  let title = "graph memory (built in memory, not from CSV)"

  func prepare(_ workload: Workload) throws -> Workload { workload }

  func measure(_ workload: Workload, workload _: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    ResidentMemory.resetPeak()
    let before = ResidentMemory.current()
    let (time, graph) = try seconds { try workload.loadGraph() }
    let after = ResidentMemory.current()
    precondition(graph.flowCount == workload.edges, "every flow must be in the graph")
    var metrics: [String: Double] = [:]
    if let before, let after, graph.flowCount > 0 {
      metrics["retained bytes/flow"] = Double(after.resident - before.resident) / Double(graph.flowCount)
      metrics["peak bytes/flow"] = Double(after.peak - before.resident) / Double(graph.flowCount)
    }
    blackHole(graph)
    return PhaseOutcome(
      samples: Samples(seconds: [time]), metrics: metrics,
      counts: ["flows": graph.flowCount, "companies": graph.companyCount])
  }
}
