extension FlowGraph {
  /// Checks the layout in debug builds: offsets monotone, ids in range,
  /// adjacency sorted, parallel arrays of equal length. Does nothing in
  /// release builds.
  ///
  /// - Complexity: O(*V* + *E*) in debug builds.
  func checkInvariants() {
    #if DEBUG
      let n = companyCount
      let e = flowCount
      for array in [payeeIndex.count, kindCode.count, amountSignificand.count, amountExponent.count,
        currencyIndex.count, dayNumber.count, dateForm.count, outFlows.count, inFlows.count]
      {
        assert(array == e, "parallel flow arrays differ in length")
      }
      assert(dateClock.isEmpty || dateClock.count == e, "time-of-day array differs in length")
      assert(dateFraction.isEmpty || dateFraction.count == e, "fraction array differs in length")
      assert(outStart.count == n + 1 && inStart.count == n + 1)
      assert(outStart.last.map(Int.init) == e && inStart.last.map(Int.init) == e)
      for c in 0 ..< n {
        assert(outStart[c] <= outStart[c + 1] && inStart[c] <= inStart[c + 1])
        for slot in Int(outStart[c]) ..< Int(outStart[c + 1]) {
          let flow = Int(outFlows[slot])
          assert(payerIndex[flow] == Int32(c))
          if slot > Int(outStart[c]) {
            let previous = Int(outFlows[slot - 1])
            assert((payeeIndex[previous], time(of: previous), previous) < (payeeIndex[flow], time(of: flow), flow))
          }
        }
        for slot in Int(inStart[c]) ..< Int(inStart[c + 1]) {
          assert(payeeIndex[Int(inFlows[slot])] == Int32(c))
        }
      }
      for i in 1 ..< max(1, n) { assert(companyIDs[i - 1].precedesInByteOrder(companyIDs[i])) }
      for (p, q) in zip(payerIndex, payeeIndex) { assert(p >= 0 && Int(p) < n && q >= 0 && Int(q) < n) }
    #endif
  }
}
