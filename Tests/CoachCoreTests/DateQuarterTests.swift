import Testing

@testable import CoachCore

/// Quarters as close dates, read against a fixed today (Monday 23 November 2026, in Q4 2026).
@Suite struct DateQuarterTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func day(_ text: String, today: CalendarDay = today) -> String? {
    if case .day(let d)? = DateParser.read(text, today: today) { return d.description }
    return nil
  }

  @Test(arguments: [
    ("end of quarter", "2026-12-31"), ("End of the quarter", "2026-12-31"), ("end of this quarter", "2026-12-31"), ("quarter end", "2026-12-31"),
    ("EOQ", "2026-12-31"), ("this quarter", "2026-12-31"), ("next quarter", "2027-03-31"), ("end of next quarter", "2027-03-31"),
    ("Q1 2027", "2027-03-31"), ("q1 2027", "2027-03-31"), ("2027 Q1", "2027-03-31"), ("Q1-2027", "2027-03-31"), ("Q1/2027", "2027-03-31"),
    ("Q1 '27", "2027-03-31"), ("Q1'27", "2027-03-31"), ("end of Q1 2027", "2027-03-31"), ("end of Q2 2027", "2027-06-30"), ("Q3 2027 end", "2027-09-30"),
    ("first quarter of 2027", "2027-03-31"), ("the second quarter 2027", "2027-06-30"), ("end of the third quarter", "2027-09-30"),
    ("Q1", "2027-03-31"), ("Q4", "2026-12-31"), ("Q3", "2027-09-30"), ("end of Q1", "2027-03-31"),
    ("本季度末", "2026-12-31"), ("季度末", "2026-12-31"), ("本季度", "2026-12-31"), ("下季度末", "2027-03-31"), ("下个季度", "2027-03-31"),
    ("2027年第一季度", "2027-03-31"), ("2027年一季度", "2027-03-31"), ("2027年第二季度末", "2027-06-30"), ("2027年Q1", "2027-03-31"),
    ("明年一季度", "2027-03-31"), ("明年第一季度", "2027-03-31"), ("明年一季度末", "2027-03-31"), ("明年Q2", "2027-06-30"),
    ("今年第四季度", "2026-12-31"), ("一季度", "2027-03-31"), ("第三季度末", "2027-09-30"), ("四季度", "2026-12-31"), ("２０２７年第一季度", "2027-03-31"),
  ])
  func quartersAreReadAsTheirLastDay(_ text: String, _ expected: String) {
    #expect(Self.day(text) == expected, "\(text)")
  }

  @Test func aQuarterWithoutAYearIsTheComingOne() {
    // On the last day of Q1 it is still this year's; the day after, next year's.
    #expect(Self.day("Q1", today: CalendarDay(year: 2027, month: 3, day: 31)!) == "2027-03-31")
    #expect(Self.day("Q1", today: CalendarDay(year: 2027, month: 4, day: 1)!) == "2028-03-31")
    // Next quarter from Q4 crosses into the new year; from Q2 it is Q3.
    #expect(Self.day("next quarter", today: CalendarDay(year: 2027, month: 5, day: 2)!) == "2027-09-30")
    #expect(Self.day("下季度末", today: CalendarDay(year: 2027, month: 5, day: 2)!) == "2027-09-30")
  }

  @Test(arguments: ["Q5 2027", "Q0", "first", "quarter", "季度", "第五季度", "q1 20270", "next next quarter", "quarterly"])
  func notQuarters(_ text: String) {
    #expect(DateParser.quarter(text, today: Self.today) == nil, "\(text)")
  }

  @Test func theEchoSaysWhichQuarterAndThatAQuarterAloneIsItsLastDay() {
    let en = L10n(.en)
    let zh = L10n(.zh)
    #expect(DateParser.note("Q1 2027", today: Self.today, en) == "Q1 2027, read as its last day")
    #expect(DateParser.note("end of Q1 2027", today: Self.today, en) == "end of Q1 2027")
    #expect(DateParser.note("明年一季度", today: Self.today, zh) == "2027年第一季度，按该季度最后一天记")
    #expect(DateParser.note("明年一季度末", today: Self.today, zh) == "2027年第一季度末")
    #expect(DateParser.note("2027-03-31", today: Self.today, en) == nil)
    // At a date prompt the echo carries it.
    let p = Prompt(id: "close", kind: .date, fills: "deal.closeDate", text: "When?")
    var e = WalkEngine(walk: Walk(id: "deal", title: "Deal", prompts: [p]), answers: [:], l: en)
    e.today = Self.today
    let step = e.accept("next quarter")
    #expect(step.record?.value == .date("2027-03-31"))
    #expect(step.echo == "Wed 2027-03-31 (Q1 2027, read as its last day)")
    var ez = WalkEngine(walk: Walk(id: "deal", title: "商机", prompts: [p]), answers: [:], l: zh)
    ez.today = Self.today
    #expect(ez.accept("本季度末").echo == "2026-12-31 周四（2026年第四季度末）")
  }
}
