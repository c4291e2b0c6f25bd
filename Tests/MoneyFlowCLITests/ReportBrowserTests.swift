import Foundation
import Testing

/// `moneyflow report` in a real browser: headless Chromium lays out the page.
/// Skipped, with a message, where Chromium is not installed.
@Suite struct ReportBrowserTests {
  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Runs headless Chromium on `page` with `arguments`, returning its standard output.
  static func browse(_ arguments: [String], page: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium ?? "chromium")
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600"]
      + arguments + [page.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium): the browser test is skipped"))
  func pageLaysOutInChromium() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let page = scratch.appendingPathComponent("report.html")
    #expect(try CLI.run(["report", "Graphs/ai-deals.json", "-o", page.path]).status == 0)

    // The screenshot: a blank 1280×1600 page compresses to a few kB; the page
    // with its diagram and text to well over 50 kB.
    let png = scratch.appendingPathComponent("shot.png")
    _ = try Self.browse(["--screenshot=\(png.path)"], page: page)
    let shot = try Data(contentsOf: png)
    #expect(shot.starts(with: [0x89, 0x50, 0x4E, 0x47]) && shot.count > 50_000, "screenshot of \(shot.count) bytes looks blank")

    // The layout: a probe appended to the page writes the SVG's and the
    // table's boxes and the pager into the DOM that --dump-dom prints.
    let probe = """
      <script>window.addEventListener("load", function () {
        var s = document.querySelector("#diagram svg").getBoundingClientRect();
        var t = document.querySelector("table#cycles").getBoundingClientRect();
        var p = document.querySelector("table#cycles + .pager");
        document.body.setAttribute("data-layout", [Math.round(s.width), Math.round(s.height), Math.round(t.width),
          Math.round(t.height), Math.round(t.top - s.bottom), document.querySelectorAll("table#cycles tbody tr:not([hidden])").length,
          p ? 1 : 0].join(","));
      });</script>
      """
    var html = try String(contentsOf: page, encoding: .utf8)
    html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
    try html.write(to: page, atomically: true, encoding: .utf8)
    let dom = try Self.browse(["--dump-dom"], page: page)
    let layout = HTMLChecks.slice(dom, from: "data-layout=\"", to: "\"")?.split(separator: ",").compactMap { Int($0) } ?? []
    #expect(layout.count == 7, "no layout in the DOM: \(dom.prefix(200))")
    guard layout.count == 7 else { return }
    #expect(layout[0] > 300 && layout[1] > 200, "the SVG is laid out: \(layout)")
    #expect(layout[2] > 600 && layout[3] > 200, "the table is laid out: \(layout)")
    #expect(layout[4] > 0, "the table comes below the diagram: \(layout)")
    #expect(layout[5] == 11 && layout[6] == 0, "11 cycles fit one page of 25: \(layout)")
  }
}
