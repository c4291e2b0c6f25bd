/// What an elementary-cycle search looks for and how much it keeps.
public struct CycleSearchOptions: Sendable, Hashable {
  /// Which flows take part: kinds (by default the money-moving ones), a
  /// minimum amount and a date range.
  public var filter: FlowFilter
  /// The longest cycle counted, in links; nil for any length. Values below 1
  /// find nothing; 1 finds only flows from a company to itself.
  public var maxLength: Int?
  /// How many cycles to list, those with the largest circulating amount;
  /// 0 lists all. Also bounds the exposure list. Default 100.
  public var limit: Int
  /// Stop after counting this many cycles (see ``FlowGraph/elementaryCycles(_:progress:)``
  /// for which ones); nil for no bound.
  public var stopAfter: Int?
  /// Count only: list no cycles and compute no exposure (faster).
  public var countOnly: Bool
  /// Worker threads for the enumeration (at least 1). Ignored, the search
  /// running on one thread, when `stopAfter` is set.
  public var threads: Int
  /// Only cycles through at least one of these companies; empty for all.
  /// The search then starts from them alone (see
  /// ``FlowGraph/elementaryCycles(_:progress:)``).
  public var through: [CompanyID]
  /// The shortest cycle counted, in links; nil (or 1) for any length.
  /// Components with fewer companies are not searched.
  public var minLength: Int?

  public init(
    filter: FlowFilter = FlowFilter(), maxLength: Int? = nil, limit: Int = 100, stopAfter: Int? = nil,
    countOnly: Bool = false, threads: Int = 1, through: [CompanyID] = [], minLength: Int? = nil
  ) {
    self.through = through
    self.minLength = minLength
    self.filter = filter
    self.maxLength = maxLength
    self.limit = limit
    self.stopAfter = stopAfter
    self.countOnly = countOnly
    self.threads = threads
  }
}

/// An elementary cycle of the link graph: companies that pass money round,
/// each company once.
public struct Cycle: Sendable, Hashable {
  /// The companies in order, starting at the one whose id sorts first
  /// (byte order), without repeating it at the end. Money flows from
  /// `companies[i]` to `companies[i + 1]`, and from the last to the first.
  public var companies: [CompanyID]
  /// For each hop `i` (from `companies[i]` to the next company), the indices
  /// of the selected flows of that link, sorted by (day, flow index).
  public var flows: [[Int]]
  /// The circulating amount: the smallest link total along the cycle, in the
  /// base currency; nil when a link has no disclosed amount.
  public var circulating: Double?

  public init(companies: [CompanyID], flows: [[Int]], circulating: Double?) {
    self.companies = companies
    self.flows = flows
    self.circulating = circulating
  }

  /// The number of links (and of companies).
  public var length: Int { companies.count }
}

/// What an elementary-cycle search found.
public struct CycleSearchResult: Sendable {
  /// The number of cycles counted (all that the options allow, or
  /// `stopAfter` when ``truncated``).
  public var count: Int
  /// Whether the search stopped at `stopAfter` while more cycles existed,
  /// or stopped early (see ``interruption``).
  public var truncated: Bool
  /// The `limit` counted cycles with the largest circulating amount, best
  /// first: known amounts before unknown ones, ties broken by the company
  /// sequence (ids in byte order). Empty with `countOnly`.
  public var cycles: [Cycle]
  /// Per company with at least one counted cycle: cycles through it and the
  /// circulating amount through it, largest first; the first `limit`.
  /// Empty with `countOnly`.
  public var exposure: [CompanyExposure]
  /// The currency of all amounts; empty when no flow names one.
  public var baseCurrency: String
  /// How many flows the filter kept.
  public var selectedFlowCount: Int
  /// Flows of the requested kinds left out for lack of a date (a date bound
  /// was given).
  public var undatedExcluded: Int
  /// Flows of the requested kinds left out for lack of an amount (a minimum
  /// amount was given).
  public var undisclosedExcluded: Int
  /// The options the search ran with.
  public var options: CycleSearchOptions
  /// Where the search stopped when its ``StopSignal`` fired (time limit,
  /// signal); nil if it ran to the end. `count`, the list and the exposure
  /// then cover the cycles found until then.
  public var interruption: SearchInterruption?

