import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The example-based evidence (`ExampleIndex`, `SimilarityWeights`) measured honestly: by
/// leave-one-out cross-validation on the development set's `tuning` split (Fixtures/judgement/,
/// items with `"split": "tuning"`), so an item never votes for itself. The playbooks carry those
/// items (and the older tuning sets, Fixtures/objections-*.jsonl and questions-*.jsonl) as
/// `compareWith` examples; the measurement leaves each item out of the index while it is judged.
/// Held-out data (the `heldout` split, judgement-fresh, judgement-fresh2) is not read here.
@Suite struct SimilarityTuningTests {
  static func tuningRows(_ file: String) -> [[String: JSONValue]] {
    Fixtures.lines("judgement/" + file).filter { $0["split"]?.string == "tuning" }
  }

  static func shown(_ right: Int, _ total: Int) -> String { "\(right)/\(total) = \(Int((Double(right) * 100 / Double(max(1, total))).rounded()))%" }

  /// The playbook with every tuning item in its label's `compareWith` list (already there once the
  /// playbooks carry them), so that leaving an item out is the only difference between items.
  static func withTuningExamples(_ lang: Lang) -> Playbook {
    var book = Fixtures.playbook(lang)
    for row in tuningRows("objections-\(lang.rawValue).jsonl") + Fixtures.lines("objections-\(lang.rawValue).jsonl") {
      guard let text = row["text"]?.string, let c = row["category"]?.string, let i = book.categories.firstIndex(where: { $0.id.rawValue == c }) else { continue }
      if !book.categories[i].compareWith.contains(text), !book.categories[i].wordings.contains(text) { book.categories[i].compareWith.append(text) }
    }
    for row in tuningRows("questions-\(lang.rawValue).jsonl") + Fixtures.lines("questions-\(lang.rawValue).jsonl") {
      guard let text = row["text"]?.string, let t = row["type"]?.string, let i = book.questionTypes.firstIndex(where: { $0.id.rawValue == t }) else { continue }
      if !book.questionTypes[i].compareWith.contains(text), !book.questionTypes[i].examples.contains(text) { book.questionTypes[i].compareWith.append(text) }
    }
    return book
  }

  static func categoryCV(_ lang: Lang, _ book: Playbook, _ weights: SimilarityWeights) -> (Int, Int) {
    var s = CategorySuggester(book: book)
    s.weights = weights
    var right = 0
    var total = 0
    for row in tuningRows("objections-\(lang.rawValue).jsonl") {
      guard let text = row["text"]?.string, let want = row["category"]?.string else { continue }
      total += 1
      if (s.suggest(text, leavingOut: [text]).category?.rawValue ?? "none") == want { right += 1 }
    }
    return (right, total)
  }

