import Foundation
import Testing

/// Every fenced block in README.md that shows `$ moneyflow ...` lines is run through /bin/sh
/// (the built binary first on PATH, the repository root as working directory, standard error
/// merged into standard output) and must print exactly what is shown. A shown line ending in
/// `…` matches any line that starts with the text before it. `$ swift run moneyflow` runs the
/// built binary too.
@Suite struct ReadmeExampleTests {
  /// One `$ ` line of a README block and the lines shown after it.
  struct Example {
    var line: Int
    var command: String
    var shown: [String]
  }

  /// The README blocks that contain at least one `$ moneyflow` command, each as its commands.
  /// - Complexity: O(n) in the README's length.
  static func blocks(in text: String) -> [[Example]] {
    var blocks: [[Example]] = [], current: [Example] = [], inside = false, hasMoneyflow = false
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(line)
      if line.hasPrefix("```") {
        if inside, hasMoneyflow, !current.isEmpty { blocks.append(current) }
        inside.toggle()
        current = []
        hasMoneyflow = false
        continue
      }
      guard inside else { continue }
      if line.hasPrefix("$ ") {
        var command = String(line.dropFirst(2))
        if command.hasPrefix("swift run moneyflow ") { command = String(command.dropFirst("swift run ".count)) }
        if command.hasPrefix("moneyflow ") { hasMoneyflow = true }
        current.append(Example(line: index + 1, command: command, shown: []))
      } else if !current.isEmpty {
        current[current.count - 1].shown.append(line)
      }
    }
    return blocks
  }

  static let marker = "@@moneyflow-readme-example@@"

  /// Whether the printed lines match the shown ones (`…` at the end of a shown line: prefix).
  /// - Complexity: O(total characters).
  static func matches(shown: [String], printed: [String]) -> Bool {
    guard shown.count == printed.count else { return false }
    for (want, got) in zip(shown, printed) {
      if want.hasSuffix("…") {
        if !got.hasPrefix(String(want.dropLast())) { return false }
      } else if want != got {
        return false
      }
    }
    return true
  }

  @Test func readmeExamplesPrintWhatTheyShow() throws {
    let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
    let blocks = Self.blocks(in: readme)
    #expect(!blocks.isEmpty, "README.md shows no `$ moneyflow` examples")
    let binFolder = CLI.binary.deletingLastPathComponent().path
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = binFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    for block in blocks {
      // One shell per block, so `echo $?` sees the previous command's status.
      var script = ""
      for example in block {
        script += "{ \(example.command)\n} 2>&1; __status=$?; printf '%s\\n' '\(Self.marker)'; (exit $__status)\n"
      }
      let output = try Self.runShell(script, environment: environment)
      var segments: [[String]] = [[]]
      for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = String(line)
        if line == Self.marker {
          segments.append([])
          continue
        }
        if line.hasSuffix(Self.marker) {  // the command's output did not end with a newline
          line.removeLast(Self.marker.count)
          segments[segments.count - 1].append(line)
          segments.append([])
          continue
        }
        segments[segments.count - 1].append(line)
      }
      for (index, example) in block.enumerated() {
        let printed = index < segments.count ? segments[index] : []
        #expect(
          Self.matches(shown: example.shown, printed: printed),
          """
          README.md:\(example.line): `$ \(example.command)` printed:
          \(printed.joined(separator: "\n"))
          but README shows:
          \(example.shown.joined(separator: "\n"))
          """)
      }
    }
  }

  @Test func prefixMatchingAndParsing() {
    #expect(Self.matches(shown: ["abc…"], printed: ["abcdef"]))
    #expect(!Self.matches(shown: ["abd…"], printed: ["abcdef"]))
    #expect(!Self.matches(shown: ["a"], printed: ["a", "b"]))
    let blocks = Self.blocks(in: "```\n$ moneyflow x\n1\n$ echo $?\n0\n```\n```\n$ ls\nz\n```\n")
    #expect(blocks.count == 1 && blocks[0].count == 2 && blocks[0][0].shown == ["1"] && blocks[0][1].line == 4)
  }

  /// Runs `script` with /bin/sh in the repository root and returns its standard output.
  static func runShell(_ script: String, environment: [String: String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = CLI.root
    process.environment = environment
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    return try String(contentsOf: outURL, encoding: .utf8)
  }
}
