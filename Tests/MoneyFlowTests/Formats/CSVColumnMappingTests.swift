import Testing
@testable import MoneyFlow

/// `--columns`: foreign CSV headers mapped by name, number and join; the
/// other columns kept as attributes.
@Suite struct CSVColumnMappingTests {
  static let bank = """
    Posted,Payer Bank,Payer,Payee Bank,Payee,Value,Ccy,Channel,Ref
    2025-01-02,10,A1,20,B7,100.50,EUR,wire,r1
    2025-01-03,20,B7,10,A1,99,EUR,,r2
    2025-01-04,20,A1,10,A1,5,EUR,cash,r3

    """

  func read(_ text: String, _ mapping: String) throws -> FlowGraph {
    try CSVEdgeListReader(bytes: Array(text.utf8), file: "bank.csv", mapping: try CSVColumnMapping(parsing: mapping)).read()
  }

  func error(_ text: String, _ mapping: String) throws -> InputError? {
    let parsed = try CSVColumnMapping(parsing: mapping)
    do {
      _ = try CSVEdgeListReader(bytes: Array(text.utf8), file: "bank.csv", mapping: parsed).read()
      return nil
    } catch {
      return error
    }
  }

  @Test func parsesRolesNumbersAndJoins() throws {
    let mapping = try CSVColumnMapping(parsing: "from=From Bank+2,to=4+Account,amount=Amount Paid")
    #expect(mapping.entries.map(\.role) == [.from, .to, .amount])
    #expect(mapping.entries[0].columns == [.name("From Bank"), .number(2)])
    #expect(mapping.entries[1].columns == [.number(4), .name("Account")])
  }

  @Test(arguments: ["to=b", "from=a", "from=a,to=b,colour=c", "from=a,to=b,from=c", "from=a,to=", "from=0,to=b", "from=a,to=b,amount=c+d", "from"])
  func badMappingTextIsASyntaxError(text: String) {
    #expect(throws: CSVColumnMapping.SyntaxError.self) { try CSVColumnMapping(parsing: text) }
  }

  @Test func mapsByNameNumberAndJoinKeepingTheRest() throws {
    let graph = try read(Self.bank, "from=Payer Bank+Payer,to=4+5,amount=Value,currency=7,date=Posted,id=Ref")
    #expect(graph.flowCount == 3)
    // The same account at two banks is two companies.
    #expect(graph.companyIDs == ["10:A1", "20:A1", "20:B7"])
    let first = graph.flow(0)
    #expect(first.from == "10:A1" && first.to == "20:B7" && first.amount?.description == "100.50")
    #expect(first.currency == "EUR" && first.date?.description == "2025-01-02" && first.id == "r1")
    #expect(first.kind == CSVColumnMapping.defaultKind && first.kind.movesMoney)
    #expect(first.attributes == [Flow.Attribute(key: "Channel", value: "wire")])
    #expect(graph.flow(1).attributes.isEmpty)
    #expect(graph.flow(2).from == "20:A1" && graph.flow(2).to == "10:A1")
    #expect(try graph.elementaryCycles().count == 1)
  }

  @Test func attributesRoundTripThroughJSONAndCSV() throws {
    let graph = try read(Self.bank, "from=Payer Bank+Payer,to=4+5,amount=Value,currency=7,date=Posted")
    let json = JSONDocumentWriter.text(graph)
    #expect(json.contains(#""attributes": {"#) && json.contains(#""Ref": "r3""#))
    let fromJSON = try JSONDocumentReader(bytes: Array(json.utf8), file: "g.json").read()
    #expect(fromJSON == graph)
    let csv = CSVEdgeListWriter.text(fromJSON)
    #expect(csv.hasPrefix("from,to,kind,amount,currency,date,Channel,Ref\n"))
    let fromCSV = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "g.csv").read()
    #expect((0 ..< 3).map { fromCSV.flow($0) } == (0 ..< 3).map { graph.flow($0) })
    #expect(CSVEdgeListWriter.text(fromCSV) == csv)
  }

  @Test func unknownColumnsOfOurOwnHeaderAreAttributes() throws {
    let csv = "from,to,kind,amount,currency,date,colour,\na,b,loan,1,USD,2025,red,x\n"
    let graph = try CSVEdgeListReader(bytes: Array(csv.utf8), file: "f.csv").read()
    #expect(graph.flow(0).attributes == [.init(key: "colour", value: "red"), .init(key: "column 8", value: "x")])
  }

  @Test func repeatedHeaderNamesNeedNumbers() throws {
    let aml = "Timestamp,From Bank,Account,To Bank,Account,Note\n2022/09/01,1,A,2,B,x\n"
    let ambiguous = try #require(try error(aml, "from=From Bank+Account,to=To Bank+5"))
    #expect(ambiguous.code == .unknownColumn && ambiguous.line == 1 && ambiguous.column == 37)
    #expect(ambiguous.message.contains("2 times (columns 3, 5)"))
    let graph = try read(aml, "from=2+3,to=4+5")
    #expect(graph.companyIDs == ["1:A", "2:B"] && graph.flow(0).attributes.map(\.key) == ["Timestamp", "Note"])
    #expect(graph.flow(0).date == nil && graph.flow(0).amount == nil)
  }

  @Test func headerErrorsNameFileLineAndColumn() throws {
    let missing = try #require(try error(Self.bank, "from=Payer,to=Receiver"))
    #expect(missing.file == "bank.csv" && missing.line == 1 && missing.column == 1)
    #expect(missing.message.contains(#"no column "Receiver""#))
    let twice = try #require(try error(Self.bank, "from=Payer,to=Payee,id=3"))
    #expect(twice.line == 1 && twice.column == 19 && twice.message.contains("twice: to from and to id"))
    let pastEnd = try #require(try error(Self.bank, "from=Payer,to=12"))
    #expect(pastEnd.message.contains("only 9 columns"))
  }

  @Test func rowErrorsNameFileLineAndColumn() throws {
    let empty = try #require(try error(Self.bank, "from=Channel,to=Payee"))
    #expect(empty.line == 3 && empty.column == 31 && empty.code == .missingField)
    let amount = try #require(try error(Self.bank, "from=Payer,to=Payee,amount=Channel"))
    #expect(amount.line == 2 && amount.column == 35 && amount.message.contains("amount \"wire\""))
    let kind = try #require(try error(Self.bank, "from=Payer,to=Payee,kind=Ref"))
    #expect(kind.line == 2 && kind.message.contains("unknown kind \"r1\""))
  }
}
