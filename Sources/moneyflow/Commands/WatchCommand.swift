#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MoneyFlow

/// `moneyflow watch FILE|-`: each cycle reported the moment its closing flow is read.
enum WatchCommand {
  static let spec = CommandSpec(
    name: "watch",
    abstract: "Report each cycle as soon as the flow that closes it is read.",
    discussion: """
      Reads flows line by line as they arrive, from a file or from standard input ('-', which
      may be a pipe that stays open): a CSV edge list (header first; other headers through
      --columns) or JSON Lines (one flow object a line, with the fields of a JSON document's
      flows; a name ending in .jsonl or a first byte '{'). Writes one JSON object a
      line, flushed, for every cycle the new flow closes: "companies" (from the id that sorts
      first, as 'cycles' prints them), "closed_by" (the flow's id, or its 1-based row) and
      "length".

      Structural (default): the first flow in one direction between two companies closes every
      cycle of at most --max-length links through that link; later parallel flows close none.
      Over a whole stream the cycles reported are exactly those 'cycles --max-length N' finds,
      each once, when its first closing link appears. Memory follows the graph.

      --temporal: time-respecting cycles, chains of individual flows whose dates never go
      backwards. Each is reported once, when the last of its flows arrives (a flow at the chain's
      latest date; with several flows on that date, the one read last, which need not be the
      chain's final hop), with "flows" (ids or rows, in chain order from its first flow, as
      'cycles --temporal' lists them), "span_seconds" and "span_days". Over a whole stream the
      chains reported are exactly those 'cycles --temporal' finds with the same options. Flows
      must come in date order: one dated before the latest date read is an error naming its line,
      unless it is at most --allow-late DURATION late (then it still closes every chain it completes).
      With --window, flows older than the window (plus --allow-late) are forgotten, so memory
      follows the flows inside the window. Undated flows cannot take part and are counted.

      --through and --min-length filter the cycles found (the search itself is unchanged: a
      stream has no components to skip). --shard I/N reports the cycles whose first company as
      written hashes to shard I; every shard reads the whole stream, so N shards split the output
      (disjoint, together the single output), not the work of reading it.

      A summary goes to standard error at the end; progress too while it is a terminal.
      --time-limit, SIGINT and SIGTERM stop the reading: the cycles already written stand, and
      the summary says where it stopped.
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .csv edge list or .jsonl flow lines to read; '-' reads standard input.")],
    options: [
      OptionSpec(name: "max-length", value: "N", help: "Report only cycles of at most N companies (flows with --temporal)."),
      OptionSpec(name: "temporal", help: "Report time-respecting cycles: chains of flows whose dates never go backwards."),
      OptionSpec(name: "window", value: "DURATION", help: "With --temporal: the chain returns within this long of its first flow: days\n(30 or 30d), hours (6h), minutes (90m) or seconds (3600s). Older flows are\nforgotten, so memory follows the window."),
      OptionSpec(name: "strictly-increasing", help: "With --temporal: each flow strictly later than the previous one."),
      OptionSpec(name: "allow-late", value: "DURATION", help: "With --temporal: accept a flow dated up to DURATION before the latest time\nread (default 0: times must never go back); earlier is an error."),
      OptionSpec(name: "through", value: "IDS", help: "Only cycles through at least one of these company ids (comma-separated)."),
      OptionSpec(name: "min-length", value: "N", help: "Report only cycles of at least N companies (flows with --temporal)."),
      OptionSpec(name: "shard", value: "I/N", help: "Report only the cycles of shard I of N: those whose first company as written\nhashes to I. Every shard reads the whole stream; the N outputs are disjoint and\ntogether the single output."),
      SharedOptions.columns,
      Interruption.timeLimit,
    ] + SharedOptions.filters + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let filter = try arguments.flowFilter()
    let maxLength = try arguments.int("max-length", minimum: 1)
    let temporal = arguments.flag("temporal")
    for name in ["window", "strictly-increasing", "allow-late"] where !temporal && (arguments.flag(name) || arguments.string(name) != nil) {
      throw UsageError.message("'--\(name)' goes with '--temporal'")
    }
    let window = try duration(arguments, "window")
    let allowLate = try duration(arguments, "allow-late") ?? 0
    let (baseCurrency, rates) = try arguments.currencyOptions()
    let restriction = WatchRestriction(
      through: Set((arguments.string("through") ?? "").split(separator: ",").map(String.init)),
      minLength: try arguments.int("min-length", minimum: 1) ?? 1, shard: try ShardOptions.shard(arguments))
    let stop = Interruption.begin(timeLimit: try arguments.seconds("time-limit"))
    let path = arguments.file
    let fd = path == "-" ? 0 : open(path, O_RDONLY)
    guard fd >= 0 else {
      throw InputError(.unreadable, file: path, message: "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { if fd != 0 { close(fd) } }
    var reader = FlowLineReader(file: path == "-" ? "<stdin>" : path, mapping: try arguments.columnMapping())
    var watcher = CycleWatcher(maxLength: maxLength, filter: filter)
    var temporalWatcher = TemporalCycleWatcher(
      maxLength: maxLength, window: window, strictlyIncreasing: arguments.flag("strictly-increasing"),
      allowLate: allowLate, filter: filter)
    watcher.restriction = restriction
    temporalWatcher.restriction = restriction
    var flowsRead: Int { temporal ? temporalWatcher.flowsRead : watcher.flowsRead }
    var reported = 0
    let started = now()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var atEnd = false
    var currency: String?
    let showProgress = Console.errorIsTerminal
    var lastProgress = now()
    while !atEnd, Self.waitForInput(fd, stop) {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(.unreadable, file: path, message: "cannot read: \(String(cString: strerror(errno)))")
      }
      atEnd = n == 0
      let batch = try atEnd ? reader.finish() : buffer.withUnsafeBytes { bytes throws(InputError) in
        try reader.add(UnsafeRawBufferPointer(rebasing: bytes[0 ..< n]))
      }
      if let (batchFlows, row) = batch {
        let flow = try arguments.applyingCurrency(baseCurrency, rates, to: batchFlows, from: path)
        // --min-amount compares amounts: without --currency a stream has no rates, so one currency only.
        for index in 0 ..< flow.flowCount where filter.minimumAmount != nil && baseCurrency == nil && flow.hasAmount(index) {
          let code = flow.currencyCode(of: index)
          if currency == nil { currency = code }
          if currency != code {
            throw InputError(
              .currency, file: reader.file,
              message: "flow \(row + index) is in \(code), earlier flows in \(currency ?? ""); --min-amount needs one currency on a stream, or --currency and --rates")
          }
        }
        if temporal {
          do {
            try temporalWatcher.add(flow, row: row) { chain in
              reported += 1
              Console.out(line(chain))
            }
          } catch let late as TemporalCycleWatcher.LateFlow {
            throw lateError(late, file: reader.file, line: reader.lastLines.indices.contains(late.row - row) ? reader.lastLines[late.row - row] : 0)
          } catch let failure as CurrencyConversion.Failure {
            throw InputError(.currency, file: path, message: failure.description)
          }
        } else {
          let cycles = try Loading.converting(path) { () throws(CurrencyConversion.Failure) in try watcher.add(flow, row: row) }
          for cycle in cycles {
            reported += 1
            Console.out(line(cycle))
          }
        }
      }
      try reader.rethrow()
      if showProgress, now() - lastProgress >= 0.5 {
        lastProgress = now()
        Console.errorInline("\r\(flowsRead) flows read, \(reported) cycles reported   ")
      }
    }
    if showProgress { Progress.finish() }
    let seconds = max(now() - started, 1e-9)
    let rate = Int((Double(flowsRead) / seconds).rounded())
    var summary = StatsReport.count(flowsRead, "flow", "flows") + " read, " + StatsReport.count(reported, "cycle", "cycles")
      + " reported, \(rate) flows/s"
    if temporal, temporalWatcher.undatedSkipped > 0 {
      summary += ", " + StatsReport.count(temporalWatcher.undatedSkipped, "undated flow", "undated flows") + " left out"
    }
    Console.error(summary)
    guard let reason = stop.reason, !atEnd else { return 0 }
    Console.error("moneyflow: \(reason): stopped reading after \(flowsRead) flows; the output is truncated")
    return Interruption.status(reason)
  }

  /// Waits until `fd` has input (or its end), polling `stop` every 100 ms;
  /// false once `stop` says to stop.
  static func waitForInput(_ fd: Int32, _ stop: StopSignal) -> Bool {
    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while !stop.isStopped {
      if poll(&poller, 1, 100) != 0 { return true }  // readable, at its end, or an error read() reports
    }
    return false
  }

  /// One output line: the cycle as a compact JSON object and a newline.
  static func line(_ cycle: WatchedCycle) -> String {
    let closedBy: JSONValue = cycle.closedByRow ? .rawNumber(cycle.closedBy) : .string(cycle.closedBy)
    let object = JSONValue.object([
      ("companies", .array(cycle.companies.map(JSONValue.string))), ("closed_by", closedBy),
      ("length", .int(cycle.length)),
    ])
    return object.rendered(pretty: false) + "\n"
  }

  /// One output line for a time-respecting chain.
  static func line(_ chain: WatchedChain) -> String {
    let object = JSONValue.object([
      ("companies", .array(chain.companies.map(JSONValue.string))), ("closed_by", json(chain.closedBy)),
      ("length", .int(chain.length)), ("flows", .array(chain.flows.map(json))),
      ("span_seconds", .int(Int(chain.spanSeconds))), ("span_days", .int(Int(chain.spanDays))),
    ])
    return object.rendered(pretty: false) + "\n"
  }

  static func json(_ reference: FlowReference) -> JSONValue {
    switch reference {
    case .id(let id): .string(id)
    case .row(let row): .int(row)
    }
  }

  /// A duration option in seconds: `--window`, `--allow-late` (``FlowDuration``).
  static func duration(_ arguments: ParsedArguments, _ name: String) throws(UsageError) -> Int64? {
    try arguments.duration(name)?.seconds
  }

  /// A time in seconds as the error shows it.
  static func timeText(_ seconds: Int64) -> String {
    let day = TemporalCycleWatcher.day(seconds)
    let date = FlowDate(day: Int32(clamping: day), precision: .day).description
    let second = Int(seconds - day * FlowDuration.secondsPerDay)
    guard second != 0 else { return date }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return date + "T" + two(second / 3600) + ":" + two(second / 60 % 60) + ":" + two(second % 60) + "Z"
  }

  /// The error for a flow read out of time order.
  static func lateError(_ late: TemporalCycleWatcher.LateFlow, file: String, line: Int) -> InputError {
    InputError(
      .invalidValue, file: file, line: line, field: "date",
      message: "flow \(late.row) is dated \(timeText(late.time)), before \(timeText(late.latest)) read earlier: "
        + "watch --temporal reads flows in time order; --allow-late DURATION accepts flows up to that late")
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
