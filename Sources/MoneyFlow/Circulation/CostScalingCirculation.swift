/// A maximum-weight circulation in a network with integer capacities, found
/// as a minimum-cost circulation by cost scaling.
///
/// The solver behind ``MaximumCirculation``. It finds flows `0 <= f <= capacity`
/// on the arcs, with inflow equal to outflow at every node, maximizing
/// `sum(weight · f)` (weight 1 unless given: the plain maximum circulation),
/// in exact integer arithmetic.
///
/// The method is Goldberg and Tarjan's cost scaling. Costs `−weight` are
/// multiplied by `α = longestCycle + 1`, so that an `ε`-optimal circulation
/// with `ε = 1` is optimal (a residual cycle has at most `longestCycle` arcs,
/// hence reduced cost above `−α`, and its cost is a multiple of `α`). `ε`
/// starts at the largest cost (the zero flow is that optimal) and is divided
/// by ``firstScalingFactor`` for the first refine and ``scalingFactor`` for
/// each further one. The first refine saturates every arc, the
/// "saturate, then cancel the cheapest way" view of the problem. A refine
/// moves excess by partial augment–relabel (paths of up to
/// ``maximumPathLength`` admissible arcs, relabelling and retreating where
/// stuck) from active nodes in FIFO order, with Goldberg's global price update
/// (a bucket-based Dijkstra from the deficit nodes) at its start and after
/// every *n* relabels. After each refine a label-correcting search looks for
/// integer potentials that prove the circulation optimal already; then the
/// remaining refines are skipped (on money graphs one refine usually suffices).
///
/// - A. V. Goldberg, R. E. Tarjan, "Finding minimum-cost circulations by
///   successive approximation", Math. Oper. Res. 15 (1990) 430–466.
/// - A. V. Goldberg, "An efficient implementation of a scaling minimum-cost
///   flow algorithm", J. Algorithms 22 (1997) 1–29 (price update, partial
///   augment–relabel).
/// - P. Kovács, "Minimum-cost flow algorithms: an experimental evaluation",
///   Optim. Methods Softw. 30 (2015) 94–127 (LEMON's `CostScaling`).
///
/// Everything is iterative; arcs are laid out in compressed sparse row order
/// with each arc's partner (its reverse).
///
/// - Complexity: O(*n*² *m* log(*n* *W*)) time in the worst case, where *n* is
///   the number of nodes with arcs, *m* the number of arcs and *W* the largest
///   weight, and O(*n* + *m*) space; near-linear per refine on money graphs.
struct CostScalingCirculation {
  /// One residual arc.
  struct Arc {
    var head: Int32
    /// The weight, negative on forward arcs: the cost is `weight · costUnit`.
    var weight: Int32
    var residual: Int64
    /// The capacity of the arc's pair: its residual plus its partner's.
    var pairCapacity: Int64
  }

  /// How much `ε` shrinks for the first refine: with unit costs one refine at
  /// `α/64` is often optimal already.
  static let firstScalingFactor: Int64 = 64
  /// How much `ε` shrinks from one refine to the next after the first.
  static let scalingFactor: Int64 = 8
  /// The longest path a partial augmentation follows.
  static let maximumPathLength = 4

  /// Node count of the compacted network (nodes that have arcs).
  let nodeCount: Int
  /// Arcs of node `v`: `first[v] ..< first[v + 1]`.
  let first: [Int32]
  /// The arcs, with the fields each scan reads side by side.
  var arcs: [Arc]
  /// Each arc's reverse.
  let partner: [Int32]
  /// A node's fields side by side, one cache line a visit (the solver is
  /// memory-latency bound); `distance`, `isScanned`: price-update scratch.
  struct Node {
    var price: Int64 = 0
    var excess: Int64 = 0
    var distance: Int64 = 0
    var current: Int32 = 0  // the current arc
    var isQueued = false
    var isScanned = false
  }

  /// The nodes' prices, excesses, current arcs and scratch.
  var node: [Node]
  /// The forward arc of each input arc; -1 for self-loops and empty arcs.
  let forwardArc: [Int32]
  /// The compact node of each input node, -1 if it has no arcs.
  let compactNode: [Int32]
  /// `α`: costs are `−weight · costUnit`.
  let costUnit: Int64
  /// The largest absolute cost, `largest weight · costUnit`.
  let largestCost: Int64

