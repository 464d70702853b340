/// The last walks of a debrief: new objections, the people in the room, what was agreed, the
/// next meeting.
extension DebriefFlow {
  func objectionItem(_ target: Target, plan: AccountPlan) -> SequenceFlow.Item {
    let l = self.l
    let labels = self.labels
    var statement = Prompt(
      id: "statement", kind: .text, fills: "objection.statement",
      text: l.t("Did they raise an objection we had not logged? Their words (Enter: none, or no more).", "客户提出了计划中没有的异议吗？写下原话（按 Enter：没有或没有更多）。"))
    statement.label = l.t("Their words", "客户原话")
    var category = Prompt(id: "category", kind: .choice, fills: "objection.category", text: l.t("Which kind is it? (Enter keeps the suggestion)", "属于哪一类？（按 Enter 采用建议）"))
    category.label = l.t("Category", "类别")
    category.optional = true
    category.options = ObjectionCategory.allCases.map { ChoiceOption(id: $0.rawValue, label: labels.category($0)) }
    // A name from the list (whole or in part: `Sean`, `王总`) is linked to the stakeholder; other
    // words ("the board") stay as typed.
    var byText = l.t("Who raised it? A name, or part of one; other words are kept as typed (Enter to leave empty).", "是谁提出的？写姓名或名字的一部分；其他文字按原样保留（按 Enter 留空）。")
    let names = plan.stakeholders.map(\.name).filter { !$0.isEmpty }
    if !names.isEmpty { byText += "\n  " + l.t("Stakeholders: ", "决策者：") + names.joined(separator: l.t(", ", "、")) }
    var by = Prompt(id: "raisedBy", kind: .text, fills: "objection.raisedBy", text: byText)
    by.label = l.t("Raised by", "提出人")
    by.optional = true
    by.hint = l.t(
      "Type the person's name, first name or surname (`Sean`, `O'Brien`), or its start and Tab. A name that fits one stakeholder is linked to them (a rename follows); words that fit no one (“the board”) are kept as text, and so is anything in quotes.",
      "写出提出人的姓名、姓或名（`王`、`王总`、`建国`），或输入开头后按 Tab。只对应一位决策者的名字会关联到此人（改名后随之更新）；对应不上任何人的文字（如“集团领导”）按原样保留，加引号的内容也按原样保留。")
    let walk = Walk(id: "new-objection", title: l.t("Debrief", "会谈复盘"), prompts: [statement, category, by])
    let meetingID = self.meetingID
    let suggester = book.map { CategorySuggester(book: $0) }
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let text = PlanPatch.text(v)
        if let oid = target.id, let i = plan.objections.firstIndex(where: { $0.id == oid }) {
          switch p.id {
          case "category": if let c = text.flatMap(ObjectionCategory.init(rawValue:)) { plan.objections[i].category = c }
          case "raisedBy":
            switch text.map({ StakeholderNameMatch(plan).read($0) }) {
            case .person(let s)?:
              plan.objections[i].raisedBy = plan.stakeholders[s].name
              plan.objections[i].raisedById = plan.stakeholders[s].id.isEmpty ? nil : plan.stakeholders[s].id
            case .text(let words)?: plan.objections[i].raisedBy = words.isEmpty ? nil : words
            case .several?, nil: plan.objections[i].raisedBy = nil
            }
          default: if let text { plan.objections[i].statement = text }
          }
          plan.linkReferences()
          return
        }
        guard p.id == "statement", let text else { return }
        let oid = target.id ?? plan.takeItemID(ItemIDPrefix.objection, existing: plan.objections.map(\.id))
        if let n = ItemIDPrefix.number(oid, prefix: ItemIDPrefix.objection), n > plan.lastItemIDs[ItemIDPrefix.objection] ?? 0 { plan.lastItemIDs[ItemIDPrefix.objection] = n }
        var o = Objection(statement: text, category: suggester?.suggest(text).category, createdAt: time)
        o.id = oid
        plan.objections.append(o)
        target.id = oid
        DebriefFlow.debrief(&plan, meetingID, time) { d in if !d.newObjections.contains(oid) { d.newObjections.append(oid) } }
      },
      validate: { p, v, plan in
        if p.id != "statement", target.id.flatMap({ oid in plan.objections.first { $0.id == oid } }) == nil {
          return l.t("Type the customer's words first (`back`).", "请先写下客户的原话（输入 `back`）。")
        }
        if p.id == "raisedBy", let typed = PlanPatch.text(v) {
          let match = StakeholderNameMatch(plan)
          if case .several(let fits) = match.read(typed) { return match.ambiguity(typed, fits, l) }
        }
        return nil
      },
      describe: describe(l.t("new objection", "新异议")))
    var item = item(walk, context: l.t("Debrief · new objection", "会谈复盘 · 新异议"), binding: binding)
    item.onEnd = { _, context in
      guard let oid = target.id, let plan = context.plan, let n = plan.objections.firstIndex(where: { $0.id == oid }) else { return [] }
      let o = plan.objections[n]
      return [
        .say(
          StyledText(
            l.t("  Logged as objection #\(n + 1) (", "  已记录为异议 #\(n + 1)（")
              + (o.category.map { labels.category($0) } ?? l.t("no category yet", "尚未分类"))
              + l.t("); `objection \(n + 1)` plans its LSCPA answer.", "）；用 `objection \(n + 1)` 准备 LSCPA 答复。"), .good))
      ]
    }
    // After the customer's words, the suggested category is named so Enter can keep it; after
    // who raised it, whom it was linked to (`= Sean O'Brien`) or that the words stay text.
    item.afterRecord = { p, v, context in
      if p.id == "raisedBy", let typed = PlanPatch.text(v), let plan = context.plan {
        let match = StakeholderNameMatch(plan)
        return match.echo(match.read(typed), l).map { [.say(StyledText("  = " + $0, .good))] } ?? []
      }
      guard p.id == "statement", let oid = target.id, let o = context.plan?.objections.first(where: { $0.id == oid }), let c = o.category else { return [] }
      return [.say(StyledText("  " + l.t("Suggested category: ", "建议类别：") + labels.category(c), .accent))]
    }
    // Tab completes the stakeholders' names (by any word of the name) at "who raised it".
    item.completer = { beforeCursor, prompt in
      guard prompt?.id == "raisedBy" else { return nil }
      var typed = beforeCursor
      while typed.first == " " { typed.removeFirst() }
      return (typed.unicodeScalars.count, StakeholderNameMatch(names: names).completions(typed))
    }
    return item
  }

  func personItem(_ stakeholderID: String, plan: AccountPlan) -> SequenceFlow.Item {
    let l = self.l
    let labels = self.labels
    let s = plan.stakeholder(id: stakeholderID)
    var attitude = Prompt(
      id: "attitude", kind: .choice, fills: "stakeholder.attitude",
      text: l.t("Where does \(s?.name ?? "") stand now? (Enter: no change)", "\(s?.name ?? "") 现在的态度是？（按 Enter：没有变化）"))
    attitude.label = l.t("Attitude", "态度")
    attitude.optional = true
    attitude.hint = l.t(
      "Judge by what they did, not what they said: who spoke up for you, who asked for details, who raised objections or brought up a competitor. Both the old and the new attitude are kept in the debrief.",
      "看对方做了什么，而不只是说了什么：谁替你说话、谁追问细节、谁提出异议或提到竞争对手。复盘中会同时保留原来的和现在的态度。")
    attitude.options = Attitude.allCases.map { ChoiceOption(id: $0.rawValue, label: labels.attitude($0)) }
    var concerns = Prompt(
      id: "concerns", kind: .text, fills: "stakeholder.concerns",
      text: l.t("What does \(s?.name ?? "") care about now? (Enter: no change)", "\(s?.name ?? "") 现在关注什么？（按 Enter：没有变化）"))
    concerns.label = l.t("Concerns", "关注点")
    concerns.optional = true
    let walk = Walk(id: "attendee", title: l.t("Debrief", "会谈复盘"), prompts: [attitude, concerns])
    var answers: [String: AnswerValue] = [:]
    if let a = s?.attitude { answers["attitude"] = .choice(a.rawValue) }
    if let c = s?.concerns { answers["concerns"] = .text(c) }
    let id = meetingID
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        guard let i = plan.stakeholders.firstIndex(where: { $0.id == stakeholderID }) else { return }
        let before = plan.stakeholders[i]
        DebriefFlow.debrief(&plan, id, time) { d in
          var c =
            d.changes.first { $0.stakeholder == stakeholderID }
            ?? {
              var c = StakeholderChange(stakeholder: stakeholderID)
              c.attitudeBefore = before.attitude
              c.concernsBefore = before.concerns
              return c
            }()
          if p.id == "attitude" { c.attitude = PlanPatch.text(v).flatMap(Attitude.init(rawValue:)) } else { c.concerns = PlanPatch.text(v) }
          d.changes.removeAll { $0.stakeholder == stakeholderID }
          d.changes.append(c)
        }
        if p.id == "attitude" {
          plan.stakeholders[i].attitude = PlanPatch.text(v).flatMap(Attitude.init(rawValue:))
        } else {
          plan.stakeholders[i].concerns = PlanPatch.text(v)
        }
        plan.stakeholders[i].answeredAt[p.id] = time
      },
      describe: describe(s?.name ?? ""))
    var item = item(walk, answers: answers, context: l.t("Debrief · ", "会谈复盘 · ") + (s?.name ?? ""), binding: binding)
    let meetingID = self.meetingID
    // What changed, as the stakeholder now reads.
    item.onEnd = { engine, context in
      guard !engine.recordedIDs.isEmpty, let plan = context.plan,
        let c = plan.meeting(id: meetingID)?.debrief?.changes.first(where: { $0.stakeholder == stakeholderID }), let now = plan.stakeholder(id: stakeholderID)
      else { return [] }
      var parts: [String] = []
      if let a = c.attitude, a != c.attitudeBefore { parts.append(labels.attitude(c.attitudeBefore) + " → " + labels.attitude(a)) }
      if let concerns = c.concerns, concerns != c.concernsBefore { parts.append(l.t("concerns: ", "关注点：") + concerns) }
      guard !parts.isEmpty else { return [] }
      return [.say(StyledText("  → " + now.name + l.t(": ", "：") + parts.joined(separator: l.t("; ", "；")), .good))]
    }
    return item
  }

  /// `names`: who may own it — our side of the meeting, then the stakeholders — for Tab (the
  /// owner is kept as typed: "Tom" on our side is not their Tom Becker).
  func actionItem(_ target: Target, names: [String]) -> SequenceFlow.Item {
    let l = self.l
    let labels = self.labels
    var what = Prompt(id: "text", kind: .text, fills: "action.text", text: l.t("What was agreed? One next step (Enter: nothing more).", "达成了什么约定？写一项下一步行动（按 Enter：没有更多）。"))
    what.label = l.t("Action", "行动")
    var who = Prompt(id: "owner", kind: .text, fills: "action.owner", text: l.t("Who owns it? (Enter to leave empty)", "由谁负责？（按 Enter 留空）"))
    who.label = l.t("Owner", "负责人")
    who.optional = true
    var when = Prompt(id: "due", kind: .date, fills: "action.due", text: l.t("When is it due? (Enter for no date)", "何时截止？（按 Enter 不设日期）"))
    when.label = l.t("Due", "截止")
    when.optional = true
    let walk = Walk(id: "agreed", title: l.t("Debrief", "会谈复盘"), prompts: [what, who, when])
    let meetingID = self.meetingID
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let text = PlanPatch.text(v)
        if let aid = target.id, let i = plan.actions.firstIndex(where: { $0.id == aid }) {
          switch p.id {
          case "owner": plan.actions[i].owner = text
          case "due": plan.actions[i].due = text
          default: if let text { plan.actions[i].text = text }
          }
          return
        }
        guard p.id == "text", let text else { return }
        let aid = target.id ?? plan.takeItemID(ItemIDPrefix.action, existing: plan.actions.map(\.id))
        if let n = ItemIDPrefix.number(aid, prefix: ItemIDPrefix.action), n > plan.lastItemIDs[ItemIDPrefix.action] ?? 0 { plan.lastItemIDs[ItemIDPrefix.action] = n }
        var a = Action(text: text, createdAt: time)
        a.id = aid
        a.meeting = meetingID
        plan.actions.append(a)
        target.id = aid
        DebriefFlow.debrief(&plan, meetingID, time) { d in if !d.agreed.contains(aid) { d.agreed.append(aid) } }
      },
      validate: { p, _, plan in
        if p.id != "text", target.id.flatMap({ aid in plan.actions.first { $0.id == aid } }) == nil {
          return l.t("Type the action first (`back`).", "请先写下行动内容（输入 `back`）。")
        }
        return nil
      },
      describe: describe(l.t("agreed action", "约定的行动")))
    var item = item(walk, context: l.t("Debrief · agreed", "会谈复盘 · 约定"), binding: binding)
    item.onEnd = { _, context in
      // Another action may follow; the loop ends on an empty first answer.
      guard let aid = target.id, let n = context.plan?.actions.firstIndex(where: { $0.id == aid }) else { return [] }
      return [.say(StyledText(l.t("  Added action #\(n + 1). Another?", "  已添加行动 #\(n + 1)。还有吗？"), .good))]
    }
    item.completer = { beforeCursor, prompt in
      guard prompt?.id == "owner" else { return nil }
      var typed = beforeCursor
      while typed.first == " " { typed.removeFirst() }
      var unique: [String] = []
      for n in names where !n.isEmpty && !unique.contains(n) { unique.append(n) }
      return (typed.unicodeScalars.count, StakeholderNameMatch(names: unique).completions(typed))
    }
    return item
  }

  func nextMeetingItem() -> SequenceFlow.Item {
    let l = self.l
    let labels = self.labels
    var date = Prompt(id: "date", kind: .date, fills: "meeting.date", text: l.t("When is the next meeting? (Enter: not set yet)", "下一次会谈在哪一天？（按 Enter：尚未确定）"))
    date.label = l.t("Date", "日期")
    var objective = Prompt(id: "objective", kind: .text, fills: "meeting.objective", text: l.t("What do we want out of it?", "希望那次会谈达成什么？"))
    objective.label = l.t("Objective", "目标")
    objective.optional = true
    let walk = Walk(id: "next-meeting", title: l.t("Debrief", "会谈复盘"), prompts: [date, objective])
    let target = Target()
    let meetingID = self.meetingID
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let text = PlanPatch.text(v)
        if let mid = target.id, let i = plan.meetingIndex(id: mid) {
          if p.id == "date", let text { plan.meetings[i].date = text } else if p.id == "objective" { plan.meetings[i].objective = text }
          plan.meetings[i].answeredAt[p.id] = time
          return
        }
        guard p.id == "date", let text else { return }
        let mid = target.id ?? plan.takeItemID(ItemIDPrefix.meeting, existing: plan.meetings.map(\.id))
        if let n = ItemIDPrefix.number(mid, prefix: ItemIDPrefix.meeting), n > plan.lastItemIDs[ItemIDPrefix.meeting] ?? 0 { plan.lastItemIDs[ItemIDPrefix.meeting] = n }
        var m = Meeting(date: text, createdAt: time)
        m.id = mid
        m.answeredAt["date"] = time
        plan.meetings.append(m)
        target.id = mid
        DebriefFlow.debrief(&plan, meetingID, time) { d in d.nextMeeting = mid }
      },
      describe: describe(l.t("next meeting", "下次会谈")))
    return item(walk, context: l.t("Debrief · next meeting", "会谈复盘 · 下次会谈"), binding: binding)
  }
}
