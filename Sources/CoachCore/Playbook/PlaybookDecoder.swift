/// Turns the (merged) YAML of each module into the typed playbook, reporting every problem.
enum PlaybookDecoder {
  static let modules = [
    "account", "discovery", "questions", "relationships", "objections", "rubric",
    "negotiation", "checks", "lessons", "quiz", "drills",
    "assignments",
    "management",
    "answers",
  ]
  /// Modules a playbook may leave out (a trainer's folder adds them).
  static let optionalModules = ["assignments", "answers"]

  static let moduleKeys: [String: [String]] = [
    "account": ["traits", "walks"],
    "discovery": ["walks"],
    "questions": ["types", "weak"],
    "relationships": ["roles", "attitudes", "roleGuide", "walks"],
    "objections": ["walks", "steps", "categories"],
    "rubric": ["steps"],
    "negotiation": ["parts", "terms", "teamRoles", "arenas", "closing"],
    "checks": ["findings"],
    "lessons": ["lessons"],
    "quiz": ["items"],
    "drills": ["objection", "questions", "negotiation"],
    "assignments": ["assignments"],
    "management": ["walks"],
    "answers": ["steps"],
  ]

  static func decode(module: String, node: YAMLNode, into book: inout Playbook, problems: ProblemList) {
    let keys = ["module", "language", "title"] + (moduleKeys[module] ?? [])
    // The Chinese ends in a space so that what follows the backticks is set apart ("模块 `quiz` 的 `title`").
    guard let r = NodeReader(node, what: Bilingual("the \(module) module", "模块 `\(module)` "), keys: keys, problems: problems) else { return }
    if let title = r.text("title") { book.titles[module] = title }
    switch module {
    case "account":
      book.traits = r.texts("traits")
      addWalks(r, module: module, into: &book)
    case "discovery":
      addWalks(r, module: module, into: &book)
    case "questions":
      book.questionTypes = r.list("types") { questionType($0, problems) }
      book.weakQuestions = r.list("weak") { weak($0, problems) }
      r.checkUniqueIDs("types", what: Bilingual("question type", "问题类型"))
    case "relationships":
      book.roles = r.list("roles") { role($0, problems) }
      book.attitudes = r.list("attitudes") { attitude($0, problems) }
      if let g = r.child("roleGuide", what: Bilingual("the role guide", "角色判断指引"), keys: ["question", "options"]) {
        book.roleGuide.question = g.text("question", required: true)
        book.roleGuide.options = g.list("options", required: true) { guideOption($0, problems) }
      }
      addWalks(r, module: module, into: &book)
      r.checkUniqueIDs("roles", what: Bilingual("role", "决策者角色"))
      r.checkUniqueIDs("attitudes", what: Bilingual("attitude", "态度"))
    case "objections":
      book.steps = r.list("steps") { step($0, problems) }
      book.categories = r.list("categories") { category($0, problems) }
      addWalks(r, module: module, into: &book)
      r.checkUniqueIDs("steps", what: Bilingual("step", "异议处理步骤"))
      r.checkUniqueIDs("categories", what: Bilingual("category", "异议类别"))
    case "rubric":
      for s in r.list("steps", { rubricStep($0, problems) }) { book.rubric[s.id] = s }
      r.checkUniqueIDs("steps", what: Bilingual("rubric step", "评分步骤"))
    case "negotiation":
      book.negotiationParts = r.list("parts") { part($0, problems) }
      book.terms = r.list("terms") { term($0, problems) }
      book.teamRoles = r.list("teamRoles") { teamRole($0, problems) }
      book.arenas = r.list("arenas") { arena($0, problems) }
      book.closing = r.list("closing") { closing($0, problems) }
      for key in ["parts", "terms", "teamRoles", "arenas", "closing"] { r.checkUniqueIDs(key, what: Bilingual("item", "条目")) }
    case "checks":
      for f in r.list("findings", { finding($0, problems) }) { book.findings[f.id] = f }
      r.checkUniqueIDs("findings", what: Bilingual("finding", "检查结果"))
    case "lessons":
      book.lessons = r.list("lessons") { lesson($0, problems) }
      r.checkUniqueIDs("lessons", what: Bilingual("lesson", "课程"))
    case "quiz":
      book.quiz = r.list("items") { quizItem($0, problems) }
      r.checkUniqueIDs("items", what: Bilingual("quiz item", "测验题"))
    case "drills":
      book.objectionDrills = r.list("objection") { objectionDrill($0, problems) }
      book.questionDrills = r.list("questions") { questionDrill($0, problems) }
      book.negotiationDrills = r.list("negotiation") { negotiationDrill($0, problems) }
      for key in ["objection", "questions", "negotiation"] { r.checkUniqueIDs(key, what: Bilingual("drill", "练习")) }
    case "assignments":
      book.assignments = r.list("assignments") { assignment($0, book: book, problems) }
      r.checkUniqueIDs("assignments", what: Bilingual("assignment", "练习任务"))
    case "management":
      addWalks(r, module: module, into: &book)
    case "answers":
      GradedAnswerDecoder.decode(r, into: &book, problems: problems)
    default:
      break
    }
  }

