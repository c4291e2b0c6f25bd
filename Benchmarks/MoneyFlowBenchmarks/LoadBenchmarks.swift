import MoneyFlow

/// Loading a CSV edge list as the CLI does: `CSVEdgeListReader(path:)`
/// streams the file in chunks (from the page cache after the first run),
/// parses each record, interns ids and builds the CSR `FlowGraph`.
///
/// Memory: before the timed repetitions, one untimed load in this fresh
/// child measures the resident size retained by the graph and the peak
/// while loading (peak reset just before), both per flow and including
/// company ids.
struct LoadPhase: BenchmarkPhase {
  let name = "load"
  let title = "CSV load (read + parse + build)"

  func applies(to workload: Workload) -> Bool { true }

  func prepare(_ workload: Workload) throws -> Workload { workload }

  func measure(_ workload: Workload, workload _: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    let bytes = workload.fileBytes
    var metrics: [String: Double] = [:]
    var companies = 0
    do {
      ResidentMemory.resetPeak()
      let before = ResidentMemory.current()
      let graph = try CSVEdgeListReader(path: workload.csvPath).read()
      let after = ResidentMemory.current()
      if let before, let after, graph.flowCount > 0 {
        metrics["retained bytes/flow"] = Double(after.resident - before.resident) / Double(graph.flowCount)
        metrics["peak bytes/flow"] = Double(after.peak - before.resident) / Double(graph.flowCount)
      }
      companies = graph.companyCount
    }
    let expectedCompanies = workload.family == "amlsim" || workload.edges < workload.nodes ? nil : workload.nodes
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      workload.csvPath
    } body: { path in
      let graph = try CSVEdgeListReader(path: path).read()
      return (graph.flowCount, graph.companyCount)
    } check: { (flows, companyCount) in
      precondition(flows == workload.edges, "every flow must be loaded")
      precondition(expectedCompanies.map { $0 == companyCount } ?? true, "every company must be loaded")
    }
    metrics["MB/s"] = megabytesPerSecond(bytes, samples.median)
    metrics["flows/s"] = Double(workload.edges) / samples.median
    return PhaseOutcome(
      samples: samples, metrics: metrics,
      counts: ["flows": workload.edges, "companies": companies, "bytes": bytes])
  }
}
