/// Colours, line styles, pen widths and string escaping for ``DOTWriter``.
extension DOTWriter {
  /// The colour of highlighted (circular) flows and of the companies they join.
  public static let highlightColor = "red"

  /// The colour of a merged edge whose flows have several kinds.
  static let mixedKindsColor: StaticString = "#555555"

  /// The edge colour of each kind (by raw value): Tableau-like colours, no
  /// red, which is kept for highlights and circular shares.
  static let kindColors: [StaticString] = [
    "#1f77b4",  // investment: blue
    "#ff7f0e",  // cloud commitment: orange
    "#2ca02c",  // revenue share: green
    "#9467bd",  // purchase: purple
    "#8c564b",  // loan: brown
    "#e377c2",  // acquisition: pink
    "#17becf",  // grant: cyan
    "#7f7f7f",  // other: grey
    "#bcbd22",  // equity stake: olive
    "#6b6ecf",  // IP rights: indigo
    "#637939",  // partnership: dark olive
    "#843c39",  // distribution: dark brown
  ]

  /// The edge colour of `kind`.
  public static func color(of kind: FlowKind) -> String { kindColors[Int(kind.rawValue)].description }

  /// The name drawn for `kind`: `cloud commitment`, `IP rights`.
  public static func displayName(of kind: FlowKind) -> String {
    kind == .ipRights ? "IP rights" : String(kind.name.map { $0 == "_" ? " " : $0 })
  }

  /// ``displayName(of:)`` of each kind as UTF-8, by raw value.
  static let kindLabels: [[UInt8]] = FlowKind.allCases.map { Array(displayName(of: $0).utf8) }

  /// The colour of an edge whose circular share is `share` (0 ... 1): grey
  /// `#b0b0b0` at 0, red `#d00000` at 1, linear in RGB between.
  static func appendShareColor(_ share: Double, to out: inout ByteBuffer) {
    let s = min(1, max(0, share))
    let percent = Int((s * 100).rounded())
    let grey = 0xB0
    let red = grey + ((0xD0 - grey) * percent + 50) / 100
    let other = (grey * (100 - percent) + 50) / 100
    out.append(0x23)
    for channel in [red, other, other] {
      out.append(hexDigit(channel >> 4))
      out.append(hexDigit(channel & 0xF))
    }
  }

  private static func hexDigit(_ value: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: value < 10 ? 0x30 + value : 0x61 + value - 10)
  }

  /// A monotone approximation of log₂ *x* for positive finite *x*: exact at
  /// powers of two and linear between them, computed from the bits of the
  /// `Double` so the result is the same on every platform (libm's `log`
  /// may differ in the last place, which could change a rounded pen width).
  static func approximateLog2(_ x: Double) -> Double {
    Double(x.exponent) + (x.significand - 1)
  }

  /// Pen widths from 1 (smallest amount drawn) to 6 (largest), growing with
  /// the logarithm of the amount.
  struct PenWidthScale {
    var lowest = Double.infinity
    var highest = -Double.infinity

    /// Widens the scale to include `value` (in the base currency).
    mutating func include(_ value: Double) {
      guard value > 0, value.isFinite else { return }
      let l = approximateLog2(value)
      lowest = min(lowest, l)
      highest = max(highest, l)
    }

    /// The width in tenths of a point: 10 ... 60 for amounts on the scale,
    /// 10 for an unknown amount, 20 when all amounts are equal.
    func tenths(for value: Double?) -> Int {
      guard let value, value > 0, value.isFinite, lowest <= highest else { return 10 }
      guard highest > lowest else { return 20 }
      let t = (approximateLog2(value) - lowest) / (highest - lowest)
      return 10 + Int((min(1, max(0, t)) * 50).rounded())
    }
  }
}

extension ByteBuffer {
  /// Appends `text` escaped for the inside of a double-quoted DOT string
  /// used as an escString (labels, tooltips).
  ///
  /// - `"` and `\` get a backslash, so no text can end the string early and
  ///   `\N`, `\G`, `\l` and friends stay literal;
  /// - a line break (LF, CR LF or CR) becomes `\n` (a centred line);
  /// - `&` becomes `&amp;`, because Graphviz decodes HTML entities in labels
  ///   (`&lt;` would otherwise be drawn as `<`);
  /// - tabs stay; other C0 control characters, which XML (SVG) cannot hold,
  ///   become U+FFFD.
  ///
  /// Everything else is copied byte for byte: quoted, `{`, `}`, `<`, `>`,
  /// `--`, `->`, `;` and keywords such as `graph` are plain text.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`.
  mutating func appendDOTEscaped(_ text: String) {
    var text = text
    text.withUTF8 { source in
      var start = 0  // first byte not yet copied
      var i = 0
      while i < source.count {
        let byte = source[i]
        if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x26 {
          i += 1
          continue
        }
        if start < i { append(UnsafeBufferPointer(rebasing: source[start ..< i])) }
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x26: append("&amp;")
        case 0x0A: append("\\n")
        case 0x0D:
          if i + 1 < source.count, source[i + 1] == 0x0A { i += 1 }
          append("\\n")
        case 0x09: append(0x09)
        default: append("\u{FFFD}")
        }
        i += 1
        start = i
      }
      if start < source.count { append(UnsafeBufferPointer(rebasing: source[start...])) }
    }
  }
}