  // MARK: walks and prompts

  private static func addWalks(_ r: NodeReader, module: String, into book: inout Playbook) {
    r.checkUniqueIDs("walks", what: Bilingual("walk", "引导流程"))
    for walk in r.list("walks", { walk($0, r.problems) }) {
      if book.walks[walk.id] != nil, let n = r.node["walks"]?.items?.first(where: { $0["id"]?.scalar == walk.id }) {
        r.problems.add(n.location, "walk id `\(walk.id)` is already used by another module", "引导流程 id `\(walk.id)` 已被另一个模块使用")
      }
      if book.walks[walk.id] == nil { book.walkOrder.append((module, walk.id)) }
      book.walks[walk.id] = walk
    }
  }

  static func walk(_ node: YAMLNode, _ problems: ProblemList) -> Walk? {
    guard let r = NodeReader(node, what: Bilingual("a walk", "引导流程"), keys: ["id", "title", "goal", "tasks", "next", "groups", "prompts"], problems: problems),
      let id = r.id()
    else { return nil }
    var w = Walk(id: id, title: r.text("title", required: true) ?? id)
    w.goal = r.text("goal")
    w.tasks = r.texts("tasks")
    w.next = r.text("next")
    w.groups = r.list("groups") { g in
      guard let gr = NodeReader(g, what: Bilingual("a group", "分组"), keys: ["id", "title", "intro"], problems: problems), let gid = gr.id() else { return nil }
      return WalkGroup(id: gid, title: gr.text("title", required: true) ?? gid, intro: gr.text("intro"))
    }
    w.prompts = r.list("prompts", required: true) { prompt($0, problems) }
    r.checkUniqueIDs("prompts", what: Bilingual("prompt", "提示"))
    r.checkUniqueIDs("groups", what: Bilingual("group", "分组"))
    for (p, pn) in zip(w.prompts, r.node["prompts"]?.items ?? []) where p.group != nil && w.group(p.group) == nil {
      problems.add(
        pn["group"]?.location ?? pn.location, "prompt `\(p.id)` names group `\(p.group!)`, which this walk does not define",
        "提示 `\(p.id)` 指定的分组 `\(p.group!)` 在这个引导流程中没有定义")
    }
    return w
  }

  static let promptKeys = ["id", "kind", "fills", "group", "label", "text", "hint", "source", "options", "scale", "examples", "industries", "optional"]

  static func examples(_ r: NodeReader) -> [QuestionType: [String]] {
    var out: [QuestionType: [String]] = [:]
    if let e = r.child("examples", what: Bilingual("examples by question type", "按问题类型分列的示例"), keys: QuestionType.allCases.map(\.rawValue)) {
      for t in QuestionType.allCases {
        let list = e.texts(t.rawValue)
        if !list.isEmpty { out[t] = list }
      }
    }
    return out
  }

