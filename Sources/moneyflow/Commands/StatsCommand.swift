import MoneyFlow

/// `moneyflow stats FILE`: a summary of a graph.
enum StatsCommand {
  static let spec = CommandSpec(
    name: "stats",
    abstract: "Summarise a graph: companies, flows and totals by kind, dates, largest flows.",
    arguments: [ArgumentSpec(name: "file", help: "A .json graph document or .csv edge list to read; '-' reads standard input.")],
    options: [SharedOptions.format, SharedOptions.output, SharedOptions.columns] + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let json = try arguments.wantsJSON()
    let graph = try arguments.loadGraph()
    Loading.noteUnrated(graph, file: arguments.file)
    let stats = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in try GraphStatistics(graph: graph) }
    try CommandOutput.stream(to: arguments.outputPath) { writer in
      if json {
        try writer.writeDocument(StatsReport.json(stats, graph: graph))
      } else {
        try writer.write(raw: StatsReport.text(stats, graph: graph))
      }
    }
    return 0
  }
}