  // FIFO queue of active nodes.
  private var queue: [Int32]
  private var queueHead = 0
  private var queueCount = 0
  private var path: [Int32] = []

  // Scratch for the global price update.
  private var bucketHead: [Int32]
  private var entryNode: [Int32] = []
  private var entryNext: [Int32] = []

  /// Hears the refine, active node count and node count at each price update.
  var progress: ((_ refine: Int, _ active: Int, _ nodes: Int) -> Void)?

  /// Counters, for tests and measurements.
  private(set) var refineCount = 0
  /// Optional early stop, polled before each refine and every 256 augmentations.
  var stop: StopSignal? = nil
  /// Why the solver stopped early, or nil.
  private(set) var stopped: StopSignal.Reason?
  private(set) var relabelCount = 0
  private(set) var augmentCount = 0
  private(set) var priceUpdateCount = 0

  /// The result of ``maximumCirculation(nodeCount:tails:heads:capacities:weights:longestCycle:)``.
  struct Solution {
    /// The circulating amount on each input arc.
    var flow: [Int64]
    /// Node prices certifying optimality: for every arc `(u, v)` with
    /// `flow < capacity`, `−weight·costUnit + price[u] − price[v] >= −1`,
    /// and with `flow > 0`, `weight·costUnit − price[u] + price[v] >= −1`.
    /// Prices of nodes without arcs are 0.
    var price: [Int64]
    /// The factor the weights were multiplied by.
    var costUnit: Int64
    /// How many refines ran.
    var refines: Int
    /// Why the solver stopped early; `flow` is then the circulation of the
    /// last refine completed (feasible, not maximum), or zero.
    var stopped: StopSignal.Reason? = nil
  }

  /// Returns a maximum-weight circulation of the arcs `tails[i] → heads[i]`
  /// with capacities `capacities[i]` and weights `weights[i]` (all 1 if nil).
  ///
  /// `longestCycle` bounds the number of arcs of a simple cycle of the
  /// network (the size of its largest strongly connected component, or
  /// `nodeCount`); a larger bound stays correct. Self-loops circulate their
  /// whole capacity.
  ///
  /// - Precondition: capacities and weights are non-negative; the sum of
  ///   capacities is at most 2^62; `4 · nodeCount · largestWeight ·
  ///   (longestCycle + 1)` is below 2^63 (prices fall by at most about
  ///   3·*n*·ε per refine); node indices are in `0 ..< nodeCount`.
  /// - Complexity: see ``CostScalingCirculation``.
  static func maximumCirculation(
    nodeCount: Int, tails: [Int32], heads: [Int32], capacities: [Int64], weights: [Int64]? = nil,
    longestCycle: Int, stop: StopSignal? = nil,
    progress: ((_ refine: Int, _ active: Int, _ nodes: Int) -> Void)? = nil
  ) -> Solution {
    var network = CostScalingCirculation(
      nodeCount: nodeCount, tails: tails, heads: heads, capacities: capacities, weights: weights,
      longestCycle: longestCycle)
    network.stop = stop
    network.progress = progress
    network.solve()
    var solution = network.solution(capacities: capacities)
    solution.stopped = network.stopped
    return solution
  }