  static func industryVariant(_ node: YAMLNode, _ problems: ProblemList) -> IndustryVariant? {
    guard let r = NodeReader(node, what: Bilingual("an industry variant", "行业版本"), keys: ["id", "hint", "source", "examples"], problems: problems), let id = r.id() else {
      return nil
    }
    guard Industry.isID(id) else {
      problems.add(
        node["id"]!.location, "`\(id)` is not an industry id: use lower-case letters, digits and dashes, as in `logistics`",
        "`\(id)` 不是行业 id：请用小写字母、数字和连字符，例如 `logistics`")
      return nil
    }
    var v = IndustryVariant(id: id, hint: r.text("hint"))
    v.source = source(r, required: v.hint != nil)
    v.examples = examples(r)
    if v.hint == nil && v.examples.isEmpty {
      problems.add(node.location, "industry variant `\(id)` has neither `hint` nor `examples`", "行业版本 `\(id)` 既没有 `hint` 也没有 `examples`")
    }
    return v
  }

  /// The `source` field: where an item comes from (see `SourceRef`); required where asked.
  static func source(_ r: NodeReader, required: Bool) -> String? {
    guard
      let s = r.text(
        "source", required: required,
        meaning: Bilingual(
          "where it comes from: course part and slide heading, article section, or `ours`",
          "出处：课程部分和幻灯片标题、文章章节，或 `ours`"))
    else { return nil }
    if SourceRef.parse(s) == nil, let n = r.node["source"] {
      r.problems.add(n.location, SourceRef.expected.en + "; found `\(s)`", SourceRef.expected.zh + "；实际是 `\(s)`")
    }
    return s
  }

  static func prompt(_ node: YAMLNode, _ problems: ProblemList) -> Prompt? {
    guard let r = NodeReader(node, what: Bilingual("a prompt", "提示"), keys: promptKeys, problems: problems), let id = r.id() else { return nil }
    let kind = r.enumeration("kind", PromptKind.self, allowed: PromptKind.allCases.map(\.rawValue), required: true)
    let fills = r.text("fills", required: true, meaning: Bilingual("the plan field its answer fills", "回答要填入的计划字段"))
    let text = r.text("text", required: true, meaning: Bilingual("the question the rep is asked", "向销售人员提出的问题"))
    guard let kind, let fills, let text else { return nil }
    var p = Prompt(id: id, kind: kind, fills: fills, text: text)
    p.group = r.text("group")
    p.label = r.text("label")
    p.hint = r.text("hint")
    p.source = source(r, required: p.hint != nil)
    p.options = r.list("options") { option($0, problems) }
    r.checkUniqueIDs("options", what: Bilingual("option", "选项"))
    if let s = r.child("scale", what: Bilingual("a scale", "评分刻度"), keys: ["low", "high"]) {
      p.scaleLow = s.text("low")
      p.scaleHigh = s.text("high")
    }
    p.examples = examples(r)
    p.industries = r.list("industries") { industryVariant($0, problems) }
    r.checkUniqueIDs("industries", what: Bilingual("industry", "行业"))
    p.optional = r.bool("optional") ?? false
    if kind == .choice && p.options.isEmpty { problems.add(node.location, "choice prompt `\(id)` needs `options`", "选择型提示 `\(id)` 缺少 `options`") }
    if kind != .choice && node["options"] != nil {
      problems.add(
        node["options"]!.location, "only choice prompts take `options`; `\(id)` is a \(kind.rawValue) prompt",
        "只有选择型（choice）提示才能有 `options`；`\(id)` 是 \(kind.rawValue) 类型的提示")
    }
    return p
  }

  static func option(_ node: YAMLNode, _ problems: ProblemList) -> ChoiceOption? {
    guard let r = NodeReader(node, what: Bilingual("an option", "选项"), keys: ["id", "label", "note"], problems: problems), let id = r.id() else { return nil }
    return ChoiceOption(id: id, label: r.text("label", required: true) ?? id, note: r.text("note"))
  }

  // MARK: signals

  static func signals(_ r: NodeReader, _ key: String) -> [Signal] {
    r.list(key) { signal($0, r.problems) }
  }

