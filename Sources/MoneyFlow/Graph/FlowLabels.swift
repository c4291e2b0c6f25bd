/// Which flows carry a laundering label: the attribute `Is Laundering`
/// (AMLworld) or `isFraud` (AMLSim) with a value other than `0`.
public struct FlowLabels: Sendable, Equatable {
  /// The attribute names read as labels.
  public static let keys = ["Is Laundering", AMLSimFormat.labelKey]

  /// Whether each flow is labelled, by flow index.
  public let isLabelled: [Bool]
  /// The number of labelled flows.
  public let count: Int

  /// Finds the labelled flows of `graph`.
  ///
  /// - Complexity: O(*E* + *L* + *D*·*a*) for *L* label values and *D*
  ///   flows whose details hold *a* attributes.
  public init(graph: FlowGraph) {
    var labelled = [Bool](repeating: false, count: graph.flowCount)
    var count = 0
    for key in Self.keys {
      graph.attributeTable.forEach(named: key) { flow, value in
        guard !(value.count == 1 && value.first == 0x30), !labelled[flow] else { return }
        labelled[flow] = true
        count += 1
      }
    }
    for (flow, details) in graph.details where !labelled[Int(flow)] && details.attributes.contains(where: { Self.keys.contains($0.key) && $0.value != "0" }) {
      labelled[Int(flow)] = true
      count += 1
    }
    self.isLabelled = labelled
    self.count = count
  }

  /// Whether any flow is labelled.
  public var isEmpty: Bool { count == 0 }

  /// How many of `flows` are labelled.
  ///
  /// - Complexity: O(*n*) in the number of flows.
  public func count<S: Sequence>(of flows: S) -> Int where S.Element == Int {
    flows.reduce(0) { $0 + (isLabelled[$1] ? 1 : 0) }
  }
}
