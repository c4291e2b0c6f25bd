/// The mergeable answer of one shard of a cycle search (`cycles --shard I/N
/// --format partial`): its count, its own `limit` best cycles (the only ones
/// that can be among the whole search's best) and its exact per-company
/// exposure sums.
///
/// Merging the partials of all *N* shards gives, bit for bit, the result of
/// the search run in one process: counts add up, the ranking is a total
/// order and exposure sums are exact fixed-point integers.
public struct CycleSearchPartial: Sendable {
  /// Which search produced it.
  public enum Kind: String, Sendable { case elementary, temporal }

  public var kind: Kind
  /// The shard; 1/1 for a merged partial.
  public var shard: WorkShard
  /// A description of the search options, set by the caller; partials
  /// merge only when theirs are equal.
  public var optionsKey: String
  /// Companies of the graph searched.
  public var companyCount: Int
  /// The bound on hop numbers: links (elementary) or flows (temporal) of
  /// the graph searched.
  public var hopCount: Int
  /// Cycles the shard counted.
  public var count: Int
  /// The shard's `limit` best cycles, best first.
  var ranked: [RankedCycle]
  /// Per-company counts and exact sums.
  var exposure: ExposureAccumulator

  init(
    kind: Kind, shard: WorkShard, optionsKey: String, companyCount: Int, hopCount: Int, count: Int,
    ranked: [RankedCycle], exposure: ExposureAccumulator
  ) {
    self.kind = kind
    self.shard = shard
    self.optionsKey = optionsKey
    self.companyCount = companyCount
    self.hopCount = hopCount
    self.count = count
    self.ranked = ranked
    self.exposure = exposure
  }

  /// Merges the partials of all shards of one search into one partial
  /// (shard 1/1), keeping the `limit` best cycles (0: all).
  ///
  /// - Returns: nil with the reason when the partials do not make up one
  ///   search: another kind, options or graph, or not every shard exactly once.
  /// - Complexity: O(*V* · *N* + *m* log *m*) for *N* partials of *m* cycles.
  public static func merge(_ parts: [CycleSearchPartial], limit: Int) -> Result<CycleSearchPartial, MergeFailure> {
    guard let first = parts.first else { return .failure(MergeFailure(message: "no partial to merge")) }
    var seen = [Bool](repeating: false, count: first.shard.count)
    for part in parts {
      guard part.kind == first.kind, part.optionsKey == first.optionsKey, part.companyCount == first.companyCount,
        part.hopCount == first.hopCount, part.shard.count == first.shard.count
      else {
        return .failure(MergeFailure(message: "shard \(part.shard) comes from another search or graph than shard \(first.shard)"))
      }
      guard !seen[part.shard.index - 1] else {
        return .failure(MergeFailure(message: "shard \(part.shard) is given twice"))
      }
      seen[part.shard.index - 1] = true
    }
    if let missing = seen.firstIndex(of: false) {
      return .failure(MergeFailure(message: "shard \(missing + 1)/\(first.shard.count) is missing"))
    }
    var exposure = ExposureAccumulator(companyCount: first.exposure.cycles.count)
    for part in parts {
      guard part.exposure.cycles.count == exposure.cycles.count else {
        return .failure(MergeFailure(message: "shard \(part.shard) comes from another search than shard \(first.shard)"))
      }
      exposure.merge(part.exposure)
    }
    var ranked = parts.flatMap(\.ranked)
    ranked.sort(by: CycleRanking.ranksBefore)
    if limit > 0, ranked.count > limit { ranked.removeSubrange(limit...) }
    return .success(
      CycleSearchPartial(
        kind: first.kind, shard: WorkShard(index: 1, count: 1) ?? first.shard, optionsKey: first.optionsKey,
        companyCount: first.companyCount, hopCount: first.hopCount, count: parts.reduce(0) { $0 + $1.count },
        ranked: ranked, exposure: exposure))
  }

  /// Why partials could not be merged.
  public struct MergeFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// The enumeration's answer, if this partial fits a search over `links`
  /// of `kind` with `hops` hop numbers.
  func found(kind: Kind, companyCount: Int, hops: Int) -> CycleSearchFound? {
    guard self.kind == kind, self.companyCount == companyCount, hopCount == hops else { return nil }
    return (count, false, ranked, exposure)
  }
}
