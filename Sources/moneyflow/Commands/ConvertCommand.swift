import MoneyFlow

/// `moneyflow convert IN OUT`: JSON ⇄ CSV ⇄ GraphML, losslessly.
enum ConvertCommand {
  static let spec = CommandSpec(
    name: "convert",
    abstract: "Convert a graph between a JSON document, a CSV edge list and GraphML, losslessly.",
    discussion: "The format follows each file's extension (.json, .csv or .graphml); '-' reads standard input\nor writes JSON to standard output. A CSV edge list holds only flows: when the graph has\nmore (title, currency, rates, company names, aliases, attributes), OUT.csv comes with\nOUT.meta.json, which 'moneyflow' reads back together with OUT.csv.",
    arguments: [
      ArgumentSpec(name: "in", help: "The graph to read (.json, .csv or .graphml; '-' for standard input)."),
      ArgumentSpec(name: "out", help: "The file to write (.json, .csv or .graphml; '-' for JSON on standard output). Written atomically."),
    ],
    options: [SharedOptions.columns] + SharedOptions.currency,
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    let output = arguments.positionals[1]
    guard output == "-" || (GraphFile.format(of: output).map { $0 != .ftm } ?? false) else {
      throw UsageError.message("Cannot tell the format of '\(output)': name it .json, .csv or .graphml")
    }
    let graph = try arguments.loadGraph()
    try GraphFile.save(graph, to: output)
    return 0
  }
}
