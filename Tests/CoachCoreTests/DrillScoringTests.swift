import Testing

@testable import CoachCore

/// Drill scoring: evidence quoted in the rep's own words, question and negotiation drills,
/// totals and pass marks, determinism of re-scoring, the transcript's JSON, scenario picks.
@Suite struct DrillScoringTests {
  static let en = Fixtures.playbook(.en)
  static let zh = Fixtures.playbook(.zh)
  let scorer = DrillScorer(books: [.en: DrillScoringTests.en, .zh: DrillScoringTests.zh])

  func objection(_ id: String = "price-budget-fixed", lang: Lang = .en) -> DrillScenario {
    DrillScenarios.fromPlaybook(.objection, book: lang == .en ? Self.en : Self.zh).first { $0.id == id }!
  }

  @Test func evidenceQuotesTheRepsOwnWords() {
    let r = scorer.score(step: "listen", text: "Go on — TELL ME MORE about how you compared them, BUT keep it short?", scenario: objection(), lang: .en)
    let invites = r.checks.first { $0.id == "invites-more" }!
    #expect(invites.passed)
    #expect(invites.evidence.contains("TELL ME"))
    let rebuttal = r.checks.first { $0.id == "no-rebuttal" }!
    #expect(!rebuttal.passed)
    #expect(rebuttal.evidence == ["BUT"])
    #expect(rebuttal.advice?.contains("but") == true)
    // A rebuttal is a harm check: it caps the step at 0 whatever else passed, and says so.
    #expect(rebuttal.kind == .harm && rebuttal.note == "This caps the step at 0.")
    #expect(r.score == 0)
    #expect(r.better?.isEmpty == false)
  }

  @Test func aFailedCheckWithNothingToQuoteSaysWhatItLookedFor() {
    let r = scorer.score(step: "assure", text: "We will do our best.", scenario: objection(), lang: .en)
    let safeguard = r.checks.first { $0.id == "safeguard" }!
    #expect(!safeguard.passed && safeguard.evidence.isEmpty)
    #expect(safeguard.lookedFor.first == "“pilot”")
    // The essential check (a commitment) passes, the safeguard and the specifics do not: 1.
    #expect(r.score == 1)
  }

  /// A bare “嗯” is read with the Chinese signals (one character is Chinese enough): it stays
  /// with the customer, the course's own brief acknowledgement, though it invites nothing more.
  @Test func aBareChineseAcknowledgementIsReadAsChinese() {
    #expect(Lang.detect("嗯") == .zh && Lang.detect("嗯。") == .zh && Lang.detect("OK 嗯") == .en)
    let r = scorer.score(step: "listen", text: "嗯", scenario: objection("price-cheaper-competitor", lang: .zh), lang: .zh)
    let stays = r.checks.first { $0.id == "stays-with-them" }!
    #expect(stays.passed && stays.evidence == ["嗯"] && stays.lookedFor.isEmpty)
    #expect(r.checks.first { $0.id == "invites-more" }?.passed == false)
    #expect(r.score == 1)
  }

  /// A failed check whose signals are descriptions reads as what the answer does not do, and
  /// only the signal words are "not found".
  @Test func aNotFoundSentenceReadsNaturally() {
    let zh = scorer.score(step: "sympathize", text: "我理解。", scenario: objection("price-cheaper-competitor", lang: .zh), lang: .zh)
    let situation = zh.checks.first { $0.id == "their-situation" }!
    #expect(DrillView.notFound(situation, L10n(.zh)) == "没有复述客户自己的话，没有讲到套话之外的具体情况，也没有找到“换了我”")
    let en = scorer.score(step: "sympathize", text: "I understand.", scenario: objection("price-cheaper-competitor"), lang: .en)
    let seat = en.checks.first { $0.id == "their-situation" }!
    #expect(DrillView.notFound(seat, L10n(.en)) == "does not play back the customer's own words; nothing about their situation beyond stock phrases; no sign of “in your position”")
    let listen = scorer.score(step: "listen", text: "好的", scenario: objection("price-cheaper-competitor", lang: .zh), lang: .zh)
    let about = listen.checks.first { $0.id == "asks-about-it" }!
    #expect(DrillView.notFound(about, L10n(.zh)) == "没有说出要问的具体内容")
  }

