/// `manage crisis`: a crisis walked through the course's steps (大客户危机处理) — warning signs,
/// response plan and team, communication principles, remedy, relationship repair. A new one is
/// opened with its first answer; an open one is taken up where it was left.
extension ManagementFlows {
  public static func crisis(_ plan: AccountPlan, id existing: String?, l: L10n) -> WalkFlow {
    let target = Target(existing)
    let step = { (s: CrisisStep) in ManagementNames.crisisStep(s, l) }
    let prompts = [
      prompt("title", .text, l.t("What is the crisis, in a line?", "危机是什么？用一句话描述。"), label: l.t("Crisis", "危机"), optional: false),
      startedPrompt(l),
      prompt(
        "warningSigns", .text, l.t("Warning signs: what showed it coming, and what are you watching now?", "危机预警：有哪些征兆？现在要监控什么？"),
        label: step(.warningSigns),
        hint: l.t(
          "Early risk signals: satisfaction below your warning threshold, a trend of complaints and negative feedback, the project's health, the temperature of the relationship.",
          "早期风险信号：客户满意度低于预警阈值、投诉和负面反馈的趋势、项目健康状况、客户关系温度计。"), optional: false),
      prompt(
        "responsePlan", .text, l.t("Response plan: the process for this kind of crisis, escalation and decisions?", "应对预案：针对这类危机的处理流程、内部上报和决策机制是什么？"),
        label: step(.responsePlan),
        hint: l.t(
          "Set the process for this type of crisis, a fast internal escalation and decision path, and a graded response.",
          "针对不同类型的危机制定处理流程，建立内部快速上报和决策机制，设计分级响应策略。"), optional: false),
      prompt(
        "team", .text, l.t("Who is on the response team, and who does what?", "响应团队有哪些人？如何分工？"), label: l.t("Response team", "响应团队"),
        hint: l.t("Name the response team and each member's responsibility.", "明确响应团队和责任分工。"), optional: false),
      prompt(
        "communication", .text, l.t("Communication: who speaks for you, what you say and how often?", "沟通策略：由谁统一发言？说什么？多久通报一次？"),
        label: step(.communication),
        hint: l.t(
          "Admit the problem frankly without dodging responsibility; be transparent and timely; one spokesperson; stick to the facts and do not over-promise; mind both the emotional and the technical side.",
          "坦诚承认问题，不回避责任；保持沟通透明和及时；指定统一发言人，避免信息混乱；根据事实沟通，避免过度承诺；同时关注情感和技术层面。"), optional: false),
      prompt(
        "remedy", .text, l.t("Remedy: how will you fix the core problem, and what compensation is fair?", "补救措施：如何解决核心问题？什么样的补偿方案是合理的？"),
        label: step(.remedy),
        hint: l.t(
          "Solve the core problem fast, offer fair compensation, bring in the resources it needs, track progress and report it, and look for the systemic cause.",
          "快速解决核心问题，提供合理的补偿方案，调动必要资源，建立问题跟踪和进度通报机制，评估并解决潜在的系统性问题。"), optional: false),
      prompt(
        "repair", .text, l.t("Relationship repair: the review, senior management's part, the long-term plan?", "关系修复：如何复盘？高层如何参与？长期改进计划是什么？"),
        label: step(.repair),
        hint: l.t(
          "Once it is solved: a full review, senior management taking part in person, a long-term improvement plan, value-added services to rebuild trust.",
          "危机解决后进行全面复盘，高层亲自参与关系修复，制定长期改进计划，提供增值服务重建信任。"), optional: false),
    ]
    let walk = Walk(
      id: "manage-crisis", title: l.t("Crisis handling", "大客户危机处理"),
      goal: l.t("Contain the crisis, fix it, and win the customer's trust back.", "控制危机、解决问题，重新赢得客户信任。"), prompts: prompts)
    var answers: [String: AnswerValue] = [:]
    if let c = plan.management.crises.first(where: { $0.id == existing }) {
      let values: [(String, String?)] = [
        ("title", c.title), ("warningSigns", c.warningSigns), ("responsePlan", c.responsePlan), ("team", c.team), ("communication", c.communication),
        ("remedy", c.remedy), ("repair", c.repair),
      ]
      for (key, value) in values { if let value, !value.isEmpty { answers[key] = .text(value) } }
      if CalendarDay(c.openedOn) != nil { answers["openedOn"] = .date(c.openedOn) }
    }
    let binding = itemBinding(
      \AccountPlan.management.crises, prefix: ItemIDPrefix.crisis, target: target, title: l.t("Crisis", "危机"),
      make: { Crisis(title: "", openedOn: day($0)) },
      set: { p, v, c, time in
        let text = PlanPatch.text(v)
        switch p.id {
        case "title": c.title = text ?? c.title
        // Enter keeps the day the crisis was opened in coach (today).
        case "openedOn": c.openedOn = text ?? c.openedOn
        case "warningSigns": c.warningSigns = text
        case "responsePlan": c.responsePlan = text
        case "team": c.team = text
        case "communication": c.communication = text
        case "remedy": c.remedy = text
        default: c.repair = text
        }
        c.answeredAt[p.id] = time
      },
      validate: { p, v in
        // A crisis cannot have started after it was closed.
        guard p.id == "openedOn", let day = PlanPatch.text(v), let closed = plan.management.crises.first(where: { $0.id == existing })?.closedOn,
          day > closed
        else { return nil }
        return l.t("The crisis was closed on \(closed): it started on or before that day.", "这次危机已于 \(closed) 关闭：开始日期不能晚于那一天。")
      })
    let engine = WalkEngine(walk: walk, answers: answers, l: l)
    return WalkFlow(engine: engine, binding: binding) { engine, context in
      guard let plan = context.plan, let i = plan.management.crises.firstIndex(where: { $0.id == target.id }) else { return [] }
      let c = plan.management.crises[i]
      var out: [FlowEffect] = [
        .say(
          StyledText(
            l.t(
              "Crisis #\(i + 1) “\(Sanitizer.clean(c.title, multiline: false))”, open since \(c.openedOn).",
              "危机 #\(i + 1)“\(Sanitizer.clean(c.title, multiline: false))”，开始于 \(c.openedOn)。"), .good))
      ]
      if engine.leftEarly && !engine.allAnswered {
        out.append(.say(StyledText(l.t("`manage crisis \(i + 1)` picks up at the first open step.", "用 `manage crisis \(i + 1)` 从第一个未完成的步骤继续。"), .dim)))
      } else {
        out.append(
          .say(
            StyledText(
              l.t(
                "Keep the customer informed; once trust is back, `manage crisis close \(i + 1)` closes it.",
                "持续向客户通报进展；信任恢复后，用 `manage crisis close \(i + 1)` 关闭。"), .dim)))
      }
      return out
    }
  }
}

extension ManagementFlows {
  /// When the crisis started: a day gone by (`3 days ago`, `last Friday`, `上周五`,
  /// `2026-11-02`), Enter for today; a later day is refused. `crisis-open-too-long` counts from it.
  static func startedPrompt(_ l: L10n) -> Prompt {
    var p = prompt(
      "openedOn", .date, l.t("When did it start? (\(todayHint(l)))", "危机是哪天开始的？（\(todayHint(l))）"), label: l.t("Started", "开始日期"),
      hint: l.t(
        "The day the crisis broke, even if you log it later: how long it has been open counts from that day.",
        "危机实际爆发的那一天，即使是事后才记录：危机持续的时间从这一天算起。"))
    p.past = true
    return p
  }
}
