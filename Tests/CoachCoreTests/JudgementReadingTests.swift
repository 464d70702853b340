import Testing

@testable import CoachCore

/// Round 3 of the judgement: how it reads a sentence — the clause that asks, the turn in an
/// objection, a count that is not money, a stock line that cannot earn full marks. Each case is
/// written here, not taken from the measured sets.
@Suite struct JudgementReadingTests {
  static let en = Fixtures.playbook(.en)
  static let zh = Fixtures.playbook(.zh)
  let scorer = DrillScorer(books: [.en: JudgementReadingTests.en, .zh: JudgementReadingTests.zh])
  /// The checks alone, without the graded example answers (`AnswerExamples`).
  var checksOnly: DrillScorer {
    var s = scorer
    s.exampleRule = nil
    return s
  }

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
    // The checks give the normalising line 1 (it acknowledges); the trainers' graded answers
    // nearest to it are 0s (normalising brushes the concern off), and they lower it to 0.
    #expect(checksOnly.score(step: "sympathize", text: "Of course, every plant manager says that these days.", scenario: scenario, lang: .en).score == 1)
    #expect(normalising.score <= 1)
    #expect(normalising.checks.first { $0.id == "their-situation" }?.passed == false)
    let zh = DrillScenario(kind: .objection, id: "y", text: "你们的系统我们没用过，出了问题谁负责？")
    #expect(scorer.score(step: "assure", text: "我保证不会出问题，下周我就带团队过去。", scenario: zh, lang: .zh).score == 0)
  }

  // MARK: round 5 — how a coach reads each LSCPA step (sentences written here, not from the sets)

  static let freeze = DrillScenario(kind: .objection, id: "r5-en", text: "We have a change freeze until February; nothing touches production before then.")
  static let freezeZh = DrillScenario(kind: .objection, id: "r5-zh", text: "二月之前我们封网，生产环境谁也不能动。")

  func score(_ step: String, _ text: String, _ lang: Lang = .en, checksOnly only: Bool = false) -> Int {
    (only ? checksOnly : scorer).score(step: step, text: text, scenario: lang == .en ? Self.freeze : Self.freezeZh, lang: lang).score
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

  @Test func sympathyIsNotAPitch() {
    // Feel-felt-found turns the empathy into a pitch; "I don't think that's fair" contradicts.
    #expect(score("sympathize", "I get it. Plenty of buyers felt the same until they saw how reliable we are.") == 0)
    #expect(score("sympathize", "I don't think that's quite fair to the project.") == 0)
    #expect(score("sympathize", "封网这件事，现在就下结论还太早了吧。", .zh) == 0)
    // Not every "every", "so" or "不是…吗" brushes the customer off: asked about their side, it invites.
    // The checks read it as inviting (2); round 8's English lowering (nearest graded 1s ≥ 0.15
    // similar, 70 % of the vote) takes it to 1 — the examples' verdict, reported as such.
    #expect(score("listen", "Every site runs its freeze differently. What does yours cover?", checksOnly: true) == 2)
    #expect(score("listen", "Every site runs its freeze differently. What does yours cover?") >= 1)
    #expect(score("listen", "能说说封网期间每个环节都是谁在把关吗？", .zh) == 2)
    #expect(score("confirm", "So you like the product, but February is the constraint — is that right?") >= 1)
  }

  @Test func confirmRestatesWithoutPuttingWordsInTheirMouth() {
    // Asking for a yes to us, or shrinking the concern, puts words in the customer's mouth.
    #expect(score("confirm", "Just to check, you're interested in our platform, right?") == 0)
    #expect(score("confirm", "So basically it's just a comfort thing, correct?") == 0)
    #expect(score("confirm", "也就是说，只要流程走完就能签，对吧？", .zh) == 0)
    #expect(score("confirm", "那您今天能定下来吗？", .zh) == 0)
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
    // "Let me know" and "let me see what I can do" commit to nothing.
    // The checks give it 0; the graded answers nearest to it (vague next steps) are 1s and may
    // raise it to 1, never to full marks.
    #expect(score("assure", "Let me know when you're ready to move forward.", checksOnly: true) == 0)
    #expect(score("assure", "Let me know when you're ready to move forward.") <= 1)
    #expect(score("assure", "Let me see what I can do and get back to you.") == 0)
    #expect(score("assure", "I'll send the plan on Monday; you'll regret it if the slot goes to someone else.") == 0)
    // Going over the customer's head is pressure.
    #expect(score("assure", "I'll get our CEO to call your board and speed things up.") == 0)
    // A dated deliverable with a check the customer's own people run earns full marks.
    #expect(score("assure", "By Friday you'll have the cutover checklist, and your operations lead can review every step before we touch anything.") == 2)
  }

  // MARK: the round-5 audit — each change that gives credit, probed with gamed lines that hit its
  // wording without doing the step (they must not reach 2; a harmful one scores 0) and with good
  // lines in unusual words (they earn 2). Written here, not taken from any measured set.

  static let price = DrillScenario(kind: .objection, id: "r5-price", text: "Your price is 20% above the other quote, and our CFO won't sign that.")
  static let priceZh = DrillScenario(kind: .objection, id: "r5-price-zh", text: "你们的报价比另一家高了20%，财务总监不会签的。")

  func onPrice(_ step: String, _ text: String, _ lang: Lang = .en) -> Int {
    scorer.score(step: step, text: text, scenario: lang == .en ? Self.price : Self.priceZh, lang: lang).score
  }

  @Test func aSoRestatementIsNoCheckWithoutAQuestion() {
    // Dropped: "So you…/So the…", "you are telling me" as a frame that checks. With it, a correct
    // restatement followed by a pitch scored 2; these gamed lines stay under 2.
    #expect(onPrice("confirm", "So your CFO won't sign above the other quote, the main thing is getting him into a room with our CEO.") <= 1)
    #expect(score("confirm", "So you're worried, correct?") <= 1)
    #expect(score("confirm", "So the freeze is the only concern, and once February comes you're ready to sign with us.") == 0)
    #expect(onPrice("confirm", "So the price is the only thing between us and a signature.") <= 1)
    #expect(onPrice("confirm", "So what you're saying is the 20% gap stops mattering once we add free training.") <= 1)
    #expect(onPrice("confirm", "So your CFO just needs a call from our CEO.") <= 1)
    // Jumping to the kickoff puts words in their mouth.
    #expect(score("confirm", "You are telling me the freeze is the main thing, so let's pencil in the kickoff for the first of February.") == 0)
    // Good restatements in unusual words.
    #expect(onPrice("confirm", "So your CFO won't put his name to a price 20% above the other quote — the gap itself, or how it looks next to the other quote?") == 2)
    // The checks give it full marks; the trainers' graded Confirm answers nearest to it (formula
    // restatements with "or is there more?") are mostly 1s and lower it one point.
    #expect(score("confirm", "So production is off limits until February and that is the main thing in the way, or is there more?", checksOnly: true) == 2)
    #expect(score("confirm", "So production is off limits until February and that is the main thing in the way, or is there more?") >= 1)
  }

  @Test func aSafeguardIsACheckOnOurWorkNotAnInvitationToAdmireIt() {
    // Dropped: "you/your … can check/compare/verify/test/lay…" — easy to say about anything.
    #expect(onPrice("assure", "Your CFO can lay it against any quote he likes, we will still come out on top; I'll send it Friday.") <= 1)
    #expect(onPrice("assure", "You can verify every claim on our website; I'll send the link today.") <= 1)
    #expect(score("assure", "Your team can check it out anytime; I'll send the link on Monday.") <= 1)
    #expect(score("assure", "You can see for yourself how great our platform is; we will make it happen.") <= 1)
    #expect(onPrice("assure", "Your CFO can compare us with anyone, we always win; I'll send the deck on Thursday.") <= 1)
    #expect(onPrice("assure", "You can check our references; I'll email them tomorrow, everyone loves us.") <= 1)
    #expect(score("assure", "Nothing will go wrong until you sign, and I'll call you on Monday.") == 0)
    #expect(score("assure", "You will see results within 24 hours, signed by our CEO.") <= 1)
    #expect(onPrice("assure", "We will keep going until you are happy, whatever it takes.") <= 1)
    #expect(
      onPrice("assure", "By Thursday I'll send the cost model as a spreadsheet your controller can check line by line, and nothing is invoiced until the first plant runs on it.")
        == 2)
    #expect(
      score("assure", "I'll put the migration runbook in your hands by Friday; your ops lead reviews each step in staging, and nothing goes live until he signs it off.") == 2)
    // Dropped in Chinese: a veto or "satisfied or free" said as a slogan is no safeguard.
    #expect(score("assure", "您随时可以叫停，不过到现在还没有客户叫停过，我们绝对靠谱。", .zh) == 0)
    #expect(onPrice("assure", "一切由您来定，我们一定让您满意为止。", .zh) == 0)
    #expect(onPrice("assure", "不满意不收钱，写进承诺里，您就放心吧。", .zh) <= 1)
    #expect(onPrice("assure", "周四前我把五年总成本的明细表发给财务总监，每一项都写明来源，他可以逐项核对。", .zh) == 2)
  }

  @Test func aFigureWrittenAsAWordMustCountSomething() {
    #expect(TextMatcher("within ten days").passes(.number))
    #expect(TextMatcher("ten times better than anyone").passes(.number) == false)
    #expect(TextMatcher("ten out of ten").passes(.number) == false)
    #expect(TextMatcher("give or take two or three").passes(.number) == false)
    #expect(onPrice("process", "We're ten times better than anyone and trusted by thousands; you will love it.") == 0)
    #expect(onPrice("process", "Our solution is ten out of ten for companies like yours and pays back many times over.") <= 1)
    #expect(onPrice("process", "Think of the thousands of hours you'll save with our product.") == 0)
    #expect(score("assure", "We will sort it all out, I promise, a hundred times over.") == 0)
    #expect(score("assure", "I'll have the rollback script tested in your staging environment within ten working days, and your ops lead signs off before anything moves.") == 2)
    #expect(onPrice("assure", "I'll bring the fallback plan within five working days, and nothing is invoiced until your controller has reviewed it.") == 2)
    // Still a figure, and still not a safeguard: a count alone earns no more than 1.
    #expect(onPrice("assure", "We will handle it, our ten thousand customers can't be wrong; I'll call you.") <= 1)
    #expect(onPrice("assure", "I'll get back to you with something in two shakes, promise.") <= 1)
  }

  @Test func droppedCreditStaysDropped() {
    // Sympathy words that name a burden, said as a formula or before a pitch, do not acknowledge.
    #expect(score("sympathize", "I can imagine, I really can. Our platform solves exactly that.") == 0)
    #expect(onPrice("sympathize", "That must be hard, the last thing you need. Which is why you should decide today.") == 0)
    #expect(onPrice("sympathize", "Responsible buyers like you always carry it on their shoulders.") == 0)
    #expect(onPrice("sympathize", "这个压力确实得您扛，所以更要选我们。", .zh) <= 1)
    // The checks drop the credit; the nearest graded answers may raise it to 1, never to 2.
    #expect(score("sympathize", "下不来台的是您，所以尽快定下来吧。", .zh, checksOnly: true) == 0)
    #expect(score("sympathize", "下不来台的是您，所以尽快定下来吧。", .zh) <= 1)
    // "Is that the whole picture?" after a one-word restatement, "any other points" before a booking.
    #expect(onPrice("confirm", "So it's the price. Is that the whole picture?") <= 1)
    #expect(score("confirm", "Are there any other points, or can we book the kickoff?") <= 1)
    // 所以/那就是 without a question; a long restatement that distorts; 就这些 before a signature.
    #expect(score("confirm", "所以您就是担心，对吧。", .zh) <= 1)
    #expect(onPrice("confirm", "所以只是价格问题，我们再沟通一下就好。", .zh) <= 1)
    #expect(score("confirm", "那就是说时间不是问题，二月一到咱们就启动。", .zh) <= 1)
    #expect(score("confirm", "也就是说您觉得我们的方案挺好的，只是时间上需要再稍微协调一下而已，对吧？", .zh) <= 1)
    #expect(onPrice("confirm", "您的意思是说您其实很认可我们的产品和服务，只是财务那边需要一个说法，对吗？", .zh) <= 1)
    #expect(onPrice("confirm", "我理解您现在关心的主要是整体合作上的一些问题和后续的安排情况，是这样吗？", .zh) <= 1)
    #expect(onPrice("confirm", "就这些吗？那我们签吧。", .zh) <= 1)
    // 咱们/您这边 as a pseudo-tie to the customer's situation.
    #expect(onPrice("process", "咱们合作这么久了，这个方案肯定没问题。", .zh) == 0)
    #expect(score("process", "您这边放心，我们的产品是行业领先的。", .zh) == 0)
    #expect(onPrice("process", "厂里用了都说好，咱们也上吧。", .zh) == 0)
  }

  @Test func goodLinesInUnusualWordsAreNotCaughtByRoundFiveHarms() {
    #expect(score("listen", "A freeze till February — that's a hard line. What's riding on that date for you?") == 2)
    #expect(onPrice("listen", "Twenty percent is a big number to take upstairs. What did the other quote include?") == 2)
    #expect(score("listen", "Before I say anything: which parts of the freeze bite hardest for your team?") == 2)
    #expect(onPrice("sympathize", "Taking a price 20% over the other quote to your CFO is a hard sell for anyone; his caution is reasonable.") == 2)
    #expect(score("sympathize", "A freeze before year-end is exactly what a careful operations team does, and you'd be the one answering for an outage.") == 2)
    #expect(score("assure", "I'll send the staging plan by Tuesday, and your change board keeps its veto on the go-live date.") == 2)
    #expect(score("listen", "封网到二月，这条线确实硬。二月这个时间点对您那边意味着什么？", .zh) == 2)
    #expect(onPrice("listen", "高两成，拿到财务总监那里确实不好交代。另一家的报价里都包括哪些？", .zh) == 2)
    #expect(onPrice("sympathize", "高出两成的报价要拿给财务总监签字，换谁都得先把账算清楚，这份谨慎很合理。", .zh) == 2)
    // No harm check catches it (2 by the checks); since the g16–g19 graded answers the examples
    // lower it to 1 (under round 7's rule as well).
    #expect(score("sympathize", "年底封网是运维负责任的做法，真出了事要担责的是您的团队，这个顾虑很有道理。", .zh, checksOnly: true) == 2)
    #expect(score("sympathize", "年底封网是运维负责任的做法，真出了事要担责的是您的团队，这个顾虑很有道理。", .zh) >= 1)
    #expect(score("confirm", "您的意思是，二月之前生产环境一律不能动，这是目前最主要的卡点，对吗？还有别的吗？", .zh) == 2)
    #expect(onPrice("confirm", "也就是说，高出的20%让财务总监签不下来，是差价本身，还是和另一家放在一起不好解释？", .zh) == 2)
  }
}
