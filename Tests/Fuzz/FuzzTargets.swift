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
  case "columns": fuzzCSVColumns(bytes)
  case "graphml": fuzzGraphML(bytes)
  case "ftm": fuzzFtM(bytes)
  case "amount": fuzzAmount(bytes)
  case "date": fuzzDate(bytes)
  case "datetime": fuzzDateTime(bytes)
  default: fuzzFailure("unknown FUZZ_TARGET \(fuzzTarget)")
  }
  return 0
}

/// JSON graph document: read, write, read again; the two written forms agree.
func fuzzJSONDocument(_ bytes: [UInt8]) {
  fuzzRoundTrip(bytes, "document", file: "json", write: { JSONDocumentWriter.text($0) }) { bytes, file throws(InputError) in
    try JSONDocumentReader(bytes: bytes, file: file).read()
  }
}

/// CSV edge list: read, write, read again; the two written forms agree.
func fuzzCSVEdgeList(_ bytes: [UInt8]) {
  fuzzRoundTrip(bytes, "edge list", file: "csv", write: CSVEdgeListWriter.text) { bytes, file throws(InputError) in
    try CSVEdgeListReader(bytes: bytes, file: file).read()
  }
}

/// Reads `bytes` (as `fuzz.EXT`), writes the graph, reads that again: the
/// two written forms must agree; `what` names the format in failures.
func fuzzRoundTrip(
  _ bytes: [UInt8], _ what: String, file ext: String, write: (FlowGraph) -> String,
  read: ([UInt8], String) throws(InputError) -> FlowGraph
) {
  guard let graph = try? read(bytes, "fuzz." + ext) else { return }
  let written = write(graph)
  guard let again = try? read(Array(written.utf8), "written." + ext) else {
    fuzzFailure("the written \(what) does not read back")
  }
  if write(again) != written { fuzzFailure("the \(what) does not round-trip") }
}

/// CSV with a column mapping (`--columns`): the first line is the mapping,
/// the rest a foreign CSV file. Whatever is accepted writes an edge list of
/// our own format that reads back (without a mapping) to the same text, and
/// holds one flow per record after the header.
func fuzzCSVColumns(_ bytes: [UInt8]) {
  guard let newline = bytes.firstIndex(of: 0x0A) else { return }
  let text = String(decoding: bytes[..<newline], as: UTF8.self)
  guard let mapping = try? CSVColumnMapping(parsing: text) else { return }
  let csv = Array(bytes[(newline + 1)...])
  guard let graph = try? CSVEdgeListReader(bytes: csv, file: "fuzz.csv", mapping: mapping).read() else { return }
  let written = CSVEdgeListWriter.text(graph)
  guard let again = try? CSVEdgeListReader(bytes: Array(written.utf8), file: "written.csv").read() else {
    fuzzFailure("the edge list written from a mapped CSV does not read back")
  }
  if CSVEdgeListWriter.text(again) != written { fuzzFailure("the edge list written from a mapped CSV does not round-trip") }
  if again.flowCount != graph.flowCount { fuzzFailure("the written edge list has \(again.flowCount) flows, not \(graph.flowCount)") }
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
  guard let date = FlowDate(parsing: text) else { return }
  guard let again = FlowDate(parsing: date.description), again == date else {
    fuzzFailure("date \(text.debugDescription) does not read back")
  }
}

/// Date-times with a time of day (`FlowDate` with a `FlowTime`): an accepted
/// one is written back exactly as given; its day is the date `FlowDate`
/// reads from its first ten characters; its instant (`seconds`) is that
/// day's midnight plus the time of day less the zone offset, recomputed here
/// from the digits; and the same instant written in UTC (`…Z`) parses to
/// the same `seconds`.
func fuzzDateTime(_ bytes: [UInt8]) {
  let text = String(decoding: bytes, as: UTF8.self)
  guard let time = FlowDate(parsing: text), time.time != nil else { return }
  guard time.description == text, FlowDate(parsing: time.description) == time else {
    fuzzFailure("date-time \(text.debugDescription) is not written back as given")
  }
  let digits = bytes.map { Int($0) - 0x30 }
  func number(_ at: Int, _ width: Int) -> Int { (at ..< at + width).reduce(0) { $0 * 10 + digits[$1] } }
  let datePart = String(decoding: bytes[0 ..< 10], as: UTF8.self).replacingSlashes()
  guard let date = FlowDate(parsing: datePart), date.time == nil, date.day == time.day else {
    fuzzFailure("date-time \(text.debugDescription) has day \(time.day), not that of \(datePart)")
  }
  var expected = Int64(date.day) * 86_400 + Int64(number(11, 2) * 3600 + number(14, 2) * 60)
  if bytes.count > 16, bytes[16] == 0x3A { expected += Int64(number(17, 2)) }
  if bytes.count >= 6, bytes[bytes.count - 3] == 0x3A, bytes[bytes.count - 6] == 0x2B || bytes[bytes.count - 6] == 0x2D {
    let minutes = number(bytes.count - 5, 2) * 60 + number(bytes.count - 2, 2)
    expected -= Int64((bytes[bytes.count - 6] == 0x2D ? -1 : 1) * minutes * 60)
  }
  if time.seconds != expected { fuzzFailure("date-time \(text.debugDescription) is at \(time.seconds), not \(expected)") }
  // Years 1 and 9999 have neighbours in UTC that FlowDate does not write.
  guard let first = FlowDate(year: 2), let last = FlowDate(year: 9998) else { return }
  guard time.day > first.day, time.day < last.day else { return }
  let day = Int32((time.seconds - (time.seconds % 86_400 + 86_400) % 86_400) / 86_400)
  let second = Int((time.seconds % 86_400 + 86_400) % 86_400)
  func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
  let utc = FlowDate(day: day, precision: .day).description + "T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))Z"
  guard let inUTC = FlowDate(parsing: utc), inUTC.seconds == time.seconds else {
    fuzzFailure("date-time \(text.debugDescription) written in UTC as \(utc) is another instant")
  }
}

extension String {
  /// `2022/09/01` → `2022-09-01`.
  func replacingSlashes() -> String { String(map { $0 == "/" ? "-" : $0 }) }
}
