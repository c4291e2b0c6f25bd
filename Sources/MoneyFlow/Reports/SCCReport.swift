/// Renders strongly connected components for `moneyflow scc`: text for
/// people, a ``JSONValue`` for `--format json`.
public enum SCCReport {
  /// `{"components": [["a", "b"], ...]}`: the components with a cycle (two
  /// or more companies, or one with a flow to itself), sorted by their first
  /// company, ids in byte order.
  ///
  /// - Complexity: O(*V*).
  public static func json(_ components: StronglyConnectedComponents, graph: FlowGraph) -> JSONValue {
    JSONStreamWriter.document(jsonMembers(components, graph: graph))
  }

  /// The members of ``json(_:graph:)`` for ``JSONStreamWriter``, one
  /// component produced at a time while it is written.
  ///
  /// - Complexity: O(*V*) to find the components with a cycle; writing is
  ///   O(*V*) in the companies written.
  public static func jsonMembers(
    _ components: StronglyConnectedComponents, graph: FlowGraph
  ) -> [(String, JSONStreamWriter.Member)] {
    let cyclic = components.cyclicComponents
    return [("components", .stringArrays { visit in for members in cyclic { try visit(members.map { graph.id(of: $0) }) } })]
  }

  /// One numbered line per component with a cycle, listing display names
  /// (at most `namesShown` of them, then how many more).
  public static func text(_ components: StronglyConnectedComponents, graph: FlowGraph, namesShown: Int = 20) -> String {
    let cyclic = components.cyclicComponents
    guard !cyclic.isEmpty else {
      return "No group of companies can pass money round: no strongly connected component has a cycle.\n"
    }
    var out =
      cyclic.count == 1
      ? "1 group of companies can pass money round (a strongly connected component with a cycle):\n\n"
      : "\(cyclic.count) groups of companies can pass money round (strongly connected components with a cycle):\n\n"
    let width = String(cyclic.count).count
    for (i, members) in cyclic.enumerated() {
      let number = String(i + 1)
      out += String(repeating: " ", count: width - number.count) + number + ". "
      out += members.prefix(namesShown).map { graph.name(of: $0) }.joined(separator: ", ")
      if members.count > namesShown { out += ", and \(members.count - namesShown) more" }
      out += members.count == 1 ? " (1 company, paying itself)\n" : " (\(members.count) companies)\n"
    }
    return out
  }
}
