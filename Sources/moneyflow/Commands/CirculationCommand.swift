import MoneyFlow

/// `moneyflow circulation FILE`: how much of the money goes round.
enum CirculationCommand {
  static let spec = CommandSpec(
    name: "circulation",
    abstract: "Measure how much of the money is circular: the maximum circulation.",
    discussion: """
      Finds flows f with 0 <= f <= amount on every flow, what enters each company equal to what
      leaves it, and the total as large as possible: the part of the gross flow that multilateral
      netting could cancel. Reports gross and circular totals, per company and per flow, and a
      decomposition into weighted cycles. Flows without an amount are left out and counted.
      Stopped by --time-limit, SIGINT or SIGTERM, it reports the feasible circulation of the
      solver's last completed round (zero if none), a lower bound, marked truncated.
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .json graph document or .csv edge list to read; '-' reads standard input.")],
    options: SharedOptions.filters + [
      OptionSpec(name: "limit", value: "N", help: "Show the N largest cycles and companies in text output; 0 shows all. (default: 10)"),
      Interruption.timeLimit,
    ] + SharedOptions.answerOutput(records: "flows"),
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let format = try arguments.outputFormat(lines: true)
    let filter = try arguments.flowFilter()
    let limit = try arguments.int("limit") ?? 10
    let stop = Interruption.begin(timeLimit: try arguments.seconds("time-limit"))
    let graph = try arguments.loadGraph()
    Loading.noteUnrated(graph, file: arguments.file)
    let circulation = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
      try graph.maximumCirculation(filter: filter, stop: stop, progress: Progress.circulationReporter())
    }
    let report = CirculationReport(
      graph: graph, circulation: circulation, threads: Progress.cores, progress: Progress.circulationReporter())
    Progress.finish()
    let shown = limit == 0 ? Int.max : limit
    try CommandOutput.stream(to: arguments.outputPath) { writer in
      switch format {
      case .text: try writer.write(raw: report.text(cycleLimit: shown, companyLimit: shown))
      case .json: try writer.writeDocument(report.jsonMembers())
      case .jsonl: try writer.writeLines(report.jsonMembers(), records: "flows")
      }
    }
    if circulation.flowCount == 0, circulation.undisclosedExcluded > 0,
      ((try? EmptySelection.reason(graph: graph, filter: filter)) ?? nil) == nil
    {
      Console.error("circulation: no circular money: none of the \(StatsReport.count(circulation.undisclosedExcluded, "flow", "flows")) left has an amount")
    } else if circulation.circular == 0, circulation.stoppedBy == nil {
      EmptyAnswer.note("circulation", "no circular money", graph: graph, filter: filter, shape: "no cycle")
    }
    guard let reason = circulation.stoppedBy else { return 0 }
    Console.error("moneyflow: \(reason) during the circulation solver; the output is a feasible circulation found so far, not the maximum (truncated)")
    return Interruption.status(reason)
  }

  /// The circular part of each flow, for `moneyflow dot --circulation`.
  static func circularAmounts(_ graph: FlowGraph, filter: FlowFilter) throws(CurrencyConversion.Failure) -> [Double] {
    try graph.maximumCirculation(filter: filter).circularAmounts
  }
}
