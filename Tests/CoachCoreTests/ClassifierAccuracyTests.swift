import Testing

@testable import CoachCore

/// The automatic judges against hand labels written independently of the playbook's signals:
/// a tuning set (Fixtures/questions-*.jsonl, objections-*.jsonl) that the signals were revised
/// against once, and a held-out set (Fixtures/heldout-*.jsonl) written later by someone who saw
/// neither the signals nor the tuning set. Accuracy is printed; floors guard against regressions.
@Suite struct ClassifierAccuracyTests {
  struct Measurement {
    var right: Int
    var total: Int
    var misses: [String]
  }

  func measure(_ file: String, label: String, _ judge: (String) -> String?) -> Measurement {
    let rows = Fixtures.lines(file)
    var m = Measurement(right: 0, total: 0, misses: [])
    for row in rows {
      guard let text = row["text"]?.string, let expected = row[label]?.string else { continue }
      m.total += 1
      let got = judge(text) ?? "none"
      if got == expected { m.right += 1 } else { m.misses.append("\(expected)→\(got): \(text)") }
    }
    return m
  }

  func report(_ name: String, _ m: Measurement) -> Double {
    let accuracy = Double(m.right) / Double(max(1, m.total))
    print("\(name): \(m.right)/\(m.total) = \(Int((accuracy * 100).rounded()))%")
    for miss in m.misses { print("   \(miss)") }
    return accuracy
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func questionTypes(lang: Lang) {
    let classifier = QuestionClassifier(book: Fixtures.playbook(lang))
    let tuning = measure("questions-\(lang.rawValue).jsonl", label: "type") { classifier.classify($0).type?.rawValue }
    let heldout = measure("heldout-questions-\(lang.rawValue).jsonl", label: "type") { classifier.classify($0).type?.rawValue }
    #expect(tuning.total >= 40 && heldout.total >= 30)
    #expect(report("question types \(lang.rawValue), tuning set", tuning) >= 0.85)
    #expect(report("question types \(lang.rawValue), held-out set", heldout) >= 0.60)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func objectionCategories(lang: Lang) {
    let suggester = CategorySuggester(book: Fixtures.playbook(lang))
    let tuning = measure("objections-\(lang.rawValue).jsonl", label: "category") { suggester.suggest($0).category?.rawValue }
    let heldout = measure("heldout-objections-\(lang.rawValue).jsonl", label: "category") { suggester.suggest($0).category?.rawValue }
    #expect(tuning.total >= 40 && heldout.total >= 30)
    #expect(report("objection categories \(lang.rawValue), tuning set", tuning) >= 0.60)
    #expect(report("objection categories \(lang.rawValue), held-out set", heldout) >= 0.60)
  }
}
