import MoneyFlow

/// Says on standard error that an answer is empty, and why.
enum EmptyAnswer {
  /// Writes `command: what: why`, where why is the filter that removed every
  /// flow (``EmptySelection``) or else `the N flows left form <shape>`.
  ///
  /// - Complexity: O(*E*).
  static func note(_ command: String, _ what: String, graph: FlowGraph, filter: FlowFilter, shape: String) {
    if let why = (try? EmptySelection.reason(graph: graph, filter: filter)) ?? nil {
      Console.error("\(command): \(what): \(why)")
      return
    }
    let left = (try? FlowSelection(graph: graph, filter: filter))?.count
    let flows = left.map { $0 == 1 ? "the 1 flow left forms" : "the \($0) flows left form" } ?? "the flows left form"
    Console.error("\(command): \(what): \(flows) \(shape)")
  }
}
