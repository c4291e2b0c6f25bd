/// A component waiting to be searched in Johnson's splitting, with its
/// smallest company.
struct PendingComponent: Sendable {
  var start: Int32
  var members: [Int32]
}

/// Components waiting to be searched, smallest start company first
/// (a binary min-heap), so that starts come in ascending order.
struct PendingComponents {
  private var heap: [PendingComponent] = []

  var smallestStart: Int32? { heap.first?.start }

  mutating func insert(_ members: [Int32]) {
    insert(PendingComponent(start: members.min() ?? 0, members: members))
  }

  mutating func insert(_ component: PendingComponent) {
    heap.append(component)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].start < heap[parent].start else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// - Precondition: not empty.
  mutating func removeSmallest() -> PendingComponent {
    heap.swapAt(0, heap.count - 1)
    let smallest = heap.removeLast()
    var parent = 0
    while true {
      var least = parent
      for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && heap[child].start < heap[least].start {
        least = child
      }
      if least == parent { break }
      heap.swapAt(parent, least)
      parent = least
    }
    return smallest
  }
}

/// Splits a component, minus one company, into strongly connected
/// components: Johnson's step from one start company to the next.
///
/// After the cycles through the smallest company `s` of a component are
/// found, every other cycle of the component avoids `s`, so it lies inside
/// one strongly connected component of what remains. Splitting again and
/// again, always taking the pending component with the smallest company,
/// gives the start companies in ascending order, and each split is paid for
/// by at least one cycle (Johnson 1975).
struct ComponentSplitter {
  let links: LinkGraph
  private var tarjan: TarjanWorkspace
  private let isMember: WorkBuffer<Bool>

  init(links: LinkGraph) {
    self.links = links
    tarjan = TarjanWorkspace(nodeCount: links.companyCount)
    isMember = WorkBuffer(repeating: false, count: links.companyCount)
  }

  /// Splits `component` without its start company, adds the parts that have
  /// a cycle to `pending`, and returns how many companies were dropped (in
  /// parts without a cycle).
  ///
  /// - Complexity: O(*n* + *e*) in the size of the component, iterative.
  mutating func split(_ component: PendingComponent, into pending: inout PendingComponents, links: LinkGraph) -> Int {
    var dropped = 0
    split(component.members, removing: component.start) { part in
      if part.count > 1 || links.hasSelfLink(part[part.startIndex]) {
        pending.insert(Array(part))
      } else {
        dropped += 1
      }
    }
    return dropped
  }

  /// Calls `body` with each strongly connected component of `members`
  /// without `removed`.
  ///
  /// - Complexity: O(*n* + *e*) in the size of the component, iterative.
  mutating func split(_ members: [Int32], removing removed: Int32, _ body: (ArraySlice<Int32>) -> Void) {
    let rest = members.filter { $0 != removed }
    for v in rest { isMember[Int(v)] = true }
    tarjan.components(of: rest, start: links.linkStart, target: links.linkTarget, isMember: isMember, body)
    for v in rest { isMember[Int(v)] = false }
  }
}
