/// `manage crisis`: a crisis walked through the course's steps (大客户危机处理) — warning signs,
/// response plan and team, communication principles, remedy, relationship repair. A new one is
/// opened with its first answer; an open one is taken up where it was left. The steps' words
/// are the playbook's `manage-crisis` walk. When the crisis started (`openedOn`) is a day gone by
/// (`3 days ago`, `last Friday`, `上周五`, `2026-11-02`), Enter for today; a later day is
/// refused, and `crisis-open-too-long` counts from it.
extension ManagementFlows {
  public static func crisis(_ plan: AccountPlan, id existing: String?, walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let target = Target(existing)
    let walk = ManagementWalks.bind(playbookWalk)
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
        case "repair": c.repair = text
        default: return
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
