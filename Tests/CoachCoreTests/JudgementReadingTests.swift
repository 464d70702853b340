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
}
