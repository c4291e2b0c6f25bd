/// Writes one JSON object member by member, straight into the bytes of a
/// ``JSONStreamWriter`` (no ``JSONValue`` built per record), or gathers the
/// same members as a ``JSONValue`` (``gather(_:)``), so one description of a
/// record serves both.
///
/// The bytes are those ``JSONValue/write(to:pretty:indent:)`` writes for the
/// gathered object at the same indentation: pretty objects one member a line,
/// arrays of scalars on one line (`["a", "b"]`), arrays of objects one element
/// a line; compact output without spaces. Keys are literals that need no
/// escaping.
public struct JSONObjectWriter: ~Copyable {
  var out: ByteBuffer
  /// The gathered members; nil when writing bytes.
  private var gathered: [(String, JSONValue)]?
  private let pretty: Bool
  private let indent: Int
  private var count = 0

  init(out: consuming ByteBuffer, pretty: Bool, indent: Int) {
    self.out = out
    self.gathered = nil
    self.pretty = pretty
    self.indent = indent
  }

  private init(gathering: Void) {
    self.out = ByteBuffer()
    self.gathered = []
    self.pretty = false
    self.indent = 0
  }

  /// The object that `body` writes, as a value.
  ///
  /// - Complexity: that of `body`.
  public static func gather(_ body: (inout JSONObjectWriter) -> Void) -> JSONValue {
    var writer = JSONObjectWriter(gathering: ())
    body(&writer)
    return .object(writer.gathered ?? [])
  }

  /// Writes the object that `body` describes into `out` at `indent`.
  ///
  /// - Complexity: that of `body`.
  static func write(to out: inout ByteBuffer, pretty: Bool, indent: Int, _ body: (inout JSONObjectWriter) -> Void) {
    var writer = JSONObjectWriter(out: ByteBuffer(), pretty: pretty, indent: indent)
    swap(&writer.out, &out)
    body(&writer)
    writer.finish()
    swap(&writer.out, &out)
  }

  /// Closes the object: `}` on its own line when pretty, `{}` when empty.
  private mutating func finish() {
    if count == 0 { return out.append("{}") }
    if pretty {
      out.append(0x0A)
      out.appendSpaces(indent)
    }
    out.append(0x7D)
  }

  /// Starts member `key`: the separator, indentation and key.
  private mutating func key(_ key: StaticString) {
    out.append(count == 0 ? 0x7B : 0x2C)
    count += 1
    if pretty {
      out.append(0x0A)
      out.appendSpaces(indent + 2)
    }
    out.append(0x22)
    out.append(key)
    out.append(pretty ? "\": " : "\":")
  }

  private mutating func gather(_ key: StaticString, _ value: @autoclosure () -> JSONValue) -> Bool {
    guard gathered != nil else { return false }
    gathered?.append((key.description, value()))
    return true
  }

  /// Appends `key: value` for any value.
  ///
  /// - Complexity: O(*n*) in the size of the value's text.
  public mutating func value(_ key: StaticString, _ value: JSONValue) {
    if gather(key, value) { return }
    self.key(key)
    value.write(to: &out, pretty: pretty, indent: indent + 2)
  }

  /// Appends a string member, escaped as ``JSONValue/writeString(_:to:)-bytes``.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `value`.
  public mutating func string(_ key: StaticString, _ value: String) {
    if gather(key, .string(value)) { return }
    self.key(key)
    JSONValue.writeString(value, to: &out)
  }

  /// Appends a string member, or null when `value` is nil.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `value`.
  public mutating func string(_ key: StaticString, orNull value: String?) {
    if let value { string(key, value) } else { self.value(key, .null) }
  }

  /// Appends an integer member (the digits of ``JSONValue/int(_:)``).
  ///
  /// - Complexity: O(1).
  public mutating func int(_ key: StaticString, _ value: Int) {
    if gather(key, .int(value)) { return }
    self.key(key)
    out.appendDecimal(value)
  }

