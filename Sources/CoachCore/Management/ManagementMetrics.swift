/// What follows from the management section on a given day: the visits due, the NPS and CSAT
/// trends, SLA breaches, complaints and purchase frequency. Pure: today and now are passed in.
public struct ManagementMetrics {
  public let management: Management
  public let today: CalendarDay
  public let now: Timestamp
  /// The day the plan was created: a visit plan recorded without the time it was agreed (an
  /// old or hand-edited plan) is counted from it, since it cannot be older than the plan.
  public let planCreated: CalendarDay?

  public init(_ management: Management, today: CalendarDay, now: Timestamp, planCreated: CalendarDay? = nil) {
    self.management = management
    self.today = today
    self.now = now
    self.planCreated = planCreated
  }

  /// The metrics of a plan's management section.
  public init(plan: AccountPlan, today: CalendarDay, now: Timestamp) {
    self.init(plan.management, today: today, now: now, planCreated: CalendarDay(String(plan.createdAt.prefix(10))))
  }

  // MARK: visits

  /// One cadence of the visit plan: the last visit that served it and when the next is due.
  public struct VisitDue: Equatable, Sendable {
    public var cadence: VisitCadence
    public var lastVisit: CalendarDay?
    public var due: CalendarDay
  }

  /// Each agreed visit, with its next due day: a month, a quarter or a year after the last visit
  /// that served it, or after the visit plan was agreed when there has been none (when that
  /// was not recorded, after the plan was created; without either, after today).
  public var visitsDue: [VisitDue] {
    let start = management.answeredAt["visitPlan"].flatMap { CalendarDay(String($0.prefix(10))) } ?? planCreated ?? today
    return VisitCadence.allCases.filter(management.visitPlan.contains).map { cadence in
      let last = management.touchpoints.filter { cadence.servedBy.contains($0.kind) }.compactMap { CalendarDay($0.date) }.max()
      return VisitDue(cadence: cadence, lastVisit: last, due: Self.adding(months: cadence.months, to: last ?? start))
    }
  }

  /// The visit due first.
  public var nextDueVisit: VisitDue? { visitsDue.min { $0.due < $1.due } }

  /// The visits whose day has passed.
  public var overdueVisits: [VisitDue] { visitsDue.filter { $0.due < today } }

  /// The same day `months` later (the last day of the month when it has fewer days).
  public static func adding(months: Int, to day: CalendarDay) -> CalendarDay {
    let c = day.components
    let index = c.year * 12 + (c.month - 1) + months
    let year = index / 12
    let month = index % 12 + 1
    return CalendarDay(year: year, month: month, day: min(c.day, CalendarDay.daysIn(month: month, year: year))) ?? day
  }

  // MARK: NPS

  /// One NPS survey (the answers given on one day).
  public struct NPSPoint: Equatable, Sendable {
    public var date: String
    public var respondents: Int
    public var promoters: Int
    public var passives: Int
    public var detractors: Int
    /// % promoters − % detractors, rounded: −100 to 100.
    public var nps: Int
    public var detractorMajority: Bool { detractors * 2 > respondents }
  }

  /// NPS per survey date, oldest first.
  public var npsTrend: [NPSPoint] {
    let byDate = Dictionary(grouping: management.npsResponses, by: \.date)
    return byDate.keys.sorted().map { date in
      let scores = byDate[date]!.map(\.score)
      let p = scores.filter { $0 >= 9 }.count
      let d = scores.filter { $0 <= 6 }.count
      return NPSPoint(
        date: date, respondents: scores.count, promoters: p, passives: scores.count - p - d, detractors: d,
        nps: Self.nps(promoters: p, detractors: d, of: scores.count))
    }
  }

  public static func nps(promoters: Int, detractors: Int, of count: Int) -> Int {
    guard count > 0 else { return 0 }
    return Int((Double(promoters - detractors) * 100 / Double(count)).rounded())
  }

  /// The latest NPS is below the one before.
  public var npsFalling: (from: NPSPoint, to: NPSPoint)? {
    let t = npsTrend
    guard t.count >= 2, t[t.count - 1].nps < t[t.count - 2].nps else { return nil }
    return (t[t.count - 2], t[t.count - 1])
  }

  // MARK: CSAT

  /// The CSAT of one month: the mean score on each scale used (what the reader is shown:
  /// `2.0 / 5`), and the mean as a share of its scale (1 = 0 %, top = 100 %), which puts 1–5 and
  /// 1–7 scores on one footing for `csat-low`.
  public struct CSATPoint: Equatable, Sendable {
    /// YYYY-MM.
    public var month: String
    public var count: Int
    public var percent: Int
    /// The mean score per scale, 1–5 before 1–7.
    public var means: [CSATMean] = []
  }

  /// The mean of the scores given on one scale.
  public struct CSATMean: Equatable, Sendable {
    public var scale: Int
    public var mean: Double
    public var count: Int
  }

  /// CSAT per month, oldest first (1–5 and 1–7 scores on one footing).
  public var csatTrend: [CSATPoint] {
    let byMonth = Dictionary(grouping: management.csat) { String($0.date.prefix(7)) }
    return byMonth.keys.sorted().map { month in
      let items = byMonth[month]!
      let shares = items.map { Double($0.score - 1) / Double(max(1, $0.scale - 1)) }
      let means = Set(items.map(\.scale)).sorted().map { scale in
        let scores = items.filter { $0.scale == scale }.map(\.score)
        return CSATMean(scale: scale, mean: Double(scores.reduce(0, +)) / Double(scores.count), count: scores.count)
      }
      return CSATPoint(month: month, count: items.count, percent: Int((shares.reduce(0, +) * 100 / Double(items.count)).rounded()), means: means)
    }
  }

