/// Where drills come from — the playbook's drill scenarios, or the open plan's own objections,
/// interests and stakeholders — and how one is picked: by id, by category, or at random from a
/// seed, so the same seed over the same playbook picks the same scenario.
public enum DrillScenarios {
  /// The playbook's scenarios of one kind.
  public static func fromPlaybook(_ kind: DrillKind, book: Playbook) -> [DrillScenario] {
    switch kind {
    case .objection:
      return book.objectionDrills.map { d in
        var s = DrillScenario(kind: .objection, id: d.id, text: d.customer)
        s.category = d.category
        s.context = d.context
        return s
      }
    case .questions:
      return book.questionDrills.map { d in
        var s = DrillScenario(kind: .questions, id: d.id, text: d.task == .name ? (d.question ?? "") : (d.context ?? ""))
        s.task = d.task == .name ? .name : .write
        s.questionType = d.type
        if d.task == .name { s.context = d.context }
        return s
      }
    case .negotiation:
      return book.negotiationDrills.map { d in
        var s = DrillScenario(kind: .negotiation, id: d.id, text: d.customer)
        s.context = d.context
        return s
      }
    }
  }

  /// Scenarios made from the plan: an objection drill on each logged objection; a negotiation
  /// drill on each stakeholder's stated position, and the playbook's requests voiced by each
  /// stakeholder; a question drill per stakeholder and question type.
  public static func fromPlan(_ kind: DrillKind, plan: AccountPlan, book: Playbook, l: L10n) -> [DrillScenario] {
    let labels = Labels(book, l)
    func who(_ name: String) -> String {
      guard let i = plan.stakeholderIndex(named: name) else { return name }
      let s = plan.stakeholders[i]
      let details = [s.title, s.role.map { labels.role($0) }].compactMap { $0 }.filter { !$0.isEmpty }
      return details.isEmpty ? s.name : s.name + l.t(" (", "（") + details.joined(separator: l.t(", ", "，")) + l.t(")", "）")
    }
    func planScenario(_ id: String, _ text: String) -> DrillScenario {
      var s = DrillScenario(kind: kind, id: id, source: .plan, text: text)
      s.plan = plan.id
      return s
    }
    var out: [DrillScenario] = []
    switch kind {
    case .objection:
      for (i, o) in plan.objections.enumerated() where !o.statement.trimmingWhitespace.isEmpty {
        var s = planScenario("plan-objection-\(i + 1)", o.statement)
        s.category = o.category ?? CategorySuggester(book: book).suggest(o.statement).category
        s.speaker = o.raisedBy
        var context = l.t("Logged in the plan \(plan.name)", "来自计划“\(plan.name)”中记录的异议")
        if let by = o.raisedBy, !by.isEmpty { context += l.t(", raised by ", "，提出人：") + who(by) }
        s.context = context + l.t(".", "。")
        out.append(s)
      }
    case .negotiation:
      for (i, it) in plan.negotiation.interests.enumerated() {
        guard let position = it.position, !position.trimmingWhitespace.isEmpty else { continue }
        var s = planScenario("plan-position-\(i + 1)", position)
        s.speaker = it.stakeholder
        var context = l.t("\(who(it.stakeholder)) states their position, as logged in the plan \(plan.name).", "\(who(it.stakeholder)) 提出了计划“\(plan.name)”中记录的立场。")
        if let interest = it.interest, !interest.isEmpty { context += l.t(" The interest behind it: ", "背后的利益点：") + interest }
        s.context = context
        out.append(s)
      }
      for (i, person) in plan.stakeholders.enumerated() {
        for d in book.negotiationDrills {
          var s = planScenario("\(d.id)@stakeholder-\(i + 1)", d.customer)
          s.speaker = person.name
          s.context = l.t("Voiced by \(who(person.name)) of \(plan.name).", "由计划“\(plan.name)”中的 \(who(person.name)) 提出。") + (d.context.map { " " + $0 } ?? "")
          out.append(s)
        }
      }
    case .questions:
      for (i, person) in plan.stakeholders.enumerated() {
        var situation = l.t("Your next meeting is with \(who(person.name)) of \(plan.name).", "你下一次要见的是计划“\(plan.name)”中的 \(who(person.name))。")
        if let concerns = person.concerns, !concerns.isEmpty { situation += l.t(" Their concerns, as noted: ", "已记录的关注点：") + concerns }
        for type in QuestionType.allCases {
          var s = planScenario("stakeholder-\(i + 1)-\(type.rawValue)", situation)
          s.task = .write
          s.questionType = type
          s.speaker = person.name
          out.append(s)
        }
      }
    }
    return out
  }

  /// The scenarios that fit a category word: an objection category (price, 价格…) for objection
  /// drills; a question type (open, 开放性…) or a task (write, name) for question drills.
  /// Nil when the word is not a category of that kind (negotiation drills have none).
  public static func filter(_ list: [DrillScenario], kind: DrillKind, category word: String, book: Playbook) -> [DrillScenario]? {
    let w = TextMatcher.normalise(word)
    switch kind {
    case .objection:
      guard let c = objectionCategory(w, book: book) else { return nil }
      return list.filter { $0.category == c }
    case .questions:
      if let task = DrillTask(rawValue: w) { return list.filter { $0.task == task } }
      guard let t = DrillScorer.questionType(from: w, books: [book.lang: book]), Int(w) == nil else { return nil }
      return list.filter { $0.questionType == t }
    case .negotiation:
      return nil
    }
  }

  static func objectionCategory(_ w: String, book: Playbook) -> ObjectionCategory? {
    if let c = ObjectionCategory(rawValue: w) { return c }
    let chinese: [String: ObjectionCategory] = ["价格": .price, "时间": .time, "风险": .risk, "决策": .decision]
    for (word, c) in chinese where w.hasPrefix(word) { return c }
    return book.categories.first { TextMatcher.normalise($0.name) == w }?.id
  }

  /// The category words for Tab and help.
  public static func categoryWords(_ kind: DrillKind) -> [String] {
    switch kind {
    case .objection: return ObjectionCategory.allCases.map(\.rawValue)
    case .questions: return QuestionType.allCases.map(\.rawValue) + DrillTask.allCases.map(\.rawValue)
    case .negotiation: return []
    }
  }

  /// One scenario picked at random from `seed`: the same seed and list give the same pick.
  public static func pick(_ list: [DrillScenario], seed: Int) -> DrillScenario? {
    guard !list.isEmpty else { return nil }
    var random = DrillRandom(seed: UInt64(truncatingIfNeeded: seed))
    return list[random.index(below: list.count)]
  }
}

/// SplitMix64: a small, fast generator whose output depends only on its seed.
public struct DrillRandom: Sendable {
  var state: UInt64
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  public mutating func index(below n: Int) -> Int { Int(next() % UInt64(n)) }
}
