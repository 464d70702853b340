/// "Add an action?": a short walk (what, who, when) offered at the end of a discovery stage or
/// an objection, and by `actions add` without text.
public enum ActionFollowUp {
  /// The walk. `optional`: an empty first answer means "no action", and the walk ends quietly.
  /// `owner`, `due`: given on the command line (`actions add --owner Li Wei`), shown as the
  /// current answers and stored with the action unless changed.
  public static func flow(l: L10n, asking question: String, optional: Bool, owner: String? = nil, due: String? = nil) -> WalkFlow {
    var what = Prompt(id: "text", kind: .text, fills: "action.text", text: question)
    what.label = l.t("Action", "行动")
    what.optional = optional
    var who = Prompt(id: "owner", kind: .text, fills: "action.owner", text: l.t("Who owns it? (Enter to leave empty)", "由谁负责？（按 Enter 留空）"))
    who.label = l.t("Owner", "负责人")
    who.optional = true
    var when = Prompt(id: "due", kind: .date, fills: "action.due", text: l.t("When is it due? (Enter for no date)", "何时截止？（按 Enter 不设日期）"))
    when.label = l.t("Due", "截止")
    when.optional = true
    let walk = Walk(id: "action", title: l.t("Next action", "下一步行动"), prompts: [what, who, when])
    final class Target { var index: Int? }
    let target = Target()
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        if let i = target.index, i < plan.actions.count {
          switch p.id {
          case "owner": plan.actions[i].owner = PlanPatch.text(v)
          case "due": plan.actions[i].due = PlanPatch.text(v)
          default: if let t = PlanPatch.text(v) { plan.actions[i].text = t }
          }
        } else if p.id == "text", let t = PlanPatch.text(v) {
          plan.actions.append(Action(text: t, owner: owner, due: due, createdAt: time))
          target.index = plan.actions.count - 1
        }
      },
      describe: { p in l.t("Action: ", "行动：") + p.shortLabel })
    var given: [String: AnswerValue] = [:]
    if let owner { given["owner"] = .text(owner) }
    if let due { given["due"] = .date(due) }
    let engine = WalkEngine(walk: walk, answers: given, context: walk.title, l: l)
    let flow = WalkFlow(engine: engine, binding: binding) { _, _ in
      guard let i = target.index else { return [] }
      return [.say(StyledText(l.t("Added action #\(i + 1). `actions` lists them.", "已添加行动 #\(i + 1)。用 `actions` 查看。"), .good))]
    }
    if optional {
      // An empty first answer to an offered action means "no action": leave quietly.
      flow.intercept = { line, flow in
        guard target.index == nil, flow.engine.current?.id == "text", line.trimmingWhitespace.isEmpty else { return nil }
        flow.engine.leave()
        return []
      }
    }
    return flow
  }

  /// The follow-up offered after a walk that ended normally: it starts at its question.
  public static func offer(l: L10n) -> FlowEffect {
    let flow = flow(l: l, asking: l.t("Add a next action? Type it, or press Enter to skip.", "要添加下一步行动吗？直接输入，或按 Enter 跳过。"), optional: true)
    flow.showsOpening = false
    return .push(flow)
  }
}
