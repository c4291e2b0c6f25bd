@testable import MoneyFlow

/// Small random multigraphs for checking analyses against brute force.
enum RandomFlowGraphs {
  /// Company ids whose byte order differs from their list order.
  static let idPool = ["zeta", "Alpha", "beta", "é", "a b", "01", "b", "Ω", "alpha", "Zz"]

  /// A random graph of 1...`maxCompanies` companies and up to `maxFlows`
  /// flows, with self-flows, parallel flows, mixed kinds, undisclosed
  /// amounts, partial and missing dates, and some flows in JPY (with a rate).
  /// With `timed`, dates also carry times of day (``RandomTimes/clustered(_:)``).
  static func make(seed: UInt64, maxCompanies: Int = 8, maxFlows: Int = 22, timed: Bool = false) -> FlowGraph {
    var random = TestRandom(seed: seed)
    let n = random.int(1 ... maxCompanies)
    var ids = idPool.shuffled(using: &random)
    ids.removeSubrange(n...)
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.rates = [(code: "JPY", rate: Amount(significand: 66, exponent: -4))]
    for id in ids { builder.addCompany(Company(id: id)) }
    let flows = random.int(0 ... maxFlows)
    let kinds: [FlowKind] = [.investment, .cloudCommitment, .revenueShare, .loan, .equityStake, .partnership]
    for _ in 0 ..< flows {
      let from = random.pick(ids)
      let to = random.chance(0.12) ? from : random.pick(ids)
      var amount: Amount? = nil
      var currency = ""
      if !random.chance(0.2) {
        amount = Amount(significand: Int64(random.int(1 ... 40)), exponent: Int8(random.int(6 ... 9)))
        currency = random.chance(0.15) ? "JPY" : "USD"
      }
      var date: FlowDate? = nil
      if timed {
        date = RandomTimes.clustered(&random)
      } else if !random.chance(0.15) {
        let precision = random.pick([FlowDate.Precision.year, .month, .day, .day])
        date = FlowDate(year: 2020 + random.int(0 ... 2), month: random.int(1 ... 2), day: random.int(1 ... 3), precision: precision)
        if precision == .year { date = FlowDate(year: 2020 + random.int(0 ... 2), precision: .year) }
        if precision == .month, let d = date {
          let c = d.components
          date = FlowDate(year: c.year, month: c.month, precision: .month)
        }
      }
      builder.addFlow(
        Flow(
          from: from, to: to, kind: random.pick(kinds), amount: amount, currency: currency, date: date,
          source: random.chance(0.3) ? "src\(random.int(1 ... 9)).txt" : nil))
    }
    return builder.build()
  }

  /// A random filter: kinds, sometimes a minimum amount and a date range.
  static func filter(seed: UInt64) -> FlowFilter {
    var random = TestRandom(seed: seed ^ 0x5EED)
    var filter = FlowFilter()
    switch random.int(0 ... 3) {
    case 0: filter.kinds = .all
    case 1: filter.kinds = FlowKindSet([.investment, .cloudCommitment, .equityStake])
    default: break
    }
    if random.chance(0.25) { filter.minimumAmount = Double(random.int(1 ... 20)) * 1e8 }
    if random.chance(0.2) { filter.since = FlowDate(year: 2020, month: 2, precision: .month) }
    if random.chance(0.2) { filter.until = FlowDate(year: 2021, precision: .year) }
    return filter
  }
}

extension TestRandom {
  /// A random element of `items`.
  mutating func pick<T>(_ items: [T]) -> T { items[int(0 ... items.count - 1)] }
}
