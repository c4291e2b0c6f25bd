import MoneyFlow

/// Streaming the generator's CSV into a counting sink (no disk): how fast
/// test data of a given size can be made.
struct GeneratePhase: BenchmarkPhase {
  let name = "generate"
  let title = "generate CSV (to a counting sink)"

  func prepare(_ workload: Workload) throws -> GraphGenerator {
    guard let generator = workload.generator else { throw BenchError("no generator") }
    return generator
  }

  func measure(_ generator: GraphGenerator, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var bytes = 0
    let samples = measureRepetitions(repetitions: repetitions, budget: budget) {
      generator
    } body: { generator in
      var count = 0
      var lines = 0
      generator.writeCSV { chunk in
        count += chunk.count
        for byte in chunk where byte == 0x0A { lines += 1 }
      }
      return (count, lines)
    } check: { (count, lines) in
      precondition(lines == generator.edges + 1, "the CSV must have one line per flow and a header")
      bytes = count
    }
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "MB/s": megabytesPerSecond(bytes, samples.median),
        "flows/s": Double(generator.edges) / samples.median,
      ],
      counts: ["bytes": bytes, "flows": generator.edges])
  }
}