  static func signal(_ node: YAMLNode, _ problems: ProblemList) -> Signal? {
    guard let r = NodeReader(node, what: Bilingual("a signal", "信号"), keys: ["id", "at", "phrases", "test", "weight", "why", "supporting"], problems: problems) else { return nil }
    var s = Signal()
    s.id = r.text("id")
    s.at = r.enumeration("at", Signal.Position.self, allowed: ["start", "end", "anywhere"]) ?? .anywhere
    s.phrases = r.texts("phrases")
    s.test = r.enumeration("test", Signal.Test.self, allowed: Signal.Test.allCases.map(\.rawValue))
    s.supporting = r.bool("supporting") ?? false
    s.weight = r.int("weight", in: 1...10) ?? 1
    s.why = r.text("why")
    if s.phrases.isEmpty && s.test == nil {
      problems.add(
        node.location, "a signal needs `phrases` (words to look for) or a `test` (number, question or long)",
        "信号需要 `phrases`（要查找的词语）或 `test`（number、question 或 long）")
      return nil
    }
    return s
  }

  // MARK: questions and relationships

  static func questionType(_ node: YAMLNode, _ problems: ProblemList) -> QuestionTypeInfo? {
    guard
      let r = NodeReader(
        node, what: Bilingual("a question type", "问题类型"), keys: ["id", "name", "purpose", "when", "recognise", "improve", "examples", "signals", "compareWith"], problems: problems),
      let id = r.enumeration("id", QuestionType.self, allowed: QuestionType.allCases.map(\.rawValue), required: true)
    else { return nil }
    var q = QuestionTypeInfo(id: id, name: r.text("name", required: true) ?? id.rawValue)
    q.purpose = r.text("purpose")
    q.when = r.text("when")
    q.recognise = r.text("recognise")
    q.improve = r.text("improve")
    q.examples = r.texts("examples")
    q.signals = signals(r, "signals")
    q.compareWith = r.texts("compareWith")
    return q
  }

  static func weak(_ node: YAMLNode, _ problems: ProblemList) -> WeakQuestion? {
    guard
      let r = NodeReader(node, what: Bilingual("a weak-question pattern", "薄弱问法"), keys: ["id", "name", "signals", "advice", "compareWith"], problems: problems),
      let id = r.id()
    else {
      return nil
    }
    var w = WeakQuestion(id: id, name: r.text("name"), signals: signals(r, "signals"), advice: r.text("advice"))
    w.compareWith = r.texts("compareWith")
    return w
  }

  static func role(_ node: YAMLNode, _ problems: ProblemList) -> RoleInfo? {
    guard let r = NodeReader(node, what: Bilingual("a role", "决策者角色"), keys: ["id", "name", "who", "cares", "approach", "example"], problems: problems),
      let id = r.enumeration("id", StakeholderRole.self, allowed: StakeholderRole.allCases.map(\.rawValue), required: true)
    else { return nil }
    return RoleInfo(
      id: id, name: r.text("name", required: true) ?? id.rawValue, who: r.text("who"), cares: r.texts("cares"), approach: r.text("approach"), example: r.text("example"))
  }

  static func attitude(_ node: YAMLNode, _ problems: ProblemList) -> AttitudeInfo? {
    guard let r = NodeReader(node, what: Bilingual("an attitude", "态度"), keys: ["id", "name", "description"], problems: problems),
      let id = r.enumeration("id", Attitude.self, allowed: Attitude.allCases.map(\.rawValue), required: true)
    else { return nil }
    return AttitudeInfo(id: id, name: r.text("name", required: true) ?? id.rawValue, description: r.text("description"))
  }

  static func guideOption(_ node: YAMLNode, _ problems: ProblemList) -> RoleGuide.Choice? {
    guard let r = NodeReader(node, what: Bilingual("a role-guide option", "角色判断指引的选项"), keys: ["id", "label", "role"], problems: problems), let id = r.id(),
      let role = r.enumeration("role", StakeholderRole.self, allowed: StakeholderRole.allCases.map(\.rawValue), required: true)
    else { return nil }
    return RoleGuide.Choice(id: id, label: r.text("label", required: true) ?? id, role: role)
  }

  // MARK: objections and rubric

