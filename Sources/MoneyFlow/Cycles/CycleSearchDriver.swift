/// What a cycle search found: ``CycleSearchResult`` for elementary cycles,
/// ``TemporalCycleSearchResult`` for time-respecting ones (chains).
public struct CycleSearchAnswer<Found: Sendable, Options: Sendable>: Sendable {
  /// The number of cycles counted (all that the options allow, or
  /// `stopAfter` when ``truncated``).
  public var count: Int
  /// Whether the search stopped at `stopAfter` while more cycles existed,
  /// or stopped early (see ``interruption``).
  public var truncated: Bool
  /// The `limit` counted cycles with the largest circulating amount, best
  /// first: known amounts before unknown ones, ties broken by the company
  /// sequence (ids in byte order), then the hops. Empty with `countOnly`.
  public var cycles: [Found]
  /// Per company with at least one counted cycle: cycles through it and the
  /// circulating amount through it, largest first; the first `limit`.
  /// Empty with `countOnly`.
  public var exposure: [CompanyExposure]
  /// The currency of all amounts; empty when no flow names one.
  public var baseCurrency: String
  /// How many flows the filter kept (time-respecting search: those with a
  /// date, which alone take part).
  public var selectedFlowCount: Int
  /// Flows of the requested kinds left out for lack of a date (a date bound
  /// was given; time-respecting search: all of them).
  public var undatedExcluded: Int
  /// Flows of the requested kinds left out for lack of an amount (a minimum
  /// amount was given).
  public var undisclosedExcluded: Int
  /// The options the search ran with.
  public var options: Options
  /// Where the search stopped when its ``StopSignal`` fired (time limit,
  /// signal); nil if it ran to the end. `count`, the list and the exposure
  /// then cover the cycles found until then.
  public var interruption: SearchInterruption?