  /// Below this share of the scale, CSAT is low (the middle of the scale: 3 of 5, 4 of 7).
  public static let lowCSATPercent = 50

  // MARK: issues

  /// An issue against its level's response and resolution times.
  public struct SLAStatus: Equatable, Sendable {
    public var issueID: String
    public var respondBy: Timestamp
    public var resolveBy: Timestamp
    /// Responded late, or not yet and the time has passed.
    public var respondBreached: Bool
    public var resolveBreached: Bool
    public var breached: Bool { respondBreached || resolveBreached }
  }

  /// Every issue with a readable opening time, against its level's times.
  public var sla: [SLAStatus] {
    management.issues.compactMap { issue in
      guard let opened = Timestamp(iso8601: issue.openedAt) else { return nil }
      let level = management.responseLevel(issue.level)
      let respondBy = Timestamp(secondsSinceEpoch: opened.secondsSinceEpoch + level.respondHours * 3600)
      let resolveBy = Timestamp(secondsSinceEpoch: opened.secondsSinceEpoch + level.resolveHours * 3600)
      let responded = issue.respondedAt.flatMap { Timestamp(iso8601: $0) } ?? issue.resolvedAt.flatMap { Timestamp(iso8601: $0) }
      let resolved = issue.resolvedAt.flatMap { Timestamp(iso8601: $0) }
      return SLAStatus(
        issueID: issue.id, respondBy: respondBy, resolveBy: resolveBy, respondBreached: (responded ?? now) > respondBy,
        resolveBreached: (resolved ?? now) > resolveBy)
    }
  }

  /// Complaints opened in the last 90 days, and in the 90 days before.
  public var complaintCounts: (recent: Int, before: Int) {
    var recent = 0
    var before = 0
    for issue in management.issues where issue.kind == .complaint {
      guard let opened = CalendarDay(String(issue.openedAt.prefix(10))) else { continue }
      let age = today.daysSinceEpoch - opened.daysSinceEpoch
      if (0..<90).contains(age) { recent += 1 } else if (90..<180).contains(age) { before += 1 }
    }
    return (recent, before)
  }

  /// More complaints in the last 90 days than in the 90 before, and at least two.
  public var complaintsRising: Bool {
    let c = complaintCounts
    return c.recent >= 2 && c.recent > c.before
  }

  // MARK: purchases

  public struct PurchaseFrequency: Equatable, Sendable {
    public var purchases: Int
    /// The mean days between two purchases.
    public var averageInterval: Int?
    /// Days between the last two purchases.
    public var lastInterval: Int?
    public var daysSinceLast: Int?
    /// Purchases in each of the last four quarters (91 days each), oldest first.
    public var perQuarter: [Int]
    /// Orders are coming more slowly: the last gap, or the time since the last order, is more
    /// than half as long again as the usual gap (needs three orders or more).
    public var falling: Bool
  }

  public var purchaseFrequency: PurchaseFrequency {
    let days = management.purchases.compactMap { CalendarDay($0.date) }.sorted()
    var gaps: [Int] = []
    for i in days.indices.dropFirst() { gaps.append(days[i].daysSinceEpoch - days[i - 1].daysSinceEpoch) }
    let since = days.last.map { today.daysSinceEpoch - $0.daysSinceEpoch }
    func mean(_ xs: ArraySlice<Int>) -> Double { xs.isEmpty ? 0 : Double(xs.reduce(0, +)) / Double(xs.count) }
    var falling = false
    if gaps.count >= 2 {
      let usual = mean(gaps.dropLast())
      let all = mean(gaps[...])
      falling = Double(gaps.last!) > 1.5 * usual || Double(since ?? 0) > 1.5 * all
    }
    var quarters = [0, 0, 0, 0]
    for d in days {
      let age = today.daysSinceEpoch - d.daysSinceEpoch
      if (0..<364).contains(age) { quarters[3 - age / 91] += 1 }
    }
    return PurchaseFrequency(
      purchases: days.count, averageInterval: gaps.isEmpty ? nil : Int(mean(gaps[...]).rounded()), lastInterval: gaps.last,
      daysSinceLast: since, perQuarter: quarters, falling: falling)
  }

  /// Total purchases by currency (none = the amounts typed without one).
  public var purchaseTotals: [(currency: String?, total: Double)] {
    var totals: [String: Double] = [:]
    for p in management.purchases { totals[p.currency ?? "", default: 0] += p.amount }
    return totals.keys.sorted().map { ($0.isEmpty ? nil : $0, totals[$0]!) }
  }

  // MARK: crises

  /// A crisis open longer than this many days should be closed or escalated.
  public static let crisisDays = 30

  /// Open crises older than `crisisDays`, with their age in days.
  public var longOpenCrises: [(crisis: Crisis, days: Int)] {
    management.crises.compactMap { c in
      guard c.isOpen, let opened = CalendarDay(c.openedOn) else { return nil }
      let days = today.daysSinceEpoch - opened.daysSinceEpoch
      return days > Self.crisisDays ? (c, days) : nil
    }
  }
}
