/// The account analysis walk (`profile`): classification, value assessment, portrait; it ends
/// with the value picture, the profile's open findings and what to do next.
public enum ProfileFlow {
  public static func make(walk: Walk, plan: AccountPlan, l: L10n) -> WalkFlow {
    var engine = WalkEngine(walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan), l: l)
    engine.industry = plan.account.industry?.rawValue
    return WalkFlow(engine: engine, binding: .plan(walk.title)) { engine, context in summary(engine, context) }
  }

  static func summary(_ engine: WalkEngine, _ context: FlowContext) -> [FlowEffect] {
    let l = context.l
    guard let plan = context.plan else { return [] }
    let labels = Labels(context.book, l)
    let view = PlanView(plan: plan, labels: labels, width: context.width)
    var out: [FlowEffect] = [.say("\n" + view.value())]
    let related = context.findings().filter { ["profile-incomplete", "value-assessment-incomplete"].contains($0.id) }
    if !related.isEmpty { out.append(.say(FindingsView.render(related, l: l, width: context.width))) }
    if engine.leftEarly && !engine.allAnswered {
      out.append(.say(StyledText(l.t("`profile` picks up at the first open prompt.", "再次输入 `profile` 会从第一个未答的问题继续。"), .dim)))
    } else {
      out.append(
        .say(
          StyledText(
            l.t(
              "Next: `stakeholders add` to map the decision makers, or `show account`.",
              "下一步：用 `stakeholders add` 梳理决策者，或用 `show account` 查看。"), .dim)))
    }
    return out
  }
}
