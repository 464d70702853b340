import Testing

@testable import CoachCore

/// The coaching judgement on a fourth unseen set (Fixtures/judgement-fresh4/, see its README),
/// written on 2026-12-07 by two people (one per language) who never saw the engine, its cue
/// lists, the playbooks' example wordings or any earlier set, and sealed: nobody tuning round 5
/// read it, and it was measured once before round 5 and once after, in totals only. 160
/// objections, 160 questions (32 closed, i.e. no type) and 16 complete LSCPA answer sets
/// (6 excellent, 5 mixed, 5 gamed) per language.
/// The floors sit a little under what was measured (docs/drill-scoring.md) to catch regressions.
@Suite struct FreshJudgement4Tests {
  static let folder = "judgement-fresh4/"

  static func rate(_ right: Int, _ total: Int) -> Double { Double(right) / Double(max(1, total)) }
  static func shown(_ right: Int, _ total: Int) -> String { "\(right)/\(total) = \(Int((rate(right, total) * 100).rounded()))%" }

  static func accuracy(_ file: String, label: String, _ judge: (String) -> String) -> (right: Int, total: Int) {
    var right = 0
    var total = 0
    for row in Fixtures.lines(folder + file) {
      guard let text = row["text"]?.string, let want = row[label]?.string else { continue }
      total += 1
      if judge(text) == want { right += 1 }
    }
    return (right, total)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func objectionCategories(lang: Lang) {
    let suggester = CategorySuggester(book: Fixtures.playbook(lang))
    let m = Self.accuracy("objections-\(lang.rawValue).jsonl", label: "category") { suggester.suggest($0).category?.rawValue ?? "none" }
    print("fresh4 objections \(lang.rawValue): \(Self.shown(m.right, m.total))")
    #expect(m.total == 160)
    #expect(Self.rate(m.right, m.total) >= Self.floors[lang]!.category)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func questionTypes(lang: Lang) {
    let classifier = QuestionClassifier(book: Fixtures.playbook(lang))
    let m = Self.accuracy("questions-\(lang.rawValue).jsonl", label: "type") { classifier.classify($0).type?.rawValue ?? "closed" }
    print("fresh4 questions \(lang.rawValue): \(Self.shown(m.right, m.total))")
    #expect(m.total == 160)
    #expect(Self.rate(m.right, m.total) >= Self.floors[lang]!.questionType)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func lscpaSets(lang: Lang) {
    let scorer = DrillScorer(books: [lang: Fixtures.playbook(lang)])
    var exact = 0
    var steps = 0
    var byKind: [String: [Int]] = [:]
    for row in Fixtures.lines(Self.folder + "lscpa-\(lang.rawValue).jsonl") {
      guard let kind = row["kind"]?.string, let customer = row["customer"]?.string, let answers = row["steps"]?.object else { continue }
      var scenario = DrillScenario(kind: .objection, id: row["id"]?.string ?? "?", text: customer)
      scenario.category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
      var points = 0
      for step in ["listen", "sympathize", "confirm", "process", "assure"] {
        guard let a = answers[step]?.object, let text = a["text"]?.string, let grade = a["grade"]?.int else { continue }
        let r = scorer.score(step: step, text: text, strategies: step == "process" ? strategies : [], scenario: scenario, lang: lang)
        points += r.score
        steps += 1
        if r.score == grade { exact += 1 }
      }
      byKind[kind, default: []].append(points * 10)
    }
    print("fresh4 lscpa \(lang.rawValue) step = trainer's grade: \(Self.shown(exact, steps))")
    for (kind, percents) in byKind.sorted(by: { $0.key < $1.key }) {
      print(
        "fresh4 lscpa \(lang.rawValue) \(kind): \(percents.count) sets, average \(percents.reduce(0, +) / max(1, percents.count))%, \(percents.filter { $0 >= 70 }.count) pass the 70% mark"
      )
    }
    let f = Self.floors[lang]!
    #expect(steps == 80)
    #expect(Self.rate(exact, steps) >= f.steps)
    let gamed = byKind["gamed"] ?? []
    #expect(gamed.allSatisfy { $0 < 70 }, "a gamed set passes an exam")
    #expect(gamed.reduce(0, +) <= f.gamedAverage * gamed.count)
    let excellent = byKind["excellent"] ?? []
    #expect(excellent.filter { $0 >= 70 }.count >= excellent.count - f.excellentMisses)
  }

  struct Floors {
    var category, questionType, steps: Double
    var gamedAverage, excellentMisses: Int
  }

  static let floors: [Lang: Floors] = [
    // Measured 2026-12-07 on main before round 5 (a14ecb7): en category 66 %, question type 71 %,
    // steps 75 %, gamed 22 %, 6 of 6 excellent; zh 69 % / 73 % / 63 %, gamed 40 %, 6 of 6.
    // After round 5: en 83% / 85% / 75%, gamed 22%, 6 of 6; zh 89% / 91% / 68%, gamed 32%, 6 of 6.
    .en: Floors(category: 0.80, questionType: 0.81, steps: 0.71, gamedAverage: 26, excellentMisses: 0),
    .zh: Floors(category: 0.85, questionType: 0.87, steps: 0.64, gamedAverage: 36, excellentMisses: 0),
  ]
}
