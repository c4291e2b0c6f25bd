import Foundation
import MoneyFlow

/// Command-line options of `moneyflow-bench`.
struct Options {
  var quick = false
  var sizes: [(nodes: Int, edges: Int)] = Options.fullLadder
  var families: [GraphGenerator.Family] = [.random, .planted]
  var phases: [String]?
  var format = "table"
  var repetitions = 5
  var timeout = 120.0
  /// Measured seconds after which a phase stops repeating.
  var budget = 30.0
  var seed: UInt64 = 1
  var dataDirectory = (packageRoot as NSString).appendingPathComponent(".build/moneyflow-bench-data")
  var output: String?
  var amlsim = true
  var generateOnly = false
  var convertAMLSim: String?
  /// `--export-dot OUT.dot` with `--family`, `--nodes`, `--edges`: one generated graph as DOT.
  var exportDOT: String?
  var exportFamily = GraphGenerator.Family.random
  var exportNodes = 100
  var exportEdges = 300
  var exportLabels = true
  var list = false
  /// Internal: run one phase in this process and write its result here.
  var child: (phase: String, result: String)?
  var childWorkload: Workload?

  static let fullLadder: [(nodes: Int, edges: Int)] = [
    (1_000, 10_000), (10_000, 100_000), (100_000, 1_000_000), (1_000_000, 10_000_000),
  ]
  static let quickLadder: [(nodes: Int, edges: Int)] = [(1_000, 10_000), (3_000, 30_000)]

  static let usage = """
    OVERVIEW: Benchmarks of the MoneyFlow library on generated graphs and on AMLSim.

    USAGE: swift run -c release moneyflow-bench [options]

    OPTIONS:
      --quick                 Small ladder (1k:10k, 3k:30k), up to 3 repetitions
                              (fewer past 0.5 s), 20 s timeout, and AMLSim without
                              its slow phases: seconds.
      --sizes LIST            Sizes as companies:flows, comma-separated, with k/m
                              suffixes (default: 1k:10k,10k:100k,100k:1m,1m:10m).
      --families LIST         random, powerlaw, planted (default: random,planted).
      --phases LIST           Only these phases (see --list).
      --repetitions N         Repetitions per phase (default: 5; --quick: 3).
      --timeout SECONDS       Kill a phase after this long (default: 120).
      --seed S                Seed of every generated graph (default: 1).
      --format table|json     Output format (default: table).
      --output FILE.json      Also write the raw results as JSON to FILE.
      --data-dir DIR          Where generated CSV files are kept
                              (default: .build/moneyflow-bench-data).
      --no-amlsim             Skip the AMLSim data set.
      --generate-only         Write the CSV files of the ladder, print their
                              paths and exit.
      --convert-amlsim OUT    Write AMLSim as a MoneyFlow CSV to OUT and exit.
      --export-dot OUT.dot    Write one generated graph (--family F --nodes N
                              --edges M --seed S [--no-labels]) as DOT to OUT
                              and exit.
      --list                  List the phases and exit.
      -h, --help              Show this help.
    """

  static func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var explicitRepetitions = false
    var explicitTimeout = false
    var explicitSizes = false
    var child: String?
    var result: String?
    var childFamily: String?
    var childNodes = 0
    var childEdges = 0
    var childCycles = 0
    var childPath = ""
    var iterator = arguments.makeIterator()
    func value(_ option: String) throws -> String {
      guard let value = iterator.next() else { throw BenchError("\(option) needs a value") }
      return value
    }
    while let argument = iterator.next() {
      switch argument {
      case "--quick": options.quick = true
      case "--sizes":
        options.sizes = try value(argument).split(separator: ",").map { try Options.size(String($0)) }
        explicitSizes = true
      case "--families":
        options.families = try value(argument).split(separator: ",").map {
          guard let family = GraphGenerator.Family(rawValue: String($0)) else {
            throw BenchError("unknown family \($0); expected random, powerlaw or planted")
          }
          return family
        }
      case "--phases": options.phases = try value(argument).split(separator: ",").map(String.init)
      case "--repetitions":
        guard let n = Int(try value(argument)), n >= 1 else { throw BenchError("--repetitions needs a number >= 1") }
        options.repetitions = n
        explicitRepetitions = true
      case "--timeout":
        guard let t = Double(try value(argument)), t > 0 else { throw BenchError("--timeout needs seconds > 0") }
        options.timeout = t
        explicitTimeout = true
      case "--seed":
        guard let s = UInt64(try value(argument)) else { throw BenchError("--seed needs a 64-bit unsigned number") }
        options.seed = s
      case "--format":
        options.format = try value(argument)
        guard ["table", "json"].contains(options.format) else { throw BenchError("--format is table or json") }
      case "--output": options.output = try value(argument)
      case "--data-dir": options.dataDirectory = try value(argument)
      case "--no-amlsim": options.amlsim = false
      case "--generate-only": options.generateOnly = true
      case "--convert-amlsim": options.convertAMLSim = try value(argument)
      case "--list": options.list = true
      case "--export-dot": options.exportDOT = try value(argument)
      case "--family":
        guard let family = GraphGenerator.Family(rawValue: try value(argument)) else {
          throw BenchError("--family is random, powerlaw or planted")
        }
        options.exportFamily = family
      case "--no-labels": options.exportLabels = false
      case "--nodes": options.exportNodes = Int(try value(argument)) ?? 0
      case "--edges": options.exportEdges = Int(try value(argument)) ?? 0
      case "-h", "--help":
        print(usage)
        exit(0)
      // Internal options of the child process.
      case "--child": child = try value(argument)
      case "--result": result = try value(argument)
      case "--child-family": childFamily = try value(argument)
      case "--child-nodes": childNodes = Int(try value(argument)) ?? 0
      case "--child-edges": childEdges = Int(try value(argument)) ?? 0
      case "--child-cycles": childCycles = Int(try value(argument)) ?? 0
      case "--child-csv": childPath = try value(argument)
      case "--budget": options.budget = Double(try value(argument)) ?? options.budget
      default: throw BenchError("unknown argument \(argument)")
      }
    }
    if options.quick {
      if !explicitSizes { options.sizes = quickLadder }
      if !explicitRepetitions { options.repetitions = 3 }
      if !explicitTimeout { options.timeout = 20 }
      options.budget = min(options.budget, 0.5)
    }
    if let child, let result, let childFamily {
      options.child = (child, result)
      options.childWorkload = Workload(
        family: childFamily, nodes: childNodes, edges: childEdges, seed: options.seed,
        plantedCycles: childCycles, cycleLength: 4, csvPath: childPath)
    }
    return options
  }

  /// `10k:100k` → (10,000, 100,000).
  static func size(_ text: String) throws -> (nodes: Int, edges: Int) {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let nodes = count(parts[0]), let edges = count(parts[1]) else {
      throw BenchError("size \(text) is not companies:flows such as 10k:100k")
    }
    return (nodes, edges)
  }

  static func count(_ text: Substring) -> Int? {
    let lower = text.lowercased()
    for (suffix, scale) in [("k", 1_000), ("m", 1_000_000)] where lower.hasSuffix(suffix) {
      return Int(lower.dropLast()).map { $0 * scale }
    }
    return Int(lower)
  }
}
