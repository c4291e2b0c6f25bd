// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "MoneyFlow",
  products: [
    .library(name: "MoneyFlow", targets: ["MoneyFlow"]),
    .executable(name: "moneyflow", targets: ["moneyflow"]),
  ],
  dependencies: [],
  targets: [
    // The library: model, compact graph, analyses, file formats.
    .target(
      name: "MoneyFlow",
      exclude: ["README.md"],
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),

    // The command-line tool: a thin layer over the library.
    .executableTarget(
      name: "moneyflow",
      dependencies: ["MoneyFlow"],
      path: "Sources/moneyflow"),

    // Benchmarks: `swift run -c release moneyflow-bench`.
    .executableTarget(
      name: "moneyflow-bench",
      dependencies: ["MoneyFlow"],
      path: "Benchmarks/MoneyFlowBenchmarks"),

    // Tests.
    .testTarget(
      name: "MoneyFlowTests",
      dependencies: ["MoneyFlow"],
      exclude: ["Diagrams/Snapshots"]),
    .testTarget(
      name: "MoneyFlowCLITests",
      dependencies: ["MoneyFlow", "moneyflow"]),
  ]
)
