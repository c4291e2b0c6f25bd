import Foundation
import MoneyFlow

// moneyflow-bench: measures the library on a ladder of generated graphs and
// on AMLSim. Each phase is a file of its own, listed in Registry.swift; each
// runs in a fresh child process of this executable (see Driver.swift).

do {
  let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))

  if let child = options.child, let workload = options.childWorkload {
    try runChildPhase(name: child.phase, resultPath: child.result, workload: workload, options: options)
    exit(0)
  }

  if options.list {
    for phase in Registry.phases {
      print(Format.pad(phase.name, 26) + phase.title + (phase.notWiredReason.map { "  [not wired: \($0)]" } ?? ""))
    }
    exit(0)
  }

  if let output = options.convertAMLSim {
    let data = try AMLSim.load(directory: AMLSim.defaultDirectory)
    try AMLSim.csv(data.flows).write(toFile: output, atomically: true, encoding: .utf8)
    log("wrote \(data.flows.count) flows among \(data.graph.companyCount) accounts to \(output)")
    exit(0)
  }

  if let output = options.exportDOT {
    let generator = try GraphGenerator(
      family: options.exportFamily, nodes: options.exportNodes, edges: options.exportEdges, seed: options.seed,
      plantedCycles: options.exportFamily == .planted ? max(1, options.exportNodes / 100) : 0)
    let graph = generator.makeGraph()
    let bytes = try DOTWriter.bytes(graph: graph, options: DOTOptions(showsEdgeLabels: options.exportLabels))
    try Data(bytes).write(to: URL(fileURLWithPath: output))
    log("\(generator.summary): \(bytes.count) bytes of DOT written to \(output)")
    exit(0)
  }

  let driver = Driver(options: options)
  if options.generateOnly {
    try driver.prepareFiles()
    for workload in driver.workloads {
      print("\(workload.family) \(workload.nodes) \(workload.edges) \(workload.seed) \(workload.plantedCycles) \(workload.csvPath)")
    }
    exit(0)
  }

  #if DEBUG
    log("""
      WARNING: moneyflow-bench was built WITHOUT optimization; its figures mean nothing.
      Run: swift run -c release moneyflow-bench
      """)
  #endif

  let machine = Machine.current()
  var preamble = machine.optimized ? "" : "WARNING: built WITHOUT optimization (debug); figures are meaningless.\n"
  preamble += machine.summary + "\nseed:      \(options.seed) (every generated graph), repetitions \(options.repetitions), timeout \(Int(options.timeout)) s\n"
  log(preamble)
  if options.format == "table" {
    output(preamble + "\n" + Format.header)
  }
  let results = try driver.run { result in
    if options.format == "table" {
      output(Format.row(result))
    } else {
      log(Format.row(result))
    }
  }
  let report = Report(
    machine: machine, seed: options.seed, repetitions: options.repetitions, timeoutSeconds: options.timeout,
    sizes: options.sizes.map { "\($0.nodes):\($0.edges)" }, families: options.families.map(\.rawValue),
    workloads: driver.workloads, results: results)
  let json = try report.json()
  if options.format == "json" {
    output(String(decoding: json, as: UTF8.self))
  }
  if let output = options.output {
    try json.write(to: URL(fileURLWithPath: output))
    log("raw results written to \(output)")
  }
} catch {
  log("moneyflow-bench: error: \(error)")
  exit(1)
}
