/// One of *N* disjoint parts of a cycle search's work, for running the
/// search on several machines (`cycles --shard I/N`).
///
/// **How the split is chosen.** The work of a search is a list of start
/// companies (each cycle is found from exactly one start: its company whose
/// number is smallest for elementary cycles, the payer of its first flow for
/// time-respecting ones). A start `s` searches only inside its strongly
/// connected component and, for elementary cycles, only over the companies
/// numbered above `s`; its cost is estimated as 1 plus the links leaving the
/// companies of its component numbered at least `s`. Starts are taken by
/// estimated cost, largest first (ties: the smaller start first), and each
/// goes to the shard with the least estimated work so far (ties: the lower
/// shard): Graham's longest-processing-time rule (R. L. Graham, "Bounds on
/// multiprocessing timing anomalies", SIAM J. Appl. Math. 17(2), 1969),
/// whose largest shard is within 4/3 of the best possible for the estimates.
/// Every process computes the same assignment from the same graph and
/// options, so the shards are disjoint and together cover every start.
public struct WorkShard: Sendable, Hashable, CustomStringConvertible {
  /// The shard, from 1 to ``count``.
  public var index: Int
  /// How many shards the work is split into (at least 1).
  public var count: Int

  /// Shard `index` of `count`; nil unless 1 ≤ `index` ≤ `count`.
  public init?(index: Int, count: Int) {
    guard count >= 1, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `I/N`, as in `--shard 2/7`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: i, count: n)
  }

  public var description: String { "\(index)/\(count)" }

  /// Whether each of `starts` belongs to this shard, given the estimated
  /// cost of searching from each company (see ``startCosts(links:components:)``).
  ///
  /// - Complexity: O(*T* log *T* + *T* · *N*) for *T* starts and *N* shards.
  func owns(_ starts: [Int32], costs: [Int]) -> [Bool] {
    WorkShard.assign(starts.map { costs[Int($0)] }, shards: count).map { $0 == index - 1 }
  }

  /// The shard (0-based) of each task with cost `costs[i]`, by the
  /// longest-processing-time rule described above.
  ///
  /// - Complexity: O(*T* log *T* + *T* · *N*).
  static func assign(_ costs: [Int], shards: Int) -> [Int] {
    let order = costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    var load = [Int](repeating: 0, count: shards)
    var owner = [Int](repeating: 0, count: costs.count)
    for task in order {
      var lightest = 0
      for shard in 1 ..< shards where load[shard] < load[lightest] { lightest = shard }
      owner[task] = lightest
      load[lightest] += costs[task]
    }
    return owner
  }

  /// The estimated cost of searching from each company: 1 plus the links
  /// leaving the companies of its component numbered at least it.
  ///
  /// - Complexity: O(*V*).
  static func startCosts(links: LinkGraph, components: StronglyConnectedComponents) -> [Int] {
    var cost = [Int](repeating: 1, count: links.companyCount)
    for c in 0 ..< components.count {
      var above = 0
      for slot in stride(from: Int(components.memberStart[c + 1]) - 1, through: Int(components.memberStart[c]), by: -1) {
        let v = Int(components.members[slot])
        above += Int(links.linkStart[v + 1] - links.linkStart[v])
        cost[v] = 1 + above
      }
    }
    return cost
  }
}
