/// The partial answer of one part of a graph split by strongly connected
/// component (`cycles PART --part P/Q --format partial`), keyed by company id
/// instead of company number, so that part files that each number their own
/// companies merge into the answer of one search over the whole graph.
///
/// A cycle lives inside one strongly connected component, so when every
/// component with a cycle is in exactly one part, with all the flows between
/// its companies in their original order, the parts' cycles are exactly the
/// whole graph's. Company numbers follow the byte order of ids in every
/// graph, so a cycle starts at the same company in its part and in the whole
/// graph, and the rank order (amount, then company sequence, then hops) is
/// the same; a hop is written as the payer and payee it joins (the cycle's
/// consecutive companies) and, for time-respecting cycles, the rank of its
/// flow among the flows from that payer to that payee in file order, which
/// a part keeps. A part may itself be split into shards (`--shard I/N`).
public struct CyclePartPartial: Sendable {
  /// A kept cycle: its amount, its companies by id, and per hop the rank of
  /// its flow among the flows of its payer and payee (0 for elementary
  /// cycles, whose hop is the link).
  struct Cycle: Sendable {
    var amount: Double
    var ids: [String]
    var ranks: [Int32]
  }

  /// A company's exposure: cycles, unknown-amount cycles, fixed-point sum.
  struct Exposure: Sendable {
    var id: String
    var cycles: Int
    var unknown: Int
    var sum: Int128
  }

  public var kind: CycleSearchPartial.Kind
  /// Which part of the split graph (P of Q).
  public var part: WorkShard
  /// Which shard of the part's search.
  public var shard: WorkShard
  /// The search options, compared on merging.
  public var optionsKey: String
  /// Cycles the part's shard counted.
  public var count: Int
  var cycles: [Cycle]
  var exposure: [Exposure]

  init(
    kind: CycleSearchPartial.Kind, part: WorkShard, shard: WorkShard, optionsKey: String, count: Int,
    cycles: [Cycle], exposure: [Exposure]
  ) {
    self.kind = kind
    self.part = part
    self.shard = shard
    self.optionsKey = optionsKey
    self.count = count
    self.cycles = cycles
    self.exposure = exposure
  }

  /// The partial `partial`, found on the part file `graph`, keyed by id.
  ///
  /// - Complexity: O(*V* + total length of the kept cycles); O(*E* log *E*)
  ///   more for time-respecting cycles (the flows' ranks).
  public init(_ partial: CycleSearchPartial, part: WorkShard, graph: FlowGraph) {
    let pairs = partial.kind == .temporal ? PairFlowIndex(graph: graph) : nil
    let cycles = partial.ranked.map { entry in
      Cycle(
        amount: entry.amount, ids: entry.nodes.map { graph.id(of: CompanyID($0)) },
        ranks: entry.hops.map { pairs?.rank[Int($0)] ?? 0 })
    }
    let accumulated = partial.exposure
    let exposure = accumulated.cycles.indices.filter { accumulated.cycles[$0] != 0 }.map { v in
      Exposure(
        id: graph.id(of: CompanyID(v)), cycles: accumulated.cycles[v], unknown: accumulated.unknown[v],
        sum: accumulated.sum[v])
    }
    self.init(
      kind: partial.kind, part: part, shard: partial.shard, optionsKey: partial.optionsKey, count: partial.count,
      cycles: cycles, exposure: exposure)
  }

