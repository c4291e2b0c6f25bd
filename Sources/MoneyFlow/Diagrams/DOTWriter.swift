/// Writes a ``FlowGraph`` as a Graphviz DOT diagram.
///
/// The output is one `digraph` in this order: graph, node and edge
/// defaults (the title as graph label); one node a drawn company, in
/// ``CompanyID`` order, named `n0`, `n1`, … by ``CompanyID`` with the display
/// name as its label; the ``DOTOptions/clusters`` as `subgraph cluster_k`;
/// one edge a drawn flow (or, with ``DOTOptions/mergeParallel`` or for a
/// pair over ``DOTOptions/mergeAbove``, one edge a payer–payee pair) in CSR order: by payer, then payee, day and flow index;
/// last, a legend of the kinds drawn as `subgraph cluster_legend`.
///
/// Looks: an edge is coloured by kind, solid when the kind moves money and
/// dashed when it does not; its pen width grows with the logarithm of the
/// amount in the base currency, from 1 (smallest drawn) to 6 (largest), 1
/// when undisclosed or when amounts cannot be converted into one currency;
/// its label gives the kind, the amount in short form (`13 bn USD`,
/// `2,500億 JPY`, see ``Amount/shortForm(_:currency:)``) and the date.
/// Highlighted flows are red and bold; with circular amounts, edges are
/// shaded from grey to red by their circular share.
///
/// Validity: node names are generated identifiers, and every text from the
/// data (names, ids, notes, the title) is written as a quoted, escaped string
/// (see ``ByteBuffer/appendDOTEscaped(_:)``), so any input gives DOT that
/// Graphviz parses, whatever quotes, backslashes, line breaks, braces, angle
/// brackets, `--` or keywords it holds. Labels are UTF-8 (`charset="UTF-8"`).
///
/// Determinism: the output depends only on the graph and the options; no
/// dictionary or set is iterated, numbers are written with integer
/// arithmetic. Two exports of one graph are byte-identical.
///
/// Output is produced in chunks of about ``chunkSize`` bytes, each ending at
/// a line boundary (so each is valid UTF-8), without building the whole text.
public enum DOTWriter {
  /// The size above which the writer hands its buffer to the sink.
  public static let chunkSize = 1 << 16

  /// Writes the DOT text of `graph` to `target` in chunks.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` if `options.filter` has a
  ///   minimum amount and the drawn flows use a currency without a rate.
  /// - Precondition: the per-flow arrays of `options` are nil or have
  ///   `graph.flowCount` entries.
  /// - Complexity: O(*V* + *E*) time plus the length of the text; O(*V* + *E*)
  ///   extra space for per-company and per-flow flags.
  public static func write<Target: TextOutputStream>(
    graph: FlowGraph, options: DOTOptions = DOTOptions(), to target: inout Target
  ) throws(CurrencyConversion.Failure) {
    let plan = try Plan(graph: graph, options: options)
    plan.emit(chunkSize: chunkSize) { (chunk: [UInt8]) throws(Never) in
      target.write(String(decoding: chunk, as: UTF8.self))
    }
  }

  /// Writes the DOT text of `graph` as UTF-8 chunks of about ``chunkSize``
  /// bytes, each ending at a line boundary; for writing to a file or pipe.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` as ``write(graph:options:to:)``,
  ///   or what `chunks` throws, which stops the writing.
  /// - Complexity: O(*V* + *E*) time plus the length of the text.
  public static func write(
    graph: FlowGraph, options: DOTOptions = DOTOptions(), chunks: ([UInt8]) throws -> Void
  ) throws {
    let plan = try Plan(graph: graph, options: options)
    try plan.emit(chunkSize: chunkSize, flush: chunks)
  }

  /// The whole DOT text of `graph` as UTF-8 bytes.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` as ``write(graph:options:to:)``.
  /// - Complexity: O(*V* + *E*) time plus the length of the text.
  public static func bytes(graph: FlowGraph, options: DOTOptions = DOTOptions())
    throws(CurrencyConversion.Failure) -> [UInt8]
  {
    let plan = try Plan(graph: graph, options: options)
    var all: [UInt8] = []
    plan.emit(chunkSize: Int.max) { (chunk: [UInt8]) throws(Never) in all = chunk }
    return all
  }

  /// The whole DOT text of `graph`.
  ///
  /// - Throws: ``CurrencyConversion/Failure`` as ``write(graph:options:to:)``.
  /// - Complexity: O(*V* + *E*) time plus the length of the text.
  public static func text(graph: FlowGraph, options: DOTOptions = DOTOptions())
    throws(CurrencyConversion.Failure) -> String
  {
    String(decoding: try bytes(graph: graph, options: options), as: UTF8.self)
  }
}