  static func step(_ node: YAMLNode, _ problems: ProblemList) -> StepInfo? {
    guard let r = NodeReader(node, what: Bilingual("an LSCPA step", "异议处理步骤（LSCPA）"), keys: ["id", "name", "purpose", "prompt", "do", "avoid", "examples"], problems: problems),
      let id = r.enumeration("id", LSCPAStep.self, allowed: LSCPAStep.allCases.map(\.rawValue), required: true)
    else { return nil }
    var s = StepInfo(id: id, name: r.text("name", required: true) ?? id.rawValue)
    s.purpose = r.text("purpose")
    s.prompt = r.text("prompt")
    s.doList = r.texts("do")
    s.avoid = r.texts("avoid")
    if let e = r.child("examples", what: Bilingual("examples by category", "按异议类别分列的示例"), keys: ObjectionCategory.allCases.map(\.rawValue)) {
      for c in ObjectionCategory.allCases { if let line = e.text(c.rawValue) { s.examples[c] = line } }
    }
    return s
  }

  static func category(_ node: YAMLNode, _ problems: ProblemList) -> CategoryInfo? {
    guard
      let r = NodeReader(
        node, what: Bilingual("an objection category", "异议类别"), keys: ["id", "name", "description", "signals", "wordings", "strategies", "compareWith"], problems: problems),
      let id = r.enumeration("id", ObjectionCategory.self, allowed: ObjectionCategory.allCases.map(\.rawValue), required: true)
    else { return nil }
    var c = CategoryInfo(id: id, name: r.text("name", required: true) ?? id.rawValue)
    c.description = r.text("description")
    c.signals = signals(r, "signals")
    c.wordings = r.texts("wordings")
    c.compareWith = r.texts("compareWith")
    c.strategies = r.list("strategies") { sn in
      guard let sr = NodeReader(sn, what: Bilingual("a strategy", "策略"), keys: ["id", "name", "how", "example", "signals", "source"], problems: problems), let sid = sr.id() else {
        return nil
      }
      return StrategyInfo(
        id: sid, name: sr.text("name", required: true) ?? sid, how: sr.text("how"), example: sr.text("example"), signals: signals(sr, "signals"),
        source: source(sr, required: true))
    }
    r.checkUniqueIDs("strategies", what: Bilingual("strategy", "策略"))
    return c
  }

  static let rubricStepIDs = ["listen", "sympathize", "confirm", "process", "assure", "question", "give-and-get"]

  static func rubricStep(_ node: YAMLNode, _ problems: ProblemList) -> RubricStep? {
    guard let r = NodeReader(node, what: Bilingual("a rubric step", "评分步骤"), keys: ["id", "better", "checks"], problems: problems), let id = r.id() else { return nil }
    guard rubricStepIDs.contains(id) else {
      problems.add(
        node["id"]!.location, "`\(id)` is not a rubric step; expected one of: \(rubricStepIDs.joined(separator: ", "))",
        "`\(id)` 不是评分步骤；可选值：\(rubricStepIDs.joined(separator: "、"))")
      return nil
    }
    var s = RubricStep(id: id, better: r.text("better"))
    s.checks = r.list("checks", required: true) { cn in
      guard let cr = NodeReader(cn, what: Bilingual("a rubric check", "评分检查项"), keys: ["id", "kind", "description", "advice", "any", "none", "strategies"], problems: problems),
        let cid = cr.id()
      else { return nil }
      var c = RubricCheck(id: cid, description: cr.text("description", required: true, meaning: Bilingual("what the check looks for", "该检查项要检查什么")) ?? cid)
      c.advice = cr.text("advice")
      c.kind = cr.enumeration("kind", RubricCheck.Kind.self, allowed: ["essential", "extra", "harm"]) ?? .extra
      c.any = signals(cr, "any")
      c.none = signals(cr, "none")
      c.strategies = cr.bool("strategies") ?? false
      if c.any.isEmpty && c.none.isEmpty && !c.strategies {
        problems.add(
          cn.location, "rubric check `\(cid)` looks for nothing: give it `any`, `none` or `strategies: true`",
          "评分检查项 `\(cid)` 什么也不检查：请给它加上 `any`、`none` 或 `strategies: true`")
      }
      if c.kind == .harm, c.none.isEmpty {
        problems.add(
          cn.location, "rubric check `\(cid)` is a harm check: give it `none` (the words that do harm)",
          "评分检查项 `\(cid)` 是伤害性检查：请给它加上 `none`（会造成伤害的说法）")
      }
      return c
    }
    r.checkUniqueIDs("checks", what: Bilingual("check", "检查项"))
    return s
  }

