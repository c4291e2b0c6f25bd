/// A time-respecting cycle that a newly read flow completed.
public struct WatchedChain: Sendable, Equatable {
  /// The companies in chain order: from the payer of the chain's first flow
  /// (when all flows share one time, from the company whose id sorts first),
  /// as `cycles --temporal` writes them.
  public var companies: [String]
  /// The flows, `flows[i]` from `companies[i]` to the next company.
  public var flows: [FlowReference]
  /// The flow whose arrival completed the chain: the last of its flows to
  /// arrive. It carries the chain's latest time; when several flows share
  /// that time it need not be the chain's final hop.
  public var closedBy: FlowReference
  /// Seconds from the earliest flow's time to the latest's.
  public var spanSeconds: Int64
  /// Whole days in `spanSeconds`, as `cycles --temporal`'s `span_days`.
  public var spanDays: Int64
  /// The number of flows (and of companies).
  public var length: Int { companies.count }
}

/// Reports each time-respecting cycle once, when the last of its flows arrives.
///
/// Flows are fed in stream order. A flow whose time is earlier than the
/// latest time seen by more than `allowLate` is an error
/// (``LateFlow``): it could complete chains whose flows were already
/// expired. Within the tolerance it is handled like any other: the cycles
/// reported are always those whose flows have all arrived, so a late flow
/// still closes every chain it completes.
///
/// Over a whole stream the chains reported are exactly those
/// ``FlowGraph/temporalCycles(_:progress:)`` finds with the same window,
/// length bound and ordering, each once; in a stream whose times never go
/// back each is reported at a flow that carries its latest time.
///
/// **Memory.** With a window *W*, a flow older than the latest time minus
/// *W* minus `allowLate` can join no future chain and is dropped; companies
/// without retained flows are forgotten. Memory follows the flows inside the
/// window. Without a window every selected flow is kept.
public struct TemporalCycleWatcher: Sendable {
  /// A flow earlier than the latest time seen by more than the tolerance.
  public struct LateFlow: Error, Sendable, Equatable {
    /// The flow's 1-based row in the stream.
    public var row: Int
    /// Its time and the latest time seen before it, in seconds since 1970.
    public var time: Int64
    public var latest: Int64
  }

  public let filter: FlowFilter
  /// Which chains found are reported.
  public var restriction = WatchRestriction()
  /// The window and the tolerance, in seconds.
  public let window: Int64?
  public let allowLate: Int64
  private var flows = RetainedFlows()
  private var search: TemporalChainSearch
  private var latestTime: Int64?
  private var paths: [[Int]] = []
  /// Flows read so far (selected or not).
  public private(set) var flowsRead = 0
  /// Selected flows left out because they have no date.
  public private(set) var undatedSkipped = 0

  /// Creates a watcher for chains of at most `maxLength` flows spanning at
  /// most `window` seconds, each flow no earlier than the previous one (with
  /// `strictlyIncreasing`, strictly later), accepting flows up to `allowLate`
  /// seconds earlier than the latest seen.
  public init(
    maxLength: Int?, window: Int64?, strictlyIncreasing: Bool = false, allowLate: Int64 = 0, filter: FlowFilter
  ) {
    self.filter = filter
    self.window = window
    self.allowLate = max(0, allowLate)
    self.search = TemporalChainSearch(maxLength: maxLength, window: window, strictlyIncreasing: strictlyIncreasing)
  }

  /// How many flows are retained (the memory that matters).
  public var retainedFlowCount: Int { flows.count }

  /// How many companies have retained flows.
  public var retainedCompanyCount: Int { flows.companyCount }

  /// A flow's time in seconds since 1970-01-01, nil when it has no date;
  /// the one place that says which time of a flow the watch uses.
  ///
  /// - Complexity: O(1).
  static func seconds(_ graph: FlowGraph, _ flow: Int) -> Int64? {
    let time = graph.time(of: flow)
    return time == FlowGraph.undatedTime ? nil : time
  }