  public init(
    count: Int, truncated: Bool, cycles: [Found], exposure: [CompanyExposure], baseCurrency: String,
    selectedFlowCount: Int, undatedExcluded: Int, undisclosedExcluded: Int, options: Options,
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

/// What an elementary-cycle search found.
public typealias CycleSearchResult = CycleSearchAnswer<Cycle, CycleSearchOptions>

/// What a search for time-respecting cycles found.
public typealias TemporalCycleSearchResult = CycleSearchAnswer<TemporalCycle, TemporalCycleSearchOptions>

/// What a search's enumeration produces before it becomes a public result.
typealias CycleSearchFound = (count: Int, truncated: Bool, ranked: [RankedCycle], exposure: ExposureAccumulator)

/// A cycle search as the command line runs it: whole, one shard of it, or
/// its shards merged. ``CycleSearchOptions`` (elementary cycles) and
/// ``TemporalCycleSearchOptions`` (time-respecting) are the two kinds.
public protocol CycleSearchRequest: Sendable {
  /// What one cycle of the answer is: ``Cycle`` or ``TemporalCycle``.
  associatedtype Found: Sendable
  /// How many cycles to list (0: all); also what a merge of partials keeps.
  var limit: Int { get set }
  /// The search over `graph` (``FlowGraph/elementaryCycles(_:progress:stop:)``,
  /// ``FlowGraph/temporalCycles(_:progress:stop:)``).
  func search(
    in graph: FlowGraph, progress: (@Sendable (CycleSearchProgress) -> Void)?, stop: StopSignal?
  ) throws(CurrencyConversion.Failure) -> CycleSearchAnswer<Found, Self>
  /// The mergeable answer of shard `shard` of the search (see ``WorkShard``;
  /// `stopAfter` is ignored); `optionsKey` is stored in the partial for
  /// ``CycleSearchPartial/merge(_:limit:)`` to compare.
  ///
  /// - Complexity: that of the search, for the shard's start companies.
  func partial(in graph: FlowGraph, shard: WorkShard, optionsKey: String) throws(CurrencyConversion.Failure)
    -> CycleSearchPartial
  /// The result of the search whose shards were merged into `merged`; nil
  /// when `merged` does not come from this graph and kind of search.
  ///
  /// - Complexity: O(*V* + *E* + *m* log *m*) for *m* listed cycles.
  func merging(_ merged: CycleSearchPartial, in graph: FlowGraph) throws(CurrencyConversion.Failure)
    -> CycleSearchAnswer<Found, Self>?
}

extension CycleSearchKind {
  public func search(
    in graph: FlowGraph, progress: (@Sendable (CycleSearchProgress) -> Void)?, stop: StopSignal?
  ) throws(CurrencyConversion.Failure) -> CycleSearchAnswer<Found, Self> {
    try graph.searchCycles(self, progress: progress, stop: stop)
  }

  public func partial(in graph: FlowGraph, shard: WorkShard, optionsKey: String) throws(CurrencyConversion.Failure)
    -> CycleSearchPartial
  {
    try graph.cycleSearchPartial(self, shard: shard, optionsKey: optionsKey)
  }

  public func merging(_ merged: CycleSearchPartial, in graph: FlowGraph) throws(CurrencyConversion.Failure)
    -> CycleSearchAnswer<Found, Self>?
  {
    try graph.cycleSearch(self, merging: merged)
  }
}

/// The options of one kind of cycle search (elementary, time-respecting),
/// and the steps that differ between the kinds. The steps they share are
/// written once, in ``FlowGraph/searchCycles(_:shard:progress:stop:)`` and
/// ``CycleSearchRun``: options → selection → link graph (restricted) →
/// components → start companies (shard, threads) → sinks → merge → result.
protocol CycleSearchKind: CycleSearchRequest {
  /// Which search a partial of this kind comes from; a temporal search's
  /// hops are flows (of dated flows only), an elementary one's links.
  static var partialKind: CycleSearchPartial.Kind { get }
  var filter: FlowFilter { get }
  var stopAfter: Int? { get set }
  var countOnly: Bool { get }
  var threads: Int { get }
  var through: [CompanyID] { get }
  var minLength: Int? { get }

  /// What this kind makes of the selection and its link graph before the
  /// search: the link graph to search, what the sinks filter, the counts.
  func refine(_ input: inout CycleSearchInput, graph: FlowGraph)
  /// Searches from the start companies (all, or `shard`'s) of `run`.
  /// - Returns: the workers' sinks and the number of start companies.
  func enumerate(_ input: CycleSearchInput, run: CycleSearchRun, shard: WorkShard?) -> (sinks: [CycleSink], starts: Int)
  /// The public form of the ranked cycles.
  func cycles(_ ranked: [RankedCycle], input: CycleSearchInput, graph: FlowGraph) -> [Found]
}

extension CycleSearchKind {
  /// Whether the hops of a cycle number flows (else links).
  static var hopsAreFlows: Bool { partialKind == .temporal }

  /// The flows the filter selects (with dates only, when hops are flows),
  /// their link graph (without amounts when only counting), as the kind
  /// refines them.
  ///
  /// - Complexity: O(*V* + *E*).
  func prepare(_ graph: FlowGraph) throws(CurrencyConversion.Failure) -> CycleSearchInput {
    let selection = try FlowSelection(graph: graph, filter: filter)
    let links = LinkGraph(
      graph: graph, isSelected: selection.isSelected, conversion: countOnly ? nil : selection.conversion,
      requireDate: Self.hopsAreFlows)
    var input = CycleSearchInput(
      selection: selection, links: links, restriction: CycleRestriction(minLength: minLength ?? 0),
      selectedFlowCount: selection.count, undatedExcluded: selection.undatedExcluded,
      undisclosedExcluded: selection.undisclosedExcluded)
    refine(&input, graph: graph)
    return input
  }
}

/// What ``CycleSearchKind/prepare(_:)`` makes of the graph for a search.
struct CycleSearchInput {
  var selection: FlowSelection
  /// The link graph searched (relabelled for elementary `--through`).
  var links: LinkGraph
  /// What the sinks filter (minimum length, `--through`, relabelling).
  var restriction: CycleRestriction
  /// Only companies numbered below it start a search.
  var startLimit: Int32 = .max
  var selectedFlowCount: Int
  var undatedExcluded: Int
  var undisclosedExcluded: Int
}

extension FlowGraph {
  /// The search of `kind` over this graph, from all start companies or from
  /// `shard`'s; the public result (or partial) is made from it.
  ///
  /// - Complexity: that of the kind's enumeration.
  func searchCycles<Kind: CycleSearchKind>(
    _ kind: Kind, shard: WorkShard? = nil, progress: (@Sendable (CycleSearchProgress) -> Void)?,
    stop: StopSignal? = nil
  ) throws(CurrencyConversion.Failure) -> CycleSearchAnswer<Kind.Found, Kind> {
    let input = try kind.prepare(self)
    let run = CycleSearchRun(kind, links: input.links, restriction: input.restriction, progress: progress, stop: stop)
    let (sinks, starts) = kind.enumerate(input, run: run, shard: shard)
    let (found, interruption) = run.finish(sinks, startCount: starts)
    return answer(kind, found: found, input: input, interruption: interruption)
  }

  /// The mergeable answer of shard `shard` of the search of `kind`
  /// (`stopAfter` ignored).
  func cycleSearchPartial<Kind: CycleSearchKind>(
    _ kind: Kind, shard: WorkShard, optionsKey: String
  ) throws(CurrencyConversion.Failure) -> CycleSearchPartial {
    var unbounded = kind
    unbounded.stopAfter = nil
    let input = try unbounded.prepare(self)
    let run = CycleSearchRun(unbounded, links: input.links, restriction: input.restriction, progress: nil)
    let found = run.finish(unbounded.enumerate(input, run: run, shard: shard).sinks, startCount: 0).found
    return CycleSearchPartial(
      kind: Kind.partialKind, shard: shard, optionsKey: optionsKey, companyCount: companyCount,
      hopCount: Kind.hopsAreFlows ? flowCount : input.links.linkCount, count: found.count, ranked: found.ranked,
      exposure: found.exposure)
  }

  /// The result of the search of `kind` whose shards were merged into
  /// `merged`; nil when `merged` does not come from this graph and search.
  func cycleSearch<Kind: CycleSearchKind>(
    _ kind: Kind, merging merged: CycleSearchPartial
  ) throws(CurrencyConversion.Failure) -> CycleSearchAnswer<Kind.Found, Kind>? {
    // A partial of flows is checked before the graph is read again.
    if Kind.hopsAreFlows, merged.found(kind: Kind.partialKind, companyCount: companyCount, hops: flowCount) == nil {
      return nil
    }
    let input = try kind.prepare(self)
    let hops = Kind.hopsAreFlows ? flowCount : input.links.linkCount
    guard let found = merged.found(kind: Kind.partialKind, companyCount: companyCount, hops: hops) else { return nil }
    return answer(kind, found: found, input: input)
  }

  /// The public result of an enumeration.
  private func answer<Kind: CycleSearchKind>(
    _ kind: Kind, found: CycleSearchFound, input: CycleSearchInput, interruption: SearchInterruption? = nil
  ) -> CycleSearchAnswer<Kind.Found, Kind> {
    CycleSearchAnswer(
      count: found.count, truncated: found.truncated, cycles: kind.cycles(found.ranked, input: input, graph: self),
      exposure: kind.countOnly ? [] : found.exposure.listed(limit: kind.limit),
      baseCurrency: input.selection.conversion.baseCurrency, selectedFlowCount: input.selectedFlowCount,
      undatedExcluded: input.undatedExcluded, undisclosedExcluded: input.undisclosedExcluded, options: kind,
      interruption: interruption)
  }
}

/// One run of a cycle search over a link graph: its components, progress,
/// stop signal and sink settings; hands start companies to worker threads
/// and merges their sinks so that the answer is the one-thread answer.
struct CycleSearchRun: Sendable {
  let links: LinkGraph
  let components: StronglyConnectedComponents
  let reporter: ProgressReporter?
  let restriction: CycleRestriction
  let stop: StopSignal?
  let limit: Int
  let stopAfter: Int?
  let countOnly: Bool

  init<Kind: CycleSearchKind>(
    _ kind: Kind, links: LinkGraph, restriction: CycleRestriction,
    progress: (@Sendable (CycleSearchProgress) -> Void)?, stop: StopSignal? = nil
  ) {
    let components = StronglyConnectedComponents(links: links)
    self.links = links
    self.components = components
    self.reporter = progress.map { ProgressReporter(components: components, callback: $0) }
    self.restriction = restriction
    self.stop = stop
    self.limit = kind.limit
    self.stopAfter = kind.stopAfter
    self.countOnly = kind.countOnly
  }

  /// A fresh sink for one worker.
  func makeSink() -> CycleSink {
    CycleSink(
      companyCount: links.companyCount, limit: limit, stopAfter: stopAfter, countOnly: countOnly,
      reporter: reporter, restriction: restriction, stop: stop)
  }

  /// Whether component `c` is worth searching: it has a cycle and at least
  /// the minimum length of companies.
  func isSearched(component c: Int) -> Bool {
    components.hasCycle(component: c) && components.size(ofComponent: c) >= restriction.minLength
  }

  /// `settled` more start companies are done (the last from `start`):
  /// counts them and tells the progress reporter.
  func report(_ sink: inout CycleSink, settled: Int, start: Int32) {
    sink.settled += settled
    reporter?.add(cycles: sink.takeUnreported(), settled: settled, inComponent: Int(components.componentOf[Int(start)]))
  }

  /// The elements of `tasks` whose start company (`start`) shard `shard`
  /// owns; all of them without a shard.
  func owned<Task>(_ tasks: [Task], by shard: WorkShard?, start: (Task) -> Int32) -> [Task] {
    guard let shard else { return tasks }
    let owned = shard.owns(tasks.map(start), costs: WorkShard.startCosts(links: links, components: components))
    return tasks.indices.filter { owned[$0] }.map { tasks[$0] }
  }

  /// Searches from `starts[i]` for each task `i`, handed out in order to
  /// `threads` workers (each with its own searcher and sink), until done or
  /// a sink says stop; worker 0 starts with `settledBefore` settled.
  ///
  /// - Parameter search: searches from the start of task `i` into the sink;
  ///   false if the sink stopped it.
  func run<Searcher>(
    _ starts: [Int32], threads: Int, settledBefore: Int = 0, searcher makeSearcher: @Sendable () -> Searcher,
    search: @Sendable (inout Searcher, Int, inout CycleSink) -> Bool
  ) -> [CycleSink] {
    let counter = ParallelWork.TaskCounter()
    return ParallelWork.run(threads: threads) { worker in
      var searcher = makeSearcher()
      var sink = makeSink()
      if worker == 0 { sink.settled = settledBefore }
      while true {
        let task = counter.take()
        guard task < starts.count else { break }
        let start = starts[task]
        if sink.mustStop(before: start) { break }
        guard search(&searcher, task, &sink) else {
          sink.noteStopped(at: start)
          break
        }
        report(&sink, settled: 1, start: start)
      }
      return sink
    }
  }

  /// The workers' sinks merged, and where the search stopped early (of
  /// `startCount` start companies); tells the reporter the search ended.
  func finish(_ sinks: [CycleSink], startCount: Int) -> (found: CycleSearchFound, interruption: SearchInterruption?) {
    let merged = CycleSink.merge(sinks, companyCount: links.companyCount, limit: limit)
    let interruption = CycleSink.interruption(sinks, companiesTotal: startCount)
    if interruption == nil { reporter?.finish(cyclesFound: merged.count) }
    return (merged, interruption)
  }
}
