/// A flow as the stream named it: its `id`, or its 1-based row when it has none.
public enum FlowReference: Sendable, Hashable {
  case id(String)
  case row(Int)
}

/// The flows a temporal watch still needs, in arrival order, with the
/// companies they touch.
///
/// Flows are numbered by arrival (their *sequence*) and kept in parallel
/// arrays (struct of arrays) from the oldest retained one on; each company's
/// flows out and in are singly linked lists through those arrays, in
/// arrival order. Expiry removes the oldest flow, which is at the head of its
/// payer's and its payee's lists, so it costs O(1); a company left without
/// flows gives its number back for reuse, so memory follows the flows
/// retained, not the history.
struct RetainedFlows: Sendable {
  // Per retained flow, at slot `sequence − base`.
  private(set) var payer: [Int32] = []
  private(set) var payee: [Int32] = []
  private(set) var time: [Int64] = []
  private(set) var reference: [FlowReference] = []
  private var nextOut: [Int] = []
  private var nextIn: [Int] = []
  /// The sequence of slot 0.
  private var base = 0
  /// The sequence of the oldest retained flow.
  private(set) var head = 0

  // Per company number.
  private var outHead: [Int] = []
  private var outTail: [Int] = []
  private var inHead: [Int] = []
  private var inTail: [Int] = []
  private var uses: [Int32] = []
  private(set) var ids: [String] = []
  private var index: [String: Int32] = [:]
  private var free: [Int32] = []

  static let none = -1

  /// The sequence the next flow gets.
  var end: Int { base + payer.count }

  /// How many flows are retained.
  var count: Int { end - head }

  /// How many company numbers exist (in use or free): the size of arrays indexed by company.
  var companyCapacity: Int { ids.count }

  /// How many companies have retained flows.
  var companyCount: Int { index.count }

  /// The number of company `id`, made (or reused) when new.
  ///
  /// - Complexity: amortized O(1) hashing of the id.
  mutating func number(_ id: String) -> Int32 {
    let (n, isNew) = index.number(of: id, next: free.last ?? Int32(ids.count))
    guard isNew else { return n }
    if n == free.last {
      free.removeLast()
      ids[Int(n)] = id
    } else {
      ids.append(id)
      outHead.append(Self.none)
      outTail.append(Self.none)
      inHead.append(Self.none)
      inTail.append(Self.none)
      uses.append(0)
    }
    return n
  }

  /// Appends a flow `payer → payee` at `time`; returns its sequence.
  ///
  /// - Complexity: amortized O(1).
  @discardableResult
  mutating func append(payer u: Int32, payee v: Int32, time t: Int64, reference r: FlowReference) -> Int {
    let sequence = end
    payer.append(u)
    payee.append(v)
    time.append(t)
    reference.append(r)
    nextOut.append(Self.none)
    nextIn.append(Self.none)
    if outTail[Int(u)] == Self.none { outHead[Int(u)] = sequence } else { nextOut[outTail[Int(u)] - base] = sequence }
    outTail[Int(u)] = sequence
    if inTail[Int(v)] == Self.none { inHead[Int(v)] = sequence } else { nextIn[inTail[Int(v)] - base] = sequence }
    inTail[Int(v)] = sequence
    uses[Int(u)] += 1
    uses[Int(v)] += 1
    return sequence
  }

  /// Removes the oldest flows while `isExpired` holds for their time.
  ///
  /// - Complexity: O(1) amortized per flow removed.
  mutating func expire(while isExpired: (Int64) -> Bool) {
    while head < end, isExpired(time[head - base]) {
      let slot = head - base
      let u = payer[slot], v = payee[slot]
      outHead[Int(u)] = nextOut[slot]
      if outHead[Int(u)] == Self.none { outTail[Int(u)] = Self.none }
      inHead[Int(v)] = nextIn[slot]
      if inHead[Int(v)] == Self.none { inTail[Int(v)] = Self.none }
      release(u)
      release(v)
      head += 1
    }
    let dead = head - base
    if dead >= 4096, dead * 2 >= payer.count {
      payer.removeFirst(dead)
      payee.removeFirst(dead)
      time.removeFirst(dead)
      reference.removeFirst(dead)
      nextOut.removeFirst(dead)
      nextIn.removeFirst(dead)
      base = head
    }
  }

  private mutating func release(_ company: Int32) {
    uses[Int(company)] -= 1
    guard uses[Int(company)] == 0 else { return }
    index[ids[Int(company)]] = nil
    free.append(company)
  }

  /// The first flow out of `company` (a sequence), or ``none``.
  func firstOut(_ company: Int32) -> Int { outHead[Int(company)] }
  /// The flow after `sequence` out of the same payer, or ``none``.
  func nextOut(after sequence: Int) -> Int { nextOut[sequence - base] }
  /// The first flow into `company`, or ``none``.
  func firstIn(_ company: Int32) -> Int { inHead[Int(company)] }
  /// The flow after `sequence` into the same payee, or ``none``.
  func nextIn(after sequence: Int) -> Int { nextIn[sequence - base] }

  func payer(of sequence: Int) -> Int32 { payer[sequence - base] }
  func payee(of sequence: Int) -> Int32 { payee[sequence - base] }
  func time(of sequence: Int) -> Int64 { time[sequence - base] }
  func reference(of sequence: Int) -> FlowReference { reference[sequence - base] }
}
