import Testing

@testable import CoachCore

/// Round 3 of the judgement: how it reads a sentence — the clause that asks, the turn in an
/// objection, a count that is not money, a stock line that cannot earn full marks. Each case is
/// written here, not taken from the measured sets.
@Suite struct JudgementReadingTests {
  static let en = Fixtures.playbook(.en)
  static let zh = Fixtures.playbook(.zh)
  let scorer = DrillScorer(books: [.en: JudgementReadingTests.en, .zh: JudgementReadingTests.zh])

  func type(_ q: String, _ lang: Lang) -> String {
    QuestionClassifier(book: lang == .en ? Self.en : Self.zh).classify(q).type?.rawValue ?? "closed"
  }

  func category(_ o: String, _ lang: Lang) -> String {
    CategorySuggester(book: lang == .en ? Self.en : Self.zh).suggest(o).category?.rawValue ?? "none"
  }

  @Test func aYesNoQuestionAfterALeadInIsClosed() {
    #expect(type("Given the outage last month, do you have a budget for next year?", .en) == "closed")
    #expect(type("You mentioned the audit. Is that still planned for March?", .en) == "closed")
    let r = QuestionClassifier(book: Self.en).classify("So before we go further, are you the one who signs?")
    #expect(r.type == nil && r.weaknesses.first?.id == "closed")
    // A hypothetical lead-in still makes a value question, and a check of one's own understanding is verification.
    #expect(type("If the checkout never crashed during peak, what would that be worth to you?", .en) == "value")
    #expect(type("Just so I'm clear, the budget is approved but procurement hasn't released it yet?", .en) == "verification")
  }

  @Test func aPoliteInvitationIsOpenAndASingleFigureIsClosed() {
    #expect(type("能不能介绍一下现在的审批流程？", .zh) == "open")
    #expect(type("Could you walk me through how a claim gets processed today?", .en) == "open")
    #expect(type("How many users would need access?", .en) == "closed")
    #expect(type("你们IT部一共几个人？", .zh) == "closed")
  }

  @Test func theWordsAfterATurnDecideTheCategory() {
    #expect(category("I like it, but our IT people are fully booked until the spring.", .en) == "time")
    #expect(category("The price is fine, but I can't sign above 20k.", .en) == "decision")
    #expect(category("价格可以接受，但是超过二十万我签不了。", .zh) == "decision")
    #expect(category("方案挺好，不过我们信息中心今年人手全压在国产化替代上了。", .zh) == "time")
  }

  @Test func aChineseCharacterInsideAnotherWordIsNoPriceCue() {
    #expect(category("你们公司才成立三年，万一哪天不干了，我们的系统怎么办？", .zh) == "risk")
    #expect(TextMatcher("仓库一天出库十几万单").passes(.amount) == false, "a count of orders is not a sum of money")
    #expect(TextMatcher("一年要多花两百万").passes(.amount))
  }

  @Test func aStockLineCannotEarnFullMarks() {
    let s = DrillScenario(kind: .objection, id: "x", text: "We need proof of your uptime before we move the plant over.")
    var scenario = s
    scenario.category = .risk
    #expect(scorer.score(step: "assure", text: "I'll send the SLA document.", scenario: scenario, lang: .en).score == 1)
    let normalising = scorer.score(step: "sympathize", text: "Of course, every plant manager says that these days.", scenario: scenario, lang: .en)
    #expect(normalising.score == 1)
    #expect(normalising.checks.first { $0.id == "their-situation" }?.passed == false)
    let zh = DrillScenario(kind: .objection, id: "y", text: "你们的系统我们没用过，出了问题谁负责？")
    #expect(scorer.score(step: "assure", text: "我保证不会出问题，下周我就带团队过去。", scenario: zh, lang: .zh).score == 0)
  }

  // MARK: round 5 — how a coach reads each LSCPA step (sentences written here, not from the sets)

  static let freeze = DrillScenario(kind: .objection, id: "r5-en", text: "We have a change freeze until February; nothing touches production before then.")
  static let freezeZh = DrillScenario(kind: .objection, id: "r5-zh", text: "二月之前我们封网，生产环境谁也不能动。")

  func score(_ step: String, _ text: String, _ lang: Lang = .en) -> Int {
    scorer.score(step: step, text: text, scenario: lang == .en ? Self.freeze : Self.freezeZh, lang: lang).score
  }

  func failed(_ step: String, _ text: String, _ lang: Lang = .en) -> [String] {
    scorer.score(step: step, text: text, scenario: lang == .en ? Self.freeze : Self.freezeZh, lang: lang).checks.filter { !$0.passed }.map(\.id)
  }

  @Test func listenInvitesMoreAndDoesNotFileTheCustomerAway() {
    // A question after one fact narrows the talk; an open one invites the whole story.
    #expect(score("listen", "Okay. When is the go-live planned?") == 1)
    #expect(failed("listen", "Okay. When is the go-live planned?") == ["invites-more"])
    #expect(score("listen", "What makes the timing so hard for your team right now?") == 2)
    // "though", "we hear that a lot", 每家都这么说: the concern is brushed aside.
    #expect(failed("listen", "Sure, quick question: how many servers do you run?") == ["invites-more"])
    #expect(score("listen", "Tough one, though I'd like to understand it properly. How did the freeze come about?") == 2)
    #expect(score("listen", "Right, we hear that a lot from banks.") == 0)
    #expect(score("listen", "嗯，这个每家医院都这么说。", .zh) == 0)
    #expect(score("listen", "明白，那我们先说说方案？", .zh) == 0)
    #expect(score("listen", "嗯，我一直在倾听。", .zh) == 0)
  }

