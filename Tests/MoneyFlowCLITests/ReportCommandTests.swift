import Foundation
import Testing

/// `moneyflow report`: the HTML page is well-formed, lists every cycle of
/// `cycles --format json`, shows the JSON answers' figures, escapes hostile
/// names, and lays out in a browser.
@Suite struct ReportCommandTests {
  static let examples = ["Graphs/ai-alliances.json", "Graphs/ai-deals.json"]

  /// Runs `moneyflow report ARGS -o tmp.html` and returns the page.
  static func report(_ arguments: [String], stdin: String? = nil) throws -> String {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let page = scratch.appendingPathComponent("report.html").path
    let run = try CLI.run(["report"] + arguments + ["-o", page], stdin: stdin)
    #expect(run.status == 0, "report failed: \(run.stderr)")
    return try String(contentsOfFile: page, encoding: .utf8)
  }

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let run = try CLI.run(arguments + ["--format", "json"])
    #expect(run.status == 0, "\(arguments) failed: \(run.stderr)")
    return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
  }

  @Test(arguments: examples) func pageIsWellFormed(file: String) throws {
    let html = try Self.report([file])
    #expect(HTMLChecks.wellFormedProblem(html) == nil, "\(HTMLChecks.wellFormedProblem(html) ?? "")")
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"))
    #expect(!html.contains("http-equiv") && !html.contains("<link") && !html.contains(" src=\""), "the page fetches nothing")
    #expect(html.contains("Noto Sans CJK JP"), "the font stack covers Japanese names")
  }

  @Test func checkerFindsBrokenPages() {
    #expect(HTMLChecks.wellFormedProblem("<p><b>x</p></b>") != nil)
    #expect(HTMLChecks.wellFormedProblem("<p>a < b</p>") != nil)
    #expect(HTMLChecks.wellFormedProblem("<p>a & b</p>") != nil)
    #expect(HTMLChecks.wellFormedProblem("<div><p>x</p>") != nil)
    #expect(HTMLChecks.wellFormedProblem("<div><svg><path d=\"M0\"/></svg><br></div>") == nil)
  }

  @Test(arguments: examples) func everyCycleAppearsWithItsAmount(file: String) throws {
    let html = try Self.report([file, "--limit", "0"])
    for temporal in [false, true] {
      let answer = try Self.json(["cycles", file, "--limit", "0"] + (temporal ? ["--temporal"] : []))
      let cycles = answer["cycles"] as? [[String: Any]] ?? []
      let rows = HTMLChecks.cycleRows(html, table: temporal ? "temporal" : "cycles")
      #expect(rows.count == cycles.count && !cycles.isEmpty)
      for (row, cycle) in zip(rows, cycles) {
        #expect(row.ids == cycle["companies"] as? [String] ?? [])
        #expect(row.amount == (cycle["bottleneck"] as? NSNumber)?.doubleValue)
      }
      #expect(HTMLChecks.value(html, id: temporal ? "temporal-count" : "cycle-count") == (answer["count"] as? NSNumber)?.doubleValue)
    }
  }

  @Test(arguments: examples) func figuresEqualTheJSONAnswers(file: String) throws {
    let html = try Self.report([file])
    let circulation = try CLI.run(["circulation", file, "--format", "json"]).stdout
    for key in ["circular", "gross", "ratio"] {
      let written = HTMLChecks.jsonNumber(circulation, key: key)
      #expect(written != nil && HTMLChecks.rawValue(html, id: key) == written, "\(key)")
    }
    let stats = try Self.json(["stats", file])
    #expect(HTMLChecks.value(html, id: "company-count") == (stats["companies"] as? NSNumber)?.doubleValue)
    #expect(HTMLChecks.value(html, id: "flow-count") == (stats["flows"] as? NSNumber)?.doubleValue)
    #expect(try Self.json(["cycles", file, "--count-only"])["count"] as? Int == HTMLChecks.value(html, id: "cycle-count").map { Int($0) })
  }

  @Test func filtersReachEveryAnswer() throws {
    let file = "Graphs/ai-deals.json"
    let html = try Self.report([file, "--since", "2025", "--min-amount", "10bn", "--window", "30"])
    let cycles = try Self.json(["cycles", file, "--since", "2025", "--min-amount", "10bn"])
    let temporal = try Self.json(["cycles", file, "--since", "2025", "--min-amount", "10bn", "--temporal", "--window", "30"])
    let circulation = try Self.json(["circulation", file, "--since", "2025", "--min-amount", "10bn"])
    #expect(HTMLChecks.value(html, id: "cycle-count") == (cycles["count"] as? NSNumber)?.doubleValue)
    #expect(HTMLChecks.value(html, id: "temporal-count") == (temporal["count"] as? NSNumber)?.doubleValue)
    #expect(HTMLChecks.value(html, id: "circular") == (circulation["circular"] as? NSNumber)?.doubleValue)
    #expect(html.contains("dated from 2025") && html.contains("within 30 days"))
  }

  static let hostile = """
    {"format": "moneyflow/1", "title": "<script>alert('t')</script> & \\"Co\\"", "currency": "USD",
     "companies": [{"id": "a", "name": "<script>alert(1)</script>"}, {"id": "b&c", "name": "\\"Quote\\" 'n' & <b>"},
                   {"id": "rtl", "name": "שלום \\u202Eevil"}],
     "flows": [
       {"from": "a", "to": "b&c", "kind": "investment", "amount": "1bn", "date": "2020", "source": "javascript:alert(1) <i>", "note": "\\"><script>x</script>"},
       {"from": "b&c", "to": "rtl", "kind": "investment", "amount": "2bn", "date": "2021", "source": "https://example.com/?a=1&b=\\"2\\""},
       {"from": "rtl", "to": "a", "kind": "loan", "amount": "3bn", "date": "2022"}
     ]}
    """

  @Test func hostileNamesAreEscaped() throws {
    let html = try Self.report(["-"], stdin: Self.hostile)
    #expect(HTMLChecks.wellFormedProblem(html) == nil, "\(HTMLChecks.wellFormedProblem(html) ?? "")")
    #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script")
    #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("href=\"javascript"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&quot;Quote&quot; &#39;n&#39; &amp;"))
    #expect(html.contains("<bdi>שלום \u{202E}evil</bdi>"))
    #expect(HTMLChecks.cycleRows(html, table: "cycles").map(\.ids) == [["a", "b&amp;c", "rtl"]])
  }

  @Test func badInputWritesNothing() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let page = scratch.appendingPathComponent("report.html").path
    let run = try CLI.run(["report", "-", "-o", page], stdin: "{\"format\": \"moneyflow/1\", \"companies\": [")
    #expect(run.status == 1 && run.stderr.contains(":1:"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: page))
    #expect(try CLI.run(["report", "Graphs/ai-deals.json", "--page-size", "0"]).status == 2)
  }

  @Test func largeCyclicPartDrawsOnlyTheTopCycles() throws {
    let html = try Self.report(["Graphs/ai-deals.json", "--draw-limit", "5", "--draw-cycles", "2"])
    #expect(html.contains("more than --draw-limit 5: drawn are the") && html.contains("of the 2 largest cycles"))
    #expect(HTMLChecks.wellFormedProblem(html) == nil)
  }
}
