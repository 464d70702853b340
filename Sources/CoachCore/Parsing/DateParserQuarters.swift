/// Quarters as reps give close dates: `end of quarter`, `end of next quarter`, `next quarter`,
/// `Q1`, `Q1 2027`, `2027 Q1`, `end of Q1 2027`, `first quarter of 2027`, `本季度末`, `下季度末`,
/// `下季度`, `一季度`, `2027年第一季度`, `明年一季度`, `明年一季度末`, `2027年Q1`. Quarters are calendar
/// quarters (Q1 = January to March). A quarter named without "end" stands for its last day, and
/// the echo says so (`note`). Without a year a quarter is the coming one: this year's while its
/// last day is still ahead, else next year's.
extension DateParser {
  public struct Quarter: Equatable, Sendable {
    /// 1…4.
    public var quarter: Int
    public var year: Int
    /// The words said "end" (`end of Q1`, `一季度末`); false when a quarter alone stood for its
    /// last day.
    public var endSaid: Bool
    /// The quarter's last day.
    public var lastDay: CalendarDay {
      let month = quarter * 3
      return CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))!
    }
  }

  /// The quarter a typed date names, if it names one.
  public static func quarter(_ typed: String, today: CalendarDay) -> Quarter? {
    var t = AnswerParsing.normalise(typed).lowercased()
    t = t.replacingCharacters(["ｑ"], with: "q")
    return english(t, today: today) ?? chineseQuarter(t.replacingOccurrencesOfSpaces(), today: today)
  }

  /// What the echo adds for a quarter: `end of Q1 2027`, or `Q1 2027, read as its last day`.
  public static func note(_ typed: String, today: CalendarDay, _ l: L10n) -> String? {
    guard let q = quarter(typed, today: today) else { return nil }
    if q.endSaid { return l.t("end of Q\(q.quarter) \(q.year)", "\(q.year)年第\(chineseOrdinals[q.quarter - 1])季度末") }
    return l.t("Q\(q.quarter) \(q.year), read as its last day", "\(q.year)年第\(chineseOrdinals[q.quarter - 1])季度，按该季度最后一天记")
  }

  static let chineseOrdinals = ["一", "二", "三", "四"]

  static func currentQuarter(_ today: CalendarDay) -> (quarter: Int, year: Int) {
    ((today.components.month - 1) / 3 + 1, today.components.year)
  }

  static func shifted(_ q: (quarter: Int, year: Int), by n: Int) -> (quarter: Int, year: Int) {
    let index = q.year * 4 + (q.quarter - 1) + n
    return (index % 4 + 1, index / 4)
  }

  /// The coming quarter with this number: this year's while its last day is ahead, else next year's.
  static func comingYear(ofQuarter quarter: Int, today: CalendarDay) -> Int {
    let thisYear = Quarter(quarter: quarter, year: today.components.year, endSaid: false)
    return thisYear.lastDay >= today ? today.components.year : today.components.year + 1
  }

  /// A year as typed: `2027`, `27`, `'27`.
  static func year(_ word: String) -> Int? {
    var w = Substring(word)
    if w.first == "'" || w.first == "’" { w = w.dropFirst() }
    guard w.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(w) else { return nil }
    if w.count == 4, (1000...9999).contains(n) { return n }
    if w.count == 2 { return 2000 + n }
    return nil
  }

  /// `first`…`fourth`, `1st`…`4th` (of `first quarter`).
  static func quarterNumber(_ word: String) -> Int? {
    return ["first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4][word]
  }

  static func english(_ t: String, today: CalendarDay) -> Quarter? {
    // `q1-2027`, `q1/2027`, `q1'27`: the separators are spaces here.
    var words = t.replacingCharacters([",", "-", "/"], with: " ").split(separator: " ").map(String.init)
    if words.count == 1, let i = words[0].firstIndex(where: { $0 == "'" || $0 == "’" }), words[0].hasPrefix("q") {
      words = [String(words[0][..<i]), String(words[0][i...])]
    }
    var endSaid = false
    if words.count >= 3, words[0] == "end", words[1] == "of" {
      endSaid = true
      words.removeFirst(2)
    } else if words.last == "end" || words.last == "ending" {
      endSaid = true
      words.removeLast()
    } else if words == ["eoq"] {
      return Quarter(quarter: currentQuarter(today).quarter, year: today.components.year, endSaid: true)
    }
    words.removeAll { $0 == "the" || $0 == "of" }
    guard !words.isEmpty else { return nil }
    // The quarter we are in, the next one.
    switch words {
    case ["quarter"] where endSaid, ["this", "quarter"], ["current", "quarter"]:
      let q = currentQuarter(today)
      return Quarter(quarter: q.quarter, year: q.year, endSaid: endSaid)
    case ["next", "quarter"]:
      let q = shifted(currentQuarter(today), by: 1)
      return Quarter(quarter: q.quarter, year: q.year, endSaid: endSaid)
    default: break
    }
    // `q1`, `q1 2027`, `2027 q1`, `first quarter 2027`, `first quarter of 2027`.
    if words.count >= 2, let y = year(words[0]) {
      words.removeFirst()
      words.append(String(y))
    }
    var n: Int?
    if let first = words.first, first.count == 2, first.hasPrefix("q"), let d = Int(first.dropFirst()), (1...4).contains(d) {
      n = d
      words.removeFirst()
    } else if words.count >= 2, words[1] == "quarter", let d = quarterNumber(words[0]) {
      // A spelt-out number needs the word `quarter`: `first` alone is no quarter.
      n = d
      words.removeFirst(2)
    }
    guard let n else { return nil }
    switch words.count {
    case 0: return Quarter(quarter: n, year: comingYear(ofQuarter: n, today: today), endSaid: endSaid)
    case 1:
      guard let y = year(words[0]) else { return nil }
      return Quarter(quarter: n, year: y, endSaid: endSaid)
    default: return nil
    }
  }

  static func chineseQuarter(_ s: String, today: CalendarDay) -> Quarter? {
    var s = s
    var endSaid = false
    for tail in ["结束", "末", "底"] where s.hasSuffix(tail) {
      s.removeLast(tail.count)
      endSaid = true
      break
    }
    switch s {
    case "季度" where endSaid, "季" where endSaid, "本季度", "本季", "这个季度", "这季度", "当季", "当季度":
      let q = currentQuarter(today)
      return Quarter(quarter: q.quarter, year: q.year, endSaid: endSaid)
    case "下季度", "下个季度", "下一季度", "下一个季度", "下季":
      let q = shifted(currentQuarter(today), by: 1)
      return Quarter(quarter: q.quarter, year: q.year, endSaid: endSaid)
    default: break
    }
    // The year first, if any: 2027年, 今年, 明年, 后年.
    var year: Int?
    for (word, offset) in [("今年", 0), ("明年", 1), ("后年", 2)] where s.hasPrefix(word) {
      year = today.components.year + offset
      s.removeFirst(word.count)
      break
    }
    if year == nil, let i = s.firstIndex(of: "年") {
      guard let y = Int(s[..<i]), (1000...9999).contains(y) else { return nil }
      year = y
      s = String(s[s.index(after: i)...])
    }
    if s.hasPrefix("的") { s.removeFirst() }
    // 第一季度, 一季度, 1季度, 第1季, Q1.
    var n: Int?
    if s.count == 2, s.first == "q", let d = Int(s.dropFirst()), (1...4).contains(d) {
      n = d
    } else {
      if s.hasPrefix("第") { s.removeFirst() }
      for tail in ["季度", "季"] where s.hasSuffix(tail) {
        let body = String(s.dropLast(tail.count))
        if let d = Numerals.count(body), (1...4).contains(d), body.count == 1 { n = d }
        break
      }
    }
    guard let n else { return nil }
    return Quarter(quarter: n, year: year ?? comingYear(ofQuarter: n, today: today), endSaid: endSaid)
  }
}