  public init(
    count: Int, truncated: Bool, cycles: [Cycle], exposure: [CompanyExposure], baseCurrency: String,
    selectedFlowCount: Int, undatedExcluded: Int, undisclosedExcluded: Int, options: CycleSearchOptions,
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
  /// Finds the elementary cycles of the company graph in which the selected
  /// flows of one direction between two companies form one link.
  ///
  /// Cycles are searched inside each strongly connected component. Without
  /// a length bound (or where the bound is at least the component's size),
  /// Johnson's algorithm runs from each start company on the component split
  /// again after removing the previous start (Johnson 1975); with a bound,
  /// the length-bounded search of Gupta and Suzumura (2021) runs from each
  /// company over the companies numbered above it that can get back to it
  /// within the bound. A flow from a company to itself is a cycle of length 1.
  ///
  /// Each cycle is counted once, written from its company whose id sorts
  /// first. The circulating amount of a cycle is its bottleneck: the smallest
  /// link total along it, a link total being the sum of the link's disclosed
  /// amounts in the base currency; a link whose amounts are all undisclosed
  /// has an unknown total and makes the cycle's amount unknown.
  ///
  /// **Stop-after.** Cycles are counted in lexicographic order of their
  /// company sequences (ids in byte order, a sequence before its extensions).
  /// With `stopAfter` = *N* the search runs on one thread and counts exactly
  /// the first *N* cycles in that order; `truncated` is true if an (*N*+1)-th
  /// exists. The list and exposure then cover those *N* cycles.
  ///
  /// **Through.** With `through` = *T*, the companies are renumbered so that
  /// *T* come first, and the search starts only from them: from each
  /// *t* ∈ *T* in turn (ascending) it finds the cycles through *t* that avoid
  /// the members of *T* before it, so each cycle through *T* is found once and
  /// no other cycle is walked. Found cycles are written from their smallest
  /// company again; with `stopAfter` they are counted target by target.
  /// Cost: O((*V* + *E*)(*c* + |*T*|)) for the *c* cycles through *T*.
  ///
  /// **Minimum length.** Components with fewer than `minLength` companies
  /// are skipped; shorter cycles found in larger ones are not counted.
  ///
  /// **Threads.** With `threads` > 1 (and no `stopAfter`), start companies
  /// are handed out to worker threads; counts, lists and exposure sums are
  /// merged so that the result is identical to one thread's.
  ///
  /// **Stopping early.** When `stop` fires (polled before each start
  /// company and every 4,096 cycles), the search returns the cycles found so
  /// far, `truncated`, with an ``CycleSearchResult/interruption`` saying how
  /// many start companies were searched (and, on one thread, where it
  /// stopped).
  ///
  /// - Parameter progress: called now and then (about every 0.2 s, from any
  ///   thread but never concurrently) and once at the end.
  /// - Throws: ``CurrencyConversion/Failure`` if selected flows use a currency
  ///   without a rate.
  /// - Complexity: O((*V* + *E*)(*c* + 1)) without a bound, O(*L*(*V* + *E*)(*c* + 1))
  ///   with bound *L*, for *c* cycles; O(*V* + *E*) extra memory per thread.
  public func elementaryCycles(
    _ options: CycleSearchOptions = CycleSearchOptions(),
    progress: (@Sendable (CycleSearchProgress) -> Void)? = nil, stop: StopSignal? = nil
  ) throws(CurrencyConversion.Failure) -> CycleSearchResult {
    let (selection, links) = try cycleLinks(options)
    let (searched, restriction, startLimit) = links.restricted(options)
    let (found, interruption) = searched.enumerateCycles(
      options, restriction: restriction, startLimit: startLimit, progress: progress, stop: stop)
    return cycleResult(found, selection: selection, links: searched, options: options, interruption: interruption)
  }

  /// The selected flows and their link graph for an elementary-cycle search.
  func cycleLinks(_ options: CycleSearchOptions) throws(CurrencyConversion.Failure) -> (FlowSelection, LinkGraph) {
    let selection = try FlowSelection(graph: self, filter: options.filter)
    // Counting needs no amounts: leave them out of the link graph.
    let links = LinkGraph(
      graph: self, isSelected: selection.isSelected, conversion: options.countOnly ? nil : selection.conversion)
    return (selection, links)
  }

  /// The public result of an enumeration over `links` (the searched link
  /// graph, relabelled when ``CycleSearchOptions/through`` is set).
  func cycleResult(
    _ found: (count: Int, truncated: Bool, ranked: [RankedCycle], exposure: ExposureAccumulator),
    selection: FlowSelection, links searched: LinkGraph, options: CycleSearchOptions,
    interruption: SearchInterruption? = nil
  ) -> CycleSearchResult {
    let cycles = found.ranked.map { entry in
      Cycle(
        companies: entry.nodes.map { CompanyID($0) },
        flows: entry.hops.map { searched.flows(ofLink: Int($0)).map { Int($0) } },
        circulating: entry.amount.isNaN ? nil : entry.amount)
    }
    return CycleSearchResult(
      count: found.count, truncated: found.truncated, cycles: cycles,
      exposure: options.countOnly ? [] : found.exposure.listed(limit: options.limit),
      baseCurrency: selection.conversion.baseCurrency, selectedFlowCount: selection.count,
      undatedExcluded: selection.undatedExcluded, undisclosedExcluded: selection.undisclosedExcluded,
      options: options, interruption: interruption)
  }
}

extension LinkGraph {
  /// The link graph to search under `options.through` and `minLength`: with
  /// `through`, relabelled so those companies come first (only they start a
  /// search, below `startLimit`), and the restriction the sink applies.
  ///
  /// - Complexity: O(*V* + *E*) with `through`, O(1) without.
  func restricted(_ options: CycleSearchOptions) -> (links: LinkGraph, restriction: CycleRestriction, startLimit: Int32) {
    var restriction = CycleRestriction(minLength: options.minLength ?? 0)
    guard !options.through.isEmpty else { return (self, restriction, .max) }
    let first = Array(Set(options.through.map(\.rawValue))).sorted()
    let searched: LinkGraph
    (searched, restriction.original) = relabelled(first: first)
    return (searched, restriction, Int32(first.count))
  }

