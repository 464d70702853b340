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

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    switch action?.lowercased() {
    case nil:
      _ = try session.requireWritablePlan()
      session.begin(QuestionPass(book: book, l: l))
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
      session.say(QuestionFeedback.render(try QuestionFeedback.classify(text, in: session), book: book, intended: intendedType, l: l, width: session.output.width))
    case "add", "添加":
      _ = try session.requireWritablePlan()
      guard let first = words.first, let type = QuestionsCommand.type(first) else {
        throw CommandError(StyledText(l.t("Usage: questions add open|leading|verification|value QUESTION", "用法：questions add open|leading|verification|value 问题")), exitCode: ExitStatus.usage)
      }
      let text = words.dropFirst().joined(separator: " ").trimmingWhitespace
      guard !text.isEmpty else {
        throw CommandError(StyledText(l.t("Write the question after its type.", "请在类型后写出问题。")), exitCode: ExitStatus.usage)
      }
      try QuestionPass.add(text, as: type, book: book, in: session)
    case "remove", "删除":
      let plan = try session.requireWritablePlan()
      guard let n = words.first.flatMap({ Int($0) }), (1...max(1, plan.questionPlan.count)).contains(n), !plan.questionPlan.isEmpty else {
        throw CommandError(StyledText(l.t("Give the number shown by `show questions`, e.g. `questions remove 2`.", "请写出 `show questions` 中的编号，例如 `questions remove 2`。")), exitCode: ExitStatus.usage)
      }
      let ordered = QuestionsCommand.displayOrder(plan)
      let index = ordered[n - 1]
      let text = plan.questionPlan[index].text
      try session.change(l.t("removed question \(n)", "删除问题 \(n)")) { $0.questionPlan.remove(at: index) }
      session.acknowledge(StyledText(l.t("Removed: ", "已删除：") + text + l.t(" (`undo` brings it back)", "（用 `undo` 可恢复）")))
    case let other?:
      throw CommandError(StyledText(l.t("Unknown action ‘\(other)’: use `questions`, `questions add TYPE TEXT`, `questions check TEXT` or `questions remove N`.",
                                        "未知操作 ‘\(other)’：请使用 `questions`、`questions add 类型 问题`、`questions check 问题` 或 `questions remove 编号`。") + NearestWord.hint(other, among: ["add", "check", "remove"], l)), exitCode: ExitStatus.usage)
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
    CommandError(StyledText(l.t("Unknown question type ‘\(word)’: use open, leading, verification or value.", "未知问题类型 ‘\(word)’：请使用 open、leading、verification 或 value。")), exitCode: ExitStatus.usage)
  }
}

/// What `questions check` prints: the type, why, and advice for weak or mismatched questions.
enum QuestionFeedback {
  /// Classifies with the signals of the question's own language, explained in the session's.
  static func classify(_ text: String, in session: Session) throws(CommandError) -> QuestionClassifier.Result {
    let textLang = Lang.detect(text)
    let signals = try session.playbook(for: textLang)
    let result = QuestionClassifier(book: signals).classify(text)
    return textLang == session.settings.lang ? result : QuestionClassifier.explain(result, in: try session.playbook())
  }

  static func render(_ r: QuestionClassifier.Result, book: Playbook, intended: QuestionType?, l: L10n, width: Int) -> StyledText {
    let labels = Labels(book, l)
    var out = StyledText()
    if let type = r.type {
      out.append(l.t("Type: ", "类型：") + labels.questionType(type), .bold)
      if r.tied { out.append(l.t(" (a close call)", "（难以区分）"), .dim) }
      for reason in r.reasons { out.append("\n" + Wrap.text("• " + reason, width: width, indent: "  ")) }
    } else {
      out.append(l.t("No clear type: none of the four types' signals appear.", "无法判断类型：四种问题类型的信号都没有出现。"), .warn)
    }
    for w in r.weaknesses {
      out.append("\n" + (w.name ?? w.id), .warn)
      if let advice = w.advice { out.append("\n" + Wrap.text(advice, width: width, indent: "  ")) }
    }
    let target = intended ?? (r.weaknesses.isEmpty ? nil : r.type)
    if let target, target != r.type || !r.weaknesses.isEmpty, let info = book.questionType(target), let improve = info.improve {
      out.append("\n" + Wrap.text(l.t("To make it a good \(labels.questionType(target).lowercased()): ", "要写成好的\(labels.questionType(target))：") + improve, width: width), .accent)
    } else if let intended, intended == r.type {
      out.append("\n" + l.t("It reads as the type you meant.", "与你想要的类型一致。"), .good)
    }
    return out
  }
}

