import MoneyFlow

/// One option a command accepts.
struct OptionSpec: Sendable {
  /// The long name without dashes: `max-length`.
  let name: String
  /// A one-letter alias: `o` for `-o`.
  var short: Character? = nil
  /// The value's placeholder (`N`, `FILE`); nil for a flag.
  var value: String? = nil
  let help: String
}

/// One positional argument.
struct ArgumentSpec: Sendable {
  let name: String
  let help: String
  var optional = false
}

/// A subcommand: its help text, arguments, options and what it runs.
struct CommandSpec: Sendable {
  let name: String
  let abstract: String
  var discussion: String? = nil
  var arguments: [ArgumentSpec] = []
  var options: [OptionSpec] = []
  /// Runs the command; returns the exit status.
  let run: @Sendable (ParsedArguments) throws -> Int32

  /// The one-line usage: `moneyflow cycles <file> [--max-length <n>] ...`.
  var usage: String {
    var parts = ["moneyflow", name]
    for argument in arguments { parts.append(argument.optional ? "[<\(argument.name)>]" : "<\(argument.name)>") }
    for option in options {
      let flag = option.short.map { "-\($0)" } ?? "--\(option.name)"
      parts.append(option.value.map { "[\(flag) <\($0.lowercased())>]" } ?? "[\(flag)]")
    }
    return parts.joined(separator: " ")
  }

  /// The full help text, in swift-argument-parser's layout.
  var help: String {
    var text = "OVERVIEW: \(abstract)\n"
    if let discussion { text += "\n" + discussion + "\n" }
    text += "\nUSAGE: \(usage)\n"
    if !arguments.isEmpty {
      text += "\nARGUMENTS:\n"
      for argument in arguments { text += column("<\(argument.name)>", argument.help) }
    }
    text += "\nOPTIONS:\n"
    for option in options {
      var left = option.short.map { "-\($0), " } ?? ""
      left += "--\(option.name)"
      if let value = option.value { left += " <\(value.lowercased())>" }
      text += column(left, option.help)
    }
    text += column("-h, --help", "Show help information.")
    return text
  }

  private func column(_ left: String, _ right: String) -> String {
    let pad = left.count < 24 ? String(repeating: " ", count: 24 - left.count) : "\n" + String(repeating: " ", count: 26)
    return "  " + left + pad + right.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + String(repeating: " ", count: 26)) + "\n"
  }

  /// Parses `arguments` (after the subcommand name) against this spec.
  ///
  /// Accepts `--name value`, `--name=value`, `-o value`, flags, and `--` to end options.
  func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments(command: self)
    var i = 0
    var optionsEnded = false
    while i < arguments.count {
      let argument = arguments[i]
      i += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" { optionsEnded = true; continue }
      var name: String
      var inlineValue: String?
      if argument.hasPrefix("--") {
        name = String(argument.dropFirst(2))
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
      } else {
        name = String(argument.dropFirst())
        if name.count > 1 { inlineValue = String(name.dropFirst()); name = String(name.prefix(1)) }
      }
      guard let option = options.first(where: { $0.name == name || ($0.short.map(String.init) == name && !argument.hasPrefix("--")) }) else {
        if name == "h" || name == "help" { throw UsageError.helpRequested }
        throw UsageError.message("Unknown option '\(argument)'\(suggestion(for: name))")
      }
      if option.value == nil {
        guard inlineValue == nil else { throw UsageError.message("Option '--\(option.name)' takes no value") }
        parsed.flags.insert(option.name)
        continue
      }
      if let inlineValue {
        parsed.values[option.name] = inlineValue
      } else {
        guard i < arguments.count else { throw UsageError.message("Missing value for '\(argument) <\(option.value?.lowercased() ?? "value")>'") }
        parsed.values[option.name] = arguments[i]
        i += 1
      }
    }
    let required = self.arguments.filter { !$0.optional }.count
    if parsed.positionals.count < required {
      throw UsageError.message("Missing expected argument '<\(self.arguments[parsed.positionals.count].name)>'")
    }
    if parsed.positionals.count > self.arguments.count {
      throw UsageError.message("Unexpected argument '\(parsed.positionals[self.arguments.count])'")
    }
    return parsed
  }

  private func suggestion(for name: String) -> String {
    let close = options.map(\.name).filter { candidate in
      candidate.hasPrefix(name) || name.hasPrefix(candidate) || editDistance(candidate, name) <= 2
    }
    return close.first.map { "; did you mean '--\($0)'?" } ?? ""
  }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  var row = Array(0 ... b.count)
  for i in 1 ..< a.count + 1 {
    var previous = row[0]
    row[0] = i
    for j in 1 ..< b.count + 1 {
      let current = row[j]
      row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.count]
}