  // MARK: negotiation

  static func part(_ node: YAMLNode, _ problems: ProblemList) -> NegotiationPart? {
    guard let r = NodeReader(node, what: Bilingual("a negotiation part", "谈判准备环节"), keys: ["id", "title", "purpose", "hint", "principles", "prompts"], problems: problems),
      let id = r.id()
    else { return nil }
    var p = NegotiationPart(id: id, title: r.text("title", required: true) ?? id)
    p.purpose = r.text("purpose")
    p.hint = r.text("hint")
    p.principles = r.texts("principles")
    p.prompts = r.list("prompts") { prompt($0, problems) }
    r.checkUniqueIDs("prompts", what: Bilingual("prompt", "提示"))
    return p
  }

  static func term(_ node: YAMLNode, _ problems: ProblemList) -> TermInfo? {
    guard let r = NodeReader(node, what: Bilingual("a term", "谈判条款"), keys: ["id", "name", "better", "unit", "hint"], problems: problems),
      let id = r.enumeration("id", NegotiationTerm.self, allowed: NegotiationTerm.allCases.map(\.rawValue), required: true)
    else { return nil }
    return TermInfo(
      id: id, name: r.text("name", required: true) ?? id.rawValue,
      better: r.enumeration("better", BetterDirection.self, allowed: ["higher", "lower"]), unit: r.text("unit"), hint: r.text("hint"))
  }

  static func teamRole(_ node: YAMLNode, _ problems: ProblemList) -> TeamRoleInfo? {
    guard let r = NodeReader(node, what: Bilingual("a team role", "团队角色"), keys: ["id", "name", "duty"], problems: problems),
      let id = r.enumeration("id", TeamRole.self, allowed: TeamRole.allCases.map(\.rawValue), required: true)
    else { return nil }
    return TeamRoleInfo(id: id, name: r.text("name", required: true) ?? id.rawValue, duty: r.text("duty"))
  }

  static func arena(_ node: YAMLNode, _ problems: ProblemList) -> Arena? {
    guard let r = NodeReader(node, what: Bilingual("a negotiation arena", "谈判场景"), keys: ["id", "name", "principle", "tactics"], problems: problems), let id = r.id() else {
      return nil
    }
    return Arena(id: id, name: r.text("name", required: true) ?? id, principle: r.text("principle"), tactics: r.texts("tactics"))
  }

  static func closing(_ node: YAMLNode, _ problems: ProblemList) -> ClosingTechnique? {
    guard let r = NodeReader(node, what: Bilingual("a closing technique", "成交技巧"), keys: ["id", "name", "purpose", "tactics"], problems: problems), let id = r.id() else {
      return nil
    }
    return ClosingTechnique(id: id, name: r.text("name", required: true) ?? id, purpose: r.text("purpose"), tactics: r.texts("tactics"))
  }

  // MARK: checks, lessons, quiz, drills

  static func finding(_ node: YAMLNode, _ problems: ProblemList) -> FindingText? {
    guard let r = NodeReader(node, what: Bilingual("a finding", "检查结果"), keys: ["id", "title", "message", "source"], problems: problems), let id = r.id(),
      let message = r.text("message", required: true, meaning: Bilingual("what the rep is told", "要告诉销售人员的话"))
    else { return nil }
    return FindingText(id: id, title: r.text("title"), message: message, source: source(r, required: true))
  }

