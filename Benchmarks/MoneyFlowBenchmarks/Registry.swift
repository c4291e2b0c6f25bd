/// Every phase, in the order they run for each workload. One file per
/// subject; this is the one place that lists them.
enum Registry {
  static let phases: [any BenchmarkPhase] = [
    GeneratePhase(),
    LoadPhase(),
    IngestPhase(),
    BuildPhase(),
    PendingPhase(
      name: "scc", title: "strongly connected components",
      reason: "StronglyConnectedComponents (branch cycles) not on main yet"),
    PendingPhase(
      name: "cycles", title: "elementary cycles, length 3...6, counted (1 thread)",
      reason: "ElementaryCycles (branch cycles) not on main yet"),
    PendingPhase(
      name: "cycles-2t", title: "elementary cycles, length 3...6, counted (2 threads)",
      reason: "ElementaryCycles (branch cycles) not on main yet"),
    PendingPhase(
      name: "temporal", title: "time-respecting cycles, window 30 days",
      reason: "TemporalCycles (branch cycles) not on main yet"),
    DOTPhase(),
    PendingPhase(
      name: "circulation", title: "maximum circulation",
      reason: "circulation analysis (branch circulation) not on main yet"),
  ] + AMLSimPhases.all

  static func phase(named name: String) -> (any BenchmarkPhase)? {
    phases.first { $0.name == name }
  }
}
