/// The walk of ``MaximumCirculation/cycleDecomposition(in:limit:threads:progress:)``:
/// support flows in slots grouped by payer, and the path being walked.
struct DecompositionWalk {
  /// A support flow with what is left of it.
  struct Slot {
    var remaining: Int64
    var head: Int32
    var flow: Int32
  }

  /// The slots, grouped by payer: company `v`'s are `start[v] ..< start[v + 1]`.
  var slots: [Slot]
  /// A company's cursor into its slots and its place on the path, side by
  /// side: the walk checks the place of the payees it may go to, and then
  /// reads the cursor of the one it goes to from the same cache line.
  struct Company {
    /// The first slot that may have something left.
    var next: Int32
    /// The end of its slots.
    var end: Int32
    /// Its index on the path, -1 if off the path.
    var position: Int32 = -1
  }

  /// Each company's cursor and place on the path.
  private var company: [Company]
  private var pathNodes: [Int32] = []
  private var pathSlots: [Int32] = []
  /// How many live slots the walk looks at for one closing the shortest cycle.
  static let lookahead = 8

  init(slots: [Slot], start: [Int32]) {
    self.slots = slots
    let n = start.count - 1
    company = (0 ..< n).map { Company(next: start[$0], end: start[$0 + 1]) }
  }

  /// Walks from `origin` along slots with something left until the walk
  /// meets a company already on it; reports that cycle (its companies, its
  /// flows and its bottleneck, to `keep` if `wants` says so after seeing its
  /// bottleneck and length) after subtracting the bottleneck, and walks
  /// on from where it closed until `origin` has nothing left. At each
  /// company the walk takes, among its next ``lookahead`` live slots, the one
  /// closing the shortest cycle, else the first (the heaviest).
  ///
  /// - Complexity: O(steps + cycle lengths), the arrays accessed without
  ///   bounds checks (the walk is the decomposition's hot loop).
  mutating func decompose(
    from origin: Int, wants: (_ units: Int64, _ length: Int) -> Bool,
    keep: (_ nodes: ArraySlice<Int32>, _ flows: [Int32], _ units: Int64) -> Void
  ) {
    pathNodes.removeAll(keepingCapacity: true)
    pathSlots.removeAll(keepingCapacity: true)
    pathNodes.append(Int32(origin))
    company[origin].position = 0
    var v = origin
    while true {
      // Skip emptied slots, then pick among the next few.
      let (chosen, closing) = slots.withUnsafeBufferPointer { slot in
        company.withUnsafeMutableBufferPointer { company -> (Int, Int32) in
          var next = Int(company[v].next)
          let end = Int(company[v].end)
          while next < end, slot[next].remaining == 0 { next += 1 }
          company[v].next = Int32(next)
          // Only the origin can run dry: conservation leaves every other
          // company on the path as much to pay out as it has received.
          guard next < end else { return (-1, -1) }
          var chosen = next
          var closing = Int32(-1)
          var scanned = 0
          var k = next
          while k < end, scanned < DecompositionWalk.lookahead {
            if slot[k].remaining > 0 {
              scanned += 1
              let p = company[Int(slot[k].head)].position
              if p > closing {
                closing = p
                chosen = k
              }
            }
            k += 1
          }
          return (chosen, closing)
        }
      }
      guard chosen >= 0 else { break }
      let w = Int(slots[chosen].head)
      pathSlots.append(Int32(chosen))
      if closing < 0 {
        company[w].position = Int32(pathNodes.count)
        pathNodes.append(Int32(w))
        v = w
        continue
      }
      // The walk met w again: pathSlots[closing...] is a cycle through w.
      let from = Int(closing)
      let bottleneck = slots.withUnsafeMutableBufferPointer { slot in
        pathSlots.withUnsafeBufferPointer { path in
          var bottleneck = Int64.max
          for i in from ..< path.count { bottleneck = min(bottleneck, slot[Int(path[i])].remaining) }
          for i in from ..< path.count { slot[Int(path[i])].remaining -= bottleneck }
          return bottleneck
        }
      }
      if wants(bottleneck, pathSlots.count - from) {
        keep(pathNodes[from...], pathSlots[from...].map { slots[Int($0)].flow }, bottleneck)
      }
      company.withUnsafeMutableBufferPointer { company in
        for node in pathNodes[(from + 1)...] { company[Int(node)].position = -1 }
      }
      pathNodes.removeSubrange((from + 1)...)
      pathSlots.removeSubrange(from...)
      v = w
    }
    for node in pathNodes { company[Int(node)].position = -1 }
  }
}

extension DecompositionWalk {
  /// The fewest slots for which the decomposition splits over two threads.
  static let parallelMinimumSlots = 50_000

  /// Two groups of whole components of the support (companies joined by a
  /// slot), for two threads: the group of each company (0 or 1; companies
  /// without slots 0), or nil when splitting does not pay: fewer than
  /// `minimumSlots` slots, or the largest component holding more than three
  /// quarters of them. A walk stays inside one component, so each group
  /// can be walked on its own with the same cycles as one walk over all.
  /// Components go, largest first (then by smallest company), to the group
  /// with fewer slots so far.
  ///
  /// - Complexity: O(*V* + *S* α(*V*) + *K* log *K*) for *S* slots and *K*
  ///   components; union–find with path halving, iterative.
  static func groups(slots: [Slot], start: [Int32], minimumSlots: Int) -> [UInt8]? {
    let n = start.count - 1
    guard slots.count >= max(1, minimumSlots) else { return nil }
    var parent = (0 ..< n).map { Int32($0) }
    func root(_ v: Int) -> Int {
      var v = v
      while parent[v] != Int32(v) {
        parent[v] = parent[Int(parent[v])]
        v = Int(parent[v])
      }
      return v
    }
    for v in 0 ..< n {
      for s in Int(start[v]) ..< Int(start[v + 1]) {
        let (a, b) = (root(v), root(Int(slots[s].head)))
        if a != b { parent[max(a, b)] = Int32(min(a, b)) }  // the smaller company is the root
      }
    }
    var size = [Int](repeating: 0, count: n)
    for v in 0 ..< n { size[root(v)] += Int(start[v + 1] - start[v]) }
    var roots: [Int] = []
    for v in 0 ..< n where parent[v] == Int32(v) && size[v] > 0 { roots.append(v) }
    roots.sort { (a: Int, b: Int) -> Bool in size[a] != size[b] ? size[a] > size[b] : a < b }
    guard let largest = roots.first, 4 * size[largest] <= 3 * slots.count else { return nil }
    var groupOfRoot = [UInt8](repeating: 0, count: n)
    var load = [0, 0]
    for r in roots {
      let g = load[0] <= load[1] ? 0 : 1
      groupOfRoot[r] = UInt8(g)
      load[g] += size[r]
    }
    return (0 ..< n).map { groupOfRoot[root($0)] }
  }
}
