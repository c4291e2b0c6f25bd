/// Exchange rates given outside a graph document: on the command line as
/// `EUR=1.08,JPY=0.0066`, or in a JSON file `{"EUR": 1.08, "JPY": 0.0066}`.
///
/// Each rate converts one unit of its currency into the base currency, as in
/// a graph document's `"rates"`.
public enum RatesTable {
  /// Why a rates list cannot be read; `description` is a sentence for a usage message.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Parses a comma-separated list `CODE=RATE[,CODE=RATE...]`.
  ///
  /// Codes are 3 capital letters; rates are numbers greater than zero
  /// (`1.08`, `6.6e-3`); a code may appear once.
  ///
  /// - Complexity: O(*n*) in the length of `text`, plus O(*k*²) code comparisons for *k* rates.
  public static func parse(list text: String) -> Result<[(code: String, rate: Amount)], Failure> {
    var rates: [(code: String, rate: Amount)] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pieces.count == 2 else {
        return .failure(Failure(description: "'\(part)' is not CODE=RATE; expected e.g. EUR=1.08,JPY=0.0066"))
      }
      let code = String(pieces[0]), value = String(pieces[1])
      switch check(code: code, rate: value, seen: rates.map(\.code)) {
      case .success(let rate): rates.append((code, rate))
      case .failure(let failure): return .failure(failure)
      }
    }
    return .success(rates)
  }

  /// Reads a rates file: one JSON object mapping codes to rates (numbers or
  /// strings such as `"0.0066"`).
  ///
  /// - Throws: ``InputError`` naming the file, line and column of the first problem.
  /// - Complexity: O(*n*) in the size of the file, plus O(*k*²) for *k* rates.
  public static func read(path: String) throws(InputError) -> [(code: String, rate: Amount)] {
    var parser = JSONParser(bytes: try FileIO.read(path), file: path)
    let root = try parser.parseDocument()
    guard case .object(let members) = root.value else {
      throw parser.error(.invalidValue, at: root.offset, "is \(root.typeName); expected an object of rates such as {\"EUR\": 1.08, \"JPY\": 0.0066}")
    }
    var rates: [(code: String, rate: Amount)] = []
    for (code, node) in members {
      let text: String
      switch node.value {
      case .number(let t), .string(let t): text = t
      default: throw parser.error(.invalidValue, at: node.offset, "rate of \"\(code)\" is \(node.typeName); expected a number such as 1.08")
      }
      switch check(code: code, rate: text, seen: rates.map(\.code)) {
      case .success(let rate): rates.append((code, rate))
      case .failure(let failure):
        var error = parser.error(.invalidValue, at: node.offset, failure.description)
        error.field = code
        throw error
      }
    }
    return rates
  }

  /// Validates one code and rate.
  private static func check(code: String, rate text: String, seen: [String]) -> Result<Amount, Failure> {
    guard CurrencyCode.isValid(code) else {
      return .failure(Failure(description: "'\(code)' is not a 3-letter currency code such as EUR"))
    }
    guard !seen.contains(code) else { return .failure(Failure(description: "\(code) has two rates")) }
    guard case .success(let rate) = Amount.parse(text), rate.significand > 0 else {
      return .failure(Failure(description: "the rate of \(code), '\(text)', is not a number greater than zero"))
    }
    return .success(rate)
  }
}
