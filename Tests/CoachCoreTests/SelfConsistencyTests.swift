import Testing

@testable import CoachCore

/// The playbook's own model lines must earn full marks from its own judge: every "Better:" line,
/// every LSCPA example per category, every strategy example, every example question of a type
/// (the course's examples among them) and every "name the type" drill question. If a trainer
/// edits a line or a signal so that they disagree, this fails and names the line.
@Suite struct SelfConsistencyTests {
  static let books: [Lang: Playbook] = [.en: Fixtures.playbook(.en), .zh: Fixtures.playbook(.zh)]

  /// The strategy each category's examples are written with (see the comments in objections.yaml).
  static let exampleStrategy: [ObjectionCategory: String] = [
    .price: "value-comparison", .time: "phased-rollout", .risk: "pilot-project", .decision: "decision-support",
  ]

  func scenarios(_ book: Playbook, _ category: ObjectionCategory) -> [DrillScenario] {
    DrillScenarios.fromPlaybook(.objection, book: book).filter { $0.category == category }
  }

  /// The best score a line gets on the drills of its category (the lines are written for the
  /// category, not for one customer's exact words).
  func best(_ lang: Lang, step: String, text: String, category: ObjectionCategory, strategies: [String] = []) -> DrillScorer.StepResult {
    let book = Self.books[lang]!
    let scorer = DrillScorer(books: Self.books)
    let results = scenarios(book, category).map { scorer.score(step: step, text: text, strategies: strategies, scenario: $0, lang: lang) }
    return results.max { $0.score < $1.score }!
  }

  static func failed(_ r: DrillScorer.StepResult) -> String {
    r.checks.filter { !$0.passed }.map { "\($0.id)\($0.evidence.isEmpty ? "" : " \($0.evidence)")" }.joined(separator: "; ")
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func lscpaExamplesAndBetterLinesScoreFullMarks(lang: Lang) {
    let book = Self.books[lang]!
    for step in LSCPAStep.allCases {
      for category in ObjectionCategory.allCases {
        guard let line = book.step(step)?.examples[category] else { continue }
        let strategies = step == .process ? [Self.exampleStrategy[category]!] : []
        let r = best(lang, step: step.rawValue, text: line, category: category, strategies: strategies)
        #expect(r.score == 2, "\(lang) \(step) \(category) example: \(line) — ✗ \(Self.failed(r))")
      }
      if let better = book.rubric[step.rawValue]?.better {
        let strategies = step == .process ? ["value-comparison"] : []
        let r = best(lang, step: step.rawValue, text: better, category: .price, strategies: strategies)
        #expect(r.score == 2, "\(lang) \(step) Better: \(better) — ✗ \(Self.failed(r))")
      }
    }
  }

  /// The line a drill shows as "Better:" must score full marks on that very drill, for every
  /// scenario in the playbook — not merely on the kindest scenario of its category (a line that
  /// scored 2 on one price objection was shown, and scored 1, on another).
  @Test(arguments: [Lang.en, Lang.zh])
  func shownBetterLineScoresFullMarksOnEveryScenario(lang: Lang) {
    let book = Self.books[lang]!
    let scorer = DrillScorer(books: Self.books)
    var checked = 0
    for scenario in DrillScenarios.fromPlaybook(.objection, book: book) {
      for step in LSCPAStep.allCases {
        guard let better = scorer.score(step: step.rawValue, text: "", scenario: scenario, lang: lang).better else { continue }
        let strategies = step == .process ? [scenario.category.flatMap { Self.exampleStrategy[$0] } ?? "value-comparison"] : []
        let r = scorer.score(step: step.rawValue, text: better, strategies: strategies, scenario: scenario, lang: lang)
        #expect(r.score == 2, "\(lang) \(scenario.id) \(step) shown Better: \(better) — ✗ \(Self.failed(r))")
        checked += 1
      }
    }
    for scenario in DrillScenarios.fromPlaybook(.negotiation, book: book) {
      guard let better = scorer.score(step: "give-and-get", text: "", scenario: scenario, lang: lang).better else { continue }
      let r = scorer.score(step: "give-and-get", text: better, scenario: scenario, lang: lang)
      #expect(r.score == 2, "\(lang) \(scenario.id) give-and-get shown Better: \(better) — ✗ \(Self.failed(r))")
      checked += 1
    }
    #expect(checked > 40)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func strategyExamplesUseTheirStrategy(lang: Lang) {
    let book = Self.books[lang]!
    for category in book.categories {
      for strategy in category.strategies {
        guard let example = strategy.example else { continue }
        let r = best(lang, step: "process", text: example, category: category.id, strategies: [strategy.id])
        let uses = r.checks.first { $0.id == "uses-strategy" }
        #expect(uses?.passed == true, "\(lang) \(strategy.id) example does not read as its strategy: \(example)")
        #expect(r.score == 2, "\(lang) \(strategy.id) example: \(example) — ✗ \(Self.failed(r))")
      }
    }
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func exampleQuestionsReadAsTheirTypeAndScoreFullMarks(lang: Lang) {
    let book = Self.books[lang]!
    let classifier = QuestionClassifier(book: book)
    let scorer = DrillScorer(books: Self.books)
    for info in book.questionTypes {
      for q in info.examples {
        let got = classifier.classify(q)
        #expect(got.type == info.id && got.weaknesses.isEmpty, "\(lang) \(info.id) example reads as \(got.type.map(\.rawValue) ?? "no type") \(got.weaknesses.map(\.id)): \(q)")
        var s = DrillScenario(kind: .questions, id: "write-\(info.id.rawValue)", text: "")
        s.task = .write
        s.questionType = info.id
        let r = scorer.score(step: "question", text: q, scenario: s, lang: lang)
        #expect(r.score == 2, "\(lang) \(info.id) example: \(q) — ✗ \(Self.failed(r))")
      }
    }
    for d in book.questionDrills where d.task == .name {
      guard let q = d.question else { continue }
      #expect(classifier.classify(q).type == d.type, "\(lang) drill \(d.id): \(q)")
    }
    let better = book.rubric["question"]?.better ?? ""
    #expect(QuestionClassifier(book: book).classify(better).type != nil, "\(lang) question Better: \(better)")
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func giveAndGetBetterScoresFullMarks(lang: Lang) {
    let book = Self.books[lang]!
    guard let better = book.rubric["give-and-get"]?.better, let scenario = DrillScenarios.fromPlaybook(.negotiation, book: book).first else { return }
    let r = DrillScorer(books: Self.books).score(step: "give-and-get", text: better, scenario: scenario, lang: lang)
    #expect(r.score == 2, "\(lang) give-and-get Better: \(better) — ✗ \(Self.failed(r))")
  }
}