  static func questionCV(_ lang: Lang, _ book: Playbook, _ weights: SimilarityWeights) -> (Int, Int) {
    var q = QuestionClassifier(book: book)
    q.weights = weights
    var right = 0
    var total = 0
    for row in tuningRows("questions-\(lang.rawValue).jsonl") {
      guard let text = row["text"]?.string, let want = row["type"]?.string else { continue }
      total += 1
      if (q.classify(text, leavingOut: [text]).type?.rawValue ?? "closed") == want { right += 1 }
    }
    return (right, total)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func crossValidation(lang: Lang) {
    let book = Self.withTuningExamples(lang)
    var cuesOnly = SimilarityWeights.categories(lang)
    cuesOnly.weight = 0
    let c0 = Self.categoryCV(lang, book, cuesOnly)
    let c1 = Self.categoryCV(lang, book, .categories(lang))
    var qCuesOnly = SimilarityWeights.questions(lang)
    qCuesOnly.weight = 0
    let q0 = Self.questionCV(lang, book, qCuesOnly)
    let q1 = Self.questionCV(lang, book, .questions(lang))
    var alone = cuesOnly
    alone.weight = 1
    alone.cues = 0
    alone.wordingKeys = false
    let ca = Self.categoryCV(lang, book, alone)
    let qa = Self.questionCV(lang, book, alone)
    print("similarity CV \(lang.rawValue) examples alone (closed questions still by cues): category \(Self.shown(ca.0, ca.1)), question type \(Self.shown(qa.0, qa.1))")
    print("similarity CV \(lang.rawValue) category: cues only \(Self.shown(c0.0, c0.1)), with nearest examples \(Self.shown(c1.0, c1.1))")
    print("similarity CV \(lang.rawValue) question type: cues only \(Self.shown(q0.0, q0.1)), with nearest examples \(Self.shown(q1.0, q1.1))")
    // Round 5 moved the decision to a tuning set the cue rules never saw (Fresh3TuningTests):
    // this split is the one the cue rules were tuned on in rounds 1–3 (they get 90 of 92 by
    // construction), so here the vote may cost an item or a few, as it did in round 4. It must
    // not cost more: at least 90 % with the vote, and the examples alone at least 80 %.
    #expect(Double(c1.0) >= 0.9 * Double(c1.1))
    #expect(Double(q1.0) >= 0.9 * Double(q1.1))
    #expect(Double(ca.0) >= 0.8 * Double(ca.1))
    #expect(Double(qa.0) >= 0.8 * Double(qa.1))
  }

  /// Tuning only: a grid of weights, by leave-one-out on the tuning split (run with
  /// COACH_SIMILARITY_GRID=1; prints one line per setting).
  @Test(.enabled(if: getenv("COACH_SIMILARITY_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    let book = Self.withTuningExamples(lang)
    var base = SimilarityWeights.categories(lang)
    base.weight = 0
    let c0 = Self.categoryCV(lang, book, base)
    let q0 = Self.questionCV(lang, book, base)
    print("grid \(lang.rawValue) cues only: category \(c0.0)/\(c0.1), question \(q0.0)/\(q0.1)")
    for k in [7] {
      for alone in [false] {
        for weight in [0.01, 1, 3] {
          var w = SimilarityWeights.categories(lang)
          w.k = k
          w.weight = weight
          w.votesAlone = alone
          let c = Self.categoryCV(lang, book, w)
          w.wordingKeys = false
          let q = Self.questionCV(lang, book, w)
          print("grid \(lang.rawValue) k=\(k) alone=\(alone) w=\(weight): category \(c.0)/\(c.1), question \(q.0)/\(q.1)")
        }
      }
    }
  }

  /// Held-out totals (never an item): the development set's `heldout` split, judgement-fresh and
  /// judgement-fresh2, with the shipped playbook. Run once before and once after a round
  /// (COACH_HELDOUT_TOTALS=1), never to choose a setting.
  @Test(.enabled(if: getenv("COACH_HELDOUT_TOTALS").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func heldOutTotals(lang: Lang) {
    let book = Fixtures.playbook(lang)
    var s = CategorySuggester(book: book)
    var q = QuestionClassifier(book: book)
    if getenv("COACH_SIMILARITY_OFF").map({ String(cString: $0) == "1" }) ?? false {
      s.weights.weight = 0
      q.weights.weight = 0
    }
    // Variant B, declared before the final measurement: the examples vote in all four cells (k 7, weight 3).
    if getenv("COACH_SIMILARITY_ALL").map({ String(cString: $0) == "1" }) ?? false {
      s.weights.weight = 3
      q.weights.weight = 3
    }
    let sets: [(String, [[String: JSONValue]], [[String: JSONValue]])] = [
      (
        "dev heldout", Fixtures.lines("judgement/objections-\(lang.rawValue).jsonl").filter { $0["split"]?.string == "heldout" },
        Fixtures.lines("judgement/questions-\(lang.rawValue).jsonl").filter { $0["split"]?.string == "heldout" }
      ),
      ("fresh", Fixtures.lines("judgement-fresh/objections-\(lang.rawValue).jsonl"), Fixtures.lines("judgement-fresh/questions-\(lang.rawValue).jsonl")),
      ("fresh2", Fixtures.lines("judgement-fresh2/objections-\(lang.rawValue).jsonl"), Fixtures.lines("judgement-fresh2/questions-\(lang.rawValue).jsonl")),
    ]
    for (name, objections, questions) in sets {
      let c = objections.filter { ($0["text"]?.string).map { s.suggest($0).category?.rawValue ?? "none" } == $0["category"]?.string }.count
      let t = questions.filter { ($0["text"]?.string).map { q.classify($0).type?.rawValue ?? "closed" } == $0["type"]?.string }.count
      print("held-out \(name) \(lang.rawValue): category \(Self.shown(c, objections.count)), question type \(Self.shown(t, questions.count))")
    }
  }
}
