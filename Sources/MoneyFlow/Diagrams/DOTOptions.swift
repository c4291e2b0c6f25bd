/// What ``DOTWriter`` draws and how.
///
/// By default every flow of every kind is drawn, one edge a flow, with a
/// legend of the kinds used. The analysis inputs (``highlightedFlows``,
/// ``keptFlows``, ``clusters``, ``circularAmount``) are plain arrays indexed
/// like the graph, so the writer does not depend on the analyses that
/// compute them.
public struct DOTOptions: Sendable {
  /// The graph label drawn on top; nil uses the graph's own title, empty draws none.
  public var title: String?

  /// Which flows are drawn: kinds, minimum amount (in the base currency) and
  /// date range. Defaults to every kind; kinds that move no money are drawn dashed.
  public var filter: FlowFilter

  /// The kinds drawn; shorthand for `filter.kinds`.
  public var kinds: FlowKindSet {
    get { filter.kinds }
    set { filter.kinds = newValue }
  }

  /// Whether parallel flows from one payer to one payee are drawn as one
  /// edge, labelled with their kinds, count, totals and date range.
  public var mergeParallel: Bool

  /// Without ``mergeParallel``: a payer–payee pair with more than this many
  /// drawn flows is drawn as one merged edge, the other pairs one edge a
  /// flow. Nil (the default) merges nothing.
  public var mergeAbove: Int?

  /// The most drawn flows a pair may have and still be drawn one edge a
  /// flow: 1 with ``mergeParallel`` (every pair merged), else ``mergeAbove``.
  var mergeThreshold: Int { mergeParallel ? 1 : mergeAbove ?? Int.max }

  /// One entry per flow: whether it lies on a circular path. Such flows are
  /// drawn red and bold, and their companies outlined in red; a merged edge
  /// is highlighted when any of its flows is. Nil: no highlight.
  ///
  /// - Precondition: nil or `graph.flowCount` entries.
  public var highlightedFlows: [Bool]?

  /// One entry per flow: whether to keep it (`--only-cyclic`). Only kept
  /// flows and the companies they join are drawn. Nil: keep every flow and
  /// every company.
  ///
  /// - Precondition: nil or `graph.flowCount` entries.
  public var keptFlows: [Bool]?

  /// Groups of companies drawn in their own box (`subgraph cluster_k`),
  /// such as the strongly connected components that hold a cycle. A company
  /// goes into the first group that names it; ids out of range and companies
  /// not drawn are skipped; empty groups are not drawn.
  public var clusters: [[CompanyID]]

  /// One entry per flow: how much of it circulates, in the base currency of
  /// the selection (the unit of ``CurrencyConversion/value(of:in:)``). Each
  /// drawn edge is shaded from grey (0 %) to red (100 %) by its circular
  /// share and labelled `62% circular` (a merged edge: the sum of its
  /// circular amounts over the sum of its known amounts). Nil: no shading.
  ///
  /// - Precondition: nil or `graph.flowCount` entries.
  public var circularAmount: [Double]?

  /// Whether edges carry labels (kind, amount, date). Off for huge graphs
  /// that are drawn only for their shape.
  public var showsEdgeLabels: Bool

  /// Whether a legend of the kinds drawn (and of the highlight or shading
  /// used) is added as `subgraph cluster_legend`.
  public var showsLegend: Bool

  /// The Graphviz font list (`--font`); nil picks one that has the labels'
  /// characters (see ``DOTFont``).
  public var fontName: String?

  /// Creates options; the defaults draw every flow of every kind with labels and a legend.
  public init(
    title: String? = nil, filter: FlowFilter = FlowFilter(kinds: .all), mergeParallel: Bool = false,
    highlightedFlows: [Bool]? = nil, keptFlows: [Bool]? = nil, clusters: [[CompanyID]] = [],
    circularAmount: [Double]? = nil, showsEdgeLabels: Bool = true, showsLegend: Bool = true,
    fontName: String? = nil, mergeAbove: Int? = nil
  ) {
    self.title = title
    self.filter = filter
    self.mergeParallel = mergeParallel
    self.highlightedFlows = highlightedFlows
    self.keptFlows = keptFlows
    self.clusters = clusters
    self.circularAmount = circularAmount
    self.showsEdgeLabels = showsEdgeLabels
    self.showsLegend = showsLegend
    self.fontName = fontName
    self.mergeAbove = mergeAbove
  }
}
