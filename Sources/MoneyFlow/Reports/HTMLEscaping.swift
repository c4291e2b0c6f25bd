/// Escaping of data for HTML pages (``HTMLReport``): the one place where text
/// from a graph document becomes HTML.
///
/// Every text from the data (names, ids, titles, notes, sources) goes through
/// ``text(_:)`` or ``attribute(_:)``; names also through ``isolated(_:)``, so
/// that right-to-left text (Arabic, Hebrew) or bidirectional controls inside a
/// name cannot reorder the text around it.
public enum HTMLEscaping {
  /// `text` safe as element content and inside a quoted attribute value:
  /// `&`, `<`, `>`, `"` and `'` become character references; control
  /// characters other than tab and line feed (never valid in HTML) become
  /// U+FFFD.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func text(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// `text` for a double-quoted attribute value; the same escaping as ``text(_:)``.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func attribute(_ text: String) -> String { Self.text(text) }

  /// `text` escaped and wrapped in `<bdi>`, which isolates its direction
  /// from the text around it.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func isolated(_ text: String) -> String { "<bdi>" + Self.text(text) + "</bdi>" }

  /// A flow's `source` as HTML: each part (parts are separated by `;` or
  /// whitespace) that is an `http://` or `https://` address becomes a link,
  /// the rest stays escaped text. No other scheme is ever linked, so a
  /// `javascript:` source shows as text.
  ///
  /// - Complexity: O(*n*) in the length of `source`.
  public static func sourceLinks(_ source: String) -> String {
    var out = ""
    var word = ""
    func flushWord() {
      guard !word.isEmpty else { return }
      let lower = word.lowercased()
      if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
        let escaped = Self.text(word)
        out += "<a href=\"" + escaped + "\" rel=\"noreferrer\">" + escaped + "</a>"
      } else {
        out += Self.text(word)
      }
      word = ""
    }
    for character in source {
      if character == ";" || character.isWhitespace {
        flushWord()
        out += Self.text(String(character))
      } else {
        word.append(character)
      }
    }
    flushWord()
    return out
  }
}
