import ArgumentParser
import CoachCore
import CoachTerminal

/// `questions`, `questions add TYPE TEXT`, `questions check TEXT [--as TYPE]`, `questions remove N`.
struct QuestionsCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "questions", abstract: "Plan the questions for the next meeting.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "add, check or remove") var action: String?
  @Argument(parsing: .allUnrecognized, help: "The type and the question.") var words: [String] = []
  @Option(name: .customLong("as"), help: "The type you meant (for check).") var intended: String?

  /// The words after `questions` (for Tab and for "did you mean").
  static let words = ["add", "check", "remove"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    switch action?.lowercased() {
    case nil:
      _ = try session.requireWritablePlan()
      session.begin(QuestionFlow(book: book, signals: session.signals(), l: l))
    case "check", "检查":
      let text = words.joined(separator: " ").trimmingWhitespace
      guard !text.isEmpty else {
        throw CommandError(StyledText(l.t("Write the question after `questions check`.", "请在 `questions check` 后写出问题。")), exitCode: ExitStatus.usage)
      }
      var intendedType: QuestionType? = nil
      if let intended {
        guard let t = QuestionsCommand.type(intended) else { throw QuestionsCommand.unknownType(intended, l) }
        intendedType = t
      }
      session.say(QuestionFeedback.render(try QuestionsCommand.classify(text, in: session), book: book, intended: intendedType, l: l, width: session.output.width))
    case "add", "添加":
      _ = try session.requireWritablePlan()
      guard let first = words.first, let type = QuestionsCommand.type(first) else {
        throw CommandError(
          StyledText(l.t("Usage: questions add open|leading|verification|value QUESTION", "用法：questions add open|leading|verification|value 问题")), exitCode: ExitStatus.usage)
      }
      let text = words.dropFirst().joined(separator: " ").trimmingWhitespace
      guard !text.isEmpty else {
        throw CommandError(StyledText(l.t("Write the question after its type.", "请在类型后写出问题。")), exitCode: ExitStatus.usage)
      }
      try QuestionsCommand.add(text, as: type, book: book, in: session)
    case "remove", "删除":
      let plan = try session.requireWritablePlan()
      guard let n = words.first.flatMap({ Int($0) }), (1...max(1, plan.questionPlan.count)).contains(n), !plan.questionPlan.isEmpty else {
        throw CommandError(
          StyledText(l.t("Give the number shown by `show questions`, e.g. `questions remove 2`.", "请写出 `show questions` 中的编号，例如 `questions remove 2`。")), exitCode: ExitStatus.usage
        )
      }
      let ordered = QuestionsCommand.displayOrder(plan)
      let index = ordered[n - 1]
      let text = plan.questionPlan[index].text
      try session.change(l.t("removed question \(n)", "删除问题 \(n)")) { $0.questionPlan.remove(at: index) }
      session.acknowledge(StyledText(l.t("Removed: ", "已删除：") + text + l.t(" (`undo` brings it back)", "（用 `undo` 可恢复）")))
    case let other?:
      throw CommandError(
        StyledText(
          l.t(
            "Unknown action ‘\(other)’: use `questions`, `questions add TYPE TEXT`, `questions check TEXT` or `questions remove N`.",
            "未知操作 ‘\(other)’：请使用 `questions`、`questions add 类型 问题`、`questions check 问题` 或 `questions remove 编号`。") + NearestWord.hint(other, among: QuestionsCommand.words, l)),
        exitCode: ExitStatus.usage)
    }
  }

  /// The order `show questions` numbers them in: by type, then as added.
  static func displayOrder(_ plan: AccountPlan) -> [Int] {
    QuestionType.allCases.flatMap { t in plan.questionPlan.indices.filter { plan.questionPlan[$0].type == t } }
  }

  static func type(_ word: String) -> QuestionType? {
    let w = word.lowercased()
    if let t = QuestionType(rawValue: w) { return t }
    switch w {
    case "开放", "开放性", "开放性问题": return .open
    case "引导", "引导性", "引导性问题", "probing": return .leading
    case "验证", "验证性", "验证性问题", "confirm", "confirming": return .verification
    case "价值", "价值性", "价值性问题": return .value
    default:
      let matches = QuestionType.allCases.filter { $0.rawValue.hasPrefix(w) }
      return matches.count == 1 && !w.isEmpty ? matches[0] : nil
    }
  }

  static func unknownType(_ word: String, _ l: L10n) -> CommandError {
    CommandError(
      StyledText(l.t("Unknown question type ‘\(word)’: use open, leading, verification or value.", "未知问题类型 ‘\(word)’：请使用 open、leading、verification 或 value。")),
      exitCode: ExitStatus.usage)
  }

  /// Classifies with the signals of the question's own language, explained in the session's.
  static func classify(_ text: String, in session: Session) throws(CommandError) -> QuestionClassifier.Result {
    QuestionFeedback.classify(text, signals: try session.playbook(for: Lang.detect(text)), book: try session.playbook(), lang: session.settings.lang)
  }

  /// `questions add TYPE TEXT`: adds a question to the plan (saved at once) and says how it reads.
  static func add(_ text: String, as type: QuestionType, book: Playbook, in session: Session) throws(CommandError) {
    let l = session.l
    if session.current?.plan.questionPlan.contains(where: { $0.text == text && $0.type == type }) == true {
      return session.say(StyledText(l.t("Already in the plan.", "计划中已有这个问题。"), .dim))
    }
    let edit = QuestionFlow.edit(text, as: type, l: l)
    try session.change(edit.description) { edit.change(&$0, session.now.description) }
    let result = try classify(text, in: session)
    session.say(QuestionFlow.added(type, result, book: book, l: l, width: session.output.width))
  }
}
