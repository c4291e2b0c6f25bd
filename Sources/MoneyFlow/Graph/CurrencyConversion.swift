/// Converts flow amounts of a graph into one base currency.
///
/// The base currency is the document's `currency`; a document without one
/// may still compare amounts if all of them share one currency, and amounts
/// in several currencies without a base currency are an error naming a flow.
/// A currency that has no rate to the base currency in the document's
/// `rates` is *unrated*: its flows have an unknown value in the base
/// currency (``value(of:in:)`` is nil, as for an undisclosed amount), so a
/// link, cycle or total that needs them is unknown. Amounts in different
/// currencies are never silently mixed.
public struct CurrencyConversion: Sendable {
  /// The base currency code; empty if the amounts name no currency at all.
  public let baseCurrency: String
  /// Base-currency units per unit, by index into the graph's currency table;
  /// NaN for a currency without a rate.
  let factor: [Double]
  /// The codes used by included flows with an amount that have no rate to
  /// the base currency, in byte order, with how many such flows use each.
  public let unrated: [(code: String, flows: Int)]

  /// Why amounts cannot be compared in one currency.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var currency: String
    public var baseCurrency: String
    public var flowDescription: String
    public var description: String {
      if baseCurrency.isEmpty {
        return "\(flowDescription) is in \(currency.isEmpty ? "no currency" : currency), "
          + "other flows in other currencies, and the document names no base currency: "
          + "add \"currency\" and a \"rates\" table to compare them"
      }
      return "\(flowDescription) is in \(currency), which has no rate to \(baseCurrency): "
        + "add \"\(currency)\" to the document's \"rates\""
    }
  }

  /// Prepares the conversion for `graph`.
  ///
  /// Only flows for which `includes` is true count in ``unrated``.
  ///
  /// - Throws: ``Failure`` naming a flow when included amounts are in two or
  ///   more currencies and the document names no base currency.
  /// - Complexity: O(*E*).
  public init(graph: FlowGraph, includes: (Int) -> Bool = { _ in true }) throws(Failure) {
    let codes = graph.currencyCodes
    var used = [Int](repeating: -1, count: codes.count)  // first flow using each currency
    var uses = [Int](repeating: 0, count: codes.count)
    for flow in 0 ..< graph.flowCount where graph.hasAmount(flow) && includes(flow) {
      let c = graph.currencyIndex(of: flow)
      if used[c] < 0 { used[c] = flow }
      uses[c] += 1
    }
    let base: String
    if let documentCurrency = graph.currency {
      base = documentCurrency
    } else {
      let named = codes.indices.filter { used[$0] >= 0 && !codes[$0].isEmpty }
      if named.count > 1 {
        let flow = used[named[1]]
        throw Failure(currency: codes[named[1]], baseCurrency: "", flowDescription: graph.describeFlow(flow))
      }
      base = named.first.map { codes[$0] } ?? ""
    }
    var factor = [Double](repeating: .nan, count: codes.count)
    var unrated: [(code: String, flows: Int)] = []
    for (c, code) in codes.enumerated() {
      if code.isEmpty || code == base {
        factor[c] = 1
      } else if let rate = graph.rateValues.indices.first(where: { graph.rateCodes[$0] == code }) {
        factor[c] = graph.rateValues[rate].doubleValue
      } else if uses[c] > 0 {
        unrated.append((code, uses[c]))
      }
    }
    self.baseCurrency = base
    self.factor = factor
    self.unrated = unrated.sorted { $0.code.precedesInByteOrder($1.code) }
  }

  /// Whether amounts in the currency at `currencyIndex` convert to the base currency.
  public func hasRate(currencyIndex: Int) -> Bool { !factor[currencyIndex].isNaN }

  /// Whether `flow` has an amount that does not convert: its currency has no rate.
  public func isUnrated(_ flow: Int, in graph: FlowGraph) -> Bool {
    graph.hasAmount(flow) && factor[graph.currencyIndex(of: flow)].isNaN
  }

  /// The amount of `flow` in the base currency, or nil when undisclosed or
  /// when its currency has no rate.
  public func value(of flow: Int, in graph: FlowGraph) -> Double? {
    guard let value = graph.amountValue(of: flow) else { return nil }
    let factor = factor[graph.currencyIndex(of: flow)]
    return factor.isNaN ? nil : value * factor
  }

  /// Converts an amount written in the currency at `currencyIndex`; NaN if
  /// that currency has no rate.
  public func value(_ amount: Amount, currencyIndex: Int) -> Double {
    amount.doubleValue * factor[currencyIndex]
  }
}
