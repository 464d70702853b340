import Testing

@testable import CoachCore

/// The coaching judgement measured on sets written by people who never saw the signals or the
/// code (Fixtures/judgement/): 180 objections and 180 questions per language (closed questions,
/// leading-the-witness and content-free ones labelled "closed", i.e. no type), and 44 complete
/// LSCPA answer sets per language (excellent, mediocre, gamed, poor) graded per step by a trainer.
/// Both of the files' earlier splits (`tuning`, `heldout`) are development data now; the figures
/// are reported per cross-validation half (A: even item numbers, B: odd ones). An independent
/// fresh set, never seen by whoever tunes the signals, is measured outside this repository.
///
/// Figures (held-out, per language) before this engine and after it are in docs/drill-scoring.md.
/// The floors below sit a little under what was measured, to catch regressions.
@Suite struct JudgementTests {
  static let folder = "judgement/"

  struct Score { var right = 0, total = 0 }

  /// Cross-validation halves of the development data: A = even item numbers, B = odd ones
  /// (the files' old `tuning`/`heldout` labels are kept in the files but both are development data now).
  static func half(_ row: [String: JSONValue]) -> String {
    let n = Int(row["id"]?.string?.split(separator: "-").last ?? "") ?? 0
    return n % 2 == 0 ? "A" : "B"
  }

  static func rows(_ file: String, split: String) -> [[String: JSONValue]] {
    Fixtures.lines(folder + file).filter { half($0) == split }
  }

  static func percent(_ a: Int, _ b: Int) -> String { "\(a)/\(b) = \(Int((Double(a) * 100 / Double(max(1, b))).rounded()))%" }
  static func rate(_ s: Score) -> Double { Double(s.right) / Double(max(1, s.total)) }

