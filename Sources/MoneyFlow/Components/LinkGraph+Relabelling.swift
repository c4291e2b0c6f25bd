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
    var builder = Builder(companyCount: n, links: linkCount, entries: flowCount)
    var run: [Int32] = []
    for p in 0 ..< n {
      let old = Int(original[p])
      run.removeAll(keepingCapacity: true)
      run.append(contentsOf: linkStart[old] ..< linkStart[old + 1])
      run.sort { renumber[Int(linkTarget[Int($0)])] < renumber[Int(linkTarget[Int($1)])] }
      for l in run {
        builder.openLink(from: Int32(p), to: renumber[Int(linkTarget[Int(l)])], total: total[Int(l)])
        for entry in Int(flowStart[Int(l)]) ..< Int(flowStart[Int(l) + 1]) {
          builder.addEntry(flow: linkFlows[entry], time: entryTime[entry], value: entryValue[entry])
        }
        builder.closeLink()
      }
      builder.endCompany(p)
    }
    let links = builder.finish(baseCurrency: baseCurrency)
    return (links, original)
  }
}
