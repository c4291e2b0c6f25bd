import MoneyFlow

/// Options shared by the analysis commands.
enum SharedOptions {
  /// `--columns`, on every command that reads a file.
  static let columns = OptionSpec(name: "columns", value: "MAPPING", help: "Read a CSV file with its own header: from=COL,to=COL[,amount=COL,currency=COL,\ndate=COL,kind=COL,id=COL], COL a header name or 1-based number; '+' joins\ncolumns into one party (from=From Bank+2). Other columns are kept as flow\nattributes; rows without a kind are 'other'.")

  static let format = OptionSpec(name: "format", value: "FORMAT", help: "Output format: text or json. (default: text)")

  /// The base currency and rates for files that carry none (every command that reads a graph).
  static let currency: [OptionSpec] = [
    OptionSpec(name: "currency", value: "CODE", help: "The base currency amounts are compared in, for a file that names none\n(e.g. USD)."),
    OptionSpec(name: "rates", value: "RATES", help: "Rates into the base currency: EUR=1.08,JPY=0.0066 or a JSON file\n{\"EUR\": 1.08}; they replace the file's rates for the same codes."),
  ]

  /// `--format text|json|jsonl`; `records` names the JSON array whose
  /// elements the JSON Lines carry, one a line.
  static func formatWithLines(records: String) -> OptionSpec {
    OptionSpec(
      name: "format", value: "FORMAT",
      help: "Output format: text, json or jsonl. jsonl (JSON Lines) writes each element\n"
        + "of the JSON answer's '\(records)' array on its own line, then one last line\n"
        + "{\"summary\": {...}} with the answer's other members. (default: text)")
  }

  /// `--format` with JSON Lines of `records`, `-o`, `--columns` and the
  /// currency options: the last options of a command that prints an answer.
  static func answerOutput(records: String) -> [OptionSpec] {
    [formatWithLines(records: records), output, columns] + currency
  }

  static let output = OptionSpec(name: "output", short: "o", value: "FILE", help: "Write to FILE (atomically) instead of standard output.")

  static let filters: [OptionSpec] = [
    OptionSpec(name: "kinds", value: "KINDS", help: "Comma-separated flow kinds to include, or 'all'.\n(default: the money-moving kinds: investment, cloud_commitment,\nrevenue_share, purchase, loan, acquisition, grant, other)"),
    OptionSpec(name: "min-amount", value: "AMOUNT", help: "Leave out flows smaller than this, in the base currency\n(e.g. 1e9 or 500m). Flows without an amount are left out and counted."),
    OptionSpec(name: "since", value: "DATE", help: "Leave out flows dated before this (YYYY, YYYY-MM, YYYY-MM-DD or a\ndate-time such as 2024-05-01T09:30Z). Undated flows are left out\nand counted."),
    OptionSpec(name: "until", value: "DATE", help: "Leave out flows dated after this; a partial date includes its\nwhole year, month or day, a time to the minute its whole minute."),
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

  /// The `-o` path, checked before any work: a name whose extension is not
  /// one of `extensions` (lower case, without the dot) is a usage error
  /// listing them, so no file gets bytes its name does not promise. A name
  /// without an extension, and `-`, are accepted.
  func checkedOutputPath(extensions: [String]) throws(UsageError) -> String? {
    guard let path = string("output") else { return nil }
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
    let suffix = name[name.index(after: dot)...].lowercased()
    guard extensions.contains(suffix) else {
      let list = extensions.map { "." + $0 }
      let spoken = list.count > 1 ? list.dropLast().joined(separator: ", ") + " or " + (list.last ?? "") : list.joined()
      throw UsageError.message("Cannot write '\(path)': '.\(suffix)' is not a format '\(command.name)' writes; name it \(spoken)")
    }
    return path
  }

  /// The `--format` given: text, json, or (when `lines`) jsonl.
  func outputFormat(lines: Bool) throws(UsageError) -> OutputFormat {
    let name = try choice("format", lines ? ["text", "json", "jsonl"] : ["text", "json"], default: "text")
    return OutputFormat(rawValue: name) ?? .text
  }

  /// The `-o` file, nil for standard output.
  var outputPath: String? { string("output") }

  /// The `--columns` mapping, if given.
  func columnMapping() throws(UsageError) -> CSVColumnMapping? {
    guard let text = string("columns") else { return nil }
    do {
      return try CSVColumnMapping(parsing: text)
    } catch {
      throw UsageError.message("The value '\(text)' is invalid for '--columns <mapping>': \(error.description)")
    }
  }


  /// The input file argument.
  var file: String { positionals[0] }
}

/// The cycle filters of `cycles`: `--through` and `--min-length`.
enum CycleFilterOptions {
  static let specs: [OptionSpec] = [
    OptionSpec(name: "through", value: "COMPANIES", help: "Only cycles through at least one of these companies (comma-separated ids or\nnames); the search starts from them."),
    OptionSpec(name: "min-length", value: "N", help: "Count only cycles of at least N companies (flows with --temporal); smaller\ncomponents are not searched."),
  ]
}

extension ParsedArguments {
  /// The companies of `--through`, by id or else by name or alias (a name
  /// several companies bear selects them all); nil without the option.
  ///
  /// - Throws: a usage error naming a value that matches no company.
  func throughCompanies(in graph: FlowGraph) throws(UsageError) -> [CompanyID]? {
    guard let text = values["through"] else { return nil }
    var found: [CompanyID] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let matches = graph.companies(matching: String(part))
      guard !matches.isEmpty else {
        throw UsageError.message("The value '\(part)' is invalid for '--through <companies>': no company of \(file) has this id or name")
      }
      found.append(contentsOf: matches)
    }
    return found
  }
}
