/// Turns the (merged) YAML of each module into the typed playbook, reporting every problem.
enum PlaybookDecoder {
  static let modules = ["account", "discovery", "questions", "relationships", "objections", "rubric",
                        "negotiation", "checks", "lessons", "quiz", "drills"]

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
  ]

  static func decode(module: String, node: YAMLNode, into book: inout Playbook, problems: ProblemList) {
    let keys = ["module", "language", "title"] + (moduleKeys[module] ?? [])
    guard let r = NodeReader(node, what: "the \(module) module", keys: keys, problems: problems) else { return }
    if let title = r.text("title") { book.titles[module] = title }
    switch module {
    case "account":
      book.traits = r.texts("traits")
      addWalks(r, into: &book)
    case "discovery":
      addWalks(r, into: &book)
    case "questions":
      book.questionTypes = r.list("types") { questionType($0, problems) }
      book.weakQuestions = r.list("weak") { weak($0, problems) }
      r.checkUniqueIDs("types", what: "question type")
    case "relationships":
      book.roles = r.list("roles") { role($0, problems) }
      book.attitudes = r.list("attitudes") { attitude($0, problems) }
      if let g = r.child("roleGuide", what: "the role guide", keys: ["question", "options"]) {
        book.roleGuide.question = g.text("question", required: true)
        book.roleGuide.options = g.list("options", required: true) { guideOption($0, problems) }
      }
      addWalks(r, into: &book)
      r.checkUniqueIDs("roles", what: "role")
      r.checkUniqueIDs("attitudes", what: "attitude")
    case "objections":
      book.steps = r.list("steps") { step($0, problems) }
      book.categories = r.list("categories") { category($0, problems) }
      addWalks(r, into: &book)
      r.checkUniqueIDs("steps", what: "step")
      r.checkUniqueIDs("categories", what: "category")
    case "rubric":
      for s in r.list("steps", { rubricStep($0, problems) }) { book.rubric[s.id] = s }
      r.checkUniqueIDs("steps", what: "rubric step")
    case "negotiation":
      book.negotiationParts = r.list("parts") { part($0, problems) }
      book.terms = r.list("terms") { term($0, problems) }
      book.teamRoles = r.list("teamRoles") { teamRole($0, problems) }
      book.arenas = r.list("arenas") { arena($0, problems) }
      book.closing = r.list("closing") { closing($0, problems) }
      for key in ["parts", "terms", "teamRoles", "arenas", "closing"] { r.checkUniqueIDs(key, what: "item") }
    case "checks":
      for f in r.list("findings", { finding($0, problems) }) { book.findings[f.id] = f }
      r.checkUniqueIDs("findings", what: "finding")
    case "lessons":
      book.lessons = r.list("lessons") { lesson($0, problems) }
      r.checkUniqueIDs("lessons", what: "lesson")
    case "quiz":
      book.quiz = r.list("items") { quizItem($0, problems) }
      r.checkUniqueIDs("items", what: "quiz item")
    case "drills":
      book.objectionDrills = r.list("objection") { objectionDrill($0, problems) }
      book.questionDrills = r.list("questions") { questionDrill($0, problems) }
      book.negotiationDrills = r.list("negotiation") { negotiationDrill($0, problems) }
      for key in ["objection", "questions", "negotiation"] { r.checkUniqueIDs(key, what: "drill") }
    default:
      break
    }
  }

  // MARK: walks and prompts

  private static func addWalks(_ r: NodeReader, into book: inout Playbook) {
    r.checkUniqueIDs("walks", what: "walk")
    for walk in r.list("walks", { walk($0, r.problems) }) {
      if book.walks[walk.id] != nil, let n = r.node["walks"]?.items?.first(where: { $0["id"]?.scalar == walk.id }) {
        r.problems.add(n.location, "walk id `\(walk.id)` is already used by another module")
      }
      book.walks[walk.id] = walk
    }
  }

  static func walk(_ node: YAMLNode, _ problems: ProblemList) -> Walk? {
    guard let r = NodeReader(node, what: "a walk", keys: ["id", "title", "goal", "tasks", "next", "groups", "prompts"], problems: problems),
      let id = r.id()
    else { return nil }
    var w = Walk(id: id, title: r.text("title", required: true) ?? id)
    w.goal = r.text("goal")
    w.tasks = r.texts("tasks")
    w.next = r.text("next")
    w.groups = r.list("groups") { g in
      guard let gr = NodeReader(g, what: "a group", keys: ["id", "title", "intro"], problems: problems), let gid = gr.id() else { return nil }
      return WalkGroup(id: gid, title: gr.text("title", required: true) ?? gid, intro: gr.text("intro"))
    }
    w.prompts = r.list("prompts", required: true) { prompt($0, problems) }
    r.checkUniqueIDs("prompts", what: "prompt")
    r.checkUniqueIDs("groups", what: "group")
    for (p, pn) in zip(w.prompts, r.node["prompts"]?.items ?? []) where p.group != nil && w.group(p.group) == nil {
      problems.add(pn["group"]?.location ?? pn.location, "prompt `\(p.id)` names group `\(p.group!)`, which this walk does not define")
    }
    return w
  }

  static let promptKeys = ["id", "kind", "fills", "group", "label", "text", "hint", "options", "scale", "examples", "optional"]

  static func prompt(_ node: YAMLNode, _ problems: ProblemList) -> Prompt? {
    guard let r = NodeReader(node, what: "a prompt", keys: promptKeys, problems: problems), let id = r.id() else { return nil }
    let kind = r.enumeration("kind", PromptKind.self, allowed: PromptKind.allCases.map(\.rawValue), required: true)
    let fills = r.text("fills", required: true, meaning: "the plan field its answer fills")
    let text = r.text("text", required: true, meaning: "the question the rep is asked")
    guard let kind, let fills, let text else { return nil }
    var p = Prompt(id: id, kind: kind, fills: fills, text: text)
    p.group = r.text("group")
    p.label = r.text("label")
    p.hint = r.text("hint")
    p.options = r.list("options") { option($0, problems) }
    r.checkUniqueIDs("options", what: "option")
    if let s = r.child("scale", what: "a scale", keys: ["low", "high"]) {
      p.scaleLow = s.text("low")
      p.scaleHigh = s.text("high")
    }
    if let e = r.child("examples", what: "examples by question type", keys: QuestionType.allCases.map(\.rawValue)) {
      for t in QuestionType.allCases {
        let list = e.texts(t.rawValue)
        if !list.isEmpty { p.examples[t] = list }
      }
    }
    p.optional = r.bool("optional") ?? false
    if kind == .choice && p.options.isEmpty { problems.add(node.location, "choice prompt `\(id)` needs `options`") }
    if kind != .choice && node["options"] != nil { problems.add(node["options"]!.location, "only choice prompts take `options`; `\(id)` is a \(kind.rawValue) prompt") }
    return p
  }

  static func option(_ node: YAMLNode, _ problems: ProblemList) -> ChoiceOption? {
    guard let r = NodeReader(node, what: "an option", keys: ["id", "label", "note"], problems: problems), let id = r.id() else { return nil }
    return ChoiceOption(id: id, label: r.text("label", required: true) ?? id, note: r.text("note"))
  }

  // MARK: signals

  static func signals(_ r: NodeReader, _ key: String) -> [Signal] {
    r.list(key) { signal($0, r.problems) }
  }

  static func signal(_ node: YAMLNode, _ problems: ProblemList) -> Signal? {
    guard let r = NodeReader(node, what: "a signal", keys: ["id", "at", "phrases", "test", "weight", "why"], problems: problems) else { return nil }
    var s = Signal()
    s.id = r.text("id")
    s.at = r.enumeration("at", Signal.Position.self, allowed: ["start", "end", "anywhere"]) ?? .anywhere
    s.phrases = r.texts("phrases")
    s.test = r.enumeration("test", Signal.Test.self, allowed: ["number", "question", "long", "multi-question"])
    s.weight = r.int("weight", in: 1...10) ?? 1
    s.why = r.text("why")
    if s.phrases.isEmpty && s.test == nil {
      problems.add(node.location, "a signal needs `phrases` (words to look for) or a `test` (number, question or long)")
      return nil
    }
    return s
  }

  // MARK: questions and relationships

  static func questionType(_ node: YAMLNode, _ problems: ProblemList) -> QuestionTypeInfo? {
    guard let r = NodeReader(node, what: "a question type", keys: ["id", "name", "purpose", "when", "recognise", "improve", "examples", "signals"], problems: problems),
      let id = r.enumeration("id", QuestionType.self, allowed: QuestionType.allCases.map(\.rawValue), required: true)
    else { return nil }
    var q = QuestionTypeInfo(id: id, name: r.text("name", required: true) ?? id.rawValue)
    q.purpose = r.text("purpose")
    q.when = r.text("when")
    q.recognise = r.text("recognise")
    q.improve = r.text("improve")
    q.examples = r.texts("examples")
    q.signals = signals(r, "signals")
    return q
  }

  static func weak(_ node: YAMLNode, _ problems: ProblemList) -> WeakQuestion? {
    guard let r = NodeReader(node, what: "a weak-question pattern", keys: ["id", "name", "signals", "advice"], problems: problems), let id = r.id() else { return nil }
    return WeakQuestion(id: id, name: r.text("name"), signals: signals(r, "signals"), advice: r.text("advice"))
  }

  static func role(_ node: YAMLNode, _ problems: ProblemList) -> RoleInfo? {
    guard let r = NodeReader(node, what: "a role", keys: ["id", "name", "who", "cares", "approach", "example"], problems: problems),
      let id = r.enumeration("id", StakeholderRole.self, allowed: StakeholderRole.allCases.map(\.rawValue), required: true)
    else { return nil }
    return RoleInfo(id: id, name: r.text("name", required: true) ?? id.rawValue, who: r.text("who"), cares: r.texts("cares"), approach: r.text("approach"), example: r.text("example"))
  }

  static func attitude(_ node: YAMLNode, _ problems: ProblemList) -> AttitudeInfo? {
    guard let r = NodeReader(node, what: "an attitude", keys: ["id", "name", "description"], problems: problems),
      let id = r.enumeration("id", Attitude.self, allowed: Attitude.allCases.map(\.rawValue), required: true)
    else { return nil }
    return AttitudeInfo(id: id, name: r.text("name", required: true) ?? id.rawValue, description: r.text("description"))
  }

  static func guideOption(_ node: YAMLNode, _ problems: ProblemList) -> RoleGuide.Choice? {
    guard let r = NodeReader(node, what: "a role-guide option", keys: ["id", "label", "role"], problems: problems), let id = r.id(),
      let role = r.enumeration("role", StakeholderRole.self, allowed: StakeholderRole.allCases.map(\.rawValue), required: true)
    else { return nil }
    return RoleGuide.Choice(id: id, label: r.text("label", required: true) ?? id, role: role)
  }

  // MARK: objections and rubric

  static func step(_ node: YAMLNode, _ problems: ProblemList) -> StepInfo? {
    guard let r = NodeReader(node, what: "an LSCPA step", keys: ["id", "name", "purpose", "prompt", "do", "avoid", "examples"], problems: problems),
      let id = r.enumeration("id", LSCPAStep.self, allowed: LSCPAStep.allCases.map(\.rawValue), required: true)
    else { return nil }
    var s = StepInfo(id: id, name: r.text("name", required: true) ?? id.rawValue)
    s.purpose = r.text("purpose")
    s.prompt = r.text("prompt")
    s.doList = r.texts("do")
    s.avoid = r.texts("avoid")
    if let e = r.child("examples", what: "examples by category", keys: ObjectionCategory.allCases.map(\.rawValue)) {
      for c in ObjectionCategory.allCases { if let line = e.text(c.rawValue) { s.examples[c] = line } }
    }
    return s
  }

  static func category(_ node: YAMLNode, _ problems: ProblemList) -> CategoryInfo? {
    guard let r = NodeReader(node, what: "an objection category", keys: ["id", "name", "description", "signals", "wordings", "strategies"], problems: problems),
      let id = r.enumeration("id", ObjectionCategory.self, allowed: ObjectionCategory.allCases.map(\.rawValue), required: true)
    else { return nil }
    var c = CategoryInfo(id: id, name: r.text("name", required: true) ?? id.rawValue)
    c.description = r.text("description")
    c.signals = signals(r, "signals")
    c.wordings = r.texts("wordings")
    c.strategies = r.list("strategies") { sn in
      guard let sr = NodeReader(sn, what: "a strategy", keys: ["id", "name", "how", "example", "signals"], problems: problems), let sid = sr.id() else { return nil }
      return StrategyInfo(id: sid, name: sr.text("name", required: true) ?? sid, how: sr.text("how"), example: sr.text("example"), signals: signals(sr, "signals"))
    }
    r.checkUniqueIDs("strategies", what: "strategy")
    return c
  }

  static let rubricStepIDs = ["listen", "sympathize", "confirm", "process", "assure", "question", "give-and-get"]

  static func rubricStep(_ node: YAMLNode, _ problems: ProblemList) -> RubricStep? {
    guard let r = NodeReader(node, what: "a rubric step", keys: ["id", "better", "checks"], problems: problems), let id = r.id() else { return nil }
    guard rubricStepIDs.contains(id) else {
      problems.add(node["id"]!.location, "`\(id)` is not a rubric step; expected one of: \(rubricStepIDs.joined(separator: ", "))")
      return nil
    }
    var s = RubricStep(id: id, better: r.text("better"))
    s.checks = r.list("checks", required: true) { cn in
      guard let cr = NodeReader(cn, what: "a rubric check", keys: ["id", "description", "advice", "any", "none", "strategies"], problems: problems), let cid = cr.id() else { return nil }
      var c = RubricCheck(id: cid, description: cr.text("description", required: true, meaning: "what the check looks for") ?? cid)
      c.advice = cr.text("advice")
      c.any = signals(cr, "any")
      c.none = signals(cr, "none")
      c.strategies = cr.bool("strategies") ?? false
      if c.any.isEmpty && c.none.isEmpty && !c.strategies {
        problems.add(cn.location, "rubric check `\(cid)` looks for nothing: give it `any`, `none` or `strategies: true`")
      }
      return c
    }
    r.checkUniqueIDs("checks", what: "check")
    return s
  }

  // MARK: negotiation

  static func part(_ node: YAMLNode, _ problems: ProblemList) -> NegotiationPart? {
    guard let r = NodeReader(node, what: "a negotiation part", keys: ["id", "title", "purpose", "hint", "principles", "prompts"], problems: problems), let id = r.id() else { return nil }
    var p = NegotiationPart(id: id, title: r.text("title", required: true) ?? id)
    p.purpose = r.text("purpose")
    p.hint = r.text("hint")
    p.principles = r.texts("principles")
    p.prompts = r.list("prompts") { prompt($0, problems) }
    r.checkUniqueIDs("prompts", what: "prompt")
    return p
  }

  static func term(_ node: YAMLNode, _ problems: ProblemList) -> TermInfo? {
    guard let r = NodeReader(node, what: "a term", keys: ["id", "name", "better", "unit", "hint"], problems: problems),
      let id = r.enumeration("id", NegotiationTerm.self, allowed: NegotiationTerm.allCases.map(\.rawValue), required: true)
    else { return nil }
    return TermInfo(id: id, name: r.text("name", required: true) ?? id.rawValue,
                    better: r.enumeration("better", BetterDirection.self, allowed: ["higher", "lower"]), unit: r.text("unit"), hint: r.text("hint"))
  }

  static func teamRole(_ node: YAMLNode, _ problems: ProblemList) -> TeamRoleInfo? {
    guard let r = NodeReader(node, what: "a team role", keys: ["id", "name", "duty"], problems: problems),
      let id = r.enumeration("id", TeamRole.self, allowed: TeamRole.allCases.map(\.rawValue), required: true)
    else { return nil }
    return TeamRoleInfo(id: id, name: r.text("name", required: true) ?? id.rawValue, duty: r.text("duty"))
  }

  static func arena(_ node: YAMLNode, _ problems: ProblemList) -> Arena? {
    guard let r = NodeReader(node, what: "a negotiation arena", keys: ["id", "name", "principle", "tactics"], problems: problems), let id = r.id() else { return nil }
    return Arena(id: id, name: r.text("name", required: true) ?? id, principle: r.text("principle"), tactics: r.texts("tactics"))
  }

  static func closing(_ node: YAMLNode, _ problems: ProblemList) -> ClosingTechnique? {
    guard let r = NodeReader(node, what: "a closing technique", keys: ["id", "name", "purpose", "tactics"], problems: problems), let id = r.id() else { return nil }
    return ClosingTechnique(id: id, name: r.text("name", required: true) ?? id, purpose: r.text("purpose"), tactics: r.texts("tactics"))
  }

  // MARK: checks, lessons, quiz, drills

  static func finding(_ node: YAMLNode, _ problems: ProblemList) -> FindingText? {
    guard let r = NodeReader(node, what: "a finding", keys: ["id", "title", "message"], problems: problems), let id = r.id(),
      let message = r.text("message", required: true, meaning: "what the rep is told")
    else { return nil }
    return FindingText(id: id, title: r.text("title"), message: message)
  }

  static func lesson(_ node: YAMLNode, _ problems: ProblemList) -> Lesson? {
    guard let r = NodeReader(node, what: "a lesson", keys: ["id", "title", "summary", "pages", "check"], problems: problems), let id = r.id() else { return nil }
    var l = Lesson(id: id, title: r.text("title", required: true) ?? id, summary: r.text("summary"))
    l.pages = r.list("pages", required: true) { pn in
      guard let pr = NodeReader(pn, what: "a lesson page", keys: ["id", "title", "text"], problems: problems), let pid = pr.id(),
        let text = pr.text("text", required: true)
      else { return nil }
      return Lesson.Page(id: pid, title: pr.text("title"), text: text)
    }
    l.check = r.texts("check")
    r.checkUniqueIDs("pages", what: "page")
    return l
  }

  static func quizItem(_ node: YAMLNode, _ problems: ProblemList) -> QuizItem? {
    guard let r = NodeReader(node, what: "a quiz item", keys: ["id", "lesson", "kind", "question", "options", "answer", "explanation"], problems: problems),
      let id = r.id(), let lesson = r.text("lesson", required: true),
      let kind = r.enumeration("kind", QuizItem.Kind.self, allowed: ["choice", "classify"], required: true),
      let question = r.text("question", required: true), let answer = r.text("answer", required: true)
    else { return nil }
    let options = r.list("options", required: true) { option($0, problems) }
    r.checkUniqueIDs("options", what: "option")
    if options.count < 2 { problems.add(node.location, "quiz item `\(id)` needs at least two options") }
    if !options.isEmpty, !options.contains(where: { $0.id == answer }) {
      problems.add(node["answer"]!.location, "the answer `\(answer)` of quiz item `\(id)` is not one of its option ids (\(options.map(\.id).joined(separator: ", ")))")
    }
    return QuizItem(id: id, lesson: lesson, kind: kind, question: question, options: options, answer: answer, explanation: r.text("explanation"))
  }

  static func objectionDrill(_ node: YAMLNode, _ problems: ProblemList) -> ObjectionDrill? {
    guard let r = NodeReader(node, what: "an objection drill", keys: ["id", "category", "context", "customer"], problems: problems), let id = r.id(),
      let category = r.enumeration("category", ObjectionCategory.self, allowed: ObjectionCategory.allCases.map(\.rawValue), required: true),
      let customer = r.text("customer", required: true)
    else { return nil }
    return ObjectionDrill(id: id, category: category, context: r.text("context"), customer: customer)
  }

  static func questionDrill(_ node: YAMLNode, _ problems: ProblemList) -> QuestionDrill? {
    guard let r = NodeReader(node, what: "a question drill", keys: ["id", "task", "context", "type", "question"], problems: problems), let id = r.id(),
      let task = r.enumeration("task", QuestionDrill.Task.self, allowed: ["write", "name"], required: true)
    else { return nil }
    let type = r.enumeration("type", QuestionType.self, allowed: QuestionType.allCases.map(\.rawValue), required: true)
    let question = r.text("question", required: task == .name)
    return QuestionDrill(id: id, task: task, context: r.text("context"), type: type, question: question)
  }

  static func negotiationDrill(_ node: YAMLNode, _ problems: ProblemList) -> NegotiationDrill? {
    guard let r = NodeReader(node, what: "a negotiation drill", keys: ["id", "context", "customer"], problems: problems), let id = r.id(),
      let customer = r.text("customer", required: true)
    else { return nil }
    return NegotiationDrill(id: id, context: r.text("context"), customer: customer)
  }
}
