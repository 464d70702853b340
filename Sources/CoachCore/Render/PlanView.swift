/// The sections `show` can print.
public enum PlanSection: String, CaseIterable, Sendable {
  case account, value, stakeholders, discovery, questions, objections, negotiation, actions
  case timeline
  case management
  case deal

  /// Accepts the section ids and a few natural aliases.
  public init?(word: String) {
    let w = word.lowercased()
    if let s = PlanSection(rawValue: w) {
      self = s
      return
    }
    switch w {
    case "profile", "classification", "portrait": self = .account
    case "valueassessment", "value-assessment": self = .value
    case "stakeholder", "people", "roles": self = .stakeholders
    case "question", "questionplan", "question-plan": self = .questions
    case "objection", "lscpa": self = .objections
    case "negotiate", "goals": self = .negotiation
    case "action", "next-steps": self = .actions
    case "meetings", "meeting", "debriefs": self = .timeline
    case "manage", "service", "keep": self = .management
    case "competitors", "competition", "sales-stage", "商机": self = .deal
    // The Chinese names `show` lists (and its headings), and their everyday short forms.
    case "客户概况", "概况", "客户画像", "画像", "客户分类", "分类": self = .account
    case "客户价值评估", "价值评估", "价值": self = .value
    case "关键决策者", "决策者", "决策链", "干系人": self = .stakeholders
    case "需求挖掘", "需求": self = .discovery
    case "提问计划", "提问", "问题": self = .questions
    case "异议", "异议处理": self = .objections
    case "谈判准备", "谈判": self = .negotiation
    case "下一步行动", "行动", "待办": self = .actions
    case "会谈时间线", "时间线", "会谈", "复盘": self = .timeline
    case "客户管理与维护", "客户管理", "维护", "服务": self = .management
    case "交易", "竞争对手", "竞争", "销售阶段": self = .deal
    default: return nil
    }
  }
}

/// Renders a plan, whole or by section, as readable text. Pure.
public struct PlanView {
  public let plan: AccountPlan
  public let labels: Labels
  public let width: Int
  /// The session's day and time, for what is due in the management section (none: not shown).
  public var today: CalendarDay?
  public var now: Timestamp?
  var l: L10n { labels.l }

  public init(plan: AccountPlan, labels: Labels, width: Int) {
    self.plan = plan
    self.labels = labels
    self.width = width
  }

  public func render(_ section: PlanSection?) -> StyledText {
    guard let section else {
      var parts = [header()]
      // The timeline shows once there are meetings, the management section once it is in use.
      for s in PlanSection.allCases where (s != .timeline || !plan.meetings.isEmpty) && (s != .management || !plan.management.isEmpty) { parts.append(render(s)) }
      return StyledText.lines(parts.map { $0 + "\n" })
    }
    switch section {
    case .account: return account()
    case .value: return value()
    case .stakeholders: return stakeholders()
    case .discovery: return discovery()
    case .questions: return questions()
    case .objections: return objections()
    case .negotiation: return NegotiationView(plan: plan, labels: labels, width: width).render()
    case .actions: return actions()
    case .timeline: return MeetingView(plan: plan, book: labels.book, l: l, width: width).timeline(today: today)
    case .management: return ManagementView(plan: plan, labels: labels, width: width, today: today, now: now).render()
    case .deal: return deal()
    }
  }

  public func header() -> StyledText {
    var out = StyledText(plan.name, .bold)
    out.append("  (\(plan.id))", .dim)
    out.append("\n")
    out.append(l.t("Updated ", "更新于 ") + Blocks.time(plan.updatedAt) + l.t(" · created ", " · 创建于 ") + Blocks.time(plan.createdAt), .dim)
    return out
  }

  func empty(_ hint: String) -> StyledText { StyledText("  " + hint, .dim) }

  // MARK: account

  public func account() -> StyledText {
    var out = Blocks.heading(l.t("Account", "客户概况")) + "\n"
    let a = plan.account
    func choice(_ field: String, _ id: String?) -> String {
      guard let id else { return "—" }
      var text = labels.option(field, id)
      if let note = labels.optionNote(field, id) { text += " (" + note + ")" }
      return text
    }
    var rows: [(String, String)] = [
      (labels.field("account.tier", fallback: l.t("Purchasing power", "购买力")), choice("account.tier", a.tier?.rawValue)),
      (labels.field("account.industry", fallback: l.t("Industry", "行业")), choice("account.industry", a.industry?.rawValue)),
      (labels.field("account.cooperationStage", fallback: l.t("Cooperation stage", "合作阶段")), choice("account.cooperationStage", a.cooperationStage?.rawValue)),
      (labels.field("account.decisionMode", fallback: l.t("Decision mode", "决策模式")), choice("account.decisionMode", a.decisionMode?.rawValue)),
    ]
    for area in PortraitArea.allCases { rows.append((labels.portrait(area), a.portrait.answers[area] ?? "—")) }
    if let notes = a.notes { rows.append((l.t("Notes", "备注"), notes)) }
    out += Blocks.pairs(rows, width: width)
    if a.tier == nil && a.industry == nil && a.portrait.answers.isEmpty {
      out += "\n" + empty(l.t("Nothing recorded yet: `profile` walks you through it.", "尚未记录：用 `profile` 逐项填写。"))
    }
    return out
  }

