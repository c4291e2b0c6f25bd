import Foundation
import Testing
@testable import MoneyFlow

@Suite struct DOTFontTests {
  static let japanese = """
    {"format": "moneyflow/1", "title": "系列の資金循環", "currency": "JPY",
     "companies": [{"id": "toyota", "name": "トヨタ自動車"}, {"id": "denso", "name": "デンソー"}],
     "flows": [{"from": "toyota", "to": "denso", "kind": "investment", "amount": 1000000},
               {"from": "denso", "to": "toyota", "kind": "purchase", "amount": 500000}]}
    """

  static func graph(_ text: String) throws -> FlowGraph {
    try JSONDocumentReader(bytes: Array(text.utf8), file: "test.json").read()
  }

  @Test func japaneseLabelsNameTheCJKFont() throws {
    let text = try DOTWriter.text(graph: Self.graph(Self.japanese))
    #expect(text.contains("fontname=\"Noto Sans CJK JP,"))
    #expect(!text.contains("fontname=\"Helvetica"))
  }

  @Test func latinLabelsKeepHelvetica() throws {
    let latin = Self.japanese.replacingOccurrences(of: "トヨタ自動車", with: "Toyota")
      .replacingOccurrences(of: "デンソー", with: "Denso").replacingOccurrences(of: "系列の資金循環", with: "Keiretsu")
    let text = try DOTWriter.text(graph: Self.graph(latin))
    #expect(text.contains("fontname=\"Helvetica,Arial,sans-serif\""))
    #expect(!text.contains("Noto"))
  }

  @Test func requestedFontWinsAndIsEscaped() throws {
    let text = try DOTWriter.text(graph: Self.graph(Self.japanese), options: DOTOptions(fontName: "IPA \"Gothic\""))
    #expect(text.contains("fontname=\"IPA \\\"Gothic\\\"\""))
    #expect(!text.contains("Noto"))
  }

  @Test func cjkRanges() {
    #expect(DOTFont.isCJK("株"))
    #expect(DOTFont.isCJK("カ"))
    #expect(DOTFont.isCJK("한"))
    #expect(!DOTFont.isCJK("é"))
    #expect(!DOTFont.isCJK("A"))
  }
}
