/// Generates a seeded transaction file in IBM's AMLworld format (Altman et
/// al., "Realistic Synthetic Financial Transactions for Anti-Money
/// Laundering Models", NeurIPS 2023) with planted laundering patterns.
///
/// The file has AMLworld's exact header (``AMLworldFormat/header``) and reads
/// like one of its `*_Trans.csv` files: rows in time order over
/// ``daySpan`` days from 2022/09/01, accounts known by bank and a 9-digit
/// hexadecimal number (a few numbers recur at two banks, which are two
/// accounts), each account paying in its own currency (AMLworld's names:
/// `US Dollar`, `Euro`, ..., `Bitcoin`), `Amount Received` in the payee's
/// currency at fixed rates, `Payment Format` (`Reinvestment` for the
/// self-payments AMLworld is full of, `Bitcoin` for Bitcoin, otherwise
/// Cheque, Credit Card, ACH, Wire or Cash) and `Is Laundering`.
///
/// **Background.** ``transactions`` rows between accounts drawn uniformly,
/// one in twelve a self-payment; amounts are log-uniform from 10 to 100,000
/// USD-equivalent. `Is Laundering` is 0.
///
/// **Patterns.** ``patterns`` laundering attempts, of the eight kinds the
/// AMLworld paper lists, in turn (``Pattern``): each on distinct accounts
/// drawn at random, its transfers 6 to 30 hours apart, amounts shrinking
/// by up to 3% a hop (fees), every row `Is Laundering` 1. ``planted`` tells
/// which rows belong to which attempt.
///
/// **Determinism.** Output depends only on the parameters: all draws come
/// from ``SplitMix64`` with fixed integer mappings.
public struct AMLworldGenerator: Sendable {
  /// A laundering pattern of the AMLworld paper.
  public enum Pattern: String, CaseIterable, Sendable {
    /// a → b → … → a.
    case cycle
    /// One account pays several.
    case fanOut = "fan-out"
    /// Several accounts pay one.
    case fanIn = "fan-in"
    /// Several pay a hub, which then pays several others.
    case gatherScatter = "gather-scatter"
    /// One pays several intermediaries, which all pay one destination.
    case scatterGather = "scatter-gather"
    /// Every account of one set pays every account of another.
    case bipartite
    /// Two bipartite layers: set A pays set B, which pays set C.
    case stack
    /// A random walk among a few accounts.
    case random
  }

  /// One planted laundering attempt.
  public struct PlantedPattern: Sendable, Equatable {
    public var pattern: Pattern
    /// Its rows, as 0-based indices of the data rows (the header is not a row).
    public var rows: [Int]
  }

  /// The number of accounts.
  public let accounts: Int
  /// The number of background (not laundering) rows.
  public let transactions: Int
  /// The number of laundering attempts.
  public let patterns: Int
  public let seed: UInt64

  /// Days the file spans.
  public static let daySpan = 20
  /// The day of the first row.
  public static let firstDay = FlowDate(year: 2022, month: 9, day: 1)?.day ?? 19236
  /// Currencies: AMLworld name, US dollars per unit, and the share of
  /// accounts that use it, in thousandths.
  static let currencies: [(name: String, usd: Double, share: Int)] = [
    ("US Dollar", 1, 560), ("Euro", 1.17, 120), ("UK Pound", 1.28, 50), ("Yuan", 0.14, 50),
    ("Yen", 0.0068, 40), ("Rupee", 0.012, 40), ("Canadian Dollar", 0.73, 30), ("Swiss Franc", 1.09, 30),
    ("Australian Dollar", 0.66, 30), ("Mexican Peso", 0.055, 20), ("Bitcoin", 60_000, 30),
  ]
  /// Payment formats of transfers between two accounts, with shares in twentieths.
  static let formats: [(name: String, share: Int)] = [("Cheque", 5), ("Credit Card", 5), ("ACH", 5), ("Wire", 2), ("Cash", 3)]

  /// Why a set of parameters cannot be generated.
  public typealias Failure = GraphGenerator.Failure

