// MARK: - Labels

extension DOTWriter.Plan {
  /// `kind\namount[, share 20%][, cap 92 bn USD]\ndate[–until]`.
  func writeFlowLabel(_ flow: Int, to out: inout ByteBuffer) {
    out.append(DOTWriter.kindLabels[Int(graph.kindCode[flow])])
    out.append("\\n")
    let currency = currencyLabel[Int(graph.currencyIndex[flow])]
    let exponent = graph.amountExponent[flow]
    if exponent != FlowGraph.undisclosed {
      let value = Amount(significand: graph.amountSignificand[flow], exponent: exponent).doubleValue
      Amount.appendShortForm(value, currency: currency, to: &out)
    } else {
      out.append("undisclosed")
    }
    let details = graph.details.isEmpty ? nil : graph.details[Int32(flow)]
    if let share = details?.share {
      out.append(", share ")
      Amount.appendShortFigure(share.doubleValue * 100, myriad: false, to: &out)
      out.append("%")
    }
    if let cap = details?.cap {
      out.append(", cap ")
      Amount.appendShortForm(cap.doubleValue, currency: currency, to: &out)
    }
    let date = graph.date(of: flow)
    if date != nil || details?.until != nil {
      out.append("\\n")
      if let date { DOTWriter.Plan.appendDate(date, to: &out) }
      if let until = details?.until {
        out.append(date == nil ? "until " : "–")
        DOTWriter.Plan.appendDate(until, to: &out)
      }
    }
  }

  /// `kinds\nN flows: totals by currency[ + undisclosed]\nfirst date–last date`.
  func writeMergedLabel(_ run: Range<Int>, _ summary: EdgeSummary, to out: inout ByteBuffer) {
    var separator = false
    for kind in summary.kinds {
      if separator { out.append(", ") }
      out.append(DOTWriter.kindLabels[Int(kind.rawValue)])
      separator = true
    }
    out.append("\\n")
    out.appendDecimal(summary.flowCount)
    out.append(" flows")
    // Totals by currency index, in the order of the currency table.
    var totals: [(currency: Int, total: Double)] = []
    var earliest: FlowDate?
    var latest: FlowDate?
    for slot in run {
      let flow = Int(graph.outFlows[slot])
      guard drawn[flow] else { continue }
      if let date = graph.date(of: flow) {
        if earliest.map({ date < $0 }) ?? true { earliest = date }
        if latest.map({ $0 < date }) ?? true { latest = date }
      }
      guard let value = graph.amountValue(of: flow) else { continue }
      let currency = Int(graph.currencyIndex[flow])
      if let i = totals.firstIndex(where: { $0.currency == currency }) {
        totals[i].total += value
      } else {
        totals.append((currency, value))
      }
    }
    totals.sort { $0.currency < $1.currency }
    separator = false
    for (currency, total) in totals {
      out.append(separator ? " + " : ": ")
      Amount.appendShortForm(total, currency: currencyLabel[currency], to: &out)
      separator = true
    }
    if summary.undisclosed > 0 {
      out.append(separator ? " + undisclosed" : ", undisclosed")
    }
    if let earliest, let latest {
      out.append("\\n")
      DOTWriter.Plan.appendDate(earliest, to: &out)
      if earliest != latest {
        out.append("–")
        DOTWriter.Plan.appendDate(latest, to: &out)
      }
    }
  }

  /// `62%`; `<1%` for a share that rounds to 0 and `>99%` for one that rounds to 100 but is not whole.
  static func appendPercent(_ share: Double, to out: inout ByteBuffer) {
    let percent = Int((share * 100).rounded())
    if percent == 0 {
      out.append("<1%")
    } else if percent == 100, share < 1 {
      out.append(">99%")
    } else {
      out.appendDecimal(percent)
      out.append("%")
    }
  }

  /// Writes a date as given: `2025`, `2025-05`, `2025-05-13` or with its
  /// time of day.
  static func appendDate(_ date: FlowDate, to out: inout ByteBuffer) {
    let (year, month, day) = date.components
    if year < 0 || date.time != nil { return out.append(contentsOf: date.description) }
    out.appendDecimal(UInt64(year), minimumDigits: 4)
    if date.precision == .year { return }
    out.append(0x2D)
    out.appendDecimal(UInt64(month), minimumDigits: 2)
    if date.precision == .month { return }
    out.append(0x2D)
    out.appendDecimal(UInt64(day), minimumDigits: 2)
  }

}
