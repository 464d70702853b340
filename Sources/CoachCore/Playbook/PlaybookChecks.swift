/// Checks that go beyond one field: what the program needs to exist, prompts that fill real
/// plan fields, references between lessons and quiz items, enough content where the method
/// asks for it.
enum PlaybookChecks {
  static let requiredWalks = ["profile", "initial-contact", "in-depth-interview", "needs-confirmation", "solution-matching", "stakeholder", "objection"]

  static func check(_ book: Playbook, merged: [String: YAMLNode], requiredFindings: [String], problems: ProblemList) {
    func top(_ module: String) -> YAMLLocation { merged[module]?.location ?? YAMLLocation(file: "\(book.lang.rawValue)/\(module).yaml", line: 1, column: 1) }

    for module in PlaybookDecoder.modules where merged[module] == nil {
      problems.add(YAMLLocation(file: "\(book.lang.rawValue)/\(module).yaml", line: 1, column: 1), "the \(module) module is missing: no \(module).yaml was found for this language")
    }

    // Walks and their prompts.
    for id in requiredWalks where book.walks[id] == nil {
      let module = ["profile": "account", "stakeholder": "relationships", "objection": "objections"][id] ?? "discovery"
      if merged[module] != nil { problems.add(top(module), "the walk `\(id)` is missing; coach needs it") }
    }
    for module in ["account", "discovery", "relationships", "objections"] {
      for walkNode in merged[module]?["walks"]?.items ?? [] {
        guard let walkID = walkNode["id"]?.scalar else { continue }
        for promptNode in walkNode["prompts"]?.items ?? [] { checkPrompt(promptNode, walk: walkID, problems: problems) }
      }
    }
    for partNode in merged["negotiation"]?["parts"]?.items ?? [] {
      for promptNode in partNode["prompts"]?.items ?? [] { checkPrompt(promptNode, walk: nil, problems: problems) }
    }
    requireFills(book.walks["stakeholder"], "stakeholder.name", merged["relationships"], problems)
    requireFills(book.walks["objection"], "objection.statement", merged["objections"], problems)

    // Question types.
    if merged["questions"] != nil {
      for t in QuestionType.allCases {
        guard let info = book.questionType(t) else {
          problems.add(top("questions"), "the question type `\(t.rawValue)` is missing")
          continue
        }
        let node = typeNode(merged["questions"], "types", t.rawValue)
        if info.examples.count < 6 { problems.add(node ?? top("questions"), "question type `\(t.rawValue)` has \(info.examples.count) example(s); give at least 6") }
        if info.signals.isEmpty { problems.add(node ?? top("questions"), "question type `\(t.rawValue)` has no signals, so questions can never be classified as it") }
      }
    }

    // Relationships.
    if merged["relationships"] != nil {
      for r in StakeholderRole.allCases where book.role(r) == nil { problems.add(top("relationships"), "the role `\(r.rawValue)` is missing") }
      for a in Attitude.allCases where book.attitude(a) == nil { problems.add(top("relationships"), "the attitude `\(a.rawValue)` is missing") }
    }

    // Objections.
    if merged["objections"] != nil {
      for s in LSCPAStep.allCases {
        guard let step = book.step(s) else {
          problems.add(top("objections"), "the LSCPA step `\(s.rawValue)` is missing")
          continue
        }
        for c in ObjectionCategory.allCases where step.examples[c] == nil {
          problems.add(typeNode(merged["objections"], "steps", s.rawValue) ?? top("objections"), "step `\(s.rawValue)` has no example for `\(c.rawValue)` objections")
        }
      }
      for c in ObjectionCategory.allCases {
        guard let category = book.category(c) else {
          problems.add(top("objections"), "the objection category `\(c.rawValue)` is missing")
          continue
        }
        let node = typeNode(merged["objections"], "categories", c.rawValue) ?? top("objections")
        if category.wordings.count < 5 { problems.add(node, "category `\(c.rawValue)` has \(category.wordings.count) customer wording(s); give at least 5") }
        if category.strategies.isEmpty { problems.add(node, "category `\(c.rawValue)` has no strategies") }
        if category.signals.isEmpty { problems.add(node, "category `\(c.rawValue)` has no signals, so it can never be suggested") }
      }
    }

    // Rubric.
    if merged["rubric"] != nil {
      for id in PlaybookDecoder.rubricStepIDs where book.rubric[id] == nil {
        problems.add(top("rubric"), "the rubric has no checks for `\(id)`")
      }
    }

    // Negotiation.
    if merged["negotiation"] != nil {
      for id in ["goals", "batna", "interests", "concessions", "team"] where book.part(id) == nil {
        problems.add(top("negotiation"), "the negotiation part `\(id)` is missing")
      }
      for t in NegotiationTerm.allCases where book.term(t) == nil { problems.add(top("negotiation"), "the term `\(t.rawValue)` is missing") }
      for r in TeamRole.allCases where !book.teamRoles.contains(where: { $0.id == r }) { problems.add(top("negotiation"), "the team role `\(r.rawValue)` is missing") }
    }

    // Findings: every check the program runs needs its words, and no words without a check.
    if let checks = merged["checks"] {
      for id in requiredFindings where book.findings[id] == nil {
        problems.add(checks.location, "the finding `\(id)` has no message; every check needs one")
      }
      for node in checks["findings"]?.items ?? [] {
        if let id = node["id"]?.scalar, !requiredFindings.isEmpty, !requiredFindings.contains(id) {
          problems.add(node["id"]!.location, "no check has the id `\(id)`; known ids: \(requiredFindings.joined(separator: ", "))")
        }
      }
    }

    // Lessons and quiz items refer to each other.
    let quizIDs = Set(book.quiz.map(\.id))
    let lessonIDs = Set(book.lessons.map(\.id))
    for lessonNode in merged["lessons"]?["lessons"]?.items ?? [] {
      for item in lessonNode["check"]?.items ?? [] {
        if let id = item.scalar, !quizIDs.isEmpty, !quizIDs.contains(id) {
          problems.add(item.location, "the lesson checks quiz item `\(id)`, which quiz.yaml does not have")
        }
      }
    }
    for itemNode in merged["quiz"]?["items"]?.items ?? [] {
      if let lesson = itemNode["lesson"], let id = lesson.scalar, !lessonIDs.isEmpty, !lessonIDs.contains(id) {
        var message = "quiz item names lesson `\(id)`, which lessons.yaml does not have"
        if let near = Suggest.nearest(to: id, in: Array(lessonIDs)) { message += "; did you mean `\(near)`?" }
        problems.add(lesson.location, message)
      }
    }

    // Drills.
    for node in merged["drills"]?["questions"]?.items ?? [] where node["task"]?.scalar == "name" && node["question"] == nil {
      problems.add(node.location, "a `name` question drill needs the `question` to name")
    }
  }

