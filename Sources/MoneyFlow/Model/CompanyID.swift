/// A dense index naming one company of a ``FlowGraph``.
///
/// Companies are numbered `0 ..< companyCount` in the byte order of their
/// string ids, so the smallest `CompanyID` is the id that sorts first.
public struct CompanyID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The index into the graph's company arrays.
  public var rawValue: Int32

  /// Creates an id from its raw index.
  @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }

  /// Creates an id from an `Int` index.
  @inlinable public init(_ index: Int) { self.rawValue = Int32(truncatingIfNeeded: index) }

  /// The index as an `Int`, for subscripting arrays.
  @inlinable public var index: Int { Int(rawValue) }

  @inlinable public static func < (a: CompanyID, b: CompanyID) -> Bool { a.rawValue < b.rawValue }

  public var description: String { "#\(rawValue)" }
}

extension String {
  /// Whether this string sorts before `other` in byte (UTF-8) order.
  ///
  /// `String`'s own `<` compares by Unicode canonical equivalence; identifiers
  /// in MoneyFlow are compared and sorted by their bytes.
  ///
  /// - Complexity: O(*n*) in the shorter length.
  @inlinable public func precedesInByteOrder(_ other: String) -> Bool {
    utf8.lexicographicallyPrecedes(other.utf8)
  }

  /// Whether this string has exactly the bytes of `other`.
  @inlinable public func hasSameBytes(as other: String) -> Bool {
    utf8.elementsEqual(other.utf8)
  }
}
