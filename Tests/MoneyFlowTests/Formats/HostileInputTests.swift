#if canImport(Glibc)
  import Glibc
#endif
import Testing
@testable import MoneyFlow

/// Resource limits against hostile input (issue 17): each answer is a
/// located error, reached in bounded memory and without deep recursion.
/// The inputs are made in the test; the gigabyte line is a sparse file, so
/// it costs neither disk nor time beyond the bytes the reader looks at.
/// The tests set a 64 KiB limit and 4 KiB chunks: the same code as the real
/// 16 MiB limit (which a debug build takes about 10 s to reach; FUZZING.md
/// gives a release run on a 1 GiB line) at a size read in milliseconds.
@Suite struct HostileInputTests {
  static let gigabyte = 1 << 30
  static let smallLimit = 1 << 16

  /// A reader of `path` with the small limit and small chunks.
  func smallReader(_ path: String, mapping: CSVColumnMapping? = nil) -> CSVEdgeListReader {
    var reader = CSVEdgeListReader(path: path, mapping: mapping)
    reader.chunkSize = 4_096
    reader.maximumRecordBytes = Self.smallLimit
    return reader
  }

  /// A file holding `header` and then one line of NUL bytes (valid UTF-8,
  /// no comma, no line end) up to 1 GiB, as a hole.
  func sparseFile(header: String, name: String) throws -> String {
    let path = "/tmp/moneyflow-hostile-\(name)-\(getpid()).csv"
    try FileIO.writeAtomically(Array((header + "\n").utf8), to: path)
    let fd = open(path, O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    try #require(ftruncate(fd, off_t(Self.gigabyte)) == 0)
    return path
  }

  func expectTooLong(_ read: () throws(InputError) -> FlowGraph, file: String, limit: Int = smallLimit) {
    do {
      _ = try read()
      Issue.record("a 1 GiB line was accepted")
    } catch {
      #expect(error.code == .tooLong)
      #expect(error.file == file && error.line == 2 && error.column == 1)
      #expect(error.description.hasPrefix("\(file):2:1: error: a record of \(limit) bytes or more; records must be shorter"))
      #expect(error.sourceLine == nil)  // the line is not copied into the error
    }
  }

  @Test func csvLineOfAGigabyte() throws {
    let path = try sparseFile(header: CSVEdgeListReader.requiredColumns.joined(separator: ","), name: "own")
    defer { FileIO.remove(path) }
    let reader = smallReader(path)
    expectTooLong({ () throws(InputError) in try reader.read() }, file: path, limit: Self.smallLimit)
    #expect(CSVReader.maximumRecordBytes == 16 * 1_048_576)
    #expect(CSVEdgeListReader(path: path).maximumRecordBytes == CSVReader.maximumRecordBytes)
  }

  @Test func csvLineOfAGigabyteWithColumnMapping() throws {
    let path = try sparseFile(header: "Payer,Payee,Sum", name: "columns")
    defer { FileIO.remove(path) }
    let mapping = try CSVColumnMapping(parsing: "from=Payer,to=Payee,amount=Sum")
    let reader = smallReader(path, mapping: mapping)
    expectTooLong({ () throws(InputError) in try reader.read() }, file: path, limit: Self.smallLimit)
  }

  @Test func amlWorldLineOfAGigabyte() throws {
    let path = try sparseFile(header: AMLworldFormat.header.joined(separator: ","), name: "amlworld")
    defer { FileIO.remove(path) }
    let reader = smallReader(path)
    expectTooLong({ () throws(InputError) in try reader.read() }, file: path, limit: Self.smallLimit)
  }

  /// A record just under the limit is still read, in chunks and whole.
  @Test func recordJustUnderTheLimitIsRead() throws {
    let note = String(repeating: "n", count: Self.smallLimit - 64)
    let text = "from,to,kind,amount,currency,date,note\na,b,loan,1,USD,2025,\(note)\n"
    let path = "/tmp/moneyflow-hostile-under-\(getpid()).csv"
    try FileIO.writeAtomically(Array(text.utf8), to: path)
    defer { FileIO.remove(path) }
    let graph = try smallReader(path).read()
    #expect(graph.flowCount == 1)
    var whole = CSVEdgeListReader(bytes: Array(text.utf8), file: "m.csv")
    whole.maximumRecordBytes = Self.smallLimit
    #expect(try whole.read().flowCount == 1)
    let longer = text.replacingAll(note, with: note + String(repeating: "n", count: 64))
    whole = CSVEdgeListReader(bytes: Array(longer.utf8), file: "m.csv")
    whole.maximumRecordBytes = Self.smallLimit
    #expect(throws: InputError.self) { try whole.read() }
  }

  @Test func recordOfTooManyFields() {
    let text = "from,to,kind,amount,currency,date\n" + String(repeating: ",", count: 100_000) + "\n"
    do {
      _ = try CSVEdgeListReader(bytes: Array(text.utf8), file: "f.csv").read()
      Issue.record("100,001 fields were accepted")
    } catch {
      #expect(error.code == .tooLong && error.line == 2)
      #expect(error.message == "more than 65536 fields in one record")
    }
  }

  /// `watch`'s reader holds at most its limit and one chunk of an endless line.
  @Test func streamedLineWithoutEnd() throws {
    var reader = FlowLineReader(file: "<stdin>")
    reader.maximumRecordBytes = Self.smallLimit
    let header = Array("from,to,kind,amount,currency,date\na,b,loan,1,USD,2025\n".utf8)
    let first = try header.withUnsafeBytes { buffer throws(InputError) in try reader.add(buffer) }
    #expect(first?.flows.flowCount == 1)
    let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 12)
    var sent = 0
    do {
      while sent < Self.gigabyte {
        _ = try chunk.withUnsafeBytes { buffer throws(InputError) in try reader.add(buffer) }
        sent += chunk.count
      }
      Issue.record("a 1 GiB line was buffered")
    } catch {
      let error = try #require(error as? InputError)
      #expect(error.code == .tooLong && error.file == "<stdin>" && error.line == 3)
      #expect(sent == Self.smallLimit)
      #expect(error.message == CSVReader.recordTooLongMessage(Self.smallLimit))
    }
  }

