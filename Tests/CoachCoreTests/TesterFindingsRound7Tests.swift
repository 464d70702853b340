import Testing

@testable import CoachCore

/// Round 7 of issue 14: an independent tester's findings on the question classifier and the
/// content check, each in both languages. The cases are the tester's own sentences and their
/// counterparts written here, not items of a measured set; the shipped playbooks decide.
@Suite struct TesterFindingsRound7Tests {
  static let en = Fixtures.playbook(.en)
  static let zh = Fixtures.playbook(.zh)
  let scorer = DrillScorer(books: [.en: TesterFindingsRound7Tests.en, .zh: TesterFindingsRound7Tests.zh])

  func classify(_ q: String, _ lang: Lang) -> QuestionClassifier.Result {
    QuestionClassifier(book: lang == .en ? Self.en : Self.zh).classify(q)
  }

  /// "What would make this a success for you?" had one content word ("success") and was read as
  /// content-free, so it got no type while "What does success look like for you?" was value.
  @Test func aSuccessQuestionWithOneContentWordIsValue() {
    #expect(classify("What would make this a success for you?", .en).type == .value)
    #expect(classify("What does success look like for you?", .en).type == .value)
    #expect(classify("怎样才算这个项目成功？", .zh).type == .value)
    // Content-free prompts still have no type.
    #expect(classify("What else?", .en).type == nil)
    #expect(classify("Can you tell me more about that?", .en).type == nil)
    #expect(classify("然后呢？", .zh).type == nil)
  }

  /// "您能介绍一下…吗？" is a polite request (open), as "能不能介绍一下…" already was.
  @Test func aPoliteRequestWithNinNengIsOpen() {
    #expect(classify("您能介绍一下上次停机的情况吗？", .zh).type == .open)
    #expect(classify("你能跟我说说上次停机是怎么处理的吗？", .zh).type == .open)
    #expect(classify("Could you describe what happened during the last outage?", .en).type == .open)
    // A yes/no question that starts the same way stays closed.
    #expect(classify("您能下周五之前给我们回个话吗？", .zh).type == nil)
  }

  /// "Is there anything else holding you back?" is the course's own Confirm check: closed on
  /// purpose. It is not told to open up like a closed discovery question.
  @Test func aCheckForOtherConcernsIsNotToldToOpenUp() {
    for (q, lang) in [("Is there anything else holding you back?", Lang.en), ("还有别的顾虑吗？", .zh), ("除了价格，还有其他担心吗？", .zh)] {
      let r = classify(q, lang)
      #expect(r.type == nil, "\(q)")
      #expect(r.weaknesses.first?.id == "concern-check", "\(q)")
      #expect(!r.weaknesses.contains { $0.id == "closed" }, "\(q)")
      let book = lang == .en ? Self.en : Self.zh
      let shown = QuestionFeedback.render(r, book: book, intended: nil, l: L10n(lang), width: 200).plain
      let closedAdvice = book.weakQuestions.first { $0.id == "closed" }!.advice!
      #expect(!shown.contains(String(closedAdvice.prefix(12))), "\(shown)")
    }
    // An ordinary closed question keeps the closed advice.
    #expect(classify("Do you have a budget for this?", .en).weaknesses.first?.id == "closed")
    #expect(classify("你们有这方面的预算吗？", .zh).weaknesses.first?.id == "closed")
  }

  /// A bare prompt after a restatement ("…. And?", "…，然后呢？") does not ask about the concern itself.
  @Test func aBarePromptAfterARestatementHasNoContent() {
    let en = DrillScenarios.fromPlaybook(.objection, book: Self.en).first { $0.id == "price-budget-fixed" }!
    let zh = DrillScenarios.fromPlaybook(.objection, book: Self.zh).first { $0.category == .price }!
    func asks(_ text: String, _ s: DrillScenario, _ lang: Lang) -> Bool {
      scorer.score(step: "listen", text: text, scenario: s, lang: lang).checks.first { $0.id == "asks-about-it" }!.passed
    }
    #expect(!asks("So this year's budget is already fixed and we are above it. And?", en, .en))
    #expect(!asks("So this year's budget is already fixed, and then?", en, .en))
    #expect(!asks("您是说今年的预算已经定了，我们的报价超出了预算。然后呢？", zh, .zh))
    #expect(!asks("您是说今年的预算已经定了，还有呢？", zh, .zh))
    #expect(asks("So this year's budget is already fixed. How was the figure set?", en, .en))
    #expect(asks("您是说今年的预算已经定了。这个数是怎么定下来的？", zh, .zh))
    #expect(classify("So the budget is fixed. And?", .en).type == nil)
  }

