import Testing
@testable import MoneyFlow

/// Expects two answers of one search (say on one and on two threads) to be
/// the same: count, listed cycles and exposure.
func expectSameAnswer<Found: Equatable, Options>(
  _ one: CycleSearchAnswer<Found, Options>, _ two: CycleSearchAnswer<Found, Options>,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(one.count == two.count, sourceLocation: sourceLocation)
  #expect(one.cycles == two.cycles, sourceLocation: sourceLocation)
  #expect(one.exposure == two.exposure, sourceLocation: sourceLocation)
}

extension FlowGraphBuilder {
  /// A builder in US dollars holding the companies `named` (id, name).
  static func dollars(_ named: [(id: String, name: String)]) -> FlowGraphBuilder {
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    for (id, name) in named { builder.addCompany(Company(id: id, name: name)) }
    return builder
  }
}

/// Whether two circulating amounts are the same: both unknown, or equal up
/// to rounding (the brute forces add in another order).
func isClose(_ a: Double?, _ b: Double?) -> Bool {
  switch (a, b) {
  case (nil, nil): true
  case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
  default: false
  }
}

/// Expects `read` to fail with an ``InputError`` at `line`:`column` whose
/// message starts with `start`.
func expectInputError<T>(
  at line: Int, _ column: Int, startingWith start: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ read: () throws(InputError) -> T
) {
  do {
    _ = try read()
    Issue.record("read without an error; expected \(start)", sourceLocation: sourceLocation)
  } catch {
    #expect(
      error.line == line && error.column == column && error.message.hasPrefix(start), "\(error)",
      sourceLocation: sourceLocation)
  }
}
