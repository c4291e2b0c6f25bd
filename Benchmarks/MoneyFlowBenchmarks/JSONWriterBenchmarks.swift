import MoneyFlow

/// The streaming JSON writer behind every `--format json` and `jsonl`
/// answer: every flow of the graph as the flow objects of the JSON answers
/// (``FlowGraph/writeJSONFields(ofFlow:to:)`` straight into the buffer, as
/// circulation's `flows` writes them),
/// streamed pretty as one document, then as JSON Lines, into a counting sink
/// (no disk). The time includes reading each flow's fields from the graph.
/// Besides the wall-time rates it reports `cpu MB/s`: the bytes over the CPU
/// seconds the writing took, the rate on a core of its own.
struct JSONWriterPhase: BenchmarkPhase {
  let name = "json-writer"
  let title = "JSON writer, every flow (pretty, then JSON Lines; to a counting sink)"

  func measure(_ graph: FlowGraph, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var bytes = (pretty: 0, lines: 0)
    var lineSeconds: [Double] = []
    var cpuSeconds: [Double] = []
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      graph
    } body: { input in
      let graph = input
      let members: () -> [(String, JSONStreamWriter.Member)] = {
        [("count", .value(.int(graph.flowCount))), ("flows", .objects(0 ..< graph.flowCount) { graph.writeJSONFields(ofFlow: $0, to: &$1) })]
      }
      var pretty = 0
      var newlines = 0
      let cpuStart = processCPUSeconds()
      defer { cpuSeconds.append(processCPUSeconds() - cpuStart) }
      let writer = JSONStreamWriter { chunk in pretty += chunk.count }
      try writer.writeDocument(members())
      try writer.flush()
      let lineWriter = JSONStreamWriter { chunk in newlines += countNewlines(chunk) }
      let (time, _) = try seconds {
        try lineWriter.writeLines(members(), records: "flows")
        try lineWriter.flush()
      }
      lineSeconds.append(time)
      return (pretty, lineWriter.bytesWritten, newlines)
    } check: { (pretty, lines, newlines) in
      precondition(newlines == graph.flowCount + 1, "one line a flow, then the summary")
      bytes = (pretty, lines)
    }
    let lineMedian = lineSeconds.sorted()[lineSeconds.count / 2]
    let cpuMedian = cpuSeconds.sorted()[cpuSeconds.count / 2]
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "MB/s": megabytesPerSecond(bytes.pretty + bytes.lines, samples.median),
        "jsonl MB/s": megabytesPerSecond(bytes.lines, lineMedian),
        "cpu MB/s": megabytesPerSecond(bytes.pretty + bytes.lines, cpuMedian),
        "flows/s": Double(graph.flowCount) / samples.median,
      ],
      counts: ["bytes": bytes.pretty, "jsonl bytes": bytes.lines, "flows": graph.flowCount])
  }
}

/// The number of newline bytes in `chunk`, 32 bytes at a time: the check
/// that JSON Lines has one line a record, cheap enough not to weigh on the
/// writer's time.
func countNewlines(_ chunk: UnsafeRawBufferPointer) -> Int {
  let newline = SIMD32<UInt8>(repeating: 0x0A)
  var count = 0
  var i = 0
  while i + 32 <= chunk.count {
    let block = chunk.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
    if any(block .== newline) { for j in i ..< i + 32 where chunk[j] == 0x0A { count += 1 } }
    i += 32
  }
  for j in i ..< chunk.count where chunk[j] == 0x0A { count += 1 }
  return count
}
