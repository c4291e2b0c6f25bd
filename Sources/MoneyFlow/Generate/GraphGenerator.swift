/// Generates large, realistic-looking money-flow graphs from a seed, for
/// benchmarks and tests.
///
/// Three families:
/// - ``Family/random``: a uniform directed multigraph. Each flow joins two
///   distinct companies drawn uniformly (parallel flows allowed, no flow from
///   a company to itself).
/// - ``Family/powerlaw``: heavy-tailed in- and out-degrees, Chung–Lu style
///   (Chung and Lu, "Connected components in random graphs with given
///   expected degree sequences", Annals of Combinatorics 6, 2002): the
///   company of out-rank *r* pays with weight (*r* + 1)^−3/4 and, through an
///   independent ranking, receives with the same law, so the expected degrees
///   follow Zipf's law and P(degree > *k*) falls off like *k*^−4/3. No flow
///   from a company to itself.
/// - ``Family/planted``: an acyclic graph plus ``plantedCycles`` cycles of
///   ``cycleLength`` companies each, so the number of cycles is known (see
///   ``plantedCycleCount``).
///
/// Every family writes exactly ``edges`` flows among ``nodes`` companies.
/// When `edges >= nodes`, every company takes part in at least one flow (the
/// first `nodes` flows each touch a different company, visited in a seeded
/// affine order), so a reader of the CSV finds exactly `nodes` companies.
///
/// **Attributes.** Every flow moves money, so the company graph of the
/// peers' libraries and of MoneyFlow's default cycle search is the same.
/// Kinds: purchase 50 %, other 15 %, loan 10 %, investment 8 %, revenue
/// share 6 %, cloud commitment 5 %, grant 4 %, acquisition 2 %. Amounts in USD
/// follow a Pareto law of index 1 (Zipf-like, P(amount > *x*) = *m* / *x*)
/// with a scale *m* per kind (20 USD for purchases up to 20,000 USD for
/// acquisitions), capped at 99,999,999,999.99; one in five is rounded to two
/// significant figures, as negotiated sums are. They are written as plain
/// decimals with two decimals. Dates are days drawn uniformly from
/// 2015-01-01 through 2024-12-31, written `YYYY-MM-DD`.
///
/// **Ids.** Company number *i* has the id `c` followed by *i* in ``idWidth``
/// decimal digits (at least 6, more when `nodes` needs them): `c000123`. The
/// fixed width makes byte order equal numeric order, so company number *i*
/// is `CompanyID(i)` once every company takes part.
///
/// **Determinism.** Output depends only on the parameters: the same
/// parameters write the same bytes on every run and platform. All draws come
/// from ``SplitMix64`` with fixed integer mappings; the few floating-point
/// steps use only correctly rounded operations (+, ×, ÷, square root).
///
/// **Streaming.** ``write(to:)`` and ``writeCSV(chunkSize:into:)`` produce
/// the CSV in chunks while drawing flows one by one: memory is O(`nodes`)
/// for the powerlaw and planted families (permutations and weight tables)
/// and O(1) for random, whatever the number of flows.
///
/// ```swift
/// let generator = try GraphGenerator(family: .planted, nodes: 1_000, edges: 5_000,
///                                    seed: 7, plantedCycles: 10, cycleLength: 4)
/// var csv = ""
/// generator.write(to: &csv)
/// generator.plantedCycleCount  // 10
/// ```
public struct GraphGenerator: Sendable, Hashable {
  /// The shape of the generated graph.
  public enum Family: String, CaseIterable, Sendable, Hashable {
    /// A uniform directed multigraph.
    case random
    /// Heavy-tailed (Zipf) in- and out-degrees.
    case powerlaw
    /// An acyclic graph with a known number of planted cycles.
    case planted
  }

