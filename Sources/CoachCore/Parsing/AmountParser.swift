/// Reads an amount the way reps write it: decimal commas and points, thousands separators of
/// every common kind (`,` `.` space `'`), suffixes (k, m, mn, bn, million, 千, 万, 亿), a currency
/// sign or ISO code before or after, and "about / ~ / 约" for an estimate. An amount that two
/// readings fit (`1,050`: one thousand and fifty, or one point zero five) is returned with both,
/// so the caller can ask.
public enum AmountParser {
  /// The largest amount coach stores (1e15, a thousand trillion): anything bigger is a typing slip,
  /// and bigger numbers no longer print exactly.
  /// The largest figure, either sign: the plan's documented range (NumberRange).
  public static let maximum: Double = NumberRange.limit

  public struct Amount: Equatable, Sendable {
    public var value: Double
    /// An ISO code (CNY, USD, …) when one was written.
    public var currency: String?
    /// Written as an estimate ("about 1.2M", "约120万").
    public var approximate: Bool
    public init(value: Double, currency: String? = nil, approximate: Bool = false) {
      self.value = value
      self.currency = currency
      self.approximate = approximate
    }
  }

  public enum Reading: Equatable, Sendable {
    case amount(Amount)
    /// Two readings, the thousands reading first.
    case ambiguous(Amount, Amount)
    /// A number beyond `maximum` (or not finite).
    case outOfRange
  }

  /// Currency signs and words, and the ISO code each stands for.
  static let signs: [(String, String)] = [
    ("US$", "USD"), ("HK$", "HKD"), ("RMB¥", "CNY"), ("¥", "CNY"), ("￥", "CNY"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"),
    ("人民币", "CNY"), ("元", "CNY"), ("块", "CNY"), ("美元", "USD"), ("欧元", "EUR"), ("英镑", "GBP"), ("港币", "HKD"), ("日元", "JPY"),
  ]
  /// ISO codes coach recognises as words before or after the number.
  public static let codes: Set<String> = ["CNY", "RMB", "USD", "EUR", "GBP", "JPY", "HKD", "CHF", "SGD", "AUD", "CAD", "KRW", "INR", "TWD", "SEK", "NOK", "DKK"]

  static let approximateWords = ["approximately", "approx.", "approx", "about", "around", "roughly", "circa", "ca.", "some", "~", "≈", "约", "大约", "大概", "差不多"]
  static let approximateTails = ["左右", "上下", "或者更多", "ish"]

  /// Multipliers by the word or letter after the number; longest first, matched case-insensitively
  /// except `M`/`m` which both mean million (no one writes milli-yuan).
  static let multipliers: [(String, Double)] = [
    ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
    ("mln", 1e6), ("mio", 1e6), ("bln", 1e9), ("mn", 1e6), ("bn", 1e9), ("k", 1e3), ("m", 1e6), ("b", 1e9),
    ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4), ("千", 1e3),
  ]

  /// Nil when the text is not an amount at all.
  public static func read(_ typed: String) -> Reading? {
    // `三十五万元`, `一百二十万`: Chinese numerals read as digits first.
    var t = Numerals.chineseAmountsAsDigits(AnswerParsing.normalise(typed))
    var approximate = false
    var currency: String? = nil
    var changed = true
    // Peel signs, codes, estimate words and multipliers off both ends until nothing changes.
    var multiplier = 1.0
    var sawMultiplier = false
    while changed && !t.isEmpty {
      changed = false
      let lower = t.lowercased()
      for word in approximateWords where lower.hasPrefix(word) {
        t = String(t.dropFirst(word.count)).trimmingWhitespace
        approximate = true
        changed = true
        break
      }
      if changed { continue }
      for word in approximateTails where lower.hasSuffix(word) {
        t = String(t.dropLast(word.count)).trimmingWhitespace
        approximate = true
        changed = true
        break
      }
      if changed { continue }
      for (sign, code) in signs.sorted(by: { $0.0.count > $1.0.count }) {
        if t.hasPrefix(sign) {
          t = String(t.dropFirst(sign.count)).trimmingWhitespace
          currency = code
          changed = true
          break
        }
        if t.hasSuffix(sign) {
          t = String(t.dropLast(sign.count)).trimmingWhitespace
          currency = code
          changed = true
          break
        }
      }
      if changed { continue }
      let words = t.split(separator: " ")
      if words.count > 1, let first = words.first, codes.contains(first.uppercased()) {
        currency = first.uppercased()
        t = words.dropFirst().joined(separator: " ")
        changed = true
        continue
      }
      if words.count > 1, let last = words.last, codes.contains(last.uppercased()) {
        currency = last.uppercased()
        t = words.dropLast().joined(separator: " ")
        changed = true
        continue
      }
      if let glued = gluedCode(t) {
        currency = glued.code
        t = glued.rest
        changed = true
        continue
      }
      if !sawMultiplier {
        for (word, factor) in multipliers where lower.hasSuffix(word) {
          let rest = String(t.dropLast(word.count))
          // A letter suffix must follow a digit (or a space after one): "1.2m", "120 k".
          guard let before = rest.trimmingWhitespace.last, before.isASCII, before.isNumber else { continue }
          if word.count <= 3, word.allSatisfy({ $0.isLetter && $0.isASCII }), let prev = rest.last, prev.isLetter { continue }
          t = rest.trimmingWhitespace
          multiplier = factor
          sawMultiplier = true
          changed = true
          break
        }
      }
    }
    if currency == "RMB" { currency = "CNY" }
    guard let body = numberReadings(t) else { return nil }
    func amount(_ n: Decimalish) -> Amount? {
      let v = n.value(times: multiplier)
      guard v.isFinite, abs(v) <= maximum else { return nil }
      return Amount(value: v, currency: currency, approximate: approximate)
    }
    switch body {
    case .one(let n):
      guard let a = amount(n) else { return .outOfRange }
      return .amount(a)
    case .two(let thousands, let decimal):
      guard let a = amount(thousands), let b = amount(decimal) else {
        if let b = amount(decimal) { return .amount(b) }
        return .outOfRange
      }
      return .ambiguous(a, b)
    }
  }

