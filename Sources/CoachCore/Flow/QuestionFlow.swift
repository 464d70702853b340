/// The guided pass through the four question types (`questions`): pick examples by number,
/// write a question of your own (checked against the slot's type), or Enter for the next type.
public final class QuestionFlow: Flow {
  let book: Playbook
  /// The playbooks whose signals classify a question, by the question's language.
  let signals: [Lang: Playbook]
  let l: L10n
  var typeIndex = 0
  let order: [QuestionType] = [.open, .leading, .verification, .value]
  /// The plan as this pass's edits leave it, and the session's settings.
  private var context: FlowContext
  /// A question whose detected type disagrees with the slot, waiting for the rep's choice.
  var pending: (text: String, detected: QuestionType?)?
  /// Questions added in this pass that `undo` can take back.
  var added = 0

  public init(book: Playbook, signals: [Lang: Playbook], l: L10n) {
    self.book = book
    self.signals = signals
    self.l = l
    context = FlowContext(plan: nil, book: book, l: l, now: Timestamp(secondsSinceEpoch: 0))
  }

  public var prompt: String { "  › " }
  var type: QuestionType { order[typeIndex] }
  var info: QuestionTypeInfo? { book.questionType(type) }

  public func start(_ context: FlowContext) -> [FlowEffect] {
    self.context = context
    var out = StyledText(l.t("Question plan for the next meeting", "下次会谈的提问计划"), .heading)
    out.append(
      "\n"
        + l.t(
          "For each of the four types: pick examples by number (e.g. `1 3`), write your own question, or press Enter for the next type.",
          "针对四种问题类型：输入编号选择示例（如 `1 3`），或写下自己的问题，按 Enter 进入下一类型。"))
    out.append("\n" + l.t("(? when to use it · back · done)", "（? 使用时机 · back 上一类 · done 结束）"), .dim)
    return [.say(out + "\n" + render())]
  }

  func render() -> StyledText {
    let labels = Labels(book, l)
    let have = context.plan?.questionPlan.filter { $0.type == type }.count ?? 0
    var out = StyledText("\n" + Blocks.bar(Double(typeIndex + 1), of: 4, width: 4) + " " + l.t("\(typeIndex + 1) of 4 · ", "第 \(typeIndex + 1)/4 类 · "), .dim)
    out.append(labels.questionType(type), .bold)
    out.append(l.t("  (\(have) in the plan)", "（计划中已有 \(have) 个）"), .dim)
    if let purpose = info?.purpose { out.append("\n" + Wrap.text(purpose, width: context.width)) }
    for (i, example) in (info?.examples ?? []).enumerated() {
      out.append("\n  \(i + 1). " + example)
    }
    return out
  }

