/// Logs one objection and walks LSCPA for it: the customer's words, the category (suggested,
/// with the reason), who raised it, then Listen → Sympathize → Confirm → Process (strategies
/// first) → Assure, with a good example per step and rubric advice after each answer.
public final class ObjectionFlow: Flow, EffectCollecting {
  enum Phase: Equatable {
    case statement, category, raisedBy, strategies
    case step(LSCPAStep)
  }

  let book: Playbook
  let l: L10n
  var index: Int?
  var phase: Phase
  var suggestion: CategorySuggester.Suggestion?
  var presetCategory: ObjectionCategory?
  /// The playbooks whose signals read the customer's words and the rep's lines, by language.
  let signals: [Lang: Playbook]
  /// The plan as this walk's edits leave it, and the session's settings.
  var context: FlowContext
  /// What the line being taken produces.
  var effects: [FlowEffect] = []

  public init(book: Playbook, signals: [Lang: Playbook], l: L10n, index: Int?, category: ObjectionCategory?, plan: AccountPlan) {
    self.book = book
    self.signals = signals
    self.l = l
    context = FlowContext(plan: plan, book: book, l: l, now: Timestamp(secondsSinceEpoch: 0))
    self.index = index
    self.presetCategory = category
    if let index, plan.objections.indices.contains(index) {
      let o = plan.objections[index]
      if o.category == nil {
        phase = .category
      } else if let open = LSCPAStep.allCases.first(where: { ($0 == .process && o.strategies.isEmpty) || (o.lscpa[$0] ?? "").isEmpty }) {
        phase = open == .process && o.strategies.isEmpty ? .strategies : .step(open)
      } else {
        phase = .step(.listen)
      }
    } else {
      phase = .statement
    }
  }

  public var prompt: String { "  › " }

  /// The strategies of the objection's category; none while no category is chosen.
  func strategyOptions() -> [StrategyInfo] {
    objection()?.category.flatMap { book.category($0) }?.strategies ?? []
  }

  func objection() -> Objection? {
    guard let index, let plan = context.plan, plan.objections.indices.contains(index) else { return nil }
    return plan.objections[index]
  }
  var labels: Labels { Labels(book, l) }

  // MARK: rendering

  public func start(_ context: FlowContext) -> [FlowEffect] {
    self.context = context
    var out = StyledText(l.t("Objection handling — LSCPA", "异议处理——LSCPA"), .heading)
    out.append(
      "\n"
        + l.t(
          "Listen, Sympathize, Confirm, Process, Assure: plan the line you will say at each step.",
          "倾听、同理、确认、处理、保证：为每一步写下你准备说的话。"))
    out.append(
      "\n"
        + l.t(
          "(? what the step is for · back · skip · done · Enter keeps the answer)",
          "（? 查看该步要点 · back 上一步 · skip 跳过 · done 结束 · Enter 保留原答案）"), .dim)
    if let o = objection() {
      out.append("\n" + l.t("Objection: ", "异议：") + "“" + o.statement + "” [" + labels.category(o.category) + "]")
    }
    return [.say(out + "\n" + render())]
  }

