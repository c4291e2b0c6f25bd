@testable import MoneyFlow

/// Graphs for the DOT writer and Graphviz rendering tests.
enum DOTTestGraphs {
  /// Texts that break naive DOT writers: quotes, a backslash at the end,
  /// line breaks, braces, angle brackets, edge operators, keywords, blank
  /// names, tabs, entities, escString sequences, control characters and Japanese.
  static let hostileTexts = [
    "say \"hi\"", "ends with backslash\\", "line\nbreak", "crlf\r\nbreak", "lone\rcr", "{braces}",
    "<angle> <b>bold</b>", "a -- b", "a -> b", "graph", "node", "strict", "subgraph", "edge",
    "digraph", "tab\there", "&amp; &lt; AT&T", "\\N \\G \\l \\n", "semi;colon,comma=eq]", "#hash //c /*c*/",
    "マイクロソフト", "2,500億円", "ctl\u{1}char", "  ", "",
  ]

  /// A graph whose ids, names, aliases, notes and title are all hostile.
  static func hostile() -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.title = "Title \"quoted\" {x} <y> -- graph \\"
    builder.currency = "USD"
    builder.rates = [("JPY", Amount(significand: 66, exponent: -4))]
    var ids: [String] = []
    for (i, text) in hostileTexts.enumerated() {
      // Ids: the hostile text itself; names: another hostile text.
      let id = text
      ids.append(id)
      let name = hostileTexts[(i + 7) % hostileTexts.count]
      builder.addCompany(Company(id: id, name: name, aliases: i % 3 == 0 ? ["別名 \"" + text + "\""] : []))
    }
    builder.addCompany(Company(id: "microsoft", name: "マイクロソフト", aliases: ["Microsoft"]))
    builder.addCompany(Company(id: "softbank", name: "ソフトバンク 2,500億円"))
    ids += ["microsoft", "softbank"]
    let kinds = FlowKind.allCases
    for (i, id) in ids.enumerated() {
      let to = ids[(i * 5 + 3) % ids.count]
      var flow = Flow(
        from: id, to: to, kind: kinds[i % kinds.count],
        amount: i % 4 == 3 ? nil : Amount(significand: Int64(13 + i), exponent: 9),
        currency: i % 2 == 0 ? "USD" : "JPY", date: FlowDate(parsing: i % 3 == 0 ? "2025-05" : "2019"))
      flow.note = hostileTexts[(i + 3) % hostileTexts.count]
      flow.source = hostileTexts[(i + 11) % hostileTexts.count]
      flow.id = "F\(i)"
      builder.addFlow(flow)
    }
    builder.addFlow(Flow(from: "softbank", to: "microsoft", kind: .investment,
      amount: Amount(significand: 2500, exponent: 8), currency: "JPY", date: FlowDate(parsing: "2025-05-13"),
      note: "2,500億円の出資"))
    builder.addFlow(Flow(from: "microsoft", to: "microsoft", kind: .purchase,
      amount: Amount(significand: 1, exponent: 6), currency: "USD"))
    return builder.build()
  }

  /// The small graph of the golden file: the Microsoft–OpenAI–Amazon circle
  /// with parallel flows, a relation, a yen flow and an undisclosed amount.
  static func small() -> FlowGraph {
    var builder = FlowGraphBuilder()
    builder.title = "Circular money: Microsoft, OpenAI, Amazon"
    builder.currency = "USD"
    builder.rates = [("JPY", Amount(significand: 66, exponent: -4))]
    builder.addCompany(Company(id: "microsoft", name: "Microsoft", aliases: ["マイクロソフト"]))
    builder.addCompany(Company(id: "openai", name: "OpenAI"))
    builder.addCompany(Company(id: "amazon", name: "Amazon"))
    builder.addCompany(Company(id: "softbank", name: "SoftBank", aliases: ["ソフトバンク"]))
    func flow(_ from: String, _ to: String, _ kind: FlowKind, _ amount: String?, _ currency: String, _ date: String?) {
      let parsed = amount.flatMap { try? Amount.parse($0).get() }
      builder.addFlow(Flow(from: from, to: to, kind: kind, amount: parsed, currency: amount == nil ? "" : currency,
        date: date.flatMap(FlowDate.init(parsing:))))
    }
    flow("microsoft", "openai", .investment, "13bn", "USD", "2019")
    flow("openai", "microsoft", .cloudCommitment, "250bn", "USD", "2025-10-28")
    flow("openai", "microsoft", .revenueShare, nil, "USD", nil)
    flow("openai", "amazon", .cloudCommitment, "38bn", "USD", "2025-11-03")
    flow("amazon", "openai", .investment, "10bn", "USD", "2025-12")
    flow("microsoft", "openai", .equityStake, nil, "", "2025-10-28")
    flow("softbank", "openai", .investment, "5.8兆", "JPY", "2025-03-31")
    flow("softbank", "openai", .investment, "2500億", "JPY", "2024-10-02")
    return builder.build()
  }

  /// A seeded random graph of `companies` companies and `flows` flows of every kind.
  /// A ``random(seed:companies:flows:)`` graph and a flag per flow, each
  /// true with probability `chance` (drawn from `seed &+ salt`).
  static func randomWithFlags(
    seed: UInt64, companies: Int, flows: Int, salt: UInt64, chance: Double
  ) -> (FlowGraph, [Bool]) {
    let graph = random(seed: seed, companies: companies, flows: flows)
    var random = TestRandom(seed: seed &+ salt)
    return (graph, (0 ..< graph.flowCount).map { _ in random.chance(chance) })
  }

  static func random(seed: UInt64, companies: Int, flows: Int) -> FlowGraph {
    var random = TestRandom(seed: seed)
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.rates = [("JPY", Amount(significand: 66, exponent: -4))]
    for c in 0 ..< companies { _ = builder.intern("c\(c)") }
    let usd = builder.internCurrency("USD")
    let jpy = builder.internCurrency("JPY")
    builder.reserveCapacity(flows: flows)
    for _ in 0 ..< flows {
      let payer = Int32(random.int(0 ... companies - 1))
      let payee = Int32(random.int(0 ... companies - 1))
      let amount = random.chance(0.2) ? nil : Amount(significand: Int64(random.int(1 ... 999)), exponent: Int8(random.int(3 ... 10)))
      let date = random.chance(0.1) ? nil : FlowDate(day: Int32(random.int(17_000 ... 20_000)), precision: .day)
      builder.addFlow(
        payer: payer, payee: payee, kind: FlowKind(rawValue: UInt8(random.int(0 ... 11))) ?? .other,
        amount: amount, currency: random.chance(0.1) ? jpy : usd, date: date)
    }
    return builder.build()
  }
}
