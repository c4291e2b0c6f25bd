import Foundation
import MoneyFlow

/// One measured subject (a file of its own), registered in ``Registry``.
///
/// The driver runs each phase of each workload in a fresh child process:
/// ``prepare(_:)`` builds the input outside the timed region, the peak
/// resident size is reset, then ``measure(_:repetitions:budget:)`` times the
/// work, and the child reports times, counts and memory as JSON. A phase
/// that runs past the timeout is killed and reported as "timeout".
protocol BenchmarkPhase: Sendable {
  associatedtype Input
  /// A short name used on the command line and in results: `scc`.
  var name: String { get }
  /// What is measured, for the table: `strongly connected components`.
  var title: String { get }
  /// Whether the library API this phase measures is on main. A phase that
  /// is not wired is listed with this note and no figures.
  var notWiredReason: String? { get }
  /// Whether the phase applies to the workload.
  func applies(to workload: Workload) -> Bool
  /// Whether the phase takes more than a few seconds on this workload even
  /// at its smallest; `--quick` leaves it out.
  func isSlow(on workload: Workload) -> Bool
  /// Builds the input, untimed.
  func prepare(_ workload: Workload) throws -> Input
  /// Times the work on `input`.
  func measure(_ input: Input, workload: Workload, repetitions: Int, budget: Double) throws -> PhaseOutcome
}

extension BenchmarkPhase {
  var notWiredReason: String? { nil }
  func applies(to workload: Workload) -> Bool { workload.family != "amlsim" }
  func isSlow(on workload: Workload) -> Bool { false }
}

extension BenchmarkPhase where Input == FlowGraph {
  /// The workload's graph, loaded from its CSV file.
  func prepare(_ workload: Workload) throws -> FlowGraph { try workload.loadGraph() }
}

extension BenchmarkPhase where Input == ParsedFlows {
  /// The workload's flows, drawn and formatted but not yet in a builder.
  func prepare(_ workload: Workload) throws -> ParsedFlows { try ParsedFlows(workload) }
}

/// What a phase reports besides its times.
struct PhaseOutcome: Sendable {
  var samples: Samples
  /// Throughputs: `MB/s`, `flows/s`, `cycles/s`.
  var metrics: [String: Double] = [:]
  /// Result sizes checked by the phase: `cycles`, `components`.
  var counts: [String: Int] = [:]
  var note: String?
}

/// Resident memory of the child around a phase, in bytes.
struct MemoryFigures: Codable, Sendable {
  /// Resident size when the child started, before the input was built.
  var baseline: Int
  /// Resident size once the input was built (the peak is reset here).
  var afterSetup: Int
  /// Peak resident size during the measured repetitions.
  var peakDuringPhase: Int
  /// Resident size after the repetitions.
  var afterPhase: Int
  /// Whether the peak could be reset after setup (/proc/self/clear_refs).
  var peakWasReset: Bool
}

/// One line of the results.
struct PhaseResult: Codable, Sendable {
  var phase: String
  var title: String
  var family: String
  var nodes: Int
  var edges: Int
  var seed: UInt64
  /// `ok`, `timeout`, `not wired`, `failed`.
  var status: String
  var repetitions: Int = 0
  var seconds: [Double] = []
  var median: Double?
  var minimum: Double?
  var maximum: Double?
  var metrics: [String: Double] = [:]
  var counts: [String: Int] = [:]
  var memory: MemoryFigures?
  var note: String?
  var csvBytes: Int?

  init(phase: any BenchmarkPhase, workload: Workload, status: String) {
    self.phase = phase.name
    self.title = phase.title
    self.family = workload.family
    self.nodes = workload.nodes
    self.edges = workload.edges
    self.seed = workload.seed
    self.status = status
  }

  mutating func record(_ outcome: PhaseOutcome) {
    seconds = outcome.samples.seconds
    repetitions = seconds.count
    median = outcome.samples.median
    minimum = outcome.samples.minimum
    maximum = outcome.samples.maximum
    metrics = outcome.metrics
    counts = outcome.counts
    note = outcome.note
  }
}

/// Megabytes (10^6 bytes) per second.
func megabytesPerSecond(_ bytes: Int, _ seconds: Double) -> Double { Double(bytes) / 1e6 / seconds }
