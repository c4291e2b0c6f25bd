#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

Console.ignoreBrokenPipes()
Interruption.install(stoppable: CommandLine.arguments.dropFirst().first.map(Interruption.stoppable.contains) ?? false)
exit(MoneyFlowCommand.main(Array(CommandLine.arguments.dropFirst())))
