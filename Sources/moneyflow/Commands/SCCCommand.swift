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
    ],
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let json = try arguments.wantsJSON()
    let kinds = try arguments.kinds("kinds") ?? .moneyMoving
    let graph = try Loading.graph(arguments.file)
    let components = graph.stronglyConnectedComponents(kinds: kinds)
    Console.out(json ? SCCReport.json(components, graph: graph).rendered() + "\n" : SCCReport.text(components, graph: graph))
    return 0
  }
}
