/// `debrief [N]`: after a meeting, a short series of walks that writes what happened back into
/// the plan — how it went against the objective; what we learned, each item filed into the
/// discovery answer the rep picks (and always kept in the debrief); which planned questions
/// were asked and what the customer said; new objections (logged with their category, ready
/// for `objection N`); each attendee's attitude and concerns; what was agreed, as next actions;
/// the next meeting. Every answer is its own edit: saved at once, undoable.
public final class DebriefFlow {
  let meetingID: String
  let book: Playbook?
  let l: L10n
  enum Part { case outcome, routing, questions, objections, people, actions, next, finished }
  var part = Part.outcome
  /// Learned items already offered for filing, by position in the debrief.
  var routed = 0
  var questionIndex = 0
  var personIndex = 0
  /// The item id each loop's last walk created (nil when it ended on an empty first answer).
  final class Target { var id: String? }
  var lastObjection: Target?
  var lastAction: Target?

  /// The series for one meeting.
  public static func flow(meetingID: String, plan: AccountPlan, book: Playbook?, l: L10n) -> SequenceFlow {
    let state = DebriefFlow(meetingID: meetingID, book: book, l: l)
    return SequenceFlow(intro: StyledText(), next: { state.next($0) }, onFinish: { state.finish($0) })
  }

  /// The opening: which meeting, its objective, how to move around (wrapped to the width).
  func intro(_ plan: AccountPlan, _ meeting: Meeting, width: Int) -> StyledText {
    let view = MeetingView(plan: plan, book: book, l: l, width: width)
    var intro = StyledText(l.t("Debrief: meeting \(view.number(meeting)) · ", "会谈复盘：会谈 \(view.number(meeting)) · ") + view.when(meeting), .heading)
    if let objective = meeting.objective { intro.append("\n" + Wrap.text(l.t("Objective: ", "目标：") + objective, width: width)) }
    intro.append(
      "\n"
        + Wrap.text(
          l.t("(? help · back · skip · done · Enter keeps the answer or moves on; every answer is saved at once, `undo` takes one back)",
            "（? 提示 · back 上一步 · skip 跳过 · done 结束 · Enter 保留原答案或继续；每个回答都会立即保存，`undo` 可撤回）"), width: width), .dim)
    return intro
  }

  init(meetingID: String, book: Playbook?, l: L10n) {
    self.meetingID = meetingID
    self.book = book
    self.l = l
  }

  var labels: Labels { Labels(book, l) }

  /// The debrief of the meeting in `plan`, made on the first answer.
  static func debrief(_ plan: inout AccountPlan, _ meetingID: String, _ time: String, _ change: (inout MeetingDebrief) -> Void) {
    guard let i = plan.meetingIndex(id: meetingID) else { return }
    var d = plan.meetings[i].debrief ?? MeetingDebrief(recordedAt: time)
    change(&d)
    plan.meetings[i].debrief = d
  }

  func item(_ walk: Walk, answers: [String: AnswerValue] = [:], context: String, binding: WalkBinding, onEnd: @escaping (WalkEngine, FlowContext) -> [FlowEffect] = { _, _ in [] }) -> SequenceFlow.Item {
    var item = SequenceFlow.Item(engine: WalkEngine(walk: walk, answers: answers, context: context, l: l), binding: binding)
    item.onEnd = onEnd
    return item
  }

  func describe(_ what: String) -> (Prompt) -> String { { [l] p in l.t("Debrief: ", "复盘：") + what + (p.label.map { " · " + $0 } ?? "") } }