  // MARK: value

  public func value() -> StyledText {
    let v = plan.valueAssessment
    var out = Blocks.heading(l.t("Value assessment", "客户价值评估"))
    out.append("   " + l.t("total", "总分") + " \(v.total)/60", .bold)
    out.append("  (" + l.t("\(v.scoredCount) of 12 criteria scored", "已评 \(v.scoredCount)/12 项") + ")", .dim)
    out.append("\n")
    let nameWidth = ValueDimension.allCases.map { DisplayWidth.of(labels.valueDimension($0)) }.max() ?? 10
    for d in ValueDimension.allCases {
      let subtotal = v.subtotal(d)
      out.append("  " + DisplayWidth.padRight(labels.valueDimension(d), to: nameWidth) + "  ")
      out.append(Blocks.bar(Double(subtotal), of: 15, width: 15), .accent)
      out.append(" " + DisplayWidth.padLeft("\(subtotal)", to: 2) + "/15\n")
      let details = d.criteria.map { c -> String in
        "\(labels.criterion(d, c)) \(v.score(d, c).map(String.init) ?? "–")"
      }.joined(separator: " · ")
      out.append(Wrap.text(details, width: width, indent: "      ") + "\n", .dim)
    }
    out.append("  " + DisplayWidth.padRight(l.t("Total", "合计"), to: nameWidth) + "  ")
    out.append(Blocks.bar(Double(v.total), of: 60, width: 15), .accent)
    out.append(" " + DisplayWidth.padLeft("\(v.total)", to: 2) + "/60")
    if v.scoredCount == 0 {
      out += "\n" + empty(l.t("Not scored yet: `profile` asks for the twelve scores.", "尚未评分：`profile` 会逐项询问十二个评分。"))
    }
    return out
  }

  // MARK: stakeholders

  public func stakeholders() -> StyledText {
    var out = Blocks.heading(l.t("Stakeholders", "关键决策者")) + "\n"
    guard !plan.stakeholders.isEmpty else {
      return out + empty(l.t("No one yet: `stakeholders add` records the people in the decision.", "尚无记录：用 `stakeholders add` 记录参与决策的人。"))
    }
    var table = TextTable(columns: [
      .init(l.t("Name", "姓名")), .init(l.t("Title", "职位")), .init(l.t("Role", "角色")),
      .init(l.t("Influence", "影响力"), minWidth: 5), .init(l.t("Attitude", "态度")), .init(l.t("Concerns", "关注点"), minWidth: 12),
    ])
    for s in plan.stakeholders {
      let influence = s.influence.map { String(repeating: "●", count: $0) + String(repeating: "○", count: 5 - $0) } ?? "—"
      table.add(
        [s.name, s.title ?? "—", labels.role(s.role), influence, labels.attitude(s.attitude), s.concerns ?? "—"],
        style: s.attitude == .blocker ? .bad : .plain)
    }
    out += table.render(width: width - 2).indented("  ")
    out += "\n\n" + RelationshipMatrix(stakeholders: plan.stakeholders, labels: labels, width: width).render()
    out += "\n\n" + RelationshipTree(plan: plan, labels: labels, width: width).render()
    return out
  }

  // MARK: discovery

  public func discovery() -> StyledText {
    var out = Blocks.heading(l.t("Needs discovery", "需求挖掘"))
    for stage in DiscoveryStage.allCases {
      let answers = plan.discovery[stage]
      let walk = labels.book?.walks[stage.rawValue]
      let total = walk?.prompts.count ?? answers.answers.count
      let answered = answers.answers.values.filter { !$0.isEmpty }.count
      out.append("\n\n  \(stage.order + 1). " + labels.walkTitle(stage.rawValue), .bold)
      var status = "  " + l.t("\(answered) of \(total) answered", "已答 \(answered)/\(total)")
      if let done = answers.completedAt { status += l.t(" · completed ", " · 完成于 ") + Blocks.time(done) }
      out.append(status, .dim)
      guard answered > 0 else { continue }
      out.append("\n")
      let ids = (walk?.prompts.map(\.id) ?? []) + answers.answers.keys.sorted().filter { id in walk?.prompt(id) == nil }
      var rows: [(String, String)] = []
      for id in ids {
        guard let answer = answers.answers[id], !answer.isEmpty else { continue }
        rows.append((walk?.prompt(id)?.shortLabel ?? id, (answers.isApproximate(id) ? "≈ " : "") + AnswerText.render(answer, l)))
      }
      out += Blocks.pairs(rows, width: width, indent: "     ")
    }
    return out
  }