  func render() -> StyledText {
    let o = objection()
    var out = StyledText()
    switch phase {
    case .statement:
      let p = book.walks["objection"]?.prompts.first { $0.itemField == "statement" }
      out.append("\n" + (p?.text ?? l.t("What did the customer say, in their own words?", "客户的原话是什么？")), .bold)
      if let hint = p?.hint { out.append("\n" + Wrap.text(hint, width: context.width, indent: "  "), .dim) }
    case .category:
      out.append("\n" + l.t("Which kind of objection is it?", "这属于哪一类异议？"), .bold)
      for (i, c) in ObjectionCategory.allCases.enumerated() {
        out.append("\n  \(i + 1)  " + labels.category(c))
        if let d = book.category(c)?.description { out.append(" — " + DisplayWidth.truncate(d, to: 60), .dim) }
      }
      if let given = presetCategory, let s = suggestion, let c = s.category, c != given {
        // The rep named the category: it stands unless they change it.
        out.append("\n" + l.t("You said: ", "你指定的是：") + labels.category(given), .bold)
        out.append("\n" + l.t("The words sound more like: ", "从客户的话看，更像是：") + labels.category(c), .accent)
        for reason in s.reasons.prefix(2) { out.append("\n  • " + reason, .dim) }
        out.append("\n" + l.t("Enter keeps \(labels.category(given)); or type another (1–4 or its name).", "按 Enter 保留“\(labels.category(given))”；或输入其他类别（1–4 或名称）。"), .dim)
      } else if let s = suggestion, let c = s.category {
        if let other = s.unsureOf {
          out.append(
            "\n" + l.t("Not sure: the words fit ", "拿不准：客户的话既像") + labels.category(c) + l.t(" or ", "，也像") + labels.category(other)
              + l.t(" — you decide.", "，请你来判断。"), .accent)
        } else {
          out.append("\n" + l.t("The words suggest: ", "从客户的话看，像是：") + labels.category(c), .accent)
        }
        for reason in s.reasons.prefix(2) { out.append("\n  • " + reason, .dim) }
        if !s.wordingWords.isEmpty {
          out.append("\n  • " + l.t("Like the playbook's own examples: ", "和教材里的例句相近：") + s.wordingWords.prefix(3).map { "“\($0)”" }.joined(separator: l.t(", ", "、")), .dim)
        }
        out.append("\n" + l.t("Enter accepts it; or type another (1–4 or its name).", "按 Enter 接受；或输入其他类别（1–4 或名称）。"), .dim)
      }
    case .raisedBy:
      let p = book.walks["objection"]?.prompts.first { $0.itemField == "raisedBy" }
      out.append("\n" + (p?.text ?? l.t("Who raised it? (Enter to skip)", "是谁提出的？（按 Enter 跳过）")), .bold)
      let names = context.plan?.stakeholders.map(\.name) ?? []
      if !names.isEmpty {
        let hint = context.interactive ? l.t(" (Tab completes)", "（Tab 可补全）") : ""
        out.append("\n" + Wrap.text(l.t("Stakeholders: ", "决策者：") + names.joined(separator: l.t(", ", "、")) + hint, width: context.width, indent: "  "), .dim)
      }
    case .strategies:
      let c = o?.category.flatMap { book.category($0) }
      out.append("\n" + progress(.process) + " · " + l.t("choose the strategy", "选择处理策略"), .dim)
      out.append("\n" + l.t("Which strategies will you use? Pick one or more by number (e.g. 1 3).", "你打算用哪些策略？输入一个或多个编号（如 1 3）。"), .bold)
      for (i, s) in (c?.strategies ?? []).enumerated() {
        out.append("\n  \(i + 1)  ")
        out.append(s.name, .bold)
        if let how = s.how { out.append("\n" + Wrap.text(how, width: context.width, indent: "     "), .dim) }
      }
      if let chosen = o?.strategies, !chosen.isEmpty {
        out.append("\n  " + l.t("now: ", "当前：") + chosen.map { labels.strategy($0, in: o?.category) }.joined(separator: l.t(", ", "、")), .accent)
      }
    case .step(let step):
      let info = book.step(step)
      out.append("\n" + progress(step), .dim)
      out.append("\n" + (info?.name ?? step.rawValue), .bold)
      if let purpose = info?.purpose { out.append("\n" + Wrap.text(purpose, width: context.width)) }
      if step == .process, let o, !o.strategies.isEmpty, let c = o.category.flatMap({ book.category($0) }) {
        for id in o.strategies {
          if let s = c.strategies.first(where: { $0.id == id }), let example = s.example {
            out.append("\n" + Wrap.text(s.name + l.t(", for example: ", "，例如：") + "“" + example + "”", width: context.width, indent: "  "), .dim)
          }
        }
      } else if let c = o?.category, let example = info?.examples[c] {
        out.append("\n" + Wrap.text(l.t("A good line: ", "好的说法：") + "“" + example + "”", width: context.width, indent: "  "), .dim)
      }
      out.append("\n" + Wrap.text(info?.prompt ?? l.t("What will you say?", "你会怎么说？"), width: context.width), .bold)
      if let line = o?.lscpa[step], !line.isEmpty { out.append("\n  " + l.t("now: ", "当前：") + line, .accent) }
    }
    return out
  }

