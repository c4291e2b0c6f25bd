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
    try searchCycles(options, progress: progress, stop: stop)
  }
}

extension CycleSearchOptions: CycleSearchRequest, CycleSearchKind {
  public typealias Found = Cycle
  static var partialKind: CycleSearchPartial.Kind { .elementary }

  /// With `through`, the link graph relabelled so those companies come
  /// first (only they start a search, below `startLimit`).
  ///
  /// - Complexity: O(*V* + *E*) with `through`, O(1) without.
  func refine(_ input: inout CycleSearchInput, graph: FlowGraph) {
    guard !through.isEmpty else { return }
    let first = Array(Set(through.map(\.rawValue))).sorted()
    (input.links, input.restriction.original) = input.links.relabelled(first: first)
    input.startLimit = Int32(first.count)
  }

  /// The enumeration behind ``FlowGraph/elementaryCycles(_:progress:stop:)``:
  /// on one thread in lexicographic order when `stopAfter` is set, else on
  /// `threads` workers; with `shard`, only that shard's start companies
  /// (`stopAfter` must then be nil).
  func enumerate(_ input: CycleSearchInput, run: CycleSearchRun, shard: WorkShard?) -> (sinks: [CycleSink], starts: Int) {
    let plan = CycleSearchPlan(run: run, options: self, startLimit: input.startLimit)
    let sinks =
      shard == nil && (threads <= 1 || stopAfter != nil) ? [plan.runSequentially()] : plan.runInParallel(shard: shard)
    return (sinks, plan.startCount)
  }

  /// Cycles with the flows of each hop's link.
  func cycles(_ ranked: [RankedCycle], input: CycleSearchInput, graph: FlowGraph) -> [Cycle] {
    ranked.map { entry in
      Cycle(
        companies: entry.nodes.map { CompanyID($0) },
        flows: entry.hops.map { input.links.flows(ofLink: Int($0)).map { Int($0) } },
        circulating: entry.amount.isNaN ? nil : entry.amount)
    }
  }
}

/// How an elementary-cycle search splits into start companies.
///
/// Components with a cycle that are larger than the length bound are
/// searched with the bounded algorithm from each of their companies;
/// the others (all of them without a bound) with Johnson's algorithm, whose
/// start companies come from splitting the component again after each start.
struct CycleSearchPlan: Sendable {
  /// The components, sinks and progress of the search.
  let run: CycleSearchRun
  var links: LinkGraph { run.links }
  let threads: Int
  /// The length bound; nil for none.
  let bound: Int32?
  /// Start companies of the bounded search, ascending.
  let boundedStarts: [Int32]
  /// Components searched with Johnson's algorithm.
  let johnsonComponents: [[Int32]]
  /// Only companies numbered below it start a search.
  let startLimit: Int32

  /// Companies in the components searched: the start companies to settle.
  var startCount: Int { johnsonComponents.reduce(boundedStarts.count) { $0 + $1.count } }

  init(run: CycleSearchRun, options: CycleSearchOptions, startLimit: Int32) {
    self.run = run
    self.startLimit = startLimit
    self.threads = options.threads
    let components = run.components
    let bound = options.maxLength.map { Int32(clamping: $0) }
    self.bound = bound
    var boundedStarts: [Int32] = []
    var johnsonComponents: [[Int32]] = []
    for c in 0 ..< components.count where run.isSearched(component: c) && (bound ?? 1) >= 1 {
      let members = components.members[Int(components.memberStart[c]) ..< Int(components.memberStart[c + 1])]
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

  /// Searches from every start company in ascending order, on this thread,
  /// so that cycles come in lexicographic order (what `stopAfter` counts).
  func runSequentially() -> CycleSink {
    var searcher = CycleSearcher(links: links, components: run.components)
    var sink = run.makeSink()
    let minLength = run.restriction.minLength
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
        run.report(&sink, settled: running ? 1 : 0, start: boundedStart)
      } else {
        let component = pending.removeSmallest()
        if component.members.count < minLength {
          // Too small for a long enough cycle, and so is every part of it.
          run.report(&sink, settled: component.members.count, start: component.start)
          continue
        }
        searcher.scope(members: component.members, except: component.start)
        running = searcher.enumerateUnbounded(from: component.start, into: &sink)
        let dropped = splitter.split(component, into: &pending, links: links)
        run.report(&sink, settled: running ? 1 + dropped : 0, start: component.start)
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
    let components = run.components
    while let start = pending.smallestStart, start < startLimit {
      let component = pending.removeSmallest()
      if component.members.count < run.restriction.minLength {
        run.reporter?.add(
          cycles: 0, settled: component.members.count, inComponent: Int(components.componentOf[Int(start)]))
        continue
      }
      johnsonStarts.append(component.start)
      let dropped = splitter.split(component, into: &pending, links: links)
      run.reporter?.add(cycles: 0, settled: dropped, inComponent: Int(components.componentOf[Int(component.start)]))
      settledBySplitting += dropped
    }
    var tasks = boundedStarts.map { ($0, true) } + johnsonStarts.map { ($0, false) }
    tasks.sort { $0.0 < $1.0 }
    tasks = run.owned(tasks, by: shard) { $0.0 }
    let taskStart = tasks.map(\.0)
    let taskBounded = tasks.map(\.1)
    let (links, bound) = (links, bound)
    return run.run(
      taskStart, threads: threads, settledBefore: settledBySplitting,
      searcher: { CycleSearcher(links: links, components: components) }
    ) { searcher, task, sink in
      let start = taskStart[task]
      if taskBounded[task], let bound { return searcher.enumerateBounded(from: start, maxLength: bound, into: &sink) }
      searcher.scopeReaching(start, maxDepth: Int32.max)
      return searcher.enumerateUnbounded(from: start, into: &sink)
    }
  }
}
