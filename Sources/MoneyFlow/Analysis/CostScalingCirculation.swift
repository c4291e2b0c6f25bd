/// A maximum circulation in a network with integer capacities, found as a
/// minimum-cost circulation (cost −1 a unit on every arc) by cost scaling.
///
/// The solver behind ``MaximumCirculation``. It finds flows `0 <= f <= capacity`
/// on the arcs with inflow equal to outflow at every node and `sum(f)` as large
/// as possible, in exact integer arithmetic.
///
/// The method is Goldberg and Tarjan's cost scaling with push–relabel refines:
/// costs are multiplied by `α = longestCycle + 1`, so that an `ε`-optimal
/// circulation with `ε = 1` is optimal (every residual cycle has at most
/// `longestCycle` arcs, hence reduced cost above `−α`, and a multiple of `α`).
/// `ε` starts at `α` (the zero flow is `α`-optimal) and is divided by
/// ``scalingFactor`` per refine. The first refine saturates every arc, which is
/// the "saturate, then cancel the cheapest way" view of the problem. Each refine
/// discharges active nodes in FIFO order with current-arc pointers and uses
/// Goldberg's global price update (a bucket-based Dijkstra from the deficit
/// nodes) at its start and after every `n` relabels.
///
/// - A. V. Goldberg, R. E. Tarjan, "Finding minimum-cost circulations by
///   successive approximation", Math. Oper. Res. 15 (1990) 430–466.
/// - A. V. Goldberg, "An efficient implementation of a scaling minimum-cost
///   flow algorithm", J. Algorithms 22 (1997) 1–29.
///
/// Everything is iterative; arcs are laid out in compressed sparse row order
/// with each arc's partner (its reverse) beside it.
///
/// - Complexity: O(*n*² *m* log(*n*)) time in the worst case, where *n* is the
///   number of nodes with arcs and *m* the number of arcs, and O(*n* + *m*)
///   space; on money graphs near-linear in practice (see the report).
struct CostScalingCirculation {
  /// How much `ε` shrinks from one refine to the next.
  static let scalingFactor: Int64 = 8

  /// Node count of the compacted network (nodes that have arcs).
  let nodeCount: Int
  /// Arcs of node `v`: `first[v] ..< first[v + 1]`.
  var first: [Int32]
  var head: [Int32]
  var partner: [Int32]
  var residual: [Int64]
  var cost: [Int64]
  var excess: [Int64]
  var price: [Int64]
  var current: [Int32]
  /// The forward arc of each input arc; -1 for self-loops (handled apart).
  let forwardArc: [Int32]
  /// The compact node of each input node, -1 if it has no arcs.
  let compactNode: [Int32]
  let costUnit: Int64

  // FIFO queue of active nodes.
  private var queue: [Int32]
  private var queueHead = 0
  private var queueCount = 0
  private var isQueued: [Bool]

  // Scratch for the global price update.
  private var distance: [Int64]
  private var isScanned: [Bool]
  private var bucketHead: [Int32]
  private var entryNode: [Int32] = []
  private var entryNext: [Int32] = []

  /// Counters, for tests and measurements.
  private(set) var relabelCount = 0
  private(set) var pushCount = 0
  private(set) var priceUpdateCount = 0

  /// The result of ``maximumCirculation(nodeCount:tails:heads:capacities:longestCycle:)``.
  struct Solution {
    /// The circulating amount on each input arc.
    var flow: [Int64]
    /// Node prices certifying optimality: for every arc `(u, v)` with
    /// `flow < capacity`, `−costUnit + price[u] − price[v] >= −1`, and with
    /// `flow > 0`, `costUnit − price[u] + price[v] >= −1`. Prices of nodes
    /// without arcs are 0.
    var price: [Int64]
    /// The factor the unit costs were multiplied by.
    var costUnit: Int64
  }

  /// Returns a maximum circulation of the arcs `tails[i] → heads[i]` with
  /// capacities `capacities[i]`.
  ///
  /// `longestCycle` bounds the number of arcs of a simple cycle of the
  /// network (the size of its largest strongly connected component, or
  /// `nodeCount`); a smaller bound only makes the solver faster. Self-loops
  /// circulate their whole capacity.
  ///
  /// - Precondition: capacities are non-negative and their sum is at most
  ///   2^62; node indices are in `0 ..< nodeCount`.
  /// - Complexity: see ``CostScalingCirculation``.
  static func maximumCirculation(
    nodeCount: Int, tails: [Int32], heads: [Int32], capacities: [Int64], longestCycle: Int
  ) -> Solution {
    var network = CostScalingCirculation(
      nodeCount: nodeCount, tails: tails, heads: heads, capacities: capacities,
      longestCycle: longestCycle)
    network.solve()
    return network.solution(capacities: capacities)
  }

