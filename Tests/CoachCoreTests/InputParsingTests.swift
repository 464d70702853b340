import Testing

@testable import CoachCore

/// What reps type, read as they meant it: amounts, spans of time, dates against a pinned today,
/// the settings file, and the walk engine echoing or asking.
@Suite struct AmountParserTests {
  static func one(_ text: String) -> AmountParser.Amount? {
    if case .amount(let a)? = AmountParser.read(text) { return a }
    return nil
  }

  @Test(
    arguments: [
      ("1,2M", 1_200_000.0, nil), ("1,05M", 1_050_000, nil), ("1.2m", 1_200_000, nil), ("120k", 120_000, nil), ("120 K", 120_000, nil),
      ("1 200 000", 1_200_000, nil), ("1.200.000", 1_200_000, nil), ("1'200'000", 1_200_000, nil), ("1,200,000.50", 1_200_000.5, nil),
      ("1.234.567,89", 1_234_567.89, nil), ("120,000", 120_000, nil), ("12,5", 12.5, nil), ("0,500", 0.5, nil),
      ("3.5 million", 3_500_000, nil), ("2 bn", 2_000_000_000, nil), ("4mn", 4_000_000, nil), ("1.5 billion", 1_500_000_000, nil),
      ("12万", 120_000, nil), ("1.5亿", 150_000_000, nil), ("3千", 3_000, nil), ("200万元", 2_000_000, "CNY"), ("约120万", 1_200_000, nil),
      ("¥1,000", 1_000, "CNY"), ("€80.000", 80_000, "EUR"), ("£2.5k", 2_500, "GBP"), ("$1.2m", 1_200_000, "USD"), ("US$ 300k", 300_000, "USD"),
      ("EUR 80 000", 80_000, "EUR"), ("80 000 EUR", 80_000, "EUR"), ("1,2M CNY", 1_200_000, "CNY"), ("usd 5k", 5_000, "USD"), ("RMB 3万", 30_000, "CNY"),
      ("80000eur", 80_000, "EUR"), ("人民币200万", 2_000_000, "CNY"), ("500 美元", 500, "USD"),
    ] as [(String, Double, String?)])
  func amountsAsWritten(_ text: String, _ value: Double, _ currency: String?) {
    let a = Self.one(text)
    #expect(a?.value == value, "\(text)")
    #expect(a?.currency == currency, "\(text)")
  }

  @Test(arguments: ["about 1.2M", "~1.2M", "≈ 1.2M", "约1.2M", "大约120万", "120万左右", "roughly $1.2m"])
  func estimatesAreMarkedApproximate(_ text: String) {
    let a = Self.one(text)
    #expect(a?.approximate == true, "\(text)")
    #expect(a?.value == 1_200_000, "\(text)")
  }

  @Test func aThousandsOrDecimalCommaIsAskedAboutWithBothReadings() {
    #expect(AmountParser.read("1,050") == .ambiguous(AmountParser.Amount(value: 1050), AmountParser.Amount(value: 1.05)))
    #expect(AmountParser.read("1.050") == .ambiguous(AmountParser.Amount(value: 1050), AmountParser.Amount(value: 1.05)))
    #expect(AmountParser.read("1,050M") == .ambiguous(AmountParser.Amount(value: 1_050_000_000), AmountParser.Amount(value: 1_050_000)))
    #expect(AmountParser.read("€2,500") == .ambiguous(AmountParser.Amount(value: 2500, currency: "EUR"), AmountParser.Amount(value: 2.5, currency: "EUR")))
  }

  @Test(arguments: ["rubbish", "12 apples", "CNY", "1.2.3", "¥", "1,2,3", "1,23,456", "km", "12km", ""])
  func rubbishIsNotAnAmount(_ text: String) {
    #expect(AmountParser.read(text) == nil, "\(text)")
  }

  @Test func hugeAmountsAreRefused() {
    #expect(AmountParser.read("2e20") == nil)
    #expect(AmountParser.read("99999999999999999999") == .outOfRange)
    #expect(AmountParser.read("5000万亿") == .outOfRange)
    #expect(Self.one("1000万亿")?.value == 1e15)
  }
}