  /// The enumeration behind ``FlowGraph/elementaryCycles(_:progress:)``.
  /// Only companies numbered below `startLimit` start a search; with
  /// `shard`, only that shard's start companies (`stopAfter` must then be nil).
  func enumerateCycles(
    _ options: CycleSearchOptions, restriction: CycleRestriction = CycleRestriction(), startLimit: Int32 = .max,
    shard: WorkShard? = nil, progress: (@Sendable (CycleSearchProgress) -> Void)?, stop: StopSignal? = nil
  ) -> (
    found: (count: Int, truncated: Bool, ranked: [RankedCycle], exposure: ExposureAccumulator),
    interruption: SearchInterruption?
  ) {
    let plan = CycleSearchPlan(
      links: self, options: options, restriction: restriction, startLimit: startLimit, progress: progress,
      stop: stop)
    let sinks =
      shard == nil && (options.threads <= 1 || options.stopAfter != nil)
      ? [plan.runSequentially()] : plan.runInParallel(shard: shard)
    let merged = CycleSink.merge(sinks, companyCount: companyCount, limit: options.limit)
    let interruption = CycleSink.interruption(sinks, companiesTotal: plan.startCount)
    if interruption == nil { plan.reporter?.finish(cyclesFound: merged.count) }
    return (merged, interruption)
  }
}

/// How an elementary-cycle search splits into start companies.
///
/// Components with a cycle that are larger than the length bound are
/// searched with the bounded algorithm from each of their companies;
/// the others (all of them without a bound) with Johnson's algorithm, whose
/// start companies come from splitting the component again after each start.
struct CycleSearchPlan: Sendable {
  let links: LinkGraph
  let options: CycleSearchOptions
  let components: StronglyConnectedComponents
  let reporter: ProgressReporter?
  /// The length bound; nil for none.
  let bound: Int32?
  /// Start companies of the bounded search, ascending.
  let boundedStarts: [Int32]
  /// Components searched with Johnson's algorithm.
  let johnsonComponents: [[Int32]]
  /// What the sinks filter (minimum length, relabelling).
  let restriction: CycleRestriction
  /// Only companies numbered below it start a search.
  let startLimit: Int32
  /// Optional early stop.
  let stop: StopSignal?

  /// Companies in the components searched: the start companies to settle.
  var startCount: Int { johnsonComponents.reduce(boundedStarts.count) { $0 + $1.count } }

  init(
    links: LinkGraph, options: CycleSearchOptions, restriction: CycleRestriction, startLimit: Int32,
    progress: (@Sendable (CycleSearchProgress) -> Void)?, stop: StopSignal? = nil
  ) {
    self.stop = stop
    let components = StronglyConnectedComponents(links: links)
    self.restriction = restriction
    self.startLimit = startLimit
    self.links = links
    self.options = options
    self.components = components
    self.reporter = progress.map { ProgressReporter(components: components, callback: $0) }
    let bound = options.maxLength.map { Int32(clamping: $0) }
    self.bound = bound
    var boundedStarts: [Int32] = []
    var johnsonComponents: [[Int32]] = []
    for c in 0 ..< components.count where components.hasCycle(component: c) && (bound ?? 1) >= 1 {
      let members = components.members[Int(components.memberStart[c]) ..< Int(components.memberStart[c + 1])]
      if members.count < restriction.minLength { continue }
      if let bound, Int(bound) < members.count {
        boundedStarts.append(contentsOf: members.filter { $0 < startLimit })
      } else {
        johnsonComponents.append(Array(members))
      }
    }
    boundedStarts.sort()
    self.boundedStarts = boundedStarts
    self.johnsonComponents = johnsonComponents
  }