  func progress(_ step: LSCPAStep) -> String {
    let letters = LSCPAStep.allCases.map { s -> String in
      // The playbook's own step names, as drills show them (倾 同 确 处 保 in Chinese).
      let letter = String((book.step(s)?.name ?? s.rawValue).prefix(1)).uppercased()
      return s == step ? "[\(letter)]" : letter
    }.joined(separator: " ")
    return letters + " · " + l.t("\(step.order + 1) of 5", "第 \(step.order + 1)/5 步")
  }

  // MARK: input

  /// The phase each change saved in this walk was made in, so `undo` can return there.
  private var undoable: [Phase] = []

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    collect(context) { handle(line) }
  }

  /// One line; true when the walk has ended.
  private func handle(_ line: String) -> Bool {
    let text = AnswerParsing.tidy(line)
    if UndoWord.matches(text) {
      // `undo` takes back the last answer saved here and asks that question again.
      guard let last = undoable.popLast() else {
        warn(StyledText(l.t("Nothing to undo in this walk yet.", "本次引导中还没有可撤销的回答。"), .warn))
        return false
      }
      effects.append(.undo)
      phase = last
      if last == .statement {
        index = nil
        suggestion = nil
      }
      say(render())
      return false
    }
    switch WalkEngine.control(text) {
    case .help?:
      say(help() + "\n" + render())
      return false
    case .back?:
      back()
      say(render())
      return false
    case .skip?:
      return advance()
    case .done?:
      return finish()
    default:
      break
    }
    switch phase {
    case .statement:
      guard !text.isEmpty else {
        warn(StyledText(l.t("Write the customer's words first (or `done` to leave).", "请先写下客户的原话（或输入 `done` 离开）。"), .warn))
        return false
      }
      let lang = Lang.detect(text)
      let signals = signals[lang] ?? book
      var s = CategorySuggester(book: signals).suggest(text)
      if lang != l.lang { s = CategorySuggester.explain(s, in: book) }
      suggestion = s
      let category = presetCategory ?? s.category
      guard
        save(
          l.t("logged objection", "记录异议"),
          { plan, time in
            var o = Objection(statement: text, category: category, createdAt: time)
            o.answeredAt["statement"] = time
            plan.objections.append(o)
          })
      else { return true }
      index = (context.plan?.objections.count ?? 1) - 1
      if presetCategory != nil && (s.category == nil || s.category == presetCategory) {
        phase = .raisedBy
      } else {
        phase = .category
      }
      say(render())
      return false
    case .category:
      // A category the rep gave on the command line wins over the suggestion.
      var chosen = presetCategory ?? suggestion?.category ?? objection()?.category
      if !text.isEmpty {
        guard let c = ObjectionFlow.category(text) else {
          warn(StyledText(l.t("Type 1–4 or price, time, risk, decision.", "请输入 1–4 或 price、time、risk、decision。"), .warn))
          return false
        }
        chosen = c
      }
      guard let chosen else {
        warn(StyledText(l.t("Choose a category: 1–4.", "请选择类别：1–4。"), .warn))
        return false
      }
      guard
        update(
          l.t("objection category", "异议类别"),
          { o, time in
            o.category = chosen
            o.answeredAt["category"] = time
          })
      else { return true }
      return advance()
    case .raisedBy:
      if !text.isEmpty {
        // A name from the list, whole or in part (`Sean`, `王总`), is linked; other words stay.
        let match = StakeholderNameMatch(names: context.plan?.stakeholders.map(\.name) ?? [])
        let reading = match.read(text)
        if case .several(let fits) = reading {
          warn(StyledText(match.ambiguity(text, fits, l), .warn))
          return false
        }
        var name: String? = nil
        var link: String? = nil
        switch reading {
        case .person(let s):
          name = context.plan?.stakeholders[s].name
          link = context.plan?.stakeholders[s].id
        case .text(let words): name = words.isEmpty ? nil : words
        case .several: break
        }
        guard
          update(
            l.t("objection raised by", "异议提出人"),
            { o, time in
              o.raisedBy = name
              if let link, !link.isEmpty { o.raisedById = link }
              o.answeredAt["raisedBy"] = time
            })
        else { return true }
        if let echo = match.echo(reading, l) { say(StyledText("  = " + echo, .good)) }
      }
      return advance()
    case .strategies:
      let available = strategyOptions()
      guard !text.isEmpty, !available.isEmpty else { return advance() }
      guard let picked = AnswerParsing.choices(text, options: available.map { ChoiceOption(id: $0.id, label: $0.name) }) else {
        warn(StyledText(l.t("Pick strategies by number, from 1 to \(available.count).", "请按编号选择策略，范围 1 到 \(available.count)。"), .warn))
        return false
      }
      let ids = picked.map(\.id)
      guard
        update(
          l.t("objection strategies", "异议策略"),
          { o, time in
            o.strategies = ids
            o.answeredAt["strategies"] = time
          })
      else { return true }
      phase = .step(.process)
      say(render())
      return false
    case .step(let step):
      if !text.isEmpty {
        guard
          update(
            l.t("LSCPA ", "LSCPA ") + (book.step(step)?.name ?? step.rawValue),
            { o, time in
              o.lscpa[step] = text
              o.lscpa.answeredAt[step.rawValue] = time
            })
        else { return true }
        say(advice(step, text: text))
      }
      return advance()
    }
  }

  /// Short, concrete advice on what the rep wrote, from the rubric's checks. Never blocks.
  func advice(_ step: LSCPAStep, text: String) -> StyledText {
    let o = objection()
    let lang = Lang.detect(text)
    let rubricBook = signals[lang] ?? book
    let score = Rubric(book: rubricBook).score(
      step: step.rawValue, text: text, strategies: o?.strategies ?? [], category: o?.category,
      context: o?.statement ?? "")
    let explained =
      lang == l.lang
      ? score.results
      : score.results.map { r -> Rubric.CheckResult in
        var r = r
        if let local = book.rubric[step.rawValue]?.checks.first(where: { $0.id == r.check.id }) { r.check = local }
        return r
      }
    let failed = explained.filter { !$0.passed }
    guard !failed.isEmpty else {
      return StyledText("  ✓ " + l.t("That line does what this step is for.", "这句话做到了这一步该做的事。"), .good)
    }
    var out = StyledText()
    for r in failed {
      if !out.spans.isEmpty { out.append("\n") }
      out.append("  ✗ " + r.check.description, .warn)
      if let advice = r.check.advice { out.append("\n" + Wrap.text(advice, width: context.width, indent: "    ")) }
    }
    return out
  }

  func help() -> StyledText {
    var out = StyledText()
    switch phase {
    case .step(let step):
      guard let info = book.step(step) else { return out }
      let w = context.width
      if !info.doList.isEmpty { out.append(l.t("Do:", "要：") + "\n" + info.doList.map { Wrap.text("• " + $0, width: w, indent: "  ") }.joined(separator: "\n")) }
      if !info.avoid.isEmpty { out.append("\n" + l.t("Avoid:", "避免：") + "\n" + info.avoid.map { Wrap.text("• " + $0, width: w, indent: "  ") }.joined(separator: "\n")) }
    case .statement, .category:
      // What customers typically say, per category (a trainer's own wordings included).
      out.append(l.t("What customers typically say:", "客户的典型说法："), .bold)
      for c in book.categories {
        out.append("\n" + c.name, .accent)
        for w in c.wordings { out.append("\n" + Wrap.text("“" + w + "”", width: context.width, indent: "  ")) }
      }
    default:
      out.append(l.t("Type your answer, or `done` to leave; everything is saved as you go.", "输入你的回答，或输入 `done` 离开；所有内容都会随时保存。"), .dim)
    }
    return out
  }

  // MARK: moving

  func back() {
    switch phase {
    case .statement, .category: phase = index == nil ? .statement : .category
    case .raisedBy: phase = .category
    case .strategies: phase = .step(.confirm)
    case .step(.listen): phase = .raisedBy
    case .step(.process): phase = strategyOptions().isEmpty ? .step(.confirm) : .strategies
    case .step(let s): phase = .step(LSCPAStep.allCases[s.order - 1])
    }
  }

  func advance() -> Bool {
    switch phase {
    case .statement:
      guard index != nil else {
        warn(StyledText(l.t("The customer's words come first: write them, or `done` to leave.", "要先写下客户的原话：请输入，或输入 `done` 离开。"), .warn))
        say(render())
        return false
      }
      phase = .category
    case .category: phase = .raisedBy
    case .raisedBy: phase = .step(.listen)
    case .strategies: phase = .step(.process)
    // Without a category (it was skipped) there are no strategies to choose from.
    case .step(.confirm): phase = strategyOptions().isEmpty ? .step(.process) : .strategies
    case .step(.assure): return finish()
    case .step(let s): phase = .step(LSCPAStep.allCases[s.order + 1])
    }
    say(render())
    return false
  }

  func finish() -> Bool {
    guard let i = index, let plan = context.plan, i < plan.objections.count else {
      say(StyledText(l.t("No new objection was logged.", "没有记录新的异议。"), .dim))
      return true
    }
    say("\n" + PlanView(plan: plan, labels: labels, width: context.width).objectionCard(plan.objections[i], number: i + 1))
    say(
      StyledText(
        l.t(
          "When the customer accepts the answer: `objection resolve \(i + 1)`. `objection` lists them all.",
          "客户接受答复后：`objection resolve \(i + 1)`。用 `objection` 查看全部。"), .dim))
    let answered = LSCPAStep.allCases.contains { !(plan.objections[i].lscpa[$0] ?? "").isEmpty }
    if phase == .step(.assure), answered { effects.append(ActionFollowUp.offer(l: l)) }
    return true
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    [.left(saved: l.t("Left the objection; every answer so far is saved.", "已离开异议处理；目前的回答都已保存。"), left: l.t("Left the objection", "已离开异议处理")), .done]
  }

  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) {
    guard phase == .raisedBy else { return (0, []) }
    let names = context.plan?.stakeholders.map(\.name) ?? []
    var typed = beforeCursor
    while typed.first == " " { typed.removeFirst() }
    return (typed.unicodeScalars.count, StakeholderNameMatch(names: names).completions(typed))
  }

  // MARK: saving

  /// Saves a change (an edit effect) and remembers its phase for `undo`. False when there is no
  /// plan to change (the session then reports why and ends the walk).
  @discardableResult
  func save(_ what: String, _ body: @escaping (inout AccountPlan, String) -> Void) -> Bool {
    let edit = PlanEdit(what, body)
    effects.append(.edit(edit))
    guard context.plan != nil else { return false }
    let before = context.plan
    context = context.applying(edit)
    if context.plan != before { undoable.append(phase) }
    return true
  }

  func update(_ what: String, _ body: @escaping (inout Objection, String) -> Void) -> Bool {
    guard let i = index else { return false }
    return save(what) { plan, time in
      guard i < plan.objections.count else { return }
      body(&plan.objections[i], time)
    }
  }
}

extension ObjectionFlow {
  /// A category as typed: its id, its number (1–4), its Chinese name or an unambiguous prefix.
  public static func category(_ word: String) -> ObjectionCategory? {
    let w = AnswerParsing.normalise(word).lowercased()
    if let c = ObjectionCategory(rawValue: w) { return c }
    if let n = Int(w), (1...4).contains(n) { return ObjectionCategory.allCases[n - 1] }
    switch w {
    case "价格", "价格异议": return .price
    case "时间", "时间异议": return .time
    case "风险", "风险异议": return .risk
    case "决策", "决策异议": return .decision
    default:
      let m = ObjectionCategory.allCases.filter { $0.rawValue.hasPrefix(w) && !w.isEmpty }
      return m.count == 1 ? m[0] : nil
    }
  }
}

extension LSCPAStep {
  public var order: Int { Self.allCases.firstIndex(of: self)! }
}
