/// Scores drill answers with the playbook's rubric: each check passes or fails on signals in
/// the words; a failed harm check caps the step at 0, otherwise it gets 2 when every check
/// passes, 1 when every essential check does, else 0 (see `Rubric.points`). The
/// signals are read from the playbook of the answer's own language (the ids are the same in
/// both), the descriptions and advice from the drill's language. Pure and deterministic: the
/// same words, strategies and scenario always get the same score from the same playbooks.
public struct DrillScorer: Sendable {
  public let books: [Lang: Playbook]
  /// How the playbook's graded example answers (`answers.yaml`) may move an LSCPA step's score,
  /// per language; a language without a rule is scored by the checks alone.
  public var exampleRules: [Lang: AnswerExamples.Rule] = Dictionary(uniqueKeysWithValues: Lang.allCases.map { ($0, AnswerExamples.Rule.shipped($0)) })

  /// One rule for every language (nil: the checks alone), as measurements and tests set it;
  /// reading it gives the first language's rule (in `Lang.allCases` order, not the dictionary's).
  public var exampleRule: AnswerExamples.Rule? {
    get { Lang.allCases.lazy.compactMap { exampleRules[$0] }.first }
    set { exampleRules = newValue.map { r in Dictionary(uniqueKeysWithValues: Lang.allCases.map { ($0, r) }) } ?? [:] }
  }

  public init(books: [Lang: Playbook]) { self.books = books }
  public init(book: Playbook) { books = [book.lang: book] }

  /// One check, explained: what it looks for, whether it passed and the rep's words that decided.
  public struct Check: Sendable, Equatable {
    public var id: String
    public var passed: Bool
    /// The rep's own words that matched (or, for a failed "none" check, that failed it).
    public var evidence: [String]
    public var description: String
    public var advice: String?
    /// For a failed check with no words to quote: the words it looked for, quoted.
    public var lookedFor: [String] = []
    /// For a failed check with no words to quote: what is missing, said as a clause
    /// ("does not play back the customer's own words") for the built-in tests.
    public var missing: [String] = []
    /// A remark such as "It reads as: Leading question".
    public var note: String? = nil
    /// Essential, extra or harm: how the check counts in the step's score.
    public var kind: RubricCheck.Kind = .extra

    public var record: DrillCheckRecord { DrillCheckRecord(id: id, passed: passed, evidence: evidence) }
  }

  public struct StepResult: Sendable, Equatable {
    public var step: String
    public var score: Int
    public var checks: [Check]
    public var better: String?
    /// When the graded example answers moved the checks' score: from what, to what, and by which.
    public var moved: ExampleMove? = nil
  }

  func book(_ lang: Lang) -> Playbook? { books[lang] ?? books[.en] ?? books[.zh] }

