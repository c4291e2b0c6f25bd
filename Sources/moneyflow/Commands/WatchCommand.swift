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
      Reads a CSV edge list (header first) line by line as it arrives, from a file or from
      standard input ('-', which may be a pipe that stays open), and writes one JSON object a
      line, flushed, for every cycle the new flow closes: "companies" (from the id that sorts
      first, as 'cycles' prints them), "closed_by" (the flow's id, or its 1-based row) and
      "length". The first flow in one direction between two companies closes every cycle of at
      most --max-length links through that link; later parallel flows close none. Over a whole
      stream the cycles reported are exactly those 'cycles --max-length N' finds, each once.
      Memory follows the graph (companies and distinct links). A summary goes to standard error
      at the end; progress too while it is a terminal. --time-limit, SIGINT and SIGTERM stop the
      reading: the cycles already written stand, and the summary says where it stopped.
      Not built yet: --temporal.
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .csv edge list to read; '-' reads standard input.")],
    options: [
      OptionSpec(name: "max-length", value: "N", help: "Report only cycles of at most N companies."),
      Interruption.timeLimit,
    ] + SharedOptions.filters + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let filter = try arguments.flowFilter()
    let maxLength = try arguments.int("max-length", minimum: 1)
    let (baseCurrency, rates) = try arguments.currencyOptions()
    let stop = Interruption.begin(timeLimit: try arguments.seconds("time-limit"))
    let path = arguments.file
    let fd = path == "-" ? 0 : open(path, O_RDONLY)
    guard fd >= 0 else {
      throw InputError(.unreadable, file: path, message: "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { if fd != 0 { close(fd) } }
    var reader = FlowLineReader(file: path == "-" ? "<stdin>" : path)
    var watcher = CycleWatcher(maxLength: maxLength, filter: filter)
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
        let cycles = try Loading.converting(path) { () throws(CurrencyConversion.Failure) in try watcher.add(flow, row: row) }
        for cycle in cycles {
          reported += 1
          Console.out(line(cycle))
        }
      }
      if showProgress, now() - lastProgress >= 0.5 {
        lastProgress = now()
        Console.errorInline("\r\(watcher.flowsRead) flows read, \(reported) cycles reported   ")
      }
    }
    if showProgress { Progress.finish() }
    let seconds = max(now() - started, 1e-9)
    let rate = Int((Double(watcher.flowsRead) / seconds).rounded())
    Console.error("\(watcher.flowsRead) flows read, \(reported) cycles reported, \(rate) flows/s")
    guard let reason = stop.reason, !atEnd else { return 0 }
    Console.error("moneyflow: \(reason): stopped reading after \(watcher.flowsRead) flows; the output is truncated")
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

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
