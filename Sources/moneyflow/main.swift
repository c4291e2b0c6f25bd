#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

Interruption.install()
exit(MoneyFlowCommand.main(Array(CommandLine.arguments.dropFirst())))