  /// The next walk of the series, from the plan as it stands.
  func next(_ context: FlowContext) -> (lead: [FlowEffect], item: SequenceFlow.Item?) {
    guard let plan = context.plan, let meeting = plan.meeting(id: meetingID) else { return ([], nil) }
    while true {
      switch part {
      case .outcome:
        part = .routing
        return ([.say(intro(plan, meeting, width: context.width))], outcomeItem(meeting))
      case .routing:
        let learned = meeting.debrief?.learned ?? []
        if routed < learned.count {
          let index = routed
          routed += 1
          if learned[index].stage != nil { continue }
          if let item = routingItem(learned[index].text, index: index) { return ([], item) }
          continue
        }
        part = .questions
      case .questions:
        let asked = meeting.questions.filter { id in plan.questionPlan.contains { $0.id == id } }
        if questionIndex < asked.count {
          let id = asked[questionIndex]
          let lead: [FlowEffect] = questionIndex == 0 ? [.say(StyledText("\n" + l.t("The questions you planned", "计划中的问题"), .bold))] : []
          questionIndex += 1
          return (lead, questionItem(id, plan: plan, meeting: meeting))
        }
        part = .objections
      case .objections:
        // The loop comes back here after each objection; an empty first answer ends it.
        if let last = lastObjection, last.id == nil {
          part = .people
          continue
        }
        let first = lastObjection == nil
        let target = Target()
        lastObjection = target
        var item = objectionItem(target)
        item.emptyFirstAnswerEnds = true
        return (first ? [.say(StyledText("\n" + l.t("New objections", "新的异议"), .bold))] : [], item)
      case .people:
        let people = meeting.attendees.filter { plan.stakeholder(id: $0) != nil }
        if personIndex < people.count {
          let lead: [FlowEffect] = personIndex == 0 ? [.say(StyledText("\n" + l.t("The people in the room", "参会的客户方人员"), .bold))] : []
          let id = people[personIndex]
          personIndex += 1
          return (lead, personItem(id, plan: plan))
        }
        part = .actions
      case .actions:
        // The loop comes back here after each action; an empty first answer ends it.
        if let last = lastAction, last.id == nil {
          part = .next
          continue
        }
        let first = lastAction == nil
        let target = Target()
        lastAction = target
        var item = actionItem(target)
        item.emptyFirstAnswerEnds = true
        return (first ? [.say(StyledText("\n" + l.t("What was agreed", "达成的约定"), .bold))] : [], item)
      case .next:
        part = .finished
        guard meeting.debrief?.nextMeeting == nil else { continue }
        var item = nextMeetingItem()
        item.emptyFirstAnswerEnds = true
        return ([.say(StyledText("\n" + l.t("The next meeting", "下一次会谈"), .bold))], item)
      case .finished:
        return ([], nil)
      }
    }
  }

  // MARK: the parts

