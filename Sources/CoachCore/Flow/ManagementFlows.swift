/// The account-management walks behind `manage`: the service set-up, and one walk per thing
/// logged (a touchpoint, an NPS survey, a CSAT score, an issue, a purchase, a growth
/// opportunity, an improvement action, a crisis). Each is a WalkFlow: every answer is a
/// PlanEdit, saved at once and undoable. The words of each walk come from the playbook
/// (playbooks/*/management.yaml, bound by ManagementWalks); what an answer does is here.
public enum ManagementFlows {
  /// The id of the item a walk fills: taken with the walk's first answer, and the same on every
  /// copy of the plan the edit runs on.
  final class Target {
    var id: String?
    init(_ id: String? = nil) { self.id = id }
  }

  /// Answers that create an item of a list on the first answer and fill it after.
  static func itemBinding<T: PlanItem>(
    _ list: WritableKeyPath<AccountPlan, [T]>, prefix: String, target: Target, title: String,
    make: @escaping (_ time: String) -> T, set: @escaping (Prompt, AnswerValue, inout T, String) -> Void,
    validate: @escaping (Prompt, AnswerValue) -> String? = { _, _ in nil }
  ) -> WalkBinding {
    WalkBinding(
      apply: { p, v, plan, time in
        let id: String
        if let known = target.id {
          id = known
        } else {
          id = plan.takeItemID(prefix, in: plan[keyPath: list])
          target.id = id
        }
        if let i = plan[keyPath: list].firstIndex(where: { $0.id == id }) {
          set(p, v, &plan[keyPath: list][i], time)
        } else {
          var item = make(time)
          item.id = id
          set(p, v, &item, time)
          plan[keyPath: list].append(item)
          plan.noteItemID(id, prefix: prefix)
        }
      },
      validate: { p, v, _ in validate(p, v) },
      describe: { title + title.titleColon + $0.shortLabel })
  }

  static func day(_ time: String) -> String { String(time.prefix(10)) }

  /// The end of a logging walk: what was stored, and the findings of the section.
  static func summary(_ title: @escaping (AccountPlan) -> String?, l: L10n, related ids: [String], next: String) -> (WalkEngine, FlowContext) -> [FlowEffect] {
    { _, context in
      guard let plan = context.plan, let line = title(plan) else { return [] }
      var out: [FlowEffect] = [.say(StyledText(line, .good))]
      let related = context.findings().filter { ids.contains($0.id) }
      if !related.isEmpty { out.append(.say(FindingsView.render(related, l: l, width: context.width))) }
      out.append(.say(StyledText(next, .dim)))
      return out
    }
  }

  // MARK: the service set-up

  /// `manage`: service tier, lifecycle stage, account manager, visit plan, response levels
  /// (the playbook's `manage` walk).
  public static func setUp(_ plan: AccountPlan, walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let m = plan.management
    let walk = ManagementWalks.bind(playbookWalk)
    var answers: [String: AnswerValue] = [:]
    if let t = m.tier { answers["tier"] = .choice(t.rawValue) }
    if let s = m.lifecycle { answers["lifecycle"] = .choice(s.rawValue) }
    if let a = m.accountManager { answers["accountManager"] = .text(a) }
    if !m.visitPlan.isEmpty { answers["visitPlan"] = .text(m.visitPlan.map(\.rawValue).joined(separator: " ")) }
    if !m.responseLevels.isEmpty {
      answers["responseLevels"] = .text(m.responseLevels.map { "\($0.level): \($0.respondHours)h/\($0.resolveHours)h" }.joined(separator: "; "))
    }
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let text = PlanPatch.text(v)
        switch p.id {
        case "tier": plan.management.tier = text.flatMap(ServiceTier.init(rawValue:))
        case "lifecycle": plan.management.lifecycle = text.flatMap(LifecycleStage.init(rawValue:))
        case "accountManager": plan.management.accountManager = text
        case "visitPlan": plan.management.visitPlan = text.flatMap(ManagementParsing.visitPlan) ?? []
        case "responseLevels": plan.management.responseLevels = text.flatMap(ManagementParsing.responseLevels) ?? []
        default: return
        }
        plan.management.answeredAt[p.id] = time
      },
      validate: { p, v, _ in
        guard let text = PlanPatch.text(v) else { return nil }
        if p.id == "visitPlan", ManagementParsing.visitPlan(text) == nil {
          return l.t(
            "‘\(text)’ is not a visit plan: type monthly, quarterly and/or yearly, `all` or `none`.", "‘\(text)’ 不是回访计划：请输入 月度、季度 和/或 年度，或 `全部`、`无`。")
        }
        if p.id == "responseLevels", ManagementParsing.responseLevels(text) == nil {
          return l.t(
            "‘\(text)’ is not a set of response times: type e.g. `1: 2h/24h; 3: 24h/1w`, or `course`.",
            "‘\(text)’ 不是有效的响应时限：请输入例如 `1: 2h/24h; 3: 24h/1w`，或 `默认`。")
        }
        return nil
      },
      describe: { l.t("Service set-up: ", "服务体系：") + $0.shortLabel })
    let engine = WalkEngine(walk: walk, answers: answers, l: l)
    let flow = WalkFlow(engine: engine, binding: binding) { engine, context in
      guard let plan = context.plan else { return [] }
      var out: [FlowEffect] = [.say("\n" + ManagementView(plan: plan, labels: Labels(context.book, l), width: context.width, today: context.today, now: context.now).service())]
      let related = context.findings().filter { $0.section == .management }
      if !related.isEmpty { out.append(.say(FindingsView.render(related, l: l, width: context.width))) }
      if engine.leftEarly && !engine.allAnswered {
        out.append(.say(StyledText(l.t("`manage` picks up at the first open prompt.", "再次输入 `manage` 会从第一个未答的问题继续。"), .dim)))
      } else {
        out.append(
          .say(
            StyledText(
              l.t(
                "Next: `manage touch` logs a visit, `manage nps` a survey, `show management` shows it all.",
                "下一步：用 `manage touch` 记录一次回访，用 `manage nps` 记录满意度调查，用 `show management` 查看全部。"), .dim)))
      }
      return out
    }
    flow.afterRecord = { p, v, _ in
      // The visit plan and the response times are echoed as stored.
      guard let text = PlanPatch.text(v) else { return [] }
      if p.id == "visitPlan", let plan = ManagementParsing.visitPlan(text) {
        let words = plan.isEmpty ? l.t("no regular visits", "没有定期回访") : l.list(plan.map { ManagementNames.cadence($0, l) })
        return [.say(StyledText("  = " + words, .good))]
      }
      if p.id == "responseLevels", let levels = ManagementParsing.responseLevels(text) {
        var m = Management()
        m.responseLevels = levels
        return [.say(StyledText("  = " + (1...3).map { ManagementNames.level(m.responseLevel($0), l) }.joined(separator: l.t("; ", "；")), .good))]
      }
      return []
    }
    return flow
  }
}
