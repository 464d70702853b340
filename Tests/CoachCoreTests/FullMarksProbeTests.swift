import Testing

@testable import CoachCore

/// The guarded raise to full marks by the graded example answers (`AnswerExamples.Rule.FullMarks`)
/// and the stronger lowering (`StrongDown`): stock phrases, keyword-stuffed lines and
/// discount/deadline lines never reach 2 through the examples, in any step, against the customers
/// of the tuning sets; an excellent answer in natural words that the checks give 1 may; and a
/// step the examples lower although every check passed says why, in both languages.
@Suite struct FullMarksProbeTests {
  /// Stock phrases and gaming lines, per language (from the issue and the previous rounds' probes).
  static let probes: [Lang: [String]] = [
    .en: [
      "I understand your concern.", "That's a great question.", "We are the market leader with many happy customers.",
      "I understand your concern, which is valid given your budget; our price is fair.",
      "So you are saying you have not realised how much better we are?", "I can take 15% off right now if you sign this week.",
      "I promise a 20% discount if you sign today.", "I'll send the SLA document.", "Your team can check it out anytime; I'll send the link on Monday.",
      "I hear you. Many customers felt the same way at first.", "Is there anything else?", "So the price is your concern, is there anything else?",
      "We will do our best to make sure everything goes smoothly.", "Trust me, it will be fine.",
      "I totally understand, budget is always a concern, we can definitely work something out for you.",
      "Let me tell you why we are the best choice: quality, service and price.", "I'll follow up next week.",
      "We can offer a pilot, a phased rollout and a discount, whatever you need.", "Thank you for sharing that with me.",
      "I completely understand your concern about the budget and the timeline, which is totally valid, and I appreciate you sharing it.",
      "Just to confirm, your concern is the price and the budget and the timeline, is that right, is there anything else at all?",
      "We offer a phased pilot with a clear plan, ROI figures and references, and we will send everything by Friday so you can decide.",
      "I guarantee you will save money and there is zero risk, so if you sign today we can start next week.",
    ],
    .zh: [
      "我理解您的顾虑。", "您放心，我们一定会尽力的。", "这是个好问题。", "我们是行业领先者，有很多满意的客户。",
      "我理解您的顾虑，您的预算确实有限，我们的价格是公道的。", "今天签的话打八五折。", "还有其他的顾虑吗？", "所以您是说价格问题，还有别的吗？",
      "我们会把文档发给您。", "放心，肯定没问题。", "很多客户一开始也这么想。", "我们可以试点、分阶段实施，还可以打折，您看怎么都行。", "谢谢您的分享。",
      "我完全理解，预算确实是大家都关心的问题，我们一定能想办法解决。", "我下周跟进一下。",
      "我非常理解您的顾虑，您的担心完全合理，换我坐您这个位置也会这么想，感谢您坦诚地告诉我。",
      "我确认一下，您担心的是价格、预算和时间，对吗？还有其他顾虑吗？",
      "我们可以先做试点，分阶段实施，有详细的计划、投资回报数据和客户案例，周五前全部发给您。",
      "我保证您一定能省钱，零风险，今天签的话下周就能开工。",
    ],
  ]

