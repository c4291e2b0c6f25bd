import Testing
@testable import MoneyFlow

/// How a graph stores dates: 5 bytes a flow without times, 9 with times of
/// day, 13 with fractions of a second; the dates read back as written.
@Suite struct FlowGraphDatesTests {
  func build(_ dates: [FlowDate?]) -> FlowGraph {
    var builder = FlowGraphBuilder()
    for (i, date) in dates.enumerated() { builder.addFlow(Flow(from: "c\(i % 3)", to: "c\((i + 1) % 3)", kind: .loan, date: date)) }
    return builder.build()
  }

  @Test func arraysAreLaidOutOnlyWhenNeeded() throws {
    let days = build([FlowDate(year: 2024), nil, FlowDate(year: 2024, month: 5, day: 2)])
    #expect(days.dateClock.isEmpty && days.dateFraction.isEmpty && !days.hasTimesOfDay)
    let times = build([FlowDate(year: 2024), FlowDate(parsing: "2024-05-01T10:00Z"), nil])
    #expect(times.dateClock.count == 3 && times.dateFraction.isEmpty)
    let fractions = build([FlowDate(parsing: "2024-05-01T10:00:00.5"), nil, FlowDate(parsing: "2024-05-01 10:00")])
    #expect(fractions.dateClock.count == 3 && fractions.dateFraction.count == 3)
  }

  /// Random dates of every form: the graph gives back each date and its
  /// instant, and parallel flows sort by instant.
  @Test(arguments: 0 ..< 40)
  func datesReadBack(seed: UInt64) throws {
    var random = TestRandom(seed: seed &+ 9_000)
    var dates: [FlowDate?] = []
    for _ in 0 ..< random.int(1 ... 30) {
      let day = Int32(random.int(-700_000 ... 2_900_000))
      switch random.int(0 ... 3) {
      case 0: dates.append(nil)
      case 1: dates.append(FlowDate(day: day, precision: .day))
      default: dates.append(RandomTimes.dateTime(day: day, &random))
      }
    }
    let graph = build(dates)
    for (flow, date) in dates.enumerated() {
      #expect(graph.date(of: flow) == date, "seed \(seed) flow \(flow)")
      #expect(graph.date(of: flow)?.description == date?.description)
      #expect(graph.time(of: flow) == (date?.seconds ?? FlowGraph.undatedTime))
    }
    for c in graph.companies {
      let out = Array(graph.outgoingFlows(of: c))
      for (a, b) in zip(out, out.dropFirst()) where graph.payee(of: Int(a)) == graph.payee(of: Int(b)) {
        #expect((graph.time(of: Int(a)), a) < (graph.time(of: Int(b)), b))
      }
    }
  }
}