  // MARK: questions

  public func questions() -> StyledText {
    var out = Blocks.heading(l.t("Question plan", "提问计划"))
    guard !plan.questionPlan.isEmpty else {
      return out + "\n" + empty(l.t("No questions yet: `questions` helps you plan them by type.", "尚无问题：用 `questions` 按类型规划提问。"))
    }
    var number = 0
    for type in QuestionType.allCases {
      let items = plan.questionPlan.filter { $0.type == type }
      out.append("\n  " + labels.questionType(type) + " (\(items.count))", items.isEmpty ? .warn : .bold)
      for q in items {
        number += 1
        out.append("\n    \(number). ")
        out.append(Wrap.text(Sanitizer.clean(q.text), width: width - 8).replacingNewlines(with: "\n       "))
        if q.asked == true { out.append("  ✓" + l.t(" asked", " 已问"), .good) }
      }
    }
    return out
  }

  // MARK: objections

  public func objections() -> StyledText {
    var out = Blocks.heading(l.t("Objections", "异议"))
    guard !plan.objections.isEmpty else {
      return out + "\n" + empty(l.t("None logged: `objection` walks you through LSCPA for one.", "尚未记录：用 `objection` 按 LSCPA 逐步准备。"))
    }
    for (i, o) in plan.objections.enumerated() { out += "\n\n" + objectionCard(o, number: i + 1) }
    return out
  }

  /// One objection as a card: number, category, status, the customer's words, the LSCPA lines.
  public func objectionCard(_ o: Objection, number: Int) -> StyledText {
    var out = StyledText("  #\(number) ", .bold)
    out.append("[\(labels.category(o.category)) · \(o.status == .open ? l.t("open", "未解决") : l.t("resolved", "已解决"))] ", o.status == .open ? .warn : .good)
    out.append("“" + Sanitizer.clean(o.statement, multiline: false) + "”")
    if let by = o.raisedBy, !by.isEmpty { out.append(" — " + by, .dim) }
    var rows: [(String, String)] = []
    for step in LSCPAStep.allCases { rows.append((labels.step(step), o.lscpa[step] ?? "—")) }
    if !o.strategies.isEmpty {
      rows.insert((l.t("Strategies", "策略"), o.strategies.map { labels.strategy($0, in: o.category) }.joined(separator: l.t(", ", "、"))), at: 3)
    }
    out.append("\n")
    out += Blocks.pairs(rows, width: width, indent: "     ")
    return out
  }

  // MARK: actions

  public func actions() -> StyledText {
    var out = Blocks.heading(l.t("Next actions", "下一步行动")) + "\n"
    guard !plan.actions.isEmpty else {
      return out + empty(l.t("None yet: `actions add TEXT` records a next step.", "尚无行动：用 `actions add 内容` 记录下一步。"))
    }
    out += ActionsView(actions: plan.actions, today: nil, labels: labels, width: width).table()
    return out
  }
}

/// How a free-form answer reads in summaries.
public enum AnswerText {
  public static func render(_ answer: AnswerValue, _ l: L10n) -> String {
    switch answer {
    case .text(let s), .choice(let s), .date(let s): return s
    case .list(let items): return items.map { "• " + $0 }.joined(separator: "\n")
    case .scale(let n): return "\(n)/5"
    case .amount(let n, let currency): return Blocks.number(n) + (currency.map { " " + $0 } ?? "")
    }
  }
}

extension StyledText {
  /// Every line prefixed with `prefix`.
  public func indented(_ prefix: String) -> StyledText {
    var out = StyledText()
    out.append(prefix)
    for span in spans {
      out.append(span.text.replacingNewlines(with: "\n" + prefix), span.style)
    }
    return out
  }
}

extension String {
  func replacingNewlines(with replacement: String) -> String {
    // On the bytes when there is no carriage return: a line feed is then always a Character
    // of its own (only CR LF joins), so this is what splitting by Characters gives. Walking
    // the Characters of every table line was 8 % of a warm `agenda` over 10,000 plans (perf).
    let bytes = utf8
    guard utf8Contains(10) else { return self }
    guard !utf8Contains(13) else {
      return split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
    var out = ""
    out.reserveCapacity(bytes.count + replacement.utf8.count * 4)
    var start = bytes.startIndex
    while let lf = bytes[start...].firstIndex(of: 10) {
      out += self[start..<lf]
      out += replacement
      start = bytes.index(after: lf)
    }
    out += self[start...]
    return out
  }
}
