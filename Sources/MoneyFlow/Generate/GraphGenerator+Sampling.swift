extension GraphGenerator {
  /// One generated flow: company numbers, kind, amount in cents, day.
  public struct GeneratedFlow: Hashable, Sendable {
    /// The payer's company number (its id is ``GraphGenerator/companyID(_:)``).
    public var payer: Int32
    /// The payee's company number.
    public var payee: Int32
    public var kind: FlowKind
    /// The amount in US cents.
    public var cents: Int64
    /// The date as days since 1970-01-01.
    public var day: Int32
  }

  /// Calls `body` with every flow in output order, drawing them one at a
  /// time (nothing is kept).
  ///
  /// - Complexity: O(`edges`) draws (O(log `nodes`) each for the powerlaw
  ///   family), after O(`nodes`) setup for the powerlaw and planted families.
  public func forEachFlow(_ body: (GeneratedFlow) throws -> Void) rethrows {
    var sampler = FlowSampler(self)
    for _ in 0 ..< edges { try body(sampler.next()) }
  }

  /// The first day a generated date may take: 2015-01-01.
  public static let firstDay: Int32 = 16_436
  /// The number of days a generated date spreads over: 2015-01-01 ... 2024-12-31.
  public static let daySpan = 3_653
}

/// Draws the flows of a ``GraphGenerator`` one by one, in output order.
///
/// Three independent ``SplitMix64`` streams derive from the seed: one for the
/// setup (permutations, block positions), one for the structure (who pays
/// whom) and one for the attributes (kind, amount, date), so the attributes
/// of a seed do not depend on the family.
struct FlowSampler {
  let generator: GraphGenerator
  var setupRandom: SplitMix64
  var structureRandom: SplitMix64
  var attributeRandom: SplitMix64
  /// The number of flows drawn so far.
  var index = 0

  /// The cover order: the *i*-th of the first `coverCount` flows (of the
  /// acyclic part, for the planted family) touches company (or free rank)
  /// `(coverStep × i + coverOffset) mod coverCount`, a bijection as
  /// gcd(coverStep, coverCount) = 1. `coverCount` is `nodes`, less the
  /// ranks of planted blocks, which their cycles already touch.
  var coverCount = 0
  var coverStep = 1
  var coverOffset = 0

  // Powerlaw family: rank → company, and cumulative weights by rank.
  var payerByRank: [Int32] = []
  var payeeByRank: [Int32] = []
  var cumulativeWeight: [Double] = []

  // Planted family: rank → company, blocks of ranks holding cycles.
  var companyByRank: [Int32] = []
  var blockStart: [Int] = []
  var segmentLength = 1
  var cycleFlowsDrawn = 0
  var acyclicFlowsDrawn = 0
  var nextCycleSlot = Int.max
  var cycleDay: Int32 = 0
  var cycleCents: Int64 = 0

  init(_ generator: GraphGenerator) {
    self.generator = generator
    setupRandom = SplitMix64(seed: generator.seed ^ 0x243F_6A88_85A3_08D3)
    structureRandom = SplitMix64(seed: generator.seed)
    attributeRandom = SplitMix64(seed: generator.seed ^ 0x6A09_E667_F3BC_C909)
    let n = generator.nodes
    coverCount = n - generator.plantedCycles * generator.cycleLength
    if coverCount >= 2 {
      repeat {
        coverStep = 1 + setupRandom.next(below: coverCount - 1)
      } while FlowSampler.greatestCommonDivisor(coverStep, coverCount) != 1
      coverOffset = setupRandom.next(below: coverCount)
    }
    switch generator.family {
    case .random:
      break
    case .powerlaw:
      payerByRank = FlowSampler.permutation(n, using: &setupRandom)
      payeeByRank = FlowSampler.permutation(n, using: &setupRandom)
      cumulativeWeight.reserveCapacity(n)
      var total = 0.0
      for rank in 0 ..< n {
        // (rank + 1)^(-3/4) with correctly rounded operations only.
        let root = Double(rank + 1).squareRoot()
        total += 1 / (root * root.squareRoot())
        cumulativeWeight.append(total)
      }
    case .planted:
      companyByRank = FlowSampler.permutation(n, using: &setupRandom)
      let k = generator.plantedCycles
      let length = generator.cycleLength
      if k > 0 {
        segmentLength = n / k
        blockStart = (0 ..< k).map { block in
          block * segmentLength + setupRandom.next(below: segmentLength - length + 1)
        }
        nextCycleSlot = 0
      }
    }
  }

