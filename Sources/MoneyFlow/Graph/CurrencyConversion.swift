/// Converts flow amounts of a graph into one base currency.
///
/// The base currency is the document's `currency`; a document without one
/// may still compare amounts if all of them share one currency. A currency
/// that has no rate in the document's `rates` is an error naming a flow that
/// uses it: amounts in different currencies are never silently mixed.
public struct CurrencyConversion: Sendable {
  /// The base currency code; empty if the amounts name no currency at all.
  public let baseCurrency: String
  /// Base-currency units per unit, by index into the graph's currency table.
  let factor: [Double]

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
  /// Only flows for which `includes` is true need a rate.
  ///
  /// - Throws: ``Failure`` naming the first flow whose currency cannot be converted.
  /// - Complexity: O(*E*).
  public init(graph: FlowGraph, includes: (Int) -> Bool = { _ in true }) throws(Failure) {
    let codes = graph.currencyCodes
    var used = [Int](repeating: -1, count: codes.count)  // first flow using each currency
    for flow in 0 ..< graph.flowCount where graph.hasAmount(flow) && includes(flow) {
      let c = graph.currencyIndex(of: flow)
      if used[c] < 0 { used[c] = flow }
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
    for (c, code) in codes.enumerated() {
      if code.isEmpty || code == base {
        factor[c] = 1
      } else if let rate = graph.rateValues.indices.first(where: { graph.rateCodes[$0] == code }) {
        factor[c] = graph.rateValues[rate].doubleValue
      } else if used[c] >= 0 {
        throw Failure(currency: code, baseCurrency: base, flowDescription: graph.describeFlow(used[c]))
      }
    }
    self.baseCurrency = base
    self.factor = factor
  }

  /// The amount of `flow` in the base currency, or nil when undisclosed.
  ///
  /// - Precondition: the flow was included when the conversion was made.
  public func value(of flow: Int, in graph: FlowGraph) -> Double? {
    guard let value = graph.amountValue(of: flow) else { return nil }
    return value * factor[graph.currencyIndex(of: flow)]
  }

  /// Converts an amount written in the currency at `currencyIndex`.
  public func value(_ amount: Amount, currencyIndex: Int) -> Double {
    amount.doubleValue * factor[currencyIndex]
  }
}