  /// Appends a number member (``JSONValue/number(_:)``'s text), or null when nil.
  ///
  /// - Complexity: O(1).
  public mutating func number(_ key: StaticString, _ value: Double?) {
    guard let value else { return self.value(key, .null) }
    if gather(key, .number(value)) { return }
    self.key(key)
    JSONValue.writeNumber(value, to: &out)
  }

  /// Appends an amount as ``Amount/jsonValue``: its plain decimal or its
  /// spelling as a number when that is a JSON number, else the spelling as a string.
  public mutating func amount(_ key: StaticString, _ value: Amount) {
    if gather(key, value.jsonValue) { return }
    guard let spelling = value.spelling else {
      self.key(key)
      return out.appendPlainDecimal(significand: value.significand, exponent: value.exponent)
    }
    self.value(key, Amount.isJSONNumber(spelling) ? .rawNumber(spelling) : .string(spelling))
  }

  /// Appends a date as its text (``FlowDate/description``).
  ///
  /// - Complexity: O(1).
  public mutating func date(_ key: StaticString, _ value: FlowDate) {
    if gather(key, .string(value.description)) { return }
    self.key(key)
    out.append(0x22)
    out.appendDate(value)
    out.append(0x22)
  }

  /// Appends an array of strings, on one line.
  ///
  /// - Complexity: O(*n*) in the size of the strings.
  public mutating func strings<S: Sequence>(_ key: StaticString, _ values: S) where S.Element == String {
    if gather(key, .array(values.map(JSONValue.string))) { return }
    scalars(key, values) { JSONValue.writeString($0, to: &$1) }
  }

  /// Appends an array of integers, on one line.
  ///
  /// - Complexity: O(*n*) in the number of values.
  public mutating func ints<S: Sequence>(_ key: StaticString, _ values: S) where S.Element == Int {
    if gather(key, .array(values.map(JSONValue.int))) { return }
    scalars(key, values) { $1.appendDecimal($0) }
  }

  /// Member `key`: an array of scalars on one line (`["a", "b"]`, compact
  /// `["a","b"]`), each written by `write`.
  private mutating func scalars<S: Sequence>(_ key: StaticString, _ values: S, _ write: (S.Element, inout ByteBuffer) -> Void) {
    self.key(key)
    var first = true
    for value in values {
      out.append(first ? "[" : pretty ? ", " : ",")
      first = false
      write(value, &out)
    }
    out.append(first ? "[]" : "]")
  }

  /// Appends an object of string members with keys from the data (escaped
  /// like values), in the order given: a flow's `attributes`.
  ///
  /// - Complexity: O(size of the keys and values).
  public mutating func stringMembers<S: Sequence>(_ key: StaticString, _ members: S) where S.Element == (String, String) {
    if gather(key, .object(members.map { ($0.0, .string($0.1)) })) { return }
    self.key(key)
    var first = true
    for (name, value) in members {
      out.append(first ? 0x7B : 0x2C)
      first = false
      if pretty {
        out.append(0x0A)
        out.appendSpaces(indent + 4)
      }
      JSONValue.writeString(name, to: &out)
      out.append(pretty ? ": " : ":")
      JSONValue.writeString(value, to: &out)
    }
    if first { return out.append("{}") }
    if pretty {
      out.append(0x0A)
      out.appendSpaces(indent + 2)
    }
    out.append(0x7D)
  }

  /// Appends an array of objects, each element's members written by `body`.
  ///
  /// - Complexity: that of `body` for every element.
  public mutating func objects<S: Sequence>(
    _ key: StaticString, _ elements: S, _ body: (S.Element, inout JSONObjectWriter) -> Void
  ) {
    if gather(key, .array(elements.map { element in JSONObjectWriter.gather { body(element, &$0) } })) { return }
    self.key(key)
    var first = true
    let inner = indent + 4
    for element in elements {
      out.append(first ? "[" : ",")
      first = false
      if pretty {
        out.append(0x0A)
        out.appendSpaces(inner)
      }
      JSONObjectWriter.write(to: &out, pretty: pretty, indent: inner) { body(element, &$0) }
    }
    if first { return out.append("[]") }
    if pretty {
      out.append(0x0A)
      out.appendSpaces(indent + 2)
    }
    out.append(0x5D)
  }
}
