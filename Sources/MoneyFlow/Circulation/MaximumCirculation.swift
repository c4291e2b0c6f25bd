/// How much of the money in a graph goes round in circles: the maximum
/// circulation of its flows.
///
/// A circulation puts an amount `0 <= f <= amount` on every flow so that what
/// enters each company equals what leaves it. The maximum circulation is the
/// one with the largest total: the part of the gross flow that multilateral
/// netting (obligation clearing, as in payment systems) could cancel. What
/// remains after subtracting it is acyclic. The maximum total is unique; how it
/// splits among flows is one optimal solution, chosen deterministically.
///
/// Made by ``FlowGraph/maximumCirculation(filter:stop:progress:)``. Amounts are in the base
/// currency of the selection's conversion.
public struct MaximumCirculation: Sendable {
  /// The currency all amounts are in; empty if the graph names none.
  public let currency: String
  /// The total amount of the flows taken into account.
  public let gross: Double
  /// The total of the maximum circulation, at most ``gross``.
  public let circular: Double
  /// The circular part of each flow, indexed by flow; 0 for flows outside the
  /// selection, without an amount, or not on any cycle.
  public let circularAmounts: [Double]
  /// The amount of each flow in the base currency, indexed by flow; 0 for
  /// flows not taken into account.
  public let flowAmounts: [Double]
  /// Per company totals, for every company with a flow taken into account,
  /// in ascending ``CompanyID`` (byte order of ids).
  public let companies: [CompanyCirculation]
  /// How many flows were taken into account (selected, with an amount).
  public let flowCount: Int
  /// How many of them carry a circular part.
  public let circularFlowCount: Int
  /// Flows of the requested kinds and dates left out because their amount is
  /// undisclosed: a circulation needs every flow's amount.
  public let undisclosedExcluded: Int
  /// Flows of the requested kinds left out because they have no date while a
  /// date bound was given.
  public let undatedExcluded: Int
  /// How amounts were turned into the integers the solver works with.
  public let rounding: CirculationRounding
  /// Why the solver was stopped early (``StopSignal``), or nil. The flows
  /// are then a feasible circulation found so far (a lower bound on the
  /// maximum), or none.
  public var stoppedBy: StopSignal.Reason? = nil

  /// Whether each flow was taken into account, indexed by flow.
  let isIncluded: [Bool]
  /// Each flow's amount in solver units (0 if not taken into account).
  let capacityUnits: [Int64]
  /// Each flow's circular part in solver units.
  let circularUnits: [Int64]

  /// The share of the gross flow that is circular, in `0 ... 1`; 0 when
  /// there is no flow.
  public var ratio: Double { gross > 0 ? min(1, circular / gross) : 0 }
}

/// What a company pays, receives and pays in circles.
public struct CompanyCirculation: Sendable, Equatable {
  public var company: CompanyID
  /// The total of its flows out.
  public var moneyOut: Double
  /// The total of its flows in.
  public var moneyIn: Double
  /// The part of its outflow that returns to it through the circulation
  /// (equal, by conservation, to the part of its inflow that does).
  public var circular: Double
  /// Its net position after netting, `moneyIn − moneyOut`: netting cancels
  /// `circular` on both sides and leaves it unchanged. Positive for a net
  /// receiver.
  public var net: Double
}

/// How base-currency amounts become the integers of the circulation solver.
public enum CirculationRounding: Sendable, Equatable {
  /// One currency: every amount is an exact multiple of `10^exponent` (the
  /// smallest exponent written), and the solver is exact.
  case exact(exponent: Int)
  /// Several currencies, or amounts too far apart for 62-bit integers: each
  /// amount was rounded down to a multiple of `unit`, a power of two chosen so
  /// the largest amount is below 2^53 units and their sum below 2^61 units.
  /// The result is the exact maximum circulation for the rounded amounts; it
  /// never exceeds a flow's true amount.
  case roundedDown(unit: Double)
}

extension FlowGraph {
  /// Returns the maximum circulation of the flows that `filter` keeps.
  ///
  /// See ``maximumCirculation(selection:stop:progress:)``.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if a selected flow's currency has
  ///   no rate to the base currency.
  /// - Complexity: see ``maximumCirculation(selection:stop:progress:)``.
  public func maximumCirculation(
    filter: FlowFilter = FlowFilter(), stop: StopSignal? = nil,
    progress: (@Sendable (CirculationProgress) -> Void)? = nil
  ) throws(CurrencyConversion.Failure) -> MaximumCirculation {
    maximumCirculation(selection: try FlowSelection(graph: self, filter: filter), stop: stop, progress: progress)
  }

