import Testing

@testable import CoachCore

/// Closed questions by example (issue 14, round 5): the playbook's `weak: closed` → `compareWith`
/// list votes next to the types' examples; a question the cues do not see as closed is closed
/// when its nearest closed examples outvote every type, and the nearest one is its reason, in the
/// session's language.
@Suite struct ClosedExampleTests {
  /// The repository's playbook with only the given closed examples (and no type examples), so the
  /// nearest examples are known.
  static func book(_ lang: Lang, closed: [String]) -> Playbook {
    var book = Fixtures.playbook(lang)
    for i in book.questionTypes.indices { book.questionTypes[i].compareWith = [] }
    let i = book.weakQuestions.firstIndex { $0.id == "closed" }!
    book.weakQuestions[i].compareWith = closed
    return book
  }

  @Test func aQuestionNearClosedExamplesIsClosedAndSaysWhich() {
    let book = Self.book(.en, closed: ["Which ERP are you running?", "Which ERP system do you use?", "Which version of the ERP is it?"])
    let r = QuestionClassifier(book: book).classify("Which ERP are you running at the plant?")
    #expect(r.type == nil)
    #expect(r.closed)
    #expect(r.weaknesses.first?.id == "closed")
    #expect(r.nearest?.label == "closed")
    #expect(r.reasons.first?.hasPrefix("Closest to the playbook's example “Which ERP are you running?”") == true)
    // Shown once, under the closed finding, and in Chinese with the Chinese sentence.
    let shown = QuestionFeedback.render(r, book: book, intended: nil, l: L10n(.en), width: 100).plain
    #expect(shown.contains("Closest to the playbook's example"))
    let zh = QuestionClassifier.explain(r, in: Fixtures.playbook(.zh))
    #expect(zh.reasons.first?.hasPrefix("最接近教材里的例句“Which ERP are you running?”") == true)
  }

  @Test func aChineseQuestionNearClosedExamplesIsClosed() {
    let book = Self.book(.zh, closed: ["你们用的是哪家的ERP？", "你们的ERP是哪家做的？", "ERP用的是哪个版本？"])
    let r = QuestionClassifier(book: book).classify("你们现在用的是哪家的ERP系统？")
    #expect(r.type == nil)
    #expect(r.closed)
    #expect(r.reasons.first?.hasPrefix("最接近教材里的例句") == true)
  }

  /// A closed cue holds against examples that do not clearly outweigh it: the nearest examples
  /// divided between closed and a type leave a yes/no question closed.
  @Test func aClosedCueHoldsAgainstADividedVote() {
    var book = Self.book(.en, closed: ["Do you have a budget for this?", "Do you have budget set aside?", "Is there a budget for next year?"])
    let i = book.questionTypes.firstIndex { $0.id == .open }!
    book.questionTypes[i].compareWith = ["How is the budget for next year planned?"]
    let r = QuestionClassifier(book: book).classify("Do you have a budget for the new year?")
    #expect(r.type == nil)
    #expect(r.closed)
    #expect(r.weaknesses.first?.id == "closed")
  }

  /// Round 6: a polite request that ends like a yes/no question ("能说说…吗？", "Would you tell
  /// me…?") is open when its nearest examples are open requests; the nearest one is the reason.
  @Test func politeRequestsNearOpenExamplesAreOpenAndSayWhich() {
    var zh = Self.book(.zh, closed: ["你们有采购预算吗？", "采购是您来批吗？"])
    let i = zh.questionTypes.firstIndex { $0.id == .open }!
    zh.questionTypes[i].compareWith = ["能说说你们的采购流程是怎么走的吗？", "可以介绍一下你们的采购流程吗？", "能讲讲采购一般是怎么审批的吗？"]
    let r = QuestionClassifier(book: zh).classify("能说说你们的采购审批流程吗？")
    #expect(r.type == .open)
    #expect(!r.closed)
    #expect(r.reasons.first?.hasPrefix("最接近教材里的例句“能说说你们的采购流程是怎么走的吗？”") == true)
    var en = Self.book(.en, closed: ["Do you have a purchasing budget?", "Do you sign off purchases yourself?"])
    let j = en.questionTypes.firstIndex { $0.id == .open }!
    en.questionTypes[j].compareWith = [
      "Would you tell me how a purchase gets approved here?", "Would you tell me how purchasing works here?", "Would you tell me how orders get approved?",
    ]
    let e = QuestionClassifier(book: en).classify("Would you tell me how a purchase gets approved at the plant?")
    #expect(e.type == .open)
    #expect(e.reasons.first?.hasPrefix("Closest to the playbook's example “Would you tell me how a purchase gets approved here?”") == true)
  }

  @Test func aClosedExampleAlsoListedUnderATypeIsALocatedError() throws {
    let yaml = """
      module: questions
      language: en
      types:
        - id: open
          compareWith:
            - How does an order travel through your company?
      weak:
        - id: closed
          compareWith:
            - "How does an order travel through your company?"
      """
    let node = try YAML.parse(yaml, file: "en/questions.yaml")
    let problems = ProblemList()
    ExampleChecks.check(merged: ["questions": node], problems: problems)
    #expect(problems.items.count == 1)
    let p = try #require(problems.items.first)
    #expect(p.location.line == 10)
    #expect(p.text.en.contains("also listed under `open` (en/questions.yaml:6)"))
  }

  @Test func thePlaybooksCarryClosedExamplesInBothLanguages() {
    for lang in Lang.allCases {
      let closed = Fixtures.playbook(lang).weakQuestions.first { $0.id == "closed" }?.compareWith ?? []
      #expect(closed.count >= 90, "\(lang)")
    }
  }
}
