@testable import MoneyFlow

/// Large graphs laid out directly in `FlowGraph`'s arrays (the builder's
/// string handling is slow in debug builds).
enum LargeGraphs {
  /// Companies `1000000`, `1000001`, ... (equal length, so byte order is
  /// numeric order) and one undisclosed loan from each to the next; with
  /// `ring`, the last pays the first.
  static func chain(_ n: Int, ring: Bool) -> FlowGraph {
    let flows = ring ? n : n - 1
    var graph = FlowGraph()
    graph.companyIDs = (0 ..< n).map { String(1_000_000 + $0) }
    graph.documentOrder = (0 ..< Int32(n)).map { $0 }
    graph.payerIndex = (0 ..< Int32(flows)).map { $0 }
    graph.payeeIndex = (0 ..< Int32(flows)).map { ($0 + 1) % Int32(n) }
    graph.kindCode = [UInt8](repeating: FlowKind.loan.rawValue, count: flows)
    graph.amountSignificand = [Int64](repeating: 0, count: flows)
    graph.amountExponent = [Int8](repeating: FlowGraph.undisclosed, count: flows)
    graph.currencyIndex = [UInt16](repeating: 0, count: flows)
    graph.dayNumber = [Int32](repeating: FlowGraph.undatedDay, count: flows)
    graph.dateForm = [UInt8](repeating: 0, count: flows)
    (graph.outStart, graph.outFlows) = FlowGraphBuilder.adjacency(
      rows: graph.payerIndex, columns: graph.payeeIndex, days: graph.dayNumber, count: n)
    (graph.inStart, graph.inFlows) = FlowGraphBuilder.adjacency(
      rows: graph.payeeIndex, columns: graph.payerIndex, days: graph.dayNumber, count: n)
    return graph
  }
}
