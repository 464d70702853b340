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
    session.begin(ProfileFlow.make(walk: walk, plan: plan, l: session.l))
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
