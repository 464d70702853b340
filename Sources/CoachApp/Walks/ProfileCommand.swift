import ArgumentParser
import CoachCore

/// `profile`: account analysis — classification, value assessment, portrait.
struct ProfileCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "profile", abstract: "Walk through the account analysis.")
  @OptionGroup var global: GlobalOptions

  func run(in session: Session) throws(CommandError) {
    let plan = try session.requireWritablePlan()
    let book = try session.playbook()
    guard let walk = book.walks["profile"] else { throw session.missingWalk("profile") }
    var engine = WalkEngine(walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan), l: session.l)
    engine.industry = plan.account.industry?.rawValue
    let l = session.l
    session.begin(
      WalkFlow(engine: engine, binding: .plan(walk.title)) { engine, context in
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
      })
  }
}

extension Session {
  /// The open plan, when it can be changed.
  func requireWritablePlan() throws(CommandError) -> AccountPlan {
    let plan = try requirePlan()
    if let reason = current?.readOnly {
      throw CommandError(
        StyledText(
          l.t(
            "This plan is open read-only, so there is nothing to walk through here; `show` lets you read it.",
            "该计划以只读方式打开，无法填写；可以用 `show` 查看。")),
        exitCode: reason == .inUse ? ExitStatus.locked : ExitStatus.cannotCreate)
    }
    return plan
  }

  func missingWalk(_ id: String) -> CommandError {
    CommandError(
      StyledText(l.t("The playbook has no `\(id)` walk; run `coach playbook validate`.", "剧本中没有 `\(id)` 引导；请运行 `coach playbook validate`。")), exitCode: ExitStatus.dataError)
  }
}
