import Foundation
import MoneyFlow

/// One input of the ladder: a generated graph (family, size, seed) and the
/// CSV file it is written to, or the AMLSim data set.
struct Workload: Codable, Sendable {
  /// `random`, `powerlaw`, `planted` or `amlsim`.
  var family: String
  var nodes: Int
  var edges: Int
  var seed: UInt64
  /// Planted family: cycles planted and their length.
  var plantedCycles = 0
  var cycleLength = 4
  /// The CSV edge list (written by ``prepareFile()``).
  var csvPath: String

  /// The generator for a generated family; nil for AMLSim.
  var generator: GraphGenerator? {
    guard let family = GraphGenerator.Family(rawValue: family) else { return nil }
    return try? GraphGenerator(
      family: family, nodes: nodes, edges: edges, seed: seed, plantedCycles: plantedCycles,
      cycleLength: cycleLength)
  }

  /// Planted cycles for a size: one per 100 companies, at most 10,000, of length 4.
  static func generated(
    family: GraphGenerator.Family, nodes: Int, edges: Int, seed: UInt64, dataDirectory: String
  ) -> Workload {
    let planted = family == .planted ? min(10_000, max(1, nodes / 100)) : 0
    let name = "\(family.rawValue)-n\(nodes)-m\(edges)-s\(seed)\(planted > 0 ? "-k\(planted)x4" : "").csv"
    return Workload(
      family: family.rawValue, nodes: nodes, edges: edges, seed: seed, plantedCycles: planted,
      cycleLength: 4, csvPath: (dataDirectory as NSString).appendingPathComponent(name))
  }

  /// Writes the CSV file unless a complete one is there already (written
  /// to a temporary name and renamed, so a file present is complete).
  /// Returns the seconds spent writing, or nil if the file existed.
  @discardableResult
  func prepareFile() throws -> Double? {
    if FileManager.default.fileExists(atPath: csvPath) { return nil }
    if family == "amlsim" {
      let (time, _) = try seconds {
        let flows = try AMLSim.load(directory: AMLSim.defaultDirectory).flows
        try AMLSim.csv(flows).write(toFile: csvPath, atomically: true, encoding: .utf8)
      }
      return time
    }
    guard let generator else { throw BenchError("cannot generate \(family) with these parameters") }
    let temporary = csvPath + ".partial"
    let (time, _) = try seconds {
      guard let file = fopen(temporary, "wb") else { throw BenchError("cannot write \(temporary)") }
      var failed = false
      generator.writeCSV { chunk in
        if fwrite(chunk.baseAddress, 1, chunk.count, file) != chunk.count { failed = true }
      }
      if fclose(file) != 0 || failed { throw BenchError("writing \(temporary) failed") }
      try FileManager.default.moveItem(atPath: temporary, toPath: csvPath)
    }
    return time
  }

  /// The graph of this workload, as the phases see it: read from its CSV
  /// file with the library's reader (`CSVEdgeListReader`), as the CLI does.
  func loadGraph() throws -> FlowGraph {
    try prepareFile()
    return try CSVEdgeListReader(path: csvPath).read()
  }

  /// The file size in bytes, 0 if absent.
  var fileBytes: Int {
    ((try? FileManager.default.attributesOfItem(atPath: csvPath))?[.size] as? NSNumber)?.intValue ?? 0
  }
}

/// A failure of the benchmark driver itself.
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Where this package lives, from this file's path at build time:
/// Benchmarks/MoneyFlowBenchmarks/Workload.swift → the package root.
let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0 ..< 3 { url.deleteLastPathComponent() }
  return url.path
}()
