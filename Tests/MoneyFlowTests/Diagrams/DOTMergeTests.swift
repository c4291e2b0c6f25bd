import Testing
@testable import MoneyFlow

/// Merging parallel flows only where a payer–payee pair has more than a few (``DOTOptions/mergeAbove``).
@Suite struct DOTMergeTests {
  /// Edges drawn, by brute force: a pair of `c` drawn flows is one edge if `c > threshold`, else `c`.
  static func expectedEdges(_ graph: FlowGraph, threshold: Int?) -> Int {
    var pairs: [[Int32]: Int] = [:]
    for flow in 0 ..< graph.flowCount { pairs[[graph.payer(of: flow).rawValue, graph.payee(of: flow).rawValue], default: 0] += 1 }
    return pairs.values.reduce(0) { total, count in total + (threshold.map { count > $0 } ?? false ? 1 : count) }
  }

  @Test(arguments: 0 ..< 60)
  func aPairIsMergedExactlyWhenItHasMoreFlowsThanTheThreshold(seed: UInt64) throws {
    let graph = DOTTestGraphs.random(seed: seed, companies: 4, flows: Int(seed % 30))
    for threshold in [nil, 0, 1, 2, 3, 5] as [Int?] {
      let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(mergeAbove: threshold)))
      #expect(parsed.dataEdges.count == Self.expectedEdges(graph, threshold: threshold), "threshold \(threshold.map(String.init) ?? "none")")
    }
    // --merge-parallel merges every pair whatever the threshold.
    let merged = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(mergeParallel: true, mergeAbove: 7)))
    #expect(merged.dataEdges.count == Self.expectedEdges(graph, threshold: 1))
  }

  @Test func aMergedPairIsLabelledWithItsCountAndTheOthersStayApart() throws {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for day in 1 ... 4 { builder.addFlow(Flow(from: "a", to: "b", kind: .loan, amount: Amount(significand: Int64(day)), date: FlowDate(year: 2025, month: 1, day: day, precision: .day))) }
    for day in 1 ... 3 { builder.addFlow(Flow(from: "b", to: "a", kind: .loan, amount: Amount(significand: 1), date: FlowDate(year: 2025, month: 2, day: day, precision: .day))) }
    let text = try DOTWriter.text(graph: builder.build(), options: DOTOptions(mergeAbove: 3))
    let parsed = try ParsedDOT(text)
    #expect(parsed.dataEdges.count == 4)
    #expect(text.contains("4 flows: 10 USD"))
    #expect(!text.contains("3 flows"))
  }
}