  /// The question classified by the signals of its own language, or nil when that language's
  /// playbook is not loaded.
  func classify(_ text: String) -> QuestionClassifier.Result? {
    guard let signals = signals[Lang.detect(text)] else { return nil }
    return QuestionFeedback.classify(text, signals: signals, book: book, lang: l.lang)
  }

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    self.context = context
    let text = AnswerParsing.tidy(line)
    if UndoWord.matches(text) {
      pending = nil
      guard added > 0 else {
        return [.warn(StyledText(l.t("Nothing to undo in this pass yet.", "本轮还没有可撤销的内容。"), .warn))]
      }
      added -= 1
      return [.undo]
    }
    if let waiting = pending {
      pending = nil
      let choice = AnswerParsing.normalise(text)
      if WalkEngine.control(text) == nil {
        var chosen: QuestionType? = nil
        if choice.isEmpty || choice == "1" { chosen = type }
        if choice == "2", let detected = waiting.detected { chosen = detected }
        if let chosen { return add(waiting.text, as: chosen, announce: true) }
        if choice == "3" || (choice == "2" && waiting.detected == nil) {
          return [.say(StyledText(l.t("Type the question again, rewritten.", "请重新写这个问题。"), .dim))]
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
      return [.say(StyledText(Wrap.text(out.plain, width: context.width)) + "\n" + render())]
    case .back?:
      typeIndex = max(0, typeIndex - 1)
      return [.say(render())]
    case .done?:
      return finish()
    case .skip?, .clear?, nil:
      break
    }
    if text.isEmpty || WalkEngine.control(text) == .skip {
      typeIndex += 1
      if typeIndex >= order.count { return finish() }
      return [.say(render())]
    }
    let examples = info?.examples ?? []
    if let picked = AnswerParsing.numbers(text) {
      guard picked.allSatisfy({ (1...examples.count).contains($0) }) else {
        return [.warn(StyledText(l.t("Pick numbers from 1 to \(examples.count).", "请选择 1 到 \(examples.count) 之间的编号。"), .warn))]
      }
      var effects: [FlowEffect] = []
      for n in picked { effects += add(examples[n - 1], as: type, quiet: true) }
      return effects + [.say(StyledText(l.t("Added \(picked.count) question(s).", "已添加 \(picked.count) 个问题。"), .good))]
    }
    // A question that reads as another type than this slot's is not stored here in silence.
    guard let result = classify(text) else { return add(text, as: type, announce: false) }
    // A check for other concerns is closed too: as an open discovery question it would close the talk.
    let closed = type == .open && result.weaknesses.contains { $0.id == "closed" || $0.id == "concern-check" }
    // A close call that the slot's type shares is no disagreement.
    let top = result.type.flatMap { result.scores[$0] } ?? 0
    let detected = result.type.flatMap { $0 == type || (result.scores[type] ?? 0) >= top ? nil : $0 }
    if detected != nil || closed {
      let labels = Labels(book, l)
      var out = StyledText(
        l.t("This does not read as \(article(labels.questionType(type))) \(labels.questionType(type).lowercased()):", "这个问题读起来不像\(labels.questionType(type))："), .warn)
      out.append("\n")
      out += QuestionFeedback.render(result, book: book, intended: type, l: l, width: context.width)
      out.append("\n  1  " + l.t("keep it as \(labels.questionType(type).lowercased()) (Enter)", "仍作为\(labels.questionType(type))保存（Enter）"))
      if let detected { out.append("\n  2  " + l.t("store it as \(labels.questionType(detected).lowercased())", "作为\(labels.questionType(detected))保存")) }
      out.append("\n  \(detected == nil ? 2 : 3)  " + l.t("rewrite it", "重写"))
      pending = (text, detected)
      return [.say(out)]
    }
    return add(text, as: type, announce: false)
  }

  func article(_ word: String) -> String { "aeiouAEIOU".contains(word.first ?? "x") ? "an" : "a" }

  /// The edit that adds a question to the plan.
  public static func edit(_ text: String, as type: QuestionType, l: L10n) -> PlanEdit {
    PlanEdit(l.t("added question", "添加问题")) { plan, now in
      plan.questionPlan.append(PlannedQuestion(type: type, text: text, createdAt: now))
    }
  }

  /// "Added to the plan: Open question", with how the question reads when that is not the type
  /// it was stored as, or it has weaknesses.
  public static func added(_ type: QuestionType, _ result: QuestionClassifier.Result?, book: Playbook, l: L10n, width: Int) -> StyledText {
    var out = StyledText(l.t("Added to the plan: ", "已加入计划：") + Labels(book, l).questionType(type), .good)
    if let result, result.type != type || !result.weaknesses.isEmpty {
      out.append("\n")
      out += QuestionFeedback.render(result, book: book, intended: type, l: l, width: width)
    }
    return out
  }

  /// Adds a question (saved at once) and counts it for `undo`. Quietly (picked examples): no
  /// word when it is already there. Announced (a choice after a disagreement): just the type.
  /// Otherwise: the type and how it reads.
  func add(_ text: String, as type: QuestionType, quiet: Bool = false, announce: Bool = false) -> [FlowEffect] {
    if context.plan?.questionPlan.contains(where: { $0.text == text && $0.type == type }) == true {
      return quiet || announce ? [] : [.say(StyledText(l.t("Already in the plan.", "计划中已有这个问题。"), .dim))]
    }
    let edit = QuestionFlow.edit(text, as: type, l: l)
    let before = context.plan
    context = context.applying(edit)
    guard context.plan != before else { return [.edit(edit)] }
    added += 1
    if quiet { return [.edit(edit)] }
    if announce { return [.edit(edit), .say(StyledText(l.t("Added to the plan: ", "已加入计划：") + Labels(book, l).questionType(type), .good))] }
    return [.edit(edit), .say(QuestionFlow.added(type, classify(text), book: book, l: l, width: context.width))]
  }

  func finish() -> [FlowEffect] {
    var effects: [FlowEffect] = []
    if let waiting = pending {
      pending = nil
      effects.append(.say(StyledText(l.t("Not saved (it was waiting for your choice): ", "未保存（还在等你选择）：") + waiting.text, .warn)))
    }
    guard let plan = context.plan else { return effects + [.done] }
    let labels = Labels(book, l)
    var out = StyledText("\n" + l.t("Question plan: ", "提问计划："), .heading)
    out.append(QuestionType.allCases.map { t in "\(labels.questionType(t)) \(plan.questionPlan.filter { $0.type == t }.count)" }.joined(separator: " · "))
    let gaps = context.findings().filter { $0.section == .questions }
    if !gaps.isEmpty {
      out.append("\n")
      out += FindingsView.render(gaps, l: l, width: context.width)
    }
    out.append("\n" + l.t("`show questions` lists them; `questions check TEXT` names the type of any question.", "用 `show questions` 查看；用 `questions check 问题` 判断任意问题的类型。"), .dim)
    return effects + [.say(out), .done]
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    self.context = context
    return finish()
  }
}
