import Foundation
import MoneyFlow

/// Converts the AMLSim sample `20K_cycle200` (IBM/AMLSim, Apache-2.0; see
/// Benchmarks/Data/amlsim-20k-cycle200/README.md) to MoneyFlow flows.
///
/// Mapping, row by row of `transactions.csv` (`sourceNodeId,targetNodeId,value,time`):
/// - `from`, `to`: the account ids exactly as written (`280`, `15349`).
///   Ids are compared in byte order, so `10` sorts before `9`.
/// - `kind`: `other` (AMLSim transfers are plain bank transfers).
/// - `amount`: the value exactly as written, in `USD`.
/// - `date`: simulation step 1 is 2024-01-01 and each step is one day
///   (step 149 is 2024-05-28), written `YYYY-MM-DD`.
///
/// `nodes.csv` (`nodeid,isFraud,init_balance,fraudStep`) gives the 945
/// accounts with `isFraud = 1` that take part in the 200 planted cycles;
/// it does not say which account belongs to which cycle.
enum AMLSim {
  /// Benchmarks/Data/amlsim-20k-cycle200 in this package.
  static let defaultDirectory = (packageRoot as NSString).appendingPathComponent(
    "Benchmarks/Data/amlsim-20k-cycle200")

  /// The day of step 1: 2024-01-01.
  static let firstDay = FlowDate(year: 2024, month: 1, day: 1)!.day

  struct DataSet {
    var flows: [Flow]
    var graph: FlowGraph
    /// Ids of the accounts marked `isFraud = 1`.
    var fraudAccounts: Set<String>
    var accountCount: Int
  }

  static func load(directory: String) throws -> DataSet {
    let transactions = try rows(of: (directory as NSString).appendingPathComponent("transactions.csv"),
      header: "sourceNodeId,targetNodeId,value,time")
    var flows: [Flow] = []
    flows.reserveCapacity(transactions.count)
    for (line, fields) in transactions {
      guard case .success(let amount) = Amount.parse(fields[2]) else {
        throw BenchError("transactions.csv:\(line): value \"\(fields[2])\" is not an amount")
      }
      guard let step = Int32(fields[3]), step >= 1 else {
        throw BenchError("transactions.csv:\(line): time \"\(fields[3])\" is not a step from 1")
      }
      flows.append(Flow(
        from: fields[0], to: fields[1], kind: .other, amount: amount, currency: "USD",
        date: FlowDate(day: firstDay + step - 1, precision: .day)))
    }
    let nodes = try rows(of: (directory as NSString).appendingPathComponent("nodes.csv"),
      header: "nodeid,isFraud,init_balance,fraudStep")
    var fraud = Set<String>()
    for (_, fields) in nodes where fields[1] == "1" { fraud.insert(fields[0]) }
    var builder = FlowGraphBuilder()
    builder.currency = "USD"
    builder.reserveCapacity(flows: flows.count)
    for flow in flows { builder.addFlow(flow) }
    return DataSet(flows: flows, graph: builder.build(), fraudAccounts: fraud, accountCount: nodes.count)
  }

  /// The flows as a MoneyFlow CSV edge list.
  static func csv(_ flows: [Flow]) -> String {
    var text = "from,to,kind,amount,currency,date\n"
    for flow in flows {
      text += "\(flow.from),\(flow.to),\(flow.kind.name),\(flow.amount.map(\.description) ?? ""),"
      text += "\(flow.currency),\(flow.date.map(\.description) ?? "")\n"
    }
    return text
  }

  /// The data rows of a simple CSV (no quoting), with 1-based line numbers,
  /// after checking the header.
  private static func rows(of path: String, header: String) throws -> [(Int, [String])] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // "\r\n" is one Character in Swift: split on any line break.
    let lines = text.split(whereSeparator: \.isNewline)
    guard lines.first == Substring(header) else {
      throw BenchError("\(path):1: expected the header \(header)")
    }
    let width = header.split(separator: ",").count
    return try lines.enumerated().dropFirst().map { index, line in
      // Blank lines are skipped by the split, so the line number is a lower bound.
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == width else {
        throw BenchError("\(path):\(index + 1): expected \(width) fields, found \(fields.count)")
      }
      return (index + 1, fields)
    }
  }
}
