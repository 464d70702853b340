/// What the views across accounts (`list`, `agenda`, `portfolio`) need of one plan, as far as
/// it does not depend on today's date: computed once per version of a plan file and kept in the
/// workspace's summary cache, so a view over thousands of plans reads one small file instead of
/// parsing and checking every plan. Overdue actions, stale plans and everything else that
/// depends on the date are worked out from it at view time (`Agenda`, `Portfolio`).
public struct PlanDigest: Equatable, Sendable {
  public var name: String
  public var updatedAt: String
  /// The course's A/B/C classification, by its id (nil when not classified).
  public var tier: Tier?
  /// The cooperation stage (potential, new, mature, strategic).
  public var stage: CooperationStage?
  public var stakeholders: Int
  /// Completeness per section (0…1), by section id.
  public var sections: [String: Double]
  /// Warnings and notes of the checks that do not depend on the date.
  public var warnings: Int
  public var notes: Int
  /// Every dated thing of the plan that the agenda may show: today the open actions with a due
  /// date. A new dated section (visits, meetings, complaint deadlines) adds its items here with
  /// its own kind; the cache keeps them without a format change.
  public var items: [DigestItem]
  /// Account management (the article's service tiering and lifecycle), when recorded.
  public var serviceTier: ServiceTier? = nil
  public var lifecycle: LifecycleStage? = nil
  /// The step of the course's six-step sales process the deal is in, when recorded.
  public var salesStage: SalesStage? = nil
  /// The NPS of the latest survey, when there is one.
  public var nps: Int? = nil
  /// Churn warning signs that do not depend on the date (`nps-falling`,
  /// `nps-detractor-majority`); those that do (purchase frequency, complaints) are worked out
  /// at view time from `purchases` and `complaints`.
  public var signals: [String] = []
  /// Purchases: day, amount and currency.
  public var purchases: [DigestPurchase] = []
  /// The days complaints were opened.
  public var complaints: [String] = []

  public init(
    name: String, updatedAt: String, tier: Tier? = nil, stage: CooperationStage? = nil, stakeholders: Int = 0,
    sections: [String: Double] = [:], warnings: Int = 0, notes: Int = 0, items: [DigestItem] = []
  ) {
    self.name = name
    self.updatedAt = updatedAt
    self.tier = tier
    self.stage = stage
    self.stakeholders = stakeholders
    self.sections = sections
    self.warnings = warnings
    self.notes = notes
    self.items = items
  }

  /// Ids of the checks the views work out themselves from the digest (its update time and its
  /// items), so they are left out of its counts; the other findings that depend on the day are
  /// counted as of the day the digest was made (the cache holds for that day only).
  public static let datedFindings: Set<String> = ["plan-stale", "action-overdue"]

  /// The digest of a plan. `now` and `today` serve the checks: `plan-stale` and
  /// `action-overdue` are left out (see `datedFindings`); the others count as of `today`.
  public init(plan: AccountPlan, book: Playbook?, now: Timestamp, today: CalendarDay) {
    var checks = PlanChecks(plan: plan, book: book, now: now, today: today)
    checks.withMessages = false
    let findings = checks.run().filter { !Self.datedFindings.contains($0.id) }
    let sections = PlanHealth.completeness(plan, book: book)
    self.init(
      name: plan.name, updatedAt: plan.updatedAt, tier: plan.account.tier, stage: plan.account.cooperationStage,
      stakeholders: plan.stakeholders.count, sections: Dictionary(uniqueKeysWithValues: sections.map { ($0.key.rawValue, $0.value) }),
      warnings: findings.filter { $0.severity == .warning }.count, notes: findings.filter { $0.severity == .info }.count,
      items: Self.items(of: plan))
    salesStage = plan.deal.stage
    let m = plan.management
    serviceTier = m.tier
    lifecycle = m.lifecycle
    // Only the survey trend is used here, which does not depend on the day passed in.
    let metrics = ManagementMetrics(m, today: today, now: now)
    let trend = metrics.npsTrend
    nps = trend.last?.nps
    if metrics.npsFalling != nil { signals.append("nps-falling") }
    if trend.last?.detractorMajority == true { signals.append("nps-detractor-majority") }
    purchases = m.purchases.compactMap { p in CalendarDay(p.date) == nil ? nil : DigestPurchase(date: p.date, amount: p.amount, currency: p.currency) }
    complaints = m.issues.filter { $0.kind == .complaint }.map { String($0.openedAt.prefix(10)) }.filter { CalendarDay($0) != nil }
  }

