import Synchronization

/// Asks a long computation to stop early: at a deadline (`--time-limit`), or
/// when someone calls ``stop(_:)`` (a signal handler, a caller's own cancel).
///
/// Searches poll ``reason`` between start companies and every few thousand
/// cycles; a stopped search returns what it found so far, marked truncated,
/// with a ``SearchInterruption`` saying where it stopped. One signal may be
/// shared by several computations and threads; it is stopped once and stays
/// stopped.
public final class StopSignal: Sendable {
  /// Why a computation was asked to stop.
  public enum Reason: Sendable, Hashable, CustomStringConvertible {
    /// The time limit passed.
    case timeLimit(Duration)
    /// A signal arrived (its number, such as `SIGINT`'s 2).
    case signal(Int32)
    /// ``StopSignal/stop(_:)`` was called for another reason.
    case cancelled

    public var description: String {
      switch self {
      case .timeLimit(let limit): "time limit of \(StopSignal.seconds(limit)) s reached"
      case .signal(2): "interrupted (SIGINT)"
      case .signal(15): "terminated (SIGTERM)"
      case .signal(let number): "stopped by signal \(number)"
      case .cancelled: "cancelled"
      }
    }
  }

  /// 0: running; -1: time limit; -2: cancelled; > 0: that signal.
  private let state = Atomic<Int32>(0)
  /// When the time limit passes; nil for none.
  public let deadline: ContinuousClock.Instant?
  /// The time limit given; nil for none.
  public let timeLimit: Duration?

  /// A signal that stops at `timeLimit` from now (nil: only when told).
  public init(timeLimit: Duration? = nil) {
    self.timeLimit = timeLimit
    self.deadline = timeLimit.map { ContinuousClock.now + $0 }
  }

  /// Asks the computations to stop; the first reason given is kept.
  public func stop(_ reason: Reason) {
    let code: Int32 =
      switch reason {
      case .timeLimit: -1
      case .cancelled: -2
      case .signal(let number): max(1, number)
      }
    _ = state.compareExchange(expected: 0, desired: code, ordering: .relaxed)
  }

  /// Why the computations should stop, or nil to go on. Reads the clock
  /// when there is a deadline.
  ///
  /// - Complexity: O(1).
  public var reason: Reason? {
    var code = state.load(ordering: .relaxed)
    if code == 0, let deadline, ContinuousClock.now >= deadline {
      stop(.timeLimit(timeLimit ?? .zero))
      code = state.load(ordering: .relaxed)
    }
    switch code {
    case 0: return nil
    case -1: return .timeLimit(timeLimit ?? .zero)
    case -2: return .cancelled
    default: return .signal(code)
    }
  }

  /// Whether the computations should stop.
  public var isStopped: Bool { reason != nil }

  /// `limit` in seconds, without a needless fraction (`5`, `0.25`).
  static func seconds(_ limit: Duration) -> String {
    let (whole, atto) = limit.components
    if atto == 0 { return String(whole) }
    return String(Double(whole) + Double(atto) / 1e18)
  }
}

/// Where a stopped search stopped.
public struct SearchInterruption: Sendable, Hashable, CustomStringConvertible {
  /// Why it stopped.
  public var reason: StopSignal.Reason
  /// Start companies (of components with a cycle) whose search finished.
  public var companiesSettled: Int
  /// Start companies in components with a cycle.
  public var companiesTotal: Int
  /// The first start company not searched to the end, on one thread (the
  /// search resumes there in lexicographic order); nil with several threads
  /// or when not known.
  public var nextStart: CompanyID?

  public init(reason: StopSignal.Reason, companiesSettled: Int, companiesTotal: Int, nextStart: CompanyID? = nil) {
    self.reason = reason
    self.companiesSettled = companiesSettled
    self.companiesTotal = companiesTotal
    self.nextStart = nextStart
  }

  /// Such as `time limit of 5 s reached: 12 of 40 start companies searched`
  /// (``nextStart`` is an index; callers name it with their graph).
  public var description: String {
    "\(reason): \(companiesSettled) of \(companiesTotal) start companies searched"
  }
}