  /// Scores one answer. `lang` is the drill's language: what a failed check looked for is quoted
  /// from its playbook. The descriptions and advice are in `shownIn` (a trainer reading the drill
  /// in another language), by default the drill's. The score does not depend on `shownIn`.
  public func score(step: String, text: String, strategies: [String] = [], scenario: DrillScenario, lang: Lang, shownIn: Lang? = nil) -> StepResult {
    guard let own = book(lang) else { return StepResult(step: step, score: 0, checks: [], better: nil) }
    let local = shownIn.flatMap { books[$0] } ?? own
    let l = L10n(local.lang)
    let trimmed = text.trimmingWhitespace
    let signals = books[Lang.detect(trimmed)] ?? own
    if step == "name" { return name(trimmed, scenario: scenario, local: local, l: l) }

    let context = [scenario.text, scenario.context ?? ""].joined(separator: " ")
    let rubric = Rubric(book: signals).score(
      step: step, text: trimmed, strategies: strategies, category: scenario.category,
      context: scenario.kind == .questions ? (scenario.context ?? "") : context)
    var checks = rubric.results.map { r -> Check in
      let shown = local.rubric[step]?.checks.first { $0.id == r.check.id } ?? r.check
      var c = Check(
        id: r.check.id, passed: r.passed, evidence: Self.unique(r.evidence.map { DrillQuote.evidence($0, in: trimmed, l: l) }),
        description: shown.description, advice: shown.advice)
      // The words a failed check looked for are the drill language's (an empty or mixed answer
      // is read with another playbook's signals, but the rep practises in the drill's language).
      if !r.passed, c.evidence.isEmpty {
        let check = own.rubric[step]?.checks.first { $0.id == r.check.id } ?? r.check
        (c.missing, c.lookedFor) = lookedFor(check, strategies: strategies, category: scenario.category, in: own, l: l)
      }
      if r.check.strategies, strategies.isEmpty { c.note = l.t("No strategy was chosen.", "没有选择策略。") }
      if r.check.kind == .harm, !r.passed, !trimmed.isEmpty { c.note = l.t("This caps the step at 0.", "这一条使本步得 0 分。") }
      c.kind = r.check.kind
      return c
    }
    // The better line: the playbook's example for this step and this objection's category when
    // there is one (a price line is no model for a risk objection), else the rubric's own.
    // It is a line to the customer, so it is in the drill's language.
    var better = own.rubric[step]?.better ?? rubric.better
    if let s = LSCPAStep(rawValue: step), let c = scenario.category, let example = own.step(s)?.examples[c], !example.isEmpty { better = example }
    if step == "question", scenario.kind == .questions, let wanted = scenario.questionType {
      checks.append(typeCheck(trimmed, wanted: wanted, signals: signals, local: local, own: own, l: l))
      if let example = own.questionType(wanted)?.examples.first { better = example }
    }
    var score = trimmed.isEmpty ? 0 : Rubric.points(checks.map { ($0.kind, $0.passed) })
    var moved: ExampleMove? = nil
    if !trimmed.isEmpty, let rule = exampleRules[signals.lang], LSCPAStep(rawValue: step) != nil, !signals.gradedAnswers.isEmpty {
      let harmed = checks.contains { $0.kind == .harm && !$0.passed }
      let passed = Set(checks.filter(\.passed).map(\.id))
      (score, moved) = Self.withExamples(
        score, harmed: harmed, step: step, text: trimmed, examples: AnswerExamples.cached(signals, idfExponent: rule.idfExponent), rule: rule,
        fullMarksAllowed: rule.fullMarks?.allows(step: step, passed: passed) ?? false)
    }
    return StepResult(step: step, score: score, checks: checks, better: better, moved: moved)
  }

  /// The checks' score after the graded example answers of `step` (see `AnswerExamples.Rule`),
  /// and, when they moved it, the nearest answers with the grade that moved it and the words shared.
  /// `fullMarksAllowed`: the checks the rule's guarded raise needs for this step passed (see `Rule.FullMarks.needs`).
  static func withExamples(
    _ checklist: Int, harmed: Bool, step: String, text: String, examples: AnswerExamples, rule: AnswerExamples.Rule, fullMarksAllowed: Bool = true
  ) -> (Int, ExampleMove?) {
    let near = examples.nearest(step: step, text: text, k: rule.k, minSimilarity: rule.minSimilarity)
    let e = AnswerExamples.expectation(near)
    let after = rule.combine(checklist: checklist, harmed: harmed, e, words: fullMarksAllowed ? AnswerExamples.words(text) : 0)
    guard after != checklist, let e else { return (checklist, nil) }
    let shown = near.filter { $0.label == String(e.grade) }.prefix(2).map { n -> ExampleIndex.Neighbour in
      var n = n
      n.shared = ExampleIndex.sharedWords(text, n.text)
      return n
    }
    return (after, ExampleMove(from: checklist, to: after, examples: Array(shown)))
  }

  /// The step results of a saved drill, scored again with these playbooks.
  public func results(_ t: DrillTranscript) -> [StepResult] {
    t.steps.map { score($0, in: t) }
  }

