import Testing

@testable import CoachCore

/// The coaching judgement on a third set (Fixtures/judgement-fresh2/, see its README) written on
/// 2026-12-07 by one person who never saw the engine, its cue lists or the earlier sets, kept
/// from the engineer tuning round 3 and measured before and after it: 120 objections, 120 questions (closed ones labelled "closed", i.e. no type) and 24
/// complete LSCPA answer sets per language. Nobody tuning the judgement reads these files: the
/// measurement prints totals only, never an item, so the set stays unseen for the next round too.
/// The floors sit a little under what was measured (docs/drill-scoring.md) to catch regressions.
@Suite struct FreshJudgement2Tests {
  static let folder = "judgement-fresh2/"

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
    print("fresh2 objections \(lang.rawValue): \(Self.shown(m.right, m.total))")
    #expect(m.total == 120)
    #expect(Self.rate(m.right, m.total) >= Self.floors[lang]!.category)
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func questionTypes(lang: Lang) {
    let classifier = QuestionClassifier(book: Fixtures.playbook(lang))
    let m = Self.accuracy("questions-\(lang.rawValue).jsonl", label: "type") { classifier.classify($0).type?.rawValue ?? "closed" }
    print("fresh2 questions \(lang.rawValue): \(Self.shown(m.right, m.total))")
    #expect(m.total == 120)
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
    print("fresh2 lscpa \(lang.rawValue) step = trainer's grade: \(Self.shown(exact, steps))")
    for (kind, percents) in byKind.sorted(by: { $0.key < $1.key }) {
      print(
        "fresh2 lscpa \(lang.rawValue) \(kind): \(percents.count) sets, average \(percents.reduce(0, +) / max(1, percents.count))%, \(percents.filter { $0 >= 70 }.count) pass the 70% mark"
      )
    }
    let f = Self.floors[lang]!
    #expect(steps == 120)
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
    // Measured 2026-12-07 after round 3 (before it: en 70/68/65 %, gamed 23 %; zh 74/64/59 %, gamed 32 %):
    // en 69 % / 68 % / 64 %, gamed 23 %, 7 of 8 excellent; zh 75 % / 63 % / 60 %, gamed 32 %, 8 of 8.
    // Round 4 (nearest playbook examples vote on English categories): en category 75 %, the rest unchanged.
    // Round 5 (examples from eight outside writers vote everywhere; LSCPA audit): en 88% / 83% / 65%, gamed 23%,
    // 7 of 8 excellent; zh 90% / 73% / 61%, gamed 31%, 8 of 8.
    .en: Floors(category: 0.85, questionType: 0.79, steps: 0.61, gamedAverage: 26, excellentMisses: 1),
    .zh: Floors(category: 0.86, questionType: 0.69, steps: 0.57, gamedAverage: 35, excellentMisses: 0),
  ]
}