  init(
    nodeCount inputNodeCount: Int, tails: [Int32], heads: [Int32], capacities: [Int64], weights: [Int64]?,
    longestCycle: Int
  ) {
    let arcCount = tails.count
    func isArc(_ i: Int) -> Bool { tails[i] != heads[i] && capacities[i] > 0 }
    // Compact the nodes that carry arcs.
    var compact = [Int32](repeating: -1, count: inputNodeCount)
    var n: Int32 = 0
    for i in 0 ..< arcCount where isArc(i) {
      let (u, v) = (Int(tails[i]), Int(heads[i]))
      if compact[u] < 0 { compact[u] = n; n += 1 }
      if compact[v] < 0 { compact[v] = n; n += 1 }
    }
    let nodes = Int(n)
    // Each input arc gives a forward arc at its tail and a backward arc at its head.
    var first = [Int32](repeating: 0, count: nodes + 1)
    for i in 0 ..< arcCount where isArc(i) {
      first[Int(compact[Int(tails[i])]) + 1] += 1
      first[Int(compact[Int(heads[i])]) + 1] += 1
    }
    for v in 0 ..< nodes { first[v + 1] += first[v] }
    let total = Int(first[nodes])
    var next = first
    var arcs = [Arc](repeating: Arc(head: 0, weight: 0, residual: 0, pairCapacity: 0), count: total)
    var partner = [Int32](repeating: 0, count: total)
    var forwardArc = [Int32](repeating: -1, count: arcCount)
    let unit = Int64(max(1, longestCycle)) + 1
    var largest: Int64 = 0
    for i in 0 ..< arcCount where isArc(i) {
      let u = Int(compact[Int(tails[i])])
      let v = Int(compact[Int(heads[i])])
      let a = Int(next[u])
      next[u] += 1
      let b = Int(next[v])
      next[v] += 1
      let w = weights?[i] ?? 1
      arcs[a] = Arc(head: Int32(v), weight: Int32(-w), residual: capacities[i], pairCapacity: capacities[i])
      arcs[b] = Arc(head: Int32(u), weight: Int32(w), residual: 0, pairCapacity: capacities[i])
      partner[a] = Int32(b)
      partner[b] = Int32(a)
      largest = max(largest, w * unit)
      forwardArc[i] = Int32(a)
    }
    self.nodeCount = nodes
    self.first = first
    self.arcs = arcs
    self.partner = partner
    self.node = (0 ..< nodes).map { Node(current: first[$0]) }
    self.forwardArc = forwardArc
    self.compactNode = compact
    self.costUnit = unit
    self.largestCost = largest
    self.queue = [Int32](repeating: 0, count: max(1, nodes))
    // Goldberg and Tarjan bound a price drop in one refine by 3nε.
    self.bucketHead = [Int32](repeating: -1, count: 3 * nodes + 4)
  }

  /// Runs refines from `ε = largestCost / firstScalingFactor` down to
  /// `ε = 1`, stopping early once the circulation is proven optimal.
  ///
  /// When ``stop`` fires, the arcs go back to the circulation of the last
  /// refine completed (each one ends balanced), or to zero flow; a copy of
  /// the arcs is kept for that, only when ``stop`` is set.
  mutating func solve() {
    guard nodeCount > 0 else { return }
    var epsilon = largestCost
    var kept = stop == nil ? [] : arcs
    repeat {
      let factor = refineCount == 0 ? CostScalingCirculation.firstScalingFactor : CostScalingCirculation.scalingFactor
      epsilon = max(1, epsilon / factor)
      if stopped == nil, let reason = stop?.reason { stopped = reason }
      if stopped == nil { refine(epsilon: epsilon) }
      if stopped != nil {
        arcs = kept
        return
      }
      if stop != nil { kept = arcs }
      if epsilon > 1, hasOptimalityCertificate() { break }
    } while epsilon > 1
  }

  /// Flows and prices in terms of the input arcs and nodes.
  func solution(capacities: [Int64]) -> Solution {
    var flow = [Int64](repeating: 0, count: forwardArc.count)
    for i in forwardArc.indices {
      let a = Int(forwardArc[i])
      // A forward arc's flow is its partner's residual capacity.
      flow[i] = a >= 0 ? arcs[Int(partner[a])].residual : (capacities[i] > 0 ? capacities[i] : 0)
    }
    var inputPrice = [Int64](repeating: 0, count: compactNode.count)
    for v in compactNode.indices where compactNode[v] >= 0 {
      inputPrice[v] = node[Int(compactNode[v])].price
    }
    return Solution(flow: flow, price: inputPrice, costUnit: costUnit, refines: refineCount)
  }

  // MARK: - Refine

  /// Turns a `(ε · scalingFactor)`-optimal circulation into an `ε`-optimal one.
  mutating func refine(epsilon: Int64) {
    refineCount += 1
    // Saturate every residual arc of negative reduced cost: now every reduced
    // cost is at least 0, but nodes have excesses and deficits.
    for v in 0 ..< nodeCount {
      let pv = node[v].price
      for a in Int(first[v]) ..< Int(first[v + 1]) where arcs[a].residual > 0 {
        let w = Int(arcs[a].head)
        if Int64(arcs[a].weight) * costUnit + pv - node[w].price < 0 {
          let r = arcs[a].residual
          arcs[a].residual = 0
          arcs[Int(partner[a])].residual += r
          node[v].excess -= r
          node[w].excess += r
        }
      }
    }
    for v in 0 ..< nodeCount {
      node[v].current = first[v]
      if node[v].excess > 0 { enqueue(v) }
    }
    guard queueCount > 0 else { return }
    updatePrices(epsilon: epsilon)
    var relabelsSinceUpdate = 0
    var augmentations = 0
    while queueCount > 0 {
      let start = Int(queue[queueHead])
      if node[start].excess <= 0 {
        queueHead = queueHead + 1 == queue.count ? 0 : queueHead + 1
        queueCount -= 1
        node[start].isQueued = false
        continue
      }
      relabelsSinceUpdate += augment(from: start, epsilon: epsilon)
      augmentations &+= 1
      if augmentations & 0xFF == 0, let reason = stop?.reason {
        stopped = reason
        return
      }
      if relabelsSinceUpdate >= nodeCount {
        updatePrices(epsilon: epsilon)
        relabelsSinceUpdate = 0
      }
    }
  }