  /// Prints every miss (both halves are development data) and the total per half.
  static func measure(_ file: String, split: String, label: String, printMisses: Bool = true, _ judge: (String) -> String) -> Score {
    var s = Score()
    var confusion: [String: Int] = [:]
    for row in rows(file, split: split) {
      guard let text = row["text"]?.string, let want = row[label]?.string else { continue }
      s.total += 1
      let got = judge(text)
      if got == want {
        s.right += 1
      } else {
        confusion["\(want)→\(got)", default: 0] += 1
        if printMisses { print("   miss \(want)→\(got): \(text)") }
      }
    }
    print("\(file) \(split): \(percent(s.right, s.total)); misses by kind: \(confusion.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    return s
  }

  // MARK: categories

  static func category(_ lang: Lang, split: String) -> Score {
    let suggester = CategorySuggester(book: Fixtures.playbook(lang))
    return measure("objections-\(lang.rawValue).jsonl", split: split, label: "category") { suggester.suggest($0).category?.rawValue ?? "none" }
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func objectionCategories(lang: Lang) {
    let a = Self.category(lang, split: "A")
    let b = Self.category(lang, split: "B")
    #expect(a.total == 90 && b.total == 90)
    #expect(Self.rate(a) >= Self.floors[lang]!.categoryA)
    #expect(Self.rate(b) >= Self.floors[lang]!.categoryB)
  }

  // MARK: question types

  static func questionType(_ lang: Lang, split: String) -> Score {
    let classifier = QuestionClassifier(book: Fixtures.playbook(lang))
    return measure("questions-\(lang.rawValue).jsonl", split: split, label: "type") { classifier.classify($0).type?.rawValue ?? "closed" }
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func questionTypes(lang: Lang) {
    let a = Self.questionType(lang, split: "A")
    let b = Self.questionType(lang, split: "B")
    #expect(a.total == 90 && b.total == 90)
    #expect(Self.rate(a) >= Self.floors[lang]!.typeA)
    #expect(Self.rate(b) >= Self.floors[lang]!.typeB)
  }

  // MARK: LSCPA sets

  struct SetResult {
    var kind: String
    var percent: Int
    var exact: Int
    var steps: Int
  }

  static let steps = ["listen", "sympathize", "confirm", "process", "assure"]

  static func lscpa(_ lang: Lang, split: String) -> [SetResult] {
    let book = Fixtures.playbook(lang)
    let scorer = DrillScorer(books: [lang: book])
    var out: [SetResult] = []
    var perStep: [String: Score] = [:]
    var direction: [String: Int] = [:]
    var failedChecks: [String: Int] = [:]
    for row in rows("lscpa-\(lang.rawValue).jsonl", split: split) {
      guard let kind = row["kind"]?.string, let customer = row["customer"]?.string, let answers = row["steps"]?.object else { continue }
      var scenario = DrillScenario(kind: .objection, id: row["id"]?.string ?? "?", text: customer)
      scenario.category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
      var points = 0
      var exact = 0
      for step in steps {
        guard let a = answers[step]?.object, let text = a["text"]?.string, let grade = a["grade"]?.int else { continue }
        let r = scorer.score(step: step, text: text, strategies: step == "process" ? strategies : [], scenario: scenario, lang: lang)
        points += r.score
        perStep[step, default: Score()].total += 1
        if r.score == grade {
          exact += 1
          perStep[step, default: Score()].right += 1
        } else {
          direction["\(step) \(grade)→\(r.score)", default: 0] += 1
          for c in r.checks where !c.passed { failedChecks["\(step) \(grade)→\(r.score) ✗\(c.id)", default: 0] += 1 }
        }
        if r.score != grade {
          let failed = r.checks.filter { !$0.passed }.map(\.id).joined(separator: ",")
          print("   \(row["id"]?.string ?? "?") \(kind) \(step) trainer \(grade) auto \(r.score) [✗ \(failed)]: \(text)")
        }
      }
      out.append(SetResult(kind: kind, percent: points * 10, exact: exact, steps: 5))
    }
    let line = steps.map { "\($0) \(percent(perStep[$0]?.right ?? 0, perStep[$0]?.total ?? 0))" }.joined(separator: "; ")
    print("lscpa \(lang.rawValue) \(split) per step: \(line)")
    print("lscpa \(lang.rawValue) \(split) disagreements (trainer→auto): " + direction.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    print("lscpa \(lang.rawValue) \(split) failed checks in disagreements: " + failedChecks.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    for kind in ["excellent", "mediocre", "gamed", "poor"] {
      let sets = out.filter { $0.kind == kind }
      let avg = sets.isEmpty ? 0 : sets.map(\.percent).reduce(0, +) / sets.count
      let passed = sets.filter { $0.percent >= 70 }.count
      print("lscpa \(lang.rawValue) \(split) \(kind): \(sets.count) sets, average \(avg)%, \(passed) pass the 70% mark")
    }
    return out
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func lscpaSets(lang: Lang) {
    for split in ["A", "B"] {
      let sets = Self.lscpa(lang, split: split)
      #expect(sets.count == 22)
      let exact = sets.map(\.exact).reduce(0, +)
      let n = sets.map(\.steps).reduce(0, +)
      print("lscpa \(lang.rawValue) \(split) exact agreement: \(Self.percent(exact, n))")
      let floor = split == "A" ? Self.floors[lang]!.stepsA : Self.floors[lang]!.stepsB
      #expect(Double(exact) / Double(max(1, n)) >= floor, "\(lang) \(split) exact agreement")
      let gamed = sets.filter { $0.kind == "gamed" }
      #expect(gamed.allSatisfy { $0.percent < 70 }, "a gamed set passes an exam (\(lang) \(split))")
      #expect(gamed.map(\.percent).reduce(0, +) <= Self.floors[lang]!.gamedAverage * gamed.count, "gamed average (\(lang) \(split))")
      let excellent = sets.filter { $0.kind == "excellent" }
      #expect(excellent.filter { $0.percent >= 70 }.count >= excellent.count - Self.floors[lang]!.excellentMisses, "excellent sets that fail (\(lang) \(split))")
    }
  }

  struct Floors {
    var categoryA, categoryB, typeA, typeB, stepsA, stepsB: Double
    var gamedAverage: Int
    var excellentMisses: Int
  }

  /// A little under what was measured per cross-validation half (see docs/drill-scoring.md).
  /// Several figures still miss the issue's targets (category and question type ≥ 90%, step
  /// agreement ≥ 85%); these floors guard against regressions.
  /// Round 5 raised the category and type floors: these items are also `compareWith` examples in
  /// the playbooks, and since round 5 the examples vote in every cell (en 93/93 %, 97/96 %; zh
  /// 97/98 %, 90/93 %), so the figures show that the vote keeps the wordings it was given.
  static let floors: [Lang: Floors] = [
    .en: Floors(
      categoryA: 0.91, categoryB: 0.91, typeA: 0.94, typeB: 0.94, stepsA: 0.88, stepsB: 0.87,
      gamedAverage: 20, excellentMisses: 0),
    .zh: Floors(
      categoryA: 0.95, categoryB: 0.96, typeA: 0.88, typeB: 0.91, stepsA: 0.87, stepsB: 0.92,
      gamedAverage: 22, excellentMisses: 0),
  ]
}
