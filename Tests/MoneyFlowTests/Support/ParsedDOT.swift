/// A strict parser for the subset of the DOT language that `DOTWriter`
/// writes, to read its output back in tests: statements, attribute lists,
/// subgraphs, quoted strings with `\"` escapes. Anything else is an error,
/// so data leaking out of a quoted string fails the parse.
struct ParsedDOT {
  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  struct Attributes {
    var pairs: [(key: String, value: String)] = []
    subscript(key: String) -> String? { pairs.last { $0.key == key }?.value }
  }

  struct Node {
    var name: String
    var attributes: Attributes
    /// The innermost subgraph the statement is in, or nil at top level.
    var subgraph: String?
  }

  struct Edge {
    var from: String
    var to: String
    var attributes: Attributes
    var subgraph: String?
  }

  var graphName: String?
  var graphAttributes = Attributes()
  var nodes: [Node] = []
  var edges: [Edge] = []
  /// Subgraph name -> node names mentioned in it, in order.
  var subgraphMembers: [(name: String, members: [String])] = []

  /// Nodes and edges outside `cluster_legend`.
  var dataNodes: [Node] { nodes.filter { $0.subgraph != "cluster_legend" && !$0.name.hasPrefix("legend_") } }
  var dataEdges: [Edge] { edges.filter { $0.subgraph != "cluster_legend" } }

  /// A token: a bare or quoted identifier, or punctuation.
  enum Token: Equatable {
    case bare(String)
    case quoted(String)  // after the lexer: `\"` -> `"`, other escapes kept
    case punctuation(String)
  }

  init() {}

  init(_ text: String) throws {
    var parser = Parser(tokens: try ParsedDOT.tokens(text))
    self = try parser.parseGraph()
  }

  static func tokens(_ text: String) throws -> [Token] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    func isBare(_ c: Unicode.Scalar) -> Bool {
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "."
    }
    while i < scalars.count {
      let c = scalars[i]
      if c == " " || c == "\n" || c == "\t" {
        i += 1
      } else if c == "\"" {
        var value = String.UnicodeScalarView()
        i += 1
        var closed = false
        while i < scalars.count {
          let d = scalars[i]
          if d == "\"" { closed = true; i += 1; break }
          if d == "\\", i + 1 < scalars.count {
            let e = scalars[i + 1]
            if e == "\"" { value.append("\""); i += 2; continue }
            if e == "\n" { i += 2; continue }
            value.append(d)
            value.append(e)
            i += 2
            continue
          }
          if d == "\n" || d == "\r" { throw Failure(message: "raw line break inside a quoted string") }
          value.append(d)
          i += 1
        }
        guard closed else { throw Failure(message: "unterminated quoted string") }
        tokens.append(.quoted(String(value)))
      } else if c == "-", i + 1 < scalars.count, scalars[i + 1] == ">" {
        tokens.append(.punctuation("->"))
        i += 2
      } else if "{}[]=;,".unicodeScalars.contains(c) {
        tokens.append(.punctuation(String(c)))
        i += 1
      } else if isBare(c) {
        var value = String.UnicodeScalarView()
        while i < scalars.count, isBare(scalars[i]) {
          value.append(scalars[i])
          i += 1
        }
        tokens.append(.bare(String(value)))
      } else {
        throw Failure(message: "unexpected character U+\(String(c.value, radix: 16)) outside a quoted string")
      }
    }
    return tokens
  }

  /// Decodes an escString label value as Graphviz draws it: `\\` -> `\`,
  /// `\n`, `\l`, `\r` -> line break, then `&amp;` -> `&`.
  static func labelText(_ value: String) -> String {
    var out = ""
    var iterator = value.unicodeScalars.makeIterator()
    while let c = iterator.next() {
      if c == "\\", let d = iterator.next() {
        switch d {
        case "n", "l", "r": out.unicodeScalars.append("\n")
        default: out.unicodeScalars.append(d)
        }
      } else {
        out.unicodeScalars.append(c)
      }
    }
    return out.replacingAll("&amp;", with: "&")
  }

  struct Parser {
    var tokens: [Token]
    var position = 0
    var result = ParsedDOT()
    var subgraphStack: [String] = []

    mutating func next() throws -> Token {
      guard position < tokens.count else { throw Failure(message: "unexpected end of input") }
      defer { position += 1 }
      return tokens[position]
    }

    func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

    mutating func expect(_ punctuation: String) throws {
      let token = try next()
      guard token == .punctuation(punctuation) else {
        throw Failure(message: "expected \(punctuation), found \(token) at token \(position)")
      }
    }

    mutating func identifier() throws -> String {
      switch try next() {
      case .bare(let s), .quoted(let s): return s
      case .punctuation(let p): throw Failure(message: "expected an identifier, found \(p) at token \(position)")
      }
    }

    mutating func parseGraph() throws -> ParsedDOT {
      guard try next() == .bare("digraph") else { throw Failure(message: "expected digraph") }
      if case .bare = peek() { result.graphName = try identifier() }
      try expect("{")
      try parseStatements()
      guard position == tokens.count else { throw Failure(message: "text after the closing brace") }
      return result
    }

    /// Statements up to and including the closing brace.
    mutating func parseStatements() throws {
      while true {
        guard let token = peek() else { throw Failure(message: "missing closing brace") }
        if token == .punctuation("}") { position += 1; return }
        if token == .punctuation(";") { position += 1; continue }
        try parseStatement()
      }
    }

    mutating func parseStatement() throws {
      let token = try next()
      switch token {
      case .bare("graph"):
        let attributes = try attributeList()
        if subgraphStack.isEmpty { result.graphAttributes.pairs += attributes.pairs }
      case .bare("node"), .bare("edge"):
        _ = try attributeList()
      case .bare("subgraph"):
        let name = try identifier()
        try expect("{")
        subgraphStack.append(name)
        result.subgraphMembers.append((name, []))
        try parseStatements()
        subgraphStack.removeLast()
      case .bare(let name), .quoted(let name):
        if peek() == .punctuation("->") {
          position += 1
          let to = try identifier()
          guard peek() != .punctuation("->") else { throw Failure(message: "edge chains are not written") }
          let attributes = peek() == .punctuation("[") ? try attributeList() : Attributes()
          result.edges.append(Edge(from: name, to: to, attributes: attributes, subgraph: subgraphStack.last))
        } else {
          let attributes = peek() == .punctuation("[") ? try attributeList() : Attributes()
          if let current = subgraphStack.last, let i = result.subgraphMembers.lastIndex(where: { $0.name == current }) {
            result.subgraphMembers[i].members.append(name)
          }
          if !attributes.pairs.isEmpty || subgraphStack.isEmpty {
            result.nodes.append(Node(name: name, attributes: attributes, subgraph: subgraphStack.last))
          }
        }
      case .punctuation(let p):
        throw Failure(message: "unexpected \(p) at token \(position)")
      }
    }

    mutating func attributeList() throws -> Attributes {
      try expect("[")
      var attributes = Attributes()
      while true {
        if peek() == .punctuation("]") { position += 1; return attributes }
        let key = try identifier()
        try expect("=")
        let value = try identifier()
        attributes.pairs.append((key, value))
        if peek() == .punctuation(",") || peek() == .punctuation(";") { position += 1 }
      }
    }
  }
}

extension String {
  /// This string with every occurrence of `target` replaced (stdlib only).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
