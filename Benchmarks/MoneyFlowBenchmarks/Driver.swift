import Foundation
import MoneyFlow

/// Runs every selected phase on every workload, each in a fresh child
/// process of this executable with a timeout, and collects the results.
struct Driver {
  var options: Options

  /// The workloads: families × sizes, then AMLSim.
  var workloads: [Workload] {
    var list: [Workload] = []
    for size in options.sizes {
      for family in options.families {
        list.append(Workload.generated(
          family: family, nodes: size.nodes, edges: size.edges, seed: options.seed,
          dataDirectory: options.dataDirectory))
      }
    }
    if options.amlsim {
      list.append(Workload(
        family: "amlsim", nodes: 20_000, edges: 117_805, seed: 0,
        csvPath: (options.dataDirectory as NSString).appendingPathComponent("amlsim-20k-cycle200.csv")))
    }
    return list
  }

  var phases: [any BenchmarkPhase] {
    guard let names = options.phases else { return Registry.phases }
    return Registry.phases.filter { names.contains($0.name) }
  }

  /// Writes the CSV files of the workloads (cached in the data directory).
  func prepareFiles() throws {
    try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
    for workload in workloads {
      if let time = try workload.prepareFile() {
        log(String(format: "wrote %@ (%.1f MB) in %.2f s", workload.csvPath, Double(workload.fileBytes) / 1e6, time))
      }
    }
  }

  func run(report: (PhaseResult) -> Void) throws -> [PhaseResult] {
    try prepareFiles()
    var results: [PhaseResult] = []
    for workload in workloads {
      for phase in phases where phase.applies(to: workload) && !(options.quick && phase.isSlow(on: workload)) {
        var result: PhaseResult
        if let reason = phase.notWiredReason {
          result = PhaseResult(phase: phase, workload: workload, status: "not wired")
          result.note = reason
        } else {
          result = runChild(phase, workload: workload)
        }
        result.csvBytes = workload.fileBytes
        report(result)
        results.append(result)
      }
    }
    return results
  }

  /// Runs `phase` on `workload` in a child process; the timeout starts once
  /// the child has built its input (it touches `<result>.ready`).
  func runChild(_ phase: any BenchmarkPhase, workload: Workload) -> PhaseResult {
    let resultPath = NSTemporaryDirectory() + "moneyflow-bench-\(getpid())-\(phase.name).json"
    let readyPath = resultPath + ".ready"
    try? FileManager.default.removeItem(atPath: resultPath)
    try? FileManager.default.removeItem(atPath: readyPath)
    defer {
      try? FileManager.default.removeItem(atPath: resultPath)
      try? FileManager.default.removeItem(atPath: readyPath)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = [
      "--child", phase.name, "--result", resultPath, "--child-family", workload.family,
      "--child-nodes", String(workload.nodes), "--child-edges", String(workload.edges),
      "--child-cycles", String(workload.plantedCycles), "--child-csv", workload.csvPath,
      "--seed", String(workload.seed), "--repetitions", String(options.repetitions),
      "--budget", String(options.budget),
    ]
    process.standardOutput = FileHandle.standardError
    var failure = PhaseResult(phase: phase, workload: workload, status: "failed")
    do {
      try process.run()
    } catch {
      failure.note = "could not start the child process: \(error)"
      return failure
    }
    let started = Date()
    var measuring: Date?
    // Building the input is not timed; it gets its own generous limit.
    let setupLimit = max(600, 10 * options.timeout)
    while process.isRunning {
      usleep(20_000)
      if measuring == nil, FileManager.default.fileExists(atPath: readyPath) { measuring = Date() }
      let overSetup = measuring == nil && Date().timeIntervalSince(started) > setupLimit
      let overTimeout = measuring.map { Date().timeIntervalSince($0) > options.timeout } ?? false
      if overSetup || overTimeout {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var timeout = PhaseResult(phase: phase, workload: workload, status: "timeout")
        timeout.note = overSetup
          ? "input not built within \(Int(setupLimit)) s"
          : "killed after \(Int(options.timeout)) s (timeout)"
        return timeout
      }
    }
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      failure.note = "child exited with status \(process.terminationStatus)"
      return failure
    }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: resultPath))
      return try JSONDecoder().decode(PhaseResult.self, from: data)
    } catch {
      failure.note = "unreadable child result: \(error)"
      return failure
    }
  }
}

/// The child's job: build the input, signal readiness, measure, write JSON.
func runChildPhase(name: String, resultPath: String, workload: Workload, options: Options) throws {
  guard let phase = Registry.phase(named: name) else { throw BenchError("unknown phase \(name)") }
  let result = try runPhaseInChild(phase, workload: workload, options: options, readyPath: resultPath + ".ready")
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  try encoder.encode(result).write(to: URL(fileURLWithPath: resultPath))
}

private func runPhaseInChild(
  _ phase: some BenchmarkPhase, workload: Workload, options: Options, readyPath: String
) throws -> PhaseResult {
  let baseline = ResidentMemory.current()
  let input = try phase.prepare(workload)
  let afterSetup = ResidentMemory.current()
  _ = FileManager.default.createFile(atPath: readyPath, contents: nil)
  let reset = ResidentMemory.resetPeak()
  let outcome = try phase.measure(
    input, workload: workload, repetitions: options.repetitions, budget: options.budget)
  let afterPhase = ResidentMemory.current()
  blackHole(input)
  var result = PhaseResult(phase: phase, workload: workload, status: "ok")
  result.record(outcome)
  if let baseline, let afterSetup, let afterPhase {
    result.memory = MemoryFigures(
      baseline: baseline.resident, afterSetup: afterSetup.resident,
      peakDuringPhase: afterPhase.peak, afterPhase: afterPhase.resident, peakWasReset: reset)
  }
  return result
}

/// Progress and diagnostics go to standard error.
func log(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Data go to standard output, unbuffered so rows appear as phases finish.
func output(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
