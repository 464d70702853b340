import ArgumentParser
import CoachCore

/// `actions`, `actions add [TEXT] [--owner NAME] [--due DATE]`, `actions done|undone|remove N`.
struct ActionsCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "actions", abstract: "Next steps with owner and due date.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "add, done, undone or remove") var action: String?
  @Argument(parsing: .allUnrecognized, help: "The text, or the action's number.") var words: [String] = []
  @Option(help: "Who does it.") var owner: String?
  @Option(help: "When it is due (YYYY-MM-DD).") var due: String?

  /// The words after `actions` (for Tab and for "did you mean").
  static let words = ["add", "done", "undone", "remove"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    switch action?.lowercased() {
    case nil, "list", "show":
      let plan = try session.requirePlan()
      session.say(ActionsCommand.render(plan, session))
    case "add", "添加":
      _ = try session.requireWritablePlan()
      // `--` ends the options (the line editor adds it before a text starting with `-`): not text.
      var text = (words.first == "--" ? Array(words.dropFirst()) : words).joined(separator: " ").trimmingWhitespace
      var owner = owner.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
      var dueDay: CalendarDay? = nil
      if let due { dueDay = try ActionsCommand.day(due, session) }
      // `--owner Li Wei Call back about the pilot`: the owner's value ran on into the text; a
      // stakeholder's name at its start is the owner and the rest the action.
      if text.isEmpty, let given = owner, let plan = session.current?.plan,
        let split = ActionOwnerSplit.split(given, names: plan.stakeholders.map(\.name))
      {
        owner = split.owner
        text = split.text
      }
      if text.isEmpty {
        session.begin(
          ActionFollowUp.flow(l: l, asking: l.t("What is the next action?", "下一步行动是什么？"), optional: false, owner: owner, due: dueDay?.description))
        return
      }
      try session.change(l.t("added action", "添加行动")) {
        $0.actions.append(Action(text: text, owner: owner, due: dueDay?.description, createdAt: session.now.description))
      }
      let n = session.current?.plan.actions.count ?? 0
      // Echo what was stored: `Added action #3: “-10% discount…” — owner Sean O'Brien, due …`.
      var echo = l.t("Added action #\(n): “\(text)”", "已添加行动 #\(n)：“\(text)”")
      if let owner { echo += l.t(" — owner \(owner)", " —— 负责人 \(owner)") }
      if let dueDay { echo += l.t(", due ", "，截止 ") + DateParser.describe(dueDay, l) }
      session.acknowledge(StyledText(echo + l.t(".", "。"), .good))
    case "done", "undone", "remove", "完成", "删除":
      let plan = try session.requireWritablePlan()
      guard let n = words.first.flatMap({ Int($0) }), (1...max(1, plan.actions.count)).contains(n), !plan.actions.isEmpty else {
        throw CommandError(
          StyledText(l.t("Give the action's number from `actions`, e.g. `actions done 2`.", "请写出 `actions` 中的行动编号，例如 `actions done 2`。")), exitCode: ExitStatus.usage)
      }
      let i = n - 1
      switch action!.lowercased() {
      case "remove", "删除":
        try session.change(l.t("removed action \(n)", "删除行动 \(n)")) { $0.actions.remove(at: i) }
        session.acknowledge(StyledText(l.t("Removed action #\(n). `undo` brings it back.", "已删除行动 #\(n)。用 `undo` 可恢复。")))
      default:
        let done = action!.lowercased() != "undone"
        try session.change(l.t("action \(n) \(done ? "done" : "reopened")", "行动 \(n) \(done ? "完成" : "重新打开")")) {
          $0.actions[i].done = done
          $0.actions[i].doneAt = done ? session.now.description : nil
        }
        session.acknowledge(StyledText(done ? l.t("Action #\(n) is done.", "行动 #\(n) 已完成。") : l.t("Action #\(n) is open again.", "行动 #\(n) 已重新打开。"), .good))
      }
    case let other?:
      throw CommandError(
        StyledText(
          l.t(
            "Unknown action ‘\(other)’: use `actions`, `actions add TEXT`, `actions done N`, `actions undone N` or `actions remove N`.",
            "未知操作 ‘\(other)’：请使用 `actions`、`actions add 内容`、`actions done 编号`、`actions undone 编号` 或 `actions remove 编号`。") + NearestWord.hint(other, among: ActionsCommand.words, l)
        ), exitCode: ExitStatus.usage)
    }
  }

  /// A due date as typed (`2026-12-15`, `Friday`, `in 2 weeks`, `下周二`), resolved against the
  /// session's today; a day/month order that reads both ways is refused with both readings.
  static func day(_ typed: String, _ session: Session) throws(CommandError) -> CalendarDay {
    let l = session.l
    switch DateParser.read(typed, today: session.clock.today) {
    case .day(let d)?: return d
    case .ambiguous(let a, let b)?:
      throw CommandError(
        StyledText(
          l.t(
            "‘\(typed)’ can be \(DateParser.describe(a, l)) or \(DateParser.describe(b, l)); write it as \(a.description) or \(b.description).",
            "‘\(typed)’ 可能是 \(DateParser.describe(a, l)) 或 \(DateParser.describe(b, l))；请写成 \(a.description) 或 \(b.description)。")), exitCode: ExitStatus.usage)
    case .impossible?:
      throw CommandError(StyledText(l.t("‘\(typed)’ is not a day in the calendar; check the month and day.", "‘\(typed)’ 不是日历上存在的日期，请检查月份和日期。")), exitCode: ExitStatus.usage)
    case nil:
      throw CommandError(
        StyledText(
          l.t(
            "‘\(typed)’ is not a date: use e.g. 2026-12-15, 15 Dec, Friday, next Tuesday or in 2 weeks.",
            "‘\(typed)’ 不是有效日期：请使用例如 2026-12-15、12月15日、周五、下周二 或 两周后。")), exitCode: ExitStatus.usage)
    }
  }

  static func render(_ plan: AccountPlan, _ session: Session) -> StyledText {
    let l = session.l
    var out = Blocks.heading(l.t("Next actions", "下一步行动")) + "\n"
    guard !plan.actions.isEmpty else {
      return out + StyledText("  " + l.t("None yet: `actions add TEXT --owner NAME --due YYYY-MM-DD`.", "尚无行动：`actions add 内容 --owner 负责人 --due YYYY-MM-DD`。"), .dim)
    }
    let view = ActionsView(actions: plan.actions, today: session.clock.today, labels: Labels(try? session.playbook(), l), width: session.output.width)
    out += view.table()
    let overdue = plan.actions.filter(view.isOverdue).count
    if overdue > 0 { out.append("\n  " + l.t("\(overdue) overdue.", "\(overdue) 项已逾期。"), .bad) }
    return out
  }
}
