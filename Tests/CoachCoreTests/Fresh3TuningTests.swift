import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The classifiers on the fourth set (Fixtures/judgement-fresh3/, see its README): 160 objections
/// and 160 questions (32 closed) per language written on 2026-12-07 by a trainer who never saw the
/// rules, the playbooks or the earlier sets. It is the TUNING set for the nearest-examples vote
/// (which cells vote, the weight, k): its items are never copied into the playbooks. Prints
/// totals (category and question type per language, closed-question recall and precision); the
/// floors sit a little under what was measured, to catch regressions.
/// `COACH_FRESH3_GRID=1` also prints a grid of vote settings on this set and on leave-one-out
/// over the playbooks' own `compareWith` examples (an example never votes for itself).
@Suite struct Fresh3TuningTests {
  static let folder = "judgement-fresh3/"

  static func shown(_ right: Int, _ total: Int) -> String { "\(right)/\(total) = \(Int((Double(right) * 100 / Double(max(1, total))).rounded()))%" }

  struct Tally {
    var right = 0, total = 0
    /// Closed questions: labelled closed, judged closed, both.
    var closedWant = 0, closedGot = 0, closedBoth = 0
    var text: String {
      var s = Fresh3TuningTests.shown(right, total)
      if closedWant > 0 {
        s += ", closed recall \(Fresh3TuningTests.shown(closedBoth, closedWant)), precision \(Fresh3TuningTests.shown(closedBoth, closedGot))"
      }
      return s
    }
  }

  static func categories(_ rows: [[String: JSONValue]], _ s: CategorySuggester, leaveOut: Bool = false) -> Tally {
    var t = Tally()
    for row in rows {
      guard let text = row["text"]?.string, let want = row["category"]?.string else { continue }
      t.total += 1
      if (s.suggest(text, leavingOut: leaveOut ? [text] : []).category?.rawValue ?? "none") == want { t.right += 1 }
    }
    return t
  }

  static func questions(_ rows: [[String: JSONValue]], _ q: QuestionClassifier, leaveOut: Bool = false) -> Tally {
    var t = Tally()
    for row in rows {
      guard let text = row["text"]?.string, let want = row["type"]?.string else { continue }
      t.total += 1
      let got = q.classify(text, leavingOut: leaveOut ? [text] : []).type?.rawValue ?? "closed"
      if got == want { t.right += 1 }
      if want == "closed" { t.closedWant += 1 }
      if got == "closed" { t.closedGot += 1 }
      if want == "closed", got == "closed" { t.closedBoth += 1 }
    }
    return t
  }