  @Test func sympathyNamesWhatTheCustomerCarries() {
    // No stock words of empathy, yet it acknowledges: the weight the customer carries.
    #expect(score("sympathize", "With the auditors arriving in March, the last thing you need is another system to explain.") == 2)
    #expect(score("sympathize", "That must put real pressure on your operations people.") >= 1)
    #expect(score("sympathize", "要是上线出了事，下不来台的是您，这份压力我们得替您想到。", .zh) == 2)
    // Feel-felt-found turns the empathy into a pitch; "I don't think that's fair" contradicts.
    #expect(score("sympathize", "I get it. Plenty of buyers felt the same until they saw how reliable we are.") == 0)
    #expect(score("sympathize", "I don't think that's quite fair to the project.") == 0)
    #expect(score("sympathize", "封网这件事，现在就下结论还太早了吧。", .zh) == 0)
    // Not every "every", "so" or "不是…吗" brushes the customer off: asked about their side, it invites.
    #expect(score("listen", "Every site runs its freeze differently. What does yours cover?") == 2)
    #expect(score("listen", "能说说封网期间每个环节都是谁在把关吗？", .zh) == 2)
    #expect(score("confirm", "So you like the product, but February is the constraint — is that right?") >= 1)
  }

  @Test func confirmRestatesWithoutPuttingWordsInTheirMouth() {
    // A declarative restatement checks less than a question, but it is a check.
    #expect(score("confirm", "So the freeze runs until February and production stays untouched.") >= 1)
    #expect(score("confirm", "所以您担心的是二月之前动不了生产。", .zh) >= 1)
    // Asking for a yes to us, or shrinking the concern, puts words in the customer's mouth.
    #expect(score("confirm", "Just to check, you're interested in our platform, right?") == 0)
    #expect(score("confirm", "So basically it's just a comfort thing, correct?") == 0)
    #expect(score("confirm", "也就是说，只要流程走完就能签，对吧？", .zh) == 0)
    #expect(score("confirm", "那您今天能定下来吗？", .zh) == 0)
    // In Chinese a restatement of 25 characters or more, in the rep's own words, restates.
    let own = "也就是说，测试可以先动起来，卡住的是上线要等到开春，对吗？"
    #expect(scorer.score(step: "confirm", text: own, scenario: Self.freezeZh, lang: .zh).checks.first { $0.id == "restates" }?.passed == true)
    // "Is that the whole picture?" asks whether it is all of it.
    #expect(score("confirm", "So nothing can touch production before February, and your team is tied up until then. Is that the whole picture?") == 2)
  }

  @Test func processHarmsComeInManyShapes() {
    #expect(score("process", "Honestly, the freeze is really not an issue with our migration kit; we do it in 3 nights.") == 0)
    #expect(score("process", "Hundreds of retailers rely on our world-class platform, 24/7.") == 0)
    #expect(score("process", "Let's skip the committee this time: sign the first order within your own authority today.") == 0)
    #expect(score("process", "我们把合同今天先签了，价格锁定在今年，三月再上线。", .zh) == 0)
    #expect(score("process", "我们有成熟的方法论，完全不占您团队的时间，三周上线。", .zh) == 0)
    #expect(score("process", "If we can lock in this year's price now, the rollout can wait until March.") == 0)
    #expect(score("process", "您今天定下来的话，我给您申请个特价。", .zh) == 0)
    // A figure written as a word is a figure.
    #expect(TextMatcher("We start with eight stores for six weeks.").passes(.specifics))
    #expect(TextMatcher("You are the one who signs.").passes(.number) == false)
  }

  @Test func anAssuranceIsSomethingTheCustomerCanHoldYouTo() {
    // The customer's own people judge the result: a safeguard.
    #expect(score("assure", "I'll send the cutover plan by Thursday, and if your ops lead disagrees with any step, we'll redo it his way.") == 2)
    #expect(score("assure", "周四前我把切换方案发给您，哪一步您的运维不认同，我们按他的口径重做。", .zh) == 2)
    // "Let me know" and "let me see what I can do" commit to nothing.
    #expect(score("assure", "Let me know when you're ready to move forward.") == 0)
    #expect(score("assure", "Let me see what I can do and get back to you.") == 0)
    #expect(score("assure", "I'll send the plan on Monday; you'll regret it if the slot goes to someone else.") == 0)
    // Going over the customer's head is pressure.
    #expect(score("assure", "I'll get our CEO to call your board and speed things up.") == 0)
    // A dated deliverable with a check the customer's own people run earns full marks.
    #expect(score("assure", "By Friday you'll have the cutover checklist, and your operations lead can review every step before we touch anything.") == 2)
    #expect(score("assure", "周三前我把切换清单和回退方案一起发给您，每一步都标明负责人，哪一步您觉得不稳，您随时叫停。", .zh) == 2)
  }
}
