/// The documented range of every figure a plan holds and a rep may type: amounts, prices,
/// negotiation values, BATNA values, concession costs and values, and numeric answers.
///
/// A figure must be finite and between −10^15 and 10^15 (a quadrillion, far above any deal,
/// and small enough that every whole number in it is exact in a Double and that sums and
/// differences of a few hundred figures stay finite). Anything else is re-asked when typed and
/// refused, with the field's location, when a plan file holds it. The published schema states
/// the same bounds (`minimum`/`maximum` in schema/account-plan.schema.json).
public enum NumberRange {
  public static let limit: Double = 1e15
  public static let bounds: ClosedRange<Double> = -limit...limit

  /// True for a finite figure inside the documented range.
  public static func contains(_ value: Double) -> Bool { value.isFinite && bounds.contains(value) }

  /// What to tell a rep whose figure is outside the range.
  public static func problem(_ typed: String) -> Bilingual {
    Bilingual(
      "‘\(typed)’ is outside the range coach stores: a figure must be between −1,000,000,000,000,000 and 1,000,000,000,000,000 (±10^15). Type it again.",
      "‘\(typed)’ 超出范围：数字必须在 −1,000,000,000,000,000 到 1,000,000,000,000,000（±10^15）之间。请重新输入。")
  }

  /// What a plan-format error says about a stored figure outside the range.
  static func formatError(path: String, _ value: Double) -> PlanFormatError {
    PlanFormatError(
      path: path, "the number \(value) is outside the range −10^15 to 10^15 that coach accepts",
      "数字 \(value) 超出 coach 接受的范围（−10^15 到 10^15）")
  }

  /// True when typed text is plainly meant as a number but is too long to be one (so that it is
  /// re-asked rather than kept as words): optional sign, digits with separators, an optional
  /// fraction, and more than 15 digits before the point.
  public static func isOverlongNumeral(_ text: String) -> Bool {
    var digitsBeforePoint = 0
    var seenPoint = false
    var seenDigit = false
    for (i, c) in text.enumerated() {
      switch c {
      case "0"..."9":
        seenDigit = true
        if !seenPoint { digitsBeforePoint += 1 }
      case ",", "_", " ": continue
      case ".": if seenPoint { return false } else { seenPoint = true }
      case "-", "+": if i != 0 { return false }
      default: return false
      }
    }
    return seenDigit && digitsBeforePoint > 15
  }

  /// A clamped whole number for drawing: never traps, whatever the input (NaN gives `low`).
  public static func cell(_ x: Double, _ low: Int, _ high: Int) -> Int {
    guard x.isFinite else { return x == .infinity ? high : low }
    if x <= Double(low) { return low }
    if x >= Double(high) { return high }
    return Int(x)
  }
}