@Suite struct DurationParserTests {
  @Test(
    arguments: [
      ("60 days", 60.0, DurationUnit.days), ("5 years", 5, .years), ("6 weeks", 6, .weeks), ("3 months", 3, .months), ("1 year", 1, .years),
      ("two weeks", 2, .weeks), ("60天", 60, .days), ("3个月", 3, .months), ("两年", 2, .years), ("十八个月", 18, .months), ("6周", 6, .weeks),
      ("一年半", 1.5, .years), ("半年", 6, .months), ("90 d", 90, .days), ("2 yrs", 2, .years), ("1.5 years", 1.5, .years), ("1,5个月", 1.5, .months),
    ] as [(String, Double, DurationUnit)])
  func spansOfTime(_ text: String, _ value: Double, _ unit: DurationUnit) {
    #expect(DurationParser.read(text) == DurationParser.Duration(value, unit), "\(text)")
  }

  @Test(arguments: ["60", "days", "soon", "60 apples", "1,2M"])
  func notASpan(_ text: String) { #expect(DurationParser.read(text) == nil, "\(text)") }

  @Test func unitsConvertOnlyWhenExact() {
    #expect(DurationUnit.years.exactly(in: .months) == 12)
    #expect(DurationUnit.weeks.exactly(in: .days) == 7)
    #expect(DurationUnit.months.exactly(in: .days) == nil)
    #expect(DurationUnit(word: "个月") == .months)
    #expect(DurationUnit(word: "月") == .months)
    #expect(DurationUnit.days.word(.zh) == "天")
  }
}

@Suite struct DateParserTests {
  /// Monday 23 November 2026.
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func day(_ text: String) -> String? {
    if case .day(let d)? = DateParser.read(text, today: today) { return d.description }
    return nil
  }

  @Test(arguments: [
    ("2026-12-15", "2026-12-15"), ("2026/12/1", "2026-12-01"), ("2026年12月15日", "2026-12-15"), ("2026.12.15", "2026-12-15"),
    ("15/12", "2026-12-15"), ("12/15", "2026-12-15"), ("15/12/2026", "2026-12-15"), ("12/15/2026", "2026-12-15"), ("15.12.2026", "2026-12-15"),
    ("Dec 15", "2026-12-15"), ("15 Dec", "2026-12-15"), ("December 15th", "2026-12-15"), ("15 December 2026", "2026-12-15"), ("Dec 15, 2026", "2026-12-15"),
    ("12月15日", "2026-12-15"), ("12月15号", "2026-12-15"), ("3月1日", "2027-03-01"), ("Jan 5", "2027-01-05"), ("Nov 23", "2026-11-23"),
    ("today", "2026-11-23"), ("tomorrow", "2026-11-24"), ("Tomorrow", "2026-11-24"), ("明天", "2026-11-24"), ("后天", "2026-11-25"),
    ("in 2 weeks", "2026-12-07"), ("in two weeks", "2026-12-07"), ("in 3 days", "2026-11-26"), ("in 1 month", "2026-12-23"), ("2 weeks from now", "2026-12-07"),
    ("两周后", "2026-12-07"), ("3天后", "2026-11-26"), ("一个月后", "2026-12-23"), ("两个星期以后", "2026-12-07"),
    ("end of month", "2026-11-30"), ("月底", "2026-11-30"), ("end of next month", "2026-12-31"), ("下月底", "2026-12-31"), ("年底", "2026-12-31"),
    ("end of March", "2027-03-31"), ("End of February 2028", "2028-02-29"), ("March end", "2027-03-31"), ("end of the November", "2026-11-30"),
    ("3月底", "2027-03-31"), ("三月底", "2027-03-31"), ("2027年2月末", "2027-02-28"), ("十一月底", "2026-11-30"),
    ("Friday", "2026-11-27"), ("on Friday", "2026-11-27"), ("Monday", "2026-11-30"), ("this Friday", "2026-11-27"),
    ("下周二", "2026-12-01"), ("下星期五", "2026-12-04"), ("周五", "2026-11-27"), ("本周三", "2026-11-25"), ("星期一", "2026-11-30"),
  ])
  func datesAsRepsWriteThem(_ text: String, _ expected: String) {
    #expect(Self.day(text) == expected, "\(text)")
  }

