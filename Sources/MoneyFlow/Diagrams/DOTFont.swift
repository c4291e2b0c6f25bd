/// The font a diagram names, so that Graphviz draws its labels' characters
/// instead of empty boxes.
///
/// Latin labels keep the historic `Helvetica,Arial,sans-serif`. When a drawn
/// label (the title or a company name or id) holds a Chinese, Japanese or
/// Korean character, the list starts with Noto Sans CJK (Debian:
/// `apt-get install fonts-noto-cjk`), which fontconfig picks where installed
/// and otherwise falls back from. The choice depends only on the labels, never
/// on the machine, so the DOT text stays deterministic.
public enum DOTFont {
  /// The font list of Latin-only diagrams.
  public static let latin = "Helvetica,Arial,sans-serif"

  /// The font list of diagrams with CJK labels.
  public static let cjk = "Noto Sans CJK JP,Noto Sans CJK SC,Noto Sans CJK KR,Helvetica,Arial,sans-serif"

  /// Whether `scalar` is a CJK ideograph, kana, hangul or CJK punctuation or
  /// full-width form: a character Helvetica-like fonts do not carry.
  public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100 ... 0x11FF, 0x2E80 ... 0x303F, 0x3040 ... 0x30FF, 0x3100 ... 0x31FF,
      0x3200 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xA960 ... 0xA97F, 0xAC00 ... 0xD7FF,
      0xF900 ... 0xFAFF, 0xFE30 ... 0xFE4F, 0xFF00 ... 0xFFEF, 0x20000 ... 0x3FFFF:
      return true
    default:
      return false
    }
  }

  /// Whether any of `texts` has a CJK character.
  ///
  /// - Complexity: O(total length of `texts`).
  public static func needsCJK<S: Sequence<String>>(_ texts: S) -> Bool {
    texts.contains { text in text.unicodeScalars.contains(where: isCJK) }
  }

  /// The font list for a diagram of `graph`: `requested` when given, else
  /// ``cjk`` when the title or a company's drawn label (its name, or its id
  /// when it has no name) has a CJK character, else ``latin``. Aliases only
  /// go into tooltips, which the browser draws, so they do not count.
  ///
  /// - Complexity: O(total length of the labels).
  public static func choose(for graph: FlowGraph, title: String?, requested: String?) -> String {
    if let requested, !requested.isEmpty { return requested }
    if let title, needsCJK(CollectionOfOne(title)) { return cjk }
    for company in 0 ..< graph.companyCount {
      let info = graph.companyInfo.isEmpty ? nil : graph.companyInfo[Int32(company)]
      if needsCJK(CollectionOfOne(info?.name ?? graph.companyIDs[company])) { return cjk }
      if info != nil, needsCJK(CollectionOfOne(graph.companyIDs[company])) { return cjk }
    }
    return latin
  }
}
