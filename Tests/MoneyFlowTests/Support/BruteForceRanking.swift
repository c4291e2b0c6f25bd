/// The order of circulating amounts both brute-force rankings use (written
/// apart from the library's): a known amount before an unknown one, a
/// larger before a smaller; nil when they tie.
func bruteForceAmountOrder(_ a: Double?, _ b: Double?) -> Bool? {
  if a == b { return nil }
  guard let a else { return false }
  guard let b else { return true }
  return a > b
}