  // Monday 2026-11-23: when something happened, a day without its year or week is the latest one.
  @Test(arguments: [
    ("2 Sep", "2026-09-02"), ("Dec 15", "2025-12-15"), ("Nov 23", "2026-11-23"), ("9月5日", "2026-09-05"), ("12月1日", "2025-12-01"),
    ("Friday", "2026-11-20"), ("周五", "2026-11-20"), ("last Friday", "2026-11-20"), ("上周五", "2026-11-20"), ("last week", "2026-11-16"),
    ("3 days ago", "2026-11-20"), ("two weeks ago", "2026-11-09"), ("a month ago", "2026-10-23"), ("三天前", "2026-11-20"), ("两周前", "2026-11-09"),
    ("yesterday", "2026-11-22"), ("2026-11-01", "2026-11-01"), ("上个月", "2026-10-23"),
  ])
  func pastDatesAsRepsWriteThem(_ text: String, _ expected: String) {
    guard case .day(let d)? = DateParser.read(text, today: Self.today, past: true) else {
      Issue.record("\(text) not read")
      return
    }
    #expect(d.description == expected, "\(text)")
  }

  @Test func aDayStillAheadIsLeftForThePastPromptToRefuse() {
    #expect(DateParser.read("tomorrow", today: Self.today, past: true) == .day(CalendarDay(year: 2026, month: 11, day: 24)!))
    #expect(DateParser.read("2027-01-05", today: Self.today, past: true) == .day(CalendarDay(year: 2027, month: 1, day: 5)!))
    var p = Prompt(id: "seen", kind: .date, fills: "stakeholder.lastContact", text: "When did we last speak?")
    #expect(p.asksWhenItHappened)
    p.fills = "action.due"
    #expect(!p.asksWhenItHappened)
  }

  @Test func dayMonthOrderThatReadsBothWaysIsAskedAbout() {
    let r = DateParser.read("3/4", today: Self.today)
    #expect(r == .ambiguous(CalendarDay(year: 2027, month: 4, day: 3)!, CalendarDay(year: 2027, month: 3, day: 4)!))
    // "next Tuesday" on a Monday: tomorrow, or the Tuesday of next week.
    #expect(DateParser.read("next Tuesday", today: Self.today) == .ambiguous(CalendarDay(year: 2026, month: 11, day: 24)!, CalendarDay(year: 2026, month: 12, day: 1)!))
    // On a Friday the coming Tuesday is next week's: nothing to ask.
    #expect(DateParser.read("next Tuesday", today: CalendarDay(year: 2026, month: 11, day: 27)!) == .day(CalendarDay(year: 2026, month: 12, day: 1)!))
    #expect(Self.day("5/5") == "2027-05-05")
  }

  @Test(arguments: ["2026-02-30", "2026-13-01", "31/02", "Feb 30", "32/13"])
  func impossibleDays(_ text: String) {
    #expect(DateParser.read(text, today: Self.today) == .impossible, "\(text)")
  }

  @Test(arguments: ["soon", "next", "26-12-01", "2026-12", "the 15th", "1,2M"])
  func notDates(_ text: String) {
    #expect(DateParser.read(text, today: Self.today) == nil, "\(text)")
  }

  @Test func echoedWithTheWeekdayInBothLanguages() {
    let d = CalendarDay(year: 2026, month: 12, day: 15)!
    #expect(DateParser.describe(d, L10n(.en)) == "Tue 2026-12-15")
    #expect(DateParser.describe(d, L10n(.zh)) == "2026-12-15 周二")
    #expect(DateParser.weekday(of: CalendarDay(year: 1970, month: 1, day: 1)!) == 4)
  }
}

@Suite struct SettingsFileTests {
  @Test func readsKeysCommentsAndQuotes() {
    let text = """
      # my settings
      currency = eur
      language = "zh"
      rep = "Sean O'Brien"   
      width = 100 # narrow screen
      """
    let (s, problems) = SettingsFile.parse(text)
    #expect(problems.isEmpty)
    #expect(s == UserSettings(currency: "EUR", language: .zh, rep: "Sean O'Brien", width: 100))
  }

