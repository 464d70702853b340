/// Checks that go beyond one field: what the program needs to exist, prompts that fill real
/// plan fields, references between lessons and quiz items, enough content where the method
/// asks for it.
enum PlaybookChecks {
  static let requiredWalks = ["profile", "initial-contact", "in-depth-interview", "needs-confirmation", "solution-matching", "stakeholder", "objection"]

  static func check(_ book: Playbook, merged: [String: YAMLNode], requiredFindings: [String], problems: ProblemList) {
    func top(_ module: String) -> YAMLLocation { merged[module]?.location ?? YAMLLocation(file: "\(book.lang.rawValue)/\(module).yaml", line: 1, column: 1) }

    for module in PlaybookDecoder.modules where merged[module] == nil && !PlaybookDecoder.optionalModules.contains(module) {
      problems.add(
        YAMLLocation(file: "\(book.lang.rawValue)/\(module).yaml", line: 1, column: 1), "the \(module) module is missing: no \(module).yaml was found for this language",
        "缺少模块 `\(module)`：这种语言下没有找到 \(module).yaml")
    }

    // Walks and their prompts.
    for id in requiredWalks where book.walks[id] == nil {
      let module = ["profile": "account", "stakeholder": "relationships", "objection": "objections"][id] ?? "discovery"
      if merged[module] != nil { problems.add(top(module), "the walk `\(id)` is missing; coach needs it", "缺少引导流程 `\(id)`；coach 需要它") }
    }
    for module in ["account", "discovery", "relationships", "objections"] {
      for walkNode in merged[module]?["walks"]?.items ?? [] {
        guard let walkID = walkNode["id"]?.scalar else { continue }
        for promptNode in walkNode["prompts"]?.items ?? [] { checkPrompt(promptNode, walk: walkID, problems: problems) }
      }
    }
    for partNode in merged["negotiation"]?["parts"]?.items ?? [] {
      let part = partNode["id"]?.scalar.map { "negotiation." + $0 }
      for promptNode in partNode["prompts"]?.items ?? [] { checkPrompt(promptNode, walk: part, problems: problems) }
    }
    requireFills(book.walks["stakeholder"], "stakeholder.name", merged["relationships"], problems)
    requireFills(book.walks["objection"], "objection.statement", merged["objections"], problems)

    // Question types.
    if merged["questions"] != nil {
      for t in QuestionType.allCases {
        guard let info = book.questionType(t) else {
          problems.add(top("questions"), "the question type `\(t.rawValue)` is missing", "缺少问题类型 `\(t.rawValue)`")
          continue
        }
        let node = typeNode(merged["questions"], "types", t.rawValue)
        if info.examples.count < 6 {
          problems.add(
            node ?? top("questions"), "question type `\(t.rawValue)` has \(info.examples.count) example(s); give at least 6",
            "问题类型 `\(t.rawValue)` 只有 \(info.examples.count) 个示例；请至少给出 6 个")
        }
        if info.signals.isEmpty {
          problems.add(
            node ?? top("questions"), "question type `\(t.rawValue)` has no signals, so questions can never be classified as it",
            "问题类型 `\(t.rawValue)` 没有信号，因此任何问题都不会被归为这一类型")
        }
      }
    }

    // Relationships.
    if merged["relationships"] != nil {
      for r in StakeholderRole.allCases where book.role(r) == nil {
        problems.add(top("relationships"), "the role `\(r.rawValue)` is missing", "缺少决策者角色 `\(r.rawValue)`")
      }
      for a in Attitude.allCases where book.attitude(a) == nil {
        problems.add(top("relationships"), "the attitude `\(a.rawValue)` is missing", "缺少态度 `\(a.rawValue)`")
      }
    }

    // Objections.
    if merged["objections"] != nil {
      for s in LSCPAStep.allCases {
        guard let step = book.step(s) else {
          problems.add(top("objections"), "the LSCPA step `\(s.rawValue)` is missing", "缺少 LSCPA 步骤 `\(s.rawValue)`")
          continue
        }
        for c in ObjectionCategory.allCases where step.examples[c] == nil {
          problems.add(
            typeNode(merged["objections"], "steps", s.rawValue) ?? top("objections"), "step `\(s.rawValue)` has no example for `\(c.rawValue)` objections",
            "步骤 `\(s.rawValue)` 没有 `\(c.rawValue)` 异议的示例")
        }
      }
      for c in ObjectionCategory.allCases {
        guard let category = book.category(c) else {
          problems.add(top("objections"), "the objection category `\(c.rawValue)` is missing", "缺少异议类别 `\(c.rawValue)`")
          continue
        }
        let node = typeNode(merged["objections"], "categories", c.rawValue) ?? top("objections")
        if category.wordings.count < 5 {
          problems.add(
            node, "category `\(c.rawValue)` has \(category.wordings.count) customer wording(s); give at least 5",
            "异议类别 `\(c.rawValue)` 只有 \(category.wordings.count) 条客户说法；请至少给出 5 条")
        }
        if category.strategies.isEmpty { problems.add(node, "category `\(c.rawValue)` has no strategies", "异议类别 `\(c.rawValue)` 没有策略") }
        if category.signals.isEmpty {
          problems.add(node, "category `\(c.rawValue)` has no signals, so it can never be suggested", "异议类别 `\(c.rawValue)` 没有信号，因此永远不会被推荐")
        }
      }
    }

    // Rubric.
    if merged["rubric"] != nil {
      for id in PlaybookDecoder.rubricStepIDs where book.rubric[id] == nil {
        problems.add(top("rubric"), "the rubric has no checks for `\(id)`", "评分标准中没有 `\(id)` 的检查项")
      }
    }

    ExampleChecks.check(merged: merged, problems: problems)

    // Negotiation.
    if merged["negotiation"] != nil {
      for id in ["goals", "batna", "interests", "concessions", "team"] where book.part(id) == nil {
        problems.add(top("negotiation"), "the negotiation part `\(id)` is missing", "缺少谈判准备环节 `\(id)`")
      }
      for t in NegotiationTerm.allCases where book.term(t) == nil {
        problems.add(top("negotiation"), "the term `\(t.rawValue)` is missing", "缺少谈判条款 `\(t.rawValue)`")
      }
      for r in TeamRole.allCases where !book.teamRoles.contains(where: { $0.id == r }) {
        problems.add(top("negotiation"), "the team role `\(r.rawValue)` is missing", "缺少团队角色 `\(r.rawValue)`")
      }
    }

    // Findings: every check the program runs needs its words, and no words without a check.
    if let checks = merged["checks"] {
      for id in requiredFindings where book.findings[id] == nil {
        problems.add(checks.location, "the finding `\(id)` has no message; every check needs one", "检查结果 `\(id)` 没有说明文字；每项检查都需要一条")
      }
      for node in checks["findings"]?.items ?? [] {
        if let id = node["id"]?.scalar, !requiredFindings.isEmpty, !requiredFindings.contains(id) {
          problems.add(
            node["id"]!.location, "no check has the id `\(id)`; known ids: \(requiredFindings.joined(separator: ", "))",
            "没有 id 为 `\(id)` 的检查；已知的 id：\(requiredFindings.joined(separator: "、"))")
        }
      }
    }

    // Lessons and quiz items refer to each other.
    let quizIDs = Set(book.quiz.map(\.id))
    let lessonIDs = Set(book.lessons.map(\.id))
    for lessonNode in merged["lessons"]?["lessons"]?.items ?? [] {
      for item in lessonNode["check"]?.items ?? [] {
        if let id = item.scalar, !quizIDs.isEmpty, !quizIDs.contains(id) {
          problems.add(item.location, "the lesson checks quiz item `\(id)`, which quiz.yaml does not have", "这节课引用了测验题 `\(id)`，但 quiz.yaml 中没有这道题")
        }
      }
    }
    for itemNode in merged["quiz"]?["items"]?.items ?? [] {
      if let lesson = itemNode["lesson"], let id = lesson.scalar, !lessonIDs.isEmpty, !lessonIDs.contains(id) {
        let near = Suggest.nearest(to: id, in: Array(lessonIDs))
        problems.add(
          lesson.location, "quiz item names lesson `\(id)`, which lessons.yaml does not have" + (near.map { "; did you mean `\($0)`?" } ?? ""),
          "测验题指定的课程 `\(id)` 在 lessons.yaml 中不存在" + (near.map { "；你是不是想写 `\($0)`？" } ?? ""))
      }
    }

    // Drills.
    for node in merged["drills"]?["questions"]?.items ?? [] where node["task"]?.scalar == "name" && node["question"] == nil {
      problems.add(node.location, "a `name` question drill needs the `question` to name", "`name` 类提问练习需要给出 `question`（要说出类型的那个问题）")
    }
    DrillFollowUpChecks.check(book, merged: merged, problems: problems)
    ManagementWalkChecks.check(book, merged: merged, problems: problems)
  }

