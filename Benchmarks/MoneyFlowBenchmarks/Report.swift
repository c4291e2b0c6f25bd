import Foundation

/// The whole run as written with `--format json` or `--output`.
struct Report: Codable {
  var machine: Machine
  var seed: UInt64
  var repetitions: Int
  var timeoutSeconds: Double
  var sizes: [String]
  var families: [String]
  /// The inputs, with the CSV files the peers read.
  var workloads: [Workload]
  var results: [PhaseResult]

  func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }
}

/// Human-readable figures.
enum Format {
  static func duration(_ seconds: Double?) -> String {
    guard let seconds, seconds.isFinite else { return "-" }
    if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.1f ms", seconds * 1e3) }
    return String(format: "%.2f s", seconds)
  }

  static func quantity(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e9 { return String(format: "%.2fG", value / 1e9) }
    if magnitude >= 1e6 { return String(format: "%.2fM", value / 1e6) }
    if magnitude >= 1e4 { return String(format: "%.1fk", value / 1e3) }
    if magnitude >= 100 { return String(format: "%.0f", value) }
    return String(format: "%.1f", value)
  }

  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return out
  }

  static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let count = text.count
    guard count < width else { return text }
    let space = String(repeating: " ", count: width - count)
    return right ? space + text : text + space
  }

  static let columns: [(title: String, width: Int, right: Bool)] = [
    ("phase", 26, false), ("family", 8, false), ("companies", 10, true), ("flows", 11, true),
    ("median", 10, true), ("min", 10, true), ("max", 10, true), ("n", 3, true),
    ("throughput", 30, false), ("result", 0, false),
  ]

  static var header: String {
    columns.map { pad($0.title, $0.width, right: $0.right) }.joined(separator: " ")
  }

  static func row(_ result: PhaseResult) -> String {
    var throughput = result.metrics.keys.sorted().map { "\(quantity(result.metrics[$0] ?? 0)) \($0)" }
      .joined(separator: ", ")
    var details = result.counts.keys.sorted().map { "\($0)=\(grouped(result.counts[$0] ?? 0))" }
    if let memory = result.memory, memory.peakWasReset {
      let extra = max(0, memory.peakDuringPhase - memory.afterSetup)
      details.append(String(format: "peak +%.1f MB", Double(extra) / 1e6))
    }
    if result.status != "ok" {
      throughput = result.status.uppercased()
    }
    if let note = result.note { details.append(note) }
    let cells = [
      result.phase, result.family, grouped(result.nodes), grouped(result.edges),
      duration(result.median), duration(result.minimum), duration(result.maximum),
      result.repetitions > 0 ? String(result.repetitions) : "-", throughput, details.joined(separator: "; "),
    ]
    return zip(columns, cells).map { pad($1, $0.width, right: $0.right) }.joined(separator: " ")
  }
}