  /// The customers of the tuning sets (development and fresh3), as drill scenarios.
  static func scenarios(_ lang: Lang) -> [DrillScenario] {
    (Fixtures.lines("judgement/lscpa-\(lang.rawValue).jsonl") + Fixtures.lines("judgement-fresh3/lscpa-\(lang.rawValue).jsonl")).compactMap { row in
      guard let customer = row["customer"]?.string else { return nil }
      var s = DrillScenario(kind: .objection, id: row["id"]?.string ?? "?", text: customer)
      s.category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      return s
    }
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func stockAndGamedLinesNeverGetFullMarksFromTheExamples(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let scorer = DrillScorer(books: [lang: book])
    var checksAlone = scorer
    checksAlone.exampleRule = nil
    var raised = 0
    for scenario in Self.scenarios(lang) {
      let strategies = scenario.category.flatMap { book.category($0) }?.strategies.map(\.id) ?? []
      for text in Self.probes[lang]! {
        for step in GradedExampleTuningTests.steps {
          let s = step == "process" ? strategies : []
          let r = scorer.score(step: step, text: text, strategies: s, scenario: scenario, lang: lang)
          let alone = checksAlone.score(step: step, text: text, strategies: s, scenario: scenario, lang: lang)
          #expect(r.score <= max(1, alone.score), "\(lang) \(scenario.id) \(step): “\(text)” raised \(alone.score) → \(r.score)")
          if r.score > alone.score { raised += 1 }
        }
      }
    }
    print("probes \(lang.rawValue): \(Self.probes[lang]!.count) lines × 5 steps × \(Self.scenarios(lang).count) customers; raised by the examples (never to 2): \(raised)")
  }

  @Test func anExcellentAnswerInNaturalWordsMayReachFullMarks() throws {
    // fresh3 (tuning) answers the checks give 1 and trainers 2, raised by the graded examples.
    let cases: [(Lang, String, String, String)] = [
      (
        .en, "assure", "Your quote for the vision inspection system is 340,000. The local integrator offered us 210,000. I can't explain a 130k gap to my CFO.",
        "You'll have the comparison sheet by Thursday with every assumption marked so your controller can change them, and if the CFO wants, I'll come to the meeting and take his questions myself."
      ),
      (.zh, "assure", "这个方案我个人挺认可，但党委会上能不能通过，我心里真没底。", "初稿周五给您，您改到满意为止，口径和署名都是您的。上会前您觉得还缺什么，哪怕是一个数据，我们两天内补上。"),
    ]
    for (lang, step, customer, text) in cases {
      let scorer = DrillScorer(books: [lang: Fixtures.playbook(lang)])
      var alone = scorer
      alone.exampleRule = nil
      let scenario = DrillScenario(kind: .objection, id: "t", text: customer)
      try #require(alone.score(step: step, text: text, scenario: scenario, lang: lang).score == 1, "\(lang): the checks give 1")
      let r = scorer.score(step: step, text: text, scenario: scenario, lang: lang)
      #expect(r.score == 2, "\(lang)")
      let m = try #require(r.moved)
      #expect(m.from == 1 && m.to == 2 && !m.examples.isEmpty && m.examples.allSatisfy { $0.label == "2" })
      #expect(m.sentence(.en).contains("moved this step from 1 to 2") && m.sentence(.zh).contains("从 1 分调为 2 分"))
    }
  }

  @Test func theRaiseAndTheStrongerLoweringAreGuarded() {
    let rule = AnswerExamples.Rule.shipped(.en)
    let n = { (g: Int, s: Double) in ExampleIndex.Neighbour(label: String(g), text: "x\(g)\(s)", similarity: s, shared: []) }
    func e(_ near: [ExampleIndex.Neighbour]) -> AnswerExamples.Expectation? { AnswerExamples.expectation(near) }
    let twos = [n(2, 0.3), n(2, 0.2), n(2, 0.15)]
    #expect(rule.combine(checklist: 1, harmed: false, e(twos), words: 12) == 2)
    #expect(rule.combine(checklist: 1, harmed: false, e(twos), words: 6) == 1, "too short: a stock phrase")
    #expect(rule.combine(checklist: 1, harmed: true, e(twos), words: 12) == 0, "a failed harm check")
    // Round 8: from 0 too (no harm check failed), under the same guards; a short line gets one point.
    #expect(rule.combine(checklist: 0, harmed: false, e(twos), words: 12) == 2, "from 0 under the same guards")
    #expect(rule.combine(checklist: 0, harmed: false, e(twos), words: 6) == 1, "too short: one point from 0")
    #expect(rule.combine(checklist: 0, harmed: true, e(twos), words: 12) == 0, "a failed harm check, from 0")
    // (A fourth graded 2 keeps the 2s' share over 70 %, the one-point raise's vote in English.)
    #expect(rule.combine(checklist: 0, harmed: false, e([n(1, 0.32)] + twos + [n(2, 0.3)]), words: 12) == 1, "from 0: a graded 1 nearer than the nearest 2")
    #expect(rule.combine(checklist: 1, harmed: false, e([n(1, 0.32)] + twos + [n(2, 0.3)]), words: 12) == 1, "a graded 1 nearer than the nearest 2")
    #expect(rule.combine(checklist: 1, harmed: false, e([n(2, 0.12), n(2, 0.11)]), words: 12) == 1, "not close enough")
    #expect(rule.combine(checklist: 1, harmed: false, e([n(2, 0.3), n(1, 0.25), n(0, 0.2)]), words: 12) == 1, "the 2s do not agree strongly")
    // 2 → 0 only when graded-0 answers agree strongly (70 %) and the nearest is ≥ 0.2 similar; otherwise one point.
    #expect(rule.combine(checklist: 2, harmed: false, e([n(0, 0.4), n(0, 0.3), n(0, 0.2)])) == 0)
    #expect(rule.combine(checklist: 2, harmed: false, e([n(0, 0.4), n(0, 0.3), n(1, 0.1)])) == 0)
    #expect(
      AnswerExamples.Rule.shipped(.zh).combine(checklist: 2, harmed: false, e([n(0, 0.4), n(1, 0.3), n(0, 0.1)])) == 2, "Chinese: 0s with 62 % of the vote, a lowering needs 70 %")
    #expect(rule.combine(checklist: 2, harmed: false, e([n(0, 0.4), n(1, 0.3), n(0, 0.1)])) == 1, "English (issue 14): a lowering needs 60 %, 2 → 0 still 70 %")
    #expect(rule.combine(checklist: 2, harmed: false, e([n(0, 0.18), n(0, 0.17), n(0, 0.16)])) == 1, "English: nearest 0 under 0.2, one point")
    #expect(AnswerExamples.Rule.shipped(.zh).combine(checklist: 2, harmed: false, e([n(0, 0.18), n(0, 0.17), n(0, 0.16)])) == 2, "Chinese: a lowering needs 0.2")
    #expect(rule.combine(checklist: 1, harmed: false, e([n(0, 0.4), n(0, 0.3), n(0, 0.2)])) == 0)
    // Per step, checks the raise needs: a Process without the chosen strategy, a Confirm that does
    // not restate the customer's content, stays at 1.
    let full = AnswerExamples.Rule.shipped(.en).fullMarks!
    #expect(!full.allows(step: "process", passed: ["proposes", "gives-evidence"]) && full.allows(step: "process", passed: ["proposes", "uses-strategy"]))
    #expect(!full.allows(step: "confirm", passed: ["is-question"]) && full.allows(step: "confirm", passed: ["is-question", "restates"]))
    #expect(full.allows(step: "listen", passed: []))
    #expect(AnswerExamples.words("Send it by Friday.") == 4 && AnswerExamples.words("周五前发给您") == 3)
  }

