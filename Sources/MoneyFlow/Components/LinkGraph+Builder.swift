extension LinkGraph {
  /// Accumulates the CSR arrays of a link graph, company by company (in
  /// ascending order), link by link (by payee), flow entry by flow entry;
  /// the one place both ``LinkGraph/init(graph:isSelected:conversion:requireDate:)``
  /// and ``LinkGraph/relabelled(first:)`` build a link graph.
  struct Builder {
    private let companyCount: Int
    private var linkStart: [Int32]
    private var linkSource: [Int32] = []
    private var linkTarget: [Int32] = []
    private var flowStart: [Int32] = [0]
    private var total: [Double] = []
    private var linkFlows: [Int32] = []
    private var entryTime: [Int64] = []
    private var entryValue: [Double] = []

    /// A builder for `companyCount` companies, with room for `links` links
    /// and `entries` flow entries.
    init(companyCount: Int, links: Int, entries: Int) {
      self.companyCount = companyCount
      linkStart = [Int32](repeating: 0, count: companyCount + 1)
      linkSource.reserveCapacity(links)
      linkTarget.reserveCapacity(links)
      flowStart.reserveCapacity(links + 1)
      total.reserveCapacity(links)
      linkFlows.reserveCapacity(entries)
      entryTime.reserveCapacity(entries)
      entryValue.reserveCapacity(entries)
    }

    /// Whether the open link's total was given, not summed from its entries.
    private var fixedTotal = false
    /// Whether the open link holds a flow without a rate (its total is unknown).
    private var unrated = false

    /// Opens a link from `payer` (the company being built) to `payee`, with
    /// its `total` when known already (copied from another link graph);
    /// otherwise the total is summed from the entries added.
    @inline(__always)
    mutating func openLink(from payer: Int32, to payee: Int32, total known: Double? = nil) {
      linkSource.append(payer)
      linkTarget.append(payee)
      total.append(known ?? .nan)
      fixedTotal = known != nil
      unrated = false
    }

    /// Adds a flow entry to the open link. A value that is not NaN adds to
    /// the link's total; `-infinity` marks a flow whose currency has no rate:
    /// the entry's value and the link's total become unknown (NaN).
    @inline(__always)
    mutating func addEntry(flow: Int32, time: Int64, value: Double) {
      let last = total.count - 1
      if value == -.infinity {
        unrated = true
        if !fixedTotal { total[last] = .nan }
      } else if !value.isNaN, !fixedTotal, !unrated {
        total[last] = total[last].isNaN ? value : total[last] + value
      }
      linkFlows.append(flow)
      entryTime.append(time)
      entryValue.append(value == -.infinity ? .nan : value)
    }

    /// Closes the open link.
    @inline(__always)
    mutating func closeLink() { flowStart.append(Int32(linkFlows.count)) }

    /// Ends company `c`: its links are those opened since the previous one.
    @inline(__always)
    mutating func endCompany(_ c: Int) { linkStart[c + 1] = Int32(linkTarget.count) }

    /// The link graph, with its reverse index.
    ///
    /// - Complexity: O(*V* + *E*).
    func finish(baseCurrency: String) -> LinkGraph {
      let (inStart, inLinks) = LinkGraph.reverseIndex(targets: linkTarget, companyCount: companyCount)
      return LinkGraph(
        companyCount: companyCount, baseCurrency: baseCurrency, linkStart: linkStart, linkSource: linkSource,
        linkTarget: linkTarget, flowStart: flowStart, linkFlows: linkFlows, entryTime: entryTime,
        entryValue: entryValue, total: total, inStart: inStart, inLinks: inLinks)
    }
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
