#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MoneyFlow

/// Progress of long searches on standard error, only when it is a terminal.
enum Progress {
  /// A progress callback for cycle searches, or nil when stderr is not a terminal.
  static func cycleReporter(noun: String) -> (@Sendable (CycleSearchProgress) -> Void)? {
    guard Console.errorIsTerminal else { return nil }
    return { progress in
      let share = progress.companiesTotal > 0 ? 100 * progress.companiesDone / progress.companiesTotal : 100
      Console.errorInline("\r\(progress.cyclesFound) \(noun) found, components \(progress.componentsDone)/\(progress.componentsTotal) (\(share)%)   ")
    }
  }

  /// Clears the progress line.
  static func finish() {
    if Console.errorIsTerminal { Console.errorInline("\r\u{1B}[K") }
  }

  /// The number of processor cores online.
  static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
