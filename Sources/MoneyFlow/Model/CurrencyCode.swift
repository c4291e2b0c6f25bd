/// Checks for ISO 4217-style currency codes.
public enum CurrencyCode {
  /// Whether `code` is three ASCII capital letters (`USD`, `JPY`).
  public static func isValid(_ code: String) -> Bool {
    let bytes = Array(code.utf8)
    return bytes.count == 3 && bytes.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
  }
}
