/// The management section as text (`show management`): the service set-up with the visits due,
/// touchpoints, NPS and CSAT trends, issues against their response times, purchases and their
/// frequency, crises, growth and the improvement plan. Pure.
public struct ManagementView {
  public let plan: AccountPlan
  public let labels: Labels
  public let width: Int
  public let today: CalendarDay?
  public let now: Timestamp?
  var l: L10n { labels.l }
  var m: Management { plan.management }

  public init(plan: AccountPlan, labels: Labels, width: Int, today: CalendarDay?, now: Timestamp?) {
    self.plan = plan
    self.labels = labels
    self.width = width
    self.today = today
    self.now = now
  }

  var metrics: ManagementMetrics? {
    guard let today, let now else { return nil }
    return ManagementMetrics(plan: plan, today: today, now: now)
  }

  func clean(_ s: String) -> String { Sanitizer.clean(s, multiline: false) }

  public func render() -> StyledText {
    var out = Blocks.heading(l.t("Account management", "客户管理与维护")) + "\n"
    guard !m.isEmpty else {
      return out
        + StyledText(
          "  " + l.t("Not set up yet: `manage` sets up the service for a won account.", "尚未设置：用 `manage` 为已签约的客户设置服务体系。"), .dim)
    }
    out += service()
    for part in [touchpoints(), satisfaction(), issues(), purchases(), crises(), growth()] where !part.spans.isEmpty {
      out += "\n\n" + part
    }
    return out
  }

  func service() -> StyledText {
    var rows: [(String, String)] = [
      (l.t("Service tier", "服务层级"), m.tier.map { ManagementNames.tier($0, l) } ?? "—"),
      (l.t("Lifecycle stage", "生命周期阶段"), m.lifecycle.map { ManagementNames.lifecycle($0, l) } ?? "—"),
      (l.t("Account manager", "专属客户经理"), m.accountManager.map(clean) ?? "—"),
    ]
    let due = metrics.map { Dictionary(uniqueKeysWithValues: $0.visitsDue.map { ($0.cadence, $0) }) } ?? [:]
    let visits = m.visitPlan.map { c -> String in
      var s = ManagementNames.cadence(c, l)
      if let d = due[c] {
        s += l.t(" — next due ", "——下次 ") + d.due.description
        if let today, d.due < today { s += l.t(" (overdue)", "（已逾期）") }
      }
      return s
    }
    rows.append((l.t("Visit plan", "回访计划"), visits.isEmpty ? "—" : visits.joined(separator: "\n")))
    if let next = metrics?.nextDueVisit, let today {
      let days = next.due.daysSinceEpoch - today.daysSinceEpoch
      let when =
        days < 0 ? l.t("\(-days) days overdue", "已逾期\(-days)天") : days == 0 ? l.t("due today", "今天到期") : l.t("in \(days) days", "\(days)天后")
      rows.append((l.t("Next visit", "下次回访"), ManagementNames.cadence(next.cadence, l) + l.t(", ", "，") + DateParser.describe(next.due, l) + l.t(" (", "（") + when + l.t(")", "）")))
    }
    rows.append((l.t("Response levels", "分级响应"), (1...3).map { ManagementNames.level(m.responseLevel($0), l) }.joined(separator: "\n")))
    return Blocks.pairs(rows, width: width)
  }

  func touchpoints() -> StyledText {
    guard !m.touchpoints.isEmpty else { return StyledText() }
    var out = StyledText(l.t("Touchpoints", "接触记录"), .bold)
    for (i, t) in m.touchpoints.enumerated() {
      var line = "  #\(i + 1)  \(t.date)  \(ManagementNames.touchpoint(t.kind, l))"
      if let who = t.who, !who.isEmpty { line += l.t(" with ", "，对象：") + clean(who) }
      out.append("\n" + line)
      if let notes = t.notes, !notes.isEmpty { out.append("\n      " + clean(notes), .dim) }
      for f in t.followUps { out.append("\n      → " + clean(f)) }
    }
    return out
  }

  func satisfaction() -> StyledText {
    guard !m.npsResponses.isEmpty || !m.csat.isEmpty || !m.improvements.isEmpty else { return StyledText() }
    var out = StyledText(l.t("Satisfaction", "客户满意度"), .bold)
    let all = ManagementMetrics(m, today: today ?? CalendarDay(daysSinceEpoch: 0), now: now ?? Timestamp(secondsSinceEpoch: 0))
    for p in all.npsTrend {
      out.append("\n  NPS  \(p.date)  ")
      out.append(String(p.nps), p.nps < 0 ? .bad : p.nps >= 50 ? .good : .plain)
      out.append(
        l.t(
          "  (\(p.respondents) respondents: promoters \(p.promoters) · passives \(p.passives) · detractors \(p.detractors))",
          "（\(p.respondents)人：推荐者\(p.promoters) · 被动者\(p.passives) · 批评者\(p.detractors)）"), .dim)
    }
    if all.npsTrend.count >= 2 { out.append("\n  " + l.t("NPS trend: ", "NPS 趋势：") + all.npsTrend.map { String($0.nps) }.joined(separator: " → ")) }
    for p in all.csatTrend {
      out.append("\n  CSAT \(p.month)  ")
      out.append(ManagementNames.csat(p, l), p.percent < ManagementMetrics.lowCSATPercent ? .bad : .plain)
      out.append(l.t("  (scores: \(p.count))", "（\(p.count)个评分）"), .dim)
    }
    if all.csatTrend.count >= 2 { out.append("\n  " + l.t("CSAT trend: ", "CSAT 趋势：") + all.csatTrend.map { ManagementNames.csat($0, l) }.joined(separator: " → ")) }
    if !m.improvements.isEmpty {
      out.append("\n  " + l.t("Improvement plan", "满意度提升计划"), .bold)
      for (i, a) in m.improvements.enumerated() {
        var line = "\n  #\(i + 1)  [\(ManagementNames.improvementStatus(a.status, l))] " + clean(a.text)
        if let area = a.area, !area.isEmpty { line += " — " + clean(area) }
        if let due = a.due { line += l.t(", due ", "，截止 ") + due }
        out.append(line)
      }
    }
    return out
  }