  @Test func eachBrokenLineIsLocatedAndKeepsTheDefault() {
    let (s, problems) = SettingsFile.parse("currency = CNY\nwidht = 100\nwidth = wide\nlanguage = fr\nrep = \"unclosed\njust words\n")
    #expect(s == UserSettings(currency: "CNY"))
    #expect(problems.map(\.line) == [2, 3, 4, 5, 6])
    #expect(problems[0].en == "unknown setting ‘widht’; known: currency, language, rep, width")
    #expect(problems[0].zh == "未知设置 ‘widht’；可用：currency、language、rep、width")
    #expect(problems[1].en.hasPrefix("width must be a whole number of columns from 40 to 400"))
    #expect(problems[4].en == "expected `key = value`, found ‘just words’")
  }

  @Test func settingAKeyKeepsTheRestOfTheFile() {
    let before = "# mine\ncurrency = CNY\nrep = Ann\n"
    #expect(SettingsFile.setting(.currency, to: "EUR", in: before) == "# mine\ncurrency = \"EUR\"\nrep = Ann\n")
    #expect(SettingsFile.setting(.width, to: "120", in: before) == "# mine\ncurrency = CNY\nrep = Ann\nwidth = 120\n")
    #expect(SettingsFile.setting(.rep, to: nil, in: before) == "# mine\ncurrency = CNY\n")
    let fresh = SettingsFile.setting(.rep, to: "Sean \"Mac\" O'Brien", in: "")
    #expect(SettingsFile.parse(fresh).settings.rep == "Sean \"Mac\" O'Brien")
  }
}

@Suite struct WalkEchoTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func goals(_ lang: Lang = .en, unit: String?) -> WalkEngine {
    let best = Prompt(id: "best", kind: .amount, fills: "objective.best", text: "Best?")
    let expected = Prompt(id: "expected", kind: .amount, fills: "objective.expected", text: "Expected?")
    let unitPrompt = Prompt(id: "unit", kind: .text, fills: "objective.unit", text: "Unit?")
    let walk = Walk(id: "goals", title: "Goals", prompts: [best, expected, unitPrompt])
    var e = WalkEngine(walk: walk, answers: unit.map { ["unit": .text($0)] } ?? [:], l: L10n(lang))
    e.amountsMayBeText = true
    e.defaultCurrency = "EUR"
    e.today = today
    return e
  }

  static func single(_ kind: PromptKind, _ lang: Lang = .en) -> WalkEngine {
    let p = Prompt(id: "x", kind: kind, fills: "discovery.needs-confirmation.budget", text: "?")
    var e = WalkEngine(walk: Walk(id: "w", title: "W", prompts: [p, Prompt(id: "y", kind: .text, fills: "stakeholder.notes", text: "Next?")]), answers: [:], l: L10n(lang))
    e.defaultCurrency = "CNY"
    e.today = today
    return e
  }

  @Test func amountsAreStoredWithTheSettingsCurrencyAndEchoed() {
    var e = Self.single(.amount)
    let step = e.accept("1,05M")
    #expect(step.record?.value == .amount(1_050_000, currency: "CNY"))
    #expect(step.echo == "1,050,000 CNY")
    #expect(step.output.plain.hasPrefix("  = 1,050,000 CNY\n"))
    var zh = Self.single(.amount, .zh)
    #expect(zh.accept("约1.2M").echo == "约 1,200,000 CNY")
  }

  @Test func anAmbiguousAmountIsAskedAndTheChoiceStored() {
    var e = Self.single(.amount)
    let ask = e.accept("1,050")
    #expect(ask.record == nil)
    #expect(ask.output.plain == "‘1,050’ can be read two ways:\n  1  1,050 CNY\n  2  1.05 CNY\nType 1 or 2, or write it again unambiguously.")
    #expect(e.current?.id == "x")
    let pick = e.accept("2")
    #expect(pick.record?.value == .amount(1.05, currency: "CNY"))
    #expect(pick.echo == "1.05 CNY")
    #expect(e.current?.id == "y")
    var again = Self.single(.amount, .zh)
    #expect(again.accept("1.050").output.plain.hasPrefix("‘1.050’ 有两种理解："))
    #expect(again.accept("1,050,000").record?.value == .amount(1_050_000, currency: "CNY"))
  }

