extension LinkGraph {
  /// The same link graph with its companies renumbered so that `first`
  /// (distinct numbers, ascending) become companies `0 ..< first.count`
  /// and the others follow in their order; returns it with `original`, the
  /// old number of each new company.
  ///
  /// A cycle search that starts only at companies below `first.count` then
  /// finds exactly the cycles through at least one of `first`, each once,
  /// from the first of them it passes through (the search from a company
  /// only enters companies numbered above it). Links keep their flows and
  /// totals; each company's links stay sorted by (new) payee.
  ///
  /// - Complexity: O(*V* + *E* log *d*) for the largest out-degree *d*.
  func relabelled(first: [Int32]) -> (links: LinkGraph, original: [Int32]) {
    let n = companyCount
    var renumber = [Int32](repeating: -1, count: n)
    var original: [Int32] = []
    original.reserveCapacity(n)
    for v in first where renumber[Int(v)] < 0 {
      renumber[Int(v)] = Int32(original.count)
      original.append(v)
    }
    for v in 0 ..< Int32(n) where renumber[Int(v)] < 0 {
      renumber[Int(v)] = Int32(original.count)
      original.append(v)
    }
    var newStart = [Int32](repeating: 0, count: n + 1)
    var newSource: [Int32] = []
    var newTarget: [Int32] = []
    var newFlowStart: [Int32] = [0]
    var newFlows: [Int32] = []
    var newTime: [Int64] = []
    var newValue: [Double] = []
    var newTotal: [Double] = []
    newSource.reserveCapacity(linkCount)
    newTarget.reserveCapacity(linkCount)
    newTotal.reserveCapacity(linkCount)
    var run: [Int32] = []
    for p in 0 ..< n {
      let old = Int(original[p])
      run.removeAll(keepingCapacity: true)
      run.append(contentsOf: linkStart[old] ..< linkStart[old + 1])
      run.sort { renumber[Int(linkTarget[Int($0)])] < renumber[Int(linkTarget[Int($1)])] }
      for l in run {
        newSource.append(Int32(p))
        newTarget.append(renumber[Int(linkTarget[Int(l)])])
        newTotal.append(total[Int(l)])
        for entry in Int(flowStart[Int(l)]) ..< Int(flowStart[Int(l) + 1]) {
          newFlows.append(linkFlows[entry])
          newTime.append(entryTime[entry])
          newValue.append(entryValue[entry])
        }
        newFlowStart.append(Int32(newFlows.count))
      }
      newStart[p + 1] = Int32(newTarget.count)
    }
    let reverse = LinkGraph.reverseIndex(targets: newTarget, companyCount: n)
    let links = LinkGraph(
      companyCount: n, baseCurrency: baseCurrency, linkStart: newStart, linkSource: newSource,
      linkTarget: newTarget, flowStart: newFlowStart, linkFlows: newFlows, entryTime: newTime,
      entryValue: newValue, total: newTotal, inStart: reverse.inStart, inLinks: reverse.inLinks)
    return (links, original)
  }

  /// A link graph from its arrays.
  private init(
    companyCount: Int, baseCurrency: String, linkStart: [Int32], linkSource: [Int32], linkTarget: [Int32],
    flowStart: [Int32], linkFlows: [Int32], entryTime: [Int64], entryValue: [Double], total: [Double],
    inStart: [Int32], inLinks: [Int32]
  ) {
    self.companyCount = companyCount
    self.baseCurrency = baseCurrency
    self.linkStart = linkStart
    self.linkSource = linkSource
    self.linkTarget = linkTarget
    self.flowStart = flowStart
    self.linkFlows = linkFlows
    self.entryTime = entryTime
    self.entryValue = entryValue
    self.total = total
    self.inStart = inStart
    self.inLinks = inLinks
  }
}