  @Test func builtInTestsQuoteTheSentenceAndTheFigure() {
    #expect(DrillQuote.forTest(.question, in: "Thanks. Is that the main concern?", l: L10n(.en)) == "Is that the main concern?")
    #expect(DrillQuote.forTest(.number, in: "We switch back within 30 minutes.", l: L10n(.en)) == "30 minutes")
    #expect(DrillQuote.forTest(.number, in: "A review in week 4.", l: L10n(.en)) == "week 4")
    // A long question is shortened from the left, at a word.
    let long = DrillQuote.forTest(.question, in: "So the gap is the discount, and everything else in our offer works for you - is that right?", l: L10n(.en))
    #expect(long == "…else in our offer works for you - is that right?", "\(long)")
    #expect(DrillQuote.forTest(.number, in: "整体周期压到三个半月。", l: L10n(.zh)) == "三个半月")
    #expect(DrillQuote.forTest(.long, in: "one two three", l: L10n(.en)) == "(3 words)")
    #expect(DrillQuote.words("对吗?", in: "所以主要是价格问题，对吗？") == "对吗？")
    #expect(DrillQuote.words("so", in: "Also, so what?") == "so")
    #expect(DrillQuote.words("how", in: "Show me") == nil)
  }

  @Test func processUsesTheChosenStrategies() {
    let text = "Over 5 years your total cost of ownership is 12% lower, based on the figures you gave."
    let with = scorer.score(step: "process", text: text, strategies: ["value-comparison"], scenario: objection(), lang: .en)
    #expect(with.score == 2)
    #expect(with.checks.first { $0.id == "uses-strategy" }?.evidence.contains("total cost") == true)
    let without = scorer.score(step: "process", text: text, strategies: [], scenario: objection(), lang: .en)
    #expect(without.score == 1)
    #expect(without.checks.first { $0.id == "uses-strategy" }?.note == "No strategy was chosen.")
  }

  @Test func anEmptyAnswerScoresZero() {
    for step in LSCPAStep.allCases {
      #expect(scorer.score(step: step.rawValue, text: "   ", scenario: objection(), lang: .en).score == 0)
    }
  }

  @Test func answersInTheOtherLanguageAreReadWithThatLanguagesSignals() {
    // A Chinese answer in an English drill: Chinese signals, English descriptions.
    let r = scorer.score(step: "sympathize", text: "理解，预算已经定了，换了我是您也会担心。", scenario: objection(), lang: .en)
    #expect(r.score == 2)
    #expect(r.checks.first?.description == Self.en.rubric["sympathize"]?.checks.first?.description)
  }

  @Test func writeAQuestionOfTheRequestedType() {
    var s = DrillScenario(kind: .questions, id: "w", text: "First meeting.")
    s.task = .write
    s.questionType = .open
    let good = scorer.score(step: "question", text: "How do you plan production today?", scenario: s, lang: .en)
    #expect(good.score == 2)
    #expect(good.checks.last?.id == "reads-as-type" && good.checks.last?.passed == true)
    let closed = scorer.score(step: "question", text: "Do you plan production in Excel?", scenario: s, lang: .en)
    let typeCheck = closed.checks.last!
    #expect(!typeCheck.passed)
    #expect(typeCheck.note?.isEmpty == false)
    // Reading as the type asked for is essential: a closed question scores 0.
    #expect(closed.score == 0)
    #expect(closed.better == Self.en.questionType(.open)?.examples.first)
  }

  @Test func nameTheTypeIsRightOrWrong() {
    var s = DrillScenario(kind: .questions, id: "n", text: "What impact have the shortages had?")
    s.task = .name
    s.questionType = .leading
    #expect(scorer.score(step: "name", text: "2", scenario: s, lang: .en).score == 2)
    #expect(scorer.score(step: "name", text: "Leading", scenario: s, lang: .en).score == 2)
    #expect(scorer.score(step: "name", text: "引导性", scenario: s, lang: .zh).score == 2)
    let wrong = scorer.score(step: "name", text: "open", scenario: s, lang: .zh)
    #expect(wrong.score == 0)
    #expect(wrong.checks[0].note == "正确答案：引导性问题")
    #expect(wrong.checks[0].evidence == ["open"])
  }

  @Test func giveAndGet() {
    let s = DrillScenarios.fromPlaybook(.negotiation, book: Self.en)[0]
    #expect(scorer.score(step: "give-and-get", text: "If you commit to a three-year term, we can hold the price.", scenario: s, lang: .en).score == 2)
    let caves = scorer.score(step: "give-and-get", text: "No problem, 20% off it is.", scenario: s, lang: .en)
    #expect(caves.score == 0)
    #expect(caves.checks.first { $0.id == "not-unconditional" }?.evidence == ["No problem"])
  }

