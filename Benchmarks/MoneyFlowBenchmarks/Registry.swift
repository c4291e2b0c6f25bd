/// Every phase, in the order they run for each workload. One file per
/// subject; this is the one place that lists them.
enum Registry {
  static let phases: [any BenchmarkPhase] = [
    GeneratePhase(),
    LoadPhase(),
    IngestPhase(),
    BuildPhase(),
    LinkGraphPhase(),
    SCCPhase(),
    CyclesPhase(threads: 1),
    CyclesPhase(threads: 2),
    TemporalPhase(),
    TemporalRingPhase(),
    WatchPhase(),
    WatchTemporalPhase(),
    DOTPhase(),
    JSONWriterPhase(),
    CirculationPhase(),
  ] + AMLSimPhases.all + DetectionPhases.all

  static func phase(named name: String) -> (any BenchmarkPhase)? {
    phases.first { $0.name == name }
  }
}
