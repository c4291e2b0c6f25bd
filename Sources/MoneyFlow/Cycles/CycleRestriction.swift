/// The cycle filters a sink applies as cycles arrive: a minimum length, and
/// for searches run on a relabelled graph (``LinkGraph/throughRelabelled(_:)``),
/// the way back to the graph's company numbers.
///
/// Searches prune what they can before this point (components smaller than
/// the minimum length are never searched; `--through` searches start only at
/// the given companies); what is left is checked here in O(*k*) per cycle of
/// length *k*.
struct CycleRestriction: Sendable {
  /// Cycles with fewer companies are not counted.
  var minLength: Int = 0
  /// Only cycles through one of these companies (true at their number) are
  /// counted; empty for all. Used where the search cannot start from them
  /// (time-respecting cycles).
  var through: [Bool] = []
  /// The search ran on relabelled companies: `original[v]` is the graph's
  /// number of company `v`. Empty for none. Cycles are translated and turned
  /// to start at their smallest company again before they are counted.
  var original: [Int32] = []

  /// Whether no cycle is filtered or translated.
  var isNone: Bool { minLength <= 1 && through.isEmpty && original.isEmpty }

  /// The graph's number of the searched company `v` (itself when not relabelled).
  ///
  /// - Complexity: O(1).
  func originalCompany(_ v: Int32) -> Int32 { original.isEmpty ? v : original[Int(v)] }

  /// Whether the cycle `nodes` is counted.
  @inline(__always)
  func admits(_ nodes: UnsafeBufferPointer<Int32>) -> Bool {
    if nodes.count < minLength { return false }
    if through.isEmpty { return true }
    for v in nodes where through[Int(v)] { return true }
    return false
  }

  /// Writes the cycle `nodes`/`hops` in the graph's company numbers, turned
  /// to start at its smallest company, into `outNodes`/`outHops`.
  ///
  /// - Complexity: O(*k*) for a cycle of length *k*.
  func translate(
    _ nodes: UnsafeBufferPointer<Int32>, _ hops: UnsafeBufferPointer<Int32>,
    into outNodes: inout [Int32], _ outHops: inout [Int32]
  ) {
    outNodes.removeAll(keepingCapacity: true)
    outHops.removeAll(keepingCapacity: true)
    var first = 0
    for i in 1 ..< max(1, nodes.count) where original[Int(nodes[i])] < original[Int(nodes[first])] { first = i }
    for step in 0 ..< nodes.count {
      let i = (first + step) % nodes.count
      outNodes.append(original[Int(nodes[i])])
      outHops.append(hops[i])
    }
  }
}
