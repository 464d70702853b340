/// The account-management walks behind `manage`: the service set-up, and one walk per thing
/// logged (a touchpoint, an NPS survey, a CSAT score, an issue, a purchase, a growth
/// opportunity, an improvement action, a crisis). Each is a WalkFlow: every answer is a
/// PlanEdit, saved at once and undoable.
public enum ManagementFlows {
  /// The id of the item a walk fills: taken with the walk's first answer, and the same on every
  /// copy of the plan the edit runs on.
  final class Target {
    var id: String?
    init(_ id: String? = nil) { self.id = id }
  }

  static func prompt(
    _ id: String, _ kind: PromptKind, _ text: String, label: String, hint: String? = nil, optional: Bool = true, options: [ChoiceOption] = []
  ) -> Prompt {
    var p = Prompt(id: id, kind: kind, fills: "management.\(id)", text: text)
    p.label = label
    p.hint = hint
    p.optional = optional
    p.options = options
    // A logged touchpoint, survey, score or order happened on its date.
    p.past = kind == .date && id == "date"
    return p
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

  static func options<E: PlanEnum>(_ cases: [E], _ name: (E) -> String, note: (E) -> String? = { _ in nil }) -> [ChoiceOption] {
    cases.map { ChoiceOption(id: $0.rawValue, label: name($0), note: note($0)) }
  }

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

  /// `manage`: service tier, lifecycle stage, account manager, visit plan, response levels.
  public static func setUp(_ plan: AccountPlan, l: L10n) -> WalkFlow {
    let m = plan.management
    let prompts = [
      prompt(
        "tier", .choice, l.t("Which service tier is this account?", "这个客户属于哪个服务层级？"), label: l.t("Service tier", "服务层级"),
        hint: l.t(
          "The service tier sits next to the purchasing-power tier A/B/C: match the resources you put in to the account's value.",
          "服务层级与按购买力划分的 A/B/C 类并列：资源投入要与客户价值相匹配。"), optional: false,
        options: options(ServiceTier.allCases, { ManagementNames.tier($0, l) }) { t in
          switch t {
          case .vip: return l.t("one-to-one service from a senior account manager, regular visits", "由高级客户经理一对一服务，定期拜访")
          case .key: return l.t("regular phone calls and email", "定期电话回访和邮件沟通")
          case .ordinary: return l.t("kept up with automated marketing tools", "通过自动化营销工具维护")
          }
        }),
      prompt(
        "lifecycle", .choice, l.t("Which lifecycle stage is the account in?", "客户处在生命周期的哪个阶段？"), label: l.t("Lifecycle stage", "生命周期阶段"),
        options: options(LifecycleStage.allCases, { ManagementNames.lifecycle($0, l) })),
      prompt(
        "accountManager", .text, l.t("Who is the dedicated account manager?", "专属客户经理是谁？"), label: l.t("Account manager", "专属客户经理"),
        hint: l.t(
          "The account manager is the bridge to the customer: knows their needs, coordinates your resources, keeps service quality and visits regularly.",
          "客户经理是与客户沟通的桥梁：全面了解客户需求，协调内部资源，确保服务质量，定期回访。")),
      prompt(
        "visitPlan", .text,
        l.t(
          "Which regular visits are agreed? monthly (operational visit), quarterly (business review), yearly (strategy meeting) — e.g. `all` or `quarterly yearly`",
          "约定了哪些定期回访？月度（运营回访）、季度（业务回顾）、年度（战略会议）——例如 `全部` 或 `季度 年度`"),
        label: l.t("Visit plan", "回访计划"),
        hint: l.t(
          "Each visit has a clear agenda and follow-ups: satisfaction, how the product is used, open problems, new needs.",
          "每次回访都要有明确议程和跟进事项：服务满意度、产品使用情况、问题收集与跟进、新需求挖掘。")),
      prompt(
        "responseLevels", .text,
        l.t(
          // A number and its unit are held together by no-break spaces (never `24` / `h`).
          "Response times: Enter keeps the course's levels (1: respond 2\u{00A0}h, resolve 24\u{00A0}h; 2: 4\u{00A0}h\u{00A0}/ 48\u{00A0}h; 3: 24\u{00A0}h\u{00A0}/ one\u{00A0}week), or type the agreed ones, e.g. `1: 1h/12h`",
          "响应时限：按 Enter 使用课程中的分级（1级：2小时响应、24小时解决；2级：4小时/48小时；3级：24小时/一周），或输入约定的时限，例如 `1: 1h/12h`"),
        label: l.t("Response levels", "分级响应"),
        hint: l.t(
          "Level 1 is a system outage, level 2 a function that does not work, level 3 a general question. `course` goes back to the course's times.",
          "1级是系统瘫痪，2级是功能障碍，3级是一般咨询。输入 `默认` 恢复课程中的时限。")),
    ]
    let walk = Walk(id: "manage", title: l.t("Service set-up", "大客户服务体系"), goal: l.t("Set up how this won account is served and kept.", "为已签约的客户设定服务与维护方式。"), prompts: prompts)
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
        default: plan.management.responseLevels = text.flatMap(ManagementParsing.responseLevels) ?? []
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