  /// Why a set of parameters cannot be generated.
  public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A sentence naming the parameter and what it must be.
    public var message: String
    public var description: String { message }
  }

  /// The CSV header line, without its line feed.
  public static let csvHeader = "from,to,kind,amount,currency,date"

  /// The largest number of companies: company numbers must fit a `CompanyID`.
  public static let maximumNodes = 1_000_000_000
  /// The largest number of flows: flow indices are 32-bit in ``FlowGraph``.
  public static let maximumEdges = Int(Int32.max)
  /// The longest planted cycle.
  public static let maximumCycleLength = 1_000

  public let family: Family
  /// The number of companies.
  public let nodes: Int
  /// The number of flows.
  public let edges: Int
  /// The seed every draw derives from.
  public let seed: UInt64
  /// The number of planted cycles (planted family only; 0 otherwise).
  public let plantedCycles: Int
  /// The number of companies (and flows) in each planted cycle.
  public let cycleLength: Int
  /// The number of digits after the `c` of every company id.
  public let idWidth: Int

  /// Checks the parameters and prepares a generator; nothing is drawn yet.
  ///
  /// - Parameters:
  ///   - family: the shape of the graph.
  ///   - nodes: the number of companies, at least 2 (1 for a planted graph
  ///     that is a single self-loop).
  ///   - edges: the number of flows, from 0.
  ///   - seed: any 64-bit value.
  ///   - plantedCycles: planted family only: how many cycles to plant.
  ///   - cycleLength: planted family only: companies in each cycle,
  ///     1 ... ``maximumCycleLength`` (1 plants a flow from a company to itself).
  /// - Throws: ``Failure`` when a count is out of range, when planted cycles
  ///   are asked of another family, or when the planted cycles need more
  ///   companies or flows than given (`plantedCycles × cycleLength` of each),
  ///   or leave no room for the acyclic flows.
  public init(
    family: Family, nodes: Int, edges: Int, seed: UInt64, plantedCycles: Int = 0,
    cycleLength: Int = 4
  ) throws(Failure) {
    guard nodes >= 1, nodes <= GraphGenerator.maximumNodes else {
      throw Failure(message: "nodes must be between 1 and \(GraphGenerator.maximumNodes), not \(nodes)")
    }
    guard edges >= 0, edges <= GraphGenerator.maximumEdges else {
      throw Failure(message: "edges must be between 0 and \(GraphGenerator.maximumEdges), not \(edges)")
    }
    guard plantedCycles >= 0 else {
      throw Failure(message: "the number of planted cycles must not be negative, not \(plantedCycles)")
    }
    guard cycleLength >= 1, cycleLength <= GraphGenerator.maximumCycleLength else {
      throw Failure(
        message: "the cycle length must be between 1 and \(GraphGenerator.maximumCycleLength), not \(cycleLength)")
    }
    if family == .planted {
      let (cycleFlows, overflow) = plantedCycles.multipliedReportingOverflow(by: cycleLength)
      guard !overflow, cycleFlows <= nodes else {
        throw Failure(
          message: "\(plantedCycles) planted cycles of length \(cycleLength) need at least \(plantedCycles) × \(cycleLength) nodes; got \(nodes)")
      }
      guard cycleFlows <= edges else {
        throw Failure(
          message: "\(plantedCycles) planted cycles of length \(cycleLength) need at least \(cycleFlows) edges; got \(edges)")
      }
      // Acyclic flows join two companies outside a common planted cycle.
      let roomForAcyclic = nodes >= 2 && !(plantedCycles == 1 && cycleLength == nodes)
      guard edges == cycleFlows || roomForAcyclic else {
        throw Failure(
          message: "no pair of companies is left for the \(edges - cycleFlows) acyclic edges; add nodes")
      }
    } else {
      guard plantedCycles == 0 else {
        throw Failure(message: "planted cycles apply only to the planted family, not \(family.rawValue)")
      }
      guard nodes >= 2 || edges == 0 else {
        throw Failure(message: "the \(family.rawValue) family needs at least 2 nodes for its edges")
      }
    }
    self.family = family
    self.nodes = nodes
    self.edges = edges
    self.seed = seed
    self.plantedCycles = family == .planted ? plantedCycles : 0
    self.cycleLength = cycleLength
    self.idWidth = max(6, String(nodes - 1).utf8.count)
  }

  /// The exact number of elementary cycles in the company graph written,
  /// known for the planted family only (nil for the others).
  ///
  /// **Guarantee.** The planted family orders the companies by a seeded
  /// random permutation into ranks. Each planted cycle occupies a block of
  /// ``cycleLength`` consecutive ranks: flows go from each rank of the block
  /// to the next and one flow closes the cycle from the last rank back to the
  /// first. Every other flow goes from a lower to a higher rank and never
  /// joins two companies of the same block. A cycle must use a backward flow;
  /// the only backward flows close blocks, and from a block's first rank no
  /// path climbs back within the block except the block's own chain (forward
  /// flows never re-enter a block from below and closing flows never fall
  /// below their block), so the cycles are exactly the `plantedCycles` blocks:
  /// all of length ``cycleLength``, each one link per pair (no parallel
  /// flows), each block of fresh companies.
  ///
  /// Time-respecting cycles: each planted cycle's flows are dated 1 to 3
  /// days apart in chain order, ending with the closing flow, so it spans at
  /// most 3 × (`cycleLength` − 1) days and is the only time-respecting chain
  /// through its companies; with a window at least that long, the
  /// time-respecting count is also `plantedCycles`.
  public var plantedCycleCount: Int? { family == .planted ? plantedCycles : nil }

  /// The longest span in days of a planted cycle: 3 × (`cycleLength` − 1).
  public var plantedCycleMaximumSpan: Int { 3 * (cycleLength - 1) }

  /// The id of company number `number`: `c` and `idWidth` digits.
  ///
  /// - Precondition: `0 <= number < nodes`.
  public func companyID(_ number: Int) -> String {
    precondition(number >= 0 && number < nodes, "company number out of range")
    let digits = String(number)
    return "c" + String(repeating: "0", count: idWidth - digits.utf8.count) + digits
  }

  /// A one-line description for people, naming the parameters and, for the
  /// planted family, the true cycle count.
  public var summary: String {
    var text = "\(family.rawValue) graph: \(nodes) companies, \(edges) flows, seed \(seed)"
    if let count = plantedCycleCount {
      text += "; \(count) planted cycle\(count == 1 ? "" : "s") of length \(cycleLength)"
      text += " (exactly \(count) elementary cycle\(count == 1 ? "" : "s") in the company graph"
      text += ", each spanning at most \(plantedCycleMaximumSpan) days)"
    }
    return text
  }

  /// The parameters and, for the planted family, the true cycle count, as
  /// a JSON object.
  public var summaryJSON: JSONValue {
    var fields: [(String, JSONValue)] = [
      ("family", .string(family.rawValue)), ("nodes", .int(nodes)), ("edges", .int(edges)),
      ("seed", .rawNumber(String(seed))),
    ]
    if let count = plantedCycleCount {
      fields += [
        ("planted_cycles", .int(count)), ("cycle_length", .int(cycleLength)),
        ("cycle_count", .int(count)), ("planted_cycle_maximum_span_days", .int(plantedCycleMaximumSpan)),
      ]
    }
    return .object(fields)
  }
}