  /// The playbook's own `compareWith` examples as labelled rows (for leave-one-out).
  static func exampleRows(_ book: Playbook) -> (objections: [[String: JSONValue]], questions: [[String: JSONValue]]) {
    let o = book.categories.flatMap { c in c.compareWith.map { ["text": JSONValue.string($0), "category": .string(c.id.rawValue)] } }
    var q = book.questionTypes.flatMap { t in t.compareWith.map { ["text": JSONValue.string($0), "type": .string(t.id.rawValue)] } }
    q += (book.weakQuestions.first { $0.id == "closed" }?.compareWith ?? []).map { ["text": .string($0), "type": .string("closed")] }
    return (o, q)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func totals(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let objections = Fixtures.lines(Self.folder + "objections-\(lang.rawValue).jsonl")
    let questions = Fixtures.lines(Self.folder + "questions-\(lang.rawValue).jsonl")
    let c = Self.categories(objections, CategorySuggester(book: book))
    let q = Self.questions(questions, QuestionClassifier(book: book))
    print("fresh3 \(lang.rawValue) category: \(c.text)")
    print("fresh3 \(lang.rawValue) question type: \(q.text)")
    #expect(c.total == 160)
    #expect(q.total == 160)
    let f = Self.floors[lang]!
    #expect(Double(c.right) / Double(max(1, c.total)) >= f.category)
    #expect(Double(q.right) / Double(max(1, q.total)) >= f.questionType)
  }

  /// One item, judged once by the cues alone and with its 15 nearest examples, so that a grid of
  /// vote settings is arithmetic (the decision below is the classifiers' own, restated).
  struct Judged {
    var want: String
    var cues: [String: Double]
    var order: [String]
    var anyCue: Bool
    var closedByCues: Bool
    var near: [ExampleIndex.Neighbour]
  }

  static func judgedObjections(_ rows: [[String: JSONValue]], _ book: Playbook, leaveOut: Bool) -> [Judged] {
    var s = CategorySuggester(book: book)
    s.weights.weight = 0
    return rows.compactMap { row in
      guard let text = row["text"]?.string, let want = row["category"]?.string else { return nil }
      let r = s.suggest(text, leavingOut: [])
      let m = TextMatcher(text)
      let any = book.categories.contains { CategorySuggester.evidence($0.signals, in: m).total > 0 }
      return Judged(
        want: want, cues: Dictionary(uniqueKeysWithValues: r.scores.map { ($0.key.rawValue, Double($0.value)) }), order: book.categories.map(\.id.rawValue),
        anyCue: any, closedByCues: false, near: s.index.nearest(text, k: 15, leavingOut: leaveOut ? [text] : []))
    }
  }

  static func judgedQuestions(_ rows: [[String: JSONValue]], _ book: Playbook, leaveOut: Bool) -> [Judged] {
    var q = QuestionClassifier(book: book)
    q.weights.weight = 0
    return rows.compactMap { row in
      guard let text = row["text"]?.string, let want = row["type"]?.string else { return nil }
      let r = q.classify(text, leavingOut: [])
      return Judged(
        want: want, cues: Dictionary(uniqueKeysWithValues: r.scores.map { ($0.key.rawValue, Double($0.value)) }), order: book.questionTypes.map(\.id.rawValue),
        anyCue: (r.scores.values.max() ?? 0) > 0, closedByCues: r.closed, near: q.index.nearest(text, k: 15, leavingOut: leaveOut ? [text] : []))
    }
  }

  static func decide(_ j: Judged, _ w: SimilarityWeights, questions: Bool, closedVote: Bool) -> String {
    let votes = j.anyCue || w.votesAlone ? w.votes(Array(j.near.prefix(w.k))) : [:]
    var best: String? = nil
    var bestPoints = 0.0
    for label in j.order {
      let p = (j.cues[label] ?? 0) + (votes[label] ?? 0)
      if p > bestPoints {
        best = label
        bestPoints = p
      }
    }
    if questions {
      if j.closedByCues || (closedVote && (votes["closed"] ?? 0) > bestPoints) { return "closed" }
      return best ?? "closed"
    }
    return best ?? "none"
  }

  static func tally(_ items: [Judged], _ w: SimilarityWeights, questions: Bool, closedVote: Bool = true) -> Tally {
    var t = Tally()
    for j in items {
      let got = decide(j, w, questions: questions, closedVote: closedVote)
      t.total += 1
      if got == j.want { t.right += 1 }
      if questions {
        if j.want == "closed" { t.closedWant += 1 }
        if got == "closed" { t.closedGot += 1 }
        if j.want == "closed", got == "closed" { t.closedBoth += 1 }
      }
    }
    return t
  }

  /// Tuning only (COACH_FRESH3_GRID=1): vote settings on fresh3 and by leave-one-out over the
  /// playbook's `compareWith` examples, one line per setting.
  @Test(.enabled(if: getenv("COACH_FRESH3_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let ex = Self.exampleRows(book)
    let fo = Self.judgedObjections(Fixtures.lines(Self.folder + "objections-\(lang.rawValue).jsonl"), book, leaveOut: false)
    let fq = Self.judgedQuestions(Fixtures.lines(Self.folder + "questions-\(lang.rawValue).jsonl"), book, leaveOut: false)
    let eo = Self.judgedObjections(ex.objections, book, leaveOut: true)
    let eq = Self.judgedQuestions(ex.questions, book, leaveOut: true)
    for k in [5, 7, 9, 11] {
      for weight in [0.0, 3, 5, 8, 12, 20, 40, 1000] {
        for alone in [false, true] {
          if weight == 0 && alone { continue }
          var w = SimilarityWeights.categories(lang)
          w.k = k
          w.weight = weight
          w.votesAlone = alone
          let line = "k=\(k) w=\(weight) alone=\(alone)"
          print("grid3 \(lang.rawValue) \(line) category: fresh3 \(Self.tally(fo, w, questions: false).text); examples LOO \(Self.tally(eo, w, questions: false).text)")
          for closedVote in [false, true] {
            print(
              "grid3 \(lang.rawValue) \(line) closedVote=\(closedVote) question: fresh3 \(Self.tally(fq, w, questions: true, closedVote: closedVote).text); examples LOO \(Self.tally(eq, w, questions: true, closedVote: closedVote).text)"
            )
          }
        }
      }
    }
  }

  struct Floors { var category, questionType: Double }

  static let floors: [Lang: Floors] = [
    // Before round 5 (2026-12-07, shipped playbooks): en category 117/160 = 73 %, question type
    // 107/160 = 67 % (closed recall 26/32, precision 26/48); zh 122/160 = 76 %, 116/160 = 73 %
    // (closed recall 26/32, precision 26/47).
    // Round 5 (480 trainer-written examples per task and language; the seven nearest vote 8 points
    // in all four cells and decide alone when no cue matched): en 135/160 = 84 %, 139/160 = 87 %
    // (closed recall 29/32, precision 29/38); zh 136/160 = 85 %, 133/160 = 83 % (30/32, 30/45).
    // Round 6 (the examples may overrule a closed cue; checks of the rep's own record; examples5,
    // ~720 more trainer-written wordings per task and language): en 145/160 = 91 %, 150/160 = 94 %
    // (closed recall 29/32, precision 29/29); zh 145/160 = 91 %, 143/160 = 89 % (30/32, 30/36).
    // Round 7 (examples6; approver half-weight and question form in English; tester fixes): en
    // 148/160 = 93 %, 151/160 = 94 % (closed recall 31/32, precision 31/33); zh 144/160 = 90 %,
    // 145/160 = 91 % (30/32, 30/35).
    .en: Floors(category: 0.90, questionType: 0.92),
    .zh: Floors(category: 0.88, questionType: 0.89),
  ]
}
