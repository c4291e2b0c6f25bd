import Foundation

/// Checks on the HTML pages `moneyflow report` writes, for the report tests.
enum HTMLChecks {
  /// Elements that never have an end tag.
  static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source"]

  /// Parses `html` as a tree of tags and returns the first problem: an end
  /// tag that does not close the innermost open element, a tag left open, an
  /// unterminated tag, or a raw `<` or `&` that is not markup. Content of
  /// `<script>` and `<style>` is skipped; `/>` closes an element (inline SVG).
  static func wellFormedProblem(_ html: String) -> String? {
    let bytes = Array(html.utf8)
    var stack: [String] = []
    var i = 0
    func name(from start: Int) -> (String, Int) {
      var j = start
      while j < bytes.count, bytes[j] != 0x20, bytes[j] != 0x3E, bytes[j] != 0x2F, bytes[j] != 0x0A { j += 1 }
      return (String(decoding: bytes[start ..< j], as: UTF8.self).lowercased(), j)
    }
    while i < bytes.count {
      if bytes[i] == 0x26 {  // & must start a character reference
        var j = i + 1
        while j < bytes.count, j - i < 12, bytes[j] != 0x3B { j += 1 }
        if j >= bytes.count || bytes[j] != 0x3B { return "a raw '&' at byte \(i)" }
        i = j + 1
        continue
      }
      guard bytes[i] == 0x3C else { i += 1; continue }
      if html.utf8.count > i + 1, bytes[i + 1] == 0x21 {  // <!DOCTYPE or <!--
        guard let end = bytes[i...].firstIndex(of: 0x3E) else { return "an unterminated '<!' at byte \(i)" }
        i = end + 1
        continue
      }
      let closing = i + 1 < bytes.count && bytes[i + 1] == 0x2F
      let (tag, after) = name(from: i + (closing ? 2 : 1))
      guard !tag.isEmpty, tag.first?.isLetter == true else { return "a raw '<' at byte \(i)" }
      var j = after, quote: UInt8? = nil
      while j < bytes.count {
        if let q = quote { if bytes[j] == q { quote = nil } } else if bytes[j] == 0x22 || bytes[j] == 0x27 { quote = bytes[j] } else if bytes[j] == 0x3E { break }
        j += 1
      }
      guard j < bytes.count else { return "an unterminated <\(tag)> at byte \(i)" }
      let selfClosing = bytes[j - 1] == 0x2F
      i = j + 1
      if closing {
        guard stack.last == tag else { return "</\(tag)> at byte \(i) closes <\(stack.last ?? "nothing")>" }
        stack.removeLast()
      } else if !selfClosing, !voidElements.contains(tag) {
        if tag == "script" || tag == "style" {
          guard let end = html.range(of: "</\(tag)>", range: html.utf8.index(html.startIndex, offsetBy: i) ..< html.endIndex) else {
            return "<\(tag)> never closed"
          }
          i = html.utf8.distance(from: html.startIndex, to: end.upperBound)
        } else {
          stack.append(tag)
        }
      }
    }
    return stack.isEmpty ? nil : "<\(stack.joined(separator: "> <"))> left open"
  }

  /// The text between `start` and the next `end` after it, or nil.
  static func slice(_ text: String, from start: String, to end: String) -> String? {
    guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound ..< text.endIndex) else { return nil }
    return String(text[a.upperBound ..< b.lowerBound])
  }

  /// The `data-value` of the element with id `id`, as written.
  static func rawValue(_ html: String, id: String) -> String? {
    guard let at = html.range(of: " id=\"\(id)\""),
          let open = html.range(of: "<", options: .backwards, range: html.startIndex ..< at.lowerBound),
          let close = html.range(of: ">", range: at.upperBound ..< html.endIndex) else { return nil }
    return slice(String(html[open.lowerBound ..< close.upperBound]), from: "data-value=\"", to: "\"")
  }

  /// The number after the first `"key": ` of a JSON text, as written (JSONSerialization may round).
  static func jsonNumber(_ json: String, key: String) -> String? {
    slice(json, from: "\"\(key)\": ", to: ",")
  }

  /// The `data-value` of the element with id `id`.
  static func value(_ html: String, id: String) -> Double? {
    guard let at = html.range(of: " id=\"\(id)\""),
          let open = html.range(of: "<", options: .backwards, range: html.startIndex ..< at.lowerBound),
          let close = html.range(of: ">", range: at.upperBound ..< html.endIndex) else { return nil }
    return slice(String(html[open.lowerBound ..< close.upperBound]), from: "data-value=\"", to: "\"").flatMap(Double.init)
  }

  /// The rows of table `id`: each row's route (company ids in order) and its
  /// first amount's `data-value` (nil where unknown).
  static func cycleRows(_ html: String, table id: String) -> [(ids: [String], amount: Double?)] {
    guard let table = slice(html, from: "<table id=\"\(id)\"", to: "</tbody>"),
          let body = slice(table + "</tbody>", from: "<tbody>", to: "</tbody>") else { return [] }
    return body.components(separatedBy: "<tr>").dropFirst().map { row in
      let route = slice(row, from: "<ol class=\"route\">", to: "</ol>") ?? ""
      let ids = route.components(separatedBy: "data-id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
      let amount = slice(row, from: "class=\"amount num\" data-value=\"", to: "\"").flatMap(Double.init)
      return (ids, amount)
    }
  }
}