  /// Returns the maximum circulation of the selected flows.
  ///
  /// Flows without an amount, or in a currency without a rate to the base
  /// currency, are left out and counted in
  /// ``MaximumCirculation/undisclosedExcluded``. Amounts become integers (see
  /// ``CirculationRounding``). A circulation only runs inside a strongly
  /// connected component (``StronglyConnectedComponents``), so flows between
  /// components circulate nothing, and a flow from a company to itself
  /// circulates its whole amount. Chains through companies with one flow in
  /// and one out are contracted (`SeriesReduction`). The rest is a
  /// minimum-cost circulation with cost −1 a unit, solved exactly by cost
  /// scaling (Goldberg and Tarjan 1990; see `CostScalingCirculation`), all
  /// components at once with costs scaled by the size of the largest.
  /// `progress`, if given, hears how far the solver has got
  /// (``CirculationProgress``).
  ///
  /// - Complexity: O(*V* + *E*) besides the solver, whose worst case is
  ///   O(*n*² *m* log(*n*)) for *n* companies and *m* flows inside
  ///   components. In practice one or two refines of a few dozen relabels
  ///   per company: measured (release, shared 2-core machine) about 11 s of
  ///   CPU for 1,000,000 uniformly random flows among 100,000 companies, 4 s
  ///   for a skewed (power-law-like) graph of the same size, 0.3 s for a ring
  ///   through 1,000,000 companies.
  ///
  /// **Stopping early.** When `stop` fires, the result holds the balanced
  /// circulation of the solver's last completed refine (zero if none):
  /// feasible, a lower bound on the maximum, with ``stoppedBy`` set.
  public func maximumCirculation(
    selection: FlowSelection, stop: StopSignal? = nil, progress: (@Sendable (CirculationProgress) -> Void)? = nil
  ) -> MaximumCirculation {
    let conversion = selection.conversion
    var included = selection.isSelected
    var undisclosed = selection.undisclosedExcluded
    for flow in 0 ..< flowCount where included[flow] && conversion.value(of: flow, in: self) == nil {
      included[flow] = false
      undisclosed += 1
    }
    let (units, rounding) = circulationUnits(included: included, conversion: conversion)

    // Components over flows that can carry money.
    let components = StronglyConnectedComponents(
      links: LinkGraph(graph: self, isSelected: units.map { $0 > 0 }, conversion: nil))
    let component = components.componentOf
    let largest = (0 ..< components.count).reduce(1) { max($0, components.size(ofComponent: $1)) }
    var tails: [Int32] = []
    var heads: [Int32] = []
    var capacities: [Int64] = []
    var arcFlow: [Int] = []
    var circularUnits = [Int64](repeating: 0, count: flowCount)
    var stoppedBy: StopSignal.Reason?
    for flow in 0 ..< flowCount where units[flow] > 0 {
      let (u, v) = (payerIndex[flow], payeeIndex[flow])
      if u == v {
        circularUnits[flow] = units[flow]
      } else if component[Int(u)] == component[Int(v)] {
        tails.append(u)
        heads.append(v)
        capacities.append(units[flow])
        arcFlow.append(flow)
      }
    }
    if !arcFlow.isEmpty {
      // Chains are cut so that prices (about 4·n·weight·α) fit in 64 bits.
      let scale = 4 * Int64(companyCount) * Int64(largest + 1)
      let reduced = SeriesReduction(
        nodeCount: companyCount, tails: tails, heads: heads, capacities: capacities,
        maximumWeight: max(1, min(SeriesReduction.maximumWeight, (Int64(1) << 61) / max(1, scale))))
      let solution = CostScalingCirculation.maximumCirculation(
        nodeCount: companyCount, tails: reduced.tails, heads: reduced.heads,
        capacities: reduced.capacities, weights: reduced.weights, longestCycle: largest, stop: stop,
        progress: progress.map { report in
          { refine, active, total in report(CirculationProgress(stage: .solving, refine: refine, count: active, total: total)) }
        })
      stoppedBy = solution.stopped
      for (flow, units) in zip(arcFlow, reduced.expand(solution.flow)) { circularUnits[flow] = units }
    }

    // Totals.
    let toDouble = { (units: Int64) in MaximumCirculation.amount(units: units, rounding: rounding) }
    let isExact = if case .exact = rounding { true } else { false }
    var flowAmounts = [Double](repeating: 0, count: flowCount)
    var circularAmounts = [Double](repeating: 0, count: flowCount)
    var outUnits = [Int64](repeating: 0, count: companyCount)
    var inUnits = [Int64](repeating: 0, count: companyCount)
    var outValue = [Double](repeating: 0, count: companyCount)
    var inValue = [Double](repeating: 0, count: companyCount)
    var circularOut = [Int64](repeating: 0, count: companyCount)
    var hasFlow = [Bool](repeating: false, count: companyCount)
    var grossUnits: Int64 = 0
    var grossValue = 0.0
    var totalCircular: Int64 = 0
    var includedCount = 0
    var circularCount = 0
    for flow in 0 ..< flowCount where included[flow] {
      let (u, v) = (Int(payerIndex[flow]), Int(payeeIndex[flow]))
      let value = isExact ? toDouble(units[flow]) : (conversion.value(of: flow, in: self) ?? 0)
      flowAmounts[flow] = value
      circularAmounts[flow] = toDouble(circularUnits[flow])
      includedCount += 1
      if circularUnits[flow] > 0 { circularCount += 1 }
      hasFlow[u] = true
      hasFlow[v] = true
      outUnits[u] += units[flow]
      inUnits[v] += units[flow]
      outValue[u] += value
      inValue[v] += value
      circularOut[u] += circularUnits[flow]
      grossUnits += units[flow]
      grossValue += value
      totalCircular += circularUnits[flow]
    }
    var companies: [CompanyCirculation] = []
    for c in 0 ..< companyCount where hasFlow[c] {
      let moneyOut = isExact ? toDouble(outUnits[c]) : outValue[c]
      let moneyIn = isExact ? toDouble(inUnits[c]) : inValue[c]
      let net: Double
      if isExact {
        let difference = inUnits[c] - outUnits[c]
        net = difference >= 0 ? toDouble(difference) : -toDouble(-difference)
      } else {
        net = inValue[c] - outValue[c]
      }
      companies.append(
        CompanyCirculation(
          company: CompanyID(c), moneyOut: moneyOut, moneyIn: moneyIn,
          circular: toDouble(circularOut[c]), net: net))
    }
    return MaximumCirculation(
      currency: conversion.baseCurrency, gross: isExact ? toDouble(grossUnits) : grossValue,
      circular: toDouble(totalCircular), circularAmounts: circularAmounts,
      flowAmounts: flowAmounts, companies: companies, flowCount: includedCount,
      circularFlowCount: circularCount, undisclosedExcluded: undisclosed,
      undatedExcluded: selection.undatedExcluded, rounding: rounding, stoppedBy: stoppedBy,
      isIncluded: included, capacityUnits: units, circularUnits: circularUnits)
  }

