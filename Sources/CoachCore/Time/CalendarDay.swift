/// A calendar date (YYYY-MM-DD) in the proleptic Gregorian calendar, with day arithmetic.
public struct CalendarDay: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public var daysSinceEpoch: Int

  public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    daysSinceEpoch = CalendarDay.days(year: year, month: month, day: day)
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(_ text: String) {
    let u = Array(text.utf8)
    guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
    guard let y = decimal(u, 0..<4), let m = decimal(u, 5..<7), let d = decimal(u, 8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public var description: String {
    let c = components
    // A four-digit year (every day of the years 1000–9999) written straight into its ten
    // bytes: the padded pieces joined were most of the dates of a warm `agenda` (callgrind).
    guard (1000...9999).contains(c.year) else { return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) }
    return String(unsafeUninitializedCapacity: 10) { b in
      let zero = UInt8(ascii: "0")
      b[0] = zero + UInt8(c.year / 1000)
      b[1] = zero + UInt8(c.year / 100 % 10)
      b[2] = zero + UInt8(c.year / 10 % 10)
      b[3] = zero + UInt8(c.year % 10)
      b[4] = UInt8(ascii: "-")
      b[5] = zero + UInt8(c.month / 10)
      b[6] = zero + UInt8(c.month % 10)
      b[7] = UInt8(ascii: "-")
      b[8] = zero + UInt8(c.day / 10)
      b[9] = zero + UInt8(c.day % 10)
      return 10
    }
  }

  public func adding(days: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + days) }

  public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

  static func days(year: Int, month: Int, day: Int) -> Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// The decimal number written in `bytes[range]`, or nil when a byte is not a digit.
func decimal(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
  var n = 0
  for i in range {
    guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
    n = n * 10 + Int(bytes[i] - 48)
  }
  return n
}
