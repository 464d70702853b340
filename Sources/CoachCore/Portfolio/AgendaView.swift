/// The agenda as text (a heading per group, a table under each) and as JSON for scripts.
public struct AgendaView {
  public let agenda: Agenda
  public let l: L10n
  public let width: Int

  public init(agenda: Agenda, l: L10n, width: Int) {
    self.agenda = agenda
    self.l = l
    self.width = width
  }

  public var overdueCount: Int { agenda.groups.filter { $0.key == .overdue }.map(\.entries.count).reduce(0, +) }
  public var dueCount: Int {
    agenda.groups.filter {
      if case .day = $0.key { return true }
      return false
    }.map(\.entries.count).reduce(0, +)
  }
  public var staleCount: Int { agenda.groups.filter { $0.key == .stale }.map(\.entries.count).reduce(0, +) }
  public var churnCount: Int { agenda.groups.filter { $0.key == .churn }.map(\.entries.count).reduce(0, +) }

  /// `3 overdue · 5 due by Sun 2026-11-29 · 2 stale plans`.
  public var summaryLine: String {
    let until = DateParser.describe(agenda.until, l)
    return [
      l.t("\(overdueCount) overdue", "\(overdueCount) 项已逾期"),
      l.t("\(dueCount) due by \(until)", "\(dueCount) 项在 \(until) 前到期"),
      l.t("\(staleCount) stale plan\(staleCount == 1 ? "" : "s")", "\(staleCount) 个计划长期未更新"),
    ].joined(separator: " · ") + (churnCount == 0 ? "" : l.t(" · \(churnCount) with churn warnings", " · \(churnCount) 个客户有流失预警"))
  }

  public func tierLabel(_ tier: Tier?) -> String { tier?.rawValue ?? "—" }

  public func kindLabel(_ kind: Agenda.Entry.Kind) -> String {
    switch kind {
    case .action: return l.t("action", "行动")
    case .stalePlan: return l.t("stale plan", "计划未更新")
    case .visit: return l.t("visit due", "应回访")
    case .meeting: return l.t("meeting", "会谈")
    case .respond: return l.t("respond to issue", "响应问题")
    case .resolve: return l.t("resolve issue", "解决问题")
    case .churnWarning: return l.t("churn warning", "流失预警")
    }
  }

  /// A visit cadence as the course names it.
  public func cadence(_ id: String) -> String {
    guard let cadence = VisitCadence(rawValue: id) else { return id }
    return ManagementNames.cadence(cadence, l)
  }

  /// A churn warning sign in words.
  public func signal(_ id: String) -> String {
    switch id {
    case "nps-falling": return l.t("NPS falling", "NPS 下降")
    case "nps-detractor-majority": return l.t("detractors are the majority", "批评者占多数")
    case "purchase-frequency-falling": return l.t("orders coming more slowly", "采购频次下降")
    case "complaints-rising": return l.t("complaints rising", "投诉增加")
    default: return id
    }
  }

  /// What an entry says: its kind, then its text (a visit's cadence in words).
  /// What is due; `withTime`: a deadline kept to the minute says its time here (the day
  /// groups have no Due column; the overdue group's Due column carries the time instead).
  public func what(_ e: Agenda.Entry, withTime: Bool = true) -> String {
    if e.kind == .churnWarning { return l.list(e.signals.map(signal)) }
    let text = e.kind == .visit ? cadence(e.text) : e.text
    // A deadline kept to the minute says its time (UTC, as every time of a plan).
    let by = withTime ? e.moment.map { m in l.t(" (by \(clock(m)) UTC)", "（\(clock(m)) UTC 前）") } ?? "" : ""
    guard !text.isEmpty else { return kindLabel(e.kind) + by }
    return kindLabel(e.kind) + l.t(": ", "：") + text + by
  }

  /// `20:15` of an instant.
  func clock(_ t: Timestamp) -> String { String(t.description.dropFirst(11).prefix(5)) }

  public func heading(_ key: Agenda.Group.Key) -> String {
    switch key {
    case .overdue: return l.t("Overdue", "已逾期")
    case .day(let day):
      let name = DateParser.describe(day, l)
      if day == agenda.today { return l.t("Today · \(name)", "今天 · \(name)") }
      if day == agenda.today.adding(days: 1) { return l.t("Tomorrow · \(name)", "明天 · \(name)") }
      return name
    case .churn: return l.t("Churn warnings", "流失预警")
    case .stale:
      return l.t("Stale plans (not updated for \(agenda.staleDays) days or more)", "长期未更新的计划（\(agenda.staleDays) 天或更久未更新）")
    }
  }

