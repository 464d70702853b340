/// Reading the management walks' typed answers: times of an issue, the visit plan, response
/// times, an NPS respondent, a CSAT score. Pure; "now" and "today" are passed in.
public enum ManagementParsing {
  /// A time as typed: empty or `now` is now; `2026-11-20 14:30`, `yesterday 9:00`, `14:30`
  /// (today) or a day alone (taken at 09:00, the start of the working day). Times are UTC, as
  /// every time in a plan.
  public enum Moment: Equatable, Sendable {
    case at(Timestamp)
    case ambiguous(Timestamp, Timestamp)
    case invalid
  }

  public static func moment(_ typed: String, today: CalendarDay, now: Timestamp) -> Moment {
    let t = AnswerParsing.normalise(typed).trimmingWhitespace
    if t.isEmpty || ["now", "现在", "刚才"].contains(t.lowercased()) { return .at(now) }
    var text = t
    // `2026-11-20T14:30`: the ISO form, with its T.
    if text.count > 10, text.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), text[text.index(text.startIndex, offsetBy: 10)] == "T" {
      text = text.prefix(10) + " " + text.dropFirst(11)
    }
    var words = text.split(separator: " ").map(String.init)
    var minutes: Int? = nil
    if let last = words.last, let m = clock(last) ?? timeOfDay(last) {
      minutes = m
      words.removeLast()
    } else if let last = words.last {
      // A day and a time written together: `昨天上午9点`, `今天下午3点`, `yesterday9:00`.
      for i in last.indices.dropFirst() {
        let time = String(last[i...])
        guard let m = clock(time) ?? timeOfDay(time) else { continue }
        minutes = m
        words[words.count - 1] = String(last[..<i])
        break
      }
    }
    let dayText = words.joined(separator: " ")
    func at(_ day: CalendarDay) -> Timestamp { Timestamp(secondsSinceEpoch: day.daysSinceEpoch * 86_400 + (minutes ?? 9 * 60) * 60) }
    if dayText.isEmpty {
      guard minutes != nil else { return .invalid }
      return .at(at(today))
    }
    switch DateParser.read(dayText, today: today, past: true) {
    case .day(let d)?: return .at(at(d))
    case .ambiguous(let a, let b)?: return .ambiguous(at(a), at(b))
    default: return .invalid
    }
  }

  /// `14:30`, `9:05`, `9点`, `9点30` → minutes after midnight.
  static func clock(_ word: String) -> Int? {
    var w = word
    if w.hasSuffix("分") { w.removeLast() }
    let parts = w.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "点" || $0 == "時" }).map(String.init)
    guard word.contains(":") || word.contains("点"), (1...2).contains(parts.count), let h = Int(parts[0]), (0..<24).contains(h) else { return nil }
    let m = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : 0
    guard let m, (0..<60).contains(m) else { return nil }
    return h * 60 + m
  }

  /// A time of day as a meeting's time is read (`下午2点半`, `上午9点`, `2pm`, `9:30am`) →
  /// minutes after midnight; only a word that says it is a time (a colon, 点, am/pm, 上午/下午…),
  /// so a bare number stays part of a date.
  static func timeOfDay(_ word: String) -> Int? {
    let w = word.lowercased()
    guard ["：", ":", "点", "am", "pm", "a.m.", "p.m.", "上午", "下午", "晚上", "早上"].contains(where: { w.contains($0) }),
      let hhmm = MeetingTime.read(word)
    else { return nil }
    let parts = hhmm.split(separator: ":")
    guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
    return h * 60 + m
  }

  /// A response level as said: `2`, `level 2`, `lvl 2`, `L2`, `2级`, `二级`, `第二级` → 1…3; nil
  /// for anything else.
  public static func level(_ typed: String) -> Int? {
    var t = AnswerParsing.normalise(typed).lowercased().replacingAll(" ", with: "")
    for word in ["level", "lvl", "第", "级", "l"] { t = t.replacingAll(word, with: "") }
    switch t {
    case "1", "一": return 1
    case "2", "二", "两": return 2
    case "3", "三": return 3
    default: return nil
    }
  }

  /// "2026-11-20 14:30 UTC" for an echo.
  public static func describe(_ t: Timestamp) -> String { Blocks.time(t.description) }

  /// The visits agreed, from words: `monthly quarterly yearly`, `all`, `none`, `月度 季度 年度`,
  /// `1 2 3`. Nil when a word is none of these.
  public static func visitPlan(_ typed: String) -> [VisitCadence]? {
    let words = AnswerParsing.normalise(typed).lowercased().split(whereSeparator: { " ,，、/;；+".contains($0) }).map(String.init)
    guard !words.isEmpty else { return nil }
    var out: Set<VisitCadence> = []
    for w in words {
      switch w {
      case "all", "全部", "都要": out = Set(VisitCadence.allCases)
      case "none", "无", "没有": break
      case "monthly", "month", "m", "1", "月度", "每月", "月度运营回访": out.insert(.monthly)
      case "quarterly", "quarter", "q", "2", "季度", "每季度", "季度业务回顾": out.insert(.quarterly)
      case "yearly", "year", "annual", "y", "3", "年度", "每年", "年度战略会议": out.insert(.yearly)
      default: return nil
      }
    }
    return VisitCadence.allCases.filter(out.contains)
  }

  /// Response times: `1: 1h/12h; 3: 24h/1w` (levels not named keep the course's); `course` or
  /// `default` for the course's levels. Nil when it cannot be read.
  public static func responseLevels(_ typed: String) -> [ResponseLevel]? {
    let t = AnswerParsing.normalise(typed).lowercased().trimmingWhitespace
    if ["course", "default", "standard", "课程", "默认", "标准"].contains(t) { return [] }
    var out: [ResponseLevel] = []
    for part in t.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "\n" }) {
      let sides = part.split(whereSeparator: { $0 == ":" || $0 == "：" || $0 == "=" }).map { String($0).trimmingWhitespace }
      guard sides.count == 2, let level = Int(sides[0].replacingAll("级", with: "").replacingAll("level", with: "").trimmingWhitespace),
        (1...3).contains(level)
      else { return nil }
      let times = sides[1].split(whereSeparator: { $0 == "/" || $0 == "," || $0 == "，" }).map { String($0).trimmingWhitespace }
      guard times.count == 2, let respond = hours(times[0]), let resolve = hours(times[1]), respond <= resolve else { return nil }
      out.removeAll { $0.level == level }
      out.append(ResponseLevel(level: level, respondHours: respond, resolveHours: resolve))
    }
    return out.isEmpty ? nil : out.sorted { $0.level < $1.level }
  }

  /// `2h`, `2`, `24 h`, `2d`, `1w`, `2小时`, `2天`, `一周`, `1周` → hours.
  static func hours(_ typed: String) -> Int? {
    let t = typed.replacingAll(" ", with: "")
    if ["1w", "1week", "oneweek", "week", "一周", "1周", "一星期"].contains(t) { return 168 }
    let units: [(String, Int)] = [
      ("hours", 1), ("hour", 1), ("hrs", 1), ("h", 1), ("小时", 1), ("days", 24), ("day", 24), ("d", 24), ("天", 24), ("weeks", 168), ("w", 168), ("周", 168),
    ]
    for (suffix, factor) in units where t.hasSuffix(suffix) {
      guard let n = Int(t.dropLast(suffix.count)), n > 0, n * factor <= 8760 else { return nil }
      return n * factor
    }
    guard let n = Int(t), n > 0, n <= 8760 else { return nil }
    return n
  }

  /// One NPS respondent: the score first (0–10), then a name, then after a comma the role:
  /// `9 Li Wei, CFO`, `3`, `7 王芳，采购`.
  public static func npsRespondent(_ typed: String) -> (score: Int, name: String?, role: String?)? {
    let t = AnswerParsing.normalise(typed).trimmingWhitespace
    let digits = t.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 2, let score = Int(digits), (0...10).contains(score) else { return nil }
    var rest = t.dropFirst(digits.count)
    if rest.hasPrefix("/10") { rest = rest.dropFirst(3) }
    if let first = rest.first, first != " ", first != ",", first != "，", first != "分" { return nil }
    if rest.hasPrefix("分") { rest = rest.dropFirst() }
    let parts = rest.split(maxSplits: 1, whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmingWhitespace }
    let name = parts.first.flatMap { $0.isEmpty ? nil : $0 }
    let role = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    return (score, name, role)
  }

  /// A CSAT score: `4` (on `defaultScale`), `4/5`, `6/7`, `6 of 7`. Nil when it is not a
  /// score on a 1–5 or 1–7 scale.
  public static func csat(_ typed: String, defaultScale: Int) -> (score: Int, scale: Int)? {
    let t = AnswerParsing.normalise(typed).lowercased().replacingAll(" of ", with: "/").replacingAll("分", with: "").replacingAll(" ", with: "")
    let parts = t.split(separator: "/").map(String.init)
    guard (1...2).contains(parts.count), let score = Int(parts[0]) else { return nil }
    let scale = parts.count == 2 ? Int(parts[1]) : defaultScale
    guard let scale, scale == 5 || scale == 7, (1...scale).contains(score) else { return nil }
    return (score, scale)
  }
}