  init(nodeCount inputNodeCount: Int, tails: [Int32], heads: [Int32], capacities: [Int64], longestCycle: Int) {
    let arcCount = tails.count
    // Compact the nodes that carry arcs (self-loops and empty arcs excluded).
    var compact = [Int32](repeating: -1, count: inputNodeCount)
    var n: Int32 = 0
    for i in 0 ..< arcCount where tails[i] != heads[i] && capacities[i] > 0 {
      let (u, v) = (Int(tails[i]), Int(heads[i]))
      if compact[u] < 0 { compact[u] = n; n += 1 }
      if compact[v] < 0 { compact[v] = n; n += 1 }
    }
    let nodes = Int(n)
    // Count arcs per compact node: each input arc gives a forward arc at its
    // tail and a backward arc at its head.
    var first = [Int32](repeating: 0, count: nodes + 1)
    for i in 0 ..< arcCount where tails[i] != heads[i] && capacities[i] > 0 {
      first[Int(compact[Int(tails[i])]) + 1] += 1
      first[Int(compact[Int(heads[i])]) + 1] += 1
    }
    for v in 0 ..< nodes { first[v + 1] += first[v] }
    let total = Int(first[nodes])
    var next = first
    var head = [Int32](repeating: 0, count: total)
    var partner = [Int32](repeating: 0, count: total)
    var residual = [Int64](repeating: 0, count: total)
    var cost = [Int64](repeating: 0, count: total)
    var forwardArc = [Int32](repeating: -1, count: arcCount)
    let unit = Int64(max(1, longestCycle)) + 1
    for i in 0 ..< arcCount where tails[i] != heads[i] && capacities[i] > 0 {
      let u = Int(compact[Int(tails[i])])
      let v = Int(compact[Int(heads[i])])
      let a = Int(next[u])
      next[u] += 1
      let b = Int(next[v])
      next[v] += 1
      head[a] = Int32(v)
      head[b] = Int32(u)
      partner[a] = Int32(b)
      partner[b] = Int32(a)
      residual[a] = capacities[i]
      cost[a] = -unit
      cost[b] = unit
      forwardArc[i] = Int32(a)
    }
    self.nodeCount = nodes
    self.first = first
    self.head = head
    self.partner = partner
    self.residual = residual
    self.cost = cost
    self.excess = [Int64](repeating: 0, count: nodes)
    self.price = [Int64](repeating: 0, count: nodes)
    self.current = Array(first.dropLast())
    self.forwardArc = forwardArc
    self.compactNode = compact
    self.costUnit = unit
    self.queue = [Int32](repeating: 0, count: max(1, nodes))
    self.isQueued = [Bool](repeating: false, count: nodes)
    self.distance = [Int64](repeating: 0, count: nodes)
    self.isScanned = [Bool](repeating: false, count: nodes)
    self.bucketHead = [Int32](repeating: -1, count: bucketLimit(nodes: nodes) + 1)
  }

  /// Runs the refines from `ε = α / scalingFactor` down to `ε = 1`.
  mutating func solve() {
    guard nodeCount > 0 else { return }
    var epsilon = costUnit
    repeat {
      epsilon = max(1, epsilon / CostScalingCirculation.scalingFactor)
      refine(epsilon: epsilon)
    } while epsilon > 1
  }

  /// Flows and prices in terms of the input arcs and nodes.
  func solution(capacities: [Int64]) -> Solution {
    var flow = [Int64](repeating: 0, count: forwardArc.count)
    for i in forwardArc.indices {
      let a = Int(forwardArc[i])
      // A forward arc's flow is its partner's residual capacity.
      flow[i] = a >= 0 ? residual[Int(partner[a])] : capacities[i]
    }
    var inputPrice = [Int64](repeating: 0, count: compactNode.count)
    for v in compactNode.indices where compactNode[v] >= 0 {
      inputPrice[v] = price[Int(compactNode[v])]
    }
    return Solution(flow: flow, price: inputPrice, costUnit: costUnit)
  }

  // MARK: - Refine