  @Test func aStepLoweredWithEveryCheckPassedSaysWhy() throws {
    let text = "I hear you, the warehouse budget is tight."
    let r = GradedExampleTests.scorer([GradedAnswer(step: "sympathize", grade: 0, text: text)], rule: GradedExampleTests.onePoint).score(
      step: "sympathize", text: text, scenario: GradedExampleTests.scenario, lang: .en)
    try #require(r.moved?.from == 2 && r.moved?.to == 1 && r.checks.allSatisfy(\.passed))
    let en = DrillView(book: Fixtures.playbook(.en), l: L10n(.en), width: 100).step(r, advice: true).plain
    // The reason comes first, the ↕ line right after it.
    #expect(en.contains("  The checks found nothing missing, but trainers graded answers like this one lower.\n  ↕ Graded example answers moved this step from 2 to 1"), "\(en)")
    let zh = DrillView(book: Fixtures.playbook(.zh), l: L10n(.zh), width: 100).step(r, advice: true).plain
    #expect(zh.contains("  各项检查都没有发现缺漏，但培训师给类似的回答打分更低。\n  ↕ 参照培训师已评分的示例回答，本步从 2 分调为 1 分"), "\(zh)")
    // A step lowered with a check failed gives no such line (the ✗ says what is missing).
    let thin = "Okay, noted."
    let lowered = GradedExampleTests.scorer([GradedAnswer(step: "listen", grade: 0, text: thin)]).score(
      step: "listen", text: thin, scenario: GradedExampleTests.scenario, lang: .en)
    if lowered.moved != nil, !lowered.checks.allSatisfy(\.passed) {
      #expect(!DrillView(book: Fixtures.playbook(.en), l: L10n(.en), width: 100).step(lowered, advice: true).plain.contains("found nothing missing"))
    }
  }
}