  @Test func totalsArePointsOverTwicePerStepAgainstThePassMark() {
    var steps = (0..<5).map { DrillStepRecord(step: LSCPAStep.allCases[$0].rawValue, text: "x", answeredAt: nil) }
    for (i, score) in [2, 2, 1, 1, 1].enumerated() { steps[i].score = score }
    var totals = DrillTotals(steps: steps, expectedSteps: 5, passMark: 70)
    #expect(totals.points == 7 && totals.maxPoints == 10 && totals.percent == 70 && totals.passed)
    #expect(totals.trainerPoints == nil && totals.overrides == 0)
    steps[4].override = 0
    totals = DrillTotals(steps: steps, expectedSteps: 5, passMark: 70)
    #expect(totals.percent == 70 && totals.passed, "the automatic score is kept")
    #expect(totals.trainerPoints == 6 && totals.trainerPercent == 60 && totals.trainerPassed == false && totals.overrides == 1)
    // Unanswered steps count as 0; rounding is half up; the mark is compared exactly.
    #expect(DrillTotals(steps: Array(steps.prefix(2)), expectedSteps: 5, passMark: 40).percent == 40)
    #expect(DrillTotals.percent(1, of: 8) == 13 && DrillTotals.percent(2, of: 3) == 67)
    #expect(!DrillTotals.passes(69, of: 100, mark: 70) && DrillTotals.passes(7, of: 10, mark: 70))
  }

  func sampleTranscript() -> DrillTranscript {
    var t = DrillTranscript(
      id: "20261123T090000Z-ann-price-budget-fixed", rep: "Ann", trainer: "Lee", lang: .en, mode: .exam, passMark: 70,
      seed: 7, scenario: objection(), startedAt: Timestamp(iso8601: "2026-11-23T09:00:00Z")!)
    let answers = [
      "Could you walk me through how the budget was set?", "I understand, but everyone has budgets.",
      "So the budget is fixed and we are above it, is that the main concern?",
      "Over 5 years your total cost is lower; here are the figures you asked for.",
      "We will agree a pilot with a review in week 4.",
    ]
    for (i, step) in LSCPAStep.allCases.enumerated() {
      var rec = DrillStepRecord(step: step.rawValue, text: answers[i], strategies: step == .process ? ["value-comparison"] : [], answeredAt: "2026-11-23T09:0\(i):00Z")
      let r = scorer.score(step: step.rawValue, text: rec.text, strategies: rec.strategies, scenario: t.scenario, lang: .en)
      rec.checks = r.checks.map(\.record)
      rec.score = r.score
      t.steps.append(rec)
    }
    t.steps[1].override = 1
    t.steps[1].comment = "Fair, but the ‘but’ undoes it."
    t.completed = true
    t.finishedAt = "2026-11-23T09:06:00Z"
    return t
  }

  @Test func reScoringASavedTranscriptGivesTheSameScoreEveryTime() throws {
    let t = sampleTranscript()
    let reread = try DrillTranscript.parse(t.fileText)
    #expect(reread == (try DrillTranscript.parse(reread.fileText)))
    for _ in 0..<3 {
      let again = scorer.rescore(reread)
      #expect(again.steps.map(\.score) == t.steps.map(\.score))
      #expect(again.steps.map(\.checks) == t.steps.map(\.checks))
      #expect(again.totals == t.totals)
      #expect(again.fileText == t.fileText)
    }
    #expect(reread.recordedPercent == t.totals.percent)
    #expect(reread.steps[1].override == 1 && reread.steps[1].comment == "Fair, but the ‘but’ undoes it.")
  }

  @Test func transcriptsKeepKeysTheyDoNotKnowAndRefuseDamagedOnes() throws {
    var json = sampleTranscript().json.object!
    json["addedByANewerVersion"] = ["kept": true]
    let t = try DrillTranscript(json: .object(json))
    #expect(t.json["addedByANewerVersion"] == ["kept": true])
    json["steps"] = [["step": "listen", "text": "x", "score": 3]]
    #expect(throws: PlanFormatError.self) { try DrillTranscript(json: .object(json)) }
    #expect(throws: PlanReadError.self) { try DrillTranscript.parse("{\"schemaVersion\": 1, \"format\": \"something-else\"}") }
    #expect(throws: PlanReadError.self) { try DrillTranscript.parse("{not json") }
  }

