import Testing

@testable import CoachCore

/// The graded example answers as a signal beside the checks (`AnswerExamples`, `answers.yaml`):
/// a failed harm check beats the examples, the examples move a score only as the rule says (one
/// point, when they agree and are close enough), the result names the example and the words
/// shared in both languages, the same words always get the same score, and `answers.yaml` is
/// checked with located errors and laid over like the other modules.
@Suite struct GradedExampleTests {
  static let scenario: DrillScenario = {
    var s = DrillScenario(kind: .objection, id: "t", text: "Your price is 20% above what we budgeted for the Hamburg warehouse.")
    s.category = .price
    return s
  }()

  /// The English playbook with only `answers` as its graded examples.
  static func scorer(_ answers: [GradedAnswer], rule: AnswerExamples.Rule? = .shipped(.en)) -> DrillScorer {
    var book = Fixtures.playbook(.en)
    book.gradedAnswers = answers
    var s = DrillScorer(books: [.en: book])
    s.exampleRule = rule
    return s
  }

  /// The shipped rule without the stronger lowering (2 → 0), to see the one-point moves alone.
  static var onePoint: AnswerExamples.Rule {
    var r = AnswerExamples.Rule.shipped(.en)
    r.strongDown = nil
    return r
  }

  static func checksAlone(_ step: String, _ text: String) -> DrillScorer.StepResult {
    scorer([], rule: nil).score(step: step, text: text, scenario: scenario, lang: .en)
  }

  @Test func aHarmCapBeatsTheExamples() throws {
    let text = "I understand, but our price is fair for what you get."
    let alone = Self.checksAlone("sympathize", text)
    try #require(alone.score == 0 && alone.checks.contains { $0.kind == .harm && !$0.passed })
    let r = Self.scorer([GradedAnswer(step: "sympathize", grade: 2, text: text)]).score(step: "sympathize", text: text, scenario: Self.scenario, lang: .en)
    #expect(r.score == 0)
    #expect(r.moved == nil)
    #expect(AnswerExamples.Rule.shipped(.en).combine(checklist: 0, harmed: true, AnswerExamples.Expectation(grade: 2, share: 1, closest: 1, neighbours: [])) == 0)
  }

  @Test func theExamplesMoveOnePointAsTheRuleSays() throws {
    // Lowering: a line the checks give 2, whose nearest graded answers are 0s, loses one point.
    let good = "I hear you, the warehouse budget is tight."
    let alone = Self.checksAlone("sympathize", good)
    try #require(alone.score == 2)
    let zeros = [GradedAnswer(step: "sympathize", grade: 0, text: good)]
    let lowered = Self.scorer(zeros, rule: Self.onePoint).score(step: "sympathize", text: good, scenario: Self.scenario, lang: .en)
    #expect(lowered.score == 1, "one point toward the example's grade, never a jump")
    // The shipped rule lowers 2 to 0 only when graded-0 answers have nearly the whole vote, as here.
    #expect(Self.scorer(zeros).score(step: "sympathize", text: good, scenario: Self.scenario, lang: .en).score == 0)
    #expect(lowered.moved?.from == 2 && lowered.moved?.to == 1)
    // The same checks as before: the examples add a line, they do not change a check.
    #expect(lowered.checks == alone.checks)
    // Raising: a line the checks give 0 (no harm), whose nearest graded answers are 2s, gains one
    // point; the shipped rule never raises to full marks (a 2 stays the checks' to give).
    let thin = "Okay, noted."
    let base = Self.checksAlone("sympathize", thin)
    try #require(base.score == 0 && !base.checks.contains { $0.kind == .harm && !$0.passed })
    let twos = [GradedAnswer(step: "sympathize", grade: 2, text: thin)]
    #expect(Self.scorer(twos).score(step: "sympathize", text: thin, scenario: Self.scenario, lang: .en).score == 1)
    let one = "I understand, that is a fair concern."
    try #require(Self.checksAlone("sympathize", one).score == 1)
    #expect(Self.scorer([GradedAnswer(step: "sympathize", grade: 2, text: one)]).score(step: "sympathize", text: one, scenario: Self.scenario, lang: .en).score == 1)
    var toFull = AnswerExamples.Rule.shipped(.en)
    toFull.highest = 2
    #expect(Self.scorer([GradedAnswer(step: "sympathize", grade: 2, text: one)], rule: toFull).score(step: "sympathize", text: one, scenario: Self.scenario, lang: .en).score == 2)
    // Examples of another step do not vote.
    #expect(Self.scorer([GradedAnswer(step: "listen", grade: 0, text: good)]).score(step: "sympathize", text: good, scenario: Self.scenario, lang: .en).score == 2)
  }

