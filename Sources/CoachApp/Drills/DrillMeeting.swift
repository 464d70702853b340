import CoachCore

extension DrillCommand {
  /// `--meeting next|N`: the plan's scenarios for one meeting — its expected objections, or
  /// questions for the people in the room. A meeting with none of them is said so, with what
  /// to do.
  static func narrow(_ list: [DrillScenario], _ kind: DrillKind, to word: String, plan: AccountPlan, session: Session) throws(CommandError) -> [DrillScenario] {
    let l = session.l
    guard let m = DrillScenarios.meeting(word, in: plan, today: session.clock.today) else {
      let next = ["next", "下次", "下一次"].contains(word.lowercased())
      throw CommandError(
        StyledText(
          next
            ? l.t("The plan \(plan.name) has no meeting coming up: `meeting new` prepares one.", "计划“\(plan.name)”没有即将到来的会谈：用 `meeting new` 准备一次。")
            : l.t("No meeting ‘\(word)’: use --meeting next or a number from `meeting list`.", "没有 ‘\(word)’ 这次会谈：请用 --meeting next 或 `meeting list` 中的编号。")),
        exitCode: ExitStatus.noInput)
    }
    let narrowed = DrillScenarios.forMeeting(list, kind: kind, plan: plan, meeting: m)
    guard narrowed.isEmpty else { return narrowed }
    let what =
      kind == .questions
      ? l.t("has no attendees on their side yet (`meeting N` adds them)", "还没有客户方参会人（用 `meeting 编号` 添加）")
      : l.t("has no expected objections yet (`meeting N` picks them from the plan's objections)", "还没有预计异议（用 `meeting 编号` 从计划的异议中选择）")
    throw CommandError(StyledText(l.t("The meeting on \(m.date) ", "\(m.date) 的会谈") + what + l.t(".", "。")), exitCode: ExitStatus.noInput)
  }
}