  /// The integer amount of each included flow for the solver, and how it was rounded.
  ///
  /// When every included amount is in the base currency (factor 1), amounts
  /// are written in units of `10^e`, `e` the smallest exponent among them: no
  /// rounding at all. Otherwise, or if that overflows (sum above 2^62), each
  /// base-currency value is divided by a power of two `u` and rounded down,
  /// `u` chosen so the largest value is below 2^53 units and the sum below
  /// 2^61 units (dividing by a power of two is exact, so only the rounding
  /// down loses, less than `u` per flow).
  ///
  /// - Complexity: O(*E*).
  func circulationUnits(included: [Bool], conversion: CurrencyConversion)
    -> (units: [Int64], rounding: CirculationRounding)
  {
    var units = [Int64](repeating: 0, count: flowCount)
    var singleCurrency = true
    var smallestExponent = Int.max
    for flow in 0 ..< flowCount where included[flow] && amountSignificand[flow] > 0 {
      if conversion.factor[currencyIndex(of: flow)] != 1 { singleCurrency = false; break }
      smallestExponent = min(smallestExponent, Int(amountExponent[flow]))
    }
    if singleCurrency {
      if smallestExponent == Int.max { return (units, .exact(exponent: 0)) }
      let limit: Int64 = 1 << 62
      var total: Int64 = 0
      var fits = true
      for flow in 0 ..< flowCount where included[flow] && amountSignificand[flow] > 0 {
        var value = amountSignificand[flow]
        for _ in 0 ..< Int(amountExponent[flow]) - smallestExponent {
          let (product, overflow) = value.multipliedReportingOverflow(by: 10)
          if overflow { fits = false; break }
          value = product
        }
        guard fits else { break }
        total += min(value, limit)
        if total > limit { fits = false; break }
        units[flow] = value
      }
      if fits { return (units, .exact(exponent: smallestExponent)) }
      units = [Int64](repeating: 0, count: flowCount)
    }

    // Rounded: values are clamped far below Double's range so sums stay finite.
    let ceiling = 0x1p960
    var largest = 0.0
    var total = 0.0
    var values = [Double](repeating: 0, count: flowCount)
    for flow in 0 ..< flowCount where included[flow] {
      let value = conversion.value(of: flow, in: self) ?? 0
      let clamped = value.isNaN ? 0 : min(max(value, 0), ceiling)
      values[flow] = clamped
      largest = max(largest, clamped)
      total += clamped
    }
    guard largest > 0 else { return (units, .roundedDown(unit: 1)) }
    let exponent = max(Int(total.exponent) + 1 - 61, Int(largest.exponent) + 1 - 53)
    let unit = Double(sign: .plus, exponent: exponent, significand: 1)
    for flow in 0 ..< flowCount where included[flow] {
      units[flow] = Int64((values[flow] / unit).rounded(.down))
    }
    return (units, .roundedDown(unit: unit))
  }
}
