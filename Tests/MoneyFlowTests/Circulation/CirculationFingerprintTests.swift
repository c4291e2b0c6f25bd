import Synchronization
import Testing
@testable import MoneyFlow

/// The circulation's answer, flow by flow and cycle by cycle, is the same as
/// that of the solver and decomposition before issue 18's speed-ups: the
/// fingerprints below were recorded with that code (commit 34f2411) on seeded
/// generated graphs, so any change of the chosen optimum or of the
/// decomposition shows here.
@Suite struct CirculationFingerprintTests {
  /// FNV-1a over the circular units of every flow, then the decomposition's
  /// count, total length and its 20 largest cycles (units and flows).
  static func fingerprint(_ graph: FlowGraph) throws -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ value: Int64) {
      var v = UInt64(bitPattern: value)
      for _ in 0 ..< 8 {
        hash = (hash ^ (v & 0xff)) &* 0x100_0000_01b3
        v >>= 8
      }
    }
    let circulation = try graph.maximumCirculation()
    for units in circulation.circularUnits { mix(units) }
    let decomposition = circulation.cycleDecomposition(in: graph, limit: 20)
    mix(Int64(decomposition.count))
    mix(Int64(decomposition.totalLength))
    for cycle in decomposition.cycles {
      mix(cycle.units)
      for flow in cycle.flows { mix(Int64(flow)) }
    }
    return hash
  }

  static let recorded: [(family: GraphGenerator.Family, nodes: Int, edges: Int, seed: UInt64, hash: UInt64)] = [
    (.random, 200, 2000, 1, 0xc4447226a2cf960a),
    (.random, 200, 2000, 2, 0x25aa6b14266a5f39),
    (.random, 200, 2000, 3, 0x1a0e5ffbf33a50d),
    (.random, 1000, 10000, 1, 0x7ea3be8e88554091),
    (.random, 1000, 10000, 2, 0xcfe07a2c1f59ec46),
    (.random, 1000, 10000, 3, 0x1705eecc7daa3887),
    (.powerlaw, 1000, 10000, 1, 0x2c4ccd2bfb53ee34),
    (.powerlaw, 1000, 10000, 2, 0x7e79a29cb4e54ee9),
    (.powerlaw, 1000, 10000, 3, 0x75d796e239167dbf),
    (.random, 3000, 12000, 1, 0x885cf17db4d06caa),
    (.random, 3000, 12000, 2, 0x8573ba62b62f3a5f),
    (.random, 3000, 12000, 3, 0x7afe4a75dcbd597e),
    (.random, 50, 400, 1, 0xc57bcc0e9dd58b43),
    (.random, 50, 400, 2, 0x14c487edd2eb542f),
    (.random, 50, 400, 3, 0x7de7f28753d5954a),
    (.powerlaw, 300, 3000, 1, 0xcf299195c2a4b92d),
    (.powerlaw, 300, 3000, 2, 0x99e90ce6f97a5606),
    (.powerlaw, 300, 3000, 3, 0xd3ca90754c2586e4),
    (.random, 5000, 50000, 1, 0x911a1d17c50cae2c),
    (.random, 5000, 50000, 2, 0x6ec6e0e75c7a391c),
    (.random, 5000, 50000, 3, 0xab11083bdfd94026),
  ]

  @Test func sameAnswerAsBefore() throws {
    for entry in Self.recorded {
      let graph = try GraphGenerator(family: entry.family, nodes: entry.nodes, edges: entry.edges, seed: entry.seed)
        .makeGraph()
      let hash = try Self.fingerprint(graph)
      #expect(hash == entry.hash, "\(entry.family) \(entry.nodes)/\(entry.edges) seed \(entry.seed)")
    }
  }

  /// Progress reports change nothing, and both stages report.
  @Test func progressChangesNothing() throws {
    let graph = try GraphGenerator(family: .random, nodes: 1000, edges: 10000, seed: 2).makeGraph()
    let heard = Mutex<[CirculationProgress]>([])
    let report: @Sendable (CirculationProgress) -> Void = { progress in heard.withLock { $0.append(progress) } }
    let plain = try graph.maximumCirculation()
    let watched = try graph.maximumCirculation(progress: report)
    #expect(watched.circularUnits == plain.circularUnits)
    let decomposition = CirculationReport(graph: graph, circulation: watched, progress: report).decomposition
    #expect(decomposition == plain.cycleDecomposition(in: graph, limit: 100))
    let stages = heard.withLock { $0 }
    #expect(stages.contains { $0.stage == .solving && $0.refine >= 1 && $0.count <= $0.total })
    #expect(stages.last == CirculationProgress(stage: .decomposing, count: 1000, total: 1000))
  }
}