  /// Feeds the flows of `batch` in order and returns the chains they
  /// complete. `row` is the 1-based row of the batch's first flow.
  ///
  /// - Throws: ``LateFlow`` for a flow out of order beyond the tolerance
  ///   (the flows before it in the batch are taken); a
  ///   ``CurrencyConversion/Failure`` when `--min-amount` meets a currency
  ///   without a rate.
  /// - Complexity: per flow, expiry in amortized O(1) per flow dropped plus
  ///   ``TemporalChainSearch/search(_:payer:payee:time:found:)``.
  public mutating func add(_ batch: FlowGraph, row: Int) throws -> [WatchedChain] {
    var found: [WatchedChain] = []
    try add(batch, row: row) { found.append($0) }
    return found
  }

  /// ``add(_:row:)`` handing each chain to `report` as soon as it is found,
  /// so that the chains closed before a late flow are reported before the error.
  public mutating func add(_ batch: FlowGraph, row: Int, report: (WatchedChain) -> Void) throws {
    let selection = try FlowSelection(graph: batch, filter: filter)
    for flow in 0 ..< batch.flowCount {
      flowsRead += 1
      guard selection.isSelected[flow] else { continue }
      guard let time = Self.seconds(batch, flow) else {
        undatedSkipped += 1
        continue
      }
      if let latest = latestTime, time < latest - allowLate {
        flowsRead -= 1
        throw LateFlow(row: row + flow, time: time, latest: latest)
      }
      let latest = max(latestTime ?? time, time)
      latestTime = latest
      if let window {
        let oldest = latest - window - allowLate
        flows.expire { $0 < oldest }
      }
      let u = flows.number(batch.id(of: batch.payer(of: flow)))
      let v = flows.number(batch.id(of: batch.payee(of: flow)))
      let reference = batch.flowID(of: flow).map(FlowReference.id) ?? .row(row + flow)
      // The paths first, then the chains: no copy of the retained flows
      // stays alive when the new flow is appended.
      paths.removeAll(keepingCapacity: true)
      search.search(flows, payer: u, payee: v, time: time) { paths.append($0) }
      for path in paths {
        let chain = Self.chain(
          closing: reference, payer: u, time: time, path: path, flows: flows,
          strictlyIncreasing: search.strictlyIncreasing)
        if restriction.admits(chain.companies) { report(chain) }
      }
      flows.append(payer: u, payee: v, time: time, reference: reference)
    }
  }

  /// The chain `f` then `path`, written from its first flow.
  ///
  /// - Complexity: O(*k*) for *k* flows, plus comparing ids when all share one time.
  static func chain(
    closing f: FlowReference, payer u: Int32, time: Int64, path: [Int], flows: RetainedFlows,
    strictlyIncreasing: Bool
  ) -> WatchedChain {
    let k = path.count + 1
    let times = [time] + path.map { flows.time(of: $0) }
    let payers = [u] + path.map { flows.payer(of: $0) }
    let references = [f] + path.map { flows.reference(of: $0) }
    // The first flow follows the one step back; with none, every time is
    // equal and the chain starts at the smallest id.
    let steppedBack = (0 ..< k).first { i in
      let before = times[(i + k - 1) % k]
      return strictlyIncreasing ? times[i] <= before : times[i] < before
    }
    var start = 0
    if let steppedBack {
      start = steppedBack
    } else {
      for i in 1 ..< k where flows.ids[Int(payers[i])].utf8.lexicographicallyPrecedes(flows.ids[Int(payers[start])].utf8) {
        start = i
      }
    }
    let order = Array(start ..< k) + Array(0 ..< start)
    let low = times.min() ?? time, high = times.max() ?? time
    return WatchedChain(
      companies: order.map { flows.ids[Int(payers[$0])] }, flows: order.map { references[$0] }, closedBy: f,
      spanSeconds: high - low, spanDays: (high - low) / FlowDuration.secondsPerDay)
  }

  /// The day of a time in seconds since 1970 (floor).
  public static func day(_ seconds: Int64) -> Int64 { seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400) }
}
