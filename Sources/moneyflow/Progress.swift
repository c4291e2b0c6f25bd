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

  /// A progress callback for the maximum circulation, or nil when stderr is
  /// not a terminal.
  static func circulationReporter() -> (@Sendable (CirculationProgress) -> Void)? {
    guard Console.errorIsTerminal else { return nil }
    return { progress in
      switch progress.stage {
      case .solving:
        Console.errorInline("\rcirculation: refine \(progress.refine), \(progress.count) of \(progress.total) companies still moving money   ")
      case .decomposing:
        let share = progress.total > 0 ? 100 * progress.count / progress.total : 100
        Console.errorInline("\rcirculation: splitting into cycles, companies \(progress.count)/\(progress.total) (\(share)%)   ")
      }
    }
  }

  /// Clears the progress line.
  static func finish() {
    if Console.errorIsTerminal { Console.errorInline("\r\u{1B}[K") }
  }

  /// The number of processor cores online.
  static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
