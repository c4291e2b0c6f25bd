extension CyclicFlows {
  /// Finds the flows among those `filter` keeps that lie on at least one
  /// elementary cycle passing through one of `through` (any company when it
  /// is empty) of at least `minLength` and at most `maxLength` links: the
  /// flows of exactly the cycles ``FlowGraph/elementaryCycles(_:progress:)``
  /// counts with the same options.
  ///
  /// Without `through` and with `minLength` at most 2 this is decided per
  /// strongly connected component, as by ``init(graph:selection:maxLength:)``
  /// (a link inside a component lies on a cycle of two or more links: its
  /// shortest way back; a flow from a company to itself only on one of
  /// length 1). Otherwise no such shortcut exists in general (whether a link
  /// and a company share an elementary cycle contains the directed
  /// two-disjoint-paths problem; a link on a cycle of at least *V* links is a
  /// Hamiltonian cycle), so the cycles are enumerated with that search (from
  /// the `through` companies only; components smaller than `minLength`
  /// skipped) and the flows of each are marked.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if selected flows use a currency
  ///   without a rate.
  /// - Complexity: O(*V* + *E*) in the first case (a breadth-first search per
  ///   company with a bound, see ``init(graph:selection:maxLength:)``);
  ///   otherwise the search's O((*V* + *E*)(*c* + |*T*|)), times *L* with a
  ///   bound, for the *c* cycles counted, plus memory for all *c* of them.
  public init(
    graph: FlowGraph, filter: FlowFilter, maxLength: Int?, through: [CompanyID] = [], minLength: Int? = nil,
    threads: Int = 1
  ) throws(CurrencyConversion.Failure) {
    let minimum = minLength ?? 1
    if through.isEmpty, minimum <= 2 {
      let selection = try FlowSelection(graph: graph, filter: filter)
      self.init(
        graph: graph, links: LinkGraph(graph: graph, selection: selection), maxLength: maxLength, minLength: minimum)
      return
    }
    let found = try graph.elementaryCycles(
      CycleSearchOptions(
        filter: filter, maxLength: maxLength, limit: 0, threads: threads, through: through, minLength: minLength))
    var isOnCycle = [Bool](repeating: false, count: graph.flowCount)
    var isCompanyOnCycle = [Bool](repeating: false, count: graph.companyCount)
    for cycle in found.cycles {
      for company in cycle.companies { isCompanyOnCycle[company.index] = true }
      for hop in cycle.flows {
        for flow in hop { isOnCycle[flow] = true }
      }
    }
    self.init(isOnCycle: isOnCycle, isCompanyOnCycle: isCompanyOnCycle, maxLength: maxLength)
  }
}
