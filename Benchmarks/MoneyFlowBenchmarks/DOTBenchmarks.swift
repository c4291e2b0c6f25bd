import MoneyFlow

/// DOT export of the whole graph with the default options (one edge a flow,
/// labels with kind, amount and date, pen widths, legend), streamed in
/// chunks into a counting sink (no disk).
struct DOTPhase: BenchmarkPhase {
  let name = "dot"
  let title = "DOT export (to a counting sink)"

  func measure(_ graph: FlowGraph, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var bytes = 0
    var cpuSeconds: [Double] = []
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      graph
    } body: { graph in
      var count = 0
      var edges = 0
      let cpuStart = processCPUSeconds()
      defer { cpuSeconds.append(processCPUSeconds() - cpuStart) }
      try DOTWriter.write(graph: graph) { chunk in
        count += chunk.count
        for byte in chunk where byte == 0x3E { edges += 1 }  // '>' of "->"
      }
      return (count, edges)
    } check: { (count, edges) in
      precondition(edges >= graph.flowCount, "every flow must be drawn as an edge")
      bytes = count
    }
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "MB/s": megabytesPerSecond(bytes, samples.median),
        "cpu MB/s": megabytesPerSecond(bytes, cpuSeconds.sorted()[cpuSeconds.count / 2]),
        "flows/s": Double(graph.flowCount) / samples.median,
      ],
      counts: ["bytes": bytes, "flows": graph.flowCount])
  }
}
