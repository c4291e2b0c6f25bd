/// Writes JSON answers as they are produced, through one buffer that is
/// handed to a sink in chunks, so a large answer is never held whole in memory.
///
/// An answer is described once as a list of members (``Member``) whose large
/// arrays are lazy sequences; ``writeDocument(_:)`` streams it as one pretty
/// object, byte-identical to ``JSONValue/rendered(pretty:)`` of
/// ``document(_:)`` (a streamed array is laid out like an array of objects
/// there: one element a line, indented; `[]` when empty), and
/// ``writeLines(_:records:)`` as JSON Lines: one element of one array a line,
/// then one summary line. ``writeLine(_:)`` writes any value compactly on one
/// line, for other JSON Lines producers (`moneyflow watch`).
///
/// The sink receives the buffered bytes when about `chunkSize` have gathered
/// and on ``flush()``; what it throws (a closed pipe, a full disk) stops the
/// writing and comes out of the writing call unchanged.
public final class JSONStreamWriter {
  /// A member of a streamed top-level object.
  public enum Member {
    /// A value written whole.
    case value(JSONValue)
    /// An array whose elements (objects or arrays) are produced one at a time.
    case elements(AnySequence<JSONValue>)
    /// An array of objects whose members are written straight into the
    /// buffer (``JSONObjectWriter``), one element at a time: `each` calls
    /// `visit` once per element, in order, with that element's writing.
    case objects(_ each: (_ visit: (_ element: (inout JSONObjectWriter) -> Void) throws -> Void) throws -> Void)
    /// An array of arrays of strings (each on one line when pretty, like
    /// ``JSONValue/array(_:)`` of strings), one element at a time: `each`
    /// calls `visit` once per element, in order.
    case stringArrays(_ each: (_ visit: (_ strings: [String]) throws -> Void) throws -> Void)

    /// An array streamed from `elements`, which is iterated once, lazily.
    public static func array<S: Sequence>(_ elements: S) -> Member where S.Element == JSONValue {
      .elements(AnySequence(elements))
    }

    /// An array of objects streamed from `elements`, iterated once, lazily;
    /// `body` writes each element's members. Inlinable, so that callers in
    /// other modules get the iteration specialized for their sequence.
    @inlinable
    public static func objects<S: Sequence>(
      _ elements: S, _ body: @escaping (S.Element, inout JSONObjectWriter) -> Void
    ) -> Member {
      .objects { visit in for element in elements { try visit { body(element, &$0) } } }
    }

    /// The member as one value, its elements gathered.
    ///
    /// - Complexity: O(*n*) in the number of elements.
    public var value: JSONValue {
      switch self {
      case .value(let value): value
      case .elements(let elements): .array(Array(elements))
      case .objects(let each):
        .array(Member.gathered(each))
      case .stringArrays(let each):
        .array(Member.gathered(each))
      }
    }

    private static func gathered(
      _ each: (_ visit: (_ element: (inout JSONObjectWriter) -> Void) throws -> Void) throws -> Void
    ) -> [JSONValue] {
      var items: [JSONValue] = []
      // Gathering throws nothing: only a sink does.
      try? each { element in items.append(JSONObjectWriter.gather(element)) }
      return items
    }

    private static func gathered(_ each: (_ visit: (_ strings: [String]) throws -> Void) throws -> Void) -> [JSONValue] {
      var items: [JSONValue] = []
      // Gathering throws nothing: only a sink does.
      try? each { strings in items.append(.array(strings.map(JSONValue.string))) }
      return items
    }
  }

  /// Only this writer's own non-reentrant methods touch it, so the dynamic
  /// exclusivity check on every access of a class property is left out.
  @exclusivity(unchecked) private var buffer: ByteBuffer
  private let chunkSize: Int
  private let sink: (UnsafeRawBufferPointer) throws -> Void
  /// The number of bytes handed to the sink so far.
  public private(set) var bytesWritten = 0

  /// Creates a writer that hands `sink` chunks of about `chunkSize` bytes.
  /// The bytes are valid only during the call.
  public init(chunkSize: Int = 1 << 16, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
    self.chunkSize = max(1, chunkSize)
    self.buffer = ByteBuffer(capacity: self.chunkSize + 4096)
    self.sink = sink
  }

  /// The object that ``writeDocument(_:)`` streams, built in memory.
  ///
  /// - Complexity: O(*n*) in the size of the document.
  public static func document(_ members: [(String, Member)]) -> JSONValue {
    .object(members.map { ($0.0, $0.1.value) })
  }

  /// Appends `value` as JSON text at indentation `indent`.
  ///
  /// - Complexity: O(*n*) in the size of the value's text.
  public func write(_ value: JSONValue, pretty: Bool = true, indent: Int = 0) throws {
    value.write(to: &buffer, pretty: pretty, indent: indent)
    try flushIfFull()
  }

