import Testing

@testable import CoachCore

/// A labelled set kept from everyone tuning the judgement (`Fixtures/<folder>`): objections with
/// their category, questions with their type (closed ones labelled "closed", i.e. no type) and
/// graded LSCPA answer sets. It is measured in totals only — never an item is printed — so it
/// stays unseen for the next round, against floors a little under what was measured
/// (docs/drill-scoring.md) to catch regressions.
struct HeldOutSet {
  struct Floors {
    var category, questionType, steps: Double
    var gamedAverage, excellentMisses: Int
  }

  /// The fixture folder, e.g. `judgement-fresh/`.
  let folder: String
  /// How the printed totals name the set, e.g. `fresh`.
  let name: String
  /// Objections (and questions) per language.
  let items: Int
  /// Graded LSCPA steps per language.
  let steps: Int
  let floors: [Lang: Floors]

  static func rate(_ right: Int, _ total: Int) -> Double { Double(right) / Double(max(1, total)) }
  static func shown(_ right: Int, _ total: Int) -> String { "\(right)/\(total) = \(Int((rate(right, total) * 100).rounded()))%" }

  func accuracy(_ file: String, label: String, _ judge: (String) -> String) -> (right: Int, total: Int) {
    var right = 0
    var total = 0
    for row in Fixtures.lines(folder + file) {
      guard let text = row["text"]?.string, let want = row[label]?.string else { continue }
      total += 1
      if judge(text) == want { right += 1 }
    }
    return (right, total)
  }

  func objectionCategories(_ lang: Lang, sourceLocation: SourceLocation = #_sourceLocation) {
    let suggester = CategorySuggester(book: Fixtures.playbook(lang))
    let m = accuracy("objections-\(lang.rawValue).jsonl", label: "category") { suggester.suggest($0).category?.rawValue ?? "none" }
    print("\(name) objections \(lang.rawValue): \(Self.shown(m.right, m.total))")
    #expect(m.total == items, sourceLocation: sourceLocation)
    #expect(Self.rate(m.right, m.total) >= floors[lang]!.category, sourceLocation: sourceLocation)
  }

  func questionTypes(_ lang: Lang, sourceLocation: SourceLocation = #_sourceLocation) {
    let classifier = QuestionClassifier(book: Fixtures.playbook(lang))
    let m = accuracy("questions-\(lang.rawValue).jsonl", label: "type") { classifier.classify($0).type?.rawValue ?? "closed" }
    print("\(name) questions \(lang.rawValue): \(Self.shown(m.right, m.total))")
    #expect(m.total == items, sourceLocation: sourceLocation)
    #expect(Self.rate(m.right, m.total) >= floors[lang]!.questionType, sourceLocation: sourceLocation)
  }

  func lscpaSets(_ lang: Lang, sourceLocation: SourceLocation = #_sourceLocation) {
    let scorer = DrillScorer(books: [lang: Fixtures.playbook(lang)])
    var exact = 0
    var scored = 0
    var byKind: [String: [Int]] = [:]
    for row in Fixtures.lines(folder + "lscpa-\(lang.rawValue).jsonl") {
      guard let kind = row["kind"]?.string, let customer = row["customer"]?.string, let answers = row["steps"]?.object else { continue }
      var scenario = DrillScenario(kind: .objection, id: row["id"]?.string ?? "?", text: customer)
      scenario.category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
      var points = 0
      for step in ["listen", "sympathize", "confirm", "process", "assure"] {
        guard let a = answers[step]?.object, let text = a["text"]?.string, let grade = a["grade"]?.int else { continue }
        let r = scorer.score(step: step, text: text, strategies: step == "process" ? strategies : [], scenario: scenario, lang: lang)
        points += r.score
        scored += 1
        if r.score == grade { exact += 1 }
      }
      byKind[kind, default: []].append(points * 10)
    }
    print("\(name) lscpa \(lang.rawValue) step = trainer's grade: \(Self.shown(exact, scored))")
    for (kind, percents) in byKind.sorted(by: { $0.key < $1.key }) {
      print(
        "\(name) lscpa \(lang.rawValue) \(kind): \(percents.count) sets, average \(percents.reduce(0, +) / max(1, percents.count))%, \(percents.filter { $0 >= 70 }.count) pass the 70% mark"
      )
    }
    let f = floors[lang]!
    #expect(scored == steps, sourceLocation: sourceLocation)
    #expect(Self.rate(exact, scored) >= f.steps, sourceLocation: sourceLocation)
    let gamed = byKind["gamed"] ?? []
    #expect(gamed.allSatisfy { $0 < 70 }, "a gamed set passes an exam", sourceLocation: sourceLocation)
    #expect(gamed.reduce(0, +) <= f.gamedAverage * gamed.count, sourceLocation: sourceLocation)
    let excellent = byKind["excellent"] ?? []
    #expect(excellent.filter { $0 >= 70 }.count >= excellent.count - f.excellentMisses, sourceLocation: sourceLocation)
  }
}