  /// The transcript with every step scored again (overrides and comments kept as they were).
  public func rescore(_ t: DrillTranscript) -> DrillTranscript {
    var out = t
    let again = results(t)
    for i in out.steps.indices {
      out.steps[i].checks = again[i].checks.map(\.record)
      out.steps[i].score = again[i].score
    }
    return out
  }

  // MARK: question drills

  /// "Reads as the type asked for": the classifier's reading of the question, with the words
  /// that decided it; a weak pattern (closed, stacked, leading the witness) fails it too.
  func typeCheck(_ text: String, wanted: QuestionType, signals: Playbook, local: Playbook, own: Playbook, l: L10n) -> Check {
    var result = QuestionClassifier(book: signals).classify(text)
    if signals.lang != local.lang { result = QuestionClassifier.explain(result, in: local) }
    let labels = Labels(local, l)
    let m = TextMatcher(text)
    var evidence: [String] = []
    if let type = result.type, let info = signals.questionType(type) {
      evidence += quotes(info.signals.filter { m.matches($0) }, in: text, l: l)
    }
    for w in result.weaknesses {
      evidence += quotes((signals.weakQuestions.first { $0.id == w.id }?.signals ?? []).filter { m.matches($0) }, in: text, l: l)
    }
    let passed = !text.isEmpty && result.type == wanted && result.weaknesses.isEmpty
    var advice = result.weaknesses.first?.advice ?? local.questionType(wanted)?.improve
    // A closed question: the playbook's nearest question of the type asked for is a model too.
    if result.weaknesses.first?.id == "closed", let n = result.models[wanted], let a = advice, !QuestionFeedback.repeats(n.text, advice: a) {
      advice = a + " " + QuestionFeedback.modelLine(n.text, l: l)
    }
    var c = Check(
      id: "reads-as-type", passed: passed, evidence: Array(Self.unique(evidence).prefix(3)),
      description: l.t("Reads as the type asked for: ", "读起来是要求的类型：") + labels.questionType(wanted),
      advice: advice, kind: .essential)
    if !passed, !text.isEmpty {
      var reading: [String] = []
      if let type = result.type, type != wanted { reading.append(labels.questionType(type)) }
      reading += result.weaknesses.map { $0.name ?? $0.id }
      if !reading.isEmpty {
        c.note = l.t("It reads as: ", "读起来像：") + reading.joined(separator: l.t(", ", "、"))
      } else if result.type == nil {
        c.note = l.t("None of the four types' signals appear in it.", "看不出是四种类型中的哪一种。")
      }
    }
    if !passed, c.evidence.isEmpty, let info = own.questionType(wanted) {
      c.lookedFor = Array(info.signals.flatMap { $0.phrases.prefix(2) }.prefix(3)).map { "“\($0)”" }
    }
    return c
  }

  /// "Name the type": right or wrong, 2 or 0.
  func name(_ text: String, scenario: DrillScenario, local: Playbook, l: L10n) -> StepResult {
    let labels = Labels(local, l)
    let answered = Self.questionType(from: text, books: books)
    let passed = scenario.questionType != nil && answered == scenario.questionType
    var c = Check(
      id: "names-type", passed: passed, evidence: text.isEmpty ? [] : [text],
      description: l.t("Names the question's type", "说对问题的类型"),
      advice: scenario.questionType.flatMap { local.questionType($0)?.recognise })
    if !passed, let right = scenario.questionType {
      c.note = l.t("It is: ", "正确答案：") + labels.questionType(right)
    }
    return StepResult(step: "name", score: passed ? 2 : 0, checks: [c], better: nil)
  }

