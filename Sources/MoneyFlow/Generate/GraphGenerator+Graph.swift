extension GraphGenerator {
  /// Builds the generated graph in memory, equal to what reading the CSV of
  /// ``write(to:)`` gives: the companies that take part in a flow, numbered
  /// in byte order of their ids, and the flows in output order, with exact
  /// amounts (cents, exponent −2), currency `USD` and day-precision dates.
  ///
  /// Draws the flows twice (once to find the companies that take part, once
  /// to add them), so it holds no more than the graph itself.
  ///
  /// - Complexity: O(`nodes` + `edges`) draws and the cost of
  ///   ``FlowGraphBuilder/build()``.
  public func makeGraph() -> FlowGraph {
    var used = [Bool](repeating: false, count: nodes)
    forEachFlow { flow in
      used[Int(flow.payer)] = true
      used[Int(flow.payee)] = true
    }
    var builder = FlowGraphBuilder()
    builder.reserveCapacity(flows: edges)
    // Fixed-width ids: numeric order is byte order, so interning in number
    // order makes arrival order equal the final order.
    var interned = [Int32](repeating: -1, count: nodes)
    for number in 0 ..< nodes where used[number] {
      interned[number] = builder.intern(companyID(number))
    }
    let usd = builder.internCurrency("USD")
    forEachFlow { flow in
      builder.addFlow(
        payer: interned[Int(flow.payer)], payee: interned[Int(flow.payee)], kind: flow.kind,
        amount: Amount(significand: flow.cents, exponent: -2), currency: usd,
        date: FlowDate(day: flow.day, precision: .day))
    }
    return builder.build()
  }
}
