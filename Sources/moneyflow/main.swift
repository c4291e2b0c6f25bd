#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

Console.ignoreBrokenPipes()
exit(MoneyFlowCommand.main(Array(CommandLine.arguments.dropFirst())))
