/// The meetings as text: one meeting as a card (its preparation and, once recorded, its
/// debrief), and the timeline of all of them. Pure.
public struct MeetingView {
  public let plan: AccountPlan
  public let labels: Labels
  public let width: Int
  var l: L10n { labels.l }

  public init(plan: AccountPlan, book: Playbook?, l: L10n, width: Int) {
    self.plan = plan
    labels = Labels(book, l)
    self.width = width
  }

  /// "Mon 2026-12-14 14:30".
  public func when(_ m: Meeting) -> String {
    (m.day.map { DateParser.describe($0, l) } ?? m.date) + (m.time.map { " " + $0 } ?? "")
  }

  /// The meeting's number in the timeline (`meeting N`).
  public func number(_ m: Meeting) -> Int { (plan.timeline.firstIndex { $0.id == m.id } ?? 0) + 1 }

  func join(_ items: [String]) -> String { items.isEmpty ? "—" : items.joined(separator: l.t("; ", "；")) }

  /// Someone of this meeting who is no longer in the plan, by the name they had when removed.
  func former(_ id: String, in m: Meeting) -> String {
    guard let name = m.removedNames[id] else { return l.t("(removed)", "（已删除）") }
    return name + l.t(" (no longer in the plan)", "（已不在计划中）")
  }

  func person(_ id: String, in m: Meeting) -> String {
    guard let s = plan.stakeholder(id: id) else { return former(id, in: m) }
    let (attitude, concerns) = state(id, in: m) ?? (s.attitude, s.concerns)
    let details = [s.role.map { labels.role($0) }, attitude.map { labels.attitude($0) }].compactMap { $0 }
    var text = s.name + (details.isEmpty ? "" : l.t(" (", "（") + details.joined(separator: l.t(", ", "，")) + l.t(")", "）"))
    if let concerns, !concerns.isEmpty { text += l.t(" — cares about: ", " —— 关注：") + concerns }
    return text
  }

  /// An attendee's attitude and concerns as they were after a debriefed meeting, from what the
  /// debriefs recorded: this debrief's "after" when it changed them, else the "before" of the
  /// first later debrief that changed them. Nil (the current state) for a meeting not yet
  /// debriefed, or when no debrief since has recorded anything about the person.
  func state(_ id: String, in m: Meeting) -> (Attitude?, String?)? {
    guard m.debrief != nil, let start = plan.timeline.firstIndex(where: { $0.id == m.id }) else { return nil }
    if let c = m.debrief?.changes.first(where: { $0.stakeholder == id }) { return (c.attitude ?? c.attitudeBefore, c.concerns ?? c.concernsBefore) }
    for later in plan.timeline[(start + 1)...] {
      if let c = later.debrief?.changes.first(where: { $0.stakeholder == id }) { return (c.attitudeBefore, c.concernsBefore) }
    }
    return nil
  }

  /// "Their side": one row per person (their concerns may hold any punctuation), "—" for none.
  func theirSide(_ m: Meeting) -> [(String, String)] {
    let label = l.t("Their side", "客户方")
    guard !m.attendees.isEmpty else { return [(label, "—")] }
    return m.attendees.enumerated().map { i, id in (i == 0 ? label : "", person(id, in: m)) }
  }

  func outcome(_ o: MeetingOutcome?) -> String {
    switch o {
    case .met?: return l.t("objective met", "目标达成")
    case .partly?: return l.t("partly met", "部分达成")
    case .missed?: return l.t("not met", "未达成")
    case nil: return "—"
    }
  }