  /// A closed question's advice shows the playbook's nearest question of the type wanted as a model.
  @Test func closedAdviceShowsTheNearestExampleAsAModel() {
    for (q, lang) in [("Do you have a budget for this?", Lang.en), ("你们有这方面的预算吗？", .zh)] {
      let r = classify(q, lang)
      let model = r.models[.open]
      #expect(model != nil, "\(q)")
      let book = lang == .en ? Self.en : Self.zh
      let shown = QuestionFeedback.render(r, book: book, intended: nil, l: L10n(lang), width: 400).plain
      if let model { #expect(shown.contains(model.text), "\(shown)") }
      // The model is an open example of the playbook and reads as open itself.
      if let model { #expect(classify(model.text, lang).type == .open, "\(model.text)") }
      // In a drill that asks for an open question, the advice names it too.
      var s = DrillScenario(kind: .questions, id: "w", text: "First meeting.")
      s.task = .write
      s.questionType = .open
      let check = scorer.score(step: "question", text: q, scenario: s, lang: lang).checks.last!
      if let model { #expect(check.advice?.contains(model.text) == true, "\(check.advice ?? "")") }
    }
  }

  /// When the nearest model is the advice's own rewrite, the question is shown once, not twice.
  @Test func aModelThatIsTheAdvicesRewriteIsNotRepeated() {
    let q = "Do you have a budget for next year?"
    let r = classify(q, .en)
    let shown = QuestionFeedback.render(r, book: Self.en, intended: nil, l: L10n(.en), width: 400).plain
    let rewrite = "How is the budget for a project like this planned and approved?"
    #expect(shown.components(separatedBy: rewrite).count - 1 == 1, "\(shown)")
    #expect(QuestionFeedback.repeats(rewrite, advice: "…becomes \"how is the budget for a project like this planned and approved\""))
    #expect(!QuestionFeedback.repeats("What else is on the agenda?", advice: "Open it up."))
  }

  /// English: a price or risk objection that names who approves is about the price or the risk;
  /// a decision objection without another strong concern stays decision (written here).
  @Test func anApproverInsideAPriceObjectionIsWeakEvidenceForDecision() {
    let s = CategorySuggester(book: Self.en)
    #expect(s.suggest("My CFO will never sign off on a quote that is 30% above the cheaper offer.").category == .price)
    #expect(s.suggest("The board has to approve anything like this, and they meet in March.").category == .decision)
    #expect(s.suggest("It's not my decision. The steering committee has the final say.").category == .decision)
    #expect(s.suggest("I can't sign anything above 50k on my own.").category == .decision)
  }

  /// Time words alone never make a value question's cues; a value signal next to them does. (The
  /// nearest examples may still vote value on a question about the future — see the docs.)
  @Test func timeWordsAloneAreNotValueCues() {
    func valueCues(_ q: String, _ lang: Lang) -> Int {
      let book = lang == .en ? Self.en : Self.zh
      return TextMatcher(q).score(book.questionType(.value)!.signals).total
    }
    #expect(valueCues("How will your market change in the coming years?", .en) == 0)
    #expect(valueCues("What will the plant look like a year from now?", .en) == 0)
    #expect(valueCues("未来三年，这个行业会往哪个方向走？", .zh) == 0)
    #expect(valueCues("A year from now, how would you know this was worth the investment?", .en) > 0)
    #expect(valueCues("三年后，这个项目做成了对您的部门意味着什么？", .zh) > 0)
    #expect(classify("A year from now, how would you know this was worth the investment?", .en).type == .value)
  }

  /// Stored as an open discovery question, a check for other concerns is not stored in silence:
  /// the flow shows its own advice (closed on purpose, right at Confirm), not "open it up".
  @Test func aConcernCheckInTheOpenSlotIsFlagged() {
    let book = Self.en
    let plan = FlowTests.plan()
    let flow = QuestionFlow(book: book, signals: [.en: book], l: FlowTests.l)
    _ = flow.start(FlowTests.context(plan, book: book))
    let asked = flow.accept("Is there anything else holding you back?", FlowTests.context(plan, book: book))
    let shown = FlowTests.describe(asked[0])
    #expect(shown.contains("does not read as an open question"))
    #expect(shown.contains("Check for other concerns"))
    #expect(!shown.contains("Open it up"))
  }
}
