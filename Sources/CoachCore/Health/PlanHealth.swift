/// How complete and how current a plan is: a completeness score per section (the share of the
/// section's prompts that have an answer), the warnings `check` finds, and how long ago it was
/// updated. Pure; `list`, `open` and `check` show it.
public struct PlanHealth: Equatable, Sendable {
  /// Sections with prompts, in the order they are scored.
  public static let scoredSections: [PlanSection] = [.account, .value, .stakeholders, .discovery, .questions, .objections, .negotiation]

  /// 0…1 per section.
  public var sections: [PlanSection: Double]
  public var warnings: Int
  public var notes: Int
  public var daysSinceUpdate: Int?
  public var overdueActions: Int

  /// The mean of the section scores.
  public var overall: Double {
    let values = PlanHealth.scoredSections.compactMap { sections[$0] }
    return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }

  public static func percent(_ x: Double) -> Int { NumberRange.cell((x * 100).rounded(), 0, 100) }

  public init(sections: [PlanSection: Double], warnings: Int, notes: Int, daysSinceUpdate: Int?, overdueActions: Int) {
    self.sections = sections
    self.warnings = warnings
    self.notes = notes
    self.daysSinceUpdate = daysSinceUpdate
    self.overdueActions = overdueActions
  }

  public init(plan: AccountPlan, book: Playbook?, findings: [Finding], now: Timestamp, today: CalendarDay) {
    sections = PlanHealth.completeness(plan, book: book)
    warnings = findings.filter { $0.severity == .warning }.count
    notes = findings.count - warnings
    daysSinceUpdate = Timestamp(iso8601: plan.updatedAt).map { (now.secondsSinceEpoch - $0.secondsSinceEpoch) / 86_400 }
    overdueActions = plan.actions.filter { !$0.done && ($0.due.flatMap(CalendarDay.init).map { $0 < today } ?? false) }.count
  }

  /// The fields that count, picked from their tables once rather than for every plan (with
  /// the arrays they made, a fifth of a plan's completeness over 10,000 plans, callgrind).
  static let countedAccountFields = AccountPlan.fields.filter { $0.counted && $0.name.hasPrefix("account.") }
  static let countedStakeholderFields = Stakeholder.fields.filter(\.counted)

  /// The share of each section's prompts that have an answer.
  public static func completeness(_ plan: AccountPlan, book: Playbook?) -> [PlanSection: Double] {
    var out: [PlanSection: Double] = [:]
    func share(_ answered: Int, _ total: Int) -> Double { total == 0 ? 0 : Double(answered) / Double(total) }

    // Account: the counted fields of the field table — the four classifications and the five
    // portrait areas.
    let accountFields = countedAccountFields
    out[.account] = share(accountFields.filter { $0.isAnswered(in: plan) }.count, accountFields.count)
    out[.value] = share(plan.valueAssessment.scoredCount, ValueAssessment.criteriaCount)

    // Stakeholders: for each person, the counted fields of the table — title, role, influence,
    // attitude and concerns.
    if plan.stakeholders.isEmpty {
      out[.stakeholders] = 0
    } else {
      let fields = countedStakeholderFields
      let filled = plan.stakeholders.map { s in fields.filter { $0.isAnswered(in: s) }.count }.reduce(0, +)
      out[.stakeholders] = share(filled, plan.stakeholders.count * fields.count)
    }

    // Discovery: the stages' prompts from the playbook (optional ones not counted).
    var total = 0
    var answered = 0
    for stage in DiscoveryStage.allCases {
      let prompts = book?.walks[stage.rawValue]?.prompts.filter { !$0.optional }.map(\.id) ?? []
      let answers = plan.discovery[stage].answers
      if prompts.isEmpty {
        answered += answers.values.filter { !$0.isEmpty }.count
        total += max(answers.count, 4)
      } else {
        total += prompts.count
        answered += prompts.filter { !(answers[$0]?.isEmpty ?? true) }.count
      }
    }
    out[.discovery] = share(answered, total)

    // Questions: the four types covered.
    out[.questions] = share(Set(plan.questionPlan.map(\.type)).count, QuestionType.allCases.count)

    // Objections: the five LSCPA steps of each logged objection.
    if plan.objections.isEmpty {
      out[.objections] = 0
    } else {
      let steps = plan.objections.map { o in LSCPAStep.allCases.filter { !(o.lscpa[$0] ?? "").isEmpty }.count }.reduce(0, +)
      out[.objections] = share(steps, plan.objections.count * 5)
    }

    // Negotiation: goals (price with its three values), our BATNA, theirs, interests,
    // concessions (each with something asked in return), a lead negotiator.
    let n = plan.negotiation
    let price = n.objectives.first { $0.term == .price }
    let parts: [Bool] = [
      price.map { $0.best != nil && $0.expected != nil && $0.walkAway != nil } ?? false,
      !n.batna.ours.isEmpty, !n.batna.theirs.isEmpty,
      !n.interests.isEmpty || !n.commonInterests.isEmpty,
      !n.concessions.isEmpty && n.concessions.allSatisfy { !($0.get ?? "").isEmpty },
      n.team.contains { $0.role == .lead },
    ]
    out[.negotiation] = share(parts.filter { $0 }.count, parts.count)
    return out
  }
}

