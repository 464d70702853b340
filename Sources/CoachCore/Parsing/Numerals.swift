/// Small counts written as words: `2`, `two`, `两`, `十二`, `二十`.
public enum Numerals {
  static let english: [String: Int] = [
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30,
  ]
  static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

  /// A whole number from digits, an English word, or Chinese numerals up to 999.
  public static func count(_ text: String) -> Int? {
    let t = AnswerParsing.normalise(text).lowercased()
    if let n = Int(t), n >= 0 { return n }
    if let n = english[t] { return n }
    return chinese(t)
  }

  static func chinese(_ t: String) -> Int? {
    guard !t.isEmpty else { return nil }
    var total = 0
    var digit: Int? = nil
    for c in t {
      if let d = chineseDigits[c] {
        guard digit == nil else { return nil }
        digit = d
        continue
      }
      switch c {
      case "十": total += (digit ?? 1) * 10
      case "百": total += (digit ?? 1) * 100
      default: return nil
      }
      digit = nil
    }
    return total + (digit ?? 0)
  }

  /// Chinese numerals with 千, 万 and 亿 (`三十五万` = 350000, `一亿二千万`, `一百零五`); nil unless
  /// the whole text is numerals.
  public static func chineseAmount(_ t: String) -> Int? {
    guard !t.isEmpty else { return nil }
    var total = 0
    var section = 0
    var digit: Int? = nil
    for c in t {
      if let d = chineseDigits[c] {
        guard digit == nil || digit == 0 else { return nil }
        digit = d
        continue
      }
      switch c {
      case "十", "百", "千":
        let unit = c == "十" ? 10 : c == "百" ? 100 : 1000
        guard let d = digit ?? (c == "十" ? 1 : nil) else { return nil }
        section += d * unit
      case "万":
        guard section + (digit ?? 0) > 0 else { return nil }
        total += (section + (digit ?? 0)) * 10_000
        section = 0
      case "亿":
        guard total + section + (digit ?? 0) > 0 else { return nil }
        total = (total + section + (digit ?? 0)) * 100_000_000
        section = 0
      default: return nil
      }
      digit = nil
    }
    return total + section + (digit ?? 0)
  }

  /// Runs of Chinese numerals in `text` written as digits (`约三十五万元` → `约350000元`); a run
  /// that is only a multiplier (`35万`) or does not read as a number is left alone.
  public static func chineseAmountsAsDigits(_ text: String) -> String {
    let numeral: (Character) -> Bool = { chineseDigits[$0] != nil || "十百千万亿".contains($0) }
    var out = ""
    var run = ""
    func flush() {
      if run.contains(where: { chineseDigits[$0] != nil || $0 == "十" }), let n = chineseAmount(run) { out += String(n) } else { out += run }
      run = ""
    }
    for c in text {
      if numeral(c) {
        run.append(c)
      } else {
        flush()
        out.append(c)
      }
    }
    flush()
    return out
  }
}
