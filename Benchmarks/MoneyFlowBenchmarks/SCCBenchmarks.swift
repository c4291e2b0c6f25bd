import MoneyFlow

/// The company graph (`LinkGraph`: parallel money flows of one direction
/// form one link), built from the loaded `FlowGraph`.
struct LinkGraphPhase: BenchmarkPhase {
  let name = "links"
  let title = "company graph (LinkGraph) from the flows"

  func applies(to workload: Workload) -> Bool { true }

  func measure(_ graph: FlowGraph, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var links = 0
    let samples = measureRepetitions(repetitions: repetitions, budget: budget) {
      graph
    } body: { graph in
      LinkGraph(graph: graph).linkCount
    } check: { count in
      precondition(count > 0 && count <= graph.flowCount, "links join the flows")
      links = count
    }
    return PhaseOutcome(
      samples: samples, metrics: ["flows/s": Double(graph.flowCount) / samples.median],
      counts: ["links": links])
  }
}

/// Strongly connected components (iterative Tarjan) of the company graph,
/// built untimed beforehand, as the peers' graphs are built at load.
/// Counts the components with a cycle.
struct SCCPhase: BenchmarkPhase {
  let name = "scc"
  let title = "strongly connected components"

  func applies(to workload: Workload) -> Bool { true }

  func prepare(_ workload: Workload) throws -> LinkGraph { LinkGraph(graph: try workload.loadGraph()) }

  func measure(_ links: LinkGraph, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var cyclic = 0
    var largest = 0
    let samples = measureRepetitions(repetitions: repetitions, budget: budget) {
      links
    } body: { links in
      StronglyConnectedComponents(links: links)
    } check: { components in
      var count = 0
      var biggest = 0
      for c in 0 ..< components.count where components.hasCycle(component: c) {
        count += 1
        biggest = max(biggest, components.size(ofComponent: c))
      }
      precondition(components.count <= links.companyCount, "at most one component a company")
      if workload.family == "planted" {
        precondition(count == workload.plantedCycles, "each planted cycle is its own component")
      }
      cyclic = count
      largest = biggest
    }
    return PhaseOutcome(
      samples: samples,
      metrics: ["links/s": Double(links.linkCount) / samples.median],
      counts: ["components": cyclic, "largest": largest])
  }
}
