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
    /// Account management, when recorded: the article's service tier and lifecycle stage, the
    /// latest NPS, the purchases in the portfolio's currency.
    public var serviceTier: ServiceTier? = nil
    public var lifecycle: LifecycleStage? = nil
    public var nps: Int? = nil
    public var purchases: Double = 0
    /// The account's purchases in other currencies than `Portfolio.currency`: not in
    /// `purchases` nor in the tier shares.
    public var leftOut: [CurrencyTotal] = []
  }

  /// Purchases in one currency (nil: amounts recorded without one): how many, from how many
  /// accounts, and their total.
  public struct CurrencyTotal: Equatable, Sendable {
    public var currency: String?
    public var purchases: Int
    public var accounts: Int
    public var total: Double
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
    /// The tier's purchases (in `Portfolio.currency`) and their share of all purchases: the
    /// 80/20 view, when purchases are recorded.
    public var purchases: Double = 0
    public var purchaseShare: Double? = nil
  }

  public enum Sort: String, CaseIterable, Sendable {
    case tier, name, stage, completeness, warnings, updated, nps, purchases
  }

  public var rows: [Row]
  public var tiers: [TierLine]
  /// True when some account has purchases recorded.
  public var hasPurchases: Bool
  /// The currency the purchase shares are in: the one most purchases were recorded in (nil:
  /// amounts recorded without one). Purchases in other currencies are not added in: they are
  /// in `leftOut`, and every view says so.
  public var currency: String?
  /// True when some account has account management recorded (service tier, lifecycle, NPS).
  public var hasManagement: Bool
  /// The purchases in the other currencies, left out of the shares: most purchases first.
  public var leftOut: [CurrencyTotal] = []

  public init(plans: [(id: String, digest: PlanDigest)], now: Timestamp, today: CalendarDay, staleDays: Int = Agenda.defaultStaleDays, sort: Sort = .tier) {
    var rows: [Row] = []
    rows.reserveCapacity(plans.count)
    var currencies: [String: Int] = [:]
    for (_, d) in plans { for p in d.purchases { currencies[p.currency ?? "", default: 0] += 1 } }
    // Amounts recorded without a currency (e.g. a purchase of 0 an older walk logged when the
    // amount was skipped) are the reference only when no purchase names one.
    let named = currencies.filter { !$0.key.isEmpty }
    let main = (named.isEmpty ? currencies : named).max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    currency = main.flatMap { $0.isEmpty ? nil : $0 }
    hasPurchases = main != nil
    hasManagement = plans.contains { $0.digest.serviceTier != nil || $0.digest.lifecycle != nil || $0.digest.nps != nil }
    var others: [String: CurrencyTotal] = [:]
    for (id, d) in plans {
      var own: [String: CurrencyTotal] = [:]
      for p in d.purchases where (p.currency ?? "") != main {
        own[p.currency ?? "", default: CurrencyTotal(currency: p.currency, purchases: 0, accounts: 1, total: 0)].purchases += 1
        own[p.currency ?? ""]!.total += p.amount
      }
      let leftOut = Self.ordered(Array(own.values))
      for t in leftOut {
        others[t.currency ?? "", default: CurrencyTotal(currency: t.currency, purchases: 0, accounts: 0, total: 0)].purchases += t.purchases
        others[t.currency ?? ""]!.accounts += 1
        others[t.currency ?? ""]!.total += t.total
      }
      let days = d.daysSinceUpdate(now: now)
      let overdue = d.openDueDates.filter { $0 < today }.count
      let warnings = d.warnings + ((days ?? 0) >= staleDays ? 1 : 0) + (overdue > 0 ? 1 : 0)
      rows.append(
        Row(
          id: id, name: d.name, tier: d.tier, stage: d.stage, completeness: d.completeness, warnings: warnings, overdueActions: overdue,
          stakeholders: d.stakeholders, updatedAt: d.updatedAt, daysSinceUpdate: days, serviceTier: d.serviceTier, lifecycle: d.lifecycle,
          nps: d.nps, purchases: main == nil ? 0 : d.purchaseTotal(currency: currency), leftOut: leftOut))
    }
    self.leftOut = Self.ordered(Array(others.values))
    self.rows = Self.sorted(rows, by: sort)
    var tiers: [TierLine] = []
    let total = max(1, rows.count)
    let allPurchases = rows.map(\.purchases).reduce(0, +)
    for tier in [Tier.a, .b, .c, nil] as [Tier?] {
      let members = rows.filter { $0.tier == tier }
      guard !members.isEmpty else { continue }
      var stages: [CooperationStage?: Int] = [:]
      for m in members { stages[m.stage, default: 0] += 1 }
      tiers.append(
        TierLine(
          tier: tier, accounts: members.count, share: Double(members.count) / Double(total), stages: stages,
          completeness: members.map(\.completeness).reduce(0, +) / Double(members.count),
          purchases: members.map(\.purchases).reduce(0, +),
          purchaseShare: allPurchases > 0 ? members.map(\.purchases).reduce(0, +) / allPurchases : nil))
    }
    self.tiers = tiers
  }

  /// Most purchases first, then by currency (amounts without one last).
  static func ordered(_ totals: [CurrencyTotal]) -> [CurrencyTotal] {
    totals.sorted { a, b in
      if a.purchases != b.purchases { return a.purchases > b.purchases }
      return (a.currency ?? "\u{10FFFF}") < (b.currency ?? "\u{10FFFF}")
    }
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
      case .nps:
        // Highest first; accounts without a survey last.
        if a.nps != b.nps { return (a.nps ?? Int.min) > (b.nps ?? Int.min) }
      case .purchases:
        if a.purchases != b.purchases { return a.purchases > b.purchases }
      }
      if names[i] != names[j] { return names[i] < names[j] }
      return a.id < b.id
    }
    return order.map { rows[$0] }
  }
}
