/// One thing `check` found: a stable id, how much it matters, the section it concerns and a
/// message (from the playbook's checks.yaml) that says what to do next.
public struct Finding: Equatable, Sendable {
  public enum Severity: String, Sendable { case info, warning }

  public var id: String
  public var severity: Severity
  public var section: PlanSection
  public var message: String
  /// The values that filled the message's placeholders ({name}, {stage}, {days}, {count}).
  public var values: [String: String]

  public var json: JSONValue {
    var o: [String: JSONValue] = ["id": .string(id), "severity": .string(severity.rawValue), "section": .string(section.rawValue), "message": .string(message)]
    if !values.isEmpty { o["values"] = .object(values.mapValues { .string($0) }) }
    return .object(o)
  }
}

/// Every rule `check` runs over a plan. Pure: the playbook gives the words, the clock's today
/// is passed in.
public struct PlanChecks {
  public let plan: AccountPlan
  public let book: Playbook?
  public let now: Timestamp
  public let today: CalendarDay
  /// A plan not updated for this many days is stale.
  public var staleDays = 30
  /// When false, findings carry no message: for counting them (`list`) without the text work.
  public var withMessages = true

  public init(plan: AccountPlan, book: Playbook?, now: Timestamp, today: CalendarDay) {
    self.plan = plan
    self.book = book
    self.now = now
    self.today = today
  }

  static let rules: [String: (Finding.Severity, PlanSection)] = [
    "no-stakeholders": (.warning, .stakeholders), "no-final-decision-maker": (.warning, .stakeholders),
    "no-financial-decision-maker": (.warning, .stakeholders), "no-technical-decision-maker": (.info, .stakeholders),
    "no-user-decision-maker": (.info, .stakeholders),
    "no-champion": (.info, .stakeholders), "single-threaded": (.warning, .stakeholders),
    "blocker-with-high-influence": (.warning, .stakeholders), "discovery-stage-skipped": (.warning, .discovery),
    "no-open-question": (.warning, .questions), "no-leading-question": (.info, .questions),
    "no-verification-question": (.warning, .questions), "no-value-question": (.warning, .questions),
    "value-assessment-incomplete": (.info, .value), "profile-incomplete": (.info, .account),
    "concession-without-return": (.warning, .negotiation), "concession-beyond-walk-away": (.warning, .negotiation),
    "concessions-not-decreasing": (.warning, .negotiation), "walk-away-worse-than-batna": (.warning, .negotiation),
    "no-zopa": (.warning, .negotiation), "no-core-term": (.info, .negotiation), "no-lead-negotiator": (.warning, .negotiation),
    "their-batna-unknown": (.info, .negotiation), "our-batna-unknown": (.warning, .negotiation),
    "goals-out-of-order": (.warning, .negotiation), "objection-without-process": (.warning, .objections),
    "objection-unconfirmed": (.info, .objections), "plan-stale": (.warning, .account), "action-overdue": (.warning, .actions),
    "attendee-concern-unknown": (.warning, .timeline), "meeting-without-verification-question": (.warning, .timeline),
    "final-decision-maker-never-met": (.warning, .timeline), "objection-raised-twice": (.warning, .timeline),
    "attendee-turned-skeptic": (.warning, .timeline), "last-meeting-actions-open": (.info, .timeline),
    "visit-overdue": (.warning, .management), "nps-detractor-majority": (.warning, .management), "nps-falling": (.warning, .management),
    "csat-low": (.warning, .management), "sla-breached": (.warning, .management), "complaints-rising": (.warning, .management),
    "purchase-frequency-falling": (.warning, .management), "no-account-manager": (.warning, .management),
    "crisis-open-too-long": (.warning, .management), "tier-service-mismatch": (.warning, .management),
    "relationship-without-owner": (.warning, .stakeholders), "relationship-gone-cold": (.warning, .stakeholders),
  ]

  func finding(_ id: String, _ values: [String: String] = [:]) -> Finding {
    let (severity, section) = Self.rules[id] ?? (.info, .account)
    guard withMessages else { return Finding(id: id, severity: severity, section: section, message: "", values: values) }
    var message = book?.findings[id]?.message ?? id
    for (key, value) in values { message = message.replacingAll("{\(key)}", with: value) }
    return Finding(id: id, severity: severity, section: section, message: message.trimmingWhitespace, values: values)
  }

