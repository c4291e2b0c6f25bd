import MoneyFlow

/// Options shared by the analysis commands.
enum SharedOptions {
  static let format = OptionSpec(name: "format", value: "FORMAT", help: "Output format: text or json. (default: text)")

  static let filters: [OptionSpec] = [
    OptionSpec(name: "kinds", value: "KINDS", help: "Comma-separated flow kinds to include, or 'all'.\n(default: the money-moving kinds: investment, cloud_commitment,\nrevenue_share, purchase, loan, acquisition, grant, other)"),
    OptionSpec(name: "min-amount", value: "AMOUNT", help: "Leave out flows smaller than this, in the base currency\n(e.g. 1e9 or 500m). Flows without an amount are left out and counted."),
    OptionSpec(name: "since", value: "DATE", help: "Leave out flows dated before this (YYYY, YYYY-MM or YYYY-MM-DD).\nUndated flows are left out and counted."),
    OptionSpec(name: "until", value: "DATE", help: "Leave out flows dated after this; a partial date includes its\nwhole year or month."),
  ]
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