  func makeSink() -> CycleSink {
    CycleSink(
      companyCount: links.companyCount, limit: options.limit, stopAfter: options.stopAfter,
      countOnly: options.countOnly, reporter: reporter, restriction: restriction, stop: stop)
  }

  func report(_ sink: inout CycleSink, settled: Int, start: Int32) {
    sink.settled += settled
    reporter?.add(cycles: sink.takeUnreported(), settled: settled, inComponent: Int(components.componentOf[Int(start)]))
  }

  /// Searches from every start company in ascending order, on this thread,
  /// so that cycles come in lexicographic order (what `stopAfter` counts).
  func runSequentially() -> CycleSink {
    var searcher = CycleSearcher(links: links, components: components)
    var sink = makeSink()
    var splitter = ComponentSplitter(links: links)
    var pending = PendingComponents()
    for members in johnsonComponents { pending.insert(members) }
    var next = 0
    while true {
      let boundedStart = next < boundedStarts.count ? boundedStarts[next] : Int32.max
      let johnsonStart = pending.smallestStart.flatMap { $0 < startLimit ? $0 : nil } ?? Int32.max
      if boundedStart == Int32.max, johnsonStart == Int32.max { break }
      if sink.mustStop(before: min(boundedStart, johnsonStart)) { break }
      let running: Bool
      if boundedStart < johnsonStart, let bound {
        next += 1
        running = searcher.enumerateBounded(from: boundedStart, maxLength: bound, into: &sink)
        report(&sink, settled: running ? 1 : 0, start: boundedStart)
      } else {
        let component = pending.removeSmallest()
        if component.members.count < restriction.minLength {
          // Too small for a long enough cycle, and so is every part of it.
          report(&sink, settled: component.members.count, start: component.start)
          continue
        }
        searcher.scope(members: component.members, except: component.start)
        running = searcher.enumerateUnbounded(from: component.start, into: &sink)
        let dropped = splitter.split(component, into: &pending, links: links)
        report(&sink, settled: running ? 1 + dropped : 0, start: component.start)
      }
      if !running {
        sink.noteStopped(at: min(boundedStart, johnsonStart))
        break
      }
    }
    return sink
  }

  /// Lists Johnson's start companies first (splitting components on this
  /// thread), then hands out all start companies to worker threads, each
  /// Johnson start searching over the companies above it that can get back
  /// to it. With `shard`, only that shard's start companies.
  func runInParallel(shard: WorkShard? = nil) -> [CycleSink] {
    var johnsonStarts: [Int32] = []
    var settledBySplitting = 0
    var splitter = ComponentSplitter(links: links)
    var pending = PendingComponents()
    for members in johnsonComponents { pending.insert(members) }
    while let start = pending.smallestStart, start < startLimit {
      let component = pending.removeSmallest()
      if component.members.count < restriction.minLength {
        reporter?.add(
          cycles: 0, settled: component.members.count, inComponent: Int(components.componentOf[Int(start)]))
        continue
      }
      johnsonStarts.append(component.start)
      let dropped = splitter.split(component, into: &pending, links: links)
      reporter?.add(cycles: 0, settled: dropped, inComponent: Int(components.componentOf[Int(component.start)]))
      settledBySplitting += dropped
    }
    var tasks = boundedStarts.map { ($0, true) } + johnsonStarts.map { ($0, false) }
    tasks.sort { $0.0 < $1.0 }
    if let shard {
      let owned = shard.owns(tasks.map(\.0), costs: WorkShard.startCosts(links: links, components: components))
      tasks = tasks.indices.filter { owned[$0] }.map { tasks[$0] }
    }
    let taskStart = tasks.map(\.0)
    let taskBounded = tasks.map(\.1)
    let counter = ParallelWork.TaskCounter()
    let settledBefore = settledBySplitting
    return ParallelWork.run(threads: options.threads) { worker in
      var searcher = CycleSearcher(links: links, components: components)
      var sink = makeSink()
      if worker == 0 { sink.settled = settledBefore }
      while true {
        let task = counter.take()
        guard task < taskStart.count else { break }
        let start = taskStart[task]
        if sink.mustStop(before: start) { break }
        let running: Bool
        if taskBounded[task], let bound {
          running = searcher.enumerateBounded(from: start, maxLength: bound, into: &sink)
        } else {
          searcher.scopeReaching(start, maxDepth: Int32.max)
          running = searcher.enumerateUnbounded(from: start, into: &sink)
        }
        if !running {
          sink.noteStopped(at: start)
          break
        }
        report(&sink, settled: 1, start: start)
      }
      return sink
    }
  }
}
