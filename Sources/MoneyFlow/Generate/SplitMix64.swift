/// A small, fast, seedable pseudo-random number generator: SplitMix64.
///
/// Each call adds the golden-ratio increment `0x9E3779B97F4A7C15` to a 64-bit
/// state and scrambles it with two xor-shift-multiply rounds (Steele, Lea and
/// Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
/// constants from Vigna's public-domain `splitmix64.c`). The sequence depends
/// only on the seed, on every platform and in every run, which makes it the
/// generator of choice for reproducible graphs and tests. It is not
/// cryptographically secure.
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// let die = Int.random(in: 1 ... 6, using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The current state; the next output is a function of it alone.
  public var state: UInt64

  /// Creates a generator whose sequence is determined by `seed`.
  @inlinable public init(seed: UInt64) { state = seed }

  /// Returns the next 64 random bits.
  ///
  /// - Complexity: O(1): one addition, three multiplications and shifts.
  @inlinable public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Returns a number in `0 ..< bound`, by the high half of a 128-bit product
  /// (Lemire's multiply-shift without the rejection step).
  ///
  /// Unlike the standard library's `random(in:using:)`, whose algorithm may
  /// change between releases, this mapping is fixed, so generated data stays
  /// byte-identical across toolchains. The bias is below `bound / 2^64`.
  ///
  /// - Precondition: `bound > 0`.
  /// - Complexity: O(1).
  @inlinable public mutating func next(below bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// Returns a `Double` in `0 ..< 1` with 53 random bits.
  ///
  /// - Complexity: O(1).
  @inlinable public mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}
