// MARK: - Plan

extension DOTWriter {
  /// What to draw, decided before writing: which flows and companies, the
  /// conversion into the base currency and the pen-width scale.
  struct Plan {
    let graph: FlowGraph
    let options: DOTOptions
    /// Per flow: selected by the filter and kept.
    let drawn: [Bool]
    /// Per company: drawn as a node.
    let drawnCompany: [Bool]
    /// Per company: joined by a drawn highlighted flow.
    let highlightedCompany: [Bool]
    /// Nil when the drawn amounts cannot be compared in one currency.
    let conversion: CurrencyConversion?
    /// Per drawn flow: its amount in the base currency; NaN when undisclosed
    /// or not convertible.
    let baseValue: [Double]
    /// ``DOTOptions/highlightedFlows`` or empty.
    let highlighted: [Bool]
    /// ``DOTOptions/circularAmount`` or empty.
    let circular: [Double]
    /// Currency code written after each amount, by currency index.
    let currencyLabel: [String]
    private(set) var widths: PenWidthScale
    /// Kinds of the drawn flows.
    let kindsDrawn: FlowKindSet
    /// Whether a merged edge joins flows of several kinds.
    private(set) var drawsMixedKinds: Bool
    private(set) var edgeCount: Int

    init(graph: FlowGraph, options: DOTOptions) throws(CurrencyConversion.Failure) {
      let e = graph.flowCount
      precondition(options.highlightedFlows.map { $0.count == e } ?? true, "highlightedFlows needs one entry a flow")
      precondition(options.keptFlows.map { $0.count == e } ?? true, "keptFlows needs one entry a flow")
      precondition(options.circularAmount.map { $0.count == e } ?? true, "circularAmount needs one entry a flow")
      self.graph = graph
      self.options = options

      var drawn: [Bool]
      let conversion: CurrencyConversion?
      if options.filter.minimumAmount != nil {
        let selection = try FlowSelection(graph: graph, filter: options.filter)
        drawn = selection.isSelected
        conversion = selection.conversion
      } else {
        // Not FlowSelection: it needs every currency converted even without a
        // minimum amount, and a diagram of amounts in several currencies
        // without rates is still worth drawing (with equal pen widths).
        drawn = Plan.selection(graph: graph, filter: options.filter)
        let selected = drawn
        conversion = try? CurrencyConversion(graph: graph, includes: { selected[$0] })
      }
      if let kept = options.keptFlows {
        for flow in 0 ..< e where !kept[flow] { drawn[flow] = false }
      }
      self.drawn = drawn
      self.conversion = conversion
      var baseValue = [Double](repeating: .nan, count: e)
      if let conversion {
        for flow in 0 ..< e where drawn[flow] { baseValue[flow] = conversion.value(of: flow, in: graph) ?? .nan }
      }
      self.baseValue = baseValue
      self.highlighted = options.highlightedFlows ?? []
      self.circular = options.circularAmount ?? []

      let n = graph.companyCount
      var drawnCompany = [Bool](repeating: options.keptFlows == nil, count: n)
      var highlighted = [Bool](repeating: false, count: n)
      var kinds = FlowKindSet(bits: 0)
      for flow in 0 ..< e where drawn[flow] {
        let payer = Int(graph.payerIndex[flow])
        let payee = Int(graph.payeeIndex[flow])
        drawnCompany[payer] = true
        drawnCompany[payee] = true
        if options.highlightedFlows?[flow] == true {
          highlighted[payer] = true
          highlighted[payee] = true
        }
        kinds.insert(graph.kind(of: flow))
      }
      self.drawnCompany = drawnCompany
      self.highlightedCompany = highlighted
      self.kindsDrawn = kinds
      self.currencyLabel = graph.currencyCodes.map { $0.isEmpty ? (graph.currency ?? "") : $0 }
      self.widths = PenWidthScale()
      self.drawsMixedKinds = false
      self.edgeCount = 0

      // Second pass, over edges: pen-width scale and mixed kinds.
      var widths = PenWidthScale()
      var mixed = false
      var edges = 0
      var runs = self.edges
      while let run = runs.next() {
        let summary = self.summary(of: run)
        if let value = summary.value { widths.include(value) }
        if summary.kinds.bits & (summary.kinds.bits - 1) != 0 { mixed = true }
        edges += 1
      }
      self.widths = widths
      self.drawsMixedKinds = mixed
      self.edgeCount = edges
    }

