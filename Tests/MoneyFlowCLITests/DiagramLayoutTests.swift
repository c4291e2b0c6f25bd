import Foundation
import Testing

/// The example diagrams as Graphviz lays them out: no edge label drawn over another label or
/// over a cluster title. Skipped without Graphviz.
/// Where Graphviz's `dot` is, if installed.
enum GraphvizProgram {
  static let path: String? = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

@Suite(.enabled(if: GraphvizProgram.path != nil, "Graphviz's dot is not installed: apt-get install graphviz"))
struct DiagramLayoutTests {

  /// A text drawn by Graphviz: what it is and its box in points.
  struct Box {
    var what: String
    var x0, y0, x1, y1: Double

    /// Whether the boxes come closer than `gap` points.
    func touches(_ other: Box, gap: Double = 2) -> Bool {
      min(x1, other.x1) - max(x0, other.x0) > -gap && min(y1, other.y1) - max(y0, other.y0) > -gap
    }
  }

  /// The box of the text operations in an xdot `_ldraw_` list (baseline minus descent to the cap).
  static func textBox(_ what: String, _ operations: [[String: Any]]) -> Box? {
    var size = 14.0
    var box: Box?
    for operation in operations {
      if operation["op"] as? String == "F", let s = operation["size"] as? Double { size = s }
      guard operation["op"] as? String == "T", let point = operation["pt"] as? [Double], point.count == 2,
        let width = operation["width"] as? Double
      else { continue }
      let align = operation["align"] as? String ?? "c"
      let left = align == "l" ? point[0] : align == "r" ? point[0] - width : point[0] - width / 2
      let line = Box(what: what, x0: left, y0: point[1] - size * 0.25, x1: left + width, y1: point[1] + size * 0.8)
      box = box.map { Box(what: what, x0: min($0.x0, line.x0), y0: min($0.y0, line.y0), x1: max($0.x1, line.x1), y1: max($0.y1, line.y1)) } ?? line
    }
    return box
  }

  /// Edge labels and cluster titles of `moneyflow dot ARGS` laid out by `dot -Tjson`.
  static func layout(_ arguments: [String]) throws -> (labels: [Box], titles: [Box]) {
    let result = try CLI.run(["dot"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(GraphvizProgram.path))
    process.arguments = ["-Tjson"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(result.stdout.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var titles: [Box] = []
    for object in json["objects"] as? [[String: Any]] ?? [] {
      guard let name = object["name"] as? String, name.hasPrefix("cluster"), let draw = object["_ldraw_"] as? [[String: Any]] else { continue }
      if let box = textBox("title of \(name)", draw) { titles.append(box) }
    }
    var labels: [Box] = []
    for (index, edge) in (json["edges"] as? [[String: Any]] ?? []).enumerated() {
      guard let draw = edge["_ldraw_"] as? [[String: Any]] else { continue }
      if let box = textBox("label of edge \(index) (\((edge["label"] as? String ?? "").prefix(30)))", draw) { labels.append(box) }
    }
    return (labels, titles)
  }

  @Test(arguments: ["Graphs/ai-alliances.json", "Graphs/ai-deals.json"])
  func noLabelOverAnotherLabelOrAClusterTitle(file: String) throws {
    for options in [["--highlight-cycles"], ["--highlight-cycles", "--merge-parallel"]] {
      let (labels, titles) = try Self.layout([file] + options)
      #expect(labels.count > 20 && titles.count == 2)
      for (i, label) in labels.enumerated() {
        for other in labels[(i + 1)...] + titles where label.touches(other) {
          Issue.record("\(file) \(options): \(label.what) touches \(other.what)")
        }
      }
    }
  }
}
