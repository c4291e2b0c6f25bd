/// What the diagram of an ``HTMLReport`` draws: the cyclic part of the graph,
/// or, above a size, only the flows of the largest cycles.
///
/// The cyclic part is every selected flow that lies on a cycle (of at most
/// the search's maximum length), its companies outlined in red and each
/// strongly connected component that holds one in its own box. When that
/// part has more than `drawLimit` flows, Graphviz would take minutes and the
/// picture would be unreadable, so only the flows of the `drawCycles` cycles
/// with the largest circulating amount are drawn, and ``description`` says
/// so and names the options that change it.
public struct HTMLReportDiagramPlan: Sendable {
  /// What to draw; pass to ``DOTWriter``.
  public let options: DOTOptions
  /// How many flows lie on a cycle.
  public let cyclicFlowCount: Int
  /// How many flows are drawn.
  public let drawnFlowCount: Int
  /// How many of the listed cycles are drawn; nil when the whole cyclic part is.
  public let cyclesDrawn: Int?
  /// The flow limit used.
  public let drawLimit: Int

  /// Plans the diagram of the flows `selection` keeps, for the cycles `cycles` found.
  ///
  /// - Parameters:
  ///   - drawLimit: the most flows drawn as the whole cyclic part.
  ///   - drawCycles: above it, how many of the largest listed cycles are drawn.
  /// - Complexity: O(*V* + *E*) without a length bound; see ``CyclicFlows``.
  public init(
    graph: FlowGraph, selection: FlowSelection, cycles: CycleSearchResult, drawLimit: Int, drawCycles: Int
  ) {
    let cyclic = CyclicFlows(graph: graph, selection: selection, maxLength: cycles.options.maxLength)
    let cyclicCount = cyclic.isOnCycle.reduce(0) { $0 + ($1 ? 1 : 0) }
    var options = DOTOptions(title: "", filter: FlowFilter(kinds: .all))
    self.drawLimit = drawLimit
    self.cyclicFlowCount = cyclicCount
    if cyclicCount <= drawLimit {
      options.keptFlows = cyclic.isOnCycle
      options.highlightedFlows = cyclic.isOnCycle
      let components = StronglyConnectedComponents(links: LinkGraph(graph: graph, selection: selection))
      options.clusters = components.cyclicComponents.filter { component in
        component.contains { cyclic.isCompanyOnCycle[$0.index] }
      }
      drawnFlowCount = cyclicCount
      cyclesDrawn = nil
    } else {
      var kept = [Bool](repeating: false, count: graph.flowCount)
      var drawn = 0
      let shown = cycles.cycles.prefix(max(0, drawCycles))
      for cycle in shown {
        for hop in cycle.flows {
          for flow in hop where !kept[flow] {
            kept[flow] = true
            drawn += 1
          }
        }
      }
      options.keptFlows = kept
      options.highlightedFlows = kept
      drawnFlowCount = drawn
      cyclesDrawn = shown.count
    }
    options.showsEdgeLabels = drawnFlowCount <= 400
    self.options = options
  }

  /// One sentence on what is drawn, e.g. `All 15 flows that lie on a cycle.` or
  /// `664,402 flows lie on a cycle, more than --draw-limit 2000: drawn are the
  /// 57 flows of the 20 largest cycles (change with --draw-cycles N).`
  public var description: String {
    if cyclesDrawn == nil {
      return cyclicFlowCount == 1 ? "The one flow that lies on a cycle." : "All \(cyclicFlowCount) flows that lie on a cycle."
    }
    let cycles = cyclesDrawn ?? 0
    return "\(cyclicFlowCount) flows lie on a cycle, more than --draw-limit \(drawLimit): drawn are the "
      + "\(drawnFlowCount) flow\(drawnFlowCount == 1 ? "" : "s") of the \(cycles) largest cycle\(cycles == 1 ? "" : "s") "
      + "(change with --draw-cycles N, or raise --draw-limit)."
  }

  /// The `<svg>` element of Graphviz's SVG output, without the XML prolog,
  /// doctype and comments before it, ready to be put inline in HTML.
  ///
  /// - Complexity: O(*n*) in the length of `svg`.
  public static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    var body = ""
    var rest = svg[start.lowerBound...]
    while let comment = rest.range(of: "<!--") {
      body += rest[..<comment.lowerBound]
      guard let end = rest.range(of: "-->", range: comment.upperBound ..< rest.endIndex) else {
        rest = rest[rest.endIndex...]
        break
      }
      rest = rest[end.upperBound...]
    }
    body += rest
    return body
  }
}
