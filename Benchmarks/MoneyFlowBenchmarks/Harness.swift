import Foundation

// The measuring core: a monotonic stopwatch, a black hole the optimizer
// cannot see through, and repetitions summarized as median and spread.

/// Keeps a value alive past the optimizer: results go here so the measured
/// work cannot be removed. Prints nothing (the sink is never equal to the
/// magic value in practice), after ordo-one/package-benchmark's `blackHole`.
@inline(never)
func blackHole<T>(_ value: T) {
  withUnsafePointer(to: value) { pointer in
    if UInt(bitPattern: pointer) == 1 { print("unreachable") }
  }
}

/// Seconds elapsed while running `body`, on the monotonic `ContinuousClock`.
func seconds<R>(_ body: () throws -> R) rethrows -> (seconds: Double, result: R) {
  let clock = ContinuousClock()
  var result: R?
  let duration = try clock.measure { result = try body() }
  let (whole, attoseconds) = duration.components
  // `result` is always set when `measure` returns without throwing.
  return (Double(whole) + Double(attoseconds) * 1e-18, result!)
}

/// CPU seconds this process has run so far (all threads). On a loaded
/// machine the CPU time of a single-threaded phase is what it would take on
/// a core of its own, give or take cache sharing; wall time also holds the
/// waits for a core.
func processCPUSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// Repetitions of one measurement: wall times in seconds.
struct Samples: Codable, Sendable {
  var seconds: [Double]

  var median: Double {
    let sorted = seconds.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
  var minimum: Double { seconds.min() ?? .nan }
  var maximum: Double { seconds.max() ?? .nan }
}

/// Runs `body` `repetitions` times on a fresh value from `setup` (untimed),
/// times only `body`, checks each result with `check` (a `precondition`) and
/// sends it to the black hole. Stops repeating early once `budget` seconds
/// of measured time are spent (at least one repetition always runs).
func measureRepetitions<Input, Output>(
  repetitions: Int, budget: Double = .infinity,
  setup: () throws -> Input, body: (inout Input) throws -> Output,
  check: (Output) -> Void
) rethrows -> Samples {
  var samples = Samples(seconds: [])
  var spent = 0.0
  for _ in 0 ..< max(1, repetitions) {
    var input = try setup()
    let (time, output) = try seconds { try body(&input) }
    check(output)
    blackHole(output)
    samples.seconds.append(time)
    spent += time
    if spent > budget { break }
  }
  return samples
}

/// Reads resident memory figures of this process from /proc/self/status.
enum ResidentMemory {
  /// `VmRSS` and `VmHWM` (peak) in bytes; nil where /proc is missing.
  static func current() -> (resident: Int, peak: Int)? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    func field(_ name: String) -> Int? {
      for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
        let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
        return Int(digits).map { $0 * 1_024 }
      }
      return nil
    }
    guard let resident = field("VmRSS"), let peak = field("VmHWM") else { return nil }
    return (resident, peak)
  }

  /// Resets the peak (`VmHWM`) to the current resident size by writing 5 to
  /// /proc/self/clear_refs (Linux 4.0 and later). Returns whether it worked.
  @discardableResult
  static func resetPeak() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: Data("5".utf8))
      return true
    } catch {
      return false
    }
  }
}

/// Processor time (user + system) this process has used, in seconds, over
/// all its threads: compared with wall time it shows how many threads ran
/// at once.
func processorSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
  return value(usage.ru_utime) + value(usage.ru_stime)
}

/// How many of `threads` trivially parallel busy loops ran at once right
/// now (processor time over wall time): close to `threads` on an idle
/// machine, lower when other processes hold the cores. Calibrates the
/// busy threads of a parallel phase.
func availableParallelism(threads: Int = 2, seconds: Double = 0.3) -> Double {
  let before = processorSeconds()
  let start = ContinuousClock.now
  let iterations = Int(seconds * 2e8)
  DispatchQueue.concurrentPerform(iterations: threads) { index in
    var state = UInt64(index + 1)
    for _ in 0 ..< iterations { state = state &* 6_364_136_223_846_793_005 &+ 1 }
    blackHole(state)
  }
  let wall = (ContinuousClock.now - start) / .seconds(1)
  return (processorSeconds() - before) / max(wall, 1e-9)
}
