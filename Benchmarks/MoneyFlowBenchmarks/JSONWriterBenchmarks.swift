import MoneyFlow

/// The streaming JSON writer behind every `--format json` and `jsonl`
/// answer: every flow of the graph as the flow objects of the JSON answers
/// (``FlowGraph/writeJSONFields(ofFlow:to:)`` straight into the buffer, as
/// circulation's `flows` writes them),
/// streamed pretty as one document, then as JSON Lines, into a counting sink
/// (no disk). The time includes reading each flow's fields from the graph.
struct JSONWriterPhase: BenchmarkPhase {
  let name = "json-writer"
  let title = "JSON writer, every flow (pretty, then JSON Lines; to a counting sink)"

  func prepare(_ workload: Workload) throws -> FlowGraph { try workload.loadGraph() }

  func measure(_ graph: FlowGraph, workload: Workload, repetitions: Int, budget: Double) throws
    -> PhaseOutcome
  {
    var bytes = (pretty: 0, lines: 0)
    var lineSeconds: [Double] = []
    let samples = try measureRepetitions(repetitions: repetitions, budget: budget) {
      graph
    } body: { input in
      let graph = input
      let members: () -> [(String, JSONStreamWriter.Member)] = {
        [("count", .value(.int(graph.flowCount))), ("flows", .objects(0 ..< graph.flowCount) { graph.writeJSONFields(ofFlow: $0, to: &$1) })]
      }
      var pretty = 0
      var newlines = 0
      let writer = JSONStreamWriter { chunk in pretty += chunk.count }
      try writer.writeDocument(members())
      try writer.flush()
      let lineWriter = JSONStreamWriter { chunk in for byte in chunk where byte == 0x0A { newlines += 1 } }
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
    return PhaseOutcome(
      samples: samples,
      metrics: [
        "MB/s": megabytesPerSecond(bytes.pretty + bytes.lines, samples.median),
        "jsonl MB/s": megabytesPerSecond(bytes.lines, lineMedian),
        "flows/s": Double(graph.flowCount) / samples.median,
      ],
      counts: ["bytes": bytes.pretty, "jsonl bytes": bytes.lines, "flows": graph.flowCount])
  }
}
