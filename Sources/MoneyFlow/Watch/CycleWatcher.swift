/// A cycle that a newly read flow closed, as ``CycleWatcher`` reports it.
public struct WatchedCycle: Sendable, Equatable {
  /// The company ids in canonical rotation: from the id that sorts first
  /// (byte order), as `cycles` prints them.
  public var companies: [String]
  /// The flow's `id`, or its 1-based row in the stream when it has none.
  public var closedBy: String
  /// Whether `closedBy` is a row number rather than an id.
  public var closedByRow: Bool
  /// The number of links in the cycle.
  public var length: Int { companies.count }
}

/// Reports each structural cycle the moment the flow that closes it arrives.
///
/// Flows are fed one at a time; the filter (kinds, minimum amount, dates)
/// is applied to each flow on its own. The first flow of a direction between
/// two companies creates the link and closes every elementary cycle of at
/// most `maxLength` links through it (see ``IncrementalCycles``); further
/// parallel flows close none. Over a whole stream the cycles reported are
/// exactly those ``FlowGraph/elementaryCycles(_:progress:)`` finds, each once.
///
/// Memory follows the graph: the company ids and the distinct links.
public struct CycleWatcher: Sendable {
  public let filter: FlowFilter
  /// Which cycles found are reported.
  public var restriction = WatchRestriction()
  private var cycles: IncrementalCycles
  private var index: [String: Int32] = [:]
  private var ids: [String] = []
  /// Flows read so far (selected or not).
  public private(set) var flowsRead = 0

  /// Creates a watcher for cycles of at most `maxLength` links.
  public init(maxLength: Int?, filter: FlowFilter) {
    self.filter = filter
    self.cycles = IncrementalCycles(maxLength: maxLength)
  }

  /// The number of distinct companies seen in selected flows.
  public var companyCount: Int { ids.count }

  /// The number of distinct links held.
  public var linkCount: Int { cycles.linkCount }

  private mutating func number(_ id: String) -> Int32 {
    let (n, isNew) = index.number(of: id, next: Int32(ids.count))
    if isNew { ids.append(id) }
    return n
  }

  /// Feeds the flows of `batch` (usually one, read from one line) in order
  /// and returns the cycles they close. `row` is the 1-based row of the
  /// batch's first flow in the stream.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` when `--min-amount` meets a
  ///   currency without a rate.
  /// - Complexity: that of ``IncrementalCycles/add(payer:payee:found:)`` per flow.
  public mutating func add(_ batch: FlowGraph, row: Int) throws(CurrencyConversion.Failure) -> [WatchedCycle] {
    let selection = try FlowSelection(graph: batch, filter: filter)
    var found: [WatchedCycle] = []
    for flow in 0 ..< batch.flowCount {
      flowsRead += 1
      guard selection.isSelected[flow] else { continue }
      let u = number(batch.id(of: batch.payer(of: flow)))
      let v = number(batch.id(of: batch.payee(of: flow)))
      let flowID = batch.flowID(of: flow)
      let closedBy = flowID ?? String(row + flow)
      let names = ids
      let restriction = self.restriction
      cycles.add(payer: u, payee: v) { path in
        let companies = CycleWatcher.canonical(path.map { names[Int($0)] })
        guard restriction.admits(companies) else { return }
        found.append(WatchedCycle(companies: companies, closedBy: closedBy, closedByRow: flowID == nil))
      }
    }
    return found
  }

  /// `ids` rotated to start at the one that sorts first in byte order.
  ///
  /// - Complexity: O(*n*) comparisons of ids.
  static func canonical(_ ids: [String]) -> [String] {
    guard var best = ids.indices.first else { return ids }
    for i in ids.indices.dropFirst() where ids[i].utf8.lexicographicallyPrecedes(ids[best].utf8) { best = i }
    return Array(ids[best...] + ids[..<best])
  }
}
