import Testing

@testable import CoachCore

/// The judgement engine's parts — stems, patterns, negation, the scoring rule — and the cases
/// the issue was filed with, each pinned to what a coach would say.
@Suite struct JudgementEngineTests {
  static let en = Fixtures.playbook(.en)
  static let zh = Fixtures.playbook(.zh)
  let scorer = DrillScorer(books: [.en: JudgementEngineTests.en, .zh: JudgementEngineTests.zh])

  @Test func porterStems() {
    let cases = [
      "caresses": "caress", "ponies": "poni", "cats": "cat", "agreed": "agre", "running": "run", "hopeful": "hope",
      "relational": "relat", "conditional": "condit", "generalization": "gener", "motoring": "motor",
      "guaranteed": "guarante", "guarantee": "guarante", "understanding": "understand", "cases": "case", "smoothly": "smooth", "quickly": "quick", "a": "a", "is": "is",
    ]
    for (word, stem) in cases { #expect(Stemmer.stem(word) == stem, "\(word)") }
  }

  @Test func contractionsAreSpelledOut() {
    #expect(TextMatcher("You'll save; it isn't, won't, can't").tokens.map(\.text) == ["you", "will", "save", ";", "it", "is", "not", ",", "will", "not", ",", "can", "not"])
    #expect(TextMatcher("I’ll send it").contains("i will send"))
  }

  @Test func patternsMatchMovesNotStrings() {
    let m = TextMatcher("We guaranteed the onboarding would go really smoothly.")
    #expect(m.contains("guarantee ** smooth"))
    #expect(!m.contains("guarantee * smooth"), "a short gap is at most four words")
    #expect(!TextMatcher("We guarantee a 2-hour response; the switchover itself will be smooth if the pilot passes.").contains("guarantee ** smooth"))
    #expect(TextMatcher("What you're really saying is you want a discount").contains("what you are really saying"))
    #expect(TextMatcher("如果我没理解错，您主要担心的是停机").contains("如果 * 理解"))
    #expect(TextMatcher("上次出了事是我担责").contains("出 (了) 事"))
    #expect(TextMatcher("上次出事是我担责").contains("出 (了) 事"))
    #expect(TextMatcher("call her tomorrow").contains("call him|her"))
    #expect(!TextMatcher("Let me make sure").contains("surely"), "an adverb only matches an adverb")
    #expect(TextMatcher("If the purchasing cycle shrank by a month, how much working capital would that release?").contains("if ** how much"))
  }

  @Test func negationCancelsAMatch() {
    #expect(!TextMatcher("I don't understand why that matters").contains("understand"))
    #expect(TextMatcher("I understand").contains("understand"))
    #expect(TextMatcher("Don't worry about it").contains("don't worry"), "a phrase that starts with the negation")
    #expect(!TextMatcher("我不太理解").contains("理解"))
    #expect(TextMatcher("还有没有别的顾虑？").contains("别的顾虑"), "A-not-A asks, it does not deny")
    #expect(!TextMatcher("I can't guarantee you'll save").contains("guarantee * save"), "an honest refusal is no over-promise")
  }

  @Test func addingACheckNeverRaisesAScore() {
    typealias C = (RubricCheck.Kind, Bool)
    let kinds: [RubricCheck.Kind] = [.essential, .extra, .harm]
    var sets: [[C]] = [[]]
    for _ in 0..<3 { sets = sets.flatMap { s in kinds.flatMap { k in [s + [(k, true)], s + [(k, false)]] } } }
    for s in sets where !s.isEmpty {
      for k in kinds {
        for passed in [true, false] {
          #expect(Rubric.points(s + [(k, passed)]) <= Rubric.points(s), "\(s.map { "\($0.0)\($0.1)" }) + \(k)\(passed)")
        }
      }
    }
    #expect(Rubric.points([(.harm, false), (.essential, true), (.extra, true)]) == 0)
    #expect(Rubric.points([(.harm, true), (.essential, true), (.extra, false)]) == 1)
    #expect(Rubric.points([(.harm, true), (.essential, true), (.extra, true)]) == 2)
  }

  func objection(_ id: String, _ lang: Lang = .en) -> DrillScenario {
    DrillScenarios.fromPlaybook(.objection, book: lang == .en ? Self.en : Self.zh).first { $0.id == id }!
  }

  /// Keyword stuffing no longer pays (the issue's examples).
  @Test func gamedLinesScoreZero() {
    let price = objection("price-budget-fixed")
    let cases: [(String, String, [String])] = [
      ("sympathize", "I understand your concern, which is valid given your budget; our price is fair.", []),
      ("confirm", "So you are saying you have not realised how much better we are?", []),
      ("process", "I can take 15% off right now if you sign this week.", ["value-comparison"]),
      ("assure", "I promise a 20% discount if you sign today.", []),
      ("confirm", "So what you're really saying is you want a discount?", []),
    ]
    for (step, text, strategies) in cases {
      let r = scorer.score(step: step, text: text, strategies: strategies, scenario: price, lang: .en)
      #expect(r.score == 0, "\(step): \(text) scored \(r.score)")
      #expect(r.checks.contains { !$0.passed && $0.kind == .harm && !$0.evidence.isEmpty }, "\(step): the harm is quoted")
    }
    let zh = scorer.score(step: "assure", text: "我保证零风险，肯定没问题。", scenario: objection("price-budget-fixed", .zh), lang: .zh)
    #expect(zh.score == 0)
    // The Chinese "what you really mean is…" puts words in the customer's mouth as the English does
    // (an independent tester found it scored 1 with "✓ 没有替客户下结论").
    let words = scorer.score(step: "confirm", text: "所以您真正的意思是价格太高了，对吧？", scenario: objection("price-budget-fixed", .zh), lang: .zh)
    #expect(words.score == 0)
    #expect(words.checks.contains { $0.id == "not-leading" && !$0.passed && $0.evidence.contains("真正的意思") }, "\(words.checks.map { "\($0.id) \($0.passed) \($0.evidence)" })")
  }

  /// Excellent answers in natural words (the issue's examples) earn credit.
  @Test func naturalExcellentLinesEarnCredit() {
    let s1 = scorer.score(
      step: "sympathize", text: "That's a fair challenge – after the pilot you need every euro to be defensible.",
      scenario: objection("price-budget-fixed"), lang: .en)
    #expect(s1.score >= 1)
    let c1 = scorer.score(
      step: "confirm", text: "If I've got it right, the real worry is the downtime during the switchover rather than the system itself. Is that the main thing?",
      scenario: objection("risk-downtime"), lang: .en)
    #expect(c1.score == 2)
    let c2 = scorer.score(
      step: "confirm", text: "如果我理解得对，您主要担心的是切换期间停产，一天的停机损失太大。还有别的顾虑吗？",
      scenario: objection("risk-downtime", .zh), lang: .zh)
    #expect(c2.score == 2)
    let s2 = scorer.score(step: "sympathize", text: "电网安全是红线，您签字就要担责任，谨慎是对的。", scenario: objection("risk-personal", .zh), lang: .zh)
    #expect(s2.score == 2)
  }

  @Test func questionTypesFromTheIssue() {
    let c = QuestionClassifier(book: Self.en)
    let budget = c.classify("Do you have a budget for next year?")
    #expect(budget.type == nil && budget.closed)
    #expect(c.classify("If I heard you correctly, the works council must approve before any rollout?").type == .verification)
    #expect(c.classify("Tell me?").type == nil)
    #expect(c.classify("What else?").type == nil)
    let z = QuestionClassifier(book: Self.zh).classify("您觉得我们的方案比南瑞的更适合贵公司，对吧？")
    #expect(z.type == nil && z.leadsTheWitness)
    #expect(QuestionClassifier(book: Self.zh).classify("如果我理解正确，您最关注的是交付周期，对吗？").type == .verification)
  }

  @Test func categoriesFromTheIssue() {
    let s = CategorySuggester(book: Self.en)
    #expect(s.suggest("Geotab is quoting 30% less for the same fleet, and I can't justify 1.2 million to the board.").category == .price)
    #expect(s.suggest("SAP projects always run six months late, and if this one does, it's my head on the line.").category == .risk)
  }

  /// Round 2's general mechanisms, each on a sentence written for this test (not from the sets).
  @Test func amountsAreReadAsWritten() {
    #expect(TextMatcher("We're at 340k, and the board caps it at €120k.").amounts == ["340k", "€120k"])
    #expect(TextMatcher("That is 1.2 million over three years").amounts == ["1.2 million"])
    #expect(TextMatcher("一年要两百万，太多了").amounts == ["两百万"])
    #expect(TextMatcher("Three weeks and 40 people").amounts.isEmpty, "a figure without money is no amount")
    let s = CategorySuggester(book: Self.en)
    let r = s.suggest("You're at 450k a year for what we do today in spreadsheets.")
    #expect(r.category == .price)
    #expect(r.scores[.price, default: 0] > r.scores[.time, default: 0])
  }

  @Test func aCueTheCustomerWavesAwayIsNoEvidence() {
    let s = CategorySuggester(book: Self.en)
    let r = s.suggest("The price is fine. What I doubt is whether your team can keep the system running in winter.")
    #expect(r.category == .risk)
    #expect(
      !r.signalIDs.contains("price-words")
        && r.scores[.price, default: 0] < s.suggest("The price. What I doubt is whether your team can keep the system running in winter.").scores[.price, default: 0])
    let z = CategorySuggester(book: Self.zh)
    #expect(z.suggest("价格不是问题，我就怕你们的系统在高峰期扛不住。").scores[.price, default: 0] < z.suggest("价格，我就怕你们的系统在高峰期扛不住。").scores[.price, default: 0])
  }

