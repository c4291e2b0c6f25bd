extension FlowGraph {
  /// Why a base currency or rates given from outside do not fit the graph.
  public struct CurrencyOverrideFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Returns the graph with base currency `currency` and `rates` laid over
  /// the document's own: for files that have nowhere to keep them (a CSV
  /// edge list) or to add a missing rate.
  ///
  /// A rate given here replaces the document's rate for the same code. The
  /// base currency can only be named for a graph whose document names none
  /// (or names the same): flows written without a currency are in the
  /// document's currency, and its rates are into it, so changing it would
  /// silently change what every amount means.
  ///
  /// - Throws: ``CurrencyOverrideFailure`` when `currency` is not a 3-letter
  ///   code, differs from the document's, or `rates` hold a rate other than
  ///   1 for the base currency, or rates are given with no base currency.
  /// - Complexity: O(*r* log *r*) for *r* rates; the flows are not copied
  ///   unless the graph is shared.
  public func withCurrency(_ currency: String?, rates: [(code: String, rate: Amount)]) throws(CurrencyOverrideFailure) -> FlowGraph {
    var graph = self
    if let currency {
      guard CurrencyCode.isValid(currency) else {
        throw CurrencyOverrideFailure(description: "'\(currency)' is not a 3-letter currency code such as USD")
      }
      if let own = self.currency, own != currency {
        throw CurrencyOverrideFailure(
          description: "the file's base currency is \(own), not \(currency); --currency names the base currency of a file that has none")
      }
      graph.currency = currency
    }
    guard !rates.isEmpty else { return graph }
    guard let base = graph.currency else {
      throw CurrencyOverrideFailure(description: "rates need a base currency: give --currency CODE (the file names none)")
    }
    if let own = rates.first(where: { $0.code == base }), own.rate.doubleValue != 1 {
      throw CurrencyOverrideFailure(description: "\(base) is the base currency; its rate is 1, not \(own.rate)")
    }
    var merged = graph.rates.filter { old in !rates.contains { $0.code == old.code } }
    merged += rates.filter { $0.code != base }
    graph.rates = merged.sorted { $0.code.precedesInByteOrder($1.code) }
    return graph
  }
}

extension FlowGraph {
  /// The codes of the currencies of `flows` that have an amount but no rate
  /// to the document's base currency (see ``CurrencyConversion``), in byte
  /// order without repeats; empty for a document without a base currency.
  ///
  /// - Complexity: O(*f* · *r*) for *f* flows and *r* rates.
  public func unratedCurrencies(of flows: some Sequence<Int>) -> [String] {
    guard let base = currency else { return [] }
    var codes: [String] = []
    for flow in flows where hasAmount(flow) {
      let code = currencyCode(of: flow)
      if code.isEmpty || code == base || rateCodes.contains(code) || codes.contains(code) { continue }
      codes.append(code)
    }
    return codes.sorted { $0.precedesInByteOrder($1) }
  }
}
