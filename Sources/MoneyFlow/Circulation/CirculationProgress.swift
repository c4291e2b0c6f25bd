/// How far a maximum circulation has got, for a progress line on long runs.
///
/// Reported by ``FlowGraph/maximumCirculation(selection:stop:progress:)`` while the
/// solver runs (after each global price update: about every *n* relabels)
/// and by ``MaximumCirculation/cycleDecomposition(in:limit:threads:progress:)`` as
/// the walk passes every hundredth of the companies. Reporting changes
/// nothing in the answer.
public struct CirculationProgress: Sendable, Hashable {
  /// What the computation is doing.
  public enum Stage: Sendable, Hashable {
    /// Cost scaling: `refine` is the refine running (1, 2, …) and `count`
    /// the companies that still hold excess money to move, out of `total`
    /// companies in the solver's network.
    case solving
    /// The cycle decomposition: `count` companies of `total` done.
    case decomposing
  }

  public var stage: Stage
  /// The refine running (solving only; 0 while decomposing).
  public var refine: Int
  public var count: Int
  public var total: Int

  public init(stage: Stage, refine: Int = 0, count: Int, total: Int) {
    self.stage = stage
    self.refine = refine
    self.count = count
    self.total = total
  }
}
