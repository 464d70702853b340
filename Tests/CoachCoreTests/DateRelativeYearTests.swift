import Testing

@testable import CoachCore

/// A year said relative to today (`明年3月底`, `end of March next year`), read against a fixed today
/// (Monday 23 November 2026).
@Suite struct DateRelativeYearTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func day(_ text: String) -> String? {
    if case .day(let d)? = DateParser.read(text, today: today) { return d.description }
    return nil
  }

  @Test(arguments: [
    ("明年3月底", "2027-03-31"), ("明年三月底", "2027-03-31"), ("明年 3 月底", "2027-03-31"), ("明年3月15日", "2027-03-15"),
    ("明年2月末", "2027-02-28"), ("今年12月底", "2026-12-31"), ("后年1月底", "2028-01-31"), ("明年年底", "2027-12-31"), ("明年底", "2027-12-31"),
    ("end of March next year", "2027-03-31"), ("End of December this year", "2026-12-31"), ("March 15 next year", "2027-03-15"),
    ("15 March next year", "2027-03-15"), ("end of next year", "2027-12-31"), ("end of this year", "2026-12-31"),
  ])
  func aYearSaidRelativeToTodayIsWrittenOut(_ text: String, _ expected: String) {
    #expect(Self.day(text) == expected, "\(text)")
  }

  /// `今年3月底` has passed on 23 November: it is read as written (a past day), not moved a year on,
  /// so a close-date prompt can refuse it rather than silently store next year's.
  @Test func thisYearMeansThisYearEvenWhenItHasPassed() {
    #expect(Self.day("今年3月底") == "2026-03-31")
    #expect(Self.day("end of March this year") == "2026-03-31")
  }

  @Test(arguments: ["明年", "明年好", "next year", "Tuesday next year", "明年2027年3月底", "end of March 2027 next year"])
  func notADate(_ text: String) {
    #expect(Self.day(text) == nil, "\(text)")
  }
}