/// The guided pass through the four question types.
final class QuestionPass: Activity {
  let book: Playbook
  let l: L10n
  var typeIndex = 0
  let order: [QuestionType] = [.open, .leading, .verification, .value]

  init(book: Playbook, l: L10n) {
    self.book = book
    self.l = l
  }

  var prompt: String { "  › " }
  var type: QuestionType { order[typeIndex] }
  var info: QuestionTypeInfo? { book.questionType(type) }

  func start(in session: Session) {
    var out = StyledText(l.t("Question plan for the next meeting", "下次会谈的提问计划"), .heading)
    out.append("\n" + l.t("For each of the four types: pick examples by number (e.g. `1 3`), write your own question, or press Enter for the next type.",
                          "针对四种问题类型：输入编号选择示例（如 `1 3`），或写下自己的问题，按 Enter 进入下一类型。"))
    out.append("\n" + l.t("(? when to use it · back · done)", "（? 使用时机 · back 上一类 · done 结束）"), .dim)
    session.say(out + "\n" + render(session))
  }

  func render(_ session: Session) -> StyledText {
    let labels = Labels(book, l)
    let have = session.current?.plan.questionPlan.filter { $0.type == type }.count ?? 0
    var out = StyledText("\n" + Blocks.bar(Double(typeIndex + 1), of: 4, width: 4) + " " + l.t("\(typeIndex + 1) of 4 · ", "第 \(typeIndex + 1)/4 类 · "), .dim)
    out.append(labels.questionType(type), .bold)
    out.append(l.t("  (\(have) in the plan)", "（计划中已有 \(have) 个）"), .dim)
    if let purpose = info?.purpose { out.append("\n" + Wrap.text(purpose, width: session.output.width)) }
    for (i, example) in (info?.examples ?? []).enumerated() {
      out.append("\n  \(i + 1). " + example)
    }
    return out
  }

  /// A question whose detected type disagrees with the slot, waiting for the rep's choice.
  var pending: (text: String, detected: QuestionType?)?
  /// Questions added in this pass that `undo` can take back.
  var added = 0

  func handle(_ line: String, in session: Session) -> Bool {
    let text = AnswerParsing.tidy(line)
    if UndoWord.matches(text) {
      pending = nil
      guard added > 0 else {
        session.output.errorLine(StyledText(l.t("Nothing to undo in this pass yet.", "本轮还没有可撤销的内容。"), .warn))
        return false
      }
      do { try session.undo(); added -= 1 } catch { session.fail(error) }
      return false
    }
    if let waiting = pending {
      pending = nil
      let choice = AnswerParsing.normalise(text)
      if WalkEngine.control(text) == nil {
        var chosen: QuestionType? = nil
        if choice.isEmpty || choice == "1" { chosen = type }
        if choice == "2", let detected = waiting.detected { chosen = detected }
        if let chosen {
          addCounted(waiting.text, as: chosen, session, announce: true)
          return false
        }
        if choice == "3" || (choice == "2" && waiting.detected == nil) {
          session.say(StyledText(l.t("Type the question again, rewritten.", "请重新写这个问题。"), .dim))
          return false
        }
        // Anything else is a new question in place of the one waiting.
      } else if WalkEngine.control(text) == .done {
        pending = waiting  // reported as not saved when the pass ends
      }
    }
    switch WalkEngine.control(text) {
    case .help?:
      var out = StyledText()
      if let when = info?.when { out.append(l.t("When: ", "何时使用：") + when) }
      if let recognise = info?.recognise { out.append("\n" + l.t("How to recognise it: ", "如何识别：") + recognise) }
      session.say(StyledText(Wrap.text(out.plain, width: session.output.width)) + "\n" + render(session))
      return false
    case .back?:
      typeIndex = max(0, typeIndex - 1)
      session.say(render(session))
      return false
    case .done?:
      finish(session)
      return true
    case .skip?, .clear?, nil:
      break
    }
    if text.isEmpty || WalkEngine.control(text) == .skip {
      typeIndex += 1
      if typeIndex >= order.count {
        finish(session)
        return true
      }
      session.say(render(session))
      return false
    }
    let examples = info?.examples ?? []
    if let picked = AnswerParsing.numbers(text) {
      guard picked.allSatisfy({ (1...examples.count).contains($0) }) else {
        session.output.errorLine(StyledText(l.t("Pick numbers from 1 to \(examples.count).", "请选择 1 到 \(examples.count) 之间的编号。"), .warn))
        return false
      }
      let depth = session.undoStack.count
      for n in picked {
        do { try QuestionPass.add(examples[n - 1], as: type, book: book, in: session, quiet: true) } catch { session.fail(error); return false }
      }
      added += session.undoStack.count - depth
      session.say(StyledText(l.t("Added \(picked.count) question(s).", "已添加 \(picked.count) 个问题。"), .good))
      return false
    }
    // A question that reads as another type than this slot's is not stored here in silence.
    if let result = try? QuestionFeedback.classify(text, in: session) {
      let closed = type == .open && result.weaknesses.contains { $0.id == "closed" }
      // A close call that the slot's type shares is no disagreement.
      let top = result.type.flatMap { result.scores[$0] } ?? 0
      let detected = result.type.flatMap { $0 == type || (result.scores[type] ?? 0) >= top ? nil : $0 }
      if detected != nil || closed {
        let labels = Labels(book, l)
        var out = StyledText(l.t("This does not read as \(article(labels.questionType(type))) \(labels.questionType(type).lowercased()):", "这个问题读起来不像\(labels.questionType(type))："), .warn)
        out.append("\n")
        out += QuestionFeedback.render(result, book: book, intended: type, l: l, width: session.output.width)
        out.append("\n  1  " + l.t("keep it as \(labels.questionType(type).lowercased()) (Enter)", "仍作为\(labels.questionType(type))保存（Enter）"))
        if let detected { out.append("\n  2  " + l.t("store it as \(labels.questionType(detected).lowercased())", "作为\(labels.questionType(detected))保存")) }
        out.append("\n  \(detected == nil ? 2 : 3)  " + l.t("rewrite it", "重写"))
        session.say(out)
        pending = (text, detected)
        return false
      }
    }
    addCounted(text, as: type, session, announce: false)
    return false
  }

