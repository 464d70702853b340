/// Spans of time as reps write them: `60 days`, `5 years`, `6 weeks`, `60天`, `3个月`, `两年`.
public enum DurationUnit: String, CaseIterable, Sendable {
  case days, weeks, months, years

  /// The unit a word names, in either language (`day`, `wks`, `个月`, `年`, …).
  public init?(word: String) {
    switch AnswerParsing.normalise(word).lowercased() {
    case "day", "days", "d", "天", "日", "工作日", "calendar days": self = .days
    case "week", "weeks", "wk", "wks", "w", "周", "星期", "个星期", "礼拜", "个礼拜": self = .weeks
    case "month", "months", "mo", "mos", "mth", "mths", "月", "个月": self = .months
    case "year", "years", "yr", "yrs", "y", "年": self = .years
    default: return nil
    }
  }

  /// The unit as the plan stores it in that language: `days` or `天`.
  public func word(_ lang: Lang) -> String {
    switch (self, lang) {
    case (.days, .en): return "days"
    case (.weeks, .en): return "weeks"
    case (.months, .en): return "months"
    case (.years, .en): return "years"
    case (.days, .zh): return "天"
    case (.weeks, .zh): return "周"
    case (.months, .zh): return "个月"
    case (.years, .zh): return "年"
    }
  }

  /// How many of `other` one of this unit is, when that is exact (a year is 12 months, a week 7 days).
  public func exactly(in other: DurationUnit) -> Double? {
    switch (self, other) {
    case _ where self == other: return 1
    case (.years, .months): return 12
    case (.weeks, .days): return 7
    case (.months, .years): return 1.0 / 12
    case (.days, .weeks): return 1.0 / 7
    default: return nil
    }
  }
}

public enum DurationParser {
  public struct Duration: Equatable, Sendable {
    public var value: Double
    public var unit: DurationUnit
    public init(_ value: Double, _ unit: DurationUnit) {
      self.value = value
      self.unit = unit
    }
  }

  /// A number (digits or words) and a unit; nil for anything else. `mMeansMonths` reads `36m` as
  /// 36 months (for a term measured in time, where no one means 36 million).
  public static func read(_ typed: String, mMeansMonths: Bool = false) -> Duration? {
    var t = AnswerParsing.normalise(typed)
    if mMeansMonths, t.lowercased().hasSuffix("m"), let n = Double(String(t.dropLast()).trimmingWhitespace), n.isFinite, n >= 0 {
      return Duration(n, .months)
    }
    for word in ["about ", "around ", "约", "大约"] where t.lowercased().hasPrefix(word) { t = String(t.dropFirst(word.count)).trimmingWhitespace }
    if t == "半年" { return Duration(6, .months) }
    // Split where the number ends and the unit begins ("60天", "60 days", "两年", "3个月").
    var number = ""
    var unit = ""
    for c in t {
      if unit.isEmpty,
        c.isNumber || c == "." || (c == "," && !number.isEmpty) || Numerals.chineseDigits[c] != nil || c == "十" || c == "百"
          || (c.isLetter && c.isASCII && number.allSatisfy({ $0.isLetter }))
      {
        number.append(c)
      } else {
        unit.append(c)
      }
    }
    number = number.trimmingWhitespace
    unit = unit.trimmingWhitespace
    // English number words are letters too: "two weeks" splits on the space.
    if number.allSatisfy({ $0.isLetter && $0.isASCII }) {
      let words = t.split(separator: " ")
      guard words.count == 2 else { return nil }
      number = String(words[0])
      unit = String(words[1])
    }
    if unit.hasSuffix("半"), let u = DurationUnit(word: String(unit.dropLast())), let n = Numerals.count(number) {
      return Duration(Double(n) + 0.5, u)  // 一年半
    }
    guard let u = DurationUnit(word: unit) else { return nil }
    // A decimal comma: "1,5 months".
    let parts = number.split(separator: ",", omittingEmptySubsequences: false)
    if parts.count == 2, (1...2).contains(parts[1].count) { number = parts[0] + "." + parts[1] }
    if let n = Double(number), n.isFinite, n >= 0, n <= 100_000 { return Duration(n, u) }
    if let n = Numerals.count(number) { return Duration(Double(n), u) }
    return nil
  }
}
