import MoneyFlow

/// The `moneyflow` command: dispatches to subcommands and maps errors to
/// exit statuses (0 success, 1 bad input or failure, 2 bad usage).
enum MoneyFlowCommand {
  static let version = "0.1.0"

  static let abstract = "Find the money that goes round in circles between companies."

  static var subcommands: [CommandSpec] {
    [CyclesCommand.spec, SCCCommand.spec, DotCommand.spec, CirculationCommand.spec, StatsCommand.spec,
     ReportCommand.spec, WatchCommand.spec, ConvertCommand.spec, GenerateCommand.spec]
  }

  static var help: String {
    var text = "OVERVIEW: \(abstract)\n\nMoneyFlow reads money-flow graphs (.json graph documents or .csv edge lists)\nand finds circular flows (round-tripping), draws them with Graphviz and\nmeasures how much of the money is circular.\n\nUSAGE: moneyflow <subcommand>\n\nOPTIONS:\n  --version               Show the version.\n  -h, --help              Show help information.\n\nSUBCOMMANDS:\n"
    for command in subcommands {
      text += "  " + command.name + String(repeating: " ", count: max(1, 24 - command.name.count)) + command.abstract + "\n"
    }
    text += "\n  See 'moneyflow help <subcommand>' for detailed help.\n"
    return text
  }

  /// Runs the command line `arguments` (without the program name), then
  /// reports a failure to write standard output: none for a closed pipe
  /// (the status stays), else an error and status 1.
  static func main(_ arguments: [String]) -> Int32 {
    let status = run(arguments)
    guard let failure = Console.failure, !failure.isClosedPipe else { return status }
    Console.error("\(failure)")
    return 1
  }

  /// Runs the command line `arguments` and returns the exit status.
  private static func run(_ arguments: [String]) -> Int32 {
    guard let first = arguments.first else {
      Console.error("Error: Missing subcommand\n\n" + help)
      return 2
    }
    switch first {
    case "-h", "--help":
      Console.out(help)
      return 0
    case "--version":
      Console.out(version + "\n")
      return 0
    case "help":
      guard arguments.count > 1 else { Console.out(help); return 0 }
      guard let command = subcommands.first(where: { $0.name == arguments[1] }) else {
        Console.error("Error: Unknown subcommand '\(arguments[1])'\n\n" + help)
        return 2
      }
      Console.out(command.help)
      return 0
    default:
      break
    }
    guard let command = subcommands.first(where: { $0.name == first }) else {
      let close = subcommands.map(\.name).filter { editDistance($0, first) <= 2 }
      Console.error("Error: Unknown subcommand '\(first)'" + (close.first.map { "; did you mean '\($0)'?" } ?? ""))
      Console.error("Usage: moneyflow <subcommand>\n  See 'moneyflow --help' for the subcommands.")
      return 2
    }
    do {
      let parsed = try command.parse(Array(arguments.dropFirst()))
      let status = try command.run(parsed)
      Console.flush()
      return status
    } catch let error as UsageError {
      switch error {
      case .helpRequested:
        Console.out(command.help)
        return 0
      case .message(let message):
        Console.error("Error: \(message)")
        Console.error("Usage: \(command.usage)")
        Console.error("  See 'moneyflow \(command.name) --help' for more information.")
        return 2
      }
    } catch let failure as Console.WriteFailure {
      // Reported by main(_:), once.
      return failure.isClosedPipe ? 0 : 1
    } catch {
      Console.flush()
      Console.error("\(error)")
      return 1
    }
  }
}
