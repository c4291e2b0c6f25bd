import Foundation
import Testing
@testable import MoneyFlow

/// Every DOT text the writer produces in these tests goes through the real
/// Graphviz. Without Graphviz these tests are skipped, and say so.
@Suite(.enabled(if: Graphviz.isInstalled, "Graphviz's dot is not installed: apt-get install graphviz (macOS: brew install graphviz)"))
struct GraphvizRenderingTests {
  /// The texts of the `<text>` elements of an SVG, XML entities decoded,
  /// no-break spaces (Graphviz writes `&#160;` for a second space) as spaces.
  static func svgTexts(_ svg: String) -> [String] {
    var texts: [String] = []
    var rest = Substring(svg)
    while let open = rest.firstRange(of: "<text") {
      rest = rest[open.upperBound...]
      guard let tagEnd = rest.firstIndex(of: ">"), let close = rest.firstRange(of: "</text>") else { break }
      texts.append(decodeXML(String(rest[rest.index(after: tagEnd) ..< close.lowerBound])))
      rest = rest[close.upperBound...]
    }
    return texts
  }

  static func decodeXML(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
      let entity = rest[rest.index(after: amp) ..< semicolon]
      var code: UInt32?
      if entity.hasPrefix("#x") { code = UInt32(entity.dropFirst(2), radix: 16) } else if entity.hasPrefix("#") { code = UInt32(entity.dropFirst()) }
      if let named = Self.namedEntities[String(entity)] {
        out += named
      } else if let code, let scalar = Unicode.Scalar(code) {
        out.unicodeScalars.append(scalar)
      } else {
        out += "&" + entity + ";"
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    out += rest
    return out.replacingAll("\u{A0}", with: " ")
  }

  /// The named character references of XML.
  static let namedEntities = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

  static func trimmed(_ s: String) -> String {
    var scalars = Substring(s).unicodeScalars
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }

  static func render(_ text: String) throws -> String {
    String(decoding: try Graphviz.render(text, format: .svg), as: UTF8.self)
  }

  @Test func hostileGraphRendersWithItsLabels() throws {
    let graph = DOTTestGraphs.hostile()
    for options in [DOTOptions(), DOTOptions(mergeParallel: true, highlightedFlows: (0 ..< graph.flowCount).map { $0 % 2 == 0 }, clusters: [graph.companies])] {
      let svg = try Self.render(DOTWriter.text(graph: graph, options: options))
      let texts = Set(Self.svgTexts(svg).map(Self.trimmed))
      for c in graph.companies {
        for line in DOTWriterTests.expectedLabel(graph, c).split(separator: "\n") where !Self.trimmed(String(line)).isEmpty {
          #expect(texts.contains(Self.trimmed(String(line))), "label line \(String(reflecting: line)) of company \(c) is missing from the SVG")
        }
      }
      #expect(texts.contains("マイクロソフト"))
      #expect(texts.contains("ソフトバンク 2,500億円"))
      #expect(texts.contains(options.mergeParallel ? "2 flows: 39 bn USD + 2,500億 JPY" : "2,500億 JPY"))
      #expect(texts.contains("Title \"quoted\" {x} <y> -- graph \\"))
    }
  }

  @Test(arguments: 0 ..< 3)
  func everyOptionCombinationRenders(seed: UInt64) throws {
    let graph = seed == 0 ? DOTTestGraphs.small() : DOTTestGraphs.random(seed: seed, companies: 10, flows: 40)
    let e = graph.flowCount
    var circular = [Double](repeating: 0, count: e)
    for flow in 0 ..< e where flow % 3 == 0 { circular[flow] = 1e9 }
    let variants: [DOTOptions] = [
      DOTOptions(),
      DOTOptions(mergeParallel: true),
      DOTOptions(highlightedFlows: (0 ..< e).map { $0 % 2 == 0 }, clusters: [[CompanyID(0), CompanyID(1)], [CompanyID(2)]]),
      DOTOptions(keptFlows: (0 ..< e).map { $0 % 3 == 0 }),
      DOTOptions(mergeParallel: true, circularAmount: circular),
      DOTOptions(title: "", filter: FlowFilter(kinds: .all, minimumAmount: 1e9), showsEdgeLabels: false, showsLegend: false),
    ]
    for options in variants {
      let svg = try Self.render(DOTWriter.text(graph: graph, options: options))
      #expect(svg.contains("</svg>"))
    }
  }

  /// Many random documents full of awkward strings, in one Graphviz run.
  @Test func randomDocumentsRender() throws {
    var all = ""
    for seed in 0 ..< 60 {
      let graph = RandomDocuments.graph(seed: UInt64(seed))
      all += try DOTWriter.text(graph: graph, options: DOTOptions(mergeParallel: seed % 2 == 1))
    }
    let svg = try Self.render(all)
    #expect(svg.components(separatedBy: "</svg>").count - 1 == 60)
  }

  @Test(arguments: ["small.dot", "small-merged-highlighted.dot", "small-circulation.dot"])
  func goldenFilesRender(name: String) throws {
    let text = try FileIO.read(Snapshot.directory + "/" + name)
    #expect(String(decoding: try Graphviz.render(text, format: .svg), as: UTF8.self).contains("</svg>"))
  }

  @Test(arguments: ["ai-alliances.json", "ai-deals.json"])
  func exampleGraphsRender(name: String) throws {
    let graph = try ExampleGraphTests.load(name)
    for options in [DOTOptions(), DOTOptions(mergeParallel: true, highlightedFlows: (0 ..< graph.flowCount).map { graph.kind(of: $0).movesMoney })] {
      let svg = try Self.render(DOTWriter.text(graph: graph, options: options))
      let texts = Set(Self.svgTexts(svg))
      for company in graph.companies { #expect(texts.contains(graph.name(of: company))) }
    }
  }

  @Test func pngAndPDF() throws {
    let text = try DOTWriter.text(graph: DOTTestGraphs.small())
    let png = try Graphviz.render(text, format: .png)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let pdf = try Graphviz.render(text, format: .pdf)
    #expect(pdf.starts(with: Array("%PDF".utf8)))
  }

  @Test func graphvizErrorsAreReported() {
    let error = #expect(throws: Graphviz.Failure.self) { try Graphviz.render("digraph { a -> }", format: .svg) }
    #expect(error?.code == .renderingFailed)
    #expect(error?.description.contains("syntax error") == true)
  }
}

/// Rendering behaviour that needs no Graphviz.
@Suite struct GraphvizWithoutDotTests {
  @Test func missingDotSaysHowToInstallIt() {
    let error = #expect(throws: Graphviz.Failure.self) {
      try Graphviz.render("digraph {}", format: .svg, searchPath: "/nonexistent-directory")
    }
    #expect(error?.code == .notInstalled)
    let message = error?.description ?? ""
    #expect(message.contains("apt-get install graphviz"))
    #expect(message.contains("brew install graphviz"))
    #expect(message.contains("SVG"))
  }

  @Test func dotFormatNeedsNoGraphviz() throws {
    let bytes = Array("digraph { a -> b }\n".utf8)
    #expect(try Graphviz.render(bytes, format: .dot, searchPath: "") == Data(bytes))
  }

  @Test(arguments: [("out.svg", Graphviz.Format.svg), ("a.b/OUT.PNG", .png), ("x.pdf", .pdf), ("x.dot", .dot)])
  func formatFromExtension(path: String, format: Graphviz.Format) {
    #expect(Graphviz.Format(pathExtension: path) == format)
  }

  @Test(arguments: ["out", "out.txt", "dir.svg/out", ""])
  func noFormatFromOtherNames(path: String) {
    #expect(Graphviz.Format(pathExtension: path) == nil)
  }
}
