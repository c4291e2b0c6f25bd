/// The company graph of the selected flows, in which all selected flows from
/// one payer to one payee form a single *link*.
///
/// Cycle analyses run on links: two parallel investments from A to B make one
/// hop A → B. Each link keeps its flows (sorted by time, then flow index) and
/// its *total*, the sum of its disclosed amounts in the base currency; a link
/// whose flows are all undisclosed has an unknown total, and so has a link
/// with a flow in a currency that has no rate (its sum would silently leave
/// that money out).
///
/// The layout is compressed sparse row (CSR) with 32-bit indices, struct of
/// arrays: links leaving company `c` are `linkStart[c] ..< linkStart[c + 1]`,
/// sorted by payee; the flows of link `l` are
/// `linkFlows[flowStart[l] ..< flowStart[l + 1]]`. A reverse index lists the
/// links entering each company, sorted by payer.
public struct LinkGraph: Sendable {
  /// The number of companies (the same as the graph's).
  public let companyCount: Int
  /// The currency of ``total(ofLink:)``; empty if no amount names one.
  public let baseCurrency: String

  /// `companyCount + 1` offsets into the link arrays.
  let linkStart: [Int32]
  /// Payer of each link.
  let linkSource: [Int32]
  /// Payee of each link; ascending within each payer's run.
  let linkTarget: [Int32]
  /// `linkCount + 1` offsets into ``linkFlows``.
  let flowStart: [Int32]
  /// Selected flow indices of each link, by (time, flow index).
  let linkFlows: [Int32]
  /// Time of each entry of ``linkFlows``, ``FlowGraph/time(of:)``
  /// (``FlowGraph/undatedTime`` if none).
  let entryTime: [Int64]
  /// Amount of each entry of ``linkFlows`` in the base currency; NaN when
  /// undisclosed or when the link graph was built without a conversion.
  let entryValue: [Double]
  /// Sum of the disclosed amounts of each link; NaN when none is disclosed
  /// or one is in a currency without a rate.
  let total: [Double]
  /// `companyCount + 1` offsets into ``inLinks``.
  let inStart: [Int32]
  /// Links entering each company, sorted by payer.
  let inLinks: [Int32]

  /// Builds the link graph of the flows `selection` keeps, with link totals
  /// in the selection's base currency.
  ///
  /// - Complexity: O(*V* + *E*).
  public init(graph: FlowGraph, selection: FlowSelection) {
    self.init(graph: graph, isSelected: selection.isSelected, conversion: selection.conversion)
  }

  /// Builds the link graph of the flows of `kinds`, without amounts (every
  /// total is unknown). Use it where only the shape matters; it never throws.
  ///
  /// - Complexity: O(*V* + *E*).
  public init(graph: FlowGraph, kinds: FlowKindSet = .moneyMoving) {
    let selected = (0 ..< graph.flowCount).map { kinds.contains(graph.kind(of: $0)) }
    self.init(graph: graph, isSelected: selected, conversion: nil)
  }

