import Testing

@testable import CoachCore

/// Round 8's cue fixes to the LSCPA checks (issue 14), each pinned with sentences written for
/// the test, not taken from the graded answers or a fixture: a cue that fired on the wrong
/// words, a natural phrasing an essential check missed, a leading line the harm check let by.
@Suite struct CheckCueTests {
  static let en = Fixtures.playbook(.en)
  static let zh = Fixtures.playbook(.zh)
  let scorer = DrillScorer(books: [.en: CheckCueTests.en, .zh: CheckCueTests.zh])

  func customer(_ text: String) -> DrillScenario { DrillScenario(kind: .objection, id: "cue-test", text: text) }

  func check(
    _ step: String, _ text: String, _ id: String, lang: Lang = .en, says: String = "The rollout would land in our busiest quarter."
  )
    -> DrillScorer.Check
  {
    var s = scorer
    s.exampleRule = nil
    let r = s.score(step: step, text: text, scenario: customer(says), lang: lang)
    return r.checks.first { $0.id == id }!
  }

  func score(_ step: String, _ text: String, lang: Lang = .en, says: String = "The rollout would land in our busiest quarter.") -> Int {
    var s = scorer
    s.exampleRule = nil
    return s.score(step: step, text: text, scenario: customer(says), lang: lang).score
  }

  /// "only" and "one" share Porter's stem ("on"), so "the only" found "the one": "you'd be the
  /// one signing it" passed "whether it is the whole concern".
  @Test func theOneIsNotTheOnly() {
    #expect(!TextMatcher("You'd be the one signing it off with the auditors.").contains("the only"))
    #expect(TextMatcher("Is the timing the only thing in the way?").contains("the only"))
    let c = check("confirm", "So the audit sign-off lands on you, and you'd be the one answering for it?", "real-concern")
    #expect(!c.passed, "\(c.evidence)")
  }

  /// "Actually" rebuts when it opens the line or props up our product; inside a question it asks.
  @Test func actuallyInAQuestionIsNotARebuttal() {
    #expect(check("listen", "What happened when the last supplier actually went live on the night shift?", "no-rebuttal").passed)
    let opener = check("listen", "Actually, quarter-end is the ideal moment to switch.", "no-rebuttal")
    #expect(!opener.passed && opener.evidence == ["Actually"])
    #expect(!check("listen", "Our scheduler actually makes the busy quarter easier.", "no-rebuttal").passed)
  }

  /// A named feeling or the rep in the customer's seat acknowledges the concern.
  @Test func feelingsAndTheirSeatAcknowledge() {
    for line in [
      "That sounds exhausting, with the warehouse already on double shifts.", "If I were you I'd want to see it run somewhere else first.",
      "I get why the plant managers pushed back on it.", "You'd be the one standing in front of the regional heads if it slipped.",
      "Yeah, a quarter like that leaves no slack for anything new.",
    ] {
      #expect(check("sympathize", line, "acknowledges").passed, "\(line)")
    }
    #expect(!check("sympathize", "We can start whenever suits you.", "acknowledges").passed)
  }

  /// A plain playback said as a statement puts the understanding to the customer (trainers give it
  /// 1); a line with no playback frame still fails.
  @Test func aStatementPlaybackChecksUnderstanding() {
    for line in ["So the busy quarter is what decides the date.", "Right, so nothing moves before the quarter closes.", "Timing, then.", "The peak season is the worry."] {
      #expect(check("confirm", line, "is-question").passed, "\(line)")
      #expect(score("confirm", line) == 1, "\(line)")
    }
    #expect(!check("confirm", "Let me show you our rollout calendar.", "is-question").passed)
    #expect(check("confirm", "所以关键是旺季不能动。", "is-question", lang: .zh, says: "上线正好赶上我们最忙的季度。").passed)
    #expect(!check("confirm", "我们的方案很成熟。", "is-question", lang: .zh, says: "上线正好赶上我们最忙的季度。").passed)
  }

  /// A restatement that hands the customer a conclusion suiting the seller, or a caricature of
  /// their concern, is leading, with or without a question mark; a fair check is not.
  @Test func conclusionsForTheCustomerAreLeading() {
    for line in [
      "So you just need us to beat the other quote, right?", "So you'd be happy if we pushed the start to the next quarter?",
      "Sounds like you'd pick us if the timing were different, yes?", "Basically you want it for free until the quarter ends, don't you?",
      "So the date is fine and we've got a deal?",
    ] {
      let c = check("confirm", line, "not-leading")
      #expect(!c.passed && !c.evidence.isEmpty, "\(line)")
      #expect(score("confirm", line) == 0, "\(line)")
    }
    #expect(check("confirm", "So the busy quarter is the main obstacle — or is there something else you need from us?", "not-leading").passed)
    let zhCustomer = "上线正好赶上我们最忙的季度。"
    for line in ["所以您其实就是想让我们把上线往后推,对吧?", "说白了,只要我们避开旺季,您就能定了?", "您就是想要个更低的价格吧?"] {
      let c = check("confirm", line, "not-leading", lang: .zh, says: zhCustomer)
      #expect(!c.passed && !c.evidence.isEmpty, "\(line)")
    }
    #expect(check("confirm", "也就是说,旺季是最大的顾虑,除了时间还有别的需要我们配合的吗?", "not-leading", lang: .zh, says: zhCustomer).passed)
  }

  /// "Don't worry" with a commitment is reassurance, not an over-promise; promising someone
  /// else's approval is.
  @Test func reassuranceIsNotAnOverpromise() {
    #expect(check("assure", "Don't worry, we'll keep the install out of your peak weeks.", "no-overpromise").passed)
    let c = check("assure", "The steering group will definitely approve it, they always approve our projects.", "no-overpromise")
    #expect(!c.passed && !c.evidence.isEmpty)
    let zh = check("assure", "放心,这次招标我们肯定能中。", "no-overpromise", lang: .zh, says: "上线正好赶上我们最忙的季度。")
    #expect(!zh.passed && !zh.evidence.isEmpty)
  }

  /// A Chinese plan that talks to this customer ("您这边", "咱们") ties to their situation, as
  /// "your" does in English; a plan about no one does not.
  @Test func aPlanSpokenToTheCustomerTiesToThem() {
    let says = "上线正好赶上我们最忙的季度。"
    #expect(check("process", "旺季过后再切换:十月先在仓库试运行两周,您这边只需要派一位主管每周看一次数据。", "ties-to-need", lang: .zh, says: says).passed)
    #expect(check("process", "咱们把切换放到十月,先拿一个仓库试两周。", "ties-to-need", lang: .zh, says: says).passed)
    #expect(!check("process", "十月先在一个仓库试运行两周,再逐步推广。", "ties-to-need", lang: .zh, says: says).passed)
  }

  /// A plain word that we stay on it is a commitment (trainers give it 1), not yet a specific one.
  @Test func plainReassuranceCommits() {
    for line in ["Leave that with us until the quarter closes.", "We'll stay in touch through the quarter close."] {
      #expect(check("assure", line, "commits").passed, "\(line)")
      #expect(score("assure", line) == 1, "\(line)")
    }
    let zhCustomer = "上线正好赶上我们最忙的季度。"
    #expect(check("assure", "旺季的排班交给我们,不会让您为难。", "commits", lang: .zh, says: zhCustomer).passed)
    #expect(score("assure", "旺季的排班交给我们,不会让您为难。", lang: .zh, says: zhCustomer) == 1)
  }
}
