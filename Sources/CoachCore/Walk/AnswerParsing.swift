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
    guard let n = Int(normalise(text)), (1...5).contains(n) else { return nil }
    return n
  }

  /// One option, by its number, its id, or an unambiguous start of its id or label.
  public static func choice(_ text: String, options: [ChoiceOption]) -> ChoiceOption? {
    let t = normalise(text).lowercased()
    guard !t.isEmpty else { return nil }
    if let n = Int(t), options.indices.contains(n - 1) { return options[n - 1] }
    if let exact = options.first(where: { $0.id.lowercased() == t || $0.label.lowercased() == t }) { return exact }
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

  /// An amount with an optional currency: `120000`, `120,000 CNY`, `¥120,000`, `$1.2m`,
  /// `120k`, `12万`, `1.5亿`, `3.5 million`, `EUR 80 000`.
  public static func amount(_ text: String) -> (value: Double, currency: String?)? {
    var t = normalise(text)
    guard !t.isEmpty else { return nil }
    var currency: String? = nil
    let symbols: [(String, String)] = [("¥", "CNY"), ("￥", "CNY"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("元", "CNY"), ("人民币", "CNY"), ("美元", "USD"), ("欧元", "EUR")]
    for (symbol, code) in symbols {
      if t.hasPrefix(symbol) { currency = code; t = String(t.dropFirst(symbol.count)).trimmingWhitespace }
      if t.hasSuffix(symbol) { currency = code; t = String(t.dropLast(symbol.count)).trimmingWhitespace }
    }
    // A three-letter currency code before or after the number.
    let words = t.split(separator: " ")
    if let first = words.first, first.count == 3, first.allSatisfy({ $0.isLetter && $0.isASCII }) {
      currency = first.uppercased()
      t = words.dropFirst().joined(separator: " ")
    } else if let last = words.last, words.count > 1, last.count == 3, last.allSatisfy({ $0.isLetter && $0.isASCII }),
      !["mln", "bln"].contains(last.lowercased())
    {
      currency = last.uppercased()
      t = words.dropLast().joined(separator: " ")
    }
    var multiplier = 1.0
    let suffixes: [(String, Double)] = [("million", 1e6), ("billion", 1e9), ("thousand", 1e3), ("mln", 1e6), ("bln", 1e9),
                                        ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("k", 1e3), ("m", 1e6), ("b", 1e9)]
    let lower = t.lowercased()
    for (suffix, factor) in suffixes where lower.hasSuffix(suffix) {
      multiplier = factor
      t = String(t.dropLast(suffix.count)).trimmingWhitespace
      break
    }
    let digits = t.filter { $0 != "," && $0 != " " && $0 != "_" }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber && $0.isASCII || $0 == "." || $0 == "-" }),
      let n = Double(digits), n.isFinite
    else { return nil }
    return (n * multiplier, currency)
  }
}

extension String {
  func replacingCharacters(_ targets: [Character], with replacement: String) -> String {
    var out = ""
    for c in self { if targets.contains(c) { out += replacement } else { out.append(c) } }
    return out
  }
}
