/// Which of the cycles a watch finds it reports: `--through`, `--min-length`
/// and `--shard I/N`.
///
/// The filters apply to each cycle as it is found: a stream does not know its
/// companies in advance, so there is no component to skip and no start to
/// search from. The watch still does the whole search for every flow.
///
/// **Shards.** A cycle belongs to the shard of its first company as written
/// (the one whose id sorts first for structural cycles; the payer of the
/// first flow for time-respecting ones): shard 1 + (FNV-1a hash of the id's
/// UTF-8 bytes mod *N*). Every shard reads the whole stream (each needs every
/// flow to find its cycles), so the *N* outputs are disjoint and together
/// exactly the single output, each in stream order; they split the output
/// and whatever consumes it, not the reading.
public struct WatchRestriction: Sendable, Equatable {
  /// Only cycles through at least one of these company ids; empty for all.
  public var through: Set<String>
  /// The fewest companies (flows) in a cycle reported.
  public var minLength: Int
  /// The shard whose cycles are reported; nil for all.
  public var shard: WorkShard?

  public init(through: Set<String> = [], minLength: Int = 1, shard: WorkShard? = nil) {
    self.through = through
    self.minLength = minLength
    self.shard = shard
  }

  /// Whether a cycle over `companies` (as written, first company first) is reported.
  ///
  /// - Complexity: O(*k*) hash look-ups for *k* companies, plus hashing the first id.
  public func admits(_ companies: [String]) -> Bool {
    guard companies.count >= minLength else { return false }
    if !through.isEmpty, !companies.contains(where: through.contains) { return false }
    if let shard, shard.count > 1, let first = companies.first {
      return Self.shardIndex(of: first, count: shard.count) == shard.index
    }
    return true
  }

  /// The shard (1-based, of `count`) that owns cycles written from `id`.
  ///
  /// - Complexity: O(*n*) in the id's bytes.
  public static func shardIndex(of id: String, count: Int) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return Int(hash % UInt64(max(count, 1))) + 1
  }
}
