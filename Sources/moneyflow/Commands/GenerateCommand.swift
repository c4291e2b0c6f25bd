import MoneyFlow

/// `moneyflow generate`: a seeded synthetic graph as a CSV edge list.
enum GenerateCommand {
  static let spec = CommandSpec(
    name: "generate",
    abstract: "Write a seeded synthetic money-flow graph as a CSV edge list.",
    discussion: """
      The same options write the same bytes on every run. Families: random (uniform directed
      multigraph), powerlaw (heavy-tailed in- and out-degrees), planted (an acyclic graph plus
      --cycles cycles of --cycle-length companies, so the number of cycles is known; it is printed
      on standard error). Company ids are c000000, c000001, ... Output is streamed: millions of
      flows need no memory. amlworld writes an IBM AMLworld transaction file instead: --nodes
      accounts, --edges background transfers, and --patterns laundering attempts (cycle, fan-out,
      fan-in, gather-scatter, scatter-gather, bipartite, stack, random in turn) labelled
      Is Laundering 1; what was planted is printed on standard error.
      """,
    options: [
      OptionSpec(name: "family", value: "FAMILY", help: "random, powerlaw, planted or amlworld."),
      OptionSpec(name: "nodes", value: "N", help: "The number of companies."),
      OptionSpec(name: "edges", value: "M", help: "The number of flows."),
      OptionSpec(name: "seed", value: "S", help: "The seed of the random generator (a whole number). (default: 1)"),
      OptionSpec(name: "cycles", value: "K", help: "planted: how many cycles to plant. (default: 10)"),
      OptionSpec(name: "cycle-length", value: "L", help: "planted: companies in each planted cycle. (default: 4)"),
      OptionSpec(name: "patterns", value: "K", help: "amlworld: how many laundering attempts to plant. (default: 40)"),
      OptionSpec(name: "output", short: "o", value: "FILE", help: "Write to FILE.csv (atomically) instead of standard output."),
    ],
    run: run)

  static func run(_ arguments: ParsedArguments) throws -> Int32 {
    guard let familyName = arguments.string("family") else { throw UsageError.message("Missing expected option '--family <family>'") }
    let familyChoice = try arguments.choice("family", GraphGenerator.Family.allCases.map(\.rawValue) + ["amlworld"], default: familyName)
    let family = GraphGenerator.Family(rawValue: familyChoice)
    guard let nodes = try arguments.int("nodes", minimum: 1) else { throw UsageError.message("Missing expected option '--nodes <n>'") }
    guard let edges = try arguments.int("edges", minimum: 0) else { throw UsageError.message("Missing expected option '--edges <m>'") }
    let seed = try arguments.int("seed") ?? 1
    if familyChoice == "amlworld" { return try runAMLworld(arguments, accounts: nodes, transactions: edges, seed: seed) }
    if arguments.string("patterns") != nil { throw UsageError.message("'--patterns' goes with '--family amlworld'") }
    let planted = family == .planted
    if !planted, arguments.string("cycles") != nil || arguments.string("cycle-length") != nil {
      throw UsageError.message("'--cycles' and '--cycle-length' go with '--family planted'")
    }
    let plantedCycles = planted ? try arguments.int("cycles") ?? 10 : 0
    let cycleLength = planted ? try arguments.int("cycle-length", minimum: 1) ?? 4 : 4
    let generator: GraphGenerator
    do {
      generator = try GraphGenerator(
        family: family ?? .random, nodes: nodes, edges: edges, seed: UInt64(seed),
        plantedCycles: plantedCycles, cycleLength: cycleLength)
    } catch {
      throw UsageError.message(error.description)
    }
    try write(arguments) { sink throws in try generator.writeCSV(into: sink) }
    if let count = generator.plantedCycleCount {
      Console.error("planted \(StatsReport.count(generator.plantedCycles, "cycle", "cycles")) of length \(generator.cycleLength): the graph has exactly \(StatsReport.count(count, "cycle", "cycles"))")
    }
    return 0
  }

  /// Writes what `produce` hands its sink to `-o FILE.csv` (atomically) or standard output.
  static func write(_ arguments: ParsedArguments, _ produce: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
    if let output = arguments.string("output"), output != "-" {
      guard GraphFile.format(of: output) == .csv else { throw UsageError.message("'-o' names a .csv file, not '\(output)'") }
      try AtomicFile.write(to: output) { sink in
        try produce { chunk in try sink.write(Array(chunk)) }
      }
    } else {
      try produce { chunk in try Console.write(UnsafeRawBufferPointer(chunk)) }
    }
  }

  /// `--family amlworld`: an AMLworld transaction file with planted laundering attempts.
  static func runAMLworld(_ arguments: ParsedArguments, accounts: Int, transactions: Int, seed: Int) throws -> Int32 {
    if arguments.string("cycles") != nil || arguments.string("cycle-length") != nil {
      throw UsageError.message("'--cycles' and '--cycle-length' go with '--family planted'; amlworld takes '--patterns'")
    }
    let patterns = try arguments.int("patterns", minimum: 0) ?? 40
    let generator: AMLworldGenerator
    do {
      generator = try AMLworldGenerator(accounts: accounts, transactions: transactions, patterns: patterns, seed: UInt64(seed))
    } catch {
      throw UsageError.message(error.description)
    }
    var planted: [AMLworldGenerator.PlantedPattern] = []
    try write(arguments) { sink throws in planted = try generator.writeCSV(into: sink) }
    let rows = planted.reduce(0) { $0 + $1.rows.count }
    var parts: [String] = []
    for pattern in AMLworldGenerator.Pattern.allCases {
      let attempts = planted.filter { $0.pattern == pattern }
      guard !attempts.isEmpty else { continue }
      parts.append("\(attempts.count) \(pattern.rawValue) (\(attempts.reduce(0) { $0 + $1.rows.count }) rows)")
    }
    Console.error("planted \(StatsReport.count(planted.count, "laundering attempt", "laundering attempts")), \(StatsReport.count(rows, "row", "rows")) labelled Is Laundering 1"
      + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
    return 0
  }
}
