/// A moment, as seconds since 1970-01-01T00:00:00Z, written in plans as ISO-8601 UTC.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var secondsSinceEpoch: Int

  public init(secondsSinceEpoch: Int) { self.secondsSinceEpoch = secondsSinceEpoch }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds and numeric offsets are accepted).
  public init?(iso8601 text: String) {
    let u = Array(text.utf8)
    guard u.count >= 20, let day = CalendarDay(String(decoding: u[0..<10], as: UTF8.self)),
      u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":")
    else { return nil }
    func num(_ r: Range<Int>) -> Int? { decimal(u, r) }
    guard let h = num(11..<13), let m = num(14..<16), let s = num(17..<19), h < 24, m < 60, s < 61 else { return nil }
    var i = 19
    if i < u.count, u[i] == UInt8(ascii: ".") {
      i += 1
      while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
    }
    var offset = 0
    if i < u.count, u[i] == UInt8(ascii: "Z") {
      i += 1
    } else if i + 6 == u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), u[i + 3] == UInt8(ascii: ":"),
      let oh = num((i + 1)..<(i + 3)), let om = num((i + 4)..<(i + 6))
    {
      offset = (oh * 3600 + om * 60) * (u[i] == UInt8(ascii: "+") ? 1 : -1)
      i += 6
    } else {
      return nil
    }
    guard i == u.count else { return nil }
    secondsSinceEpoch = day.daysSinceEpoch * 86_400 + h * 3600 + m * 60 + s - offset
  }

  public var day: CalendarDay {
    CalendarDay(daysSinceEpoch: Int((Double(secondsSinceEpoch) / 86_400).rounded(.down)))
  }

  public var description: String {
    let secondsOfDay = secondsSinceEpoch - day.daysSinceEpoch * 86_400
    let h = secondsOfDay / 3600
    let m = secondsOfDay % 3600 / 60
    let s = secondsOfDay % 60
    return "\(day)T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2))Z"
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}

/// The clock, injected so that the core never reads the time itself.
public protocol CoachClock: Sendable {
  var now: Timestamp { get }
  /// Today in the user's time zone.
  var today: CalendarDay { get }
}

/// A clock that always says the same time: for tests, golden transcripts and `COACH_NOW`.
///
/// "Today" is the calendar date written in the moment (`2026-11-23T23:30:00-10:00` is the 23rd),
/// not that moment's day in the machine's time zone: a pinned clock gives the same day whatever
/// `TZ` is set to, which is what makes a pinned run reproducible.
public struct FixedClock: CoachClock {
  public var now: Timestamp
  public var today: CalendarDay

  public init(_ iso8601: String) {
    self = FixedClock(reading: iso8601) ?? FixedClock(now: Timestamp(secondsSinceEpoch: 0), today: CalendarDay(daysSinceEpoch: 0))
  }

  public init(now: Timestamp, today: CalendarDay) {
    self.now = now
    self.today = today
  }

  /// Reads `YYYY-MM-DDTHH:MM:SS` with `Z` or a numeric offset (fractional seconds allowed), or a
  /// bare `YYYY-MM-DD` (taken as noon UTC); nil for anything else.
  public init?(reading text: String) {
    let trimmed = text.trimmingWhitespace
    guard trimmed.utf8.count >= 10, let day = CalendarDay(String(trimmed.prefix(10))) else { return nil }
    if trimmed.utf8.count == 10 {
      self.init(now: Timestamp(secondsSinceEpoch: day.daysSinceEpoch * 86_400 + 12 * 3600), today: day)
    } else if let moment = Timestamp(iso8601: trimmed) {
      self.init(now: moment, today: day)
    } else {
      return nil
    }
  }
}
