import MoneyFlow

/// Time-respecting cycles on one long loop of `nodes` companies, dates
/// advancing round it (the last flow closes the loop on the latest day), and
/// on the same chain without the closing flow; no window, counted. The loop
/// holds exactly one chain, the chain none. Walking forwards from every
/// start is quadratic here; the latest-day search keeps it linear.
struct TemporalRingPhase: BenchmarkPhase {
  let name = "temporal-ring"
  let title = "time-respecting cycles on one long loop and one long chain, counted"

  func prepare(_ workload: Workload) throws -> (ring: FlowGraph, chain: FlowGraph) {
    (TemporalRingPhase.loop(workload.nodes, closed: true), TemporalRingPhase.loop(workload.nodes, closed: false))
  }

  /// Companies `c0…` paying the next, one flow a company, on days spread
  /// over a year; `closed` adds the flow from the last back to the first.
  static func loop(_ n: Int, closed: Bool) -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.reserveCapacity(flows: n)
    let ids = (0 ..< n).map { builder.intern("c\($0)") }
    let usd = builder.internCurrency("USD")
    let first = FlowDate(year: 2024)?.day ?? 0
    for i in 0 ..< (closed ? n : n - 1) {
      let day = i == n - 1 ? 364 : i * 365 / n
      builder.addFlow(
        payer: ids[i], payee: ids[(i + 1) % n], kind: .purchase, amount: Amount(significand: 100), currency: usd,
        date: FlowDate(day: first + Int32(day), precision: .day))
    }
    return builder.build()
  }

  func measure(
    _ input: (ring: FlowGraph, chain: FlowGraph), workload: Workload, repetitions: Int, budget: Double
  ) throws -> PhaseOutcome {
    var counted: (Int, Int)?
    let options = TemporalCycleSearchOptions(countOnly: true)
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      input
    } body: { input in
      (try input.ring.temporalCycles(options).count, try input.chain.temporalCycles(options).count)
    } check: { counts in
      precondition(counts == (1, 0), "the loop holds one chain, the chain none")
      counted = counts
    }
    return PhaseOutcome(
      samples: samples,
      metrics: ["companies/s": Double(2 * workload.nodes) / samples.median],
      counts: ["ring cycles": counted?.0 ?? 0, "chain cycles": counted?.1 ?? 0])
  }
}
