#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

exit(MoneyFlowCommand.main(Array(CommandLine.arguments.dropFirst())))