  @Test func weakOrSplitVotesDoNotMove() {
    let rule = AnswerExamples.Rule(k: 7, minSimilarity: 0.1, agreement: 0.7, closeEnough: 0.25)
    func e(_ grade: Int, share: Double, closest: Double) -> AnswerExamples.Expectation { .init(grade: grade, share: share, closest: closest, neighbours: []) }
    #expect(rule.combine(checklist: 1, harmed: false, e(2, share: 0.69, closest: 0.9)) == 1, "agreement under the rule's")
    #expect(rule.combine(checklist: 1, harmed: false, e(2, share: 0.9, closest: 0.24)) == 1, "not close enough")
    #expect(rule.combine(checklist: 1, harmed: false, e(2, share: 0.7, closest: 0.25)) == 2)
    #expect(rule.combine(checklist: 1, harmed: false, e(0, share: 0.7, closest: 0.25)) == 0)
    #expect(rule.combine(checklist: 0, harmed: false, e(2, share: 1, closest: 1)) == 1, "one point at a time")
    #expect(rule.combine(checklist: 2, harmed: false, e(0, share: 1, closest: 1)) == 1, "one point at a time")
    #expect(rule.combine(checklist: 2, harmed: false, e(2, share: 1, closest: 1)) == 2)
    var middle = rule
    middle.highest = 1
    middle.lowest = 1
    #expect(middle.combine(checklist: 0, harmed: false, e(2, share: 1, closest: 1)) == 1)
    #expect(middle.combine(checklist: 1, harmed: false, e(2, share: 1, closest: 1)) == 1, "not raised above `highest`")
    #expect(middle.combine(checklist: 1, harmed: false, e(0, share: 1, closest: 1)) == 1, "not lowered below `lowest`")
    #expect(middle.combine(checklist: 2, harmed: false, e(0, share: 1, closest: 1)) == 1)
    #expect(rule.combine(checklist: 1, harmed: false, nil) == 1)
    // The expected grade is the one with most of the similarity; a tie goes to the nearest.
    let n = { (g: Int, s: Double) in ExampleIndex.Neighbour(label: String(g), text: "x\(g)\(s)", similarity: s, shared: []) }
    #expect(AnswerExamples.expectation([n(2, 0.5), n(1, 0.3), n(1, 0.3)])?.grade == 1)
    #expect(AnswerExamples.expectation([n(2, 0.4), n(1, 0.4)])?.grade == 2)
    #expect(AnswerExamples.expectation([]) == nil)
  }

  @Test func theReasonNamesTheExampleAndTheWordsShared() throws {
    let text = "I hear you, the warehouse budget is tight."
    let example = "I hear you — the warehouse budget is tight everywhere this year."
    let answers = [GradedAnswer(step: "sympathize", grade: 0, text: example), GradedAnswer(step: "sympathize", grade: 0, text: text)]
    let r = Self.scorer(answers, rule: Self.onePoint).score(step: "sympathize", text: text, scenario: Self.scenario, lang: .en)
    let m = try #require(r.moved)
    #expect(m.examples.first?.text == text)
    #expect(m.examples.count == 2 && m.examples[1].text == example)
    #expect(m.examples[1].shared.contains("warehouse") && m.examples[1].shared.contains("budget"))
    let en = m.sentence(.en)
    #expect(en.contains("moved this step from 2 to 1") && en.contains("“\(example)”") && en.contains("(graded 0; shared: ") && en.contains("warehouse"))
    let zh = m.sentence(.zh)
    #expect(zh.contains("从 2 分调为 1 分") && zh.contains("“\(example)”") && zh.contains("评 0 分；共同的词") && zh.contains("“warehouse”"))
    // The report shows it, in the drill's language.
    let view = DrillView(book: Fixtures.playbook(.en), l: L10n(.en), width: 100).step(r, advice: true).plain
    #expect(view.contains("Graded example answers moved this step from 2 to 1"))
    let viewZh = DrillView(book: Fixtures.playbook(.zh), l: L10n(.zh), width: 100).step(r, advice: true).plain
    #expect(viewZh.contains("参照培训师已评分的示例回答，本步从 2 分调为 1 分"))
  }