  @Test func aHugeAmountIsRefused() {
    var e = Self.single(.amount)
    #expect(
      e.accept("99999999999999999999").problem?.plain
        == "‘99999999999999999999’ is outside the range coach stores: a figure must be between −1,000,000,000,000,000 and 1,000,000,000,000,000 (±10^15). Type it again.")
    #expect(e.current?.id == "x")
  }

  @Test func datesResolveAgainstTodayAndEchoTheWeekday() {
    var e = Self.single(.date)
    let step = e.accept("next Tuesday")
    #expect(step.output.plain.contains("1  Tue 2026-11-24"))
    #expect(step.output.plain.contains("2  Tue 2026-12-01"))
    #expect(e.accept("2").record?.value == .date("2026-12-01"))
    var zh = Self.single(.date, .zh)
    let s = zh.accept("下周二")
    #expect(s.record?.value == .date("2026-12-01"))
    #expect(s.echo == "2026-12-01 周二")
    var bad = Self.single(.date)
    #expect(bad.accept("someday").problem?.plain == "‘someday’ is not a date: type e.g. 2026-12-15, 15 Dec, tomorrow, next Tuesday or in 2 weeks.")
  }

  @Test func spansOfTimeKeepTheTermsUnit() {
    var e = Self.goals(unit: "months")
    let five = e.accept("5 years")
    #expect(five.record?.value == .amount(60, currency: "months"))
    #expect(five.echo == "60 months (5 years)")
    #expect(e.accept("36").echo == "36 months")
    var m = Self.goals(unit: "months")
    #expect(m.accept("36m").record?.value == .amount(36, currency: "months"))
    var days = Self.goals(.zh, unit: "天")
    #expect(days.accept("60天").record?.value == .amount(60, currency: "天"))
    let weeks = days.accept("6周")
    #expect(weeks.record?.value == .amount(42, currency: "天"))
    #expect(weeks.echo == "42 天（6 周）")
  }

  @Test func aFirstFigureInAnotherUnitSetsTheUnitAndALaterOneIsAskedAbout() {
    var e = Self.goals(unit: "days")
    let first = e.accept("3 months")
    #expect(first.record?.value == .amount(3, currency: "months"))
    #expect(e.answers["unit"] == .text("months"))
    let second = e.accept("45 days")
    #expect(second.record == nil)
    #expect(second.problem?.plain == "The other figures for this term are in months; write this one in months too (or change them first).")
  }

  @Test func priceTermsKeepTheirCurrencyWord() {
    var zh = Self.goals(.zh, unit: "元")
    let step = zh.accept("120万")
    #expect(step.record?.value == .amount(1_200_000, currency: "元"))
    #expect(step.echo == "1,200,000 元")
    var en = Self.goals(unit: "CNY")
    #expect(en.accept("$1.2m").record?.value == .amount(1_200_000, currency: "USD"))
    #expect(en.accept("1.1m").record?.value == .amount(1_100_000, currency: "USD"))
  }

  @Test func answersAreTidied() {
    #expect(AnswerParsing.tidy("刘芳 ，财务总监 ") == "刘芳，财务总监")
    #expect(AnswerParsing.tidy("\u{3000}王总　") == "王总")
    var e = Self.single(.text)
    #expect(e.accept("Sean O'Brien  ").record?.value == .text("Sean O'Brien"))
  }
}

@Suite struct EstimateMarkTests {
  @Test func approximateFieldsSurviveAJSONRoundTrip() throws {
    var o = Objective(term: .price)
    o.best = .number(1_200_000)
    o.mark("best", approximate: true)
    o.mark("walkAway", approximate: true)
    o.mark("walkAway", approximate: false)
    #expect(o.approximate == ["best"])
    #expect(o.json.object?["approximate"] == .array([.string("best")]))
    let back = try Objective(json: o.json, path: "objective")
    #expect(back.isApproximate("best"))
    #expect(back == o)
    var stage = StageAnswers()
    stage.mark("budget", approximate: false)
    #expect(stage.json.object?["approximate"] == nil)
  }
}