  func issues() -> StyledText {
    guard !m.issues.isEmpty else { return StyledText() }
    var out = StyledText(l.t("Issues and complaints", "问题与投诉"), .bold)
    let sla = Dictionary(metrics?.sla.map { ($0.issueID, $0) } ?? [], uniquingKeysWith: { a, _ in a })
    for (i, issue) in m.issues.enumerated() {
      let state =
        issue.resolvedAt != nil ? l.t("resolved", "已解决") : issue.respondedAt != nil ? l.t("responded", "已响应") : l.t("open", "未响应")
      out.append("\n  #\(i + 1)  [\(ManagementNames.issueKind(issue.kind, l)) · \(l.t("level \(issue.level)", "\(issue.level)级")) · \(state)] " + clean(issue.title))
      out.append("\n      " + l.t("opened ", "提出于 ") + Blocks.time(issue.openedAt), .dim)
      if let s = sla[issue.id], !issue.id.isEmpty {
        if s.respondBreached { out.append("  " + l.t("response time missed", "超过响应时限"), .bad) }
        if s.resolveBreached { out.append("  " + l.t("resolution time missed", "超过解决时限"), .bad) }
      }
    }
    return out
  }

  func purchases() -> StyledText {
    guard !m.purchases.isEmpty else { return StyledText() }
    var out = StyledText(l.t("Purchases", "采购记录"), .bold)
    for (i, p) in m.purchases.enumerated() {
      out.append("\n  #\(i + 1)  \(p.date)  " + AmountParser.describe(p.amount, currency: p.currency) + (p.note.map { "  " + clean($0) } ?? ""))
    }
    guard let metrics else { return out }
    let f = metrics.purchaseFrequency
    if let avg = f.averageInterval {
      out.append("\n  " + l.t("An order about every \(avg) days", "平均约每\(avg)天一次订单"))
      if let since = f.daysSinceLast { out.append(l.t("; the last \(since) days ago", "；上一次在\(since)天前")) }
    }
    out.append("\n  " + l.t("Orders per quarter (last four): ", "近四个季度的订单数：") + f.perQuarter.map(String.init).joined(separator: " → "))
    if f.falling { out.append("\n  " + l.t("Purchase frequency is falling.", "采购频率在下降。"), .bad) }
    return out
  }

  func crises() -> StyledText {
    guard !m.crises.isEmpty else { return StyledText() }
    var out = StyledText(l.t("Crises", "危机处理"), .bold)
    for (i, c) in m.crises.enumerated() {
      out.append("\n  #\(i + 1) ", .bold)
      // A day stays a day; a moment reads as every other time here (`2026-12-07 13:08 UTC`).
      func when(_ s: String) -> String { CalendarDay(s) != nil ? s : Blocks.time(s) }
      let state = c.closedOn.map { l.t("closed ", "已关闭 ") + when($0) } ?? l.t("open since ", "开始于 ") + when(c.openedOn)
      out.append("[\(state)] ", c.isOpen ? .warn : .good)
      out.append(clean(c.title) + "\n")
      let rows: [(String, String)] = [
        (ManagementNames.crisisStep(.warningSigns, l), c.warningSigns ?? "—"), (ManagementNames.crisisStep(.responsePlan, l), c.responsePlan ?? "—"),
        (l.t("Response team", "响应团队"), c.team ?? "—"), (ManagementNames.crisisStep(.communication, l), c.communication ?? "—"),
        (ManagementNames.crisisStep(.remedy, l), c.remedy ?? "—"), (ManagementNames.crisisStep(.repair, l), c.repair ?? "—"),
      ]
      out += Blocks.pairs(rows, width: width, indent: "     ")
    }
    return out
  }

  func growth() -> StyledText {
    guard !m.growth.isEmpty else { return StyledText() }
    var out = StyledText(l.t("Growth", "价值提升"), .bold)
    for (i, g) in m.growth.enumerated() {
      var line = "\n  #\(i + 1)  [\(ManagementNames.growthKind(g.kind, l)) · \(ManagementNames.growthStatus(g.status, l))] " + clean(g.text)
      if let v = g.value { line += "  " + AmountParser.describe(v, currency: g.currency) }
      out.append(line)
    }
    return out
  }
}