/// The single most useful next step for a plan: the command that closes the most important gap.
public enum NextStep {
  public static func suggest(_ plan: AccountPlan, findings: [Finding], health: PlanHealth, l: L10n) -> String {
    let order: [(String, String, String)] = [
      ("action-overdue", "actions", l.t("finish or move the overdue actions", "完成或调整逾期的行动")),
      ("profile-incomplete", "profile", l.t("complete the account profile", "完善客户概况")),
      ("no-stakeholders", "stakeholders add", l.t("map the decision makers", "梳理决策者")),
      ("no-final-decision-maker", "stakeholders add", l.t("find the final decision maker", "找到最终决策者")),
      ("blocker-with-high-influence", "stakeholders", l.t("plan how to win over the influential blocker", "想办法争取有影响力的反对者")),
      ("discovery-stage-skipped", "discover", l.t("go back to the skipped discovery stage", "补上跳过的需求挖掘阶段")),
      ("objection-without-process", "objection", l.t("plan how to answer the open objection", "准备对未处理异议的答复")),
      ("walk-away-worse-than-batna", "negotiate goals", l.t("rethink the walk-away point", "重新考虑底线")),
      ("no-zopa", "negotiate", l.t("look again at the zone of agreement", "重新审视协议区间")),
      ("concession-without-return", "negotiate concessions", l.t("ask something in return for each concession", "为每项让步设定交换条件")),
      ("single-threaded", "stakeholders add", l.t("add a second contact", "增加第二位联系人")),
      ("value-assessment-incomplete", "profile", l.t("score the value assessment", "完成价值评估打分")),
      ("no-open-question", "questions", l.t("plan the questions for the next meeting", "规划下次会谈的问题")),
      ("plan-stale", "show", l.t("review the plan and bring it up to date", "回顾并更新计划")),
    ]
    let ids = Set(findings.map(\.id))
    for (id, command, why) in order where ids.contains(id) {
      return "`\(command)` — " + why
    }
    if let weakest = PlanHealth.scoredSections.min(by: { (health.sections[$0] ?? 0) < (health.sections[$1] ?? 0) }),
      (health.sections[weakest] ?? 1) < 1
    {
      let command: String
      switch weakest {
      case .account, .value: command = "profile"
      case .stakeholders: command = "stakeholders add"
      case .discovery: command = "discover"
      case .questions: command = "questions"
      case .objections: command = "objection"
      case .negotiation: command = "negotiate"
      case .actions: command = "actions"
      case .timeline: command = "meeting new"
      case .management: command = "manage"
      case .deal: command = "deal"
      }
      return "`\(command)` — " + l.t("the least complete section is \(weakest.rawValue)", "完成度最低的部分是 \(weakest.rawValue)")
    }
    return "`export md` — " + l.t("the plan is complete: take the brief to the meeting", "计划已完整：带上会前简报去开会")
  }
}
