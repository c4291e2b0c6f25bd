/// A count with its noun: `1 edge`, `2 edges`, `2 companies`.
///
/// - Complexity: O(1).
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