  func outcomeItem(_ meeting: Meeting) -> SequenceFlow.Item {
    let l = self.l
    let labels = self.labels
    var outcome = Prompt(id: "outcome", kind: .choice, fills: "debrief.outcome", text: l.t("How did it go against the objective?", "对照目标，这次会谈结果如何？"))
    outcome.label = l.t("Outcome", "结果")
    outcome.hint = l.t(
      "Judge it against the objective you set, not against how pleasant it was: did you get the agreement, the information or the access you came for?",
      "对照事先设定的目标来判断，而不是看气氛好不好：你想要的共识、信息或引荐拿到了吗？")
    outcome.options = [
      ChoiceOption(id: "met", label: l.t("Met", "达成"), note: l.t("we got what we came for", "达到了预期目标")),
      ChoiceOption(id: "partly", label: l.t("Partly", "部分达成"), note: l.t("some of it, or a step short", "部分达成，或差一步")),
      ChoiceOption(id: "missed", label: l.t("Not met", "未达成"), note: l.t("we did not get it", "没有达到目标")),
    ]
    var note = Prompt(id: "outcomeNote", kind: .text, fills: "debrief.outcomeNote", text: l.t("In a sentence: what happened? (Enter to skip)", "用一句话说明发生了什么？（按 Enter 跳过）"))
    note.label = l.t("What happened", "经过")
    note.optional = true
    var learned = Prompt(
      id: "learned", kind: .list, fills: "debrief.learned",
      text: l.t("What did we learn? One fact per line (you file each into discovery next).", "我们了解到了什么？每行一条（接下来可逐条归入需求挖掘）。"))
    learned.label = l.t("Learned", "了解到")
    learned.optional = true
    learned.hint = l.t(
      "Facts about their business, process, pains, budget, timing or decision — in the customer's words where you can.",
      "关于客户业务、流程、痛点、预算、时间或决策的事实——尽量用客户的原话。")
    var walk = Walk(id: "debrief", title: l.t("Debrief", "会谈复盘"), prompts: [outcome, note, learned])
    walk.goal = nil
    var answers: [String: AnswerValue] = [:]
    if let d = meeting.debrief {
      if let o = d.outcome { answers["outcome"] = .choice(o.rawValue) }
      if let n = d.outcomeNote { answers["outcomeNote"] = .text(n) }
      answers["learned"] = .list(d.learned.map(\.text))
    }
    let id = meetingID
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        DebriefFlow.debrief(&plan, id, time) { d in
          switch p.id {
          case "outcome": d.outcome = PlanPatch.text(v).flatMap(MeetingOutcome.init(rawValue:))
          case "outcomeNote": d.outcomeNote = PlanPatch.text(v)
          default:
            guard case .list(let items) = v else { return }
            var kept = d.learned
            var out: [MeetingLearning] = []
            for text in items {
              if let i = kept.firstIndex(where: { $0.text == text }) { out.append(kept.remove(at: i)) } else { out.append(MeetingLearning(text: text)) }
            }
            d.learned = out
          }
        }
      },
      describe: describe(l.t("outcome", "结果")))
    return item(walk, answers: answers, context: l.t("Debrief", "会谈复盘"), binding: binding)
  }

  /// The discovery prompts a learned fact may be filed under: every text or list prompt of the
  /// four stages, numbered.
  func discoveryTargets() -> [(stage: DiscoveryStage, prompt: Prompt)] {
    var out: [(DiscoveryStage, Prompt)] = []
    for stage in DiscoveryStage.allCases {
      for p in book?.walks[stage.rawValue]?.prompts ?? [] where p.kind == .text || p.kind == .list {
        if PlanPatch.discoveryAnswer(p.fills) != nil { out.append((stage, p)) }
      }
    }
    return out
  }

  func routingItem(_ text: String, index: Int) -> SequenceFlow.Item? {
    let l = self.l
    let labels = self.labels
    let targets = discoveryTargets()
    guard !targets.isEmpty else { return nil }
    var p = Prompt(
      id: "route", kind: .choice, fills: "debrief.route",
      text: l.t("Where does this belong in discovery? (Enter keeps it in the debrief only)", "这一条应归入需求挖掘的哪一项？（按 Enter 只保留在复盘中）") + "\n  “" + text + "”")
    p.label = l.t("File under", "归入")
    p.optional = true
    p.hint = l.t(
      "The fact is added to that discovery answer, after what is already there (nothing is replaced), and stays in the debrief. Enter keeps it in the debrief only; `discover STAGE` shows the stage's prompts.",
      "这一条会追加到所选的需求挖掘答案之后（不会覆盖原有内容），同时保留在复盘中。按 Enter 则只保留在复盘中；用 `discover 阶段` 可查看该阶段的各项问题。")
    p.options = targets.map { t in
      let fills = t.prompt.fills
      return ChoiceOption(id: fills, label: labels.walkTitle(t.stage.rawValue) + " · " + t.prompt.shortLabel)
    }
    let walk = Walk(id: "route", title: l.t("Debrief", "会谈复盘"), prompts: [p])
    let id = meetingID
    let kinds = Dictionary(targets.map { ($0.prompt.fills, $0.prompt.kind) }, uniquingKeysWith: { a, _ in a })
    let binding = WalkBinding(
      apply: { _, v, plan, time in
        guard let fills = PlanPatch.text(v), let (stage, promptID) = PlanPatch.discoveryAnswer(fills) else { return }
        guard let m = plan.meeting(id: id), let d = m.debrief, d.learned.indices.contains(index) else { return }
        let fact = d.learned[index].text
        var answers = plan.discovery[stage]
        switch answers.answers[promptID] {
        case .list(let items)?: answers.answers[promptID] = .list(items + [fact])
        case .text(let old)? where !old.isEmpty: answers.answers[promptID] = .text(old + l.t("; ", "；") + fact)
        case nil, .text?: answers.answers[promptID] = kinds[fills] == .list ? .list([fact]) : .text(fact)
        default: answers.answers[promptID] = .text(fact)
        }
        answers.answeredAt[promptID] = time
        plan.discovery[stage] = answers
        DebriefFlow.debrief(&plan, id, time) { d in
          d.learned[index].stage = stage
          d.learned[index].prompt = promptID
        }
      },
      describe: describe(l.t("filed", "归入")))
    var item = item(walk, context: l.t("Debrief · what we learned", "会谈复盘 · 了解到的信息"), binding: binding)
    item.onEnd = { _, context in
      guard let d = context.plan?.meeting(id: id)?.debrief, d.learned.indices.contains(index), let stage = d.learned[index].stage,
        let promptID = d.learned[index].prompt
      else { return [] }
      let title = labels.walkTitle(stage.rawValue) + " · " + (labels.book?.walks[stage.rawValue]?.prompt(promptID)?.shortLabel ?? promptID)
      let now = context.plan?.discovery[stage].answers[promptID].map { AnswerText.render($0, l) } ?? ""
      return [.say(StyledText("  → " + title + l.t(" now reads: ", " 现为：") + now, .good))]
    }
    return item
  }

  func questionItem(_ questionID: String, plan: AccountPlan, meeting: Meeting) -> SequenceFlow.Item {
    let l = self.l
    let labels = self.labels
    let q = plan.questionPlan.first { $0.id == questionID }
    var p = Prompt(
      id: "answer", kind: .text, fills: "debrief.asked",
      text: "[" + (q.map { labels.questionType($0.type) } ?? "") + "] " + (q?.text ?? "") + "\n"
        + l.t("Asked? Type what the customer said (Enter: not asked).", "问了吗？写下客户的回答（按 Enter：没有问）。"))
    p.label = l.t("Their answer", "客户回答")
    p.optional = true
    p.hint = l.t(
      "Write their answer in their own words where you can; it is kept with the question in the question plan and in the debrief.",
      "尽量用客户的原话记录回答；它会和这个问题一起保存在提问计划和复盘中。")
    let walk = Walk(id: "asked", title: l.t("Debrief", "会谈复盘"), prompts: [p])
    var answers: [String: AnswerValue] = [:]
    if let a = meeting.debrief?.asked.first(where: { $0.question == questionID }), let text = a.answer { answers["answer"] = .text(text) }
    let id = meetingID
    let binding = WalkBinding(
      apply: { _, v, plan, time in
        let answer = PlanPatch.text(v)
        guard let qi = plan.questionPlan.firstIndex(where: { $0.id == questionID }) else { return }
        plan.questionPlan[qi].asked = answer == nil ? nil : true
        plan.questionPlan[qi].answer = answer
        DebriefFlow.debrief(&plan, id, time) { d in
          d.asked.removeAll { $0.question == questionID }
          if answer != nil { d.asked.append(AskedQuestion(question: questionID, answer: answer)) }
        }
      },
      describe: describe(l.t("question asked", "已问问题")))
    var item = item(walk, answers: answers, context: l.t("Debrief · questions", "会谈复盘 · 问题"), binding: binding)
    item.onEnd = { engine, _ in
      guard engine.recordedIDs.contains("answer") else { return [] }
      return [.say(StyledText("  ✓ " + l.t("marked asked, with their answer, in the question plan", "已在提问计划中标记为已问，并记下回答"), .good))]
    }
    return item
  }

  func objectionItem(_ target: Target) -> SequenceFlow.Item {
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
    var by = Prompt(id: "raisedBy", kind: .text, fills: "objection.raisedBy", text: l.t("Who raised it? (Enter to leave empty)", "是谁提出的？（按 Enter 留空）"))
    by.label = l.t("Raised by", "提出人")
    by.optional = true
    let walk = Walk(id: "new-objection", title: l.t("Debrief", "会谈复盘"), prompts: [statement, category, by])
    let meetingID = self.meetingID
    let suggester = book.map { CategorySuggester(book: $0) }
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let text = PlanPatch.text(v)
        if let oid = target.id, let i = plan.objections.firstIndex(where: { $0.id == oid }) {
          switch p.id {
          case "category": if let c = text.flatMap(ObjectionCategory.init(rawValue:)) { plan.objections[i].category = c }
          case "raisedBy": plan.objections[i].raisedBy = text
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
      validate: { p, _, plan in
        if p.id != "statement", target.id.flatMap({ oid in plan.objections.first { $0.id == oid } }) == nil {
          return l.t("Type the customer's words first (`back`).", "请先写下客户的原话（输入 `back`）。")
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
    // After the customer's words, the suggested category is named so Enter can keep it.
    item.afterRecord = { p, _, context in
      guard p.id == "statement", let oid = target.id, let o = context.plan?.objections.first(where: { $0.id == oid }), let c = o.category else { return [] }
      return [.say(StyledText("  " + l.t("Suggested category: ", "建议类别：") + labels.category(c), .accent))]
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
          var c = d.changes.first { $0.stakeholder == stakeholderID } ?? {
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
    return item(walk, answers: answers, context: l.t("Debrief · ", "会谈复盘 · ") + (s?.name ?? ""), binding: binding)
  }

  func actionItem(_ target: Target) -> SequenceFlow.Item {
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

  /// The debrief as recorded, and the findings it touches.
  func finish(_ context: FlowContext) -> [FlowEffect] {
    guard let plan = context.plan, let m = plan.meeting(id: meetingID) else { return [] }
    var out = StyledText("\n")
    out += MeetingView(plan: plan, book: book, l: l, width: context.width).card(m)
    let gaps = context.findings().filter { $0.section == .timeline }
    if !gaps.isEmpty {
      out.append("\n")
      out += FindingsView.render(gaps, l: l, width: context.width)
    }
    out.append("\n" + Wrap.text(l.t("`show timeline` shows every meeting; `meeting new` prepares the next one.", "用 `show timeline` 查看全部会谈；用 `meeting new` 准备下一次会谈。"), width: context.width), .dim)
    return [.say(out)]
  }
}