  /// The plan's dated items: open actions with a due date; the next visit of each agreed
  /// cadence; meetings not yet debriefed; the response and resolution deadlines of open issues.
  public static func items(of plan: AccountPlan) -> [DigestItem] {
    var items: [DigestItem] = plan.actions.compactMap { a in
      guard !a.done, let due = a.due, CalendarDay(due) != nil else { return nil }
      return DigestItem(kind: .action, id: a.id, text: a.text, owner: a.owner, date: due)
    }
    let m = plan.management
    // A visit is dated from the last visit that served it, from when the visit plan was
    // agreed, or (an old plan that did not record that) from when the plan was created — all
    // fixed days, so the cached date is real on any day. Only with none of them (no readable
    // creation time) would `ManagementMetrics` count from today, which moves every day: such a
    // visit is left out rather than cached with a date that is not real.
    let anyDay = CalendarDay(daysSinceEpoch: 0)
    let anchored = m.answeredAt["visitPlan"] != nil || CalendarDay(String(plan.createdAt.prefix(10))) != nil
    for v in ManagementMetrics(plan: plan, today: anyDay, now: Timestamp(secondsSinceEpoch: 0)).visitsDue where v.lastVisit != nil || anchored {
      items.append(DigestItem(kind: .visit, id: v.cadence.rawValue, text: v.cadence.rawValue, owner: m.accountManager, date: v.due.description))
    }
    for meeting in plan.meetings where meeting.day != nil {
      let text = [meeting.time, meeting.objective].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
      // A debriefed meeting is done: not on the agenda, but still in the calendar on its day.
      items.append(DigestItem(kind: meeting.debrief == nil ? .meeting : .heldMeeting, id: meeting.id, text: text, date: meeting.date))
    }
    // The follow-ups agreed at a touchpoint, one line each. They have no due date of their own:
    // the calendar shows them on the day they were agreed; the agenda leaves them out.
    for t in m.touchpoints where !t.followUps.isEmpty && CalendarDay(t.date) != nil {
      items.append(DigestItem(kind: .followUp, id: t.id, text: t.followUps.joined(separator: "\n"), owner: m.accountManager, date: t.date))
    }
    // An open issue's deadlines are instants (`2026-12-07T20:15:00Z`), compared with now when the
    // agenda is made: a cached digest stays true all day, and a deadline is overdue the moment it
    // passes, as `check` says. Both the response (until responded) and the resolution deadline.
    for issue in m.issues where issue.resolvedAt == nil {
      guard let opened = Timestamp(iso8601: issue.openedAt) else { continue }
      let level = m.responseLevel(issue.level)
      func deadline(_ hours: Int) -> String { Timestamp(secondsSinceEpoch: opened.secondsSinceEpoch + hours * 3600).description }
      if issue.respondedAt == nil {
        items.append(DigestItem(kind: .respond, id: issue.id, text: issue.title, owner: m.accountManager, date: deadline(level.respondHours)))
      }
      items.append(DigestItem(kind: .resolve, id: issue.id, text: issue.title, owner: m.accountManager, date: deadline(level.resolveHours)))
    }
    return items
  }