  /// One meeting: when, objective, agenda, people, questions, expected objections with their
  /// LSCPA lines, materials, then the debrief.
  public func card(_ m: Meeting) -> StyledText {
    var out = StyledText(l.t("Meeting \(number(m)) · ", "会谈 \(number(m)) · ") + when(m), .heading)
    var rows: [(String, String)] = [
      (l.t("Objective", "目标"), m.objective ?? "—"),
      (l.t("Agenda", "议程"), join(m.agenda)),
    ]
    rows += theirSide(m)
    rows += [
      (l.t("Our side", "我方"), join(m.ours)),
      (l.t("Materials", "材料"), join(m.materials)),
    ]
    if m.debrief == nil, m.objective == nil { rows[0].1 = l.t("— (`meeting \(number(m))` to prepare it)", "—（用 `meeting \(number(m))` 准备）") }
    out += "\n" + Blocks.pairs(rows, width: width)
    if !m.questions.isEmpty {
      out.append("\n  " + l.t("Questions to ask", "要问的问题"), .bold)
      for id in m.questions {
        guard let q = plan.questionPlan.first(where: { $0.id == id }) else { continue }
        out += item("    · ", "[" + labels.questionType(q.type) + "] ", Sanitizer.clean(q.text), hang: "      ")
        if q.asked == true { out.append("  ✓" + l.t(" asked", " 已问"), .good) }
      }
    }
    if !m.objections.isEmpty {
      out.append("\n  " + l.t("Expected objections", "预计异议"), .bold)
      for id in m.objections {
        guard let o = plan.objections.first(where: { $0.id == id }) else { continue }
        out += item("    · ", "[" + labels.category(o.category) + "] ", Sanitizer.clean(o.statement), hang: "      ")
        for step in LSCPAStep.allCases {
          guard let line = o.lscpa[step], !line.isEmpty else { continue }
          out += item("      ", labels.step(step) + l.t(": ", "："), Sanitizer.clean(line), hang: "        ", headStyle: .dim)
        }
      }
    }
    if let d = m.debrief { out += "\n" + debrief(d, of: m) }
    return out
  }

  /// What the debrief recorded.
  public func debrief(_ d: MeetingDebrief, of m: Meeting) -> StyledText {
    var out = StyledText("  " + l.t("Debrief", "复盘"), .bold)
    if let at = d.recordedAt { out.append("  " + Blocks.time(at), .dim) }
    var rows: [(String, String)] = [(l.t("Outcome", "结果"), outcome(d.outcome) + (d.outcomeNote.map { l.t(": ", "：") + $0 } ?? ""))]
    for item in d.learned {
      var text = item.text
      if let stage = item.stage {
        let walk = labels.book?.walks[stage.rawValue]
        text += l.t(" → ", " → ") + labels.walkTitle(stage.rawValue) + (item.prompt.flatMap { walk?.prompt($0)?.shortLabel }.map { " · " + $0 } ?? "")
      }
      rows.append((l.t("Learned", "了解到"), text))
    }
    for a in d.asked {
      let q = plan.questionPlan.first { $0.id == a.question }?.text ?? a.question
      rows.append((l.t("Asked", "已问"), q + l.t(" — they said: ", " —— 客户回答：") + (a.answer ?? "—")))
    }
    for id in d.newObjections {
      guard let o = plan.objections.first(where: { $0.id == id }) else { continue }
      let who = o.raisedById.flatMap { plan.stakeholder(id: $0)?.name } ?? o.raisedBy
      rows.append((l.t("New objection", "新异议"), "[" + labels.category(o.category) + "] " + o.statement + (who.map { l.t(" — raised by ", " —— 提出人：") + $0 } ?? "")))
    }
    for c in d.changes {
      var parts: [String] = []
      if c.attitude != c.attitudeBefore, let a = c.attitude { parts.append(labels.attitude(c.attitudeBefore) + " → " + labels.attitude(a)) }
      if let concerns = c.concerns, concerns != c.concernsBefore { parts.append(l.t("concerns: ", "关注点：") + concerns) }
      guard !parts.isEmpty else { continue }
      rows.append((plan.stakeholder(id: c.stakeholder)?.name ?? former(c.stakeholder, in: m), parts.joined(separator: l.t("; ", "；"))))
    }
    for id in d.agreed {
      guard let a = plan.actions.first(where: { $0.id == id }) else { continue }
      var text = a.text
      if let owner = a.owner { text += l.t(" — ", " —— ") + owner }
      if let due = a.due { text += l.t(", due ", "，截止 ") + due }
      if a.done { text += l.t(" (done)", "（已完成）") }
      rows.append((l.t("Agreed", "约定"), text))
    }
    if let next = d.nextMeeting.flatMap({ plan.meeting(id: $0) }) {
      rows.append((l.t("Next meeting", "下次会谈"), when(next) + (next.objective.map { l.t(" — ", " —— ") + $0 } ?? "")))
    }
    return out + "\n" + Blocks.pairs(rows, width: width, indent: "    ")
  }