  @Test func fileNamesUseSafeCharactersOnly() {
    let t = Timestamp(iso8601: "2026-11-23T09:05:07Z")!
    #expect(DrillTranscript.fileStem(startedAt: t, rep: "Ann Lee", scenarioID: "price-budget-fixed") == "20261123T090507Z-ann-lee-price-budget-fixed")
    #expect(DrillTranscript.fileStem(startedAt: t, rep: "张伟", scenarioID: "x") == "20261123T090507Z-张伟-x")
    let hostile = DrillTranscript.fileStem(startedAt: t, rep: "../../etc/passwd\u{1B}[2J", scenarioID: "negotiation@stakeholder-1/..")
    #expect(!hostile.contains("/") && !hostile.contains("..") && !hostile.contains("\u{1B}"))
    #expect(DrillTranscript.fileStem(startedAt: t, rep: "!!!", scenarioID: "") == "20261123T090507Z-x-x")
  }

  @Test func theSameSeedPicksTheSameScenario() {
    let list = DrillScenarios.fromPlaybook(.objection, book: Self.en)
    #expect(list.count == Self.en.objectionDrills.count)
    for seed in [0, 1, 42, 999_999] {
      #expect(DrillScenarios.pick(list, seed: seed) == DrillScenarios.pick(list, seed: seed))
    }
    let picks = Set((0..<200).compactMap { DrillScenarios.pick(list, seed: $0)?.id })
    #expect(picks.count > list.count / 2, "seeds spread over the list")
    #expect(DrillScenarios.pick([], seed: 1) == nil)
  }

  @Test func filteringByCategory() throws {
    let objections = DrillScenarios.fromPlaybook(.objection, book: Self.zh)
    let risk = try #require(DrillScenarios.filter(objections, kind: .objection, category: "风险", book: Self.zh))
    #expect(!risk.isEmpty && risk.allSatisfy { $0.category == .risk })
    #expect(DrillScenarios.filter(objections, kind: .objection, category: "cheap", book: Self.zh) == nil)
    let questions = DrillScenarios.fromPlaybook(.questions, book: Self.en)
    #expect(try #require(DrillScenarios.filter(questions, kind: .questions, category: "name", book: Self.en)).allSatisfy { $0.task == .name })
    #expect(try #require(DrillScenarios.filter(questions, kind: .questions, category: "value", book: Self.en)).allSatisfy { $0.questionType == .value })
    #expect(DrillScenarios.filter(DrillScenarios.fromPlaybook(.negotiation, book: Self.en), kind: .negotiation, category: "price", book: Self.en) == nil)
  }

  @Test func scenariosFromThePlan() throws {
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: Timestamp(iso8601: "2026-11-23T09:00:00Z")!)
    var cfo = Stakeholder(name: "Dana")
    cfo.title = "CFO"
    cfo.role = .financial
    cfo.concerns = "Cash flow this year"
    plan.stakeholders = [cfo]
    var o = Objection(statement: "Your price is far above our budget.", category: nil, createdAt: "2026-11-23T09:00:00Z")
    o.raisedBy = "Dana"
    plan.objections = [o]
    plan.negotiation.interests = [try Interest(json: ["stakeholder": "Dana", "position": "We want 10% off.", "interest": "Meet the budget"], path: "")]
    let l = L10n(.en)
    let objections = DrillScenarios.fromPlan(.objection, plan: plan, book: Self.en, l: l)
    #expect(objections.count == 1)
    #expect(objections[0].id == "plan-objection-1" && objections[0].source == .plan && objections[0].plan == "acme")
    #expect(objections[0].category == .price, "suggested from the words when the plan has none")
    #expect(objections[0].context?.contains("Dana (CFO, ") == true)
    let negotiation = DrillScenarios.fromPlan(.negotiation, plan: plan, book: Self.en, l: l)
    #expect(negotiation.first?.text == "We want 10% off." && negotiation.first?.speaker == "Dana")
    #expect(negotiation.count == 1 + Self.en.negotiationDrills.count)
    #expect(negotiation.dropFirst().allSatisfy { $0.speaker == "Dana" && $0.id.hasSuffix("@stakeholder-1") })
    let questions = DrillScenarios.fromPlan(.questions, plan: plan, book: Self.en, l: l)
    #expect(questions.map(\.questionType) == QuestionType.allCases.map { $0 })
    #expect(questions[0].text.contains("Cash flow this year"))
  }
}
