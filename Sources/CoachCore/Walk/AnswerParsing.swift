/// Turns what a rep typed into a typed answer for each prompt kind, or says what was expected.
public enum AnswerParsing {
  /// Full-width digits and punctuation as ASCII, trimmed.
  public static func normalise(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
      case 0xFF0C: out.append(",")
      case 0xFF0E: out.append(".")
      case 0xFF0D: out.append("-")
      case 0xFF0F: out.append("/")
      case 0x3000: out.append(" ")
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out.trimmingWhitespace
  }

  /// A score from 1 to 5.
  public static func scale(_ text: String) -> Int? {
    // `4`, `４`, `四`, `four`.
    let t = normalise(text)
    guard let n = Int(t) ?? Numerals.chinese(t), (1...5).contains(n) else { return nil }
    return n
  }

  /// One option, by its number, its id, or an unambiguous start of its id or label.
  public static func choice(_ text: String, options: [ChoiceOption]) -> ChoiceOption? {
    let t = normalise(text).lowercased()
    guard !t.isEmpty else { return nil }
    if let n = Int(t) ?? Numerals.chinese(t), options.indices.contains(n - 1) { return options[n - 1] }
    if let exact = options.first(where: { $0.id.lowercased() == t || $0.label.lowercased() == t }) { return exact }
    if let named = ChoiceSynonyms.option(t, in: options) { return named }
    let byID = options.filter { $0.id.lowercased().hasPrefix(t) }
    if byID.count == 1 { return byID[0] }
    let byLabel = options.filter { $0.label.lowercased().hasPrefix(t) }
    if byLabel.count == 1 { return byLabel[0] }
    return nil
  }

  /// A date as YYYY-MM-DD; also accepts `/` or `.` separators, single-digit month and day,
  /// and `2026年12月1日`.
  public static func date(_ text: String) -> CalendarDay? {
    var t = normalise(text)
    if t.hasSuffix("日") || t.hasSuffix("号") { t.removeLast() }
    t = t.replacingCharacters(["年", "月", "/", "."], with: "-")
    let parts = t.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...2).contains(parts[1].count), (1...2).contains(parts[2].count)
    else { return nil }
    return CalendarDay(year: y, month: m, day: d)
  }

  /// True for text shaped like a date (YYYY-M-D with any of the accepted separators), valid or not.
  public static func looksLikeDate(_ text: String) -> Bool {
    var t = normalise(text)
    if t.hasSuffix("日") || t.hasSuffix("号") { t.removeLast() }
    t = t.replacingCharacters(["年", "月", "/", "."], with: "-")
    let parts = t.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }

  /// An amount with an optional currency (`120,000 CNY`, `¥12万`, `1,2M`); nil when it is not
  /// one or when two readings fit (see `AmountParser`, which says which).
  public static func amount(_ text: String) -> (value: Double, currency: String?)? {
    guard case .amount(let a)? = AmountParser.read(text) else { return nil }
    return (a.value, a.currency)
  }

  /// An answer as it should be stored: trimmed at both ends (a Tab completion leaves a space),
  /// and no space left before Chinese punctuation ("刘芳 ，财务" → "刘芳，财务").
  public static func tidy(_ text: String) -> String {
    var out = ""
    for c in text.trimmingWhitespace {
      if "，。；：！？、）」』】》".contains(c) { while out.last == " " || out.last == "\u{3000}" { out.removeLast() } }
      out.append(c)
    }
    return out
  }
}

extension String {
  func replacingCharacters(_ targets: [Character], with replacement: String) -> String {
    var out = ""
    for c in self { if targets.contains(c) { out += replacement } else { out.append(c) } }
    return out
  }
}