  /// A prompt's `fills` must name a plan field, and its kind must fit the field.
  static func checkPrompt(_ node: YAMLNode, walk: String?, problems: ProblemList) {
    guard let fillsNode = node["fills"], let fills = fillsNode.scalar, !fills.isEmpty,
      let kindText = node["kind"]?.scalar, let kind = PromptKind(rawValue: kindText)
    else { return }
    guard let found = PlanFields.expectation(for: fills) else {
      let near = Suggest.nearest(to: fills, in: Array(PlanFields.fixed.keys), maxDistance: 4)
      problems.add(
        fillsNode.location,
        "`\(fills)` is not a field of the account plan, so this prompt fills nothing" + (near.map { "; did you mean `\($0)`?" } ?? "")
          + " (playbooks/README.md lists the fields)",
        "`\(fills)` 不是客户计划的字段，这个提示的回答无处填写" + (near.map { "；你是不是想写 `\($0)`？" } ?? "")
          + "（字段列表见 playbooks/README.md）")
      return
    }
    if let walk, !PlanFields.accepts(walk, fills) {
      let name = walk.hasPrefix("negotiation.") ? "the negotiation part `\(walk.dropFirst("negotiation.".count))`" : "the `\(walk)` walk"
      let nameZh = walk.hasPrefix("negotiation.") ? "谈判准备环节 `\(walk.dropFirst("negotiation.".count))`" : "`\(walk)` 引导流程"
      problems.add(
        fillsNode.location,
        "\(name) cannot fill `\(fills)`, so the answer would be dropped; its prompts fill \(PlanFields.placeNames(for: walk))",
        "\(nameZh)无法填写 `\(fills)`，回答会被丢弃；它的提示只能填写 \(PlanFields.placeNames(for: walk))")
      return
    }
    if fills.hasPrefix("discovery."), let walk {
      let parts = fills.split(separator: ".")
      if parts[1] != walk {
        problems.add(
          fillsNode.location, "a prompt of the `\(walk)` walk should fill `discovery.\(walk).…`, not `\(fills)`",
          "`\(walk)` 引导流程中的提示应填写 `discovery.\(walk).…`，而不是 `\(fills)`")
      } else if let id = node["id"]?.scalar, parts[2] != id {
        problems.add(
          fillsNode.location, "this prompt's id is `\(id)` but it fills `\(fills)`; use `discovery.\(walk).\(id)` so answers stay with their prompt",
          "这个提示的 id 是 `\(id)`，填写的却是 `\(fills)`；请改用 `discovery.\(walk).\(id)`，让回答和提示对应")
      }
    }
    let expect = found ?? nil
    if !PlanFields.fits(kind, expect) {
      let needs = describe(expect)
      problems.add(
        node["kind"]!.location, "`\(fills)` needs \(needs.en), but this prompt is of kind `\(kind.rawValue)`",
        "`\(fills)` 需要\(needs.zh)，但这个提示的类型是 `\(kind.rawValue)`")
    }
    if case .choice(let allowed)? = expect {
      // Extensible choices (the industry) take new ids too, as long as they are ids.
      let accepts = { (id: String) in PlanFields.extensibleChoices.contains(fills) && Industry.isID(id) }
      requireOptions(node, fills: fills, allowed: allowed, alsoAllowed: accepts, problems: problems)
    }
  }

