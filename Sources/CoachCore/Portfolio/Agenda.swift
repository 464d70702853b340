/// `agenda`: everything due or at risk across all plans on one day — overdue items, items due in
/// the coming week (by day), and plans nobody has updated for a long time. Pure: built from the
/// plans' digests, today's date and the current time.
public struct Agenda: Equatable, Sendable {
  /// One line of the agenda.
  public struct Entry: Equatable, Sendable {
    public enum Kind: String, Sendable {
      /// An open action with a due date.
      case action
      /// The next visit of an agreed cadence (`text`: monthly, quarterly or yearly).
      case visit
      /// A meeting not yet debriefed.
      case meeting
      /// An open issue's response deadline (an SLA breach once it has passed).
      case respond
      /// An open issue's resolution deadline.
      case resolve
      /// An account showing churn warning signs (`signals`).
      case churnWarning = "churn-warning"
      /// A plan not updated for `staleDays` days or more.
      case stalePlan = "stale-plan"
    }

    public var kind: Kind
    public var plan: String
    public var planName: String
    public var tier: Tier?
    /// The item's id in its plan ("" for a stale plan).
    public var item: String
    public var text: String
    public var owner: String?
    /// When it is due (nil for a stale plan).
    public var date: CalendarDay?
    /// The instant it is due, for a deadline kept to the minute (an issue's response or
    /// resolution): overdue as soon as it has passed.
    public var moment: Timestamp?
    /// Days since the plan was last updated (stale plans).
    public var daysSinceUpdate: Int?
    /// The churn warning signs, by finding id (churn warnings).
    public var signals: [String] = []

    public init(
      kind: Kind, plan: String, planName: String, tier: Tier?, item: String = "", text: String = "", owner: String? = nil,
      date: CalendarDay? = nil, daysSinceUpdate: Int? = nil
    ) {
      self.kind = kind
      self.plan = plan
      self.planName = planName
      self.tier = tier
      self.item = item
      self.text = text
      self.owner = owner
      self.date = date
      self.daysSinceUpdate = daysSinceUpdate
    }
  }

  /// A heading of the agenda and what falls under it.
  public struct Group: Equatable, Sendable {
    public enum Key: Equatable, Sendable {
      case overdue
      case day(CalendarDay)
      case churn
      case stale
    }
    public var key: Key
    public var entries: [Entry]
  }

  public var today: CalendarDay
  /// The last day counted as "this week" (today + days − 1).
  public var until: CalendarDay
  public var staleDays: Int
  public var groups: [Group]

  public static let defaultDays = 7
  public static let defaultStaleDays = 30

  /// The agenda of `plans` (id and digest). Overdue items come first (visits, issue deadlines
  /// past their time: SLA breaches), then one group per day from today over `days` days, then
  /// the accounts with churn warning signs, then the stale plans (longest untouched first).
  /// Within a group the accounts of tier A come first, then B, C and unclassified ones; then by
  /// plan name, then by the item's date and text.
  public init(plans: [(id: String, digest: PlanDigest)], today: CalendarDay, now: Timestamp, days: Int = defaultDays, staleDays: Int = defaultStaleDays) {
    self.today = today
    self.until = today.adding(days: max(1, days) - 1)
    self.staleDays = staleDays
    var overdue: [Entry] = []
    var byDay: [CalendarDay: [Entry]] = [:]
    var stale: [Entry] = []
    var churn: [Entry] = []
    for (id, d) in plans {
      let signals = d.churnWarnings(today: today)
      if !signals.isEmpty {
        var e = Entry(kind: .churnWarning, plan: id, planName: d.name, tier: d.tier)
        e.signals = signals
        churn.append(e)
      }
      for item in d.items {
        guard let kind = Self.kind(item.kind), let date = item.day, date <= until else { continue }
        var entry = Entry(kind: kind, plan: id, planName: d.name, tier: d.tier, item: item.id, text: item.text, owner: item.owner, date: date)
        entry.moment = item.moment
        // A deadline with a time is overdue once that time has passed (an SLA breach, as `check`
        // says), not only from the next day.
        let passed = item.moment.map { $0 < now } ?? false
        if date < today || passed { overdue.append(entry) } else { byDay[date, default: []].append(entry) }
      }
      if let days = d.daysSinceUpdate(now: now), days >= staleDays {
        stale.append(Entry(kind: .stalePlan, plan: id, planName: d.name, tier: d.tier, daysSinceUpdate: days))
      }
    }
    var groups: [Group] = []
    if !overdue.isEmpty { groups.append(Group(key: .overdue, entries: Self.sorted(overdue))) }
    for day in byDay.keys.sorted() { groups.append(Group(key: .day(day), entries: Self.sorted(byDay[day]!))) }
    if !churn.isEmpty { groups.append(Group(key: .churn, entries: Self.sorted(churn))) }
    if !stale.isEmpty {
      let sorted = stale.sorted { a, b in
        if Self.rank(a.tier) != Self.rank(b.tier) { return Self.rank(a.tier) < Self.rank(b.tier) }
        if a.daysSinceUpdate != b.daysSinceUpdate { return (a.daysSinceUpdate ?? 0) > (b.daysSinceUpdate ?? 0) }
        return a.plan < b.plan
      }
      groups.append(Group(key: .stale, entries: sorted))
    }
    self.groups = groups
  }