  @Test func ownUnderstandingAndOwnVerdict() {
    let en = QuestionClassifier(book: Self.en)
    let zh = QuestionClassifier(book: Self.zh)
    #expect(en.classify("If I'm following you, the approvals stall at the regional office rather than at head office?").type == .verification)
    #expect(zh.classify("我把您说的捋一下：主要是夜班的交接容易出错，我没理解错吧？").type == .verification)
    let lead = zh.classify("换一家大厂总归更放心一些，对吧？")
    #expect(lead.type == nil && lead.leadsTheWitness)
    let enLead = en.classify("Going with a bigger vendor is always the safer choice for a bank, right?")
    #expect(enLead.type == nil && enLead.leadsTheWitness)
  }

  @Test func sayingYouListenIsNotListening() {
    let r = scorer.score(step: "listen", text: "I'm listening very closely to everything you say.", scenario: objection("price-budget-fixed"), lang: .en)
    #expect(r.score == 0)
    #expect(r.checks.contains { !$0.passed && $0.kind == .harm && !$0.evidence.isEmpty })
  }

  @Test func aWorkedPlanCountsAsTheStrategy() {
    let plan = "Start with the two depots in Lyon for eight weeks, with your dispatch lead signing off each phase against the on-time figure from March before anything else moves."
    let r = scorer.score(step: "process", text: plan, strategies: ["value-comparison"], scenario: objection("price-budget-fixed"), lang: .en)
    let strategy = r.checks.first { $0.id == "uses-strategy" }
    #expect(strategy?.passed == true)
    #expect(strategy?.evidence.isEmpty == false, "quoted by its specifics")
    let vague = scorer.score(step: "process", text: "We can look at options.", strategies: ["value-comparison"], scenario: objection("price-budget-fixed"), lang: .en)
    #expect(vague.checks.first { $0.id == "uses-strategy" }?.passed == false)
  }

  @Test func drillsWantContent() {
    var s = DrillScenario(kind: .questions, id: "w", text: "")
    s.task = .write
    s.questionType = .open
    for q in ["Tell me?", "What else?", "然后呢？"] {
      #expect(scorer.score(step: "question", text: q, scenario: s, lang: q.hasPrefix("然") ? .zh : .en).score == 0, "\(q)")
    }
  }
}