  /// Merges the partials of every part (and every shard of each part) into
  /// one partial over the whole graph `graph`, in its company numbers, with
  /// hops as links of the link graph of the flows `filter` selects
  /// (elementary cycles) or as flows (time-respecting ones), keeping the
  /// `limit` best cycles (0: all). That partial gives, through
  /// ``CycleSearchRequest/merging(_:in:)`` (elementary or temporal), the
  /// single run's result.
  ///
  /// - Returns: nil with the reason when the partials do not make up one
  ///   search of `graph`: another kind or options, a part or shard missing
  ///   or given twice, a company or hop `graph` does not have, or two parts
  ///   sharing a company.
  /// - Throws: ``CurrencyConversion/Failure`` from selecting the flows.
  /// - Complexity: O(*V* + *E* + *m*(*k* log *V* + log *m*)) for *m* kept
  ///   cycles of length up to *k*; O(*E* log *E*) more for time-respecting ones.
  public static func merge(
    _ parts: [CyclePartPartial], graph: FlowGraph, filter: FlowFilter, limit: Int
  ) throws(CurrencyConversion.Failure) -> Result<CycleSearchPartial, CycleSearchPartial.MergeFailure> {
    func failure(_ message: String) -> Result<CycleSearchPartial, CycleSearchPartial.MergeFailure> {
      .failure(CycleSearchPartial.MergeFailure(message: message))
    }
    guard let first = parts.first else { return failure("no partial to merge") }
    // Every part 1...Q once, and every shard of each part once.
    var shardsOf = [Int?](repeating: nil, count: first.part.count)
    var seen: Set<[Int]> = []
    for entry in parts {
      guard entry.kind == first.kind, entry.optionsKey == first.optionsKey, entry.part.count == first.part.count
      else { return failure("part \(entry.part) comes from another search than part \(first.part)") }
      let p = entry.part.index - 1
      if let shards = shardsOf[p], shards != entry.shard.count {
        return failure("part \(entry.part) is split into \(shards) and \(entry.shard.count) shards")
      }
      shardsOf[p] = entry.shard.count
      guard seen.insert([p, entry.shard.index]).inserted else {
        return failure("shard \(entry.shard) of part \(entry.part) is given twice")
      }
    }
    for (p, shards) in shardsOf.enumerated() {
      guard let shards else { return failure("part \(p + 1)/\(first.part.count) is missing") }
      for i in 1 ... shards where !seen.contains([p, i]) {
        return failure("shard \(i)/\(shards) of part \(p + 1)/\(first.part.count) is missing")
      }
    }
    // Exposure: companies by id; a company in two parts means the parts overlap.
    let n = graph.companyCount
    var cycles = [Int](repeating: 0, count: n)
    var unknown = [Int](repeating: 0, count: n)
    var sum = [Int128](repeating: 0, count: n)
    var partOf = [Int32](repeating: -1, count: n)
    for entry in parts {
      for exposed in entry.exposure {
        guard let v = graph.companyID(for: exposed.id)?.index else {
          return failure("part \(entry.part) has company '\(exposed.id)', which the graph does not have")
        }
        if partOf[v] >= 0, Int(partOf[v]) != entry.part.index {
          return failure("parts \(partOf[v])/\(first.part.count) and \(entry.part) both have cycles through '\(exposed.id)'")
        }
        partOf[v] = Int32(entry.part.index)
        cycles[v] += exposed.cycles
        unknown[v] += exposed.unknown
        sum[v] &+= exposed.sum
      }
    }
    // Cycles: ids to numbers, hops to links or flows of the whole graph.
    let links = first.kind == .elementary
      ? LinkGraph(graph: graph, isSelected: try FlowSelection(graph: graph, filter: filter).isSelected, conversion: nil)
      : nil
    let pairs = first.kind == .temporal ? PairFlowIndex(graph: graph) : nil
    var ranked: [RankedCycle] = []
    for entry in parts {
      for cycle in entry.cycles {
        var nodes: [Int32] = []
        for id in cycle.ids {
          guard let v = graph.companyID(for: id) else {
            return failure("part \(entry.part) has company '\(id)', which the graph does not have")
          }
          nodes.append(Int32(v.index))
        }
        var hops: [Int32] = []
        for i in nodes.indices {
          let (from, to) = (nodes[i], nodes[(i + 1) % nodes.count])
          let hop = links.flatMap { $0.link(from: from, to: to) } ?? pairs?.flow(from: from, to: to, rank: cycle.ranks[i])
          guard let hop else {
            return failure("part \(entry.part) has a cycle through \(cycle.ids.joined(separator: " → ")) that the graph does not have")
          }
          hops.append(hop)
        }
        ranked.append(RankedCycle(amount: cycle.amount, nodes: nodes, hops: hops))
      }
    }
    ranked.sort(by: CycleRanking.ranksBefore)
    if limit > 0, ranked.count > limit { ranked.removeSubrange(limit...) }
    return .success(
      CycleSearchPartial(
        kind: first.kind, shard: WorkShard(index: 1, count: 1) ?? first.shard, optionsKey: first.optionsKey,
        companyCount: n, hopCount: links?.linkTarget.count ?? graph.flowCount,
        count: parts.reduce(0) { $0 + $1.count }, ranked: ranked,
        exposure: ExposureAccumulator(cycles: cycles, unknown: unknown, sum: sum)))
  }
}

/// The flows of a graph sorted by payer, payee and index: each flow's rank
/// among the flows from its payer to its payee, and the flow of a given rank.
struct PairFlowIndex {
  let payer: [Int32]
  let payee: [Int32]
  /// The flows, by (payer, payee, index).
  let order: [Int32]
  /// `rank[f]`: how many flows from f's payer to f's payee come before f.
  let rank: [Int32]

  /// - Complexity: O(*E* log *E*).
  init(graph: FlowGraph) {
    let payer = graph.payerIndex
    let payee = graph.payeeIndex
    let order = (0 ..< Int32(clamping: graph.flowCount)).sorted { a, b in
      (payer[Int(a)], payee[Int(a)], a) < (payer[Int(b)], payee[Int(b)], b)
    }
    var rank = [Int32](repeating: 0, count: order.count)
    for i in order.indices.dropFirst() {
      let (f, g) = (Int(order[i]), Int(order[i - 1]))
      if payer[f] == payer[g], payee[f] == payee[g] { rank[f] = rank[g] + 1 }
    }
    self.payer = payer
    self.payee = payee
    self.order = order
    self.rank = rank
  }

  /// The flow from `from` to `to` of rank `rank`; nil if there is none.
  ///
  /// - Complexity: O(log *E*).
  func flow(from: Int32, to: Int32, rank wanted: Int32) -> Int32? {
    var low = 0
    var high = order.count
    while low < high {
      let mid = (low + high) / 2
      let f = Int(order[mid])
      if (payer[f], payee[f]) < (from, to) { low = mid + 1 } else { high = mid }
    }
    let i = low + Int(wanted)
    guard wanted >= 0, i < order.count else { return nil }
    let f = Int(order[i])
    return payer[f] == from && payee[f] == to ? order[i] : nil
  }
}

extension LinkGraph {
  /// The link from `from` to `to`; nil if there is none.
  ///
  /// - Complexity: O(out-degree of `from`).
  func link(from: Int32, to: Int32) -> Int32? {
    guard from >= 0, Int(from) < companyCount else { return nil }
    for l in Int(linkStart[Int(from)]) ..< Int(linkStart[Int(from) + 1]) where linkTarget[l] == to {
      return Int32(l)
    }
    return nil
  }
}