  /// The agenda's kind of a dated item; nil for what is in the calendar only (meetings held,
  /// touchpoint follow-ups).
  static func kind(_ kind: DigestItem.Kind) -> Entry.Kind? {
    switch kind {
    case .action: return .action
    case .visit: return .visit
    case .meeting: return .meeting
    case .respond: return .respond
    case .resolve: return .resolve
    case .heldMeeting, .followUp: return nil
    }
  }

  /// A before B before C before unclassified.
  public static func rank(_ tier: Tier?) -> Int {
    switch tier {
    case .a: return 0
    case .b: return 1
    case .c: return 2
    case nil: return 3
    }
  }

  /// The entries in `order`, sorting indexes with the lower-cased names made once (sorting the
  /// entries themselves, lower-casing in each comparison, was a tenth of a warm agenda over
  /// 10,000 plans).
  static func sorted(_ entries: [Entry]) -> [Entry] {
    let names = entries.map { lowercased($0.planName) }
    return entries.indices.sorted { i, j in order(entries[i], entries[j], names[i], names[j]) }.map { entries[$0] }
  }

  /// `lowercased()`, on the bytes when the name is ASCII and U+3000–U+9FFF (CJK, kana: no
  /// case; UTF-8 lead bytes E3–E9), where it only maps A–Z: the Unicode path for each of
  /// 10,000 plan names was 2 % of a warm `agenda` (callgrind).
  static func lowercased(_ name: String) -> String {
    let ascii = name.utf8.withContiguousStorageIfAvailable { b -> String? in
      guard !b.contains(where: { $0 >= 0xC0 && !(0xE3...0xE9).contains($0) }) else { return nil }
      guard b.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return name }
      return String(unsafeUninitializedCapacity: b.count) { out in
        for (i, x) in b.enumerated() { out[i] = x >= 0x41 && x <= 0x5A ? x | 0x20 : x }
        return b.count
      }
    }
    return (ascii ?? nil) ?? name.lowercased()
  }

  static func order(_ a: Entry, _ b: Entry) -> Bool { order(a, b, a.planName.lowercased(), b.planName.lowercased()) }

  static func order(_ a: Entry, _ b: Entry, _ x: String, _ y: String) -> Bool {
    if rank(a.tier) != rank(b.tier) { return rank(a.tier) < rank(b.tier) }
    if x != y { return x < y }
    if a.plan != b.plan { return a.plan < b.plan }
    if a.date != b.date { return (a.date?.daysSinceEpoch ?? 0) < (b.date?.daysSinceEpoch ?? 0) }
    if a.moment != b.moment { return (a.moment?.secondsSinceEpoch ?? 0) < (b.moment?.secondsSinceEpoch ?? 0) }
    if a.text != b.text { return a.text < b.text }
    return a.item < b.item
  }

  /// Every entry, in the agenda's order.
  public var entries: [Entry] { groups.flatMap(\.entries) }

  public var isEmpty: Bool { groups.isEmpty }
}
