/// What the rep is asked at each step of a drill, and the help `?` shows there.
extension DrillView {
  /// The strategies a rep chooses from for the Process step: the category's, or every
  /// category's when the objection has none.
  public func strategies(for category: ObjectionCategory?) -> [StrategyInfo] {
    if let c = category.flatMap({ book.category($0) }) { return c.strategies }
    return book.categories.flatMap(\.strategies)
  }

  /// "L S [C] P A · 3 of 5"
  public func progress(_ step: LSCPAStep) -> String {
    let order = LSCPAStep.allCases.firstIndex(of: step) ?? 0
    let letters = LSCPAStep.allCases.map { s -> String in
      let letter = String((book.step(s)?.name ?? s.rawValue).prefix(1)).uppercased()
      return s == step ? "[\(letter)]" : letter
    }.joined(separator: " ")
    return letters + " · " + l.t("\(order + 1) of 5", "第 \(order + 1)/5 步")
  }

  /// The question for the step at `index`.
  public func prompt(_ scenario: DrillScenario, index: Int) -> StyledText {
    let id = scenario.stepIDs[index]
    var out = StyledText()
    if let step = LSCPAStep(rawValue: id) {
      let info = book.step(step)
      out.append(progress(step), .dim)
      out.append("\n" + (info?.name ?? id), .bold)
      if let purpose = info?.purpose { out.append("\n" + Wrap.text(purpose, width: width, indent: "  "), .dim) }
      out.append("\n" + Wrap.text(info?.prompt ?? l.t("What do you say?", "你会怎么说？"), width: width), .bold)
      return out
    }
    let labels = Labels(book, l)
    switch id {
    case "question":
      let type = scenario.questionType ?? .open
      out.append(l.t("Write a question of this type: ", "写一个这种类型的问题：") + labels.questionType(type), .bold)
      if let purpose = book.questionType(type)?.purpose { out.append("\n" + Wrap.text(purpose, width: width, indent: "  "), .dim) }
    case "name":
      out.append(l.t("Which type of question is it? Answer with the number or the name.", "这是哪种类型的问题？输入编号或名称。"), .bold)
      for (i, t) in QuestionType.allCases.enumerated() { out.append("\n  \(i + 1)  " + labels.questionType(t)) }
    case "give-and-get":
      out.append(l.t("Answer with a give-and-get: what could you give, and what do you ask in return?", "用交换条件来回答：你可以让出什么，又要换回什么？"), .bold)
    default:
      out.append(l.t("What do you say?", "你会怎么说？"), .bold)
    }
    return out
  }

  /// The strategy choice before the Process line.
  public func strategyChoice(_ category: ObjectionCategory?) -> StyledText {
    var out = StyledText(progress(.process) + " · " + l.t("choose the strategy", "选择处理策略"), .dim)
    out.append("\n" + l.t("Which strategies will you use? Pick one or more by number (e.g. 1 3).", "你打算用哪些策略？输入一个或多个编号（如 1 3）。"), .bold)
    for (i, s) in strategies(for: category).enumerated() {
      out.append("\n  \(i + 1)  ")
      out.append(s.name, .bold)
      if let how = s.how { out.append("\n" + Wrap.text(how, width: width, indent: "     "), .dim) }
    }
    return out
  }

  /// What `?` shows at a step: what to do and avoid (LSCPA), when to use the type and how to
  /// recognise it (questions), the concession principles (negotiation).
  public func help(_ scenario: DrillScenario, index: Int) -> StyledText {
    let id = scenario.stepIDs[index]
    var lines: [String] = []
    if let step = LSCPAStep(rawValue: id), let info = book.step(step) {
      if !info.doList.isEmpty {
        lines.append(l.t("Do:", "要："))
        lines += info.doList.map { "  • " + $0 }
      }
      if !info.avoid.isEmpty {
        lines.append(l.t("Avoid:", "避免："))
        lines += info.avoid.map { "  • " + $0 }
      }
    } else if id == "question" || id == "name" {
      let types = id == "question" ? [scenario.questionType ?? .open] : QuestionType.allCases
      for t in types {
        guard let info = book.questionType(t) else { continue }
        lines.append(info.name + l.t(":", "："))
        if let when = info.when { lines.append("  " + l.t("When: ", "何时使用：") + when) }
        if let recognise = info.recognise { lines.append("  " + l.t("How to recognise it: ", "如何识别：") + recognise) }
      }
    } else if let part = book.part("concessions") {
      lines += part.principles.map { "• " + $0 }
    }
    lines.append(l.t("(`skip` scores this step 0 and moves on; `done` leaves the drill, saved.)", "（`skip` 本步记 0 分并继续；`done` 离开练习，已作答的内容会保存。）"))
    return StyledText(lines.map { Wrap.text($0, width: width) }.joined(separator: "\n"))
  }
}
