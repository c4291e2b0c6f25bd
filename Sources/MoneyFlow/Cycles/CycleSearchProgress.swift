import Synchronization

/// How far a long cycle search has come, reported through an optional
/// callback.
///
/// Companies of components that have a cycle are *settled* one by one: when
/// the search has enumerated the cycles starting at them, or found that none
/// can. A component is done when all its companies are settled.
public struct CycleSearchProgress: Sendable, Hashable {
  /// Cycles found so far.
  public var cyclesFound: Int
  /// Components with a cycle whose search is finished.
  public var componentsDone: Int
  /// Components with a cycle.
  public var componentsTotal: Int
  /// Companies of those components that are settled.
  public var companiesDone: Int
  /// Companies in those components.
  public var companiesTotal: Int

  public init(cyclesFound: Int, componentsDone: Int, componentsTotal: Int, companiesDone: Int, companiesTotal: Int) {
    self.cyclesFound = cyclesFound
    self.componentsDone = componentsDone
    self.componentsTotal = componentsTotal
    self.companiesDone = companiesDone
    self.companiesTotal = companiesTotal
  }
}

/// Collects progress from the workers of a search and calls the user's
/// callback at most about every `interval`, plus once at the end.
///
/// Calls are serialized: the callback never runs on two threads at once.
final class ProgressReporter: Sendable {
  private struct State {
    var progress: CycleSearchProgress
    /// Companies not yet settled, per component number (-1: no cycle).
    var remaining: [Int32]
    var lastReport: ContinuousClock.Instant
  }

  private let callback: @Sendable (CycleSearchProgress) -> Void
  private let interval: Duration
  private let state: Mutex<State>

  /// Prepares a reporter for the cyclic components of `components`.
  init(
    components: StronglyConnectedComponents, interval: Duration = .milliseconds(200),
    callback: @escaping @Sendable (CycleSearchProgress) -> Void
  ) {
    var remaining = [Int32](repeating: -1, count: components.count)
    var companies = 0
    var cyclic = 0
    for c in 0 ..< components.count where components.hasCycle(component: c) {
      remaining[c] = Int32(components.size(ofComponent: c))
      companies += components.size(ofComponent: c)
      cyclic += 1
    }
    let progress = CycleSearchProgress(
      cyclesFound: 0, componentsDone: 0, componentsTotal: cyclic, companiesDone: 0, companiesTotal: companies)
    self.callback = callback
    self.interval = interval
    self.state = Mutex(State(progress: progress, remaining: remaining, lastReport: .now))
  }

  /// Records `cycles` more cycles found and `companies` more companies of
  /// `component` settled; reports if the interval has passed.
  func add(cycles: Int, settled companies: Int = 0, inComponent component: Int = -1) {
    state.withLock { state in
      state.progress.cyclesFound += cycles
      if companies > 0, component >= 0, state.remaining[component] > 0 {
        state.progress.companiesDone += companies
        state.remaining[component] -= Int32(companies)
        if state.remaining[component] <= 0 { state.progress.componentsDone += 1 }
      }
      let now = ContinuousClock.now
      guard now - state.lastReport >= interval else { return }
      state.lastReport = now
      callback(state.progress)
    }
  }

  /// Reports the final state.
  func finish(cyclesFound: Int) {
    state.withLock { state in
      state.progress.cyclesFound = cyclesFound
      state.progress.companiesDone = state.progress.companiesTotal
      state.progress.componentsDone = state.progress.componentsTotal
      callback(state.progress)
    }
  }
}
