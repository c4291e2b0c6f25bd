import Foundation

/// What the figures were measured on: printed with every run.
struct Machine: Codable, Sendable {
  var cpu: String
  var cores: Int
  var memoryBytes: Int
  var kernel: String
  var toolchain: String
  var compiler: String
  var optimized: Bool
  var date: String
  var command: String
  var load: String

  static func current() -> Machine {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let lines = cpuinfo.split(separator: "\n")
    let model = lines.first { $0.hasPrefix("model name") }.map {
      $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
    } ?? "unknown"
    let processors = lines.filter { $0.hasPrefix("processor") }.count
    let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
    let total = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
      .flatMap { Int($0.filter(\.isNumber)) }.map { $0 * 1_024 } ?? 0
    let kernel = ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "?")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
      .split(separator: " ").prefix(3).joined(separator: " ")
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return Machine(
      cpu: model, cores: processors > 0 ? processors : ProcessInfo.processInfo.activeProcessorCount,
      memoryBytes: total, kernel: "Linux \(kernel)", toolchain: swiftVersionOnPath(),
      compiler: compilerVersion, optimized: isOptimized, date: formatter.string(from: Date()),
      command: "swift run -c release moneyflow-bench " + CommandLine.arguments.dropFirst().joined(separator: " "),
      load: load)
  }

  var summary: String {
    """
    machine:   \(cpu), \(cores) cores, \(String(format: "%.1f", Double(memoryBytes) / 1_073_741_824)) GiB, \(kernel)
    toolchain: \(toolchain) (\(compiler), \(optimized ? "optimized" : "DEBUG, NOT OPTIMIZED"))
    date:      \(date), load average \(load)
    command:   \(command)
    """
  }
}

/// Whether this binary was built with optimization.
let isOptimized: Bool = {
  #if DEBUG
    return false
  #else
    return true
  #endif
}()

/// The language mode the compiler reports at build time (coarse).
let compilerVersion: String = {
  #if compiler(>=6.4)
    return "compiler >= 6.4"
  #elseif compiler(>=6.3)
    return "compiler 6.3"
  #elseif compiler(>=6.2)
    return "compiler 6.2"
  #elseif compiler(>=6.1)
    return "compiler 6.1"
  #else
    return "compiler 6.0"
  #endif
}()

/// The first line of `swift --version`, or "unknown".
func swiftVersionOnPath() -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["swift", "--version"]
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = Pipe()
  do {
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").first { $0.contains("Swift version") }.map(String.init) ?? "unknown"
  } catch {
    return "unknown"
  }
}