  public func text() -> StyledText {
    var out = StyledText()
    out.append(l.t("Agenda — \(DateParser.describe(agenda.today, l))", "日程 — \(DateParser.describe(agenda.today, l))"), .heading)
    out.append("\n")
    out.append(summaryLine, .dim)
    out.append("\n")
    if agenda.isEmpty {
      out.append("\n")
      out.append(l.t("Nothing due or at risk. A good day to plan the next step with an A account.", "没有到期或有风险的事项。正好为 A 类客户规划下一步。"))
      return out
    }
    for group in agenda.groups {
      out.append("\n")
      out.append(heading(group.key), group.key == .overdue ? .bad : .bold)
      out.append("\n")
      out += table(group).render(width: width - 2, indent: "  ")
      out.append("\n")
    }
    out.spans = out.spans.droppingFinalNewline()
    return out
  }

  func table(_ group: Agenda.Group) -> TextTable {
    switch group.key {
    case .churn:
      var t = TextTable(columns: [
        .init(l.t("Tier", "级别")), .init(l.t("Account", "客户"), minWidth: 8), .init(l.t("Warning signs", "预警信号"), minWidth: 12),
      ])
      for e in group.entries { t.add([tierLabel(e.tier), e.planName, what(e)], style: .warn) }
      return t
    case .stale:
      var t = TextTable(columns: [
        .init(l.t("Tier", "级别")), .init(l.t("Account", "客户"), minWidth: 8), .init(l.t("Plan", "计划")),
        .init(l.t("Not updated", "未更新"), alignment: .right),
      ])
      for e in group.entries {
        t.add([tierLabel(e.tier), e.planName, e.plan, l.t("\(e.daysSinceUpdate ?? 0) days", "\(e.daysSinceUpdate ?? 0) 天")], style: .warn)
      }
      return t
    default:
      var columns: [TextTable.Column] = [.init(l.t("Tier", "级别")), .init(l.t("Account", "客户"), minWidth: 8)]
      // Times of a plan are UTC: said once in the header when a deadline has one.
      let timed = group.entries.contains { $0.moment != nil }
      if group.key == .overdue { columns.append(.init(timed ? l.t("Due (UTC)", "截止（UTC）") : l.t("Due", "截止"), minWidth: 10)) }
      columns += [.init(l.t("What", "事项"), minWidth: 12), .init(l.t("Owner", "负责人"))]
      var t = TextTable(columns: columns)
      for e in group.entries {
        var row = [tierLabel(e.tier), e.planName]
        let overdue = group.key == .overdue
        // The Due column is the whole deadline: its day, and its time when it has one.
        if overdue { row.append(e.date.map { DateParser.describe($0, l) + (e.moment.map { " " + clock($0) } ?? "") } ?? "—") }
        row += [what(e, withTime: !overdue), e.owner ?? "—"]
        t.add(row, style: group.key == .overdue ? .bad : .plain)
      }
      return t
    }
  }

  /// `{"today", "until", "staleDays", "summary": {...}, "groups": [{"group", "date"?, "items": [...]}]}`.
  public func json() -> JSONValue {
    var groups: [JSONValue] = []
    for group in agenda.groups {
      var g: [String: JSONValue] = [:]
      switch group.key {
      case .overdue: g["group"] = "overdue"
      case .day(let day):
        g["group"] = "day"
        g["date"] = .string(day.description)
      case .churn: g["group"] = "churn"
      case .stale: g["group"] = "stale"
      }
      g["items"] = .array(group.entries.map(entryJSON))
      groups.append(.object(g))
    }
    return [
      "today": .string(agenda.today.description), "until": .string(agenda.until.description),
      "staleDays": .number(Double(agenda.staleDays)),
      "summary": [
        "overdue": .number(Double(overdueCount)), "due": .number(Double(dueCount)), "stalePlans": .number(Double(staleCount)),
        "churnWarnings": .number(Double(churnCount)),
      ],
      "groups": .array(groups),
    ]
  }

  func entryJSON(_ e: Agenda.Entry) -> JSONValue {
    var o: [String: JSONValue] = ["kind": .string(e.kind.rawValue), "plan": .string(e.plan), "planName": .string(e.planName)]
    o["tier"] = e.tier.map { .string($0.rawValue) } ?? .null
    if !e.item.isEmpty { o["item"] = .string(e.item) }
    if !e.text.isEmpty { o["text"] = .string(e.text) }
    if let owner = e.owner { o["owner"] = .string(owner) }
    if let date = e.date {
      o["due"] = .string(date.description)
      if date < agenda.today { o["daysOverdue"] = .number(Double(agenda.today.daysSinceEpoch - date.daysSinceEpoch)) }
    }
    if let moment = e.moment { o["dueAt"] = .string(moment.description) }
    if let days = e.daysSinceUpdate { o["daysSinceUpdate"] = .number(Double(days)) }
    if !e.signals.isEmpty { o["signals"] = .array(e.signals.map { .string($0) }) }
    return .object(o)
  }
}

extension Array where Element == StyledText.Span {
  /// The spans without the last line feed of the last span.
  func droppingFinalNewline() -> [StyledText.Span] {
    guard let last = self.last, last.text.hasSuffix("\n") else { return self }
    var copy = self
    copy[copy.count - 1].text.removeLast()
    if copy[copy.count - 1].text.isEmpty { copy.removeLast() }
    return copy
  }
}
