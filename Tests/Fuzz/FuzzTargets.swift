// libFuzzer entry point for MoneyFlow's readers. Not a SwiftPM target: Tests/Fuzz/run.sh
// compiles it together with the library sources (module MoneyFlow) with
// `swiftc -sanitize=fuzzer,address`, and picks the reader with FUZZ_TARGET.
//
// Each target feeds the bytes to one reader. Besides "no crash, no hang, no
// out-of-memory", a target checks what the reader promises: whatever it
// accepts, it writes back so that reading the written form gives the same
// written form again (lossless round trip).

#if canImport(Glibc)
import Glibc
#endif

/// The reader under test, from the FUZZ_TARGET environment variable.
let fuzzTarget: String = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? "json"

/// Stops the run with a message; libFuzzer records the input as a crash.
func fuzzFailure(_ message: String) -> Never {
  fputs("fuzz property failed: \(message)\n", stderr)
  abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch fuzzTarget {
  case "json": fuzzJSONDocument(bytes)
  case "csv": fuzzCSVEdgeList(bytes)
  case "graphml": fuzzGraphML(bytes)
  case "ftm": fuzzFtM(bytes)
  case "amount": fuzzAmount(bytes)
  case "date": fuzzDate(bytes)
  default: fuzzFailure("unknown FUZZ_TARGET \(fuzzTarget)")
  }
  return 0
}

/// JSON graph document: read, write, read again; the two written forms agree.
func fuzzJSONDocument(_ bytes: [UInt8]) {
  guard let graph = try? JSONDocumentReader(bytes: bytes, file: "fuzz.json").read() else { return }
  let written = JSONDocumentWriter.text(graph)
  guard let again = try? JSONDocumentReader(bytes: Array(written.utf8), file: "written.json").read() else {
    fuzzFailure("the written document does not read back")
  }
  if JSONDocumentWriter.text(again) != written { fuzzFailure("the document does not round-trip") }
}

/// CSV edge list: read, write, read again; the two written forms agree.
func fuzzCSVEdgeList(_ bytes: [UInt8]) {
  guard let graph = try? CSVEdgeListReader(bytes: bytes, file: "fuzz.csv").read() else { return }
  let written = CSVEdgeListWriter.text(graph)
  guard let again = try? CSVEdgeListReader(bytes: Array(written.utf8), file: "written.csv").read() else {
    fuzzFailure("the written edge list does not read back")
  }
  if CSVEdgeListWriter.text(again) != written { fuzzFailure("the edge list does not round-trip") }
}

/// GraphML: read, write, read again; the two written forms agree, and the
/// written GraphML reads back without notes.
func fuzzGraphML(_ bytes: [UInt8]) {
  var reader = GraphMLReader(bytes: bytes, file: "fuzz.graphml")
  guard let graph = try? reader.read() else { return }
  let written = GraphMLWriter.text(graph)
  var again = GraphMLReader(bytes: Array(written.utf8), file: "written.graphml")
  guard let back = try? again.read() else { fuzzFailure("the written GraphML does not read back") }
  if !again.notes.isEmpty { fuzzFailure("the written GraphML reads back with notes: \(again.notes)") }
  if GraphMLWriter.text(back) != written { fuzzFailure("the GraphML does not round-trip") }
}

/// FollowTheMoney entities: whatever is accepted makes a graph whose JSON
/// document reads back to the same graph.
func fuzzFtM(_ bytes: [UInt8]) {
  var reader = FtMReader(bytes: bytes, file: "fuzz.ftm.jsonl")
  guard let graph = try? reader.read() else { return }
  let written = JSONDocumentWriter.text(graph)
  guard let again = try? JSONDocumentReader(bytes: Array(written.utf8), file: "written.json").read() else {
    fuzzFailure("the graph read from FtM does not write a document that reads back")
  }
  if again != graph { fuzzFailure("the graph read from FtM does not round-trip through JSON") }
}

/// Amounts: an accepted amount keeps its value when its written form is read.
func fuzzAmount(_ bytes: [UInt8]) {
  let text = String(decoding: bytes, as: UTF8.self)
  guard case .success(let amount) = Amount.parse(text) else { return }
  guard case .success(let again) = Amount.parse(amount.description), again.isNumericallyEqual(to: amount) else {
    fuzzFailure("amount \(text.debugDescription) does not read back")
  }
}

/// Dates: an accepted date reads back from its written form as the same date.
func fuzzDate(_ bytes: [UInt8]) {
  let text = String(decoding: bytes, as: UTF8.self)
  // Date-times: an accepted one is written back exactly as given, within a
  // day of its calendar day.
  if let time = FlowDate(parsing: text), time.time != nil {
    guard time.description == text, FlowDate(parsing: time.description) == time else {
      fuzzFailure("date-time \(text.debugDescription) is not written back as given")
    }
    guard time.seconds >= Int64(time.day) * 86_400 - 86_400, time.seconds < Int64(time.day) * 86_400 + 2 * 86_400 else {
      fuzzFailure("date-time \(text.debugDescription) is more than a day from its date")
    }
  }
  guard let date = FlowDate(parsing: text) else { return }
  guard let again = FlowDate(parsing: date.description), again == date else {
    fuzzFailure("date \(text.debugDescription) does not read back")
  }
}
