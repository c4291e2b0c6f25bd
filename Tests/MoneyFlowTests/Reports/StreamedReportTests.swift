import Foundation
import Testing

@testable import MoneyFlow

/// The streamed answers (`--format json` and `jsonl`) against the answers
/// built whole, on many random graphs: the JSON is byte-identical to the
/// whole value rendered by the String serializer of old (``ReferenceJSON``);
/// each JSON Lines record parses to the matching element of the JSON array,
/// and the summary line to the rest of the object.
@Suite struct StreamedReportTests {
  /// What `writer` writes with a tiny chunk size, so many chunks join.
  static func streamed(_ write: (JSONStreamWriter) throws -> Void) throws -> String {
    var bytes: [UInt8] = []
    let writer = JSONStreamWriter(chunkSize: 7) { bytes += $0 }
    try write(writer)
    try writer.flush()
    #expect(writer.bytesWritten == bytes.count)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The answers of every streamed report on graph `seed`.
  static func answers(seed: Int) throws -> [(name: String, members: [(String, JSONStreamWriter.Member)], whole: JSONValue, records: String)] {
    let graph = seed % 2 == 0 ? RandomFlowGraphs.make(seed: UInt64(seed)) : RandomDocuments.graph(seed: UInt64(seed))
    let filter = seed % 3 == 0 ? FlowFilter(kinds: .all) : FlowFilter()
    var answers: [(String, [(String, JSONStreamWriter.Member)], JSONValue, String)] = []
    if let cycles = try? graph.elementaryCycles(CycleSearchOptions(filter: filter, limit: 0)) {
      answers.append(("cycles", CycleReport.jsonMembers(cycles, graph: graph), CycleReport.json(cycles, graph: graph), "cycles"))
    }
    if let temporal = try? graph.temporalCycles(TemporalCycleSearchOptions(filter: filter, limit: 0)) {
      answers.append(("temporal", CycleReport.jsonMembers(temporal, graph: graph), CycleReport.json(temporal, graph: graph), "cycles"))
    }
    if let circulation = try? graph.maximumCirculation(filter: filter) {
      let report = CirculationReport(graph: graph, circulation: circulation, cycleLimit: 0)
      answers.append(("circulation", report.jsonMembers(), report.jsonValue(), "flows"))
    }
    let components = graph.stronglyConnectedComponents(kinds: filter.kinds)
    answers.append(("scc", SCCReport.jsonMembers(components, graph: graph), SCCReport.json(components, graph: graph), "components"))
    return answers
  }

  static func parsed(_ text: String) throws -> NSObject {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    return try #require(object as? NSObject)
  }

  @Test(arguments: 0 ..< 120)
  func jsonIsByteIdenticalToTheWholeAnswer(seed: Int) throws {
    for answer in try Self.answers(seed: seed) {
      let text = try Self.streamed { try $0.writeDocument(answer.members) }
      #expect(text == ReferenceJSON.rendered(answer.whole) + "\n", "\(answer.name), seed \(seed)")
    }
  }

  @Test(arguments: 0 ..< 120)
  func jsonLinesAreTheArrayElementsThenASummary(seed: Int) throws {
    for answer in try Self.answers(seed: seed) {
      let lines = try Self.streamed { try $0.writeLines(answer.members, records: answer.records) }
      #expect(lines.hasSuffix("\n"))
      let split = lines.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
      guard case .object(let members) = answer.whole, let summaryLine = split.last else {
        Issue.record("\(answer.name): no object or no lines")
        continue
      }
      let records = members.first { $0.0 == answer.records }?.1
      guard case .array(let elements) = records else {
        Issue.record("\(answer.name): no \(answer.records) array")
        continue
      }
      #expect(split.count == elements.count + 1, "\(answer.name), seed \(seed)")
      for (line, element) in zip(split, elements) {
        #expect(!line.isEmpty && !line.contains("\n"))
        #expect(try Self.parsed(line) == Self.parsed(element.rendered()), "\(answer.name), seed \(seed)")
      }
      let rest = JSONValue.object([("summary", .object(members.filter { $0.0 != answer.records }))])
      #expect(try Self.parsed(summaryLine) == Self.parsed(rest.rendered()), "\(answer.name), seed \(seed)")
    }
  }

  /// The writer hands over what the sink throws at once, and writes nothing after.
  @Test func sinkFailureStopsTheAnswer() throws {
    struct Closed: Error {}
    let graph = RandomFlowGraphs.make(seed: 4, maxCompanies: 8, maxFlows: 60)
    let report = CirculationReport(graph: graph, circulation: try graph.maximumCirculation(filter: FlowFilter()))
    var calls = 0
    let writer = JSONStreamWriter(chunkSize: 64) { _ in
      calls += 1
      throw Closed()
    }
    #expect(throws: Closed.self) { try writer.writeDocument(report.jsonMembers()) }
    #expect(calls == 1)
  }
}
