import Testing
@testable import MoneyFlow

@Suite struct StronglyConnectedComponentsTests {
  @Test(arguments: 0 ..< 200)
  func matchesBruteForceReachability(seed: UInt64) {
    let graph = RandomFlowGraphs.make(seed: seed &+ 77, maxCompanies: 8, maxFlows: seed % 2 == 0 ? 10 : 25)
    let kinds: FlowKindSet = seed % 3 == 0 ? .all : .moneyMoving
    let scc = graph.stronglyConnectedComponents(kinds: kinds)
    let n = graph.companyCount
    // reach[u][v]: v reachable from u (u reaches itself).
    var reach = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
    var selfFlow = [Bool](repeating: false, count: n)
    for u in 0 ..< n {
      var stack = [u]
      reach[u][u] = true
      while let x = stack.popLast() {
        for f in 0 ..< graph.flowCount where graph.payer(of: f).index == x && kinds.contains(graph.kind(of: f)) {
          let y = graph.payee(of: f).index
          if y == x { selfFlow[x] = true }
          if !reach[u][y] {
            reach[u][y] = true
            stack.append(y)
          }
        }
      }
    }
    for u in 0 ..< n {
      for v in 0 ..< n {
        let same = scc.component(of: CompanyID(u)) == scc.component(of: CompanyID(v))
        #expect(same == (reach[u][v] && reach[v][u]), "seed \(seed): \(u), \(v)")
      }
    }
    // Canonical numbering: by smallest member; members ascending.
    var expected: [[CompanyID]] = []
    for u in 0 ..< n where !(0 ..< u).contains(where: { reach[u][$0] && reach[$0][u] }) {
      let members = (u ..< n).filter { reach[u][$0] && reach[$0][u] }
      if members.count > 1 || selfFlow[u] { expected.append(members.map { CompanyID($0) }) }
    }
    #expect(scc.cyclicComponents == expected, "seed \(seed)")
    for c in 0 ..< scc.count {
      let members = scc.companies(inComponent: c)
      #expect(members == members.sorted() && members.count == scc.size(ofComponent: c))
      if c > 0 { #expect(scc.companies(inComponent: c - 1)[0] < members[0]) }
    }
  }

  /// A million companies in a chain or a ring: no recursion, linear time.
  @Test(arguments: [false, true])
  func millionCompanies(ring: Bool) throws {
    let n = 1_000_000
    let graph = LargeGraphs.chain(n, ring: ring)
    let scc = graph.stronglyConnectedComponents()
    #expect(scc.count == (ring ? 1 : n))
    #expect(scc.cyclicComponents.count == (ring ? 1 : 0))
    #expect(scc.component(of: CompanyID(n - 1)) == (ring ? 0 : n - 1))
  }

  /// Johnson's search walks a path as long as the ring without recursion
  /// (a recursive search would overflow the stack long before).
  @Test func cycleSearchOnADeepRing() throws {
    let n = 200_000
    let graph = LargeGraphs.chain(n, ring: true)
    let cycles = try graph.elementaryCycles(CycleSearchOptions(limit: 1))
    #expect(cycles.count == 1 && cycles.cycles.first?.length == n)
    #expect(cycles.cycles.first?.circulating == nil)
    #expect(CyclicFlows(graph: graph).count == n)
  }
}