  /// "120000CNY", "80000eur": a known code stuck to the digits.
  static func gluedCode(_ t: String) -> (code: String, rest: String)? {
    guard t.count > 3 else { return nil }
    let code = String(t.suffix(3)).uppercased()
    let rest = String(t.dropLast(3))
    guard codes.contains(code), let last = rest.last, last.isNumber || last == "." || last == "," else {
      let lead = String(t.prefix(3)).uppercased()
      let tail = String(t.dropFirst(3))
      guard codes.contains(lead), let first = tail.first, first.isNumber else { return nil }
      return (lead, tail)
    }
    return (code, rest)
  }

  /// A decimal number as digits and a count of decimal places, so 1.05 × 1e6 is exactly 1,050,000.
  struct Decimalish: Equatable {
    var digits: String
    var places: Int
    var negative: Bool
    func value(times multiplier: Double) -> Double {
      guard let whole = Double(digits) else { return .infinity }
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      let v = whole * multiplier / scale
      return negative ? -v : v
    }
  }

  enum Body { case one(Decimalish), two(Decimalish, Decimalish) }

  static let groupSeparators: Set<Character> = [",", ".", " ", "'", "’", "_", "\u{00A0}", "\u{202F}"]

  /// The readings of a written number with its separators.
  static func numberReadings(_ text: String) -> Body? {
    var t = text.trimmingWhitespace
    var negative = false
    if t.hasPrefix("-") || t.hasPrefix("−") {
      negative = true
      t.removeFirst()
    }
    guard let first = t.first, first.isASCII, first.isNumber || first == "." || first == "," else { return nil }
    guard let lastChar = t.last, lastChar.isASCII, lastChar.isNumber else { return nil }
    // Split into runs of digits and the separators between them.
    var groups: [String] = []
    var seps: [Character] = []
    var current = ""
    for c in t {
      if c.isASCII && c.isNumber {
        current.append(c)
        continue
      }
      guard groupSeparators.contains(c) else { return nil }
      groups.append(current)
      seps.append(c)
      current = ""
    }
    groups.append(current)
    if seps.isEmpty { return .one(Decimalish(digits: t, places: 0, negative: negative)) }
    if groups.dropFirst().contains(where: \.isEmpty) { return nil }
    if groups[0].isEmpty { groups[0] = "0" }  // ".5", ",5"
    func grouped(_ gs: [String]) -> Bool {
      guard let head = gs.first, (1...3).contains(head.count) || (head == "0") else { return false }
      return gs.dropFirst().allSatisfy { $0.count == 3 }
    }
    func plain(_ gs: [String]) -> String { gs.joined() }
    let kinds = Set(seps.map { $0 == "’" ? "'" : $0 })
    let last = seps.last!
    if kinds.count > 1 {
      // The last separator, used once, is the decimal mark; the others group thousands.
      guard last == "," || last == ".", seps.filter({ $0 == last }).count == 1 else { return nil }
      let intGroups = Array(groups.dropLast())
      guard grouped(intGroups) else { return nil }
      return .one(Decimalish(digits: plain(intGroups) + groups.last!, places: groups.last!.count, negative: negative))
    }
    if last != "," && last != "." || seps.count > 1 {
      guard grouped(groups) else { return nil }
      return .one(Decimalish(digits: plain(groups), places: 0, negative: negative))
    }
    // One `,` or `.`: a decimal mark unless exactly three digits follow.
    let whole = groups[0]
    let fraction = groups[1]
    let decimal = Decimalish(digits: whole + fraction, places: fraction.count, negative: negative)
    guard fraction.count == 3, whole != "0", whole.count <= 3 else { return .one(decimal) }
    let thousands = Decimalish(digits: whole + fraction, places: 0, negative: negative)
    // Nobody writes 120.000 for 120: three zeros group thousands.
    if fraction == "000" { return .one(thousands) }
    return .two(thousands, decimal)
  }

  /// The ISO code a unit names (`CNY`, `元`, `¥`), or nil when it is not a currency.
  public static func currencyCode(_ unit: String) -> String? {
    let t = unit.trimmingWhitespace
    if codes.contains(t.uppercased()) { return t.uppercased() == "RMB" ? "CNY" : t.uppercased() }
    return signs.first { $0.0 == t }?.1
  }

  /// An amount as stored, for the echo: "1,050,000 CNY", "≈ 1,200,000 USD".
  public static func describe(_ value: Double, currency: String?, approximate: Bool = false) -> String {
    (approximate ? "≈ " : "") + Blocks.number(value) + (currency.map { " " + $0 } ?? "")
  }
}
