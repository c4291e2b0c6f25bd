import Dispatch
import Synchronization

/// Runs a body on several threads and hands out tasks to them.
///
/// The only place in the analyses that uses Dispatch and atomics: cycle
/// searches split their work into independent tasks (start companies), and
/// each worker thread takes the next task from a shared counter until none
/// is left. Results come back in worker order; callers merge them in a way
/// that does not depend on which worker ran which task.
enum ParallelWork {
  /// Calls `body(worker)` for `worker` in `0 ..< threads`, concurrently when
  /// `threads > 1`, and returns the results in worker order.
  static func run<Result: Sendable>(threads: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    if threads <= 1 { return [body(0)] }
    let slots = ResultSlots<Result>(count: threads)
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
      let result = body(worker)
      slots.store(result, at: worker)
    }
    return slots.results()
  }

  /// A shared counter handing out task numbers `0, 1, 2, ...` to workers.
  final class TaskCounter: Sendable {
    private let next = Atomic<Int>(0)
    init() {}
    /// The next task number; numbers past the last task mean "done".
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
  }

  private final class ResultSlots<Result: Sendable>: Sendable {
    private let slots: Mutex<[Result?]>
    init(count: Int) { slots = Mutex([Result?](repeating: nil, count: count)) }
    func store(_ result: Result, at index: Int) { slots.withLock { $0[index] = result } }
    func results() -> [Result] { slots.withLock { $0.compactMap { $0 } } }
  }
}