  /// A prompt's `fills` must name a plan field, and its kind must fit the field.
  static func checkPrompt(_ node: YAMLNode, walk: String?, problems: ProblemList) {
    guard let fillsNode = node["fills"], let fills = fillsNode.scalar, !fills.isEmpty,
      let kindText = node["kind"]?.scalar, let kind = PromptKind(rawValue: kindText)
    else { return }
    guard let found = PlanFields.expectation(for: fills) else {
      var message = "`\(fills)` is not a field of the account plan, so this prompt fills nothing"
      if let near = Suggest.nearest(to: fills, in: Array(PlanFields.fixed.keys), maxDistance: 4) { message += "; did you mean `\(near)`?" }
      problems.add(fillsNode.location, message + " (playbooks/README.md lists the fields)")
      return
    }
    if fills.hasPrefix("discovery."), let walk {
      let parts = fills.split(separator: ".")
      if parts[1] != walk {
        problems.add(fillsNode.location, "a prompt of the `\(walk)` walk should fill `discovery.\(walk).…`, not `\(fills)`")
      } else if let id = node["id"]?.scalar, parts[2] != id {
        problems.add(fillsNode.location, "this prompt's id is `\(id)` but it fills `\(fills)`; use `discovery.\(walk).\(id)` so answers stay with their prompt")
      }
    }
    let expect = found ?? nil
    if !PlanFields.fits(kind, expect) {
      problems.add(node["kind"]!.location, "`\(fills)` needs \(describe(expect)), but this prompt is of kind `\(kind.rawValue)`")
    }
    if case .choice(let allowed)? = expect {
      let given = (node["options"]?.items ?? []).compactMap { $0["id"]?.scalar }
      let missing = allowed.filter { !given.contains($0) }
      let extra = given.filter { !allowed.contains($0) }
      if !missing.isEmpty || !extra.isEmpty {
        // Point at the first unknown option (it may come from a trainer's file), else the list.
        let unknownNode = (node["options"]?.items ?? []).first { extra.contains($0["id"]?.scalar ?? "") }
        problems.add(unknownNode?["id"]?.location ?? node["options"]?.location ?? node.location, "the options of `\(fills)` must be exactly: \(allowed.joined(separator: ", "))"
          + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))") + (extra.isEmpty ? "" : "; unknown: \(extra.joined(separator: ", "))"))
      }
    }
  }

  static func describe(_ expect: PlanFields.Expect?) -> String {
    switch expect {
    case .text?: return "a text answer"
    case .list?: return "a list"
    case .scale?: return "a score from 1 to 5 (kind: scale)"
    case .amount?: return "an amount (kind: amount)"
    case .date?: return "a date (kind: date)"
    case .choice?: return "a choice (kind: choice)"
    case .amountOrText?: return "an amount or text"
    case nil: return "an answer"
    }
  }

  static func requireFills(_ walk: Walk?, _ field: String, _ module: YAMLNode?, _ problems: ProblemList) {
    guard let walk, let module else { return }
    if !walk.prompts.contains(where: { $0.fills == field }) {
      problems.add(module.location, "the `\(walk.id)` walk needs a prompt that fills `\(field)`")
    }
  }

  static func typeNode(_ module: YAMLNode?, _ key: String, _ id: String) -> YAMLLocation? {
    module?[key]?.items?.first { $0["id"]?.scalar == id }?.location
  }
}