  /// Checks the parameters.
  ///
  /// - Throws: ``Failure`` unless 16 ≤ `accounts` ≤ 100,000,000,
  ///   0 ≤ `transactions`, `patterns` ≥ 0 and rows fit 32-bit flow indices.
  public init(accounts: Int, transactions: Int, patterns: Int, seed: UInt64) throws(Failure) {
    guard accounts >= 16, accounts <= 100_000_000 else {
      throw Failure(message: "--nodes (accounts) must be from 16 to 100,000,000 for --family amlworld, not \(accounts)")
    }
    guard transactions >= 0, patterns >= 0, transactions + 40 * patterns <= GraphGenerator.maximumEdges else {
      throw Failure(message: "--edges and --patterns must be 0 or more, and the rows fewer than \(GraphGenerator.maximumEdges)")
    }
    self.accounts = accounts
    self.transactions = transactions
    self.patterns = patterns
    self.seed = seed
  }

  /// One row before it is written.
  struct Row {
    var minute: Int32
    var payer: Int32
    var payee: Int32
    /// The amount paid in US dollars (converted into each side's currency when written).
    var usd: Double
    var format: UInt8
    /// The index of its pattern in ``planted``, or -1.
    var pattern: Int32
  }

  /// The bank number of `account`.
  func bank(of account: Int) -> Int {
    let banks = max(3, accounts / 40)
    let own = Int(SplitMix64.mixed(UInt64(account) ^ 0xBA4C) % UInt64(banks))
    // Every 97th account shares its number with the one before, at the next bank.
    return account % 97 == 1 ? (bank(of: account - 1) + 1) % banks : own
  }

  /// The account number of `account` (unique within its bank).
  func number(of account: Int) -> UInt64 {
    let base = account % 97 == 1 ? account - 1 : account
    return 0x8_0000_0000 + UInt64(base) * 0x9E37 % 0x7_FFFF_FFFF
  }

  /// The currency index of `account`.
  func currency(of account: Int) -> Int {
    var draw = Int(SplitMix64.mixed(UInt64(account) ^ 0xC0FFEE) % 1000)
    for (index, currency) in Self.currencies.enumerated() {
      if draw < currency.share { return index }
      draw -= currency.share
    }
    return 0
  }

  /// All rows in time order (ties in the order drawn) and the planted attempts.
  ///
  /// - Complexity: O(*r* log *r*) for *r* rows.
  func rows() -> (rows: [Row], planted: [PlantedPattern]) {
    var random = SplitMix64(seed: seed ^ 0xA11_0A1D)
    var rows: [Row] = []
    rows.reserveCapacity(transactions + 16 * patterns)
    let minutes = Self.daySpan * 1440
    for _ in 0 ..< transactions {
      let payer = random.next(below: accounts)
      let payee = random.next(below: 12) == 0 ? payer : random.next(below: accounts)
      rows.append(Row(minute: Int32(random.next(below: minutes)), payer: Int32(payer), payee: Int32(payee),
                      usd: Self.logUniform(&random, from: 1, to: 5), format: drawFormat(&random, payer, payee), pattern: -1))
    }
    var kinds: [Pattern] = []
    for k in 0 ..< patterns {
      let pattern = Pattern.allCases[k % Pattern.allCases.count]
      kinds.append(pattern)
      plant(pattern, index: Int32(k), into: &rows, &random)
    }
    let order = rows.indices.sorted { (rows[$0].minute, $0) < (rows[$1].minute, $1) }
    var planted = kinds.map { PlantedPattern(pattern: $0, rows: []) }
    var sorted: [Row] = []
    sorted.reserveCapacity(rows.count)
    for (position, index) in order.enumerated() {
      let row = rows[index]
      if row.pattern >= 0 { planted[Int(row.pattern)].rows.append(position) }
      sorted.append(row)
    }
    return (sorted, planted)
  }

