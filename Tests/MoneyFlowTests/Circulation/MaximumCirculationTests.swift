import Testing
@testable import MoneyFlow

@Suite struct MaximumCirculationTests {
  /// A graph in USD from `(from, to, amount)` triples; a nil amount is undisclosed.
  static func graph(_ flows: [(String, String, String?)], kind: FlowKind = .investment) -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for (from, to, amount) in flows {
      builder.addFlow(Flow(from: from, to: to, kind: kind, amount: amount.flatMap { try? Amount.parse($0).get() }))
    }
    return builder.build()
  }

  static func circular(_ circulation: MaximumCirculation, _ graph: FlowGraph) -> [Double] {
    (0 ..< graph.flowCount).map { circulation.circularAmounts[$0] }
  }

  // MARK: - Known answers

  @Test func ringCirculatesItsSmallestAmount() throws {
    let g = Self.graph([("a", "b", "5"), ("b", "c", "3"), ("c", "a", "7")])
    let c = try g.maximumCirculation()
    #expect(c.circular == 9)
    #expect(c.gross == 15)
    #expect(c.ratio == 9.0 / 15)
    #expect(Self.circular(c, g) == [3, 3, 3])
    #expect(c.rounding == .exact(exponent: 0))
  }

  @Test func acyclicGraphCirculatesNothing() throws {
    let g = Self.graph([("a", "b", "5"), ("b", "c", "3"), ("a", "c", "7"), ("c", "d", "1bn")])
    let c = try g.maximumCirculation()
    #expect(c.circular == 0)
    #expect(c.circularFlowCount == 0)
    #expect(c.cycleDecomposition(in: g).cycles.isEmpty)
    #expect(c.gross == 1_000_000_015)
  }

  @Test func selfFlowCirculatesItsWholeAmount() throws {
    let g = Self.graph([("a", "a", "38bn"), ("a", "b", "1")])
    let c = try g.maximumCirculation()
    #expect(Self.circular(c, g) == [38e9, 0])
    let cycles = c.cycleDecomposition(in: g).cycles
    #expect(cycles.map(\.flows) == [[0]])
    #expect(cycles.first?.amount == 38e9)
  }

  /// Two rings share the flow a → b (5): ring 1 is a → b → a (4 back),
  /// ring 2 is a → b → c → a (4, 4). They share its capacity; the maximum
  /// gives ring 2 its 4 and ring 1 the 1 left: 2·1 + 3·4 = 14.
  @Test func ringsSharingAFlowShareItsCapacity() throws {
    let g = Self.graph([("a", "b", "5"), ("b", "a", "4"), ("b", "c", "4"), ("c", "a", "4")])
    let c = try g.maximumCirculation()
    #expect(c.circular == 14)
    #expect(Self.circular(c, g) == [5, 1, 4, 4])
  }

  /// Cancelling the cycle with the largest bottleneck first (a ⇄ b, 10)
  /// saturates a → b and leaves 20; the maximum keeps 1 on a ⇄ b and runs 9
  /// round a → b → c → d → a: 2 + 36 = 38.
  @Test func greedyCycleCancellingFallsShort() throws {
    let g = Self.graph([("a", "b", "10"), ("b", "a", "10"), ("b", "c", "9"), ("c", "d", "9"), ("d", "a", "9")])
    let c = try g.maximumCirculation()
    #expect(c.circular == 38)
    #expect(Self.circular(c, g) == [10, 1, 9, 9, 9])
    let cycles = c.cycleDecomposition(in: g).cycles
    #expect(cycles.map(\.amount) == [9, 1])
    #expect(cycles.first?.companies.map(\.rawValue) == [0, 1, 2, 3])
  }

  @Test func parallelFlowsAddUp() throws {
    let g = Self.graph([("a", "b", "2"), ("a", "b", "3"), ("b", "a", "4")])
    let c = try g.maximumCirculation()
    #expect(c.circular == 8)
  }

  @Test func amountsThatDifferByAMillion() throws {
    // A 1 USD flow closes a ring of 1 mn USD flows; a 1 mn ring beside it.
    let g = Self.graph([
      ("a", "b", "1000000"), ("b", "c", "1000000"), ("c", "a", "1"),
      ("b", "a", "1000000"), ("c", "b", "0.000001"),
    ])
    let c = try g.maximumCirculation()
    #expect(c.rounding == .exact(exponent: -6))
    #expect(c.circularUnits == [1_000_000_000_000, 1_000_001, 1_000_000, 999_999_000_000, 1])
    #expect(c.circular == 2_000_001.000002)
  }

  // MARK: - Selection

  @Test func undisclosedFlowsAreLeftOutAndCounted() throws {
    let g = Self.graph([("a", "b", "5"), ("b", "a", nil), ("b", "c", "5"), ("c", "a", "5")])
    let c = try g.maximumCirculation()
    #expect(c.undisclosedExcluded == 1)
    #expect(c.flowCount == 3)
    #expect(c.circular == 15)
    // A minimum amount makes the selection drop it first; still counted once.
    let d = try g.maximumCirculation(filter: FlowFilter(minimumAmount: 1))
    #expect(d.undisclosedExcluded == 1)
    #expect(d.circular == 15)
  }

  @Test func filtersApply() throws {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.addFlow(Flow(from: "a", to: "b", kind: .investment, amount: Amount(significand: 5), date: FlowDate(parsing: "2020")))
    builder.addFlow(Flow(from: "b", to: "a", kind: .equityStake, amount: Amount(significand: 5), date: FlowDate(parsing: "2021")))
    builder.addFlow(Flow(from: "b", to: "a", kind: .purchase, amount: Amount(significand: 2), date: FlowDate(parsing: "2024")))
    builder.addFlow(Flow(from: "b", to: "a", kind: .loan, amount: Amount(significand: 3)))
    let g = builder.build()
    #expect(try g.maximumCirculation().circular == 10)
    #expect(try g.maximumCirculation(filter: FlowFilter(kinds: .all)).circular == 10)
    let since = try g.maximumCirculation(filter: FlowFilter(since: FlowDate(parsing: "2019")))
    #expect(since.circular == 4)
    #expect(since.undatedExcluded == 1)
    #expect(try g.maximumCirculation(filter: FlowFilter(minimumAmount: 3)).circular == 6)
    #expect(try g.maximumCirculation(filter: FlowFilter(until: FlowDate(parsing: "2023"))).circular == 0)
  }

  @Test func severalCurrenciesAreRoundedDownInPowersOfTwo() throws {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.rates = [("JPY", Amount(significand: 66, exponent: -4))]
    builder.addFlow(Flow(from: "a", to: "b", kind: .investment, amount: Amount(significand: 13, exponent: 9), currency: "USD"))
    builder.addFlow(Flow(from: "b", to: "a", kind: .purchase, amount: Amount(significand: 1, exponent: 12), currency: "JPY"))
    let g = builder.build()
    let c = try g.maximumCirculation()
    guard case .roundedDown(let unit) = c.rounding else {
      Issue.record("expected rounding, got \(c.rounding)")
      return
    }
    #expect(unit.significand == 1)  // a power of two
    let jpy = 1e12 * 0.0066
    #expect(c.circularAmounts[1] <= jpy && c.circularAmounts[1] > jpy - unit)
    #expect(c.circularAmounts[0] == c.circularAmounts[1])
    #expect(c.currency == "USD")
  }

  @Test func missingRateLeavesTheFlowOut() throws {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.addFlow(Flow(from: "a", to: "b", kind: .investment, amount: Amount(significand: 1), currency: "EUR"))
    builder.addFlow(Flow(from: "b", to: "a", kind: .investment, amount: Amount(significand: 3), currency: "USD"))
    let c = try builder.build().maximumCirculation()
    #expect(c.isIncluded == [false, true] && c.undisclosedExcluded == 1 && c.circular == 0 && c.gross == 3)
  }

  @Test func companyTotals() throws {
    let g = Self.graph([("a", "b", "10"), ("b", "a", "4"), ("b", "c", "7")])
    let c = try g.maximumCirculation()
    #expect(c.companies == [
      CompanyCirculation(company: CompanyID(0), moneyOut: 10, moneyIn: 4, circular: 4, net: -6),
      CompanyCirculation(company: CompanyID(1), moneyOut: 11, moneyIn: 10, circular: 4, net: -1),
      CompanyCirculation(company: CompanyID(2), moneyOut: 0, moneyIn: 7, circular: 0, net: 7),
    ])
  }

  // MARK: - Exactness on random graphs

  @Test(arguments: 0 ..< 300 as Range<UInt64>)
  func solverIsFeasibleAndOptimal(seed: UInt64) throws {
    let network = CirculationChecks.randomNetwork(seed: seed)
    // Odd seeds overstate the longest cycle: several scaling phases.
    let solution = CirculationChecks.solve(network, longestCycle: seed % 2 == 0 ? nil : 5_000)
    #expect(CirculationChecks.isFeasible(solution.flow, in: network), "\(network)")
    #expect(CirculationChecks.negativeCycle(solution.flow, in: network) == nil, "\(network)")
    #expect(CirculationChecks.pricesCertify(solution, in: network), "\(network)")
    let expected = try #require(CirculationChecks.valueByCycleCancelling(network))
    #expect(solution.flow.reduce(0, +) == expected, "\(network)")
  }

  @Test(arguments: 0 ..< 200 as Range<UInt64>)
  func solverMatchesEnumeration(seed: UInt64) {
    let network = CirculationChecks.randomNetwork(seed: 10_000 + seed, maxNodes: 4, maxArcs: 7, tinyCapacities: true)
    let solution = CirculationChecks.solve(network, longestCycle: seed % 2 == 0 ? nil : 300)
    #expect(CirculationChecks.isFeasible(solution.flow, in: network), "\(network)")
    #expect(solution.flow.reduce(0, +) == CirculationChecks.valueByEnumeration(network), "\(network)")
  }

  /// The graph API (per component, through amounts) gives the same maximum
  /// as the solver on the whole network, and a feasible optimal circulation.
  @Test(arguments: 0 ..< 200 as Range<UInt64>)
  func graphCirculationIsOptimal(seed: UInt64) throws {
    let network = CirculationChecks.randomNetwork(seed: 20_000 + seed, maxNodes: 8, maxArcs: 16)
    let g = CirculationChecks.graph(network)
    let c = try g.maximumCirculation()
    #expect(c.circularUnits.count == network.capacities.count)
    #expect(CirculationChecks.isFeasible(c.circularUnits, in: network), "\(network)")
    #expect(CirculationChecks.negativeCycle(c.circularUnits, in: network) == nil, "\(network)")
    #expect(c.circularUnits.reduce(0, +) == CirculationChecks.solve(network).flow.reduce(0, +))
    #expect(c.circular == Double(c.circularUnits.reduce(0, +)))
    #expect(c.circular <= c.gross)
    for company in c.companies {
      #expect(company.net == company.moneyIn - company.moneyOut)
    }
  }

  // MARK: - Scale

  /// 100,000 flows: twenty random blocks of 500 companies and 5,000 flows
  /// each (amounts 1 to 10^9), the blocks joined in a ring. The result must be
  /// feasible and certified optimal by the solver's prices.
  @Test func hundredThousandFlows() {
    var random = TestRandom(seed: 42)
    let (blocks, blockSize) = (20, 500)
    var network = CirculationChecks.Network(nodeCount: blocks * blockSize, tails: [], heads: [], capacities: [])
    for block in 0 ..< blocks {
      for _ in 0 ..< 5_000 {
        network.tails.append(Int32(block * blockSize + random.int(0 ... blockSize - 1)))
        network.heads.append(Int32(block * blockSize + random.int(0 ... blockSize - 1)))
        var capacity = Int64(random.int(1 ... 999))
        for _ in 0 ..< random.int(0 ... 6) { capacity *= 10 }
        network.capacities.append(capacity)
      }
      network.tails.append(Int32(block * blockSize))
      network.heads.append(Int32((block + 1) % blocks * blockSize))
      network.capacities.append(1_000_000)
    }
    let solution = CirculationChecks.solve(network)
    #expect(CirculationChecks.isFeasible(solution.flow, in: network))
    #expect(CirculationChecks.pricesCertify(solution, in: network))
    #expect(solution.flow.reduce(0, +) > 0)
  }

  /// A ring through 100,000 companies: contracted, never sent to the solver.
  @Test func longRing() throws {
    let n = 100_000
    var builder = FlowGraphBuilder()
    builder.reserveCapacity(flows: n + 1)
    let ids = (0 ..< n).map { builder.intern("c\($0)") }
    for i in 0 ..< n {
      builder.addFlow(
        payer: ids[i], payee: ids[(i + 1) % n], kind: .investment,
        amount: Amount(significand: Int64(1 + (i * 7919) % n)), currency: 0, date: nil)
    }
    let g = builder.build()
    let c = try g.maximumCirculation()
    #expect(c.circular == Double(n))
    #expect(c.circularUnits.allSatisfy { $0 == 1 })
    #expect(c.cycleDecomposition(in: g).cycles.map(\.flows.count) == [n])
  }
}