  /// Draws the next flow.
  ///
  /// - Precondition: fewer than `generator.edges` flows drawn so far.
  mutating func next() -> GraphGenerator.GeneratedFlow {
    defer { index += 1 }
    switch generator.family {
    case .random: return nextRandom()
    case .powerlaw: return nextPowerlaw()
    case .planted:
      if index == nextCycleSlot { return nextCycleFlow() }
      return nextAcyclic()
    }
  }

  // MARK: Families

  private mutating func nextRandom() -> GraphGenerator.GeneratedFlow {
    let n = generator.nodes
    var payer: Int
    var payee: Int
    if index < coverCount {
      let cover = coverCompany(index)
      let other = structureRandom.next(below: n - 1)
      let distinct = other >= cover ? other + 1 : other
      if structureRandom.next() & 1 == 0 { (payer, payee) = (cover, distinct) } else { (payer, payee) = (distinct, cover) }
    } else {
      payer = structureRandom.next(below: n)
      payee = structureRandom.next(below: n - 1)
      if payee >= payer { payee += 1 }
    }
    return withAttributes(payer: payer, payee: payee)
  }

  private mutating func nextPowerlaw() -> GraphGenerator.GeneratedFlow {
    var payer: Int
    var payee: Int
    if index < coverCount {
      let cover = coverCompany(index)
      if structureRandom.next() & 1 == 0 {
        payer = cover
        repeat { payee = Int(payeeByRank[drawRank()]) } while payee == payer
      } else {
        payee = cover
        repeat { payer = Int(payerByRank[drawRank()]) } while payer == payee
      }
    } else {
      payer = Int(payerByRank[drawRank()])
      repeat { payee = Int(payeeByRank[drawRank()]) } while payee == payer
    }
    return withAttributes(payer: payer, payee: payee)
  }

  /// A flow of the acyclic part: from the lower to the higher of two ranks
  /// that do not lie in the same planted block.
  private mutating func nextAcyclic() -> GraphGenerator.GeneratedFlow {
    let n = generator.nodes
    let first =
      acyclicFlowsDrawn < coverCount
      ? freeRank(coverCompany(acyclicFlowsDrawn)) : structureRandom.next(below: n)
    acyclicFlowsDrawn += 1
    var second: Int
    if let block = block(ofRank: first) {
      let start = blockStart[block]
      second = structureRandom.next(below: n - generator.cycleLength)
      if second >= start { second += generator.cycleLength }
    } else {
      second = structureRandom.next(below: n - 1)
      if second >= first { second += 1 }
    }
    let (low, high) = first < second ? (first, second) : (second, first)
    return withAttributes(payer: Int(companyByRank[low]), payee: Int(companyByRank[high]))
  }

  /// The next flow of the planted cycles: block by block, each block's
  /// chain in order, then its closing flow, dated 1 to 3 days apart. Amounts
  /// shrink by up to 5 % a hop, as fees taken along a laundering chain.
  private mutating func nextCycleFlow() -> GraphGenerator.GeneratedFlow {
    let length = generator.cycleLength
    let block = cycleFlowsDrawn / length
    let step = cycleFlowsDrawn % length
    if step == 0 {
      let latestStart = GraphGenerator.daySpan - 1 - generator.plantedCycleMaximumSpan
      cycleDay = GraphGenerator.firstDay + Int32(attributeRandom.next(below: max(1, latestStart + 1)))
      cycleCents = drawCents(scale: 500_000)
    } else {
      cycleDay += Int32(1 + attributeRandom.next(below: 3))
      cycleCents = max(1, cycleCents * Int64(1_000 - attributeRandom.next(below: 50)) / 1_000)
    }
    let start = blockStart[block]
    let payer = Int(companyByRank[start + step])
    let payee = Int(companyByRank[start + (step + 1) % length])
    let kind = drawKind()
    cycleFlowsDrawn += 1
    let total = generator.plantedCycles * length
    if cycleFlowsDrawn < total {
      nextCycleSlot = Int(Int64(cycleFlowsDrawn) * Int64(generator.edges) / Int64(total))
    } else {
      nextCycleSlot = Int.max
    }
    return GraphGenerator.GeneratedFlow(
      payer: Int32(payer), payee: Int32(payee), kind: kind, cents: cycleCents, day: cycleDay)
  }

