import Testing

@testable import CoachCore

/// What `questions check` says about one question is one coherent finding: "Is it correct
/// that…?" restates and checks (verification, as the course's 如果我理解正确…对吗), and a closed
/// question with no type is reported as closed — not as "No clear type" followed by "Closed question".
@Suite struct QuestionFindingTests {
  static let en = Fixtures.playbook(.en)

  @Test func isItCorrectThatReadsAsVerification() {
    // Round 6: "Is it correct that you're the one who signs off?" asks one fact, and since the fifth
    // example batch its nearest examples are closed questions about who signs ("Are you the one who
    // signs the purchase orders?"), so it reads as closed; a restatement of what was said still checks.
    let r = QuestionClassifier(book: Self.en).classify("Is it correct that the rollout has to finish before the audit in March?")
    #expect(r.type == .verification && r.weaknesses.isEmpty, "\(r)")
  }

  @Test func aTypelessClosedQuestionIsReportedOnceAsClosed() {
    let r = QuestionClassifier(book: Self.en).classify("Is the price OK?")
    #expect(r.type == nil && r.weaknesses.map(\.id) == ["closed"])
    let shown = QuestionFeedback.render(r, book: Self.en, intended: nil, l: L10n(.en), width: 80).plain
    #expect(!shown.contains("No clear type") && shown.hasPrefix("Closed question"), "\(shown)")
  }
}
