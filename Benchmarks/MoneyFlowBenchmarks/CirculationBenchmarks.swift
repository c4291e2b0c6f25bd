import MoneyFlow

/// The maximum circulation of all flows (`FlowGraph.maximumCirculation`:
/// the part of the gross flow that netting could cancel, solved exactly by
/// cost scaling inside each strongly connected component).
///
/// On the planted family the answer is known: the planted cycles are the
/// only cycles and share no flow, so the maximum circulation (the total of
/// the circular parts of all flows) is the sum, over planted cycles, of each
/// cycle's smallest flow times its number of flows; checked against the
/// strongly connected components with a cycle.
struct CirculationPhase: BenchmarkPhase {
  let name = "circulation"
  let title = "maximum circulation"

  func applies(to workload: Workload) -> Bool { true }

  func prepare(_ workload: Workload) throws -> (graph: FlowGraph, expected: Double?) {
    let graph = try workload.loadGraph()
    guard workload.family == "planted" else { return (graph, nil) }
    let components = graph.stronglyConnectedComponents()
    var smallest = [Double](repeating: .infinity, count: components.count)
    var flows = [Int](repeating: 0, count: components.count)
    for flow in 0 ..< graph.flowCount {
      let c = components.component(of: graph.payer(of: flow))
      guard components.hasCycle(component: c), components.component(of: graph.payee(of: flow)) == c else { continue }
      smallest[c] = min(smallest[c], graph.amountValue(of: flow) ?? 0)
      flows[c] += 1
    }
    // Each planted cycle carries its bottleneck on each of its flows.
    let expected = zip(smallest, flows).filter { $0.0.isFinite }.map { $0.0 * Double($0.1) }.reduce(0, +)
    return (graph, expected)
  }

  func measure(
    _ input: (graph: FlowGraph, expected: Double?), workload: Workload, repetitions: Int, budget: Double
  ) throws -> PhaseOutcome {
    var circular = 0.0
    var gross = 0.0
    var circularFlows = 0
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      input.graph
    } body: { graph in
      try graph.maximumCirculation()
    } check: { result in
      precondition(result.circular >= 0 && result.circular <= result.gross * (1 + 1e-12), "circular <= gross")
      if let expected = input.expected {
        precondition(
          abs(result.circular - expected) <= 1e-6 * max(1, expected),
          "planted cycles' bottlenecks: expected \(expected), found \(result.circular)")
      }
      circular = result.circular
      gross = result.gross
      circularFlows = result.circularFlowCount
    }
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "flows/s": Double(input.graph.flowCount) / samples.median, "circular share %": 100 * circular / max(gross, 1),
        // The exact total, which the OR-tools peer's answer is compared with.
        "circular": circular,
      ],
      counts: ["circular flows": circularFlows])
  }
}
