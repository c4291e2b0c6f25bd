/// The blocking lists ("B-lists") of Johnson's algorithm, kept per *link*,
/// shared by the elementary searches (Johnson's, Gupta–Suzumura's) and the
/// time-respecting one: the list of company `w` chains the links `v → w`
/// whose payer `v` waits for `w`, through `next`; `isListed` makes insertion
/// O(1) without duplicates. Fixed-size buffers, nothing allocated per step.
struct BlockLists {
  /// First link of each company's list; -1 for an empty list.
  let head: WorkBuffer<Int32>
  /// Next link of the list a link is in; -1 at the end.
  let next: WorkBuffer<Int32>
  /// Whether a link is in a list.
  let isListed: WorkBuffer<Bool>

  init(companyCount: Int, linkCount: Int) {
    head = WorkBuffer(repeating: -1, count: companyCount)
    next = WorkBuffer(repeating: -1, count: linkCount)
    isListed = WorkBuffer(repeating: false, count: linkCount)
  }

  /// Adds link `l` to the list of its payee `w`, unless it is listed.
  ///
  /// - Returns: whether it was added.
  /// - Complexity: O(1).
  @inline(__always)
  func add(_ l: Int, waitingFor w: Int32) -> Bool {
    guard !isListed[l] else { return false }
    isListed[l] = true
    next[l] = head[Int(w)]
    head[Int(w)] = Int32(l)
    return true
  }

  /// Empties the list of `v`.
  ///
  /// - Complexity: O(length of the list).
  @inline(__always)
  func clear(_ v: Int32) {
    var e = head[Int(v)]
    while e >= 0 {
      isListed[Int(e)] = false
      e = next[Int(e)]
    }
    head[Int(v)] = -1
  }

  /// Empties the list of `x`, calling `body` with the payer of each of its
  /// links (the companies that waited for `x`).
  ///
  /// - Complexity: O(length of the list).
  @inline(__always)
  func release(_ x: Int32, payers links: LinkGraph, _ body: (Int32) -> Void) {
    var e = head[Int(x)]
    head[Int(x)] = -1
    while e >= 0 {
      let following = next[Int(e)]
      isListed[Int(e)] = false
      body(links.linkSource[Int(e)])
      e = following
    }
  }
}

extension LinkGraph {
  /// Breadth-first search backwards from `start` inside its component
  /// (`componentOf`): each payer `u` of a link into a company found within
  /// `maxDepth − 1` links (or into `start`) that `admit(u, d)` takes at
  /// distance `d` is recorded in `distance` and queued (`queue`, emptied
  /// first). `admit` must mark `u` so that it takes it once.
  ///
  /// - Complexity: O(*n* + *e*) for the *n* companies found and the *e* links
  ///   entering them.
  @inline(__always)
  func searchBackward(
    from start: Int32, maxDepth: Int32, componentOf: [Int32], distance: WorkBuffer<Int32>, queue: inout [Int32],
    admit: (Int32, Int32) -> Bool
  ) {
    queue.removeAll(keepingCapacity: true)
    let component = componentOf[Int(start)]
    var head = -1
    var x = start
    var depth: Int32 = 0
    while true {
      if depth < maxDepth {
        for slot in Int(inStart[Int(x)]) ..< Int(inStart[Int(x) + 1]) {
          let u = linkSource[Int(inLinks[slot])]
          guard componentOf[Int(u)] == component, admit(u, depth + 1) else { continue }
          distance[Int(u)] = depth + 1
          queue.append(u)
        }
      }
      head += 1
      guard head < queue.count else { break }
      x = queue[head]
      depth = distance[Int(x)]
    }
  }
}