  private mutating func enqueue(_ v: Int) {
    guard !node[v].isQueued else { return }
    node[v].isQueued = true
    var tail = queueHead + queueCount
    if tail >= queue.count { tail -= queue.count }
    queue[tail] = Int32(v)
    queueCount += 1
  }

  /// Partial augment–relabel from `start`: extends an admissible path along
  /// current arcs, relabelling the tip and stepping back where it is stuck,
  /// until the path has ``maximumPathLength`` arcs or reaches a deficit; then
  /// pushes along it. Returns the number of relabels.
  private mutating func augment(from start: Int, epsilon: Int64) -> Int {
    var relabels = 0
    path.removeAll(keepingCapacity: true)
    var tip = start
    while path.count < CostScalingCirculation.maximumPathLength, node[tip].excess >= 0 {
      let pt = node[tip].price
      let end = Int(first[tip + 1])
      var a = Int(node[tip].current)
      while a < end {
        if arcs[a].residual > 0, Int64(arcs[a].weight) * costUnit + pt - node[Int(arcs[a].head)].price < 0 { break }
        a += 1
      }
      if a < end {
        node[tip].current = Int32(a)
        path.append(Int32(a))
        tip = Int(arcs[a].head)
        continue
      }
      // Relabel: lower the tip's price until its cheapest residual arc has
      // reduced cost −ε. The arc back along the path will gain residual
      // capacity, so it counts too.
      var best = Int64.min
      for b in Int(first[tip]) ..< end where arcs[b].residual > 0 {
        let candidate = node[Int(arcs[b].head)].price - Int64(arcs[b].weight) * costUnit
        if candidate > best { best = candidate }
      }
      if let last = path.last {
        let back = Int(partner[Int(last)])
        best = max(best, node[Int(arcs[back].head)].price - Int64(arcs[back].weight) * costUnit)
      }
      // A node with excess always has a residual arc back to where the excess
      // came from; the guard only keeps the arithmetic safe.
      if best != Int64.min { node[tip].price = best - epsilon }
      node[tip].current = first[tip]
      relabels += 1
      if let last = path.popLast() { tip = Int(arcs[Int(partner[Int(last)])].head) }
    }
    var u = start
    for arc in path {
      let a = Int(arc)
      let v = Int(arcs[a].head)
      let delta = min(arcs[a].residual, node[u].excess)
      arcs[a].residual -= delta
      arcs[Int(partner[a])].residual += delta
      node[u].excess -= delta
      node[v].excess += delta
      if node[v].excess > 0 { enqueue(v) }
      u = v
    }
    augmentCount += 1
    relabelCount += relabels
    return relabels
  }

  // MARK: - Global price update

