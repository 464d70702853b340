/// Dates as reps write them, resolved against a given today (the session's clock, never the wall
/// clock): ISO, `2026年12月15日`, `15/12`, `12/15`, `Dec 15`, `15 Dec`, `tomorrow`, `next Tuesday`,
/// `in 2 weeks`, `end of month`, `明天`, `下周二`, `两周后`, `月底`, quarters (`end of Q1 2027`,
/// `next quarter`, `明年一季度末`: DateParserQuarters.swift). A day/month order that could be
/// read both ways (`3/4`) comes back with both readings.
public enum DateParser {
  public enum Reading: Equatable, Sendable {
    case day(CalendarDay)
    /// Two readings: day/month first, then month/day (or this week's, then next week's).
    case ambiguous(CalendarDay, CalendarDay)
    /// Shaped like a date but not a day in the calendar (`2026-02-30`).
    case impossible
  }

  static let monthNames: [String: Int] = {
    let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    var out: [String: Int] = [:]
    for (i, name) in names.enumerated() {
      out[name] = i + 1
      out[String(name.prefix(3))] = i + 1
    }
    out["sept"] = 9
    return out
  }()

  /// Monday = 1 … Sunday = 7.
  static let weekdayNames: [String: Int] = [
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
    "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
  ]
  static let chineseWeekdays: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "末": 6]

  /// `past`: the answer says when something happened (a last contact, a visit, an order), so a
  /// day given without its year or week is the latest such day up to today (`2 Sep`, `Friday`,
  /// `9月5日`), and `3 days ago`, `last Friday`, `两周前`, `上周五` are read too. A day still after
  /// today (`tomorrow`, a full future date) comes back as it is, for the caller to refuse.
  public static func read(_ typed: String, today: CalendarDay, past: Bool) -> Reading? {
    guard past else { return read(typed, today: today) }
    let t = AnswerParsing.normalise(typed).lowercased()
    if let r = ago(t, today: today) { return r }
    guard let r = read(typed, today: today) else { return nil }
    let hasYear = t.contains { $0.isNumber } && (t.split(whereSeparator: { !$0.isNumber }).contains { $0.count == 4 } || t.contains("年"))
    let tokens = t.replacingCharacters([","], with: " ").split(separator: " ").map { String($0).trimmingTrailingDot }
    let namesWeekday = tokens.count <= 2 && (tokens.contains { weekdayNames[$0] != nil } || ["周", "星期", "礼拜"].contains { t.contains($0) })
    // A day and month without a year: `2 Sep`, `Sep 2nd`, `9月5日`, `5/9`.
    let namesDayOfMonth =
      tokens.contains { monthNames[$0] != nil } || (t.contains("月") && !t.contains("底") && !t.contains("末"))
      || (t.allSatisfy { $0.isNumber || $0 == "/" || $0 == "." } && t.contains { $0 == "/" || $0 == "." })
    func back(_ d: CalendarDay) -> CalendarDay {
      guard d > today, !hasYear, namesWeekday || namesDayOfMonth else { return d }
      if namesWeekday {
        var x = d
        while x > today { x = x.adding(days: -7) }
        return x
      }
      let c = d.components
      return CalendarDay(year: c.year - 1, month: c.month, day: c.day) ?? d
    }
    switch r {
    case .day(let d): return .day(back(d))
    case .ambiguous(let a, let b):
      let (x, y) = (back(a), back(b))
      return x == y ? .day(x) : .ambiguous(x, y)
    case .impossible: return r
    }
  }

  /// `3 days ago`, `2 weeks ago`, `a month ago`, `last Friday`, `last week`, `3天前`, `两周前`,
  /// `一个月以前`, `上周五`, `上周`, `上个月`.
  static func ago(_ t: String, today: CalendarDay) -> Reading? {
    let words = t.split(separator: " ").map(String.init)
    if words.count == 3, words[2] == "ago", let unit = DurationUnit(word: words[1]) {
      let n = words[0] == "a" || words[0] == "an" ? 1 : Numerals.count(words[0])
      if let n { return .day(adding(-n, unit, to: today)) }
    }
    if words.count == 2, words[0] == "last" {
      if let wd = weekdayNames[words[1]] { return .day(weekday(wd, weekOffset: -1, today: today)) }
      if words[1] == "week" { return .day(weekday(1, weekOffset: -1, today: today)) }
      if words[1] == "month" { return .day(addingMonths(-1, to: today)) }
    }
    let s = t.replacingOccurrencesOfSpaces()
    for tail in ["以前", "之前", "前"] where s.hasSuffix(tail) {
      let span = String(s.dropLast(tail.count))
      if let d = DurationParser.read(span), d.value == d.value.rounded(), d.value > 0 { return .day(adding(-Int(d.value), d.unit, to: today)) }
      break
    }
    for prefix in ["上个星期", "上个礼拜", "上星期", "上礼拜", "上周"] where s.hasPrefix(prefix) {
      let rest = String(s.dropFirst(prefix.count))
      if rest.isEmpty { return .day(weekday(1, weekOffset: -1, today: today)) }
      if rest.count == 1, let wd = chineseWeekdays[rest] { return .day(weekday(wd, weekOffset: -1, today: today)) }
      break
    }
    if s == "上个月" || s == "上月" { return .day(addingMonths(-1, to: today)) }
    return nil
  }

  public static func read(_ typed: String, today: CalendarDay) -> Reading? {
    let t = AnswerParsing.normalise(typed).lowercased()
    guard !t.isEmpty else { return nil }
    if let r = relative(t, today: today) { return r }
    if let q = quarter(t, today: today) { return .day(q.lastDay) }
    if let r = relativeYear(t, today: today) { return r }
    if let r = endOfNamedMonth(t, today: today) { return r }
    if let r = chinese(t, today: today) { return r }
    if let r = numeric(t, today: today) { return r }
    if let r = named(t, today: today) { return r }
    return nil
  }

  // MARK: today, tomorrow, weekdays, in N units, end of month

  static func relative(_ t: String, today: CalendarDay) -> Reading? {
    switch t {
    case "today", "今天", "今日": return .day(today)
    case "tomorrow", "tmrw", "明天", "明日": return .day(today.adding(days: 1))
    case "day after tomorrow", "the day after tomorrow", "后天": return .day(today.adding(days: 2))
    case "yesterday", "昨天": return .day(today.adding(days: -1))
    case "end of month", "end of the month", "eom", "月底", "本月底", "这个月底", "月末", "本月末": return .day(endOfMonth(today, plus: 0))
    case "end of next month", "下月底", "下个月底", "下月末": return .day(endOfMonth(today, plus: 1))
    case "end of year", "end of the year", "年底", "今年年底", "年末": return .day(CalendarDay(year: today.components.year, month: 12, day: 31)!)
    case "end of week", "end of the week", "周末", "本周末", "这周末": return .day(weekday(6, weekOffset: 0, today: today))
    case "next week", "下周": return .day(weekday(1, weekOffset: 1, today: today))
    case "next month", "下个月", "下月": return .day(addingMonths(1, to: today))
    default: break
    }
    var words = t.split(separator: " ").map(String.init)
    if words.first == "on" { words.removeFirst() }
    // "tuesday", "this tuesday", "next tuesday"
    if let last = words.last, let wd = weekdayNames[last] {
      switch words.dropLast() {
      case []:
        return .day(coming(wd, today: today))
      case ["this"]:
        return .day(weekday(wd, weekOffset: 0, today: today))
      case ["next"]:
        // "Next Tuesday" is the coming Tuesday to some and next week's to others: ask when they differ.
        let coming = coming(wd, today: today)
        let nextWeek = weekday(wd, weekOffset: 1, today: today)
        return coming == nextWeek ? .day(nextWeek) : .ambiguous(coming, nextWeek)
      default: return nil
      }
    }
    // "in 2 weeks", "2 weeks from now", "in three days"
    var span: [String] = []
    if words.first == "in", words.count == 3 { span = Array(words[1...]) }
    if words.count == 4, words[2...] == ["from", "now"] { span = Array(words[..<2]) }
    if span.count == 2, let n = Numerals.count(span[0]), let unit = DurationUnit(word: span[1]) {
      return .day(adding(n, unit, to: today))
    }
    return nil
  }

  // MARK: 下周二, 两周后, 12月15日

  static func chinese(_ t: String, today: CalendarDay) -> Reading? {
    var s = t.replacingOccurrencesOfSpaces()
    // 周二, 星期二, 礼拜二 with 本/这/下/下个
    for prefix: String in ["下下周", "下下个星期", "下个星期", "下个礼拜", "下星期", "下礼拜", "下周", "本周", "这周", "这个星期", "这星期", "星期", "礼拜", "周"] where s.hasPrefix(prefix) {
      let rest = String(s.dropFirst(prefix.count))
      guard rest.count == 1, let wd = chineseWeekdays[rest] else { break }
      if prefix.hasPrefix("下下") { return .day(weekday(wd, weekOffset: 2, today: today)) }
      if prefix.hasPrefix("下") { return .day(weekday(wd, weekOffset: 1, today: today)) }
      if prefix.hasPrefix("本") || prefix.hasPrefix("这") { return .day(weekday(wd, weekOffset: 0, today: today)) }
      return .day(coming(wd, today: today))
    }
    // 两周后, 3天后, 一个月以后, 10天之后
    for tail in ["以后", "之后", "后"] where s.hasSuffix(tail) {
      let span = String(s.dropLast(tail.count))
      if let d = DurationParser.read(span), d.value == d.value.rounded() { return .day(adding(Int(d.value), d.unit, to: today)) }
      return nil
    }
    // 12月15日 / 12月15号 (the next such day), 2026年12月15日 is handled with the numeric forms.
    if !s.contains("年"), s.contains("月") {
      if s.hasSuffix("日") || s.hasSuffix("号") { s.removeLast() }
      let parts = s.split(separator: "月", omittingEmptySubsequences: false)
      guard parts.count == 2, let m = Numerals.count(String(parts[0])), let d = Numerals.count(String(parts[1])) else { return nil }
      return upcoming(month: m, day: d, today: today)
    }
    return nil
  }

  // MARK: 2026-12-15, 15/12, 12/15/2026, 2026年12月15日

  static func numeric(_ t: String, today: CalendarDay) -> Reading? {
    var s = t
    if s.hasSuffix("日") || s.hasSuffix("号") { s.removeLast() }
    s = s.replacingCharacters(["年", "月"], with: "-")
    let separators: [Character] = ["-", "/", "."]
    guard let sep = s.first(where: { separators.contains($0) }) else { return nil }
    let parts = s.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
    guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
    let n = parts.compactMap { Int($0) }
    if parts.count == 3 && parts[0].count == 4 {
      // Year first: always year-month-day.
      guard (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) else { return nil }
      return CalendarDay(year: n[0], month: n[1], day: n[2]).map { .day($0) } ?? .impossible
    }
    guard sep != "-" || parts.count == 3 else { return nil }
    if parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
      return dayMonth(n[0], n[1], year: n[2], today: today)
    }
    if parts.count == 2, parts[0].count <= 2, parts[1].count <= 2 {
      return dayMonth(n[0], n[1], year: nil, today: today)
    }
    return nil
  }

  /// `a/b`: day/month when a > 12, month/day when b > 12, else both readings.
  static func dayMonth(_ a: Int, _ b: Int, year: Int?, today: CalendarDay) -> Reading {
    func day(_ d: Int, _ m: Int) -> CalendarDay? {
      if let year { return CalendarDay(year: year, month: m, day: d) }
      if case .day(let x)? = upcoming(month: m, day: d, today: today) { return x }
      return nil
    }
    let dm = day(a, b)
    let md = day(b, a)
    switch (dm, md) {
    case (let x?, let y?) where x == y: return .day(x)
    case (let x?, let y?): return .ambiguous(x, y)
    case (let x?, nil): return .day(x)
    case (nil, let y?): return .day(y)
    case (nil, nil): return .impossible
    }
  }

  // MARK: Dec 15, 15 Dec, December 15th 2026

  static func named(_ t: String, today: CalendarDay) -> Reading? {
    let words = t.replacingCharacters([","], with: " ").split(separator: " ").map(String.init)
    guard (2...3).contains(words.count) else { return nil }
    func dayNumber(_ w: String) -> Int? {
      var w = w
      for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
        w.removeLast(2)
        break
      }
      guard w.count <= 2 else { return nil }
      return Int(w)
    }
    var month: Int?
    var day: Int?
    if let m = monthNames[words[0].trimmingTrailingDot], let d = dayNumber(words[1]) {
      month = m
      day = d
    } else if let d = dayNumber(words[0]), let m = monthNames[words[1].trimmingTrailingDot] {
      month = m
      day = d
    }
    guard let month, let day else { return nil }
    if words.count == 3 {
      guard words[2].count == 4, let y = Int(words[2]) else { return nil }
      return CalendarDay(year: y, month: month, day: day).map { .day($0) } ?? .impossible
    }
    return upcoming(month: month, day: day, today: today) ?? .impossible
  }

  /// The last day of a named month, the coming one unless a year is given: `end of March`,
  /// `end of March 2027`, `March end`, `3月底`, `三月底`, `2027年3月末` — how reps give a close date.
  static func endOfNamedMonth(_ t: String, today: CalendarDay) -> Reading? {
    var month: Int?
    var year: Int?
    let words = t.replacingCharacters([","], with: " ").split(separator: " ").map(String.init)
    if words.count >= 3, words[0] == "end", words[1] == "of" {
      var rest = Array(words.dropFirst(2))
      if rest.first == "the" { rest.removeFirst() }
      guard (1...2).contains(rest.count), let m = monthNames[rest[0].trimmingTrailingDot] else { return nil }
      month = m
      if rest.count == 2 {
        guard rest[1].count == 4, let y = Int(rest[1]) else { return nil }
        year = y
      }
    } else if words.count == 2, words[1] == "end", let m = monthNames[words[0].trimmingTrailingDot] {
      month = m
    } else if t.hasSuffix("月底") || t.hasSuffix("月末") {
      var body = String(t.dropLast(2))
      if let i = body.firstIndex(of: "年") {
        guard let y = Int(body[..<i]), (1000...9999).contains(y) else { return nil }
        year = y
        body = String(body[body.index(after: i)...])
      }
      guard !body.isEmpty, let m = Numerals.count(body), (1...12).contains(m) else { return nil }
      month = m
    }
    guard let month else { return nil }
    func last(_ y: Int) -> CalendarDay { CalendarDay(year: y, month: month, day: CalendarDay.daysIn(month: month, year: y))! }
    if let year { return .day(last(year)) }
    let thisYear = last(today.components.year)
    return .day(thisYear >= today ? thisYear : last(today.components.year + 1))
  }

  /// A year said relative to today in front of (Chinese) or after (English) a month: `明年3月底`,
  /// `明年3月15日`, `今年12月底`, `明年年底`, `end of March next year`, `March 15 next year`,
  /// `end of next year`. Read by writing the year out and reading the rest as usual.
  static func relativeYear(_ t: String, today: CalendarDay) -> Reading? {
    let year = today.components.year
    func endOfYear(_ y: Int) -> Reading { .day(CalendarDay(year: y, month: 12, day: 31)!) }
    switch t {
    case "end of next year", "end of the next year", "明年年底", "明年底", "明年年末", "明年末": return endOfYear(year + 1)
    case "end of this year", "今年底", "今年年末": return endOfYear(year)
    default: break
    }
    let s = t.replacingOccurrencesOfSpaces()
    for (prefix, offset) in [("明年", 1), ("今年", 0), ("后年", 2)] where s.hasPrefix(prefix) {
      let rest = String(s.dropFirst(prefix.count))
      guard rest.contains("月"), !rest.contains("年") else { return nil }
      return read("\(year + offset)年" + rest, today: today)
    }
    for (suffix, offset) in [(" next year", 1), (" this year", 0)] where t.hasSuffix(suffix) {
      let rest = String(t.dropLast(suffix.count))
      let words = rest.replacingCharacters([","], with: " ").split(separator: " ").map { String($0).trimmingTrailingDot }
      guard words.contains(where: { monthNames[$0] != nil }), !words.contains(where: { $0.count == 4 && Int($0) != nil }) else { return nil }
      return read(rest + " \(year + offset)", today: today)
    }
    return nil
  }

  // MARK: calendar arithmetic

  /// The next such day on or after today (this year's, or next year's once it has passed).
  static func upcoming(month: Int, day: Int, today: CalendarDay) -> Reading? {
    let year = today.components.year
    guard (1...12).contains(month) else { return .impossible }
    if let d = CalendarDay(year: year, month: month, day: day), d >= today { return .day(d) }
    if let d = CalendarDay(year: year + 1, month: month, day: day) { return .day(d) }
    return .impossible
  }

  /// Monday = 1 … Sunday = 7.
  public static func weekday(of day: CalendarDay) -> Int {
    // 1970-01-01 was a Thursday.
    let r = (day.daysSinceEpoch + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// That weekday in this week (weekOffset 0, weeks start on Monday), next week (1), ….
  static func weekday(_ wd: Int, weekOffset: Int, today: CalendarDay) -> CalendarDay {
    let monday = today.adding(days: 1 - weekday(of: today))
    return monday.adding(days: 7 * weekOffset + wd - 1)
  }

  /// The first such weekday after today.
  static func coming(_ wd: Int, today: CalendarDay) -> CalendarDay {
    var ahead = (wd - weekday(of: today) + 7) % 7
    if ahead == 0 { ahead = 7 }
    return today.adding(days: ahead)
  }

  static func adding(_ n: Int, _ unit: DurationUnit, to today: CalendarDay) -> CalendarDay {
    switch unit {
    case .days: return today.adding(days: n)
    case .weeks: return today.adding(days: 7 * n)
    case .months: return addingMonths(n, to: today)
    case .years: return addingMonths(12 * n, to: today)
    }
  }

  static func addingMonths(_ n: Int, to day: CalendarDay) -> CalendarDay {
    let c = day.components
    let index = c.year * 12 + (c.month - 1) + n
    let y = index / 12
    let m = index % 12 + 1
    return CalendarDay(year: y, month: m, day: min(c.day, CalendarDay.daysIn(month: m, year: y)))!
  }

  static func endOfMonth(_ day: CalendarDay, plus months: Int) -> CalendarDay {
    let first = addingMonths(months, to: CalendarDay(year: day.components.year, month: day.components.month, day: 1)!)
    let c = first.components
    return CalendarDay(year: c.year, month: c.month, day: CalendarDay.daysIn(month: c.month, year: c.year))!
  }

  /// A day as echoed back: `Tue 2026-12-15` / `2026-12-15 周二`.
  public static func describe(_ day: CalendarDay, _ l: L10n) -> String {
    let wd = weekday(of: day)
    let en = shortWeekdayNames.en[wd - 1]
    let zh = shortWeekdayNames.zh[wd - 1]
    let date = day.description
    return l.t("\(en) \(date)", "\(date) \(zh)")
  }

  static let shortWeekdayNames = (
    en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
  )
}

extension String {
  var trimmingTrailingDot: String { hasSuffix(".") ? String(dropLast()) : self }
  func replacingOccurrencesOfSpaces() -> String { filter { $0 != " " } }
}
