import Foundation
import MoneyFlow

/// `moneyflow report FILE`: one self-contained HTML page of the circular money.
enum ReportCommand {
  static let spec = CommandSpec(
    name: "report",
    abstract: "Write one self-contained HTML page: diagram, loops, circulation, exposure.",
    discussion: """
      The page needs no network: inline CSS, inline SVG from Graphviz (a notice where dot is
      missing) and a few lines of plain JavaScript to sort and page the tables. It shows the
      circular share of the gross flow, the cyclic part of the graph with loops in red, the cycles
      ranked by circulating amount with their flows, dates and sources, the time-respecting cycles,
      the companies most exposed, and what was left out and why. Its figures are those of
      'cycles --format json', 'cycles --temporal --format json' and 'circulation --format json'
      with the same options. Above --draw-limit flows on cycles, only the --draw-cycles largest
      cycles are drawn.
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .json graph document or .csv edge list to read; '-' reads standard input.")],
    options: [
      OptionSpec(name: "max-length", value: "N", help: "Count only cycles of at most N companies (flows for time-respecting ones)."),
      OptionSpec(name: "limit", value: "N", help: "List the N cycles with the largest circulating amount; 0 lists all. (default: 100)"),
      OptionSpec(name: "stop-after", value: "N", help: "Stop each search after N cycles; the page then says so."),
    ] + SharedOptions.filters + [
      OptionSpec(name: "window", value: "DURATION", help: "Time-respecting cycles return within this long of their first\nflow: days (30 or 30d), hours (6h), minutes (90m) or seconds (3600s)."),
      OptionSpec(name: "no-temporal", help: "Leave out the time-respecting cycles."),
      OptionSpec(name: "no-circulation", help: "Leave out the maximum circulation."),
      OptionSpec(name: "draw-limit", value: "N", help: "Draw the whole cyclic part up to N flows. (default: 2000)"),
      OptionSpec(name: "draw-cycles", value: "N", help: "Above --draw-limit, draw the flows of the N largest cycles. (default: 20)"),
      OptionSpec(name: "page-size", value: "N", help: "Rows per table page. (default: 25)"),
      OptionSpec(name: "threads", value: "N", help: "Worker threads for the searches. (default: the number of cores)"),
      OptionSpec(name: "output", short: "o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
      SharedOptions.columns,
    ] + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let output = try arguments.checkedOutputPath(extensions: ["html", "htm"])
    let filter = try arguments.flowFilter()
    let maxLength = try arguments.int("max-length", minimum: 1)
    let limit = try arguments.int("limit") ?? 100
    let stopAfter = try arguments.int("stop-after", minimum: 1)
    let window = try arguments.duration("window")
    let temporalWanted = !arguments.flag("no-temporal")
    if window != nil, !temporalWanted { throw UsageError.message("'--window' goes without '--no-temporal'") }
    let drawLimit = try arguments.int("draw-limit", minimum: 0) ?? 2000
    let drawCycles = try arguments.int("draw-cycles", minimum: 0) ?? 20
    let pageSize = try arguments.int("page-size", minimum: 1) ?? 25
    let threads = try arguments.int("threads", minimum: 1) ?? Progress.cores

    let (graph, selection) = try Loading.selection(arguments, filter: filter)
    let statistics = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
      try GraphStatistics(graph: graph)
    }
    let cycleOptions = CycleSearchOptions(
      filter: filter, maxLength: maxLength, limit: limit, stopAfter: stopAfter, countOnly: false, threads: threads)
    let cycles = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
      try graph.elementaryCycles(cycleOptions, progress: Progress.cycleReporter(noun: "cycles"))
    }
    Progress.finish()
    var temporal: TemporalCycleSearchResult?
    if temporalWanted {
      let options = TemporalCycleSearchOptions(
        filter: filter, window: window, maxLength: maxLength, limit: limit, stopAfter: stopAfter,
        countOnly: false, threads: threads)
      temporal = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try graph.temporalCycles(options, progress: Progress.cycleReporter(noun: "chains"))
      }
      Progress.finish()
    }
    let circulation = arguments.flag("no-circulation") ? nil : graph.maximumCirculation(selection: selection)

    let plan = HTMLReportDiagramPlan(
      graph: graph, selection: selection, cycles: cycles, drawLimit: drawLimit, drawCycles: drawCycles)
    let diagram: HTMLReport.Diagram
    if plan.drawnFlowCount == 0 {
      diagram = .notice("No flow lies on a cycle: nothing to draw.")
    } else if !Graphviz.isInstalled {
      diagram = .notice("Graphviz is not installed, so no diagram is drawn (install it, e.g. apt-get install graphviz).")
    } else {
      let dot = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try DOTWriter.bytes(graph: graph, options: plan.options)
      }
      do {
        diagram = .svg(String(decoding: try Graphviz.render(dot, format: .svg), as: UTF8.self))
      } catch {
        diagram = .notice("Graphviz could not draw the diagram: \(error.description)")
      }
    }
    let report = HTMLReport(
      graph: graph, sourceName: arguments.file == "-" ? "standard input" : arguments.file,
      statistics: statistics, cycles: cycles, temporal: temporal, circulation: circulation,
      diagram: diagram, diagramDescription: plan.description, pageSize: pageSize)
    let bytes = Array(report.html().utf8)
    if let output, output != "-" {
      try FileIO.writeAtomically(bytes, to: output)
    } else {
      Console.out(bytes: bytes)
    }
    return 0
  }
}
