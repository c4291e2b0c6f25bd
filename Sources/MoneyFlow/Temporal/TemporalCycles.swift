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

/// What a search for time-respecting cycles found.
public struct TemporalCycleSearchResult: Sendable {
  /// The number of chains counted.
  public var count: Int
  /// Whether the search stopped at `stopAfter` while more chains existed,
  /// or stopped early (see ``interruption``).
  public var truncated: Bool
  /// The `limit` counted chains with the largest circulating amount, best
  /// first (unknown amounts last; ties by company sequence, then flows).
  public var cycles: [TemporalCycle]
  /// Per company with at least one counted chain: chains through it and
  /// their circulating amount; the first `limit`.
  public var exposure: [CompanyExposure]
  /// The currency of all amounts.
  public var baseCurrency: String
  /// Flows the filter kept that have a date (and so take part).
  public var selectedFlowCount: Int
  /// Flows of the requested kinds left out for lack of a date: all of them,
  /// since a time-respecting cycle needs dates.
  public var undatedExcluded: Int
  /// Dated flows left out for lack of an amount (a minimum amount was given).
  public var undisclosedExcluded: Int
  /// The options the search ran with.
  public var options: TemporalCycleSearchOptions
  /// Where the search stopped when its ``StopSignal`` fired; nil if it ran
  /// to the end (as for ``CycleSearchResult/interruption``).
  public var interruption: SearchInterruption?

  public init(
    count: Int, truncated: Bool, cycles: [TemporalCycle], exposure: [CompanyExposure], baseCurrency: String,
    selectedFlowCount: Int, undatedExcluded: Int, undisclosedExcluded: Int, options: TemporalCycleSearchOptions,
    interruption: SearchInterruption? = nil
  ) {
    self.interruption = interruption
    self.count = count
    self.truncated = truncated
    self.cycles = cycles
    self.exposure = exposure
    self.baseCurrency = baseCurrency
    self.selectedFlowCount = selectedFlowCount
    self.undatedExcluded = undatedExcluded
    self.undisclosedExcluded = undisclosedExcluded
    self.options = options
  }
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
    var interruption: SearchInterruption?
    var result = try temporalCycles(options) { links in
      let searched = links.enumerateTemporalCycles(options, progress: progress, stop: stop)
      interruption = searched.interruption
      return searched.found
    }
    result.interruption = interruption
    return result
  }

  /// ``temporalCycles(_:progress:)`` with the enumeration `search` over the
  /// dated link graph (a shard's, or shards merged).
  func temporalCycles(
    _ options: TemporalCycleSearchOptions, search: (LinkGraph) -> CycleSearchFound
  ) throws(CurrencyConversion.Failure) -> TemporalCycleSearchResult {
    let selection = try FlowSelection(graph: self, filter: options.filter)
    let links = LinkGraph(
      graph: self, isSelected: selection.isSelected, conversion: options.countOnly ? nil : selection.conversion,
      requireDate: true)
    // Flows of the requested kinds without a date: none can take part. Those
    // also undisclosed count once, as undated.
    let filter = options.filter
    var undated = 0
    var undatedUndisclosed = 0
    for flow in 0 ..< flowCount where filter.kinds.contains(kind(of: flow)) && date(of: flow) == nil {
      undated += 1
      if !hasAmount(flow) { undatedUndisclosed += 1 }
    }
    var undisclosed = selection.undisclosedExcluded
    if filter.minimumAmount != nil, filter.since == nil, filter.until == nil { undisclosed -= undatedUndisclosed }
    let found = search(links)
    let cycles = found.ranked.map { entry in
      TemporalCycle(
        companies: entry.nodes.map { CompanyID($0) }, flows: entry.hops.map { Int($0) },
        circulating: entry.amount.isNaN ? nil : entry.amount,
        spanSeconds: time(of: Int(entry.hops[entry.hops.count - 1])) - time(of: Int(entry.hops[0])))
    }
    return TemporalCycleSearchResult(
      count: found.count, truncated: found.truncated, cycles: cycles,
      exposure: options.countOnly ? [] : found.exposure.listed(limit: options.limit),
      baseCurrency: selection.conversion.baseCurrency, selectedFlowCount: links.flowCount,
      undatedExcluded: undated, undisclosedExcluded: undisclosed,
      options: options)
  }
}

extension LinkGraph {
  /// The enumeration behind ``FlowGraph/temporalCycles(_:progress:)``; the
  /// link graph must hold dated flows only.
  /// With `shard`, searches only from that shard's start companies.
  func enumerateTemporalCycles(
    _ options: TemporalCycleSearchOptions, shard: WorkShard? = nil,
    progress: (@Sendable (CycleSearchProgress) -> Void)?, stop: StopSignal? = nil
  ) -> (found: CycleSearchFound, interruption: SearchInterruption?) {
    let n = companyCount
    let components = StronglyConnectedComponents(links: self)
    let reporter = progress.map { ProgressReporter(components: components, callback: $0) }
    let searchable = (options.maxLength ?? 1) >= 1
    var restriction = CycleRestriction(minLength: options.minLength ?? 0)
    // Components worth searching: with a cycle, at least `minLength`
    // companies, and (with `through`) one of the companies asked for.
    var wanted = (0 ..< components.count).map {
      components.hasCycle(component: $0)
        && Int(components.memberStart[$0 + 1] - components.memberStart[$0]) >= restriction.minLength
    }
    if !options.through.isEmpty {
      restriction.through = [Bool](repeating: false, count: n)
      var holdsTarget = [Bool](repeating: false, count: components.count)
      for company in options.through where company.index < n {
        restriction.through[company.index] = true
        holdsTarget[Int(components.componentOf[company.index])] = true
      }
      for c in 0 ..< components.count where !holdsTarget[c] { wanted[c] = false }
    }
    let candidates = (0 ..< Int32(searchable ? n : 0)).filter { wanted[Int(components.componentOf[Int($0)])] }
    let owned = shard?.owns(candidates, costs: WorkShard.startCosts(links: self, components: components))
    let starts = owned.map { owned in candidates.indices.filter { owned[$0] }.map { candidates[$0] } } ?? candidates
    let sinkRestriction = restriction
    let maxLength = options.maxLength.map { Int32(clamping: $0) }
    let window = options.window?.seconds
    let makeSink: @Sendable () -> CycleSink = {
      CycleSink(
        companyCount: n, limit: options.limit, stopAfter: options.stopAfter, countOnly: options.countOnly,
        reporter: reporter, restriction: sinkRestriction, stop: stop)
    }
    let threads = options.stopAfter == nil ? max(1, options.threads) : 1
    let counter = ParallelWork.TaskCounter()
    let sinks = ParallelWork.run(threads: threads) { _ in
      var searcher = TemporalCycleSearcher(links: self, components: components, maxLength: maxLength)
      var sink = makeSink()
      while true {
        let task = counter.take()
        guard task < starts.count else { break }
        let start = starts[task]
        if sink.mustStop(before: start) { break }
        let running = searcher.enumerate(
          from: start, window: window, strictlyIncreasing: options.strictlyIncreasing, into: &sink)
        if !running {
          sink.noteStopped(at: start)
          break
        }
        sink.settled += 1
        reporter?.add(
          cycles: sink.takeUnreported(), settled: 1, inComponent: components.component(of: CompanyID(start)))
      }
      return sink
    }
    let merged = CycleSink.merge(sinks, companyCount: n, limit: options.limit)
    let interruption = CycleSink.interruption(sinks, companiesTotal: starts.count)
    if interruption == nil { reporter?.finish(cyclesFound: merged.count) }
    return (merged, interruption)
  }
}
