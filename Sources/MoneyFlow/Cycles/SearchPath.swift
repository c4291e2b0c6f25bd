/// The frame stack of a depth-first cycle search, shared by the elementary
/// searches (``CycleSearcher``) and the time-respecting one
/// (``TemporalCycleSearcher``), sized once for the graph so that nothing is
/// allocated per step: per depth, the company on the path (`node`), what
/// leaves it (`hop`: a link, or for chains a flow) and the cursor into what
/// may leave it next (`cursor`: a link, or a flow entry); per company,
/// whether it is on the path (`onPath`).
struct SearchPath {
  let node: WorkBuffer<Int32>
  let hop: WorkBuffer<Int32>
  let cursor: WorkBuffer<Int32>
  let onPath: WorkBuffer<Bool>

  init(companyCount n: Int) {
    node = WorkBuffer(repeating: 0, count: n + 1)
    hop = WorkBuffer(repeating: 0, count: n + 1)
    cursor = WorkBuffer(repeating: 0, count: n + 1)
    onPath = WorkBuffer(repeating: false, count: n)
  }

  /// Takes the companies of `node[0 ... depth]` off the path.
  ///
  /// - Complexity: O(`depth`).
  @inline(__always)
  func leave(through depth: Int) {
    for i in 0 ... depth { onPath[Int(node[i])] = false }
  }

  /// Hands the cycle `node[0 ... depth]`, hops `hop[0 ... depth]`, to
  /// `sink`, with its circulating amount: the smallest `values[index[d]]`
  /// (link totals or flow amounts; NaN when one is NaN; not computed when
  /// counting only).
  ///
  /// - Returns: false if the search must stop.
  @inline(__always)
  func emit(depth: Int, into sink: inout CycleSink, values: [Double], at index: WorkBuffer<Int32>) -> Bool {
    var amount = Double.nan
    if !sink.countOnly {
      amount = .infinity
      for d in 0 ... depth {
        let value = values[Int(index[d])]
        if value.isNaN {
          amount = .nan
          break
        }
        if value < amount { amount = value }
      }
    }
    return sink.record(
      nodes: UnsafeBufferPointer(start: node.base, count: depth + 1),
      hops: UnsafeBufferPointer(start: hop.base, count: depth + 1), amount: amount)
  }
}
