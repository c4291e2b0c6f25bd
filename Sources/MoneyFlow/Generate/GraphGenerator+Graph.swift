extension GraphGenerator {
  /// Builds the generated graph in memory, equal to what reading the CSV of
  /// ``write(to:)`` gives: the companies that take part in a flow (interned
  /// in order of first use, numbered in byte order of their ids) and the
  /// flows in output order, with exact amounts (cents, exponent −2),
  /// currency `USD` and day-precision dates.
  ///
  /// - Complexity: O(`nodes` + `edges`) draws and the cost of
  ///   ``FlowGraphBuilder/build()``.
  public func makeGraph() -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.reserveCapacity(flows: edges)
    var interned = [Int32](repeating: -1, count: nodes)
    let usd = builder.internCurrency("USD")
    func company(_ number: Int32) -> Int32 {
      if interned[Int(number)] < 0 { interned[Int(number)] = builder.intern(companyID(Int(number))) }
      return interned[Int(number)]
    }
    forEachFlow { flow in
      let payer = company(flow.payer)
      let payee = company(flow.payee)
      builder.addFlow(
        payer: payer, payee: payee, kind: flow.kind,
        amount: Amount(significand: flow.cents, exponent: -2), currency: usd,
        date: FlowDate(day: flow.day, precision: .day))
    }
    return builder.build()
  }
}
