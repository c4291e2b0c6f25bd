import MoneyFlow

/// `moneyflow cycles FILE`: circular flows, ranked by the money that circulates.
enum CyclesCommand {
  static let spec = CommandSpec(
    name: "cycles",
    abstract: "Find circular flows: elementary cycles, ranked by circulating amount.",
    discussion: """
      Parallel money flows in one direction form one link; a cycle's circulating amount is its
      bottleneck, the smallest link total along it, in the document's base currency. Counts every
      cycle the options allow and lists the --limit largest. Each cycle starts at the company whose
      id sorts first. With --temporal, finds chains of individual flows whose dates never go
      backwards and that return to their start (within --window).
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .json graph document or .csv edge list to read; '-' reads standard input.")],
    options: [
      OptionSpec(name: "max-length", value: "N", help: "Count only cycles of at most N companies (flows with --temporal)."),
      OptionSpec(name: "limit", value: "N", help: "List the N cycles with the largest circulating amount; 0 lists all. (default: 100)"),
      OptionSpec(name: "stop-after", value: "N", help: "Stop the search after N cycles; the output then says truncated."),
    ] + CycleFilterOptions.specs + SharedOptions.filters + [
      OptionSpec(name: "temporal", help: "Find time-respecting cycles: chains of flows whose dates never go backwards."),
      OptionSpec(name: "window", value: "DURATION", help: "With --temporal: the chain returns within this long of its first\nflow: days (30 or 30d), hours (6h), minutes (90m) or seconds (3600s)."),
      OptionSpec(name: "strictly-increasing", help: "With --temporal: each flow strictly later than the previous one, never on the same date."),
      OptionSpec(name: "count-only", help: "Count the cycles; list none."),
      OptionSpec(name: "threads", value: "N", help: "Worker threads for the search; the result is the same for any number.\n(default: the number of cores)"),
      Interruption.timeLimit,
      OptionSpec(name: "shard", value: "I/N", help: "Search only shard I of N of the work (start companies balanced by their\ncomponent's size); the N shards are disjoint and together the whole answer.\nWith --format partial, print the shard's mergeable answer."),
      OptionSpec(name: "part", value: "P/Q", help: "With --format partial: FILE is part P of Q of a graph split by strongly\nconnected component (DISTRIBUTED.md); the partial names companies by id."),
      OptionSpec(name: "merge", value: "PARTIALS", help: "Merge the partials of all N shards (their --format partial outputs,\nconcatenated in one file, '-' for standard input) and print the answer;\nor those of all Q parts (--part), merged by company id into FILE's answer."),
    ] + SharedOptions.answerOutput(records: "cycles"),
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let partial = arguments.string("format") == "partial"
    let format = partial ? .text : try arguments.outputFormat(lines: true)
    let shard = try ShardOptions.shard(arguments)
    let merging = arguments.string("merge")
    if arguments.string("stop-after") != nil, shard != nil || merging != nil || partial {
      throw UsageError.message("'--stop-after' cannot go with '--shard', '--merge' or '--format partial': a shard cannot know where the single search would stop")
    }
    if merging != nil, shard != nil || partial {
      throw UsageError.message("'--merge' prints the whole answer: it goes with '--format text' or '--format json', without '--shard'")
    }
    let key = ShardOptions.key(arguments)
    let filter = try arguments.flowFilter()
    let maxLength = try arguments.int("max-length", minimum: 1)
    let limit = try arguments.int("limit") ?? 100
    let stopAfter = try arguments.int("stop-after", minimum: 1)
    let threads = try arguments.int("threads", minimum: 1) ?? Progress.cores
    let window = try arguments.duration("window")
    let temporal = arguments.flag("temporal")
    if window != nil, !temporal { throw UsageError.message("'--window' goes with '--temporal'") }
    let strictly = arguments.flag("strictly-increasing")
    if strictly, !temporal { throw UsageError.message("'--strictly-increasing' goes with '--temporal'") }
    let countOnly = arguments.flag("count-only")
    let minLength = try arguments.int("min-length", minimum: 1)
    let timeLimit = try arguments.seconds("time-limit")
    let sharded = shard != nil || merging != nil || partial
    if timeLimit != nil, sharded {
      throw UsageError.message("'--time-limit' cannot go with '--shard', '--merge' or '--format partial': a stopped shard cannot be merged")
    }
    // A shard's search is not stoppable: a signal ends it (its -o file untouched).
    let stop = sharded ? Interruption.unstoppable() : Interruption.begin(timeLimit: timeLimit)
    let graph = try arguments.loadGraph()
    Loading.noteUnrated(graph, file: arguments.file)
    let through = try arguments.throughCompanies(in: graph) ?? []
    let interruption: SearchInterruption?

    let text: () -> String
    let members: () -> [(String, JSONStreamWriter.Member)]
    var empty: (what: String, shape: String)?
    let search = Search(arguments: arguments, graph: graph, printsPartial: partial, shard: shard, key: key, stop: stop)
    if temporal {
      let options = TemporalCycleSearchOptions(
        filter: filter, window: window, maxLength: maxLength, limit: limit, stopAfter: stopAfter,
        countOnly: countOnly, threads: threads, strictlyIncreasing: strictly,
        through: through, minLength: minLength)
      guard let result = try search.answer(options, noun: "chains") else { return 0 }
      interruption = result.interruption
      (text, members) = ({ CycleReport.text(result, graph: graph) }, { CycleReport.jsonMembers(result, graph: graph) })
      if result.count == 0 { empty = ("no time-respecting cycles", "no time-respecting cycle" + lengthBound(maxLength, flows: true)) }
    } else {
      let options = CycleSearchOptions(
        filter: filter, maxLength: maxLength, limit: limit, stopAfter: stopAfter, countOnly: countOnly,
        threads: threads, through: through, minLength: minLength)
      guard let result = try search.answer(options, noun: "cycles") else { return 0 }
      interruption = result.interruption
      (text, members) = ({ CycleReport.text(result, graph: graph) }, { CycleReport.jsonMembers(result, graph: graph) })
      if result.count == 0 { empty = ("no cycles", "no cycle" + lengthBound(maxLength, flows: false)) }
    }
    try CommandOutput.stream(to: arguments.outputPath) { writer in
      switch format {
      case .text: try writer.write(raw: text())
      case .json: try writer.writeDocument(members())
      case .jsonl: try writer.writeLines(members(), records: "cycles")
      }
    }
    if let empty, interruption == nil { EmptyAnswer.note("cycles", empty.what, graph: graph, filter: filter, shape: empty.shape) }
    return Interruption.finish(interruption, graph: graph)
  }

  /// How `cycles` runs a search: whole, one shard (its partial printed), or
  /// the shards' partials merged.
  struct Search {
    let arguments: ParsedArguments
    let graph: FlowGraph
    let printsPartial: Bool
    let shard: WorkShard?
    let key: String
    let stop: StopSignal?

    /// The answer of the search `options`, progress counting `noun`; nil
    /// once a partial is printed.
    func answer<Request: CycleSearchRequest>(
      _ options: Request, noun: String
    ) throws -> CycleSearchAnswer<Request.Found, Request>? {
      let (graph, key, stop) = (graph, key, stop)
      let answer = try ShardOptions.answer(
        arguments, graph: graph, partial: printsPartial, shard: shard, key: key, limit: options.limit,
        partial: { shard throws(CurrencyConversion.Failure) in try options.partial(in: graph, shard: shard, optionsKey: key) },
        merge: { merged throws(CurrencyConversion.Failure) in try options.merging(merged, in: graph) },
        single: { () throws(CurrencyConversion.Failure) in
          try options.search(in: graph, progress: Progress.cycleReporter(noun: noun), stop: stop)
        })
      if answer != nil { Progress.finish() }
      return answer
    }
  }

  /// ` of at most 3 companies`, or nothing without a bound.
  static func lengthBound(_ maxLength: Int?, flows: Bool) -> String {
    guard let maxLength else { return "" }
    return " of at most " + StatsReport.count(maxLength, flows ? "flow" : "company", flows ? "flows" : "companies")
  }
}