    /// Flows of the kinds and dates `filter` keeps; no minimum amount.
    ///
    /// - Complexity: O(*E*).
    static func selection(graph: FlowGraph, filter: FlowFilter) -> [Bool] {
      let since = filter.since?.seconds
      let until = filter.until?.lastSecond
      var selected = [Bool](repeating: false, count: graph.flowCount)
      for flow in 0 ..< graph.flowCount where filter.kinds.contains(graph.kind(of: flow)) {
        if filter.keeps(time: graph.time(of: flow), since: since, until: until) { selected[flow] = true }
      }
      return selected
    }

    /// The drawn edges, in CSR order, each as a range of slots of
    /// `outFlows`: one drawn flow, or all flows of one payer–payee pair
    /// (some maybe not drawn) when the pair has more drawn flows than
    /// ``DOTOptions/mergeThreshold``.
    var edges: EdgeRuns { EdgeRuns(plan: self) }

    /// An iterator over ``edges``; a loop, not a callback, so that the
    /// output buffer is never captured by a closure.
    struct EdgeRuns: IteratorProtocol {
      let outStart: [Int32]
      let outFlows: [Int32]
      let payeeIndex: [Int32]
      let drawn: [Bool]
      /// A pair with more drawn flows than this is one edge.
      let threshold: Int
      var company = -1
      var slot = 0
      var end = 0
      /// End of the pair being drawn one edge a flow; `slot` when none.
      var pairEnd = 0

      init(plan: Plan) {
        outStart = plan.graph.outStart
        outFlows = plan.graph.outFlows
        payeeIndex = plan.graph.payeeIndex
        drawn = plan.drawn
        threshold = plan.options.mergeThreshold
      }

      /// The next drawn edge.
      ///
      /// - Complexity: amortized O(1) a flow and a company over the whole iteration.
      mutating func next() -> Range<Int>? {
        while true {
          if slot < pairEnd {
            slot += 1
            if drawn[Int(outFlows[slot - 1])] { return slot - 1 ..< slot }
            continue
          }
          while slot == end {
            company += 1
            guard company + 1 < outStart.count else { return nil }
            slot = Int(outStart[company])
            end = Int(outStart[company + 1])
          }
          guard threshold < Int.max else {
            slot += 1
            if drawn[Int(outFlows[slot - 1])] { return slot - 1 ..< slot }
            continue
          }
          let start = slot
          let payee = payeeIndex[Int(outFlows[slot])]
          var count = 0
          var pairEnd = slot
          while pairEnd < end, payeeIndex[Int(outFlows[pairEnd])] == payee {
            if drawn[Int(outFlows[pairEnd])] { count += 1 }
            pairEnd += 1
          }
          if count > threshold {
            slot = pairEnd
            return start ..< slot
          }
          // Few enough: one edge a flow, on the next calls.
          self.pairEnd = pairEnd
        }
      }
    }

    /// What the drawn flows of one edge add up to.
    struct EdgeSummary {
      var flowCount = 0
      /// The first drawn flow.
      var first = 0
      var kinds = FlowKindSet(bits: 0)
      var highlighted = false
      /// Total of the known amounts in the base currency; nil if none is known
      /// or amounts cannot be converted.
      var value: Double?
      var circular = 0.0
      var undisclosed = 0

      var movesMoney: Bool { kinds.bits & FlowKindSet.moneyMoving.bits != 0 }
    }

    /// Sums the drawn flows of `run`.
    func summary(of run: Range<Int>) -> EdgeSummary {
      var summary = EdgeSummary()
      let outFlows = graph.outFlows
      let kindCode = graph.kindCode
      let exponent = graph.amountExponent
      for slot in run {
        let flow = Int(outFlows[slot])
        guard drawn[flow] else { continue }
        if summary.flowCount == 0 { summary.first = flow }
        summary.flowCount += 1
        summary.kinds.bits |= 1 << UInt16(kindCode[flow])
        if !highlighted.isEmpty, highlighted[flow] { summary.highlighted = true }
        if !circular.isEmpty { summary.circular += circular[flow] }
        if exponent[flow] == FlowGraph.undisclosed {
          summary.undisclosed += 1
        } else if !baseValue[flow].isNaN {
          summary.value = (summary.value ?? 0) + baseValue[flow]
        }
      }
      return summary
    }

    /// The circular share of an edge, 0 ... 1; nil without circular amounts.
    func circularShare(_ summary: EdgeSummary) -> Double? {
      guard !circular.isEmpty else { return nil }
      guard let value = summary.value, value > 0 else { return summary.circular > 0 ? 1 : 0 }
      return min(1, max(0, summary.circular / value))
    }
  }
}