  static func lesson(_ node: YAMLNode, _ problems: ProblemList) -> Lesson? {
    guard let r = NodeReader(node, what: Bilingual("a lesson", "课程"), keys: ["id", "title", "summary", "pages", "check"], problems: problems), let id = r.id() else { return nil }
    var l = Lesson(id: id, title: r.text("title", required: true) ?? id, summary: r.text("summary"))
    l.pages = r.list("pages", required: true) { pn in
      guard let pr = NodeReader(pn, what: Bilingual("a lesson page", "课程页"), keys: ["id", "title", "text", "source"], problems: problems), let pid = pr.id(),
        let text = pr.text("text", required: true)
      else { return nil }
      return Lesson.Page(id: pid, title: pr.text("title"), text: text, source: source(pr, required: true))
    }
    l.check = r.texts("check")
    r.checkUniqueIDs("pages", what: Bilingual("page", "课程页"))
    return l
  }

  static func quizItem(_ node: YAMLNode, _ problems: ProblemList) -> QuizItem? {
    guard
      let r = NodeReader(
        node, what: Bilingual("a quiz item", "测验题"), keys: ["id", "lesson", "kind", "question", "options", "answer", "explanation", "source"], problems: problems),
      let id = r.id(), let lesson = r.text("lesson", required: true),
      let kind = r.enumeration("kind", QuizItem.Kind.self, allowed: ["choice", "classify"], required: true),
      let question = r.text("question", required: true), let answer = r.text("answer", required: true)
    else { return nil }
    let options = r.list("options", required: true) { option($0, problems) }
    r.checkUniqueIDs("options", what: Bilingual("option", "选项"))
    if options.count < 2 { problems.add(node.location, "quiz item `\(id)` needs at least two options", "测验题 `\(id)` 至少需要两个选项") }
    if !options.isEmpty, !options.contains(where: { $0.id == answer }) {
      let ids = options.map(\.id)
      problems.add(
        node["answer"]!.location, "the answer `\(answer)` of quiz item `\(id)` is not one of its option ids (\(ids.joined(separator: ", ")))",
        "测验题 `\(id)` 的答案 `\(answer)` 不是它的选项 id 之一（\(ids.joined(separator: "、"))）")
    }
    return QuizItem(
      id: id, lesson: lesson, kind: kind, question: question, options: options, answer: answer, explanation: r.text("explanation"),
      source: source(r, required: true))
  }

  static func objectionDrill(_ node: YAMLNode, _ problems: ProblemList) -> ObjectionDrill? {
    guard let r = NodeReader(node, what: Bilingual("an objection drill", "异议练习"), keys: ["id", "category", "context", "customer", "followUps"], problems: problems),
      let id = r.id(),
      let category = r.enumeration("category", ObjectionCategory.self, allowed: ObjectionCategory.allCases.map(\.rawValue), required: true),
      let customer = r.text("customer", required: true)
    else { return nil }
    var drill = ObjectionDrill(id: id, category: category, context: r.text("context"), customer: customer)
    drill.followUps = followUps(r, steps: LSCPAStep.allCases.map(\.rawValue), problems)
    return drill
  }

  static func questionDrill(_ node: YAMLNode, _ problems: ProblemList) -> QuestionDrill? {
    guard let r = NodeReader(node, what: Bilingual("a question drill", "提问练习"), keys: ["id", "task", "context", "type", "question"], problems: problems), let id = r.id(),
      let task = r.enumeration("task", QuestionDrill.Task.self, allowed: ["write", "name"], required: true)
    else { return nil }
    let type = r.enumeration("type", QuestionType.self, allowed: QuestionType.allCases.map(\.rawValue), required: true)
    let question = r.text("question", required: task == .name)
    return QuestionDrill(id: id, task: task, context: r.text("context"), type: type, question: question)
  }

  static func negotiationDrill(_ node: YAMLNode, _ problems: ProblemList) -> NegotiationDrill? {
    guard let r = NodeReader(node, what: Bilingual("a negotiation drill", "谈判练习"), keys: ["id", "context", "customer", "followUps"], problems: problems), let id = r.id(),
      let customer = r.text("customer", required: true)
    else { return nil }
    var drill = NegotiationDrill(id: id, context: r.text("context"), customer: customer)
    drill.followUps = followUps(r, steps: ["give-and-get"], problems)
    return drill
  }
}