  /// The type a rep named: its number (1–4, in the order open, leading, verification, value),
  /// its id, or its name (or the start of it) in either language.
  public static func questionType(from answer: String, books: [Lang: Playbook]) -> QuestionType? {
    var w = TextMatcher.normalise(answer)
    while let last = w.last, ".!,;:".contains(last) { w.removeLast() }
    guard !w.isEmpty else { return nil }
    if let n = Int(w), (1...QuestionType.allCases.count).contains(n) { return QuestionType.allCases[n - 1] }
    if let t = QuestionType(rawValue: w) { return t }
    for lang in Lang.allCases {
      for info in books[lang]?.questionTypes ?? [] {
        let name = TextMatcher.normalise(info.name)
        if name == w || (w.count >= 2 && name.hasPrefix(w)) { return info.id }
      }
    }
    let prefixed = QuestionType.allCases.filter { w.count >= 2 && $0.rawValue.hasPrefix(w) }
    return prefixed.count == 1 ? prefixed[0] : nil
  }

  // MARK: evidence

  /// The rep's words behind matched signals.
  func quotes(_ signals: [Signal], in text: String, l: L10n) -> [String] {
    let m = TextMatcher(text)
    var out: [String] = []
    for s in signals {
      let hits = s.patterns.compactMap { m.span($0, at: s.at) }.compactMap { DrillQuote.words($0, in: text) }
      if !hits.isEmpty { out += hits } else if let test = s.test { out.append(DrillQuote.forTest(test, in: text, l: l)) }
    }
    return out
  }

  /// What a failed check looked for, to show when the answer has nothing to quote: what is
  /// missing (a built-in test, said as a clause) and the words it looked for (quoted), three at most.
  func lookedFor(_ check: RubricCheck, strategies: [String], category: ObjectionCategory?, in book: Playbook, l: L10n) -> (missing: [String], words: [String]) {
    if check.strategies {
      return ([], Array(Rubric(book: book).strategySignals(strategies, category: category).flatMap { $0.phrases.prefix(2) }.prefix(3)).map { "“\($0)”" })
    }
    var missing: [String] = []
    var words: [String] = []
    for s in check.any {
      if let test = s.test, missing.count + words.count < 3 { missing.append(Self.describe(test, l)) }
      for p in s.phrases.prefix(2) where missing.count + words.count < 3 { words.append("“\(Self.shown(p))”") }
    }
    return (missing, words)
  }

  /// A pattern as a trainer reads it: a gap (`*`, `**`) shown as "…", an optional word left
  /// out, and of alternatives (`a|b`) the first — "if i understand|heard" reads "if i understand".
  static func shown(_ phrase: String) -> String {
    phrase.split(separator: " ").compactMap { group -> String? in
      if group == "*" || group == "**" { return "…" }
      var kept = ""
      var depth = 0
      for ch in group {
        if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { kept.append(ch) }
      }
      let first = kept.split(separator: "|").first.map(String.init) ?? ""
      return first.isEmpty ? nil : first
    }.joined(separator: " ")
  }

  /// What a failed built-in test means, said as what the answer does not do.
  static func describe(_ test: Signal.Test, _ l: L10n) -> String {
    switch test {
    case .overlap: return l.t("does not play back the customer's own words", "没有复述客户自己的话")
    case .specifics: return l.t("no figure, date, name or planned step", "没有数字、日期、名称或计划步骤")
    case .content: return l.t("does not name what it asks about", "没有说出要问的具体内容")
    case .detailed: return l.t("nothing about their situation beyond stock phrases", "没有讲到套话之外的具体情况")
    case .question: return l.t("no question mark", "没有问号")
    case .statement: return l.t("a question mark", "有问号")
    case .number: return l.t("no figure", "没有数字")
    case .amount: return l.t("no sum of money", "没有金额")
    case .long: return l.t("too short for the detail (under 12 words)", "不够详细（不到 25 个字）")
    case .multiQuestion: return l.t("not two questions", "不是两个问题")
    }
  }

  /// Without repeats, and without a quote that a longer one already contains ("Tell me" in
  /// "Tell me more about it?").
  static func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    let distinct = items.filter { seen.insert($0.lowercased()).inserted }
    let lower = distinct.map { $0.lowercased() }
    return distinct.indices.filter { i in !lower.indices.contains { j in j != i && lower[j].count > lower[i].count && lower[j].contains(lower[i]) } }
      .map { distinct[$0] }
  }
}