  /// Turns an `(ε · scalingFactor)`-optimal circulation into an `ε`-optimal one.
  mutating func refine(epsilon: Int64) {
    // Saturate every residual arc of negative reduced cost: now no arc is
    // admissible and every reduced cost is at least −ε, but nodes have excesses.
    for v in 0 ..< nodeCount {
      let pv = price[v]
      for a in Int(first[v]) ..< Int(first[v + 1]) where residual[a] > 0 {
        let w = Int(head[a])
        if cost[a] + pv - price[w] < 0 {
          let r = residual[a]
          residual[a] = 0
          residual[Int(partner[a])] += r
          excess[v] -= r
          excess[w] += r
        }
      }
    }
    for v in 0 ..< nodeCount {
      current[v] = first[v]
      if excess[v] > 0 { enqueue(v) }
    }
    guard queueCount > 0 else { return }
    updatePrices(epsilon: epsilon)
    var relabelsSinceUpdate = 0
    while queueCount > 0 {
      let v = Int(queue[queueHead])
      queueHead = queueHead + 1 == queue.count ? 0 : queueHead + 1
      queueCount -= 1
      isQueued[v] = false
      relabelsSinceUpdate += discharge(v, epsilon: epsilon)
      if relabelsSinceUpdate >= nodeCount, queueCount > 0 {
        updatePrices(epsilon: epsilon)
        relabelsSinceUpdate = 0
      }
    }
  }

  private mutating func enqueue(_ v: Int) {
    guard !isQueued[v] else { return }
    isQueued[v] = true
    var tail = queueHead + queueCount
    if tail >= queue.count { tail -= queue.count }
    queue[tail] = Int32(v)
    queueCount += 1
  }

  /// Pushes the excess of `v` along admissible arcs, relabelling when none is
  /// left, until the excess is gone. Returns the number of relabels.
  private mutating func discharge(_ v: Int, epsilon: Int64) -> Int {
    var relabels = 0
    let end = Int(first[v + 1])
    while excess[v] > 0 {
      var a = Int(current[v])
      let pv = price[v]
      while a < end {
        if residual[a] > 0 {
          let w = Int(head[a])
          if cost[a] + pv - price[w] < 0 {
            let delta = min(excess[v], residual[a])
            residual[a] -= delta
            residual[Int(partner[a])] += delta
            excess[v] -= delta
            excess[w] += delta
            pushCount += 1
            if excess[w] > 0 { enqueue(w) }
            if excess[v] == 0 { break }
          }
        }
        a += 1
      }
      if a < end {
        current[v] = Int32(a)
      } else {
        relabel(v, epsilon: epsilon)
        relabels += 1
      }
    }
    return relabels
  }

  /// Lowers the price of `v` as far as ε-optimality allows: afterwards its
  /// cheapest residual arc has reduced cost exactly −ε.
  private mutating func relabel(_ v: Int, epsilon: Int64) {
    var best = Int64.min
    for a in Int(first[v]) ..< Int(first[v + 1]) where residual[a] > 0 {
      let candidate = price[Int(head[a])] - cost[a]
      if candidate > best { best = candidate }
    }
    // A node with excess always has a residual arc back to where the excess
    // came from; the guard only keeps the arithmetic safe.
    if best != Int64.min { price[v] = best - epsilon }
    current[v] = first[v]
    relabelCount += 1
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
      isScanned[v] = false
      distance[v] = Int64.max
      if excess[v] > 0 { activeLeft += 1 }
      if excess[v] < 0 {
        distance[v] = 0
        entryNode.append(Int32(v))
        entryNext.append(bucketHead[0])
        bucketHead[0] = Int32(entryNode.count - 1)
      }
    }
    var level = 0
    var highest = 0
    scan: while level <= limit {
      while bucketHead[level] >= 0 {
        let entry = Int(bucketHead[level])
        bucketHead[level] = entryNext[entry]
        let w = Int(entryNode[entry])
        if isScanned[w] || distance[w] != Int64(level) { continue }
        isScanned[w] = true
        if excess[w] > 0 {
          activeLeft -= 1
          if activeLeft == 0 { break scan }
        }
        let pw = price[w]
        for a in Int(first[w]) ..< Int(first[w + 1]) {
          let b = Int(partner[a])  // the arc head[a] → w
          guard residual[b] > 0 else { continue }
          let v = Int(head[a])
          if isScanned[v] { continue }
          let reducedCost = cost[b] + price[v] - pw
          let length = reducedCost >= 0 ? reducedCost / epsilon + 1 : 0
          let candidate = Int64(level) + length
          if candidate < distance[v], candidate <= Int64(limit) {
            distance[v] = candidate
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
      let d = isScanned[v] ? distance[v] : stop
      if d > 0 {
        price[v] -= epsilon * d
        current[v] = first[v]
      }
    }
  }
}

/// The largest distance level the price update searches: Goldberg and
/// Tarjan bound a node's price drop in one refine by 3*n*ε.
private func bucketLimit(nodes: Int) -> Int { 3 * nodes + 3 }