  /// Every finding, warnings first, in a stable order.
  public func run() -> [Finding] {
    var found: [Finding] = []
    found += stakeholders()
    found += discovery()
    found += questions()
    found += profile()
    found += NegotiationChecks(checks: self).run()
    found += objections()
    found += health()
    found += MeetingChecks(checks: self).run()
    found += ManagementChecks(checks: self).run()
    found += relationships()
    // Each finding's place looked up once, in a table made once: building the table for every
    // plan and looking both ids up in each comparison was a third of checking a plan
    // (callgrind, cold `agenda` over the benchmark's plans).
    let keys = found.map { (warning: $0.severity == .warning, rank: Self.order[$0.id] ?? 0) }
    return found.indices.sorted { a, b in
      if keys[a].warning != keys[b].warning { return keys[a].warning }
      return keys[a].rank != keys[b].rank ? keys[a].rank < keys[b].rank : a < b
    }.map { found[$0] }
  }

  /// Each finding id's place in `FindingID.all`.
  static let order = Dictionary(uniqueKeysWithValues: FindingID.all.enumerated().map { ($1, $0) })

  // MARK: stakeholders

  func stakeholders() -> [Finding] {
    let people = plan.stakeholders
    guard !people.isEmpty else { return [finding("no-stakeholders")] }
    var out: [Finding] = []
    if !people.contains(where: { $0.holds(.final) }) { out.append(finding("no-final-decision-maker")) }
    if !people.contains(where: { $0.holds(.financial) }) { out.append(finding("no-financial-decision-maker")) }
    if !people.contains(where: { $0.holds(.technical) }) { out.append(finding("no-technical-decision-maker")) }
    if !people.contains(where: { $0.holds(.user) }) { out.append(finding("no-user-decision-maker")) }
    if !people.contains(where: { $0.attitude == .champion }) { out.append(finding("no-champion")) }
    if people.count == 1 { out.append(finding("single-threaded")) }
    for p in people where p.attitude == .blocker && (p.influence ?? 0) >= 4 {
      out.append(finding("blocker-with-high-influence", ["name": p.name]))
    }
    return out
  }

  // MARK: discovery

  func stageTitle(_ s: DiscoveryStage) -> String { book?.walks[s.rawValue]?.title ?? s.rawValue }

  func discovery() -> [Finding] {
    let stages = DiscoveryStage.allCases
    guard let lastStarted = stages.last(where: { !plan.discovery[$0].isEmpty }) else { return [] }
    return stages.filter { $0 < lastStarted && plan.discovery[$0].isEmpty }.map {
      finding("discovery-stage-skipped", ["stage": stageTitle($0)])
    }
  }

  // MARK: questions

  func questions() -> [Finding] {
    var out: [Finding] = []
    let types = Set(plan.questionPlan.map(\.type))
    let ids: [(QuestionType, String)] = [
      (.open, "no-open-question"), (.leading, "no-leading-question"),
      (.verification, "no-verification-question"), (.value, "no-value-question"),
    ]
    for (type, id) in ids where !types.contains(type) { out.append(finding(id)) }
    return out
  }

  // MARK: profile and value

  func profile() -> [Finding] {
    var out: [Finding] = []
    let a = plan.account
    let classified = a.tier != nil && a.industry != nil && a.cooperationStage != nil && a.decisionMode != nil
    let portrait = PortraitArea.allCases.allSatisfy { !(a.portrait.answers[$0] ?? "").isEmpty }
    if !classified || !portrait { out.append(finding("profile-incomplete")) }
    let scored = plan.valueAssessment.scoredCount
    if scored < ValueAssessment.criteriaCount { out.append(finding("value-assessment-incomplete", ["count": String(ValueAssessment.criteriaCount - scored)])) }
    return out
  }

  // MARK: objections

  func objections() -> [Finding] {
    var out: [Finding] = []
    for (i, o) in plan.objections.enumerated() where o.status == .open {
      let name = "#\(i + 1)"
      let has = { (s: LSCPAStep) in !(o.lscpa[s] ?? "").trimmingWhitespace.isEmpty }
      if !has(.process) { out.append(finding("objection-without-process", ["name": name])) } else if !has(.confirm) { out.append(finding("objection-unconfirmed", ["name": name])) }
    }
    return out
  }

  // MARK: health

  func health() -> [Finding] {
    var out: [Finding] = []
    if let updated = Timestamp(iso8601: plan.updatedAt) {
      let days = (now.secondsSinceEpoch - updated.secondsSinceEpoch) / 86_400
      if days >= staleDays { out.append(finding("plan-stale", ["days": String(days)])) }
    }
    let overdue = plan.actions.filter { a in
      !a.done && (a.due.flatMap(CalendarDay.init).map { $0 < today } ?? false)
    }
    if !overdue.isEmpty { out.append(finding("action-overdue", ["count": String(overdue.count)])) }
    return out
  }
}
