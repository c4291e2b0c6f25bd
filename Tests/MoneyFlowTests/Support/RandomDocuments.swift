@testable import MoneyFlow

/// Random graph documents with every field a document can carry, including
/// hostile strings, for round-trip tests.
enum RandomDocuments {
  static let awkwardStrings = [
    "plain", "with, comma", "with \"quotes\"", "line\nbreak", "crlf\r\nbreak", " leading space",
    "trailing space ", "マイクロソフト", "2,500億円", "tab\there", "back\\slash", "{braces}", "<angle>",
    "a -- b", "graph", "emoji 💸", "",
  ]

  static func graph(seed: UInt64) -> FlowGraph {
    var random = TestRandom(seed: seed)
    var builder = FlowGraphBuilder()
    if random.chance(0.5) { builder.title = awkwardStrings.randomElement(using: &random) }
    if random.chance(0.5) { builder.currency = "USD" }
    if random.chance(0.3) { builder.rates = [("JPY", Amount(significand: 66, exponent: -4)), ("EUR", Amount(significand: 108, exponent: -2))] }
    let companyCount = random.int(1 ... 8)
    var ids: [String] = []
    for i in 0 ..< companyCount {
      var id = "c\(i)"
      if random.chance(0.3) { id += awkwardStrings.randomElement(using: &random) ?? "" }
      ids.append(id)
      if random.chance(0.7) {
        var company = Company(id: id)
        if random.chance(0.7) { company.name = "Name " + (awkwardStrings.randomElement(using: &random) ?? "") }
        if random.chance(0.3) { company.aliases = ["別名", awkwardStrings.randomElement(using: &random) ?? ""] }
        if random.chance(0.3) { company.attributes = [.init(key: "sector", value: "cloud"), .init(key: "country", value: "JP, US")] }
        builder.addCompany(company)
      } else if random.chance(0.5) {
        builder.addCompany(Company(id: id))
      }
    }
    let amountTexts = ["13bn", "13B", "2500億", "5.8兆", "1.3e10", "0.20", "147.8", "1000", "2,500", "38 bn", "007", "0"]
    let flowCount = random.int(0 ... 12)
    for _ in 0 ..< flowCount {
      var flow = Flow(
        from: ids.randomElement(using: &random) ?? "c0", to: ids.randomElement(using: &random) ?? "c0",
        kind: FlowKind.allCases.randomElement(using: &random) ?? .other)
      if random.chance(0.8) {
        let text = random.chance(0.5) ? amountTexts.randomElement(using: &random) ?? "1" : String(random.int(0 ... 1_000_000)) + (random.chance(0.5) ? ".\(random.int(0 ... 99))" : "")
        flow.amount = try? Amount.parse(text).get()
        flow.currency = ["USD", "JPY", "EUR", ""].randomElement(using: &random) ?? ""
      }
      if random.chance(0.8) {
        let day = Int32(random.int(0 ... 20_000))
        let precision = [FlowDate.Precision.year, .month, .day].randomElement(using: &random) ?? .day
        let (y, m, d) = FlowDate(day: day, precision: .day).components
        flow.date = FlowDate(year: y, month: precision == .year ? 1 : m, day: precision == .day ? d : 1, precision: precision)
        // Times of day in every written form.
        if random.chance(0.3) { flow.date = RandomTimes.dateTime(day: day, &random) }
      }
      if random.chance(0.2) { flow.until = random.chance(0.7) ? FlowDate(year: 2030, precision: .year) : RandomTimes.dateTime(day: 22_000, &random) }
      if random.chance(0.2) { flow.share = Amount(significand: 20, exponent: -2) }
      if random.chance(0.2) { flow.cap = try? Amount.parse("92bn").get() }
      if random.chance(0.3) { flow.status = "announced" }
      if random.chance(0.3) { flow.source = awkwardStrings.randomElement(using: &random).flatMap { $0.isEmpty ? nil : $0 } }
      if random.chance(0.3) { flow.note = awkwardStrings.randomElement(using: &random).flatMap { $0.isEmpty ? nil : $0 } }
      if random.chance(0.3) { flow.id = "F\(random.int(0 ... 99))" }
      // A JSON document lists every company a flow names.
      builder.addCompany(Company(id: flow.from))
      builder.addCompany(Company(id: flow.to))
      builder.addFlow(flow)
    }
    return builder.build()
  }
}
