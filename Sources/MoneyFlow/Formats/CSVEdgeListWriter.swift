/// Writes a graph's flows as a CSV edge list (RFC 4180, LF line ends).
///
/// The header is `from,to,kind,amount,currency,date` followed by those
/// optional columns (`until,share,cap,status,source,note,id`) that some flow
/// uses, then one column for each flow attribute name in order of first
/// use (an empty field where a flow lacks it). Fields are quoted only when they hold a comma, quote, line break or
/// leading or trailing space.
public enum CSVEdgeListWriter {
  /// Writes the edge list to `out` in chunks.
  ///
  /// - Complexity: O(*E*) and O(1) extra memory beyond the output.
  public static func write(_ graph: FlowGraph, to out: inout some TextOutputStream) {
    let optional = optionalColumns(graph)
    let attributes = attributeColumns(graph)
    var line = ""
    for (i, name) in (CSVEdgeListReader.requiredColumns + optional + attributes).enumerated() {
      if i > 0 { line += "," }
      append(name, to: &line)
    }
    line += "\n"
    var chunk = line
    for flow in 0 ..< graph.flowCount {
      line.removeAll(keepingCapacity: true)
      append(graph.companyIDs[Int(graph.payerIndex[flow])], to: &line)
      line += ","
      append(graph.companyIDs[Int(graph.payeeIndex[flow])], to: &line)
      line += ","
      line += graph.kind(of: flow).name
      line += ","
      if let amount = graph.amount(of: flow) { append(amount.description, to: &line) }
      line += ","
      line += graph.currencyCode(of: flow)
      line += ","
      if let date = graph.date(of: flow) { line += date.description }
      if !optional.isEmpty || !attributes.isEmpty {
        let details = graph.details(of: flow)
        for column in optional {
          line += ","
          switch column {
          case "until": if let d = details.until { line += d.description }
          case "share": if let s = details.share { append(s.description, to: &line) }
          case "cap": if let c = details.cap { append(c.description, to: &line) }
          case "status": append(details.status ?? "", to: &line)
          case "source": append(details.source ?? "", to: &line)
          case "note": append(details.note ?? "", to: &line)
          case "id": append(details.id ?? "", to: &line)
          default: break
          }
        }
        for name in attributes {
          line += ","
          if let attribute = details.attributes.first(where: { $0.key == name }) { append(attribute.value, to: &line) }
        }
      }
      line += "\n"
      chunk += line
      if chunk.utf8.count >= 1 << 16 {
        out.write(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    out.write(chunk)
  }

  /// The edge list as one string.
  public static func text(_ graph: FlowGraph) -> String {
    var out = ""
    write(graph, to: &out)
    return out
  }

  /// The optional columns some flow of `graph` uses, in the standard order.
  static func optionalColumns(_ graph: FlowGraph) -> [String] {
    var used = Set<String>()
    for (_, d) in graph.details {
      if d.until != nil { used.insert("until") }
      if d.share != nil { used.insert("share") }
      if d.cap != nil { used.insert("cap") }
      if d.status != nil { used.insert("status") }
      if d.source != nil { used.insert("source") }
      if d.note != nil { used.insert("note") }
      if d.id != nil { used.insert("id") }
    }
    return CSVEdgeListReader.optionalColumns.filter(used.contains)
  }

  /// The flow attribute names of `graph`, in order of first use.
  ///
  /// - Complexity: O(*E* · *a*) for *a* attribute names.
  static func attributeColumns(_ graph: FlowGraph) -> [String] {
    var names: [String] = []
    guard graph.hasUnorderedAttributes else { return graph.attributeTable.names }
    for flow in 0 ..< graph.flowCount {
      for attribute in graph.details(of: flow).attributes where !names.contains(attribute.key) { names.append(attribute.key) }
    }
    return names
  }

  /// Appends `field`, quoted if it needs to be.
  static func append(_ field: String, to line: inout String) {
    // Bytes, not Characters: a quote or space followed by a combining mark is
    // one Character, but the reader sees the quote (or space) byte.
    var needsQuotes = field.utf8.first == 0x20 || field.utf8.last == 0x20
    if !needsQuotes {
      for b in field.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
        needsQuotes = true
        break
      }
    }
    guard needsQuotes else { line += field; return }
    line += "\""
    line += field.replacingAll("\"", with: "\"\"")
    line += "\""
  }
}

extension String {
  /// This string with every `target` scalar replaced by `replacement`.
  /// Compares Unicode scalars, not Characters, so a target followed by a
  /// combining mark is still replaced.
  ///
  /// - Complexity: O(*n*) in the string's length.
  func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
    var result = ""
    result.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
    }
    return result
  }
}
