/// Writes JSON answers as they are produced, through one buffer that is
/// handed to a sink in chunks, so a large answer is never held whole in memory.
///
/// Pretty output is byte-identical to ``JSONValue/rendered(pretty:)`` of the
/// same document: a streamed array (``Member/objects(_:)``) is laid out like an
/// array of objects there (one element a line, indented), `[]` when empty.
/// JSON Lines output (``writeLine(_:)``) writes one compact value a line.
public final class JSONStreamWriter {
  /// A member of a streamed top-level object.
  public enum Member {
    /// A value written whole.
    case value(JSONValue)
    /// An array whose elements (objects or arrays) the closure emits one at a time.
    case objects((_ emit: (JSONValue) throws -> Void) throws -> Void)
  }

  private var buffer: ByteBuffer
  private let chunkSize: Int
  private let sink: ([UInt8]) throws -> Void
  /// The number of bytes handed to the sink so far.
  public private(set) var bytesWritten = 0

  /// Creates a writer that hands `sink` chunks of about `chunkSize` bytes.
  public init(chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
    self.chunkSize = max(1, chunkSize)
    self.buffer = ByteBuffer(capacity: self.chunkSize + 4096)
    self.sink = sink
  }

  /// Appends `value` as JSON text at indentation `indent`.
  ///
  /// - Complexity: O(*n*) in the size of the value's text.
  public func write(_ value: JSONValue, pretty: Bool = true, indent: Int = 0) throws {
    var text = ""
    value.write(to: &text, pretty: pretty, indent: indent)
    buffer.append(contentsOf: text)
    try flushIfFull()
  }

  /// Appends raw text (punctuation, newlines).
  public func write(raw text: String) throws {
    buffer.append(contentsOf: text)
    try flushIfFull()
  }

  /// Writes a pretty object with `members`, streaming the ``Member/objects(_:)``
  /// arrays element by element, then a newline.
  ///
  /// - Complexity: O(*n*) in the size of the output; memory O(chunk + one element).
  public func writeDocument(_ members: [(String, Member)]) throws {
    guard !members.isEmpty else { return try write(raw: "{}\n") }
    try write(raw: "{\n")
    for (i, (key, member)) in members.enumerated() {
      var head = "  "
      JSONValue.writeString(key, to: &head)
      head += ": "
      try write(raw: head)
      switch member {
      case .value(let value): try write(value, indent: 2)
      case .objects(let produce):
        var first = true
        try produce { element in
          try self.write(raw: first ? "[\n    " : ",\n    ")
          first = false
          try self.write(element, indent: 4)
        }
        try write(raw: first ? "[]" : "\n  ]")
      }
      try write(raw: i + 1 < members.count ? ",\n" : "\n")
    }
    try write(raw: "}\n")
  }

  /// Writes `value` compactly on one line (JSON Lines).
  public func writeLine(_ value: JSONValue) throws {
    try write(value, pretty: false)
    buffer.append(0x0A)
    try flushIfFull()
  }

  /// Hands what is buffered to the sink.
  public func flush() throws {
    guard buffer.count > 0 else { return }
    let chunk = buffer.bytes
    buffer.removeAll()
    bytesWritten += chunk.count
    try sink(chunk)
  }

  private func flushIfFull() throws {
    if buffer.count >= chunkSize { try flush() }
  }
}
