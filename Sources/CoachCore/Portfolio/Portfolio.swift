/// `portfolio`: the accounts by tier and cooperation stage, with each account's completeness,
/// open warnings and last update, and how the accounts spread over the tiers (the course's
/// A/B/C: a few A accounts should carry most of the business). Pure: built from the plans'
/// digests and the current time.
public struct Portfolio: Equatable, Sendable {
  public struct Row: Equatable, Sendable {
    public var id: String
    public var name: String
    public var tier: Tier?
    public var stage: CooperationStage?
    /// 0…1, the mean of the sections' completeness.
    public var completeness: Double
    /// Warnings of `check`, the dated ones (stale plan, overdue actions) included.
    public var warnings: Int
    public var overdueActions: Int
    public var stakeholders: Int
    public var updatedAt: String
    public var daysSinceUpdate: Int?
  }

  /// One tier's line of the spread: how many accounts, their share of all accounts, and how
  /// many are at each stage.
  public struct TierLine: Equatable, Sendable {
    public var tier: Tier?
    public var accounts: Int
    public var share: Double
    /// Accounts by stage (nil: stage not recorded).
    public var stages: [CooperationStage?: Int]
    /// The mean completeness of the tier's accounts (0…1).
    public var completeness: Double
  }

  public enum Sort: String, CaseIterable, Sendable {
    case tier, name, stage, completeness, warnings, updated
  }

  public var rows: [Row]
  public var tiers: [TierLine]

  public init(plans: [(id: String, digest: PlanDigest)], now: Timestamp, today: CalendarDay, staleDays: Int = Agenda.defaultStaleDays, sort: Sort = .tier) {
    var rows: [Row] = []
    rows.reserveCapacity(plans.count)
    for (id, d) in plans {
      let days = d.daysSinceUpdate(now: now)
      let overdue = d.openDueDates.filter { $0 < today }.count
      let warnings = d.warnings + ((days ?? 0) >= staleDays ? 1 : 0) + (overdue > 0 ? 1 : 0)
      rows.append(
        Row(
          id: id, name: d.name, tier: d.tier, stage: d.stage, completeness: d.completeness, warnings: warnings, overdueActions: overdue,
          stakeholders: d.stakeholders, updatedAt: d.updatedAt, daysSinceUpdate: days))
    }
    self.rows = Self.sorted(rows, by: sort)
    var tiers: [TierLine] = []
    let total = max(1, rows.count)
    for tier in [Tier.a, .b, .c, nil] as [Tier?] {
      let members = rows.filter { $0.tier == tier }
      guard !members.isEmpty else { continue }
      var stages: [CooperationStage?: Int] = [:]
      for m in members { stages[m.stage, default: 0] += 1 }
      tiers.append(
        TierLine(
          tier: tier, accounts: members.count, share: Double(members.count) / Double(total), stages: stages,
          completeness: members.map(\.completeness).reduce(0, +) / Double(members.count)))
    }
    self.tiers = tiers
  }

  /// The order of the stages, from first contact to partnership; unrecorded last.
  public static func rank(_ stage: CooperationStage?) -> Int {
    guard let stage else { return CooperationStage.allCases.count }
    return CooperationStage.allCases.firstIndex(of: stage)!
  }

  /// Rows in the chosen order; ties by name, then id. `tier`: A first, and within a tier the
  /// least complete plan first (the one that needs work); `completeness`: most complete first;
  /// `warnings`: most first; `updated`: most recently updated first; `stage`: from potential
  /// to strategic.
  public static func sorted(_ rows: [Row], by sort: Sort) -> [Row] {
    // Keys computed once: comparing lower-cased names inside the comparator would allocate
    // two strings per comparison (n log n of them over 10,000 plans).
    let names = rows.map { $0.name.lowercased() }
    let order = rows.indices.sorted { i, j in
      let a = rows[i]
      let b = rows[j]
      switch sort {
      case .tier:
        if Agenda.rank(a.tier) != Agenda.rank(b.tier) { return Agenda.rank(a.tier) < Agenda.rank(b.tier) }
        if a.completeness != b.completeness { return a.completeness < b.completeness }
      case .name: break
      case .stage:
        if rank(a.stage) != rank(b.stage) { return rank(a.stage) < rank(b.stage) }
      case .completeness:
        if a.completeness != b.completeness { return a.completeness > b.completeness }
      case .warnings:
        if a.warnings != b.warnings { return a.warnings > b.warnings }
      case .updated:
        if a.updatedAt != b.updatedAt { return a.updatedAt > b.updatedAt }
      }
      if names[i] != names[j] { return names[i] < names[j] }
      return a.id < b.id
    }
    return order.map { rows[$0] }
  }
}
