/// A company: a node of the money-flow graph.
public struct Company: Hashable, Sendable {
  /// The unique, case-sensitive identifier used by flows (`"microsoft"`).
  public var id: String
  /// The display name; the id when the document gives none.
  public var name: String
  /// Other names the company goes by (`"マイクロソフト"`).
  public var aliases: [String]
  /// Free attributes such as sector or country, in the order written.
  public var attributes: [Attribute]

  /// One free attribute of a company.
  public struct Attribute: Hashable, Sendable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  /// Creates a company; `name` defaults to `id`.
  public init(id: String, name: String? = nil, aliases: [String] = [], attributes: [Attribute] = []) {
    self.id = id
    self.name = name ?? id
    self.aliases = aliases
    self.attributes = attributes
  }

  /// Whether the company carries nothing beyond its id.
  public var isBare: Bool { name == id && aliases.isEmpty && attributes.isEmpty }
}