  /// Appends the transfers of one attempt of `pattern`.
  private func plant(_ pattern: Pattern, index: Int32, into rows: inout [Row], _ random: inout SplitMix64) {
    let size = 3 + random.next(below: 4)
    let group = distinctAccounts(size + 4, &random)
    var minute = random.next(below: 7 * 1440)  // at most 10 transfers of at most 30 hours follow
    var usd = Self.logUniform(&random, from: 3, to: 4.7)
    func pay(_ payer: Int, _ payee: Int, step: Bool = true) {
      if step { minute += 360 + random.next(below: 1440) }
      usd *= 1 - Double(random.next(below: 31)) / 1000
      rows.append(Row(minute: Int32(minute), payer: Int32(payer), payee: Int32(payee), usd: usd,
                      format: drawFormat(&random, payer, payee), pattern: index))
    }
    let a = Array(group.prefix(size))
    switch pattern {
    case .cycle:
      for i in 0 ..< size { pay(a[i], a[(i + 1) % size]) }
    case .fanOut:
      for i in 1 ..< size { pay(a[0], a[i]) }
    case .fanIn:
      for i in 1 ..< size { pay(a[i], a[0]) }
    case .gatherScatter:
      for i in 1 ..< size { pay(a[i], a[0]) }
      for account in group.suffix(3) { pay(a[0], account) }
    case .scatterGather:
      let destination = group[size]
      for i in 1 ..< size { pay(a[0], a[i]) }
      for i in 1 ..< size { pay(a[i], destination) }
    case .bipartite:
      let half = size / 2 + 1
      for payer in group.prefix(half) { for payee in group[half ..< half + 2] { pay(payer, payee) } }
    case .stack:
      let layers = [Array(group[0 ..< 2]), Array(group[2 ..< 4]), Array(group[4 ..< 6])]
      for layer in 0 ..< 2 { for payer in layers[layer] { for payee in layers[layer + 1] { pay(payer, payee) } } }
    case .random:
      var at = 0
      for _ in 0 ..< size + 1 {
        let next = (at + 1 + random.next(below: size - 1)) % size
        pay(a[at], a[next])
        at = next
      }
    }
  }

  /// `count` distinct accounts drawn uniformly.
  private func distinctAccounts(_ count: Int, _ random: inout SplitMix64) -> [Int] {
    var chosen: [Int] = []
    while chosen.count < min(count, accounts) {
      let account = random.next(below: accounts)
      if !chosen.contains(account) { chosen.append(account) }
    }
    return chosen
  }

  /// The payment format of a transfer: Reinvestment to oneself, Bitcoin from
  /// a Bitcoin account, else one of ``formats``.
  private func drawFormat(_ random: inout SplitMix64, _ payer: Int, _ payee: Int) -> UInt8 {
    if payer == payee { return 0 }
    if Self.currencies[currency(of: payer)].name == "Bitcoin" { return 1 }
    var draw = random.next(below: 20)
    for (index, format) in Self.formats.enumerated() {
      if draw < format.share { return UInt8(index + 2) }
      draw -= format.share
    }
    return 2
  }

  /// Format names by ``Row/format``.
  static let formatNames = ["Reinvestment", "Bitcoin"] + formats.map(\.name)

  /// 10^*x* for *x* uniform in `from ..< to`, in whole cents.
  static func logUniform(_ random: inout SplitMix64, from: Double, to: Double) -> Double {
    let x = from + (to - from) * Double(random.next(below: 1 << 20)) / Double(1 << 20)
    var value = 1.0
    var whole = Int(x)
    while whole > 0 { value *= 10; whole -= 1 }
    // 10^fraction by a fixed series of square roots (correctly rounded steps).
    var fraction = x - Double(Int(x))
    var root = 10.0
    for _ in 0 ..< 20 {
      root = root.squareRoot()
      fraction *= 2
      if fraction >= 1 { value *= root; fraction -= 1 }
    }
    return (value * 100).rounded() / 100
  }
}

extension SplitMix64 {
  /// The SplitMix64 output for state `value`: a fixed scramble of 64 bits.
  static func mixed(_ value: UInt64) -> UInt64 {
    var generator = SplitMix64(seed: value)
    return generator.next()
  }
}