  /// Lowers prices so that every node with excess gets an admissible path
  /// towards a node with deficit (Goldberg 1997, "price update").
  ///
  /// `d(v)` is the shortest distance from `v` to a deficit node over residual
  /// arcs of length `⌊rc/ε⌋ + 1 >= 0`; prices become `p(v) − ε·d(v)`, which
  /// keeps ε-optimality and makes shortest-path arcs admissible. The search runs
  /// backwards from the deficits in buckets (Dial's algorithm) and stops once
  /// every active node is reached; nodes not reached get the level it stopped at.
  private mutating func updatePrices(epsilon: Int64) {
    priceUpdateCount += 1
    let limit = bucketHead.count - 1
    var activeLeft = 0
    entryNode.removeAll(keepingCapacity: true)
    entryNext.removeAll(keepingCapacity: true)
    for v in 0 ..< nodeCount {
      node[v].isScanned = false
      node[v].distance = Int64.max
      if node[v].excess > 0 { activeLeft += 1 }
      if node[v].excess < 0 {
        node[v].distance = 0
        entryNode.append(Int32(v))
        entryNext.append(bucketHead[0])
        bucketHead[0] = Int32(entryNode.count - 1)
      }
    }
    progress?(refineCount, activeLeft, nodeCount)
    let inverseEpsilon = 1 / Double(epsilon)
    var level = 0
    var highest = 0
    scan: while level <= limit {
      while bucketHead[level] >= 0 {
        let entry = Int(bucketHead[level])
        bucketHead[level] = entryNext[entry]
        let w = Int(entryNode[entry])
        if node[w].isScanned || node[w].distance != Int64(level) { continue }
        node[w].isScanned = true
        if node[w].excess > 0 {
          activeLeft -= 1
          if activeLeft == 0 { break scan }
        }
        let pw = node[w].price
        for a in Int(first[w]) ..< Int(first[w + 1]) {
          // The partner arc head → w has the rest of the pair's capacity
          // and the opposite cost: no random access to it.
          guard arcs[a].pairCapacity > arcs[a].residual else { continue }
          let v = Int(arcs[a].head)
          // A scanned v has distance <= level <= candidate: no check needed.
          let reducedCost = node[v].price - Int64(arcs[a].weight) * costUnit - pw
          var length: Int64 = 0
          if reducedCost >= 0 {
            // ⌊rc/ε⌋ + 1 without an integer division: a floating estimate,
            // corrected down to the exact floor.
            var quotient = Int64(Double(reducedCost) * inverseEpsilon)
            while quotient > 0, quotient * epsilon > reducedCost { quotient -= 1 }
            while (quotient + 1) * epsilon <= reducedCost { quotient += 1 }
            length = quotient + 1
          }
          let candidate = Int64(level) + length
          if candidate < node[v].distance, candidate <= Int64(limit) {
            node[v].distance = candidate
            let bucket = Int(candidate)
            entryNode.append(Int32(v))
            entryNext.append(bucketHead[bucket])
            bucketHead[bucket] = Int32(entryNode.count - 1)
            if bucket > highest { highest = bucket }
          }
        }
      }
      level += 1
    }
    let stop = Int64(min(level, limit))
    for bucket in 0 ... min(highest, limit) { bucketHead[bucket] = -1 }
    for v in 0 ..< nodeCount {
      let d = node[v].isScanned ? node[v].distance : stop
      if d > 0 {
        node[v].price -= epsilon * d
        node[v].current = first[v]
      }
    }
  }

  // MARK: - Early termination

  /// Whether the circulation is already optimal, proven by integer potentials
  /// `π` of the unscaled costs (`−weight` forward, `+weight` backward) with
  /// non-negative reduced cost on every residual arc. A label-correcting
  /// search (FIFO Bellman–Ford) starts from the prices divided by `costUnit`
  /// and gives up after about four scans of every arc (a negative cycle would
  /// keep it going). On success prices become `π · costUnit`, an exact
  /// certificate, and no further refine is needed.
  ///
  /// - Complexity: O(*n* + *m*) time and space.
  mutating func hasOptimalityCertificate() -> Bool {
    var label = [Int64](repeating: 0, count: nodeCount)
    for v in 0 ..< nodeCount {
      let p = node[v].price  // floor division
      label[v] = p >= 0 ? p / costUnit : -((-p + costUnit - 1) / costUnit)
    }
    var budget = 4 * arcs.count + nodeCount
    var isWaiting = [Bool](repeating: true, count: nodeCount)
    var fifo = (0 ..< nodeCount).map { Int32($0) }
    var position = 0
    while position < fifo.count {
      let u = Int(fifo[position])
      position += 1
      isWaiting[u] = false
      let lu = label[u]
      for a in Int(first[u]) ..< Int(first[u + 1]) where arcs[a].residual > 0 {
        let v = Int(arcs[a].head)
        let candidate = lu + Int64(arcs[a].weight)
        if candidate < label[v] {
          label[v] = candidate
          if !isWaiting[v] { isWaiting[v] = true; fifo.append(Int32(v)) }
        }
      }
      budget -= Int(first[u + 1] - first[u]) + 1
      if budget < 0 { return false }
      if position >= 1 << 16, position * 2 >= fifo.count {
        fifo.removeFirst(position)
        position = 0
      }
    }
    for v in 0 ..< nodeCount { node[v].price = label[v] * costUnit }
    return true
  }
}
