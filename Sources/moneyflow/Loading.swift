import MoneyFlow

/// Turns analysis failures into input errors that name the file.
enum Loading {
  /// Runs `body`, reporting a currency conversion failure as an error in `file`.
  static func converting<T>(_ file: String, _ body: () throws(CurrencyConversion.Failure) -> T) throws(InputError) -> T {
    do {
      return try body()
    } catch {
      throw InputError(.currency, file: file, message: error.description)
    }
  }

  /// Loads `file`, telling standard error what a foreign file (GraphML from
  /// another tool) held that could not be read.
  static func graph(_ file: String) throws(InputError) -> FlowGraph {
    var notes: [String] = []
    let graph = try GraphFile.load(file, notes: &notes)
    for note in notes { Console.error("\(file == "-" ? "<stdin>" : file): note: \(note)") }
    return graph
  }

  /// Loads `file` and selects the flows `filter` keeps.
  static func selection(_ file: String, filter: FlowFilter) throws(InputError) -> (FlowGraph, FlowSelection) {
    let graph = try Loading.graph(file)
    let selection = try converting(file) { () throws(CurrencyConversion.Failure) in try FlowSelection(graph: graph, filter: filter) }
    return (graph, selection)
  }
}
