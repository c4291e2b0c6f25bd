#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import MoneyFlow
import Synchronization

/// `--time-limit` and SIGINT/SIGTERM.
///
/// Commands that can stop cleanly (cycles, circulation, watch) make a ``StopSignal``
/// with ``begin(timeLimit:)``: a signal then stops the search, which returns
/// what it has, marked truncated. In every other command a signal removes the
/// temporary files of `-o` writes in progress (``AtomicFile``), so the previous
/// output stays intact, and ends the process with status 128 + the signal's
/// number. A second signal always ends the process that way.
enum Interruption {
  static let timeLimit = OptionSpec(
    name: "time-limit", value: "SECONDS",
    help: "Stop after this many seconds (e.g. 60 or 0.5) and print what was found,\nmarked truncated; SIGINT (Ctrl-C) and SIGTERM stop the same way.")

  private static let current = Current()
  /// The signal sources, kept alive; written once, at start, on the main thread.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// The commands that stop cleanly (and take `--time-limit`).
  static let stoppable: Set<String> = ["cycles", "circulation", "watch"]

  /// Installs the SIGINT and SIGTERM handlers; call once at start. With
  /// `stoppable` (the command is one of ``stoppable``), a signal from now on
  /// stops the command's search, even one that arrives before it starts.
  static func install(stoppable: Bool) {
    if stoppable { current.set(StopSignal()) }
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { received(number) }
      source.resume()
      sources.append(source)
    }
  }

  /// A stop signal for a command that stops cleanly, with the time limit
  /// (seconds) if given; signals from now on stop it.
  static func begin(timeLimit seconds: Double?) -> StopSignal {
    let stop = StopSignal(timeLimit: seconds.map { Duration.nanoseconds(Int64(($0 * 1e9).rounded())) })
    current.replace(with: stop)
    return stop
  }

  /// For a run of a stoppable command that must not stop halfway (a shard):
  /// signals from now on end the process as in other commands. Returns nil.
  static func unstoppable() -> StopSignal? {
    current.clear()
    return nil
  }

  /// Says on standard error where a stopped search stopped and returns the
  /// exit status: 0 after the time limit, 128 + the signal's number after a
  /// signal, 0 when it was not stopped.
  static func finish(_ interruption: SearchInterruption?, graph: FlowGraph) -> Int32 {
    guard let interruption else { return 0 }
    var message = "moneyflow: \(interruption)"
    if let start = interruption.nextStart { message += ", stopped at start company \(graph.id(of: start))" }
    Console.error(message + "; the output is truncated")
    return status(interruption.reason)
  }

  /// The exit status for a stop `reason`.
  static func status(_ reason: StopSignal.Reason) -> Int32 {
    if case .signal(let number) = reason { return 128 + number }
    return 0
  }

  private static func received(_ number: Int32) {
    if current.stopIfRunning(.signal(number)) { return }
    AtomicFile.removeTemporaries()
    _exit(128 + number)
  }

  /// The stop signal of the running command, replaced under a lock so that
  /// no signal is lost in between.
  private final class Current: Sendable {
    private let stop = Mutex<StopSignal?>(nil)
    func set(_ value: StopSignal) { stop.withLock { $0 = value } }
    func clear() { stop.withLock { $0 = nil } }
    /// Puts `value` in place, passing on a signal the previous one received.
    func replace(with value: StopSignal) {
      stop.withLock {
        if case .signal(let number)? = $0?.reason { value.stop(.signal(number)) }
        $0 = value
      }
    }
    /// Stops the current signal if there is one not yet stopped; false otherwise.
    func stopIfRunning(_ reason: StopSignal.Reason) -> Bool {
      stop.withLock {
        guard let stop = $0, !stop.isStopped else { return false }
        stop.stop(reason)
        return true
      }
    }
  }
}

extension ParsedArguments {
  /// `--time-limit SECONDS`: a positive number of seconds, or nil.
  func seconds(_ name: String) throws(UsageError) -> Double? {
    guard let text = string(name) else { return nil }
    guard let value = Double(text), value > 0, value <= 1e9 else {
      throw UsageError.message("The value '\(text)' is invalid for '--\(name) <seconds>': expected a positive number of seconds")
    }
    return value
  }
}
