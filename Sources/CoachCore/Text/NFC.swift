extension StringProtocol {
  /// The text in Unicode Normalization Form C, so that `Café` typed with a precomposed é and
  /// `Café` typed as e + combining accent are the same bytes (plan names, ids, file names).
  /// Uses the standard library's own normaliser; ASCII is returned as it is.
  public var nfc: String {
    let s = String(self)
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
    return String(decoding: s._nfcCodeUnits, as: UTF8.self)
  }
}
