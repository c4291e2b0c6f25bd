import Testing
@testable import MoneyFlow

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct DOTWriterTests {
  // MARK: Amount short form

  @Test(arguments: [
    (13e9, "USD", "13 bn USD"),
    (38e9, "USD", "38 bn USD"),
    (1.25e12, "USD", "1.25 tn USD"),
    (147.8e9, "USD", "148 bn USD"),
    (13.45e9, "USD", "13.5 bn USD"),
    (250e6, "EUR", "250 m EUR"),
    (1.5e3, "USD", "1.5 k USD"),
    (999.0, "USD", "999 USD"),
    (12.5, "", "12.5"),
    (0.00125, "USD", "0.00125 USD"),
    (0, "USD", "0 USD"),
    (1234e12, "USD", "1,234 tn USD"),
    (999.96e9, "USD", "1 tn USD"),
    (999_999.6, "USD", "1 m USD"),
    (2.5e11, "JPY", "2,500億 JPY"),
    (5.8e12, "JPY", "5.8兆 JPY"),
    (9999.6e8, "JPY", "1兆 JPY"),
    (3e7, "JPY", "3,000万 JPY"),
    (5000, "JPY", "5,000 JPY"),
    (1.2345e12, "JPY", "1.23兆 JPY"),
    (6.6e9, "CNY", "66億 CNY"),
    (-2e9, "USD", "-2 bn USD"),
    (Double.nan, "USD", "unknown"),
    (Double.infinity, "JPY", "unknown"),
  ])
  func shortForm(value: Double, currency: String, expected: String) {
    #expect(Amount.shortForm(value, currency: currency) == expected)
  }

  @Test func shortFormOfAnAmount() throws {
    let amount = try Amount.parse("38bn").get()
    #expect(amount.shortForm(currency: "USD") == "38 bn USD")
    #expect(try Amount.parse("2500億").get().shortForm(currency: "JPY") == "2,500億 JPY")
  }

  /// The short form reads back (as an amount) within the rounding of three
  /// significant digits.
  @Test(arguments: 0 ..< 20)
  func shortFormReadsBack(seed: UInt64) throws {
    var random = TestRandom(seed: seed)
    for _ in 0 ..< 200 {
      let value = Double(random.int(1 ... 999_999)) * Amount.exactPowersOfTen[random.int(0 ... 9)]
      let currency = random.chance(0.3) ? "JPY" : "USD"
      let text = Amount.shortForm(value, currency: "")
      let parsed = try #require(try? Amount.parse(text).get(), "\(text) does not parse")
      #expect(abs(parsed.doubleValue - value) <= value * 0.005, "\(value) -> \(text)")
      let withCurrency = Amount.shortForm(value, currency: currency)
      #expect(withCurrency.hasSuffix(" " + currency))
      let figure = String(withCurrency.dropLast(currency.count + 1))
      let parsedFigure = try #require(try? Amount.parse(figure).get(), "\(figure) does not parse")
      #expect(abs(parsedFigure.doubleValue - value) <= value * 0.005, "\(value) -> \(withCurrency)")
    }
  }

  // MARK: Escaping

  @Test(arguments: [
    ("plain", "plain"),
    ("say \"hi\"", "say \\\"hi\\\""),
    ("ends\\", "ends\\\\"),
    ("a\nb", "a\\nb"),
    ("a\r\nb", "a\\nb"),
    ("a\rb", "a\\nb"),
    ("AT&T &lt;", "AT&amp;T &amp;lt;"),
    ("tab\there", "tab\there"),
    ("ctl\u{1}\u{1F}", "ctl\u{FFFD}\u{FFFD}"),
    ("{<a -- b -> c>} graph", "{<a -- b -> c>} graph"),
    ("\\N\\G", "\\\\N\\\\G"),
    ("マイクロソフト 2,500億円", "マイクロソフト 2,500億円"),
    ("", ""),
  ])
  func escaping(text: String, escaped: String) {
    var buffer = ByteBuffer()
    buffer.appendDOTEscaped(text)
    #expect(String(decoding: buffer.bytes, as: UTF8.self) == escaped)
  }

  /// What Graphviz draws for a text the writer escaped.
  static func drawn(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      defer { previousCR = scalar == "\r" }
      if scalar == "\n", previousCR { continue }
      if scalar == "\r" || scalar == "\n" {
        out.append("\n")
      } else if scalar.value < 0x20, scalar != "\t" {
        out.append("\u{FFFD}")
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// The label the writer gives a company.
  static func expectedLabel(_ graph: FlowGraph, _ company: CompanyID) -> String {
    let name = graph.name(of: company)
    let id = graph.id(of: company)
    func visible(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value > 0x20 } }
    return drawn(visible(name) ? name : visible(id) ? id : "(blank)")
  }

  @Test func hostileTextStaysInsideLabels() throws {
    let graph = DOTTestGraphs.hostile()
    let text = try DOTWriter.text(graph: graph)
    let parsed = try ParsedDOT(text)
    #expect(parsed.graphName == "moneyflow")
    #expect(parsed.graphAttributes["label"].map(ParsedDOT.labelText) == DOTTestGraphs.hostile().title)

    let nodes = parsed.dataNodes
    #expect(nodes.map(\.name) == (0 ..< graph.companyCount).map { "n\($0)" })
    for (c, node) in nodes.enumerated() {
      let label = try #require(node.attributes["label"])
      #expect(ParsedDOT.labelText(label) == Self.expectedLabel(graph, CompanyID(c)))
      let company = graph.company(CompanyID(c))
      if company.name != company.id || !company.aliases.isEmpty {
        let tooltip = ParsedDOT.labelText(try #require(node.attributes["tooltip"]))
        #expect(tooltip == Self.drawn(([company.id] + company.aliases).joined(separator: "\n")))
      }
    }

    let edges = parsed.dataEdges
    #expect(edges.count == graph.flowCount)
    let csrOrder = (0 ..< graph.companyCount).flatMap { graph.outgoingFlows(of: CompanyID($0)).map(Int.init) }
    for (edge, flow) in zip(edges, csrOrder) {
      #expect(edge.from == "n\(graph.payer(of: flow).rawValue)")
      #expect(edge.to == "n\(graph.payee(of: flow).rawValue)")
      let label = ParsedDOT.labelText(try #require(edge.attributes["label"]))
      #expect(label.hasPrefix(DOTWriter.displayName(of: graph.kind(of: flow)) + "\n"))
      let details = graph.details(of: flow)
      if let note = details.note {
        let tooltip = ParsedDOT.labelText(try #require(edge.attributes["tooltip"]))
        #expect(tooltip.hasSuffix(Self.drawn(note)), "flow \(flow)")
        if let source = details.source { #expect(tooltip.contains("source: " + Self.drawn(source))) }
      }
    }
    #expect(text.contains("2,500億 JPY"))
    #expect(text.contains("label=\"マイクロソフト\""))
  }

  @Test(arguments: 0 ..< 40)
  func randomDocumentsParseBack(seed: UInt64) throws {
    let graph = RandomDocuments.graph(seed: seed)
    for merge in [false, true] {
      let text = try DOTWriter.text(graph: graph, options: DOTOptions(mergeParallel: merge))
      let parsed = try ParsedDOT(text)
      #expect(parsed.dataNodes.count == graph.companyCount)
      for node in parsed.dataNodes {
        let c = try #require(Int(node.name.dropFirst()))
        #expect(ParsedDOT.labelText(node.attributes["label"] ?? "") == Self.expectedLabel(graph, CompanyID(c)))
      }
      if !merge { #expect(parsed.dataEdges.count == graph.flowCount) }
    }
  }

  // MARK: Selection, highlight, only-cyclic, clusters, circulation

  static func pairs(_ edges: [ParsedDOT.Edge]) -> [String] { edges.map { "\($0.from)->\($0.to)" }.sorted() }
  static func pairs(_ graph: FlowGraph, _ flows: [Int]) -> [String] {
    flows.map { "n\(graph.payer(of: $0).rawValue)->n\(graph.payee(of: $0).rawValue)" }.sorted()
  }

  @Test(arguments: 0 ..< 10)
  func highlightMarksExactlyTheGivenFlows(seed: UInt64) throws {
    let (graph, highlighted) = DOTTestGraphs.randomWithFlags(seed: seed, companies: 12, flows: 60, salt: 1000, chance: 0.3)
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(highlightedFlows: highlighted)))
    let red = parsed.dataEdges.filter { $0.attributes["color"] == DOTWriter.highlightColor }
    let expected = (0 ..< graph.flowCount).filter { highlighted[$0] }
    #expect(red.count == expected.count)
    #expect(Self.pairs(red) == Self.pairs(graph, expected))
    #expect(red.allSatisfy { $0.attributes["style"]?.contains("bold") == true })
    // Companies joined by a highlighted flow are outlined in red; no others.
    var onCycle = Set<String>()
    for flow in expected { onCycle.insert("n\(graph.payer(of: flow).rawValue)"); onCycle.insert("n\(graph.payee(of: flow).rawValue)") }
    #expect(Set(parsed.dataNodes.filter { $0.attributes["color"] == DOTWriter.highlightColor }.map(\.name)) == onCycle)
    // The legend explains the highlight.
    #expect(parsed.edges.contains { $0.subgraph == "cluster_legend" && $0.attributes["label"] == "on a circular path" })

    // Merged: one red edge per pair with a highlighted flow.
    let merged = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(mergeParallel: true, highlightedFlows: highlighted)))
    let redPairs = Self.pairs(merged.dataEdges.filter { $0.attributes["color"] == DOTWriter.highlightColor })
    #expect(redPairs == Array(Set(Self.pairs(graph, expected))).sorted())
  }

  @Test(arguments: 0 ..< 10)
  func onlyCyclicKeepsExactlyTheGivenFlows(seed: UInt64) throws {
    let (graph, kept) = DOTTestGraphs.randomWithFlags(seed: seed, companies: 15, flows: 50, salt: 2000, chance: 0.25)
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(keptFlows: kept)))
    let keptFlows = (0 ..< graph.flowCount).filter { kept[$0] }
    #expect(Self.pairs(parsed.dataEdges) == Self.pairs(graph, keptFlows))
    var companies = Set<Int32>()
    for flow in keptFlows { companies.insert(graph.payer(of: flow).rawValue); companies.insert(graph.payee(of: flow).rawValue) }
    #expect(parsed.dataNodes.map(\.name) == companies.sorted().map { "n\($0)" })
  }

  @Test func nothingKeptIsAnEmptyButValidDiagram() throws {
    let graph = DOTTestGraphs.small()
    let text = try DOTWriter.text(graph: graph, options: DOTOptions(keptFlows: [Bool](repeating: false, count: graph.flowCount)))
    let parsed = try ParsedDOT(text)
    #expect(parsed.nodes.isEmpty && parsed.edges.isEmpty)
    #expect(!text.contains("cluster_legend"))
    let empty = try ParsedDOT(DOTWriter.text(graph: FlowGraphBuilder().build()))
    #expect(empty.nodes.isEmpty && empty.edges.isEmpty)
  }

  @Test func filterSelectsKindsDatesAndAmounts() throws {
    let graph = DOTTestGraphs.small()
    // Default: every kind, the equity stake dashed.
    let all = try ParsedDOT(DOTWriter.text(graph: graph))
    #expect(all.dataEdges.count == graph.flowCount)
    let dashed = all.dataEdges.filter { $0.attributes["style"] == "dashed" }
    #expect(dashed.count == 1)
    #expect(dashed.first.flatMap { $0.attributes["label"] }?.hasPrefix("equity stake") == true)
    // Money only.
    var options = DOTOptions()
    options.kinds = .moneyMoving
    #expect(try ParsedDOT(DOTWriter.text(graph: graph, options: options)).dataEdges.count == graph.flowCount - 1)
    // Dates: 2025 only (undated flows are left out).
    options = DOTOptions(filter: FlowFilter(kinds: .all, since: FlowDate(parsing: "2025"), until: FlowDate(parsing: "2025")))
    #expect(try ParsedDOT(DOTWriter.text(graph: graph, options: options)).dataEdges.count == 5)
    // At least 30 bn USD (5.8兆 JPY at 0.0066 is 38.3 bn USD).
    options = DOTOptions(filter: FlowFilter(kinds: .all, minimumAmount: 30e9))
    let large = try ParsedDOT(DOTWriter.text(graph: graph, options: options))
    #expect(large.dataEdges.count == 3)
    // Every company is still drawn.
    #expect(large.dataNodes.count == graph.companyCount)
  }

  @Test func minimumAmountNeedsRates() throws {
    var builder = FlowGraphBuilder()
    builder.addFlow(Flow(from: "a", to: "b", kind: .investment, amount: Amount(significand: 1, exponent: 9), currency: "USD"))
    builder.addFlow(Flow(from: "b", to: "a", kind: .purchase, amount: Amount(significand: 2500, exponent: 8), currency: "JPY"))
    let graph = builder.build()
    // Without a minimum amount the diagram is drawn, with equal pen widths.
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph))
    #expect(parsed.dataEdges.map { $0.attributes["penwidth"] } == ["1.0", "1.0"])
    #expect(throws: CurrencyConversion.Failure.self) {
      try DOTWriter.text(graph: graph, options: DOTOptions(filter: FlowFilter(kinds: .all, minimumAmount: 1)))
    }
  }

  @Test func penWidthGrowsWithTheAmount() throws {
    let graph = DOTTestGraphs.small()
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(kinds: .moneyMoving)))
    var widthByAmount: [(Double, Double)] = []
    let csrOrder = (0 ..< graph.companyCount).flatMap { graph.outgoingFlows(of: CompanyID($0)).map(Int.init) }
      .filter { graph.kind(of: $0).movesMoney }
    let conversion = try CurrencyConversion(graph: graph)
    for (edge, flow) in zip(parsed.dataEdges, csrOrder) {
      let width = try #require(edge.attributes["penwidth"].flatMap(Double.init))
      #expect(width >= 1 && width <= 6)
      if let value = conversion.value(of: flow, in: graph) { widthByAmount.append((value, width)) } else { #expect(width == 1) }
    }
    widthByAmount.sort { $0.0 < $1.0 }
    #expect(widthByAmount.first?.1 == 1 && widthByAmount.last?.1 == 6)
    for (a, b) in zip(widthByAmount, widthByAmount.dropFirst()) { #expect(a.1 <= b.1) }
  }

  @Test func mergedEdgesCarryTotals() throws {
    let graph = DOTTestGraphs.small()
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(mergeParallel: true)))
    let labels = parsed.dataEdges.map { ParsedDOT.labelText($0.attributes["label"] ?? "") }
    #expect(labels.contains("investment, equity stake\n2 flows: 13 bn USD + undisclosed\n2019–2025-10-28"))
    #expect(labels.contains("investment\n2 flows: 6.05兆 JPY\n2024-10-02–2025-03-31"))
    #expect(labels.contains("cloud commitment, revenue share\n2 flows: 250 bn USD + undisclosed\n2025-10-28"))
    #expect(parsed.dataEdges.count == 5)
    #expect(parsed.edges.contains { $0.attributes["label"] == "several kinds" })
  }

  @Test func clustersHoldTheirCompanies() throws {
    let graph = DOTTestGraphs.small()  // amazon 0, microsoft 1, openai 2, softbank 3
    let options = DOTOptions(clusters: [[CompanyID(0), CompanyID(2)], [], [CompanyID(2), CompanyID(1), CompanyID(99)]])
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: options))
    let clusters = parsed.subgraphMembers.filter { $0.name != "cluster_legend" }
    #expect(clusters.map(\.name) == ["cluster_0", "cluster_1"])
    #expect(clusters.map(\.members) == [["n0", "n2"], ["n1"]])
    // Only drawn companies go into clusters.
    var kept = [Bool](repeating: false, count: graph.flowCount)
    kept[0] = true  // microsoft -> openai
    let onlyKept = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(keptFlows: kept, clusters: [[CompanyID(0), CompanyID(1), CompanyID(2)]])))
    #expect(onlyKept.subgraphMembers.filter { $0.name != "cluster_legend" }.map(\.members) == [["n1", "n2"]])
  }

  @Test func circulationShadesAndLabelsTheShare() throws {
    let graph = DOTTestGraphs.small()
    var circular = [Double](repeating: 0, count: graph.flowCount)
    circular[0] = 13e9 * 0.62  // microsoft -> openai, 13 bn
    circular[3] = 38e9  // openai -> amazon, all of it
    circular[1] = 250e9 * 0.001
    let parsed = try ParsedDOT(DOTWriter.text(graph: graph, options: DOTOptions(circularAmount: circular)))
    let byLabel = Dictionary(parsed.dataEdges.map { (ParsedDOT.labelText($0.attributes["label"] ?? ""), $0.attributes["color"] ?? "") }, uniquingKeysWith: { a, _ in a })
    #expect(byLabel["investment\n13 bn USD\n2019\n62% circular"] == "#c44343")
    #expect(byLabel["cloud commitment\n38 bn USD\n2025-11-03\n100% circular"] == "#d00000")
    #expect(byLabel["cloud commitment\n250 bn USD\n2025-10-28\n<1% circular"] == "#b0b0b0")
    #expect(byLabel["investment\n10 bn USD\n2025-12"] == "#b0b0b0")
  }

  // MARK: Determinism, streaming, golden file

  @Test func outputIsDeterministicAndChunksAreWholeLines() throws {
    let graph = DOTTestGraphs.random(seed: 7, companies: 100, flows: 5_000)
    let options = DOTOptions(highlightedFlows: (0 ..< graph.flowCount).map { $0 % 7 == 0 })
    let first = try DOTWriter.bytes(graph: graph, options: options)
    let second = try DOTWriter.bytes(graph: graph, options: options)
    #expect(first == second)
    var chunks: [[UInt8]] = []
    try DOTWriter.write(graph: graph, options: options) { chunks.append($0) }
    #expect(chunks.count > 1)
    #expect(Array(chunks.joined()) == first)
    for chunk in chunks { #expect(chunk.last == 0x0A && chunk.count < DOTWriter.chunkSize + 4096) }
    var text = ""
    try DOTWriter.write(graph: graph, options: options, to: &text)
    #expect(Array(text.utf8) == first)
    // Rebuilding the graph from the same flows gives the same text.
    let rebuilt = DOTTestGraphs.random(seed: 7, companies: 100, flows: 5_000)
    #expect(try DOTWriter.bytes(graph: rebuilt, options: options) == first)
  }

  @Test func longChainIsWrittenIteratively() throws {
    var builder = FlowGraphBuilder()
    let usd = builder.internCurrency("USD")
    let n: Int32 = 50_000
    for c in 0 ..< n { _ = builder.intern("c\(c)") }
    for c in 0 ..< n {
      builder.addFlow(payer: c, payee: (c + 1) % n, kind: .loan, amount: Amount(significand: Int64(c + 1)), currency: usd, date: nil)
    }
    let graph = builder.build()
    var lines = 0
    var edges = 0
    try DOTWriter.write(graph: graph, options: DOTOptions(clusters: [graph.companies], showsEdgeLabels: false)) { chunk in
      var previous: UInt8 = 0
      for byte in chunk {
        if byte == 0x0A { lines += 1 }
        if byte == 0x3E, previous == 0x2D { edges += 1 }
        previous = byte
      }
    }
    #expect(edges == Int(n) + 1)  // and one legend edge
    #expect(lines > 2 * Int(n))
  }

  @Test func goldenFile() throws {
    let graph = DOTTestGraphs.small()
    var circular = [Double](repeating: 0, count: graph.flowCount)
    circular[0] = 10e9
    let cases: [(String, DOTOptions)] = [
      ("small.dot", DOTOptions()),
      ("small-merged-highlighted.dot", DOTOptions(
        mergeParallel: true, highlightedFlows: (0 ..< graph.flowCount).map { [0, 1, 3, 4].contains($0) },
        clusters: [[CompanyID(0), CompanyID(1), CompanyID(2)]])),
      ("small-circulation.dot", DOTOptions(title: "Circulation", kinds: .moneyMoving, circularAmount: circular)),
    ]
    for (name, options) in cases {
      try Snapshot.assert(try DOTWriter.text(graph: graph, options: options), matches: name)
    }
  }
}

extension DOTOptions {
  /// Options with only kinds set, for tests.
  init(title: String? = nil, kinds: FlowKindSet, circularAmount: [Double]? = nil) {
    self.init(title: title, filter: FlowFilter(kinds: kinds), circularAmount: circularAmount)
  }
}

/// Golden files under Tests/MoneyFlowTests/Snapshots/. Set RECORD_SNAPSHOTS=1
/// to re-record them; a recording run fails so it is never mistaken for a pass.
enum Snapshot {
  static var directory: String {
    let file = #filePath
    let folder = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
    return folder + "/Snapshots"
  }

  static func assert(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = directory + "/" + name
    if getenv("RECORD_SNAPSHOTS").map({ String(cString: $0) }) == "1" {
      try AtomicFile.write(actual, to: path)
      Issue.record("recorded \(path); unset RECORD_SNAPSHOTS and run the tests again", sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(decoding: FileIO.read(path), as: UTF8.self) else {
      Issue.record("no golden file \(path): run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "differs from \(path); if the change is intended, re-record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
  }
}
