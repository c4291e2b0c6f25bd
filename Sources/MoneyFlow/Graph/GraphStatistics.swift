/// A summary of a graph: sizes, flows and totals by kind, the date range,
/// the largest flows and the biggest payers and payees.
public struct GraphStatistics: Sendable {
  /// Count and total of the flows of one kind.
  public struct KindSummary: Sendable, Equatable {
    public var kind: FlowKind
    public var flows: Int
    /// Flows of this kind without a known amount: undisclosed, or in a
    /// currency without a rate to the base currency.
    public var undisclosed: Int
    /// The sum of the disclosed amounts, in the base currency.
    public var total: Double
  }

  /// A company with the money it paid or received.
  public struct CompanyTotal: Sendable, Equatable {
    public var company: CompanyID
    public var total: Double
    public var flows: Int
  }

  public var companyCount: Int
  public var flowCount: Int
  public var baseCurrency: String
  public var byKind: [KindSummary]
  public var undisclosedFlows: Int
  /// Flows with an amount in a currency that has no rate to the base
  /// currency: their value is unknown, and no total counts them.
  public var unratedFlows = 0
  /// The currencies of ``unratedFlows``, in byte order.
  public var unratedCurrencies: [String] = []
  public var undatedFlows: Int
  public var earliest: FlowDate?
  public var latest: FlowDate?
  /// Flow indices with the largest amounts in the base currency, largest first.
  public var largestFlows: [Int]
  /// Companies that paid the most through money-moving flows, largest first.
  public var biggestPayers: [CompanyTotal]
  /// Companies that received the most through money-moving flows, largest first.
  public var biggestPayees: [CompanyTotal]
  /// Self-flows: flows from a company to itself.
  public var selfFlows: Int
  /// Flows with a laundering label (see ``FlowLabels``).
  public var labelledFlows = 0
  /// Labelled money-moving flows that lie on some cycle of money-moving flows.
  public var labelledOnCycle = 0

  /// Summarises `graph`, listing the `top` largest flows, payers and payees.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if amounts are in several
  ///   currencies and the document names no base currency.
  /// - Complexity: O(*V* log *V* + *E* log `top`).
  public init(graph: FlowGraph, top: Int = 10) throws(CurrencyConversion.Failure) {
    let conversion = try CurrencyConversion(graph: graph)
    companyCount = graph.companyCount
    flowCount = graph.flowCount
    baseCurrency = conversion.baseCurrency
    unratedFlows = conversion.unrated.reduce(0) { $0 + $1.flows }
    unratedCurrencies = conversion.unrated.map(\.code)
    var kinds = FlowKind.allCases.map { KindSummary(kind: $0, flows: 0, undisclosed: 0, total: 0) }
    var paid = [Double](repeating: 0, count: graph.companyCount)
    var paidCount = [Int](repeating: 0, count: graph.companyCount)
    var received = [Double](repeating: 0, count: graph.companyCount)
    var receivedCount = [Int](repeating: 0, count: graph.companyCount)
    var largest: [(value: Double, flow: Int)] = []
    undisclosedFlows = 0
    undatedFlows = 0
    selfFlows = 0
    earliest = nil
    latest = nil
    for flow in 0 ..< graph.flowCount {
      let kind = graph.kind(of: flow)
      kinds[Int(kind.rawValue)].flows += 1
      if graph.payerIndex[flow] == graph.payeeIndex[flow] { selfFlows += 1 }
      if let date = graph.date(of: flow) {
        if earliest.map({ date < $0 }) ?? true { earliest = date }
        if latest.map({ date > $0 }) ?? true { latest = date }
      } else {
        undatedFlows += 1
      }
      guard let value = conversion.value(of: flow, in: graph) else {
        if !graph.hasAmount(flow) { undisclosedFlows += 1 }
        kinds[Int(kind.rawValue)].undisclosed += 1
        continue
      }
      kinds[Int(kind.rawValue)].total += value
      if kind.movesMoney {
        let payer = Int(graph.payerIndex[flow]), payee = Int(graph.payeeIndex[flow])
        paid[payer] += value
        paidCount[payer] += 1
        received[payee] += value
        receivedCount[payee] += 1
      }
      // Keep the `top` largest: a small sorted buffer.
      if largest.count < top || value > (largest.last?.value ?? 0) {
        let position = largest.firstIndex { value > $0.value } ?? largest.count
        largest.insert((value, flow), at: position)
        if largest.count > top { largest.removeLast() }
      }
    }
    byKind = kinds.filter { $0.flows > 0 }
    largestFlows = largest.map(\.flow)
    func ranking(_ totals: [Double], _ counts: [Int]) -> [CompanyTotal] {
      (0 ..< totals.count).filter { counts[$0] > 0 }
        .sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        .prefix(top).map { CompanyTotal(company: CompanyID($0), total: totals[$0], flows: counts[$0]) }
    }
    biggestPayers = ranking(paid, paidCount)
    biggestPayees = ranking(received, receivedCount)
    let labels = FlowLabels(graph: graph)
    if !labels.isEmpty {
      labelledFlows = labels.count
      let cyclic = CyclicFlows(graph: graph)
      labelledOnCycle = (0 ..< graph.flowCount).reduce(0) { $0 + (labels.isLabelled[$1] && cyclic.contains(flow: $1) ? 1 : 0) }
    }
  }
}