  // MARK: Helpers

  /// The planted block holding `rank`, if any.
  private func block(ofRank rank: Int) -> Int? {
    guard !blockStart.isEmpty else { return nil }
    let block = min(rank / segmentLength, blockStart.count - 1)
    let start = blockStart[block]
    return rank >= start && rank < start + generator.cycleLength ? block : nil
  }

  private func coverCompany(_ i: Int) -> Int {
    Int((UInt64(coverStep) &* UInt64(i) &+ UInt64(coverOffset)) % UInt64(coverCount))
  }

  /// The `i`-th rank outside every planted block: `i` plus the lengths of
  /// the blocks before it, found by binary search (block `b` has
  /// `blockStart[b] − b × cycleLength` free ranks before it).
  private func freeRank(_ i: Int) -> Int {
    let length = generator.cycleLength
    var low = 0
    var high = blockStart.count
    while low < high {
      let mid = (low + high) >> 1
      if blockStart[mid] - mid * length <= i { low = mid + 1 } else { high = mid }
    }
    return i + low * length
  }

  /// A rank drawn with probability proportional to its weight: binary search
  /// of the cumulative weights.
  private mutating func drawRank() -> Int {
    let total = cumulativeWeight[cumulativeWeight.count - 1]
    let target = structureRandom.nextUnitInterval() * total
    var low = 0
    var high = cumulativeWeight.count - 1
    while low < high {
      let mid = (low + high) >> 1
      if cumulativeWeight[mid] > target { high = mid } else { low = mid + 1 }
    }
    return low
  }

  private mutating func withAttributes(payer: Int, payee: Int) -> GraphGenerator.GeneratedFlow {
    let kind = drawKind()
    var cents = drawCents(scale: FlowSampler.scaleCents[Int(kind.rawValue)])
    if attributeRandom.next(below: 5) == 0 { cents = FlowSampler.roundedToTwoFigures(cents) }
    let day = GraphGenerator.firstDay + Int32(attributeRandom.next(below: GraphGenerator.daySpan))
    return GraphGenerator.GeneratedFlow(
      payer: Int32(payer), payee: Int32(payee), kind: kind, cents: cents, day: day)
  }

  /// Kinds by cumulative share in thousandths.
  private static let kindThresholds: [(limit: Int, kind: FlowKind)] = [
    (500, .purchase), (650, .other), (750, .loan), (830, .investment), (890, .revenueShare),
    (940, .cloudCommitment), (980, .grant), (1_000, .acquisition),
  ]

  /// Pareto scale in cents by kind raw value (money-moving kinds only).
  private static let scaleCents: [Int64] = [
    200_000,  // investment
    100_000,  // cloud commitment
    10_000,  // revenue share
    2_000,  // purchase
    50_000,  // loan
    2_000_000,  // acquisition
    20_000,  // grant
    2_000,  // other
  ]

  /// The largest amount written: 99,999,999,999.99.
  private static let maximumCents: Int64 = 9_999_999_999_999

  private mutating func drawKind() -> FlowKind {
    let draw = attributeRandom.next(below: 1_000)
    for (limit, kind) in FlowSampler.kindThresholds where draw < limit { return kind }
    return .other
  }

  /// Pareto of index 1 with scale `scale`: `scale × 2^53 / u`, u uniform in 1 ... 2^53.
  private mutating func drawCents(scale: Int64) -> Int64 {
    let u = Double((attributeRandom.next() >> 11) + 1)
    let value = Double(scale) * 0x1p53 / u
    return value >= Double(FlowSampler.maximumCents) ? FlowSampler.maximumCents : Int64(value)
  }

  /// Rounds whole units to two significant figures: 123456.78 → 120000.00.
  static func roundedToTwoFigures(_ cents: Int64) -> Int64 {
    var units = cents / 100
    guard units >= 100 else { return cents }
    var scale: Int64 = 1
    while units >= 100 {
      units /= 10
      scale *= 10
    }
    return units * scale * 100
  }

  static func permutation(_ n: Int, using random: inout SplitMix64) -> [Int32] {
    var order = (0 ..< n).map { Int32($0) }
    var i = n - 1
    while i > 0 {
      order.swapAt(i, random.next(below: i + 1))
      i -= 1
    }
    return order
  }

  static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}