  /// Appends raw text (punctuation, newlines).
  public func write(raw text: String) throws {
    buffer.append(contentsOf: text)
    try flushIfFull()
  }

  /// Writes a pretty object with `members`, streaming the ``Member/elements(_:)``
  /// arrays element by element, then a newline: the bytes of
  /// `document(members).rendered() + "\n"`.
  ///
  /// - Complexity: O(*n*) in the size of the output; memory O(chunk + one element).
  public func writeDocument(_ members: [(String, Member)]) throws {
    try writeObject(members, pretty: true)
    try write(raw: "\n")
  }

  /// Writes `value` pretty, then a newline: the bytes of `value.rendered() + "\n"`.
  ///
  /// - Complexity: O(*n*) in the size of the value's text.
  public func writeDocument(_ value: JSONValue) throws {
    try write(value)
    try write(raw: "\n")
  }

  /// Writes JSON Lines: each element of the `records` member compactly on its
  /// own line, then one line `{"summary": {...}}` holding the other members
  /// in their order.
  ///
  /// - Complexity: O(*n*) in the size of the output; memory O(chunk + one element).
  public func writeLines(_ members: [(String, Member)], records: String) throws {
    for (key, member) in members where key == records {
      switch member {
      case .value(let value): try writeLine(value)
      case .elements(let elements): for element in elements { try writeLine(element) }
      case .objects(let each):
        try each { element in
          JSONObjectWriter.write(to: &buffer, pretty: false, indent: 0, element)
          buffer.append(0x0A)
          try flushIfFull()
        }
      case .stringArrays(let each):
        try each { strings in
          writeStrings(strings, pretty: false)
          buffer.append(0x0A)
          try flushIfFull()
        }
      }
    }
    try write(raw: "{\"summary\":")
    try writeObject(members.filter { $0.0 != records }, pretty: false)
    try write(raw: "}\n")
  }

  /// Writes `value` compactly on one line (JSON Lines).
  ///
  /// - Complexity: O(*n*) in the size of the value's text.
  public func writeLine(_ value: JSONValue) throws {
    value.write(to: &buffer, pretty: false, indent: 0)
    buffer.append(0x0A)
    try flushIfFull()
  }

  /// Hands what is buffered to the sink.
  public func flush() throws {
    guard buffer.count > 0 else { return }
    bytesWritten += buffer.count
    defer { buffer.removeAll() }
    try buffer.withUnsafeBytes { try sink($0) }
  }

  /// An object with `members` at the top level, streamed arrays element by element.
  private func writeObject(_ members: [(String, Member)], pretty: Bool) throws {
    guard !members.isEmpty else { return try write(raw: "{}") }
    buffer.append(pretty ? "{\n" : "{")
    for (i, (key, member)) in members.enumerated() {
      if pretty { buffer.appendSpaces(2) }
      JSONValue.writeString(key, to: &buffer)
      buffer.append(pretty ? ": " : ":")
      switch member {
      case .value(let value): try write(value, pretty: pretty, indent: 2)
      case .elements(let elements):
        var first = true
        for element in elements {
          startElement(&first, pretty)
          try write(element, pretty: pretty, indent: 4)
        }
        endArray(first, pretty)
      case .objects(let each):
        var first = true
        try each { element in
          startElement(&first, pretty)
          JSONObjectWriter.write(to: &buffer, pretty: pretty, indent: 4, element)
          try flushIfFull()
        }
        endArray(first, pretty)
      case .stringArrays(let each):
        var first = true
        try each { strings in
          startElement(&first, pretty)
          writeStrings(strings, pretty: pretty)
          try flushIfFull()
        }
        endArray(first, pretty)
      }
      if i + 1 < members.count { buffer.append(pretty ? ",\n" : ",") } else if pretty { buffer.append(0x0A) }
    }
    buffer.append(0x7D)
    try flushIfFull()
  }

  /// Before an element of a member's array at the top level: `[` or `,`,
  /// then the element's own line when pretty.
  private func startElement(_ first: inout Bool, _ pretty: Bool) {
    buffer.append(first ? "[" : ",")
    if pretty { buffer.append("\n    ") }
    first = false
  }

  /// After the last element: `[]` when there was none, else `]` (on its own line when pretty).
  private func endArray(_ empty: Bool, _ pretty: Bool) {
    buffer.append(empty ? "[]" : pretty ? "\n  ]" : "]")
  }

  /// An array of strings on one line, as ``JSONValue`` writes it.
  private func writeStrings(_ strings: [String], pretty: Bool) {
    buffer.append(0x5B)
    for (i, string) in strings.enumerated() {
      if i > 0 { buffer.append(pretty ? ", " : ",") }
      JSONValue.writeString(string, to: &buffer)
    }
    buffer.append(0x5D)
  }

  private func flushIfFull() throws {
    if buffer.count >= chunkSize { try flush() }
  }
}
