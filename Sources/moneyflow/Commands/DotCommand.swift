import MoneyFlow

/// `moneyflow dot FILE`: a Graphviz diagram of the graph and its circular flows.
enum DotCommand {
  /// A payer–payee pair with more flows than this is drawn as one merged edge by default:
  /// up to three parallel edges and their labels stay readable side by side.
  static let mergeAbove = 3

  static let spec = CommandSpec(
    name: "dot",
    abstract: "Draw the graph as Graphviz DOT (or SVG, PNG, PDF), circular flows highlighted.",
    discussion: """
      One node a company, one edge a flow; a payer and payee with more than \(mergeAbove) flows get
      one edge, labelled with the total (--no-merge keeps every flow, --merge-parallel merges every
      pair). Money-moving kinds are drawn solid, the others dashed; pen width grows with the
      amount. --highlight-cycles draws the flows on circular paths in red and puts each group of
      companies money can go round in (strongly connected component) in its own cluster. Cycles
      are looked for among the money-moving kinds unless --kinds says otherwise. With --through or
      --min-length, a flow is on a cycle when it is on one that `moneyflow cycles` counts with the
      same options; except for --min-length 2 (decided per component), those cycles are enumerated,
      so time and memory grow with their number. Render with:
      moneyflow dot FILE | dot -Tsvg > out.svg
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .json graph document or .csv edge list to read; '-' reads standard input.")],
    options: [
      OptionSpec(name: "highlight-cycles", help: "Draw flows on circular paths in red; cluster each circular group."),
      OptionSpec(name: "only-cyclic", help: "Keep only the companies and flows that lie on a cycle."),
      OptionSpec(name: "max-length", value: "N", help: "With --highlight-cycles or --only-cyclic: only cycles of at most N companies count."),
      OptionSpec(name: "through", value: "COMPANIES", help: "With --highlight-cycles or --only-cyclic: only cycles through at least one of\nthese companies (comma-separated ids or names) count; found by the cycle search."),
      OptionSpec(name: "min-length", value: "N", help: "With --highlight-cycles or --only-cyclic: only cycles of at least N companies\ncount; above 2, found by the cycle search."),
      OptionSpec(name: "merge-parallel", help: "One edge per payer and payee, labelled with the total."),
      OptionSpec(name: "no-merge", help: "One edge a flow, however many join a payer and payee.\n(default: merge a pair with more than \(mergeAbove) flows)"),
      OptionSpec(name: "circulation", help: "Shade and label each flow by its share in the maximum circulation."),
      OptionSpec(name: "font", value: "NAME", help: "Graphviz font list for the labels. (default: Noto Sans CJK first when a\nlabel has Chinese, Japanese or Korean characters, else Helvetica)"),
      OptionSpec(name: "no-labels", help: "Draw edges without labels (for large graphs)."),
      OptionSpec(name: "kinds", value: "KINDS", help: "Comma-separated flow kinds to draw, or 'all'. (default: all kinds are drawn;\ncycles are looked for among the money-moving kinds)"),
    ] + SharedOptions.filters.dropFirst() + [
      OptionSpec(name: "output", short: "o", value: "FILE", help: "Write to FILE (atomically) instead of standard output;\nit ends in .dot, .gv, .svg, .png or .pdf (or has no extension)."),
      OptionSpec(name: "format", value: "FORMAT", help: "dot, svg, png or pdf; svg, png and pdf run Graphviz's dot.\n(default: from the -o file's extension, else dot)"),
      SharedOptions.columns,
    ] + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let output = try arguments.checkedOutputPath(extensions: ["dot", "gv", "svg", "png", "pdf"])
    let defaultFormat = output.flatMap { Graphviz.Format(pathExtension: $0) }?.rawValue ?? "dot"
    let formatName = try arguments.choice("format", Graphviz.Format.allCases.map(\.rawValue), default: defaultFormat)
    let format = Graphviz.Format(rawValue: formatName) ?? .dot
    let highlight = arguments.flag("highlight-cycles")
    let onlyCyclic = arguments.flag("only-cyclic")
    let maxLength = try arguments.int("max-length", minimum: 1)
    let minLength = try arguments.int("min-length", minimum: 1)
    for name in ["max-length", "through", "min-length"] where arguments.string(name) != nil && !highlight && !onlyCyclic {
      throw UsageError.message("'--\(name)' goes with '--highlight-cycles' or '--only-cyclic'")
    }
    let mergeParallel = arguments.flag("merge-parallel")
    if mergeParallel, arguments.flag("no-merge") { throw UsageError.message("'--merge-parallel' and '--no-merge' exclude each other") }
    let requestedKinds = try arguments.kinds("kinds")
    let drawFilter = try arguments.flowFilter(defaultKinds: requestedKinds ?? .all)
    var cycleFilter = drawFilter
    cycleFilter.kinds = requestedKinds ?? .moneyMoving
    if format.needsGraphviz, Graphviz.dotExecutable() == nil {
      throw Graphviz.Failure(code: .notInstalled, format: format)
    }

    let graph = try arguments.loadGraph()
    let through = try arguments.throughCompanies(in: graph) ?? []
    var options = DOTOptions(
      filter: drawFilter, mergeParallel: mergeParallel, showsEdgeLabels: !arguments.flag("no-labels"),
      fontName: arguments.string("font"), mergeAbove: arguments.flag("no-merge") ? nil : mergeAbove)
    if highlight || onlyCyclic {
      let selection = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try FlowSelection(graph: graph, filter: cycleFilter)
      }
      let cyclic = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try CyclicFlows(
          graph: graph, filter: cycleFilter, maxLength: maxLength, through: through, minLength: minLength,
          threads: Progress.cores)
      }
      if highlight {
        options.highlightedFlows = cyclic.isOnCycle
        let components = StronglyConnectedComponents(links: LinkGraph(graph: graph, selection: selection))
        options.clusters = components.cyclicComponents.filter { component in
          component.contains { cyclic.isCompanyOnCycle[$0.index] }
        }
      }
      if onlyCyclic { options.keptFlows = cyclic.isOnCycle }
    }
    if arguments.flag("circulation") {
      options.circularAmount = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try CirculationCommand.circularAmounts(graph, filter: cycleFilter)
      }
    }
    let dot = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
      try DOTWriter.bytes(graph: graph, options: options)
    }
    let bytes = format == .dot ? dot : Array(try Graphviz.render(dot, format: format))
    if let output, output != "-" {
      try FileIO.writeAtomically(bytes, to: output)
    } else {
      Console.out(bytes: bytes)
    }
    if ((try? EmptySelection.reason(graph: graph, filter: drawFilter)) ?? nil) != nil {
      EmptyAnswer.note("dot", "the diagram has no flows", graph: graph, filter: drawFilter, shape: "")
    } else if onlyCyclic, options.keptFlows?.contains(true) == false {
      EmptyAnswer.note(
        "dot", "the diagram has no flows", graph: graph, filter: cycleFilter,
        shape: "no cycle" + CyclesCommand.lengthBound(maxLength, flows: false)
          + (minLength.map { " of at least " + StatsReport.count($0, "company", "companies") } ?? "")
          + (through.isEmpty ? "" : " through the --through companies"))
    }
    return 0
  }
}
