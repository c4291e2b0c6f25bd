/// A circulation network with its chains contracted: every node with exactly
/// one arc in and one arc out forces equal flow on both, so a chain
/// `u → v₁ → … → vₖ → w` through such nodes becomes one arc `u → w` with the
/// smallest capacity of the chain and weight `k + 1` (each unit on it counts
/// on every arc of the chain). A strongly connected component that is a
/// single ring circulates its smallest capacity and needs no solver at all.
///
/// This keeps long chains and rings (a 1,000,000-company ring, say) out of
/// the cost-scaling solver, where they would cost many relabels.
struct SeriesReduction {
  /// The contracted arcs.
  var tails: [Int32] = []
  var heads: [Int32] = []
  var capacities: [Int64] = []
  var weights: [Int64] = []
  /// For each input arc, its contracted arc, or -1 if its flow is fixed
  /// (a ring, see ``fixedFlow``).
  var contractedArc: [Int32]
  /// The flow of input arcs on rings; 0 elsewhere.
  var fixedFlow: [Int64]

  /// The heaviest weight a contracted arc gets; longer chains are cut, which
  /// bounds the solver's costs and prices (about 3·*n*²·weight in the worst
  /// case, which must stay within 64 bits).
  static let maximumWeight: Int64 = 1 << 12

  /// Contracts the arcs `tails[i] → heads[i]` with positive capacities,
  /// cutting chains at `maximumWeight` arcs.
  ///
  /// - Precondition: no self-loops; capacities positive; every arc lies on a
  ///   cycle (inside a strongly connected component).
  /// - Complexity: O(*n* + *m*) time and space, iterative.
  init(
    nodeCount: Int, tails inputTails: [Int32], heads inputHeads: [Int32], capacities inputCapacities: [Int64],
    maximumWeight: Int64 = SeriesReduction.maximumWeight
  ) {
    let m = inputTails.count
    var inDegree = [Int32](repeating: 0, count: nodeCount)
    var outDegree = [Int32](repeating: 0, count: nodeCount)
    var outArc = [Int32](repeating: -1, count: nodeCount)
    for i in 0 ..< m {
      outDegree[Int(inputTails[i])] += 1
      inDegree[Int(inputHeads[i])] += 1
      outArc[Int(inputTails[i])] = Int32(i)
    }
    func isInternal(_ v: Int) -> Bool { inDegree[v] == 1 && outDegree[v] == 1 }
    contractedArc = [Int32](repeating: -1, count: m)
    fixedFlow = [Int64](repeating: 0, count: m)
    var isDone = [Bool](repeating: false, count: m)

    // Chains start at arcs leaving a node that is not internal, or at a node
    // where a chain was cut for weight.
    var starts: [Int32] = []
    for i in 0 ..< m where !isInternal(Int(inputTails[i])) { starts.append(Int32(i)) }
    var members: [Int32] = []
    while let start = starts.popLast() {
      let i = Int(start)
      guard !isDone[i] else { continue }
      members.removeAll(keepingCapacity: true)
      members.append(start)
      isDone[i] = true
      var capacity = inputCapacities[i]
      var v = Int(inputHeads[i])
      while isInternal(v), v != Int(inputTails[i]) {
        let j = Int(outArc[v])
        if Int64(members.count) >= maximumWeight {
          starts.append(Int32(j))
          break
        }
        guard !isDone[j] else { break }
        isDone[j] = true
        members.append(Int32(j))
        capacity = min(capacity, inputCapacities[j])
        v = Int(inputHeads[j])
      }
      let index = Int32(tails.count)
      tails.append(inputTails[i])
      heads.append(Int32(v))
      capacities.append(capacity)
      weights.append(Int64(members.count))
      for member in members { contractedArc[Int(member)] = index }
    }

    // What is left are rings of internal nodes: each circulates its minimum.
    for i in 0 ..< m where !isDone[i] {
      members.removeAll(keepingCapacity: true)
      var capacity = Int64.max
      var j = i
      while !isDone[j] {
        isDone[j] = true
        members.append(Int32(j))
        capacity = min(capacity, inputCapacities[j])
        j = Int(outArc[Int(inputHeads[j])])
      }
      for member in members { fixedFlow[Int(member)] = capacity }
    }
  }

  /// The flow of every input arc, given the flow of every contracted arc.
  func expand(_ contractedFlow: [Int64]) -> [Int64] {
    contractedArc.indices.map { i in
      contractedArc[i] >= 0 ? contractedFlow[Int(contractedArc[i])] : fixedFlow[i]
    }
  }
}
