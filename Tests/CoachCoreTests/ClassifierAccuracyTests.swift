import Testing
@testable import CoachCore

/// The question classifier against hand-labelled questions written independently of the
/// playbook's signals (Fixtures/questions-*.jsonl). The accuracy is printed and must stay
/// above the floor set here.
@Suite struct ClassifierAccuracyTests {
  @Test(arguments: [Lang.en, Lang.zh])
  func questionTypesAgreeWithHandLabels(lang: Lang) {
    let classifier = QuestionClassifier(book: Fixtures.playbook(lang))
    let rows = Fixtures.lines("questions-\(lang.rawValue).jsonl")
    #expect(rows.count >= 40)
    var right = 0
    var confusion: [String: Int] = [:]
    for row in rows {
      guard let text = row["text"]?.string, let label = row["type"]?.string else { continue }
      let got = classifier.classify(text).type?.rawValue ?? "none"
      if got == label { right += 1 } else {
        confusion["\(label)→\(got)", default: 0] += 1
        print("[\(lang.rawValue)] \(label) → \(got): \(text)")
      }
    }
    let accuracy = Double(right) / Double(rows.count)
    print("question classifier \(lang.rawValue): \(right)/\(rows.count) = \(Int((accuracy * 100).rounded()))%  misses: \(confusion.sorted { $0.key < $1.key })")
    #expect(accuracy >= 0.75)
  }
}