  /// Builds the link graph of the flows for which `isSelected` is true.
  ///
  /// - Parameters:
  ///   - requireDate: leave out flows without a date as well (temporal cycles).
  /// - Complexity: O(*V* + *E*).
  init(graph: FlowGraph, isSelected: [Bool], conversion: CurrencyConversion?, requireDate: Bool = false) {
    let n = graph.companyCount
    // Pass 1, in flow order (sequential memory access): what the grouping
    // pass needs of each flow, packed together; payee -1 when left out.
    var packed = [PackedFlow](repeating: PackedFlow(payee: -1, day: 0, value: .nan), count: graph.flowCount)
    var kept = 0
    for flow in 0 ..< graph.flowCount where isSelected[flow] {
      let day = graph.dayNumber[flow]
      if requireDate, day == FlowGraph.undatedDay { continue }
      var value = conversion?.value(of: flow, in: graph) ?? .nan
      if let conversion, conversion.isUnrated(flow, in: graph) { value = -.infinity }
      packed[flow] = PackedFlow(payee: graph.payeeIndex[flow], day: day, value: value)
      kept += 1
    }
    // Pass 2, along the adjacency (payer, then payee, time, index): one link
    // per run of flows to the same payee.
    var builder = Builder(companyCount: n, links: kept, entries: kept)
    let hasTimes = graph.hasTimesOfDay
    for c in 0 ..< n {
      var previous: Int32 = -1
      for slot in Int(graph.outStart[c]) ..< Int(graph.outStart[c + 1]) {
        let flow = graph.outFlows[slot]
        let entry = packed[Int(flow)]
        guard entry.payee >= 0 else { continue }
        if entry.payee != previous {
          if previous >= 0 { builder.closeLink() }
          builder.openLink(from: Int32(c), to: entry.payee)
          previous = entry.payee
        }
        // Times of day are read where the graph has them; a day number
        // alone gives the time of a date without one.
        let time =
          hasTimes
          ? graph.time(of: Int(flow))
          : entry.day == FlowGraph.undatedDay ? FlowGraph.undatedTime : Int64(entry.day) * FlowDuration.secondsPerDay
        builder.addEntry(flow: flow, time: time, value: entry.value)
      }
      if previous >= 0 { builder.closeLink() }
      builder.endCompany(c)
    }
    self = builder.finish(baseCurrency: conversion?.baseCurrency ?? "")
  }

  /// The links entering each company, sorted by payer, for links sorted by
  /// payer: a stable counting sort of the links by payee.
  ///
  /// - Complexity: O(*V* + *E*).
  static func reverseIndex(targets linkTarget: [Int32], companyCount n: Int) -> (inStart: [Int32], inLinks: [Int32]) {
    var inStart = [Int32](repeating: 0, count: n + 1)
    for target in linkTarget { inStart[Int(target) + 1] += 1 }
    for c in 0 ..< n { inStart[c + 1] += inStart[c] }
    var next = inStart
    var inLinks = [Int32](repeating: 0, count: linkTarget.count)
    for link in 0 ..< linkTarget.count {
      let target = Int(linkTarget[link])
      inLinks[Int(next[target])] = Int32(link)
      next[target] += 1
    }
    return (inStart, inLinks)
  }

  /// The number of links.
  public var linkCount: Int { linkTarget.count }

  /// The number of selected flows on all links.
  public var flowCount: Int { linkFlows.count }

  /// The links leaving `company`, as link indices, sorted by payee.
  public func links(from company: CompanyID) -> Range<Int> {
    Int(linkStart[company.index]) ..< Int(linkStart[company.index + 1])
  }

  /// The payer of link `link`.
  public func payer(ofLink link: Int) -> CompanyID { CompanyID(linkSource[link]) }

  /// The payee of link `link`.
  public func payee(ofLink link: Int) -> CompanyID { CompanyID(linkTarget[link]) }

  /// The selected flows of link `link`, sorted by (time, flow index).
  public func flows(ofLink link: Int) -> ArraySlice<Int32> {
    linkFlows[Int(flowStart[link]) ..< Int(flowStart[link + 1])]
  }

  /// The sum of the disclosed amounts of link `link` in ``baseCurrency``;
  /// nil when none of its flows has a disclosed amount or one has a
  /// currency without a rate.
  public func total(ofLink link: Int) -> Double? {
    total[link].isNaN ? nil : total[link]
  }

  /// The link from `payer` to `payee`, if any.
  ///
  /// - Complexity: O(log *d*) where *d* is the number of links leaving `payer`.
  public func link(from payer: CompanyID, to payee: CompanyID) -> Int? {
    var low = Int(linkStart[payer.index])
    var high = Int(linkStart[payer.index + 1])
    while low < high {
      let mid = (low + high) / 2
      if linkTarget[mid] < payee.rawValue { low = mid + 1 } else { high = mid }
    }
    guard low < Int(linkStart[payer.index + 1]), linkTarget[low] == payee.rawValue else { return nil }
    return low
  }

  /// What the grouping pass of `init` reads of one flow.
  private struct PackedFlow {
    var payee: Int32
    var day: Int32
    var value: Double
  }

  /// Whether company `company` has a link to itself.
  func hasSelfLink(_ company: Int32) -> Bool {
    link(from: CompanyID(company), to: CompanyID(company)) != nil
  }
}
