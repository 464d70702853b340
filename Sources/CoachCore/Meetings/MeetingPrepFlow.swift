/// `meeting new` / `meeting N`: the walk that prepares a meeting — its date and time, our
/// objective, the agenda, who is in the room on their side (picked from the stakeholders) and
/// on ours, the questions we will ask (picked from the question plan, by type), the objections
/// we expect (with their LSCPA lines) and the materials to bring. Every answer is saved at
/// once; the meeting is created by its date, the first answer.
public enum MeetingPrepFlow {
  /// Which meeting the walk writes to: an existing one by id, or a new one made by the date.
  final class Target: @unchecked Sendable {
    var id: String?
    init(_ id: String?) { self.id = id }
  }

  /// The walk for a new meeting (`meetingID` nil) or an existing one.
  public static func flow(plan: AccountPlan, meetingID: String?, book: Playbook?, l: L10n) -> WalkFlow {
    let labels = Labels(book, l)
    let existing = meetingID.flatMap { plan.meeting(id: $0) }
    let people = MeetingPicks.stakeholders(plan)
    let questions = MeetingPicks.questions(plan)
    let objections = MeetingPicks.objections(plan)

    var date = Prompt(id: "date", kind: .date, fills: "meeting.date", text: l.t("When is the meeting?", "会谈在哪一天？"))
    date.label = l.t("Date", "日期")
    var time = Prompt(id: "time", kind: .text, fills: "meeting.time", text: l.t("At what time? (e.g. 14:30, 2pm; Enter to leave it open)", "几点开始？（例如 14:30、下午2点；按 Enter 暂不填写）"))
    time.label = l.t("Time", "时间")
    time.optional = true
    var objective = Prompt(
      id: "objective", kind: .text, fills: "meeting.objective",
      text: l.t("What do we want out of this meeting? (one outcome the customer can agree to)", "我们希望这次会谈达成什么？（一个客户能认同的结果）"))
    objective.label = l.t("Objective", "目标")
    objective.hint = l.t(
      "A good objective is an outcome, not an activity: “agree the pilot scope and who signs it”, not “present our solution”.",
      "好的目标是一个结果，而不是一项活动：例如“确定试点范围和签字人”，而不是“介绍我们的方案”。")
    var agenda = Prompt(id: "agenda", kind: .list, fills: "meeting.agenda", text: l.t("The agenda, one item per line.", "会谈议程，每行一项。"))
    agenda.label = l.t("Agenda", "议程")
    agenda.optional = true

    var attendeesText = l.t("Who attends on their side? Numbers or names (e.g. `1 3`; `-` for nobody yet).", "客户方谁参加？输入编号或姓名（如 `1 3`；`-` 表示暂无）。")
    if people.items.isEmpty {
      attendeesText = l.t(
        "Who attends on their side? No stakeholders yet (`stakeholders add NAME` adds them): Enter to go on.", "客户方谁参加？尚无决策者（用 `stakeholders add 姓名` 添加）：按 Enter 继续。")
    }
    for (i, s) in plan.stakeholders.enumerated() where !s.id.isEmpty {
      var line = "\n  \(i + 1). " + s.name
      let details = [s.title, s.role.map { labels.role($0) }, s.attitude.map { labels.attitude($0) }].compactMap { $0 }.filter { !$0.isEmpty }
      if !details.isEmpty { line += " — " + details.joined(separator: l.t(", ", "，")) }
      attendeesText += line
    }
    var attendees = Prompt(id: "attendees", kind: .text, fills: "meeting.attendees", text: attendeesText)
    attendees.label = l.t("Their attendees", "客户方参会人")
    attendees.optional = true
    attendees.hint = l.t(
      "Know who decides and who influences before you walk in: each role judges the deal on different things (the final decision maker on strategic value and return, finance on cost and risk, the technical side on architecture and security, users on ease of use). Match levels: bring someone of their level to meet them.",
      "进门前就要清楚谁拍板、谁施加影响：不同角色看重的不同（最终决策者看战略价值和回报，财务看成本和风险，技术看架构和安全，使用部门看易用性）。层级对等：带上与对方层级相当的人。")
    var ours = Prompt(id: "ours", kind: .list, fills: "meeting.ours", text: l.t("Who attends on our side? One name per line.", "我方谁参加？每行一个姓名。"))
    ours.label = l.t("Our attendees", "我方参会人")
    ours.optional = true

    var questionsText = l.t("Which planned questions will you ask? Numbers (e.g. `1 4`; `-` for none).", "会上要问哪些计划中的问题？输入编号（如 `1 4`；`-` 表示不选）。")
    if questions.items.isEmpty {
      questionsText = l.t(
        "Which planned questions will you ask? The question plan is empty (`questions` plans them): Enter to go on.", "会上要问哪些计划中的问题？提问计划还是空的（用 `questions` 规划）：按 Enter 继续。")
    }
    var n = 0
    for type in QuestionType.allCases {
      let ofType = plan.questionPlan.filter { $0.type == type && !$0.id.isEmpty }
      guard !ofType.isEmpty else { continue }
      questionsText += "\n  " + labels.questionType(type)
      for q in ofType {
        n += 1
        questionsText += "\n    \(n). " + q.text
      }
    }
    var questionsPrompt = Prompt(id: "questions", kind: .text, fills: "meeting.questions", text: questionsText)
    questionsPrompt.label = l.t("Questions", "问题")
    questionsPrompt.optional = true
    questionsPrompt.hint = l.t(
      "Open questions to let them talk, leading questions to go deeper on a pain, at least one verification question to confirm what you have understood (needs, budget, timing, who decides), and a value question about the result they want. `questions` adds more to the plan.",
      "用开放性问题让客户多说，用引导性问题深挖痛点，至少准备一个验证性问题确认你的理解（需求、预算、时间、由谁决策），再加一个价值性问题了解客户想要的结果。用 `questions` 可在计划中添加更多问题。")

    var objectionsText = l.t("Which objections do you expect? Numbers (e.g. `2`; `-` for none).", "预计会遇到哪些异议？输入编号（如 `2`；`-` 表示不选）。")
    if objections.items.isEmpty {
      objectionsText = l.t(
        "Which objections do you expect? None logged yet (`objection` logs one with its LSCPA answer): Enter to go on.",
        "预计会遇到哪些异议？尚未记录异议（用 `objection` 记录并准备 LSCPA 答复）：按 Enter 继续。")
    }
    for (i, o) in plan.objections.enumerated() where !o.id.isEmpty {
      objectionsText += "\n  \(i + 1). [" + labels.category(o.category) + "] " + o.statement
      for step in LSCPAStep.allCases {
        if let line = o.lscpa[step], !line.isEmpty { objectionsText += "\n       " + labels.step(step) + l.t(": ", "：") + line }
      }
    }
    var objectionsPrompt = Prompt(id: "objections", kind: .text, fills: "meeting.objections", text: objectionsText)
    objectionsPrompt.label = l.t("Expected objections", "预计异议")
    objectionsPrompt.optional = true
    objectionsPrompt.hint = l.t(
      "Pick the objections these people are likely to raise, given what each cares about. Say the LSCPA lines out loud before the meeting: `drill --from-plan --meeting next` rehearses exactly these.",
      "根据参会人各自关心的问题，选出他们可能提出的异议。会前把 LSCPA 话术练熟：`drill --from-plan --meeting next` 专门演练这些异议。")
    var materials = Prompt(
      id: "materials", kind: .list, fills: "meeting.materials", text: l.t("What do you bring? One item per line (deck, case study, price sheet…).", "需要带哪些材料？每行一项（方案、案例、报价单……）。"))
    materials.label = l.t("Materials", "材料")
    materials.optional = true
    materials.hint = l.t(
      "What backs up your objective: a case from their industry, the figures behind the value (ROI, total cost), the proposal or a draft agreement, what you promised last time.",
      "支撑本次目标的材料：同行业案例、价值背后的数据（投资回报、总成本）、方案或协议草稿，以及上次承诺要带的东西。")

    let title = existing == nil ? l.t("Prepare the next meeting", "准备下一次会谈") : l.t("Meeting on ", "会谈：") + (existing?.date ?? "")
    var walk = Walk(id: "meeting", title: title, prompts: [date, time, objective, agenda, attendees, ours, questionsPrompt, objectionsPrompt, materials])
    walk.goal = l.t(
      "Know what you want out of the meeting, who is in the room and what each cares about, what you will ask and which objections you will answer how.",
      "明确这次会谈要达成什么、谁在场以及各自关心什么、要问什么问题、会遇到哪些异议以及如何回应。")

    var answers: [String: AnswerValue] = [:]
    if let m = existing {
      answers["date"] = .date(m.date)
      if let t = m.time { answers["time"] = .text(t) }
      if let o = m.objective { answers["objective"] = .text(o) }
      answers["agenda"] = .list(m.agenda)
      if !m.attendees.isEmpty { answers["attendees"] = .text(people.names(m.attendees, l: l)) }
      answers["ours"] = .list(m.ours)
      if !m.questions.isEmpty { answers["questions"] = .text(questions.numbers(m.questions, l: l)) }
      if !m.objections.isEmpty { answers["objections"] = .text(objections.numbers(m.objections, l: l)) }
      answers["materials"] = .list(m.materials)
    }
    let target = Target(meetingID)
    func picks(_ p: Prompt) -> (MeetingPicks, Bool)? {
      switch p.id {
      case "attendees": return (people, true)
      case "questions": return (questions, false)
      case "objections": return (objections, false)
      default: return nil
      }
    }
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        var i = target.id.flatMap { plan.meetingIndex(id: $0) }
        if i == nil {
          guard p.id == "date", let d = PlanPatch.text(v) else { return }
          let id = target.id ?? plan.takeItemID(ItemIDPrefix.meeting, existing: plan.meetings.map(\.id))
          if let n = ItemIDPrefix.number(id, prefix: ItemIDPrefix.meeting), n > plan.lastItemIDs[ItemIDPrefix.meeting] ?? 0 {
            plan.lastItemIDs[ItemIDPrefix.meeting] = n
          }
          var m = Meeting(date: d, createdAt: time)
          m.id = id
          plan.meetings.append(m)
          target.id = id
          i = plan.meetings.count - 1
        }
        guard let i else { return }
        plan.meetings[i].answeredAt[p.id] = time
        let text = PlanPatch.text(v)
        var list: [String] = []
        if case .list(let items) = v { list = items }
        switch p.id {
        case "date": if let text { plan.meetings[i].date = text }
        case "time": plan.meetings[i].time = text.flatMap(MeetingTime.read)
        case "objective": plan.meetings[i].objective = text
        case "agenda": plan.meetings[i].agenda = list
        case "ours": plan.meetings[i].ours = list
        case "materials": plan.meetings[i].materials = list
        default:
          guard let (source, byName) = picks(p), case .picked(let ids) = source.read(text ?? "", byName: byName) else { return }
          switch p.id {
          case "attendees": plan.meetings[i].attendees = ids
          case "questions": plan.meetings[i].questions = ids
          default: plan.meetings[i].objections = ids
          }
        }
      },
      validate: { p, v, plan in
        if target.id.flatMap({ plan.meetingIndex(id: $0) }) == nil, p.id != "date" {
          return l.t("Give the meeting's date first (`back`): the meeting is recorded by its date.", "请先填写会谈日期（输入 `back`）：会谈以日期记录。")
        }
        let text = PlanPatch.text(v) ?? ""
        if p.id == "time", MeetingTime.read(text) == nil {
          return l.t("‘\(text)’ is not a time of day: type e.g. 14:30, 9:00 or 2pm.", "‘\(text)’ 不是有效的时间：请输入例如 14:30、9:00 或 下午2点。")
        }
        if let (source, byName) = picks(p), case .ambiguous(let part, let names) = source.read(text, byName: byName) {
          return l.t(
            "‘\(part)’ could be \(names.joined(separator: " or ")): type more of the name (Tab completes it), or the number.",
            "‘\(part)’ 可能是 \(names.joined(separator: " 或 "))：请多输入几个字（Tab 可补全），或输入编号。")
        }
        if let (source, byName) = picks(p), case .unknown(let part) = source.read(text, byName: byName) {
          let count = source.items.count
          if count == 0 { return l.t("There is nothing to pick from yet: press Enter to go on.", "目前还没有可选的条目：按 Enter 继续。") }
          return byName
            ? l.t("‘\(part)’ is not on the list: type numbers from 1 to \(count) or names, separated by commas.", "‘\(part)’ 不在列表中：请输入 1 到 \(count) 的编号或姓名，用逗号或顿号分隔。")
            : l.t("‘\(part)’ is not on the list: type numbers from 1 to \(count).", "‘\(part)’ 不在列表中：请输入 1 到 \(count) 的编号。")
        }
        return nil
      },
      describe: { p in l.t("Meeting: ", "会谈：") + p.shortLabel })
    let engine = WalkEngine(walk: walk, answers: answers, context: title, l: l)
    let flow = WalkFlow(engine: engine, binding: binding) { _, context in
      guard let plan = context.plan, let id = target.id, let m = plan.meeting(id: id) else { return [] }
      var out = StyledText("\n")
      out += MeetingView(plan: plan, book: book, l: l, width: context.width).card(m)
      let gaps = context.findings().filter { $0.section == .timeline }
      if !gaps.isEmpty {
        out.append("\n")
        out += FindingsView.render(gaps, l: l, width: context.width)
      }
      out.append(
        "\n"
          + Wrap.text(
            l.t(
              "`meeting list` shows the timeline; `drill --from-plan --meeting next` rehearses the expected objections; after the meeting, `debrief`.",
              "用 `meeting list` 查看会谈时间线；用 `drill --from-plan --meeting next` 演练预计的异议；会谈结束后用 `debrief` 复盘。"), width: context.width), .dim)
      return [.say(out)]
    }
    // A new meeting is recorded by its date: Enter or `skip` there would leave nothing to
    // write the other answers to.
    flow.intercept = { line, flow in
      let control = WalkEngine.control(line)
      guard flow.engine.current?.id == "date", line.trimmingWhitespace.isEmpty || control == .skip,
        target.id.flatMap({ id in flow.context.plan?.meetingIndex(id: id) }) == nil
      else { return nil }
      return [
        .warn(StyledText(l.t("A meeting is recorded by its date: type the date, or `done` to leave.", "会谈以日期记录：请输入日期，或输入 `done` 离开。"), .warn)),
        .say(flow.engine.renderCurrent()),
      ]
    }
    // Tab completes the people's names at the attendees prompt, after the last comma.
    flow.completer = { beforeCursor, prompt in
      guard prompt?.id == "attendees" else { return nil }
      let cut = beforeCursor.lastIndex { $0 == "," || $0 == "，" || $0 == "、" }
      var typed = cut.map { String(beforeCursor[beforeCursor.index(after: $0)...]) } ?? beforeCursor
      while typed.first == " " { typed.removeFirst() }
      guard !typed.isEmpty else { return nil }
      return (typed.unicodeScalars.count, StakeholderNameMatch(names: people.items.map(\.name)).completions(typed))
    }
    flow.afterRecord = { p, v, context in
      let text = PlanPatch.text(v) ?? ""
      if p.id == "time", let t = MeetingTime.read(text) { return [.say(StyledText("  = " + t, .good))] }
      guard let (source, byName) = picks(p), case .picked(let ids) = source.read(text, byName: byName) else { return [] }
      if ids.isEmpty { return [.say(StyledText("  = " + l.t("none", "无"), .good))] }
      if byName { return [.say(StyledText("  = " + source.names(ids, l: l), .good))] }
      var out = StyledText()
      for id in ids {
        let n = (source.items.firstIndex { $0.id == id } ?? 0) + 1
        out.append((out.spans.isEmpty ? "" : "\n") + "  = \(n). " + (source.items.first { $0.id == id }?.name ?? id), .good)
      }
      return [.say(out)]
    }
    return flow
  }
}
