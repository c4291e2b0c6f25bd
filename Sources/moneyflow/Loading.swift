import MoneyFlow

/// Loads the input graph and turns analysis failures into input errors that name the file.
enum Loading {
  /// Runs `body`, reporting a currency conversion failure as an error in `file`.
  static func converting<T>(_ file: String, _ body: () throws(CurrencyConversion.Failure) -> T) throws(InputError) -> T {
    do {
      return try body()
    } catch {
      throw InputError(.currency, file: file, message: error.description + hint(for: error, in: file))
    }
  }

  /// Loads `file`, telling standard error what a foreign file (GraphML from
  /// another tool) held that could not be read.
  static func graph(_ file: String, columns mapping: CSVColumnMapping? = nil) throws(InputError) -> FlowGraph {
    var notes: [String] = []
    let graph = try GraphFile.load(file, columns: mapping, notes: &notes)
    for note in notes { Console.error("\(file == "-" ? "<stdin>" : file): note: \(note)") }
    return graph
  }

  /// Where a CSV keeps its currency, and how to give it on the command line.
  private static func hint(for failure: CurrencyConversion.Failure, in file: String) -> String {
    let code = failure.currency.isEmpty ? "EUR" : failure.currency
    var hint = ""
    if GraphFile.format(of: file) == .csv { hint += " (for a CSV, in \(GraphFile.companionPath(of: file)))" }
    if failure.baseCurrency.isEmpty { return hint + ", or pass --currency USD --rates \(code)=RATE" }
    return hint + ", or pass --rates \(code)=RATE"
  }

  /// Tells standard error which currencies of `graph` have no rate to its
  /// base currency, so that their amounts count as unknown.
  static func noteUnrated(_ graph: FlowGraph, file: String) {
    guard let conversion = try? CurrencyConversion(graph: graph), !conversion.unrated.isEmpty else { return }
    let flows = conversion.unrated.reduce(0) { $0 + $1.flows }
    let codes = conversion.unrated.map(\.code)
    Console.error("\(file == "-" ? "<stdin>" : file): note: \(flows) flow\(flows == 1 ? "" : "s") in \(codes.joined(separator: ", ")) "
      + "\(flows == 1 ? "has" : "have") no rate to \(conversion.baseCurrency): \(flows == 1 ? "its amount is" : "their amounts are") unknown "
      + "(a cycle through one has an unknown amount, null in JSON); give rates with --rates \(codes[0])=RATE")
  }

  /// Loads `file` and selects the flows `filter` keeps.
  static func selection(_ arguments: ParsedArguments, filter: FlowFilter) throws -> (FlowGraph, FlowSelection) {
    let graph = try arguments.loadGraph()
    noteUnrated(graph, file: arguments.file)
    let selection = try converting(arguments.file) { () throws(CurrencyConversion.Failure) in try FlowSelection(graph: graph, filter: filter) }
    return (graph, selection)
  }
}

extension ParsedArguments {
  /// Loads the input file (through `--columns` if given) with the base
  /// currency and rates of `--currency` and `--rates` laid over its own.
  ///
  /// - Throws: ``UsageError`` for a bad code, rate list or a currency that
  ///   contradicts the file's; ``InputError`` for the file or a rates file.
  func loadGraph(_ path: String? = nil) throws -> FlowGraph {
    let (currency, rates) = try currencyOptions()
    let mapping = try columnMapping()
    return try applyingCurrency(currency, rates, to: try Loading.graph(path ?? file, columns: mapping), from: path ?? file)
  }

  /// `--currency` and `--rates`, validated; nil and empty when not given.
  func currencyOptions() throws -> (currency: String?, rates: [(code: String, rate: Amount)]) {
    let rates = try ratesOption()
    let currency = string("currency")
    if let currency, !CurrencyCode.isValid(currency) {
      throw UsageError.message("The value '\(currency)' is invalid for '--currency <code>': expected a 3-letter currency code such as USD")
    }
    return (currency, rates)
  }

  /// `graph` with the base currency and rates of ``currencyOptions()`` laid over its own.
  func applyingCurrency(_ currency: String?, _ rates: [(code: String, rate: Amount)], to graph: FlowGraph, from path: String) throws -> FlowGraph {
    guard currency != nil || !rates.isEmpty else { return graph }
    do {
      return try graph.withCurrency(currency, rates: rates)
    } catch {
      throw UsageError.message("\(path): \(error.description)")
    }
  }

  /// The rates of `--rates`: a list `EUR=1.08,...`, or else a JSON file.
  private func ratesOption() throws -> [(code: String, rate: Amount)] {
    guard let text = string("rates") else { return [] }
    if text.contains("=") || (!FileIO.exists(text) && !text.lowercased().hasSuffix(".json")) {
      switch RatesTable.parse(list: text) {
      case .success(let rates): return rates
      case .failure(let failure):
        throw UsageError.message("The value '\(text)' is invalid for '--rates <rates>': \(failure.description)")
      }
    }
    return try RatesTable.read(path: text)
  }
}
