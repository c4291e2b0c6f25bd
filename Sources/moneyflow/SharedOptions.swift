import MoneyFlow

/// Options shared by the analysis commands.
enum SharedOptions {
  static let format = OptionSpec(name: "format", value: "FORMAT", help: "Output format: text or json. (default: text)")

  /// `--format text|json|jsonl`; `records` names the JSON array whose
  /// elements the JSON Lines carry, one a line.
  static func formatWithLines(records: String) -> OptionSpec {
    OptionSpec(
      name: "format", value: "FORMAT",
      help: "Output format: text, json or jsonl. jsonl (JSON Lines) writes each element\n"
        + "of the JSON answer's '\(records)' array on its own line, then one last line\n"
        + "{\"summary\": {...}} with the answer's other members. (default: text)")
  }

  static let output = OptionSpec(name: "output", short: "o", value: "FILE", help: "Write to FILE (atomically) instead of standard output.")

  static let filters: [OptionSpec] = [
    OptionSpec(name: "kinds", value: "KINDS", help: "Comma-separated flow kinds to include, or 'all'.\n(default: the money-moving kinds: investment, cloud_commitment,\nrevenue_share, purchase, loan, acquisition, grant, other)"),
    OptionSpec(name: "min-amount", value: "AMOUNT", help: "Leave out flows smaller than this, in the base currency\n(e.g. 1e9 or 500m). Flows without an amount are left out and counted."),
    OptionSpec(name: "since", value: "DATE", help: "Leave out flows dated before this (YYYY, YYYY-MM or YYYY-MM-DD).\nUndated flows are left out and counted."),
    OptionSpec(name: "until", value: "DATE", help: "Leave out flows dated after this; a partial date includes its\nwhole year or month."),
  ]
}

/// What an analysis command writes.
enum OutputFormat: String {
  /// For people.
  case text
  /// One pretty JSON object.
  case json
  /// JSON Lines: records one a line, then a summary line.
  case jsonl
}

extension ParsedArguments {
  /// The flow filter given by the shared filter options.
  func flowFilter(defaultKinds: FlowKindSet = .moneyMoving) throws(UsageError) -> FlowFilter {
    FlowFilter(
      kinds: try kinds("kinds") ?? defaultKinds, minimumAmount: try amount("min-amount"),
      since: try date("since"), until: try date("until"))
  }

  /// Whether `--format json` was given (validating the value).
  func wantsJSON() throws(UsageError) -> Bool {
    try choice("format", ["text", "json"], default: "text") == "json"
  }

  /// The `--format` given: text, json, or (when `lines`) jsonl.
  func outputFormat(lines: Bool) throws(UsageError) -> OutputFormat {
    let name = try choice("format", lines ? ["text", "json", "jsonl"] : ["text", "json"], default: "text")
    return OutputFormat(rawValue: name) ?? .text
  }

  /// The `-o` file, nil for standard output.
  var outputPath: String? { string("output") }

  /// The input file argument.
  var file: String { positionals[0] }
}
