extension FlowGraph {
  /// The companies a user means by `text`: the company with that id if
  /// there is one, otherwise every company whose name or one of whose
  /// aliases is exactly `text` (byte for byte), ascending. Empty if none.
  ///
  /// - Complexity: O(log *n*) for an id, O(*n* + *a*) otherwise for *a* aliases.
  public func companies(matching text: String) -> [CompanyID] {
    if let id = companyID(for: text) { return [id] }
    var found: [CompanyID] = []
    for c in 0 ..< companyCount {
      let company = company(CompanyID(c))
      if company.name.hasSameBytes(as: text) || company.aliases.contains(where: { $0.hasSameBytes(as: text) }) {
        found.append(CompanyID(c))
      }
    }
    return found
  }
}
