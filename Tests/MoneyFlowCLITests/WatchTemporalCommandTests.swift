import Foundation
import Testing

/// `moneyflow watch --temporal`: the batch answer over a file in date order, and late flows.
@Suite struct WatchTemporalCommandTests {
  /// A generated graph with its rows sorted by date (stable), as a stream would come.
  static func sortedStream(family: String, seed: Int, nodes: Int, edges: Int, in scratch: URL) throws -> String {
    let raw = scratch.appendingPathComponent("raw.csv").path
    let made = try CLI.run(["generate", "--family", family, "--nodes", String(nodes), "--edges", String(edges), "--seed", String(seed), "-o", raw])
    #expect(made.status == 0)
    let lines = try String(contentsOfFile: raw, encoding: .utf8).split(separator: "\n").map(String.init)
    let header = lines[0]
    #expect(header.hasSuffix(",date"))
    let rows = lines.dropFirst().enumerated().sorted { a, b in
      let (x, y) = (a.element.split(separator: ",").last ?? "", b.element.split(separator: ",").last ?? "")
      return (x, a.offset) < (y, b.offset)
    }.map(\.element)
    let file = scratch.appendingPathComponent("stream-\(family)-\(seed).csv").path
    try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test(arguments: [("planted", 3, [String]()), ("random", 5, ["--window", "400"]), ("random", 6, ["--window", "900", "--max-length", "3"]), ("random", 7, ["--strictly-increasing", "--window", "900"])])
  func fileEqualsCyclesTemporal(family: String, seed: Int, options: [String]) throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = try Self.sortedStream(family: family, seed: seed, nodes: family == "planted" ? 40 : 12, edges: 200, in: scratch)
    let watched = try CLI.run(["watch", file, "--temporal"] + options)
    #expect(watched.status == 0, "\(watched.stderr)")
    var streamed: [String] = []
    for line in watched.stdout.split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let companies = try #require(object["companies"] as? [String])
      let flows = try #require(object["flows"] as? [Int])
      #expect(flows.count == companies.count && object["length"] as? Int == companies.count)
      #expect(object["closed_by"] as? Int == flows.max(), "reported when its last flow arrives")
      let span = try #require(object["span_days"] as? Int)
      #expect(object["span_seconds"] as? Int == span * 86_400)
      streamed.append(companies.joined(separator: ",") + " \(span)")
    }
    let batch = try CLI.run(["cycles", file, "--temporal", "--limit", "0", "--format", "json"] + options)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [String: Any])
    let cycles = try #require(document["cycles"] as? [[String: Any]]).map { cycle in
      ((cycle["companies"] as? [String]) ?? []).joined(separator: ",") + " \((cycle["span_days"] as? Int) ?? -1)"
    }
    #expect(!cycles.isEmpty)
    #expect(streamed.count == cycles.count, "each chain once")
    #expect(streamed.sorted() == cycles.sorted())
  }

  @Test func lateFlowNamesItsLineUnlessTolerated() throws {
    let text = """
      from,to,kind,amount,currency,date,id
      a,b,loan,1,USD,2024-01-01,ab
      b,c,loan,1,USD,2024-01-05,bc
      c,a,loan,1,USD,2024-01-05,ca
      c,a,loan,1,USD,2024-01-03,late

      """
    let strict = try CLI.run(["watch", "-", "--temporal"], stdin: text)
    #expect(strict.status == 1)
    #expect(strict.stderr.hasPrefix("<stdin>:5: error: flow 4 is dated 2024-01-03, before 2024-01-05"))
    #expect(strict.stdout == #"{"companies":["a","b","c"],"closed_by":"ca","length":3,"flows":["ab","bc","ca"],"span_seconds":345600,"span_days":4}"# + "\n")
    let tolerant = try CLI.run(["watch", "-", "--temporal", "--allow-late", "2"], stdin: text)
    #expect(tolerant.status == 0)
    #expect(tolerant.stdout == strict.stdout)
    let usage = try CLI.run(["watch", "-", "--window", "3"], stdin: text)
    #expect(usage.status == 2)
  }
}

/// `moneyflow watch` on JSON Lines and with `--columns`.
@Suite struct WatchInputFormTests {
  @Test func jsonLinesByNameAndByFirstByte() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let lines = """
      {"id":"ab","from":"a","to":"b","kind":"loan","amount":1,"currency":"USD","date":"2024-01-01"}
      {"id":"ba","from":"b","to":"a","kind":"loan","amount":1,"currency":"USD","date":"2024-01-03"}

      """
    let file = scratch.appendingPathComponent("s.jsonl").path
    try lines.write(toFile: file, atomically: true, encoding: .utf8)
    let expected = #"{"companies":["a","b"],"closed_by":"ba","length":2,"flows":["ab","ba"],"span_seconds":172800,"span_days":2}"# + "\n"
    let named = try CLI.run(["watch", file, "--temporal", "--window", "7"])
    #expect(named.status == 0)
    #expect(named.stdout == expected)
    let piped = try CLI.run(["watch", "-", "--temporal"], stdin: lines)
    #expect(piped.stdout == expected)
    let structural = try CLI.run(["watch", "-"], stdin: lines)
    #expect(structural.stdout == #"{"companies":["a","b"],"closed_by":"ba","length":2}"# + "\n")
  }

  @Test func columnsReadAForeignHeader() throws {
    let text = "Payer,Payee,Value,When\na,b,3,2024-01-01\nb,a,4,2024-01-02\n"
    let result = try CLI.run(["watch", "-", "--columns", "from=Payer,to=Payee,amount=Value,date=When"], stdin: text)
    #expect(result.status == 0)
    #expect(result.stdout == #"{"companies":["a","b"],"closed_by":2,"length":2}"# + "\n")
    let json = try CLI.run(["watch", "-", "--columns", "from=Payer,to=Payee"], stdin: "{\"from\":\"a\",\"to\":\"b\",\"kind\":\"loan\"}\n")
    #expect(json.status == 1)
    #expect(json.stderr.contains("JSON Lines"))
  }
}

/// `moneyflow watch --through/--min-length/--shard`.
@Suite struct WatchRestrictionCommandTests {
  @Test(arguments: [[String](), ["--temporal", "--window", "900"]])
  func shardsPartitionTheFilteredOutput(mode: [String]) throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = try WatchTemporalCommandTests.sortedStream(family: "random", seed: 9, nodes: 12, edges: 200, in: scratch)
    let filters = ["--max-length", "4", "--min-length", "3", "--through", "c000001,c000004"]
    let single = try CLI.run(["watch", file] + mode + filters)
    #expect(single.status == 0)
    let lines = single.stdout.split(separator: "\n").map(String.init)
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(line.contains("\"c000001\"") || line.contains("\"c000004\""))
      #expect(!line.contains("\"length\":1,") && !line.contains("\"length\":2,"))
    }
    var union: [String] = []
    for index in 1 ... 3 {
      let part = try CLI.run(["watch", file, "--shard", "\(index)/3"] + mode + filters)
      #expect(part.status == 0)
      union += part.stdout.split(separator: "\n").map(String.init)
    }
    #expect(union.count == lines.count)
    #expect(union.sorted() == lines.sorted())
  }
}
