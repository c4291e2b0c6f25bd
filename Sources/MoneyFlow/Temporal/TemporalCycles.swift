/// What a search for time-respecting cycles looks for and how much it keeps.
public struct TemporalCycleSearchOptions: Sendable, Hashable {
  /// Which flows take part (by default the money-moving kinds). Flows
  /// without a date never take part in a time-respecting cycle.
  public var filter: FlowFilter
  /// The most time between the first and the last flow of a chain (last
  /// flow's time − first flow's time ≤ window, in seconds; a date without a
  /// time counts as its first instant); nil for no limit. An integer
  /// literal counts days: `window: 30`.
  public var window: FlowDuration?
  /// The most flows in a chain; nil for any number. Values below 1 find
  /// nothing.
  public var maxLength: Int?
  /// How many chains to list, those with the largest circulating amount;
  /// 0 lists all. Also bounds the exposure list. Default 100.
  public var limit: Int
  /// Stop after counting this many chains; nil for no bound.
  public var stopAfter: Int?
  /// Count only: list no chains and compute no exposure.
  public var countOnly: Bool
  /// Worker threads (at least 1); ignored, the search running on one thread,
  /// when `stopAfter` is set.
  public var threads: Int
  /// Whether each flow must be strictly later than the previous one, by at
  /// least a second (the ordering of 2SCENT); by default a flow may share
  /// its predecessor's time.
  public var strictlyIncreasing: Bool
  /// Only chains through at least one of these companies; empty for all.
  /// Only components holding one of them are searched.
  public var through: [CompanyID]
  /// The fewest flows in a chain; nil (or 1) for any number. Components
  /// with fewer companies are not searched.
  public var minLength: Int?

  public init(
    filter: FlowFilter = FlowFilter(), window: FlowDuration? = nil, maxLength: Int? = nil, limit: Int = 100,
    stopAfter: Int? = nil, countOnly: Bool = false, threads: Int = 1, strictlyIncreasing: Bool = false,
    through: [CompanyID] = [], minLength: Int? = nil
  ) {
    self.through = through
    self.minLength = minLength
    self.strictlyIncreasing = strictlyIncreasing
    self.filter = filter
    self.window = window
    self.maxLength = maxLength
    self.limit = limit
    self.stopAfter = stopAfter
    self.countOnly = countOnly
    self.threads = threads
  }
}

/// A time-respecting cycle: a chain of individual flows that visits each
/// company once, never goes back in time, and returns to its start.
public struct TemporalCycle: Sendable, Hashable {
  /// The companies in order, starting at the payer of the chain's first
  /// flow; when all flows fall on one day, at the company whose id sorts
  /// first.
  public var companies: [CompanyID]
  /// The flows, one per hop, in date order: `flows[i]` goes from
  /// `companies[i]` to the next company.
  public var flows: [Int]
  /// The smallest flow amount in the base currency; nil when one of the
  /// flows is undisclosed.
  public var circulating: Double?
  /// Seconds from the first flow's time to the last's (dates count as their
  /// first instant).
  public var spanSeconds: Int64

  public init(companies: [CompanyID], flows: [Int], circulating: Double?, spanSeconds: Int64) {
    self.companies = companies
    self.flows = flows
    self.circulating = circulating
    self.spanSeconds = spanSeconds
  }

  /// Whole days from the first flow's time to the last's, rounded down
  /// (for dates without times, last day − first day).
  public var spanDays: Int { Int(spanSeconds / FlowDuration.secondsPerDay) }

  /// The number of flows (and of companies).
  public var length: Int { companies.count }
}

extension FlowGraph {
  /// Finds the time-respecting cycles: chains of individual selected flows,
  /// each company at most once, whose times never go backwards (a date
  /// counts as its first instant, times compare to the second) and that
  /// return to their start with last time − first time ≤ `window`.
  ///
  /// Parallel flows make distinct chains. Each chain is counted once, even
  /// where equal dates would let it start at several flows: it is written
  /// from the payer of its first flow in date order, and when all its flows
  /// fall on one day, from the company whose id sorts first. Flows without a
  /// date cannot take part; they are counted in `undatedExcluded`.
  ///
  /// The search prunes with time instead of enumerating cycles and checking
  /// dates afterwards: only flows within the window extend a chain, and
  /// temporal Johnson closing times (with the depth, under a length bound)
  /// keep it from walking again where no chain can close, and a budgeted
  /// backward latest-day search before each start flow (2SCENT's first
  /// phase, per start) keeps it from walking from starts that cannot close:
  /// one long loop costs linear time, not quadratic. See
  /// `TemporalCycleSearcher` and `TemporalLatestDeparture`.
  ///
  /// **Through and minimum length.** With `through`, only components holding
  /// one of those companies are searched, and chains are counted only if
  /// they pass through one (a chain through *t* may start elsewhere, so the
  /// search cannot start from *t* alone); components with fewer than
  /// `minLength` companies are skipped and shorter chains not counted.
  ///
  /// **Order, stop-after and threads.** Chains are counted by start company
  /// (ascending), then by first flow (payee, day, flow index), then in
  /// depth-first order: chains whose dates advance before those on a single
  /// day. With `stopAfter` the search runs on one thread and counts the
  /// first `stopAfter` chains in that order. With `threads` > 1, start
  /// companies are handed out to worker threads and the results merged to
  /// equal one thread's.
  ///
  /// **Stopping early.** When `stop` fires (polled before each start company
  /// and every 4,096 chains) the search returns what it found, `truncated`,
  /// with an ``TemporalCycleSearchResult/interruption``.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if selected flows use a currency
  ///   without a rate.
  /// - Complexity: per start flow O(*n* + *e*) between two chains found
  ///   without a length bound, for the *n* companies and *e* flows dated
  ///   within the window of that start.
  public func temporalCycles(
    _ options: TemporalCycleSearchOptions = TemporalCycleSearchOptions(),
    progress: (@Sendable (CycleSearchProgress) -> Void)? = nil, stop: StopSignal? = nil
  ) throws(CurrencyConversion.Failure) -> TemporalCycleSearchResult {
    try searchCycles(options, progress: progress, stop: stop)
  }
}