  @Test func theSameWordsAlwaysGetTheSameScore() {
    let zh = Fixtures.playbook(.zh)
    var s = DrillScorer(books: [.en: Fixtures.playbook(.en), .zh: zh])
    s.exampleRules = [.en: .shipped(.en), .zh: .shipped(.zh)]
    for (step, text) in [
      ("listen", "您能具体说说预算是怎么定的吗？"), ("confirm", "So the 20% over budget is the main thing — anything else?"), ("assure", "I'll send the payment plan by Friday."),
    ] {
      let a = s.score(step: step, text: text, scenario: Self.scenario, lang: .en)
      let b = s.score(step: step, text: text, scenario: Self.scenario, lang: .en)
      let c = DrillScorer(books: s.books).score(step: step, text: text, scenario: Self.scenario, lang: .en)
      #expect(a == b && b == c)
    }
    // A fresh index over the same answers finds the same neighbours as the cached one.
    let fresh = AnswerExamples(shipped: zh).nearest(step: "listen", text: "您能具体说说预算是怎么定的吗？", k: 7)
    #expect(fresh == AnswerExamples.cached(zh, idfExponent: AnswerExamples.Rule.shipped(.zh).idfExponent).nearest(step: "listen", text: "您能具体说说预算是怎么定的吗？", k: 7))
  }

  // MARK: answers.yaml

  static func decode(_ yaml: String...) -> (Playbook, [PlaybookProblem]) {
    let files = yaml.enumerated().map { i, text in PlaybookFile(path: "t\(i)/en/answers.yaml", module: "answers", node: try! YAML.parse(text, file: "t\(i)/en/answers.yaml")) }
    let merged = PlaybookAssembler.merge(files)
    var book = Playbook(lang: .en)
    let problems = ProblemList()
    PlaybookDecoder.decode(module: "answers", node: merged["answers"]!, into: &book, problems: problems)
    return (book, problems.items.sorted())
  }

  @Test func badEntriesAreReportedWhereTheyAre() {
    let (book, problems) = Self.decode(
      """
      module: answers
      language: en
      steps:
        - id: listen
          graded:
            - grade: 2
              text: "Tell me more about the budget?"
            - grade: 3
              text: "What else?"
            - grade: 1
              text: ""
            - grade: 1
              text: "Tell me more about the budget?"
            - grade: 2
              text: "Tell  me more about the BUDGET?"
        - id: closing
          graded:
            - grade: 2
              text: "Shall we sign?"
      """)
    #expect(book.gradedAnswers.map(\.text) == ["Tell me more about the budget?"])
    let lines = problems.map { "\($0.location.line): \($0.message)" }
    #expect(lines.contains { $0.hasPrefix("8: ") && $0.contains("`grade` should be 0, 1 or 2, found `3`") })
    // A blank text is reported once, where it is, as blank (not also as missing).
    #expect(lines.contains { $0.hasPrefix("11: ") && $0.contains("`text` of a graded answer is empty") })
    #expect(!lines.contains { $0.contains("needs `text`") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("13: ") && $0.contains("also listed for `listen` with grade 2 (t0/en/answers.yaml:7)") })
    #expect(lines.contains { $0.hasPrefix("15: ") && $0.contains("already listed for `listen`") })
    #expect(lines.contains { $0.hasPrefix("16: ") && $0.contains("`closing` is not an LSCPA step") })
    #expect(problems.allSatisfy { !$0.text.zh.isEmpty && $0.text.zh != $0.text.en })
  }

  @Test func aTrainersFileAddsGradedAnswers() {
    let (book, problems) = Self.decode(
      """
      module: answers
      language: en
      steps:
        - id: confirm
          graded:
            - grade: 2
              text: "So it's the 20% over budget, and nothing else?"
      """,
      """
      module: answers
      language: en
      steps:
        - id: confirm
          graded:
            - grade: 1
              text: "So it's the price."
              category: price
              from: "my-team:03"
        - id: assure
          graded:
            - grade: 0
              text: "Zero risk, guaranteed."
      """)
    #expect(problems.isEmpty)
    #expect(book.gradedAnswers.map(\.step) == ["confirm", "confirm", "assure"])
    #expect(book.gradedAnswers[1].category == .price && book.gradedAnswers[1].writer == "my-team")
  }

  @Test func theShippedPlaybooksCarryGradedAnswersForEveryStep() {
    for lang in Lang.allCases {
      let answers = Fixtures.playbook(lang).gradedAnswers
      for step in GradedAnswerDecoder.steps {
        for grade in 0...2 { #expect(answers.contains { $0.step == step && $0.grade == grade }, "\(lang) \(step) \(grade)") }
      }
    }
  }
}
