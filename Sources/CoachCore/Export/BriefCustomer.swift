/// The customer's copy: a shareable agenda and mutual plan — the purpose, the agenda, who takes
/// part on both sides, what to bring, and the next steps we agreed — with nothing internal in
/// it: no walk-away, BATNA, attitudes, influence, concessions, notes, objections or findings.
extension BriefBuilder {
  func customerBrief() -> BriefDocument {
    var sub = l.t("Prepared ", "生成于 ") + today.description
    if let m = meeting, let date = m.date { sub = l.t("Meeting ", "会谈 ") + date + (m.time.map { " " + $0 } ?? "") + " · " + sub }
    var sections: [BriefSection] = []

    var purpose: [BriefBlock] = []
    if let o = meeting?.objective, !o.trimmingWhitespace.isEmpty { purpose.append(.paragraph([.strong(o.trimmingWhitespace)])) }
    if let agenda = meeting?.agenda, !agenda.isEmpty {
      purpose.append(.numbered(agenda.map { [.text($0)] }))
    } else {
      purpose.append(quiet("The agenda is agreed before the meeting.", "议程将在会前确认。"))
    }
    sections.append(BriefSection(id: "agenda", title: l.t("Purpose and agenda", "会谈目的与议程"), blocks: purpose))

    // Participants: names, titles and roles only.
    var people = BriefTable(header: [l.t("Name", "姓名"), l.t("Title", "职位")], kind: "room")
    // Only the people invited to the meeting: none recorded (or no meeting) is "to be confirmed".
    let theirs = (meeting?.attendeeIDs ?? []).compactMap { plan.stakeholder(id: $0) }
    for s in theirs { people.rows.append([[.strong(s.name)], [.text(s.title?.trimmingWhitespace ?? "—")]]) }
    var participantBlocks: [BriefBlock] = []
    let theirBlock: BriefBlock = people.rows.isEmpty ? quiet(Self.toBeConfirmed.en, Self.toBeConfirmed.zh) : .table(people)
    participantBlocks.append(.group(BriefGroup(id: "their-side", title: plan.name, blocks: [theirBlock])))
    let ours = meeting?.ourAttendees ?? []
    if !ours.isEmpty {
      participantBlocks.append(.group(BriefGroup(id: "our-side", title: l.t("Our team", "我方团队"), blocks: [.list(ours.map { [.text($0)] })])))
    }
    if !participantBlocks.isEmpty { sections.append(BriefSection(id: "participants", title: l.t("Participants", "参会人员"), blocks: participantBlocks)) }

    if let materials = meeting?.materials, !materials.isEmpty {
      sections.append(BriefSection(id: "materials", title: l.t("Materials", "会议材料"), blocks: [.list(materials.map { [.text($0)] })]))
    }

    // The mutual plan: the open next steps agreed with the customer in a meeting (its debrief),
    // with owners and dates. Actions the rep logged alone are internal to-dos and stay out.
    let open = ActionsView.order(plan.actions).filter { !plan.actions[$0].done && plan.actions[$0].meeting != nil }
    if !open.isEmpty {
      var t = BriefTable(header: [l.t("Next step", "下一步"), l.t("Owner", "负责人"), l.t("By", "完成日期")], kind: "mutual")
      for i in open {
        let a = plan.actions[i]
        t.rows.append([[.text(a.text)], [.text(a.owner ?? "—")], [.text(a.due ?? "—")]])
      }
      sections.append(BriefSection(id: "next-steps", title: l.t("Mutual plan: next steps", "共同推进计划：下一步"), blocks: [.table(t)]))
    }
    return BriefDocument(lang: l.lang, title: l.t("Meeting agenda: ", "会谈议程：") + plan.name, subtitle: [.quiet(sub)], sections: sections, full: false)
  }
}