/// A command line that does not fit the command: exit status 2.
enum UsageError: Error {
  case message(String)
  case helpRequested
}

/// The parsed command line of one command, with typed accessors that
/// validate values.
struct ParsedArguments {
  let command: CommandSpec
  var positionals: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  init(command: CommandSpec) { self.command = command }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  func string(_ name: String) -> String? { values[name] }

  /// A whole number option, at least `minimum`.
  func int(_ name: String, minimum: Int = 0) throws(UsageError) -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text), value >= minimum else {
      throw UsageError.message("The value '\(text)' is invalid for '--\(name) <\(optionValueName(name))>': expected a whole number of at least \(minimum)")
    }
    return value
  }

  /// One of `choices`.
  func choice(_ name: String, _ choices: [String], default defaultValue: String) throws(UsageError) -> String {
    guard let text = values[name] else { return defaultValue }
    guard choices.contains(text) else {
      throw UsageError.message("The value '\(text)' is invalid for '--\(name) <\(optionValueName(name))>': expected one of \(choices.joined(separator: ", "))")
    }
    return text
  }

  /// A date option: YYYY, YYYY-MM or YYYY-MM-DD.
  func date(_ name: String) throws(UsageError) -> FlowDate? {
    guard let text = values[name] else { return nil }
    guard let date = FlowDate(parsing: text) else {
      throw UsageError.message("The value '\(text)' is invalid for '--\(name) <date>': expected YYYY, YYYY-MM, YYYY-MM-DD or a date with a time (YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM], YYYY-MM-DD HH:MM[:SS], YYYY/MM/DD HH:MM[:SS])")
    }
    return date
  }

  /// A duration option (``FlowDuration``): `30` (days), `30d`, `6h`, `90m`, `3600s`.
  func duration(_ name: String) throws(UsageError) -> FlowDuration? {
    guard let text = values[name] else { return nil }
    guard let duration = FlowDuration(parsing: text) else {
      throw UsageError.message("The value '\(text)' is invalid for '--\(name) <\(optionValueName(name))>': expected \(FlowDuration.acceptedForms)")
    }
    return duration
  }

  /// An amount option such as `1e9` or `500m`.
  func amount(_ name: String) throws(UsageError) -> Double? {
    guard let text = values[name] else { return nil }
    guard case .success(let amount) = Amount.parse(text) else {
      throw UsageError.message("The value '\(text)' is invalid for '--\(name) <amount>': expected a non-negative number such as 1e9 or 500m")
    }
    return amount.doubleValue
  }

  /// A comma-separated list of kinds.
  func kinds(_ name: String) throws(UsageError) -> FlowKindSet? {
    guard let text = values[name] else { return nil }
    if text == "all" { return .all }
    if text == "money" { return .moneyMoving }
    var set = FlowKindSet(bits: 0)
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let kind = FlowKind(name: String(part)) else {
        throw UsageError.message("The value '\(part)' is invalid for '--\(name) <kinds>': expected kinds from \(FlowKind.allNames), or 'all' or 'money'")
      }
      set.insert(kind)
    }
    return set
  }

  private func optionValueName(_ name: String) -> String {
    command.options.first { $0.name == name }?.value?.lowercased() ?? "value"
  }
}
