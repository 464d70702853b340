/// The walks that log one thing into the management section (their words: the playbook's
/// `manage-touch`, `manage-nps`, … walks).
extension ManagementFlows {
  // MARK: touchpoint

  /// `manage touch`: a visit, review or call — kind, date, who, notes, follow-ups.
  public static func touchpoint(walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let target = Target()
    let walk = ManagementWalks.bind(playbookWalk)
    let binding = itemBinding(
      \AccountPlan.management.touchpoints, prefix: ItemIDPrefix.touchpoint, target: target, title: l.t("Touchpoint", "接触记录"),
      make: { Touchpoint(date: day($0), kind: .other, createdAt: $0) },
      set: { p, v, t, _ in
        switch (p.id, v) {
        case ("kind", _): t.kind = PlanPatch.text(v).flatMap(TouchpointKind.init(rawValue:)) ?? t.kind
        case ("date", _): t.date = PlanPatch.text(v) ?? t.date
        case ("who", _): t.who = PlanPatch.text(v)
        case ("notes", _): t.notes = PlanPatch.text(v)
        case ("followUps", .list(let items)): t.followUps = items
        default: break
        }
      })
    return WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: binding,
      onEnd: summary(
        { plan in
          guard let i = plan.management.touchpoints.firstIndex(where: { $0.id == target.id }) else { return nil }
          let t = plan.management.touchpoints[i]
          return l.t("Logged touchpoint #\(i + 1): \(t.date), \(ManagementNames.touchpoint(t.kind, l)).", "已记录接触 #\(i + 1)：\(t.date)，\(ManagementNames.touchpoint(t.kind, l))。")
        }, l: l, related: ["visit-overdue", "tier-service-mismatch"],
        next: l.t("`manage csat` scores it; `show management` shows the visits due.", "用 `manage csat` 为它评分；用 `show management` 查看下次回访时间。")))
  }

  // MARK: NPS

  /// `manage nps`: a survey — its date, then each respondent's score, name and role.
  public static func nps(walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    final class Survey {
      var date: String?
      var ids: [String] = []
    }
    let survey = Survey()
    let walk = ManagementWalks.bind(playbookWalk)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        if p.id == "date" {
          survey.date = PlanPatch.text(v)
          for i in plan.management.npsResponses.indices where survey.ids.contains(plan.management.npsResponses[i].id) {
            plan.management.npsResponses[i].date = survey.date ?? day(time)
          }
          return
        }
        guard case .list(let items) = v else { return }
        let date = survey.date ?? day(time)
        // The list as it stands: answers beyond it were cleared. The ids taken stay with their
        // place in the list (the edit runs on more than one copy of the plan and must do the
        // same on each), so a respondent typed after `clear` takes the first place's id again.
        for id in survey.ids.dropFirst(items.count) { plan.management.npsResponses.removeAll { $0.id == id } }
        for (n, item) in items.enumerated() {
          guard let r = ManagementParsing.npsRespondent(item) else { continue }
          if n >= survey.ids.count { survey.ids.append(plan.takeItemID(ItemIDPrefix.nps, in: plan.management.npsResponses)) }
          let id = survey.ids[n]
          var response = NPSResponse(date: date, score: r.score, respondent: r.name, role: r.role)
          response.id = id
          if let i = plan.management.npsResponses.firstIndex(where: { $0.id == id }) {
            plan.management.npsResponses[i] = response
          } else {
            plan.management.npsResponses.append(response)
            plan.noteItemID(id, prefix: ItemIDPrefix.nps)
          }
        }
      },
      validate: { p, v, _ in
        guard p.id == "respondents", case .list(let items) = v, let last = items.last, ManagementParsing.npsRespondent(last) == nil else { return nil }
        return l.t("‘\(last)’ does not start with a score from 0 to 10: type e.g. `9 Li Wei, CFO`.", "‘\(last)’ 开头不是 0 到 10 的分数：请输入例如 `9 李伟，财务总监`。")
      },
      describe: { l.t("NPS survey: ", "NPS 调查：") + $0.shortLabel })
    let flow = WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: binding,
      onEnd: summary(
        { plan in
          guard !survey.ids.isEmpty, let date = plan.management.npsResponses.first(where: { $0.id == survey.ids[0] })?.date,
            let point = ManagementMetrics(plan.management, today: CalendarDay(date) ?? CalendarDay(daysSinceEpoch: 0), now: Timestamp(secondsSinceEpoch: 0))
              .npsTrend.first(where: { $0.date == date })
          else { return nil }
          return l.t(
            "NPS on \(date): \(point.nps) (\(point.respondents) respondents: promoters \(point.promoters), passives \(point.passives), detractors \(point.detractors)).",
            "\(date) 的 NPS：\(point.nps)（\(point.respondents) 位受访者：推荐者 \(point.promoters)，被动者 \(point.passives)，批评者 \(point.detractors)）。")
        }, l: l, related: ["nps-detractor-majority", "nps-falling"],
        next: l.t("`show management` shows the trend; `manage improve` plans an improvement for the low scores.", "用 `show management` 查看趋势；用 `manage improve` 针对低分制定改进措施。")))
    flow.afterRecord = { p, v, _ in
      guard p.id == "respondents", case .list(let items) = v, let last = items.last, let r = ManagementParsing.npsRespondent(last) else { return [] }
      let group = r.score >= 9 ? l.t("promoter", "推荐者") : r.score >= 7 ? l.t("passive", "被动者") : l.t("detractor", "批评者")
      return [.say(StyledText("    \(r.score)/10 · " + group, .dim))]
    }
    return flow
  }

  // MARK: CSAT

  /// `manage csat`: a score on a 1–5 or 1–7 scale, for a touchpoint or a service area.
  public static func csat(walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let target = Target()
    let walk = ManagementWalks.bind(playbookWalk)
    final class Touchpoints { var ids: [String] = [] }
    let binding = itemBinding(
      \AccountPlan.management.csat, prefix: ItemIDPrefix.csat, target: target, title: "CSAT",
      make: { CSATScore(date: day($0), score: 1, scale: 5) },
      set: { p, v, c, _ in
        guard let text = PlanPatch.text(v) else { return }
        switch p.id {
        case "score":
          if let s = ManagementParsing.csat(text, defaultScale: 5) { (c.score, c.scale) = (s.score, s.scale) }
        case "date": c.date = text
        case "about":
          c.area = text
          c.touchpointId = nil
        default: break
        }
      },
      validate: { p, v in
        guard p.id == "score", let text = PlanPatch.text(v), ManagementParsing.csat(text, defaultScale: 5) == nil else { return nil }
        return l.t("‘\(text)’ is not a CSAT score: type 1 to 5, or e.g. `6/7` on a 1–7 scale.", "‘\(text)’ 不是有效的 CSAT 评分：请输入 1 到 5，或在 1–7 分量表上写例如 `6/7`。")
      })
    // A touchpoint named by its number is linked by id (the binding above stored the words).
    let linking = WalkBinding(
      apply: { p, v, plan, time in
        binding.apply(p, v, &plan, time)
        guard p.id == "about", let text = PlanPatch.text(v), let id = target.id,
          let n = Int(text.trimmingWhitespace.replacingAll("#", with: "")), (1...max(1, plan.management.touchpoints.count)).contains(n),
          !plan.management.touchpoints.isEmpty, let i = plan.management.csat.firstIndex(where: { $0.id == id })
        else { return }
        let t = plan.management.touchpoints[n - 1]
        plan.management.csat[i].touchpointId = t.id
        plan.management.csat[i].area = nil
        plan.management.csat[i].date = t.date
      },
      validate: { p, v, plan in
        // A touchpoint named by number must be one of the log's.
        if p.id == "about", let text = PlanPatch.text(v)?.trimmingWhitespace, text.hasPrefix("#"), let n = Int(text.dropFirst()),
          !(1...max(1, plan.management.touchpoints.count)).contains(n) || plan.management.touchpoints.isEmpty
        {
          return l.t("There is no touchpoint #\(n); `show management` lists them.", "没有接触记录 #\(n)；用 `show management` 查看列表。")
        }
        return binding.validate(p, v, plan)
      }, describe: binding.describe)
    return WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: linking,
      onEnd: summary(
        { plan in
          guard let c = plan.management.csat.first(where: { $0.id == target.id }) else { return nil }
          let about = c.touchpointId.flatMap { id in plan.management.touchpoints.firstIndex { $0.id == id }.map { "#\($0 + 1)" } } ?? c.area ?? "—"
          return l.t("Logged CSAT \(c.score)/\(c.scale) for \(about) on \(c.date).", "已记录 CSAT \(c.score)/\(c.scale)，对象：\(about)，日期：\(c.date)。")
        }, l: l, related: ["csat-low"], next: l.t("`show management` shows the CSAT trend.", "用 `show management` 查看 CSAT 趋势。")))
  }

  // MARK: issue

  /// `manage issue`: an issue or complaint with its response level and when it was raised.
  public static func issue(walk playbookWalk: Walk, l: L10n, today: CalendarDay, now: Timestamp, agreed: Management = Management()) -> WalkFlow {
    let target = Target()
    func moment(_ text: String) -> Timestamp? {
      if case .at(let t) = ManagementParsing.moment(text, today: today, now: now) { return t }
      return nil
    }
    // The menu shows the response times agreed with this customer, or the course's.
    var walk = ManagementWalks.bind(playbookWalk)
    for (i, p) in walk.prompts.enumerated() where p.id == "level" {
      walk.prompts[i].options = p.options.map { o in
        var o = o
        if let n = Int(o.id) { o.note = ManagementNames.level(agreed.responseLevel(n), l) }
        return o
      }
    }
    let binding = itemBinding(
      \AccountPlan.management.issues, prefix: ItemIDPrefix.issue, target: target, title: l.t("Issue", "问题"),
      make: { _ in ServiceIssue(title: "", kind: .issue, level: 3, openedAt: now.description) },
      set: { p, v, issue, _ in
        guard let text = PlanPatch.text(v) else { return }
        switch p.id {
        case "title": issue.title = text
        case "kind": issue.kind = IssueKind(rawValue: text) ?? issue.kind
        case "level": issue.level = Int(text) ?? issue.level
        case "opened": if let t = moment(text) { issue.openedAt = t.description }
        default: break
        }
      },
      validate: { p, v in
        guard p.id == "opened", let text = PlanPatch.text(v) else { return nil }
        switch ManagementParsing.moment(text, today: today, now: now) {
        case .at(let t) where t > now:
          return l.t("‘\(text)’ is in the future; an issue is logged once it is raised.", "‘\(text)’ 是将来的时间；问题提出后再记录。")
        case .at: return nil
        case .ambiguous(let a, let b):
          return l.t(
            "‘\(text)’ can be \(ManagementParsing.describe(a)) or \(ManagementParsing.describe(b)); write the date as YYYY-MM-DD.",
            "‘\(text)’ 可能是 \(ManagementParsing.describe(a)) 或 \(ManagementParsing.describe(b))；请按 YYYY-MM-DD 写日期。")
        case .invalid:
          return l.t(
            "‘\(text)’ is not a time: type e.g. 2026-11-20 14:30, yesterday 9:00, yesterday 9am or 14:30.", "‘\(text)’ 不是有效时间：请输入例如 2026-11-20 14:30、昨天 9:00、昨天上午9点 或 14:30。")
        }
      })
    let flow = WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: binding,
      onEnd: summary(
        { plan in
          guard let i = plan.management.issues.firstIndex(where: { $0.id == target.id }) else { return nil }
          let issue = plan.management.issues[i]
          let r = plan.management.responseLevel(issue.level)
          return l.t(
            "Logged \(ManagementNames.issueKind(issue.kind, l)) #\(i + 1), raised \(Blocks.time(issue.openedAt)): respond within \(ManagementNames.hours(r.respondHours, l)), resolve within \(ManagementNames.hours(r.resolveHours, l)).",
            "已记录\(ManagementNames.issueKind(issue.kind, l)) #\(i + 1)，提出于 \(Blocks.time(issue.openedAt))：须在\(ManagementNames.hours(r.respondHours, l))内响应，\(ManagementNames.hours(r.resolveHours, l))内解决。"
          )
        }, l: l, related: ["sla-breached", "complaints-rising"],
        next: l.t("`manage issue responded N` and `manage issue resolved N` record the times.", "用 `manage issue responded 编号` 和 `manage issue resolved 编号` 记录响应和解决时间。")))
    // A level as people say it: `level 2`, `2级`, `二级`, `第二级` (the menu itself reads `2级`).
    flow.intercept = { line, flow in
      guard flow.engine.current?.id == "level", let n = ManagementParsing.level(line), String(n) != AnswerParsing.tidy(line) else { return nil }
      return flow.accept(String(n), flow.context)
    }
    flow.afterRecord = { p, v, _ in
      guard p.id == "opened", let text = PlanPatch.text(v), let t = moment(text) else { return [] }
      return [.say(StyledText("  = " + ManagementParsing.describe(t), .good))]
    }
    return flow
  }

  // MARK: purchase

  /// `manage purchase`: an order or contract value on a date.
  public static func purchase(walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let target = Target()
    let walk = ManagementWalks.bind(playbookWalk)
    let binding = itemBinding(
      \AccountPlan.management.purchases, prefix: ItemIDPrefix.purchase, target: target, title: l.t("Purchase", "采购"),
      make: { Purchase(date: day($0), amount: 0, currency: nil) },
      set: { p, v, purchase, _ in
        switch (p.id, v) {
        case ("amount", .amount(let n, let currency)):
          purchase.amount = n
          purchase.currency = currency
        case ("date", _): purchase.date = PlanPatch.text(v) ?? purchase.date
        case ("note", _): purchase.note = PlanPatch.text(v)
        default: break
        }
      })
    let flow = WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: binding,
      onEnd: summary(
        { plan in
          guard let i = plan.management.purchases.firstIndex(where: { $0.id == target.id }) else { return nil }
          let p = plan.management.purchases[i]
          return l.t(
            "Logged purchase #\(i + 1): \(AmountParser.describe(p.amount, currency: p.currency)) on \(p.date).",
            "已记录采购 #\(i + 1)：\(p.date)，\(AmountParser.describe(p.amount, currency: p.currency))。")
        }, l: l, related: ["purchase-frequency-falling"], next: l.t("`show management` shows the purchase frequency.", "用 `show management` 查看采购频率。")))
    // A purchase is its amount: Enter or `skip` at the amount asks again rather than moving on
    // (the date would then log a purchase of 0). `done` and `back` still leave or go back.
    flow.intercept = { line, flow in
      guard flow.engine.current?.id == "amount", flow.engine.answers["amount"]?.isEmpty ?? true else { return nil }
      let word = AnswerParsing.tidy(line)
      guard word.isEmpty || WalkEngine.control(word) == .skip else { return nil }
      return [
        .warn(
          StyledText(
            l.t(
              "A purchase needs its amount: type e.g. 120000 (in your currency setting) or 120000 USD; `done` leaves without logging it.",
              "采购必须填写金额：请输入例如 120000（按你设置的币种）或 120000 USD；输入 `done` 则不记录并离开。"), .warn)),
        .say(flow.engine.renderCurrent()),
      ]
    }
    return flow
  }

  // MARK: growth

  /// `manage growth`: a second-sales opportunity or a strategic-partnership idea.
  public static func growth(walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let target = Target()
    let walk = ManagementWalks.bind(playbookWalk)
    let binding = itemBinding(
      \AccountPlan.management.growth, prefix: ItemIDPrefix.growth, target: target, title: l.t("Growth", "价值提升"),
      make: { GrowthOpportunity(kind: .crossSell, text: "", createdAt: $0) },
      set: { p, v, g, _ in
        switch (p.id, v) {
        case ("text", _): g.text = PlanPatch.text(v) ?? g.text
        case ("kind", _): g.kind = PlanPatch.text(v).flatMap(GrowthKind.init(rawValue:)) ?? g.kind
        case ("status", _): g.status = PlanPatch.text(v).flatMap(GrowthStatus.init(rawValue:)) ?? g.status
        case ("value", .amount(let n, let currency)):
          g.value = n
          g.currency = currency
        default: break
        }
      })
    return WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: binding,
      onEnd: summary(
        { plan in
          guard let i = plan.management.growth.firstIndex(where: { $0.id == target.id }) else { return nil }
          let g = plan.management.growth[i]
          return l.t(
            "Logged opportunity #\(i + 1): \(ManagementNames.growthKind(g.kind, l)), \(ManagementNames.growthStatus(g.status, l)).",
            "已记录机会 #\(i + 1)：\(ManagementNames.growthKind(g.kind, l))，\(ManagementNames.growthStatus(g.status, l))。")
        }, l: l, related: [], next: l.t("`manage growth N pursuing|won|lost` updates its status.", "用 `manage growth 编号 pursuing|won|lost` 更新状态。")))
  }

  // MARK: improvement

  /// `manage improve`: one action of the satisfaction-improvement plan.
  public static func improvement(walk playbookWalk: Walk, l: L10n) -> WalkFlow {
    let target = Target()
    let walk = ManagementWalks.bind(playbookWalk)
    let binding = itemBinding(
      \AccountPlan.management.improvements, prefix: ItemIDPrefix.improvement, target: target, title: l.t("Improvement", "改进措施"),
      make: { ImprovementAction(text: "", createdAt: $0) },
      set: { p, v, a, _ in
        let text = PlanPatch.text(v)
        switch p.id {
        case "text": a.text = text ?? a.text
        case "area": a.area = text
        case "owner": a.owner = text
        case "due": a.due = text
        default: break
        }
      })
    return WalkFlow(
      engine: WalkEngine(walk: walk, answers: [:], l: l), binding: binding,
      onEnd: summary(
        { plan in
          guard let i = plan.management.improvements.firstIndex(where: { $0.id == target.id }) else { return nil }
          return l.t("Added improvement #\(i + 1).", "已添加改进措施 #\(i + 1)。")
        }, l: l, related: [], next: l.t("`manage improve N done` once it is done, `verified` once the customer confirms it.", "完成后用 `manage improve 编号 done`，客户确认后用 `verified`。")))
  }
}
