import MoneyFlow

/// The two steps after parsing, from flows already drawn and ids already
/// formatted: `ingest` interns the ids and appends the flows to a
/// `FlowGraphBuilder`; `build` freezes it into the CSR `FlowGraph` (numbering
/// companies in byte order, two counting sorts).
struct IngestPhase: BenchmarkPhase {
  let name = "ingest"
  let title = "graph builder: intern ids, add flows"

  func measure(_ parsed: ParsedFlows, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    let samples = measureRepetitions(repetitions: repetitions, budget: budget) {
      ()
    } body: { _ in
      parsed.filledBuilder()
    } check: { builder in
      precondition(builder.flowCount == parsed.flows.count, "every flow must be added")
    }
    return PhaseOutcome(
      samples: samples, metrics: ["flows/s": Double(parsed.flows.count) / samples.median],
      counts: ["flows": parsed.flows.count])
  }
}

struct BuildPhase: BenchmarkPhase {
  let name = "build"
  let title = "graph build: freeze into CSR"

  func measure(_ parsed: ParsedFlows, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    let samples = measureRepetitions(repetitions: repetitions, budget: budget) {
      parsed.filledBuilder()
    } body: { builder in
      let graph = builder.build()
      return (graph.flowCount, graph.companyCount)
    } check: { (flows, companies) in
      precondition(flows == parsed.flows.count, "every flow must be in the graph")
      precondition(companies == parsed.companyCount, "every company must be in the graph")
    }
    return PhaseOutcome(
      samples: samples, metrics: ["flows/s": Double(parsed.flows.count) / samples.median],
      counts: ["flows": parsed.flows.count, "companies": parsed.companyCount])
  }
}

/// Flows drawn from the generator with their ids formatted: what a reader
/// holds after parsing, before building.
struct ParsedFlows {
  var ids: [String]
  var flows: [GraphGenerator.GeneratedFlow]
  var companyCount: Int

  init(_ workload: Workload) throws {
    guard let generator = workload.generator else { throw BenchError("no generator") }
    ids = (0 ..< generator.nodes).map(generator.companyID)
    var flows: [GraphGenerator.GeneratedFlow] = []
    flows.reserveCapacity(generator.edges)
    var used = [Bool](repeating: false, count: generator.nodes)
    generator.forEachFlow {
      flows.append($0)
      used[Int($0.payer)] = true
      used[Int($0.payee)] = true
    }
    self.flows = flows
    companyCount = used.count { $0 }
  }

  /// A builder holding every flow, with ids interned as a reader does, in
  /// order of first use.
  func filledBuilder() -> FlowGraphBuilder {
    var builder = FlowGraphBuilder()
    builder.reserveCapacity(flows: flows.count)
    let usd = builder.internCurrency("USD")
    for flow in flows {
      let payer = builder.intern(ids[Int(flow.payer)])
      let payee = builder.intern(ids[Int(flow.payee)])
      builder.addFlow(
        payer: payer, payee: payee, kind: flow.kind, amount: Amount(significand: flow.cents, exponent: -2),
        currency: usd, date: FlowDate(day: flow.day, precision: .day))
    }
    return builder
  }
}
