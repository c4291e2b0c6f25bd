/// A phase whose library API is not on main yet: listed in the results as
/// "not wired" with the reason, never with figures.
struct PendingPhase: BenchmarkPhase {
  let name: String
  let title: String
  let reason: String
  var notWiredReason: String? { reason }
  func prepare(_ workload: Workload) throws {}
  func measure(_ input: Void, workload: Workload, repetitions: Int, budget: Double) throws -> PhaseOutcome {
    throw BenchError("\(name) is not wired: \(reason)")
  }
}