  func article(_ word: String) -> String { "aeiouAEIOU".contains(word.first ?? "x") ? "an" : "a" }

  /// Adds a question and remembers it for `undo`.
  func addCounted(_ text: String, as type: QuestionType, _ session: Session, announce: Bool) {
    let depth = session.undoStack.count
    do {
      try QuestionPass.add(text, as: type, book: book, in: session, quiet: announce)
      if announce, session.undoStack.count > depth {
        session.say(StyledText(l.t("Added to the plan: ", "已加入计划：") + Labels(book, l).questionType(type), .good))
      }
    } catch { session.fail(error) }
    if session.undoStack.count > depth { added += 1 }
  }

  /// Adds a question to the plan (saved at once) and says how it reads.
  static func add(_ text: String, as type: QuestionType, book: Playbook, in session: Session, quiet: Bool = false) throws(CommandError) {
    let l = session.l
    if session.current?.plan.questionPlan.contains(where: { $0.text == text && $0.type == type }) == true {
      if !quiet { session.say(StyledText(l.t("Already in the plan.", "计划中已有这个问题。"), .dim)) }
      return
    }
    try session.change(l.t("added question", "添加问题")) {
      $0.questionPlan.append(PlannedQuestion(type: type, text: text, createdAt: session.now.description))
    }
    guard !quiet else { return }
    let labels = Labels(book, l)
    let result = try QuestionFeedback.classify(text, in: session)
    var out = StyledText(l.t("Added to the plan: ", "已加入计划：") + labels.questionType(type), .good)
    if result.type != type || !result.weaknesses.isEmpty {
      out.append("\n")
      out += QuestionFeedback.render(result, book: book, intended: type, l: l, width: session.output.width)
    }
    session.say(out)
  }

  func finish(_ session: Session) {
    if let waiting = pending {
      pending = nil
      session.say(StyledText(l.t("Not saved (it was waiting for your choice): ", "未保存（还在等你选择）：") + waiting.text, .warn))
    }
    guard let plan = session.current?.plan else { return }
    let labels = Labels(book, l)
    var out = StyledText("\n" + l.t("Question plan: ", "提问计划："), .heading)
    out.append(QuestionType.allCases.map { t in "\(labels.questionType(t)) \(plan.questionPlan.filter { $0.type == t }.count)" }.joined(separator: " · "))
    let gaps = session.findings(for: plan).filter { $0.section == .questions }
    if !gaps.isEmpty { out.append("\n"); out += FindingsView.render(gaps, l: l, width: session.output.width) }
    out.append("\n" + l.t("`show questions` lists them; `questions check TEXT` names the type of any question.", "用 `show questions` 查看；用 `questions check 问题` 判断任意问题的类型。"), .dim)
    session.say(out)
  }

  func leave(in session: Session) { finish(session) }
}