  /// JSON nested 1,000,000 deep stops at the parser's 64 levels, whether a
  /// document, an FtM line or a GraphML alias list.
  @Test func jsonNestedAMillionDeep() throws {
    let deep = String(repeating: "[", count: 1_000_000)
    do {
      _ = try JSONDocumentReader(bytes: Array(("{\"flows\": " + deep).utf8), file: "d.json").read()
      Issue.record("accepted")
    } catch {
      #expect(error.code == .tooDeep && error.line == 1 && error.column == 11 + 63)
      #expect(error.message == "JSON nested deeper than 64 levels")
    }
    do {
      var reader = FtMReader(bytes: Array(("{\"id\": \"a\", \"schema\": \"Payment\"}\n{\"x\": " + deep + "\n").utf8), file: "d.ftm.jsonl")
      _ = try reader.read()
      Issue.record("accepted")
    } catch {
      #expect(error.code == .tooDeep && error.line == 2)
    }
    let graphml = """
      <graphml><key id="a" for="node" attr.name="aliases"/><graph edgedefault="directed">
      <node id="n"><data key="a">\(deep)</data></node></graph></graphml>
      """
    var reader = GraphMLReader(bytes: Array(graphml.utf8), file: "d.graphml")
    let graph = try reader.read()
    #expect(graph.companyCount == 1)  // the aliases are not a JSON list: kept as one alias
  }

  /// XML elements nested 1,000,000 deep stop at the reader's 256 levels.
  @Test func xmlNestedAMillionDeep() {
    let text = "<graphml>" + String(repeating: "<a>", count: 1_000_000)
    var reader = GraphMLReader(bytes: Array(text.utf8), file: "d.graphml")
    do {
      _ = try reader.read()
      Issue.record("accepted")
    } catch {
      #expect(error.code == .tooDeep && error.line == 1 && error.column == 10 + 255 * 3)
      #expect(error.message == "elements nested deeper than 256")
    }
  }
}
