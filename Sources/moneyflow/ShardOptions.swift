import MoneyFlow

/// `--shard I/N` and `--merge PARTIALS` of `cycles`: one shard of the work,
/// and the merge of all shards' partial answers.
enum ShardOptions {
  /// The whole search as one shard.
  static let whole = WorkShard(index: 1, count: 1) ?? WorkShard(parsing: "1/1")!

  /// The options that must be equal in every shard and in the merge, in a
  /// fixed order, as written (`--threads`, `--format`, `--shard` may differ).
  static let keyed = [
    "temporal", "max-length", "limit", "kinds", "min-amount", "since", "until", "window", "strictly-increasing",
    "count-only", "through", "min-length", "columns", "currency", "rates",
  ]

  /// The `--shard` value, validated.
  static func shard(_ arguments: ParsedArguments) throws(UsageError) -> WorkShard? {
    guard let text = arguments.string("shard") else { return nil }
    guard let shard = WorkShard(parsing: text) else {
      throw UsageError.message("The value '\(text)' is invalid for '--shard <i/n>': expected I/N with 1 <= I <= N, such as 2/7")
    }
    return shard
  }

  /// The `--part` value, validated: it marks a `--format partial` answer as
  /// that of part P of Q of a graph split by component, keyed by company id.
  static func part(_ arguments: ParsedArguments) throws(UsageError) -> WorkShard? {
    guard let text = arguments.string("part") else { return nil }
    guard let part = WorkShard(parsing: text) else {
      throw UsageError.message("The value '\(text)' is invalid for '--part <p/q>': expected P/Q with 1 <= P <= Q, such as 2/7")
    }
    guard arguments.string("format") == "partial" else {
      throw UsageError.message("'--part' goes with '--format partial': it marks the partial answer of one part of a split graph")
    }
    if arguments.string("through") != nil {
      throw UsageError.message("'--through' cannot go with '--part': a part need not hold the companies named")
    }
    return part
  }

  /// The search options as one line, stored in partials and compared on merging.
  static func key(_ arguments: ParsedArguments) -> String {
    keyed.compactMap { name in
      if arguments.flag(name) { return name }
      return arguments.string(name).map { "\(name)=\($0)" }
    }.joined(separator: " ")
  }

  /// Reads the concatenated partials in `path` and merges them: the shards'
  /// partials of one graph, or the parts' partials (`--part`) of `graph`
  /// split by component, whose cycles `filter` selects.
  static func merged(
    _ path: String, limit: Int, key: String, graph: FlowGraph, filter: FlowFilter
  ) throws -> CycleSearchPartial {
    let bytes = try FileIO.read(path)
    let byPart = CyclePartPartial.starts(bytes[...])
    var parts: [CycleSearchPartial] = []
    var keyed: [CyclePartPartial] = []
    var start = 0
    var line = 1
    var lineOfStart = 1
    let header = Array(((byPart ? CyclePartPartial.header : "moneyflow-partial/1") + "\t").utf8)
    func flush(_ end: Int) throws(InputError) {
      guard end > start else { return }
      do {
        if byPart {
          keyed.append(try CyclePartPartial(parsing: Array(bytes[start ..< end]), file: path))
        } else {
          parts.append(try CycleSearchPartial(parsing: Array(bytes[start ..< end]), file: path))
        }
      } catch {
        var shifted = error
        if shifted.line > 0 { shifted.line += lineOfStart - 1 }
        throw shifted
      }
    }
    var i = 0
    while i < bytes.count {
      if i > start, bytes[i - 1] == UInt8(ascii: "\n"), bytes[i...].starts(with: header) {
        try flush(i)
        start = i
        lineOfStart = line
      }
      if bytes[i] == UInt8(ascii: "\n") { line += 1 }
      i += 1
    }
    try flush(bytes.count)
    if let other = parts.first(where: { $0.optionsKey != key }) {
      throw InputError(
        .invalidValue, file: path,
        message: "shard \(other.shard) ran with options '\(other.optionsKey)', not '\(key)': merge with the shards' options")
    }
    if let other = keyed.first(where: { $0.optionsKey != key }) {
      throw InputError(
        .invalidValue, file: path,
        message: "part \(other.part) ran with options '\(other.optionsKey)', not '\(key)': merge with the parts' options")
    }
    let merged =
      byPart
      ? try Loading.converting(path) { () throws(CurrencyConversion.Failure) in
        try CyclePartPartial.merge(keyed, graph: graph, filter: filter, limit: limit)
      }
      : CycleSearchPartial.merge(parts, limit: limit)
    switch merged {
    case .success(let merged): return merged
    case .failure(let failure): throw InputError(.invalidValue, file: path, message: failure.message)
    }
  }

  /// The answer to print: that of the single search, of `--shard` alone,
  /// or of the `--merge`d shards; nil after printing a `--format partial`.
  static func answer<Answer>(
    _ arguments: ParsedArguments, graph: FlowGraph, partial printsPartial: Bool, shard: WorkShard?, key: String,
    limit: Int,
    partial: (WorkShard) throws(CurrencyConversion.Failure) -> CycleSearchPartial,
    merge: (CycleSearchPartial) throws(CurrencyConversion.Failure) -> Answer?,
    single: () throws(CurrencyConversion.Failure) -> Answer
  ) throws -> Answer? {
    let merging = arguments.string("merge")
    let part = try ShardOptions.part(arguments)
    let filter = try arguments.flowFilter()
    var merged = try merging.map { path in
      try ShardOptions.merged(path, limit: limit, key: key, graph: graph, filter: filter)
    }
    if merged == nil, printsPartial || shard != nil {
      let own = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try partial(shard ?? whole)
      }
      if printsPartial {
        let text = part.map { CyclePartPartial(own, part: $0, graph: graph).text() } ?? own.text()
        try CommandOutput.stream(to: arguments.outputPath) { writer in try writer.write(raw: text) }
        return nil
      }
      merged = own
    }
    let found = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
      if let merged { return try merge(merged) }
      return try single()
    }
    guard let found else { throw mismatch(merging, file: arguments.file) }
    return found
  }

  /// The error when merged partials do not come from the graph `file`.
  static func mismatch(_ merging: String?, file: String) -> InputError {
    InputError(
      .invalidValue, file: merging ?? file,
      message: "the partials do not come from '\(file)' (another graph, or other --kinds/--since/--until)")
  }
}