  /// Every meeting in date order, each with its debrief: `show timeline`.
  public func timeline(today: CalendarDay?) -> StyledText {
    var out = Blocks.heading(l.t("Timeline", "会谈时间线"))
    guard !plan.meetings.isEmpty else {
      return out + "\n" + StyledText("  " + l.t("No meetings yet: `meeting new` prepares the next one.", "尚无会谈：用 `meeting new` 准备下一次会谈。"), .dim)
    }
    let next = today.flatMap { plan.nextMeeting(today: $0) }
    for m in plan.timeline {
      out += "\n\n" + card(m)
      if m.id == next?.id { out.append("\n  " + l.t("← next meeting", "← 下一次会谈"), .accent) }
    }
    return out
  }

  /// The timeline in short, one line per meeting: `meeting list`.
  public func list(today: CalendarDay?) -> StyledText {
    var out = Blocks.heading(l.t("Meetings", "会谈")) + "\n"
    guard !plan.meetings.isEmpty else {
      return out + StyledText("  " + l.t("None yet: `meeting new` prepares the next one.", "尚无会谈：用 `meeting new` 准备下一次会谈。"), .dim)
    }
    let next = today.flatMap { plan.nextMeeting(today: $0) }
    var table = TextTable(columns: [
      .init("#"), .init(l.t("When", "时间")), .init(l.t("Objective", "目标"), minWidth: 12), .init(l.t("Their side", "客户方")), .init(l.t("Debrief", "复盘")),
    ])
    for (i, m) in plan.timeline.enumerated() {
      let names = m.attendees.map { id in plan.stakeholder(id: id)?.name ?? former(id, in: m) }
      var status = m.debrief.map { outcome($0.outcome) } ?? "—"
      if m.id == next?.id { status = l.t("next", "下一次") } else if m.debrief == nil, let today, let day = m.day, day < today { status = l.t("to debrief", "待复盘") }
      table.add(["\(i + 1)", when(m), m.objective ?? "—", names.isEmpty ? "—" : names.joined(separator: l.t(", ", "、")), status])
    }
    out += table.render(width: width - 2).indented("  ")
    out.append(
      "\n" + Wrap.text(l.t("`meeting N` shows or edits one; `debrief [N]` records how it went.", "用 `meeting 编号` 查看或修改；用 `debrief [编号]` 记录会谈结果。"), width: width, indent: "  "), .dim
    )
    return out
  }

  /// A head and its text as one paragraph on a new line after `indent`: the first line fits
  /// beside the head, the others hang under `hang` — wrapped once, to the width, so the
  /// terminal never breaks a line a second time.
  func item(_ indent: String, _ head: String, _ text: String, hang: String, headStyle: StyledText.Style = .plain) -> StyledText {
    var out = StyledText("\n" + indent)
    let lines = Wrap.lines(head + text, width: max(12, width - hang.count))
    for (n, line) in lines.enumerated() {
      if n > 0 { out.append("\n" + hang) }
      if n == 0, line.hasPrefix(head) {
        out.append(head, headStyle)
        out.append(String(line.dropFirst(head.count)))
      } else {
        out.append(line)
      }
    }
    return out
  }
}
