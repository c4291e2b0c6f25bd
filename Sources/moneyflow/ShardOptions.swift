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

  /// The search options as one line, stored in partials and compared on merging.
  static func key(_ arguments: ParsedArguments) -> String {
    keyed.compactMap { name in
      if arguments.flag(name) { return name }
      return arguments.string(name).map { "\(name)=\($0)" }
    }.joined(separator: " ")
  }

  /// Reads the concatenated partials in `path` and merges them.
  static func merged(_ path: String, limit: Int, key: String) throws(InputError) -> CycleSearchPartial {
    let bytes = try FileIO.read(path)
    var parts: [CycleSearchPartial] = []
    var start = 0
    var line = 1
    var lineOfStart = 1
    let header = Array("moneyflow-partial/1\t".utf8)
    func flush(_ end: Int) throws(InputError) {
      guard end > start else { return }
      do {
        parts.append(try CycleSearchPartial(parsing: Array(bytes[start ..< end]), file: path))
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
    switch CycleSearchPartial.merge(parts, limit: limit) {
    case .success(let merged): return merged
    case .failure(let failure): throw InputError(.invalidValue, file: path, message: failure.message)
    }
  }

  /// The answer to print: that of the single search, of `--shard` alone,
  /// or of the `--merge`d shards; nil after printing a `--format partial`.
  static func answer<Answer>(
    _ arguments: ParsedArguments, partial printsPartial: Bool, shard: WorkShard?, key: String, limit: Int,
    partial: (WorkShard) throws(CurrencyConversion.Failure) -> CycleSearchPartial,
    merge: (CycleSearchPartial) throws(CurrencyConversion.Failure) -> Answer?,
    single: () throws(CurrencyConversion.Failure) -> Answer
  ) throws -> Answer? {
    let merging = arguments.string("merge")
    var merged = try merging.map { path throws(InputError) in try ShardOptions.merged(path, limit: limit, key: key) }
    if merged == nil, printsPartial || shard != nil {
      let own = try Loading.converting(arguments.file) { () throws(CurrencyConversion.Failure) in
        try partial(shard ?? whole)
      }
      if printsPartial {
        try CommandOutput.stream(to: arguments.outputPath) { writer in try writer.write(raw: own.text()) }
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