extension TemporalCycleSearchOptions: CycleSearchRequest, CycleSearchKind {
  public typealias Found = TemporalCycle
  static var partialKind: CycleSearchPartial.Kind { .temporal }

  /// The flows left out for lack of a date (none can take part), and with
  /// `through`, the companies a counted chain must pass through.
  ///
  /// - Complexity: O(*V* + *E*).
  func refine(_ input: inout CycleSearchInput, graph: FlowGraph) {
    // Flows of the requested kinds without a date. Those also undisclosed
    // count once, as undated.
    var undated = 0
    var undatedUndisclosed = 0
    for flow in 0 ..< graph.flowCount where filter.kinds.contains(graph.kind(of: flow)) && graph.date(of: flow) == nil {
      undated += 1
      if input.selection.conversion.value(of: flow, in: graph) == nil { undatedUndisclosed += 1 }
    }
    if filter.minimumAmount != nil, filter.since == nil, filter.until == nil {
      input.undisclosedExcluded -= undatedUndisclosed
    }
    input.undatedExcluded = undated
    input.selectedFlowCount = input.links.flowCount
    guard !through.isEmpty else { return }
    let n = input.links.companyCount
    input.restriction.through = [Bool](repeating: false, count: n)
    for company in through where company.index < n { input.restriction.through[company.index] = true }
  }

  /// The enumeration behind ``FlowGraph/temporalCycles(_:progress:stop:)``:
  /// from each company of a component worth searching (with `through`, one
  /// holding one of those companies), on `threads` workers (one with
  /// `stopAfter`); with `shard`, only from that shard's start companies.
  func enumerate(_ input: CycleSearchInput, run: CycleSearchRun, shard: WorkShard?) -> (sinks: [CycleSink], starts: Int) {
    let links = input.links
    let components = run.components
    let searchable = (maxLength ?? 1) >= 1
    var wanted = (0 ..< components.count).map { run.isSearched(component: $0) }
    if !input.restriction.through.isEmpty {
      var holdsTarget = [Bool](repeating: false, count: components.count)
      for v in 0 ..< links.companyCount where input.restriction.through[v] {
        holdsTarget[Int(components.componentOf[v])] = true
      }
      for c in 0 ..< components.count where !holdsTarget[c] { wanted[c] = false }
    }
    let candidates = (0 ..< Int32(searchable ? links.companyCount : 0)).filter {
      wanted[Int(components.componentOf[Int($0)])]
    }
    let starts = run.owned(candidates, by: shard) { $0 }
    let maxLength = maxLength.map { Int32(clamping: $0) }
    let window = window?.seconds
    let strictly = strictlyIncreasing
    let sinks = run.run(
      starts, threads: stopAfter == nil ? max(1, threads) : 1,
      searcher: { TemporalCycleSearcher(links: links, components: components, maxLength: maxLength) }
    ) { searcher, task, sink in
      searcher.enumerate(from: starts[task], window: window, strictlyIncreasing: strictly, into: &sink)
    }
    return (sinks, starts.count)
  }

  /// Chains with their flows and span.
  func cycles(_ ranked: [RankedCycle], input: CycleSearchInput, graph: FlowGraph) -> [TemporalCycle] {
    ranked.map { entry in
      TemporalCycle(
        companies: entry.nodes.map { CompanyID($0) }, flows: entry.hops.map { Int($0) },
        circulating: entry.amount.isNaN ? nil : entry.amount,
        spanSeconds: graph.time(of: Int(entry.hops[entry.hops.count - 1])) - graph.time(of: Int(entry.hops[0])))
    }
  }
}
