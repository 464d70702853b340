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
  /// How many objection and action walks the loops have started (for the progress line).
  var objectionCount = 0
  var actionCount = 0
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
          l.t(
            "(? help · back · skip · done · Enter keeps the answer or moves on; every answer is saved at once, `undo` takes one back)",
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

  func item(
    _ walk: Walk, answers: [String: AnswerValue] = [:], context: String, binding: WalkBinding, onEnd: @escaping (WalkEngine, FlowContext) -> [FlowEffect] = { _, _ in [] }
  ) -> SequenceFlow.Item {
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
        return ([.say(intro(plan, meeting, width: context.width))], placed(outcomeItem(meeting), series(.outcome)))
      case .routing:
        let learned = meeting.debrief?.learned ?? []
        if routed < learned.count {
          let index = routed
          routed += 1
          if learned[index].stage != nil { continue }
          if let item = routingItem(learned[index].text, index: index) {
            let place = l.t("fact \(index + 1) of \(learned.count)", "第 \(index + 1)/\(learned.count) 条")
            return ([], placed(item, series(.routing, item: place, index: index, of: learned.count)))
          }
          continue
        }
        part = .questions
      case .questions:
        let asked = meeting.questions.filter { id in plan.questionPlan.contains { $0.id == id } }
        if questionIndex < asked.count {
          let id = asked[questionIndex]
          let lead: [FlowEffect] = questionIndex == 0 ? [.say(StyledText("\n" + l.t("The questions you planned", "计划中的问题"), .bold))] : []
          let place = l.t("question \(questionIndex + 1) of \(asked.count)", "第 \(questionIndex + 1)/\(asked.count) 个问题")
          let progress = series(.questions, item: place, index: questionIndex, of: asked.count)
          questionIndex += 1
          return (lead, placed(questionItem(id, plan: plan, meeting: meeting), progress))
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
        objectionCount += 1
        var item = placed(objectionItem(target, plan: plan), series(.objections, item: l.t("objection \(objectionCount)", "第 \(objectionCount) 条异议"), index: objectionCount - 1))
        item.emptyFirstAnswerEnds = true
        return (first ? [.say(StyledText("\n" + l.t("New objections", "新的异议"), .bold))] : [], item)
      case .people:
        let people = meeting.attendees.filter { plan.stakeholder(id: $0) != nil }
        if personIndex < people.count {
          let lead: [FlowEffect] = personIndex == 0 ? [.say(StyledText("\n" + l.t("The people in the room", "参会的客户方人员"), .bold))] : []
          let id = people[personIndex]
          let name = plan.stakeholder(id: id)?.name ?? id
          let place = name + l.t(", \(personIndex + 1) of \(people.count)", "（第 \(personIndex + 1)/\(people.count) 位）")
          let progress = series(.people, item: place, index: personIndex, of: people.count)
          personIndex += 1
          return (lead, placed(personItem(id, plan: plan), progress))
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
        actionCount += 1
        let progress = series(.actions, item: l.t("action \(actionCount)", "第 \(actionCount) 项行动"), index: actionCount - 1)
        var item = placed(actionItem(target, names: meeting.ours + plan.stakeholders.map(\.name)), progress)
        item.emptyFirstAnswerEnds = true
        return (first ? [.say(StyledText("\n" + l.t("What was agreed", "达成的约定"), .bold))] : [], item)
      case .next:
        part = .finished
        guard meeting.debrief?.nextMeeting == nil else { continue }
        var item = placed(nextMeetingItem(), series(.next))
        item.emptyFirstAnswerEnds = true
        return ([.say(StyledText("\n" + l.t("The next meeting", "下一次会谈"), .bold))], item)
      case .finished:
        return ([], nil)
      }
    }
  }

  /// The item with its place in the debrief shown above each prompt.
  func placed(_ item: SequenceFlow.Item, _ progress: SeriesProgress) -> SequenceFlow.Item {
    var item = item
    item.engine.series = progress
    return item
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
    out.append(
      "\n" + Wrap.text(l.t("`show timeline` shows every meeting; `meeting new` prepares the next one.", "用 `show timeline` 查看全部会谈；用 `meeting new` 准备下一次会谈。"), width: context.width),
      .dim)
    return [.say(out)]
  }
}
