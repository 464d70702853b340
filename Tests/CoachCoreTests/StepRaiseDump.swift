import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Tuning only (COACH_STEP_DUMP=FILE): every tuning item (development set halves, fresh3,
/// leave-one-writer-out over answers.yaml) with its checks and its 15 nearest graded answers, as
/// JSON Lines, for analysing rules outside the build (how round 7's rule was chosen; see
/// docs/drill-scoring.md, round 7).
@Suite struct StepRaiseDump {
  /// A JSON string literal, written by the plan files' own writer.
  static func json(_ s: String) -> String { JSONWriter.compact(.string(s)) }

  @Test(.enabled(if: getenv("COACH_STEP_DUMP") != nil), arguments: [Lang.en, Lang.zh])
  func dump(lang: Lang) {
    let path = String(cString: getenv("COACH_STEP_DUMP")!) + "-\(lang.rawValue).jsonl"
    guard let f = fopen(path, "w") else { return }
    defer { fclose(f) }
    let book = Fixtures.playbook(lang)
    let examples = AnswerExamples(shipped: book)
    var scorer = DrillScorer(books: [lang: book])
    scorer.exampleRule = nil
    var customers: [String: String] = [:]
    for a in book.gradedAnswers { if let fr = a.from, let c = a.customer, customers[fr] == nil { customers[fr] = c } }
    var byWriter: [String: Set<String>] = [:]
    for a in book.gradedAnswers { byWriter[a.writer ?? "", default: []].insert(a.text) }
    func emit(
      view: String, set: String, kind: String, step: String, grade: Int, text: String, customer: String, category: ObjectionCategory?, strategies: [String],
      leavingOut: Set<String>, writer: String
    ) {
      var scenario = DrillScenario(kind: .objection, id: set, text: customer)
      scenario.category = category
      let r = scorer.score(step: step, text: text, strategies: strategies, scenario: scenario, lang: lang)
      let t = text.trimmingWhitespace
      var line =
        "{\"lang\":\"\(lang.rawValue)\",\"view\":\"\(view)\",\"set\":\(Self.json(set)),\"writer\":\(Self.json(writer)),\"kind\":\"\(kind)\",\"step\":\"\(step)\",\"grade\":\(grade),\"checklist\":\(r.score),\"category\":\(Self.json(category?.rawValue ?? ""))"
      line += ",\"checks\":{" + r.checks.map { "\(Self.json($0.id)):\($0.kind == .harm ? "\"h\(($0.passed ? 1 : 0))\"" : $0.passed ? "1" : "0")" }.joined(separator: ",") + "}"
      line += ",\"words\":\(AnswerExamples.words(t)),\"text\":\(Self.json(text)),\"customer\":\(Self.json(customer)),\"near\":{"
      let near = t.isEmpty ? [] : examples.nearest(step: step, text: t, k: 15, leavingOut: leavingOut)
      line += "\"q1e1\":[" + near.map { "[\($0.label),\(Int(($0.similarity * 10000).rounded())),\(Self.json($0.text))]" }.joined(separator: ",") + "]}}\n"
      fputs(line, f)
    }
    let dev = Fixtures.lines("judgement/lscpa-\(lang.rawValue).jsonl")
    for (view, rows) in [
      ("devA", dev.filter { JudgementTests.half($0) == "A" }), ("devB", dev.filter { JudgementTests.half($0) == "B" }),
      ("fresh3", Fixtures.lines("judgement-fresh3/lscpa-\(lang.rawValue).jsonl")),
    ] {
      for row in rows {
        guard let kind = row["kind"]?.string, let customer = row["customer"]?.string, let answers = row["steps"]?.object else { continue }
        let id = row["id"]?.string ?? "?"
        let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
        for step in GradedExampleTuningTests.steps {
          guard let a = answers[step]?.object, let text = a["text"]?.string, let grade = a["grade"]?.int else { continue }
          emit(
            view: view, set: id, kind: kind, step: step, grade: grade, text: text, customer: customer, category: row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:)),
            strategies: step == "process" ? strategies : [], leavingOut: [], writer: view)
        }
      }
    }
    for a in book.gradedAnswers {
      let strategies = a.step == "process" ? (a.category.flatMap { book.category($0) }?.strategies.map(\.id) ?? []) : []
      emit(
        view: "lowo", set: a.from ?? "?", kind: "example", step: a.step, grade: a.grade, text: a.text, customer: a.customer ?? a.from.flatMap { customers[$0] } ?? "",
        category: a.category, strategies: strategies, leavingOut: byWriter[a.writer ?? ""] ?? [a.text], writer: a.writer ?? "")
    }
  }
}

extension StepRaiseDump {
  /// The probes of `FullMarksProbeTests` against the tuning sets' customers, with their neighbours.
  @Test(.enabled(if: getenv("COACH_STEP_DUMP") != nil), arguments: [Lang.en, Lang.zh])
  func dumpProbes(lang: Lang) {
    let path = String(cString: getenv("COACH_STEP_DUMP")!) + "-probes-\(lang.rawValue).jsonl"
    guard let f = fopen(path, "w") else { return }
    defer { fclose(f) }
    let book = Fixtures.playbook(lang)
    let examples = AnswerExamples(shipped: book)
    var scorer = DrillScorer(books: [lang: book])
    scorer.exampleRule = nil
    for scenario in FullMarksProbeTests.scenarios(lang) {
      let strategies = scenario.category.flatMap { book.category($0) }?.strategies.map(\.id) ?? []
      for text in FullMarksProbeTests.probes[lang]! {
        for step in GradedExampleTuningTests.steps {
          let r = scorer.score(step: step, text: text, strategies: step == "process" ? strategies : [], scenario: scenario, lang: lang)
          var line =
            "{\"lang\":\"\(lang.rawValue)\",\"view\":\"probe\",\"set\":\(Self.json(scenario.id)),\"kind\":\"probe\",\"step\":\"\(step)\",\"grade\":-1,\"checklist\":\(r.score)"
          line += ",\"checks\":{" + r.checks.map { "\(Self.json($0.id)):\($0.kind == .harm ? "\"h\(($0.passed ? 1 : 0))\"" : $0.passed ? "1" : "0")" }.joined(separator: ",") + "}"
          let near = examples.nearest(step: step, text: text, k: 15)
          line +=
            ",\"words\":\(AnswerExamples.words(text)),\"text\":\(Self.json(text)),\"near\":{\"q1e1\":["
            + near.map { "[\($0.label),\(Int(($0.similarity * 10000).rounded())),\(Self.json($0.text))]" }.joined(separator: ",") + "]}}\n"
          fputs(line, f)
        }
      }
    }
  }
}
