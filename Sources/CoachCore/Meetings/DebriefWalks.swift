/// The first walks of a debrief: how it went, filing what we learned, the questions asked.
extension DebriefFlow {
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
}
