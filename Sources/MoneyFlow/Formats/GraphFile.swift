/// Loads and saves graphs by file name: `.json` is a graph document, `.csv`
/// an edge list, `.graphml` GraphML, `.ftm.json`/`.ftm.jsonl`/`.jsonl`
/// FollowTheMoney entities (read only; a `.json` file or standard input whose
/// first line is an FtM entity is read as FtM too), `-` standard input (JSON
/// if it starts with `{`, GraphML if with `<`, else CSV).
///
/// A CSV edge list holds only flows. When a graph carries more — a title, a
/// base currency, rates, company names, aliases or attributes, companies
/// without flows, or a company order other than first use — saving it as
/// `NAME.csv` also writes the companion document `NAME.meta.json` (a graph
/// document without flows), and loading `NAME.csv` reads it back, so
/// converting JSON to CSV and back loses nothing. A hand-written companion
/// may hold only what it needs (say `currency` and `rates`): companies it
/// does not list are created from the flows, as without a companion.
public enum GraphFile {
  /// The file formats.
  public enum Format: Sendable { case json, csv, graphml, ftm }

  /// The format named by `path`'s extension; nil if unknown.
  public static func format(of path: String) -> Format? {
    let lower = path.lowercased()
    if lower.hasSuffix(".ftm.json") || lower.hasSuffix(".jsonl") { return .ftm }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".csv") { return .csv }
    if lower.hasSuffix(".graphml") { return .graphml }
    return nil
  }

  /// The companion document path of a CSV edge list: `flows.csv` → `flows.meta.json`.
  public static func companionPath(of csvPath: String) -> String {
    String(csvPath.dropLast(4)) + ".meta.json"
  }

  /// Loads the graph in `path`. With a column `mapping`, the file (or
  /// standard input) is read as a CSV file with its own header, whatever its
  /// name ends in, and without a companion document.
  ///
  /// - Throws: ``InputError`` naming the file, line and field of the first problem.
  public static func load(_ path: String, columns mapping: CSVColumnMapping? = nil) throws(InputError) -> FlowGraph {
    var notes: [String] = []
    return try load(path, columns: mapping, notes: &notes)
  }

  /// Loads the graph in `path` as ``load(_:columns:)`` does, adding to `notes`
  /// what a foreign file held that could not be read (GraphML keys MoneyFlow
  /// has no field for, FtM schemata it does not read, ...).
  ///
  /// - Throws: ``InputError`` naming the file, line and field of the first problem.
  public static func load(
    _ path: String, columns mapping: CSVColumnMapping? = nil, notes: inout [String]
  ) throws(InputError) -> FlowGraph {
    let name = path == "-" ? "<stdin>" : path
    if let mapping {
      guard path == "-" || FileIO.exists(path) else { throw InputError(.unreadable, file: path, message: "no such file") }
      if path == "-" { return try CSVEdgeListReader(bytes: try FileIO.read(path), file: name, mapping: mapping).read() }
      return try CSVEdgeListReader(path: path, mapping: mapping).read()
    }
    if path == "-" {
      // Standard input: JSON if it starts with '{', GraphML if with '<', else CSV.
      let bytes = try FileIO.read(path)
      let first = bytes.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).first
      if first == 0x7B, FtMReader.looksLikeFtM(bytes) { return try readFtM(bytes, file: name, notes: &notes) }
      if first == 0x7B { return try JSONDocumentReader(bytes: bytes, file: name).read() }
      if first == 0x3C { return try readGraphML(bytes, file: name, notes: &notes) }
      return try CSVEdgeListReader(bytes: bytes, file: name).read()
    }
    switch self.format(of: path) {
    case .graphml:
      return try readGraphML(try FileIO.read(path), file: name, notes: &notes)
    case .ftm:
      return try readFtM(try FileIO.read(path), file: name, notes: &notes)
    case .json:
      let bytes = try FileIO.read(path)
      if FtMReader.looksLikeFtM(bytes) { return try readFtM(bytes, file: name, notes: &notes) }
      return try JSONDocumentReader(bytes: bytes, file: name).read()
    case .csv:
      let companion = companionPath(of: path)
      guard FileIO.exists(companion) else { return try CSVEdgeListReader(path: path).read() }
      let meta = JSONDocumentReader(bytes: try FileIO.read(companion), file: companion)
      var builder = try meta.readHeader(try meta.rootMembers(), allowFlows: false)
      try CSVEdgeListReader(path: path).read(into: &builder, listedCompaniesOnly: false)
      return (consume builder).build()
    case nil:
      // A missing file is reported as missing whatever its name ends in.
      guard FileIO.exists(path) else { throw InputError(.unreadable, file: path, message: "no such file") }
      throw InputError(.unsupportedFormat, file: path, message: "unknown file type; expected a .json graph document, a .csv edge list or a .graphml file")
    }
  }

  private static func readFtM(_ bytes: [UInt8], file: String, notes: inout [String]) throws(InputError) -> FlowGraph {
    var reader = FtMReader(bytes: bytes, file: file)
    let graph = try reader.read()
    notes += reader.notes
    return graph
  }

  private static func readGraphML(_ bytes: [UInt8], file: String, notes: inout [String]) throws(InputError) -> FlowGraph {
    var reader = GraphMLReader(bytes: bytes, file: file)
    let graph = try reader.read()
    notes += reader.notes
    return graph
  }

  /// The bytes that saving `graph` in `format` writes: the main file and,
  /// for CSV when needed, the companion document.
  public static func encode(_ graph: FlowGraph, as format: Format) -> (main: String, companion: String?) {
    switch format {
    case .json, .ftm:  // FtM is read only: its bytes are those of the JSON document
      return (JSONDocumentWriter.text(graph), nil)
    case .graphml:
      return (GraphMLWriter.text(graph), nil)
    case .csv:
      let companion = needsCompanion(graph) ? JSONDocumentWriter.text(graph, includeFlows: false) : nil
      return (CSVEdgeListWriter.text(graph), companion)
    }
  }

  /// Saves `graph` to `path` atomically (format by extension; `-` writes JSON
  /// to standard output). A CSV that needs no companion removes a stale one.
  public static func save(_ graph: FlowGraph, to path: String) throws(InputError) {
    let format = path == "-" ? .json : self.format(of: path)
    guard let format, format != .ftm else {
      throw InputError(.unsupportedFormat, file: path, message: "unknown file type; expected a name ending in .json, .csv or .graphml")
    }
    let (main, companion) = encode(graph, as: format)
    if format == .csv, path != "-" {
      let companionPath = companionPath(of: path)
      if let companion { try FileIO.writeAtomically(Array(companion.utf8), to: companionPath) } else if FileIO.exists(companionPath) { FileIO.remove(companionPath) }
    }
    try FileIO.writeAtomically(Array(main.utf8), to: path)
  }

  /// Whether a CSV edge list alone would lose something of `graph`.
  ///
  /// - Complexity: O(*V* + *E*).
  public static func needsCompanion(_ graph: FlowGraph) -> Bool {
    if graph.title != nil || graph.currency != nil || !graph.rateCodes.isEmpty || !graph.companyInfo.isEmpty {
      return true
    }
    // The order in which an edge list alone would create the companies.
    var seen = [Bool](repeating: false, count: graph.companyCount)
    var position = 0
    for flow in 0 ..< graph.flowCount {
      for company in [graph.payerIndex[flow], graph.payeeIndex[flow]] where !seen[Int(company)] {
        seen[Int(company)] = true
        guard graph.documentOrder[position] == company else { return true }
        position += 1
      }
    }
    return position != graph.companyCount
  }
}
