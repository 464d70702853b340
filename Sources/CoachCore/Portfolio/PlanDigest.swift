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

  /// Ids of the checks that depend on today's date: they are left out of the digest's counts
  /// and worked out at view time instead.
  public static let datedFindings: Set<String> = ["plan-stale", "action-overdue"]

  /// The digest of a plan. `now` and `today` only serve the checks, whose dated findings are
  /// left out (see `datedFindings`), so the result is the same on any day.
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
  }

  /// The plan's dated items: open actions with a due date.
  public static func items(of plan: AccountPlan) -> [DigestItem] {
    plan.actions.compactMap { a in
      guard !a.done, let due = a.due, CalendarDay(due) != nil else { return nil }
      return DigestItem(kind: .action, id: a.id, text: a.text, owner: a.owner, date: due)
    }
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

  /// Due dates of the open actions.
  public var openDueDates: [CalendarDay] { items.filter { $0.kind == .action }.compactMap { CalendarDay($0.date) } }
}

/// One dated item of a plan: what it is, its id in the plan, what it says, who owns it, when.
public struct DigestItem: Equatable, Sendable {
  /// What the item is. New dated sections add a case (and its words in `AgendaView`).
  public enum Kind: String, Sendable, CaseIterable {
    case action
  }

  public var kind: Kind
  /// The item's stable id within its plan (`a3`), or "" for an item of an old plan without ids.
  public var id: String
  public var text: String
  public var owner: String?
  /// YYYY-MM-DD.
  public var date: String

  public init(kind: Kind, id: String, text: String, owner: String? = nil, date: String) {
    self.kind = kind
    self.id = id
    self.text = text
    self.owner = owner
    self.date = date
  }
}
