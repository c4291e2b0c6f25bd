/// Elementary cycles of a growing link graph, found as the links arrive.
///
/// Each time a flow adds a link `u → v` that did not exist yet, the search
/// lists the simple paths `v ⇝ u` of at most `maxLength − 1` links; each one
/// closes a new cycle. A cycle is therefore reported exactly once, when the
/// last of its links appears, and over a whole stream the cycles reported are
/// the elementary cycles of the final link graph (of at most `maxLength`
/// links), the answer of ``FlowGraph/elementaryCycles(_:progress:)``. A
/// further flow on an existing link closes nothing new.
///
/// The search is an iterative depth-first search with an explicit stack,
/// pruned by a backward breadth-first "ball" around `u`: only companies that
/// reach `u` within the links left are entered. Scratch arrays are reused
/// from flow to flow (stamped, never cleared).
///
/// Memory follows the graph: O(*V* + *E*) for *V* companies and *E* links.
public struct IncrementalCycles: Sendable {
  /// The longest cycle reported, in links; nil for any length.
  let maxLength: Int32?
  private var outLinks: [[Int32]] = []
  private var inLinks: [[Int32]] = []
  private var links: Set<UInt64> = []
  // Scratch, indexed by company.
  private var marks = StampedMarks()
  private var queue: [Int32] = []
  private var pathNodes: [Int32] = []
  private var pathNext: [Int32] = []

  /// Creates an empty detector for cycles of at most `maxLength` links.
  public init(maxLength: Int?) {
    self.maxLength = maxLength.map { Int32(clamping: $0) }
  }

  /// The number of distinct links held.
  public var linkCount: Int { links.count }

  /// Makes room for company numbers below `count`.
  private mutating func grow(to count: Int) {
    guard outLinks.count < count else { return }
    let extra = count - outLinks.count
    outLinks.append(contentsOf: repeatElement([], count: extra))
    inLinks.append(contentsOf: repeatElement([], count: extra))
    marks.grow(to: count)
  }

  /// Adds the link `payer → payee` and calls `found` with each cycle it
  /// closes, as the companies from `payer` on (`payer`, `payee`, …).
  ///
  /// - Complexity: O(1) when the link exists; otherwise the size of the
  ///   ball around `payer` plus the paths explored, bounded by
  ///   O(*d*^(*L*−1)) for out-degree *d* and bound *L*.
  public mutating func add(payer u: Int32, payee v: Int32, found: (UnsafeBufferPointer<Int32>) -> Void) {
    grow(to: Int(max(u, v)) + 1)
    let key = UInt64(UInt32(bitPattern: u)) << 32 | UInt64(UInt32(bitPattern: v))
    guard links.insert(key).inserted else { return }
    outLinks[Int(u)].append(v)
    inLinks[Int(v)].append(u)
    let bound = maxLength ?? Int32.max
    guard bound >= 1 else { return }
    if u == v {
      pathNodes = [u]
      pathNodes.withUnsafeBufferPointer { found($0) }
      return
    }
    guard bound >= 2 else { return }
    // The ball: companies that reach u within bound − 2 links, the most an
    // interior company after v may need (v itself is only a start).
    let s = marks.next()
    let reach = bound - 1
    queue.removeAll(keepingCapacity: true)
    queue.append(u)
    marks.ballStamp[Int(u)] = s
    marks.ballDistance[Int(u)] = 0
    var head = 0
    while head < queue.count {
      let x = queue[head]
      head += 1
      let d = marks.ballDistance[Int(x)]
      if d >= reach - 1 { continue }
      for w in inLinks[Int(x)] where marks.ballStamp[Int(w)] != s {
        marks.ballStamp[Int(w)] = s
        marks.ballDistance[Int(w)] = d + 1
        queue.append(w)
      }
    }
    // Depth-first search from v to u over the ball: pathNodes holds u, v, …,
    // pathNext the position in each node's out-links.
    pathNodes.removeAll(keepingCapacity: true)
    pathNext.removeAll(keepingCapacity: true)
    pathNodes.append(u)
    pathNodes.append(v)
    pathNext.append(0)
    marks.onPath[Int(u)] = s
    marks.onPath[Int(v)] = s
    while pathNodes.count > 1 {
      let top = pathNodes[pathNodes.count - 1]
      let position = Int(pathNext[pathNext.count - 1])
      let row = outLinks[Int(top)]
      guard position < row.count else {
        marks.onPath[Int(top)] = 0
        pathNodes.removeLast()
        pathNext.removeLast()
        continue
      }
      pathNext[pathNext.count - 1] += 1
      let w = row[position]
      // Links used so far: the new one plus pathNodes.count − 2; w adds one.
      let used = Int32(pathNodes.count - 1)
      if w == u {
        pathNodes.withUnsafeBufferPointer { found($0) }
        continue
      }
      guard marks.onPath[Int(w)] != s, marks.ballStamp[Int(w)] == s, used + 1 + marks.ballDistance[Int(w)] <= bound else { continue }
      marks.onPath[Int(w)] = s
      pathNodes.append(w)
      pathNext.append(0)
    }
    marks.onPath[Int(u)] = 0
  }
}