  /// A choice prompt's option ids must be exactly `allowed` (plus any id `alsoAllowed` accepts):
  /// the error names what is missing and what is unknown, at the first unknown option (it may
  /// come from a trainer's file), else at the list.
  static func requireOptions(
    _ node: YAMLNode, fills: String, allowed: [String], alsoAllowed: (String) -> Bool = { _ in false }, problems: ProblemList
  ) {
    let optionNodes = node["options"]?.items ?? []
    let given = optionNodes.compactMap { $0["id"]?.scalar }
    let missing = allowed.filter { !given.contains($0) }
    let extra = given.filter { !allowed.contains($0) && !alsoAllowed($0) }
    guard !missing.isEmpty || !extra.isEmpty else { return }
    let unknownNode = optionNodes.first { extra.contains($0["id"]?.scalar ?? "") }
    problems.add(
      unknownNode?["id"]?.location ?? node["options"]?.location ?? node.location,
      "the options of `\(fills)` must be exactly: \(allowed.joined(separator: ", "))"
        + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))") + (extra.isEmpty ? "" : "; unknown: \(extra.joined(separator: ", "))"),
      "`\(fills)` 的选项必须正好是：\(allowed.joined(separator: "、"))"
        + (missing.isEmpty ? "" : "；缺少：\(missing.joined(separator: "、"))") + (extra.isEmpty ? "" : "；未知：\(extra.joined(separator: "、"))"))
  }

  static func describe(_ expect: PlanFields.Expect?) -> Bilingual {
    switch expect {
    case .text?: return Bilingual("a text answer", "文本回答")
    case .list?: return Bilingual("a list", "列表")
    case .scale?: return Bilingual("a score from 1 to 5 (kind: scale)", "从 1 到 5 的评分（kind: scale）")
    case .amount?: return Bilingual("an amount (kind: amount)", "金额（kind: amount）")
    case .date?: return Bilingual("a date (kind: date)", "日期（kind: date）")
    case .choice?: return Bilingual("a choice (kind: choice)", "单项选择（kind: choice）")
    case .amountOrText?: return Bilingual("an amount or text", "金额或文本")
    case nil: return Bilingual("an answer", "回答")
    }
  }

  static func requireFills(_ walk: Walk?, _ field: String, _ module: YAMLNode?, _ problems: ProblemList) {
    guard let walk, let module else { return }
    if !walk.prompts.contains(where: { $0.fills == field }) {
      problems.add(module.location, "the `\(walk.id)` walk needs a prompt that fills `\(field)`", "`\(walk.id)` 引导流程需要一个填写 `\(field)` 的提示")
    }
  }

  static func typeNode(_ module: YAMLNode?, _ key: String, _ id: String) -> YAMLLocation? {
    module?[key]?.items?.first { $0["id"]?.scalar == id }?.location
  }
}
