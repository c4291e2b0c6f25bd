/// How much circular flow passes through one company.
public struct CompanyExposure: Sendable, Hashable {
  public var company: CompanyID
  /// How many counted cycles pass through the company.
  public var cycles: Int
  /// How many of them have an unknown circulating amount.
  public var cyclesWithUnknownAmount: Int
  /// The sum of the known circulating amounts of those cycles, in the base
  /// currency; nil when none of them has a known amount.
  public var circulating: Double?

  public init(company: CompanyID, cycles: Int, cyclesWithUnknownAmount: Int, circulating: Double?) {
    self.company = company
    self.cycles = cycles
    self.cyclesWithUnknownAmount = cyclesWithUnknownAmount
    self.circulating = circulating
  }

  /// Whether `a` is listed before `b`: larger known circulating amount first
  /// (unknown last), then more cycles, then the company whose id sorts first.
  static func listedBefore(_ a: CompanyExposure, _ b: CompanyExposure) -> Bool {
    switch (a.circulating, b.circulating) {
    case let (x?, y?) where x != y: return x > y
    case (.some, nil): return true
    case (nil, .some): return false
    default: break
    }
    if a.cycles != b.cycles { return a.cycles > b.cycles }
    return a.company < b.company
  }
}

/// Adds up, per company, the cycles through it and their circulating
/// amounts.
///
/// Amounts are summed exactly in 128-bit fixed point (units of 2⁻¹⁶ of the
/// base currency), so the totals do not depend on the order cycles are found
/// in: several threads give the same sums, bit for bit, as one.
struct ExposureAccumulator: Sendable {
  /// Fixed-point scale: units per currency unit.
  static let scale: Double = 65_536
  /// Largest magnitude summed exactly; larger amounts are clamped.
  static let limit: Double = 1e33

  private(set) var cycles: [Int]
  private(set) var unknown: [Int]
  private(set) var sum: [Int128]

  init(companyCount: Int) {
    cycles = [Int](repeating: 0, count: companyCount)
    unknown = [Int](repeating: 0, count: companyCount)
    sum = [Int128](repeating: 0, count: companyCount)
  }

  /// An accumulator holding the given per-company counts and fixed-point
  /// sums (all three of the same length), as read from a shard's partial.
  init(cycles: [Int], unknown: [Int], sum: [Int128]) {
    self.cycles = cycles
    self.unknown = unknown
    self.sum = sum
  }

  /// Adds one cycle through `nodes` with circulating amount `amount` (NaN
  /// when unknown).
  ///
  /// - Complexity: O(*length*).
  mutating func add(nodes: UnsafeBufferPointer<Int32>, amount: Double) {
    if amount.isNaN {
      for v in nodes {
        cycles[Int(v)] += 1
        unknown[Int(v)] += 1
      }
      return
    }
    let fixed = ExposureAccumulator.fixedPoint(amount)
    for v in nodes {
      cycles[Int(v)] += 1
      sum[Int(v)] &+= fixed
    }
  }

  /// `amount` in fixed point, rounded to the nearest unit.
  static func fixedPoint(_ amount: Double) -> Int128 {
    let x = (min(max(amount, 0), limit) * scale).rounded()
    if x < 0x1p62 { return Int128(Int64(x)) }
    // Split at 2⁶⁴ with 64-bit conversions (the generic one is slow); both
    // parts are exact, as x is a whole number.
    let high = (x / 0x1p64).rounded(.down)
    let low = x - high * 0x1p64
    return Int128(Int64(high)) << 64 | Int128(UInt64(low))
  }

  /// Adds another accumulator's counts.
  mutating func merge(_ other: ExposureAccumulator) {
    for v in cycles.indices where other.cycles[v] != 0 {
      cycles[v] += other.cycles[v]
      unknown[v] += other.unknown[v]
      sum[v] &+= other.sum[v]
    }
  }

  /// The companies with at least one cycle, listed by
  /// ``CompanyExposure/listedBefore(_:_:)``; the first `limit` (0: all).
  ///
  /// - Complexity: O(*V* + *m* log *m*) for *m* companies on cycles.
  func listed(limit: Int) -> [CompanyExposure] {
    var list: [CompanyExposure] = []
    for v in cycles.indices where cycles[v] > 0 {
      let known = cycles[v] - unknown[v]
      list.append(
        CompanyExposure(
          company: CompanyID(v), cycles: cycles[v], cyclesWithUnknownAmount: unknown[v],
          circulating: known > 0 ? Double(sum[v]) / ExposureAccumulator.scale : nil))
    }
    if limit > 0, list.count > limit {
      list = ExposureAccumulator.first(limit, of: list)
    } else {
      list.sort(by: CompanyExposure.listedBefore)
    }
    return list
  }

  /// The first `k` entries of `list` in listing order, without sorting all:
  /// a bounded max-heap whose root is the last entry kept.
  ///
  /// - Complexity: O(*m* log *k*).
  private static func first(_ k: Int, of list: [CompanyExposure]) -> [CompanyExposure] {
    var heap: [CompanyExposure] = []
    heap.reserveCapacity(k)
    func after(_ i: Int, _ j: Int) -> Bool { CompanyExposure.listedBefore(heap[j], heap[i]) }
    for entry in list {
      if heap.count < k {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0, after(child, (child - 1) / 2) {
          heap.swapAt(child, (child - 1) / 2)
          child = (child - 1) / 2
        }
      } else if CompanyExposure.listedBefore(entry, heap[0]) {
        heap[0] = entry
        var parent = 0
        while true {
          var last = parent
          for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && after(child, last) { last = child }
          if last == parent { break }
          heap.swapAt(parent, last)
          parent = last
        }
      }
    }
    return heap.sorted(by: CompanyExposure.listedBefore)
  }
}
