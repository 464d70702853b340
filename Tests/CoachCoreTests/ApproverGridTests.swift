import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Tuning only (COACH_APPROVER_GRID=1): how much decision evidence that only names an approver
/// counts when another concern is strong (`SimilarityWeights.approverFactor`, `strongConcern`), on
/// fresh3, the development tuning split and leave-one-out over the playbooks' examples. Never
/// reads a held-out set.
@Suite struct ApproverGridTests {
  @Test(.enabled(if: getenv("COACH_APPROVER_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let l = lang.rawValue
    let f3 = Fixtures.lines("judgement-fresh3/objections-\(l).jsonl")
    let dev = Fixtures.lines("judgement/objections-\(l).jsonl").filter { $0["split"]?.string == "tuning" }
    let ex = Fresh3TuningTests.exampleRows(book).objections
    for (factor, strong) in [(1.0, 4.0), (0.5, 4), (0.5, 6), (0.5, 8), (0, 4), (0, 6)] {
      var s = CategorySuggester(book: book)
      s.weights.approverFactor = factor
      s.weights.strongConcern = strong
      let a = Fresh3TuningTests.categories(f3, s)
      let b = Fresh3TuningTests.categories(dev, s, leaveOut: true)
      let c = Fresh3TuningTests.categories(ex, s, leaveOut: true)
      print("approvergrid \(l) factor=\(factor) strong=\(strong): fresh3 \(a.text); dev \(b.text); LOO \(c.text)")
    }
  }
}

/// Tuning only (COACH_FORM_GRID=1): how much the question's form weighs in the comparison with
/// examples (`SimilarityWeights.formWeight`), on fresh3, the development tuning split and
/// leave-one-out over the playbooks' examples.
@Suite struct FormWeightGridTests {
  @Test(.enabled(if: getenv("COACH_FORM_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let l = lang.rawValue
    let f3 = Fixtures.lines("judgement-fresh3/questions-\(l).jsonl")
    let dev = Fixtures.lines("judgement/questions-\(l).jsonl").filter { $0["split"]?.string == "tuning" }
    let ex = Fresh3TuningTests.exampleRows(book).questions
    let settings = (getenv("COACH_FORM_WEIGHTS").map { String(cString: $0) } ?? "0,0.5,1,2").split(separator: ",").compactMap { Double($0) }
    for f in settings {
      var w = SimilarityWeights.questions(lang)
      w.formWeight = f
      let q = QuestionClassifier(book: book, weights: w)
      let a = Fresh3TuningTests.questions(f3, q)
      let b = Fresh3TuningTests.questions(dev, q, leaveOut: true)
      let c = Fresh3TuningTests.questions(ex, q, leaveOut: true)
      print("formgrid \(l) formWeight=\(f): fresh3 \(a.text); dev \(b.text); LOO \(c.text)")
    }
  }
}