  /// The churn warning signs on `today`: the digest's own and those that depend on the date —
  /// purchases coming more slowly, complaints rising (the rules of `ManagementMetrics`).
  public func churnWarnings(today: CalendarDay) -> [String] {
    var out = signals
    guard !purchases.isEmpty || !complaints.isEmpty else { return out }
    var m = Management()
    m.purchases = purchases.map { Purchase(date: $0.date, amount: $0.amount, currency: $0.currency) }
    m.issues = complaints.map { ServiceIssue(title: "", kind: .complaint, level: 3, openedAt: $0 + "T00:00:00Z") }
    let metrics = ManagementMetrics(m, today: today, now: Timestamp(secondsSinceEpoch: today.daysSinceEpoch * 86_400))
    if metrics.purchaseFrequency.falling { out.append("purchase-frequency-falling") }
    if metrics.complaintsRising { out.append("complaints-rising") }
    return out
  }

  /// The mean of the scored sections' completeness (as `PlanHealth.overall`).
  public var completeness: Double {
    var s: [PlanSection: Double] = [:]
    for (k, v) in sections { if let section = PlanSection(rawValue: k) { s[section] = v } }
    return PlanHealth(sections: s, warnings: 0, notes: 0, daysSinceUpdate: nil, overdueActions: 0).overall
  }

  /// Whole days from the last update to `now` (nil when `updatedAt` cannot be read).
  public func daysSinceUpdate(now: Timestamp) -> Int? {
    Timestamp(iso8601: updatedAt).map { (now.secondsSinceEpoch - $0.secondsSinceEpoch) / 86_400 }
  }

  /// The total of the purchases in one currency (nil: amounts recorded without one).
  public func purchaseTotal(currency: String?) -> Double {
    purchases.filter { $0.currency == currency }.map(\.amount).reduce(0, +)
  }

  /// Due dates of the open actions.
  public var openDueDates: [CalendarDay] { items.filter { $0.kind == .action }.compactMap { CalendarDay($0.date) } }
}

/// One dated item of a plan: what it is, its id in the plan, what it says, who owns it, when.
public struct DigestItem: Equatable, Sendable {
  /// What the item is. New dated sections add a case (and its words in `AgendaView`).
  public enum Kind: String, Sendable, CaseIterable {
    case action
    /// The next visit of an agreed cadence (`id` and `text`: monthly, quarterly, yearly).
    case visit
    /// A meeting not yet debriefed (`text`: its time of day and objective).
    case meeting
    /// An open issue not yet responded to: its response deadline (`id`: the issue).
    case respond
    /// An open issue responded to but not resolved: its resolution deadline.
    case resolve
    /// A meeting already debriefed (calendar only; `text` as for `meeting`).
    case heldMeeting = "held-meeting"
    /// The follow-ups agreed at a touchpoint, on its day (`id`: the touchpoint; `text`: one
    /// follow-up per line). Calendar only: they carry no due date.
    case followUp = "follow-up"
  }

  public var kind: Kind
  /// The item's stable id within its plan (`a3`), or "" for an item of an old plan without ids.
  public var id: String
  public var text: String
  public var owner: String?
  /// YYYY-MM-DD; an issue's deadline is an instant, `2026-12-07T20:15:00Z` (see `moment`).
  public var date: String

  /// The day it falls on (of an instant: its day, in UTC as every time of a plan).
  public var day: CalendarDay? { CalendarDay(date) ?? moment?.day }
  /// The instant of a deadline kept to the minute; nil for an item of a whole day.
  public var moment: Timestamp? { date.count > 10 ? Timestamp(iso8601: date) : nil }

  public init(kind: Kind, id: String, text: String, owner: String? = nil, date: String) {
    self.kind = kind
    self.id = id
    self.text = text
    self.owner = owner
    self.date = date
  }
}

/// One purchase of an account, as the portfolio's purchase shares need it.
public struct DigestPurchase: Equatable, Sendable {
  public var date: String
  public var amount: Double
  public var currency: String?

  public init(date: String, amount: Double, currency: String?) {
    self.date = date
    self.amount = amount
    self.currency = currency
  }
}
