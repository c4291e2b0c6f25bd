import MoneyFlow

/// `moneyflow scc FILE`: the groups of companies money can go round in.
enum SCCCommand {
  static let spec = CommandSpec(
    name: "scc",
    abstract: "List the strongly connected components that hold a cycle.",
    discussion: """
      A circular flow can only live inside one strongly connected component. Lists the components
      with a cycle (two or more companies, or one with a flow to itself), ids in byte order.
      """,
    arguments: [ArgumentSpec(name: "file", help: "A .json graph document or .csv edge list to read; '-' reads standard input.")],
    options: [
      OptionSpec(name: "kinds", value: "KINDS", help: "Comma-separated flow kinds to include, or 'all'. (default: the money-moving kinds)"),
      SharedOptions.format,
      SharedOptions.output,
      SharedOptions.columns,
    ] + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let json = try arguments.wantsJSON()
    let kinds = try arguments.kinds("kinds") ?? .moneyMoving
    let graph = try arguments.loadGraph()
    let components = graph.stronglyConnectedComponents(kinds: kinds)
    try CommandOutput.stream(to: arguments.outputPath) { writer in
      if json {
        try writer.writeDocument(SCCReport.jsonMembers(components, graph: graph))
      } else {
        try writer.write(raw: SCCReport.text(components, graph: graph))
      }
    }
    if components.cyclicComponents.isEmpty {
      EmptyAnswer.note("scc", "no component with a cycle", graph: graph, filter: FlowFilter(kinds: kinds), shape: "no cycle")
    }
    return 0
  }
}
