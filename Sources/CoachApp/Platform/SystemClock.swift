import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The real clock: UTC for timestamps, the local time zone for "today".
public struct SystemClock: CoachClock {
  public init() {}

  public var now: Timestamp {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Timestamp(secondsSinceEpoch: Int(ts.tv_sec))
  }

  public var today: CalendarDay {
    var t = time_t(now.secondsSinceEpoch)
    var parts = tm()
    guard localtime_r(&t, &parts) != nil,
      let day = CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    else { return now.day }
    return day
  }
}
