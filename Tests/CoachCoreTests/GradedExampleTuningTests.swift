import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The graded example answers (`answers.yaml`, `AnswerExamples`) measured on TUNING data only,
/// three views per language:
/// - the development set (Fixtures/judgement/lscpa-*, halves A and B as in `JudgementTests`);
/// - the fresh3 tuning set (Fixtures/judgement-fresh3/lscpa-*);
/// - leave-one-writer-out over the graded answers themselves: each answer is scored as a drill
///   would score it (its customer's words; for Process, every strategy of its category chosen),
///   and only other writers' answers vote (never its own, nor its own objection's).
/// Per view: step agreement with the trainer's grade for the checks alone and with the shipped
/// rule; for the sets, the gamed average and how many gamed and excellent sets pass (≥ 70 %).
/// `COACH_GRADED_GRID=1` also prints a grid of rules (one line per rule) on the same views.
@Suite struct GradedExampleTuningTests {
  static let steps = ["listen", "sympathize", "confirm", "process", "assure"]

  /// One step answer, judged once by the checks and with its 15 nearest graded answers, so that
  /// a grid of rules is arithmetic (`Rule.combine` is the scorer's own).
  struct Item {
    var set: String
    var kind: String
    var step: String
    var grade: Int
    var checklist: Int
    var harmed: Bool
    var near: [ExampleIndex.Neighbour]
    /// The answer's length (`AnswerExamples.words`), for the guarded raise to full marks; 0 when
    /// a check the raise needs for the step failed (`Rule.FullMarks.needs`).
    var words: Double = 0
    /// The answer and the answers left out of its vote (to find its neighbours again under another
    /// index, `GradedExampleIDFGrid`).
    var text: String = ""
    var leavingOut: Set<String> = []
  }

  static func item(
    _ scorer: DrillScorer, _ examples: AnswerExamples, set: String, kind: String, step: String, text: String, grade: Int, strategies: [String], scenario: DrillScenario, lang: Lang,
    leavingOut: Set<String>
  ) -> Item {
    let r = scorer.score(step: step, text: text, strategies: strategies, scenario: scenario, lang: lang)
    let harmed = r.checks.contains { $0.kind == .harm && !$0.passed }
    let near = text.trimmingWhitespace.isEmpty ? [] : examples.nearest(step: step, text: text.trimmingWhitespace, k: 15, leavingOut: leavingOut)
    let allowed = AnswerExamples.Rule.shipped(lang).fullMarks?.allows(step: step, passed: Set(r.checks.filter(\.passed).map(\.id))) ?? true
    return Item(
      set: set, kind: kind, step: step, grade: grade, checklist: r.score, harmed: harmed, near: near, words: allowed ? AnswerExamples.words(text.trimmingWhitespace) : 0,
      text: text.trimmingWhitespace, leavingOut: leavingOut)
  }

  /// The items of a labelled LSCPA file (the development set or fresh3).
  static func sets(_ rows: [[String: JSONValue]], book: Playbook, examples: AnswerExamples, leaveOwnSet: Bool = false) -> [Item] {
    var scorer = DrillScorer(books: [book.lang: book])
    scorer.exampleRule = nil
    var out: [Item] = []
    for row in rows {
      guard let kind = row["kind"]?.string, let customer = row["customer"]?.string, let answers = row["steps"]?.object else { continue }
      let id = row["id"]?.string ?? "?"
      var scenario = DrillScenario(kind: .objection, id: id, text: customer)
      scenario.category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
      let own = leaveOwnSet ? Set(steps.compactMap { answers[$0]?.object?["text"]?.string?.trimmingWhitespace }) : []
      for step in steps {
        guard let a = answers[step]?.object, let text = a["text"]?.string, let grade = a["grade"]?.int else { continue }
        out.append(
          item(
            scorer, examples, set: id, kind: kind, step: step, text: text, grade: grade, strategies: step == "process" ? strategies : [], scenario: scenario,
            lang: book.lang, leavingOut: own))
      }
    }
    return out
  }

  /// The playbook's graded answers, each scored with only other writers' answers voting.
  static func leaveOneWriterOut(_ book: Playbook, examples: AnswerExamples) -> [Item] {
    var scorer = DrillScorer(books: [book.lang: book])
    scorer.exampleRule = nil
    var byWriter: [String: Set<String>] = [:]
    for a in book.gradedAnswers { byWriter[a.writer ?? "", default: []].insert(a.text) }
    // The customer's words are written once per objection (`from`).
    var customers: [String: String] = [:]
    for a in book.gradedAnswers { if let f = a.from, let c = a.customer, customers[f] == nil { customers[f] = c } }
    return book.gradedAnswers.map { a in
      var scenario = DrillScenario(kind: .objection, id: a.from ?? "?", text: a.customer ?? a.from.flatMap { customers[$0] } ?? "")
      scenario.category = a.category
      let strategies = a.step == "process" ? (a.category.flatMap { book.category($0) }?.strategies.map(\.id) ?? []) : []
      return item(
        scorer, examples, set: a.from ?? "?", kind: "example", step: a.step, text: a.text, grade: a.grade, strategies: strategies, scenario: scenario,
        lang: book.lang, leavingOut: byWriter[a.writer ?? ""] ?? [a.text])
    }
  }

  struct Tally {
    var exact = 0, total = 0
    var perStep: [String: (Int, Int)] = [:]
    var moved = 0, movedRight = 0, movedWrong = 0
    var sets: [String: (kind: String, points: Int)] = [:]
    var order: [String] = []

    var percent: Int { Int((Double(exact) * 100 / Double(max(1, total))).rounded()) }
    func average(_ kind: String) -> Int {
      let s = order.compactMap { sets[$0] }.filter { $0.kind == kind }
      return s.isEmpty ? 0 : s.map { $0.points * 10 }.reduce(0, +) / s.count
    }
    func passing(_ kind: String) -> Int { order.compactMap { sets[$0] }.filter { $0.kind == kind && $0.points * 10 >= 70 }.count }
    func count(_ kind: String) -> Int { order.compactMap { sets[$0] }.filter { $0.kind == kind }.count }

    var text: String {
      var s = "steps \(exact)/\(total) = \(percent)% (moved \(moved): \(movedRight) to the trainer's grade, \(movedWrong) away)"
      if count("gamed") > 0 {
        s += "; gamed avg \(average("gamed"))%, \(passing("gamed"))/\(count("gamed")) pass; excellent \(passing("excellent"))/\(count("excellent")) pass"
      }
      return s
    }
    var perStepText: String {
      GradedExampleTuningTests.steps.map { st in
        let (a, b) = perStep[st] ?? (0, 0)
        return "\(st) \(Int((Double(a) * 100 / Double(max(1, b))).rounded()))%"
      }.joined(separator: ", ")
    }
  }

  /// `average`: the grid's other kind of rule, the checks' score and the neighbours'
  /// similarity-weighted mean grade averaged and rounded half up (a failed harm check keeps 0).
  static func tally(_ items: [Item], _ rule: AnswerExamples.Rule?, average: Bool = false) -> Tally {
    var t = Tally()
    for i in items {
      var score = i.checklist
      if let rule, !i.near.isEmpty {
        let near = Array(i.near.prefix(rule.k)).filter { $0.similarity >= rule.minSimilarity }
        if average {
          let total = near.map(\.similarity).reduce(0, +)
          if !i.harmed, total > 0, (near.first?.similarity ?? 0) >= rule.closeEnough {
            let mean = near.map { Double(Int($0.label) ?? 0) * $0.similarity }.reduce(0, +) / total
            score = Int(((Double(i.checklist) + mean) / 2 + 0.5).rounded(.down))
          }
        } else {
          score = rule.combine(checklist: i.checklist, harmed: i.harmed, AnswerExamples.expectation(near), words: i.words)
        }
      }
      t.total += 1
      var s = t.perStep[i.step] ?? (0, 0)
      s.1 += 1
      if score == i.grade {
        t.exact += 1
        s.0 += 1
      }
      t.perStep[i.step] = s
      if score != i.checklist {
        t.moved += 1
        if abs(score - i.grade) < abs(i.checklist - i.grade) { t.movedRight += 1 } else { t.movedWrong += 1 }
      }
      if t.sets[i.set] == nil { t.order.append(i.set) }
      t.sets[i.set, default: (i.kind, 0)].points += score
    }
    return t
  }

  struct Views {
    var devA: [Item], devB: [Item], fresh3: [Item], writers: [Item]
    /// The development set with its own graded answers as the examples, each set left out of its own vote.
    var devSelf: [Item]
  }

  /// The development set's answers as graded examples (to try the mechanism without the writers' data).
  static func devAnswers(_ rows: [[String: JSONValue]]) -> [GradedAnswer] {
    rows.flatMap { row -> [GradedAnswer] in
      guard let answers = row["steps"]?.object else { return [] }
      return steps.compactMap { step in
        guard let a = answers[step]?.object, let text = a["text"]?.string?.trimmingWhitespace, !text.isEmpty, let g = a["grade"]?.int else { return nil }
        return GradedAnswer(step: step, grade: g, text: text, from: row["id"]?.string)
      }
    }
  }

  static func views(_ lang: Lang) -> Views {
    let book = Fixtures.playbook(lang)
    let examples = AnswerExamples(shipped: book)
    let dev = Fixtures.lines("judgement/lscpa-\(lang.rawValue).jsonl")
    return Views(
      devA: sets(dev.filter { JudgementTests.half($0) == "A" }, book: book, examples: examples),
      devB: sets(dev.filter { JudgementTests.half($0) == "B" }, book: book, examples: examples),
      fresh3: sets(Fixtures.lines("judgement-fresh3/lscpa-\(lang.rawValue).jsonl"), book: book, examples: examples),
      writers: leaveOneWriterOut(book, examples: examples),
      devSelf: sets(dev, book: book, examples: AnswerExamples(devAnswers(dev)), leaveOwnSet: true))
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func figures(lang: Lang) {
    let v = Self.views(lang)
    let rule = AnswerExamples.Rule.shipped(lang)
    var after: [String: Tally] = [:]
    for (name, items) in [("dev-A", v.devA), ("dev-B", v.devB), ("fresh3", v.fresh3), ("writers LOWO", v.writers)] {
      let before = Self.tally(items, nil)
      let t = Self.tally(items, rule)
      after[name] = t
      print("graded \(lang.rawValue) \(name) checks alone: \(before.text)\n   per step: \(before.perStepText)")
      let r7 = Self.tally(items, .round7)
      print("graded \(lang.rawValue) \(name) round-7 rule: \(r7.text)\n   per step: \(r7.perStepText)")
      print("graded \(lang.rawValue) \(name) with examples: \(t.text)\n   per step: \(t.perStepText)")
    }
    #expect(v.writers.count == Fixtures.playbook(lang).gradedAnswers.count)
    // What building the index costs, once per playbook per process (a debug build here).
    let book = Fixtures.playbook(lang)
    let elapsed = ContinuousClock().measure { _ = AnswerExamples(shipped: book) }
    print(
      "graded \(lang.rawValue) index: \(book.gradedAnswers.count) answers + \(AnswerExamples.modelLines(book).count) model lines built in \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms (debug build)"
    )
    for name in ["dev-A", "dev-B", "fresh3"] {
      #expect(after[name]!.passing("gamed") == 0, "a gamed set passes (\(lang) \(name))")
      #expect(after[name]!.passing("excellent") == after[name]!.count("excellent"), "an excellent set fails (\(lang) \(name))")
      #expect(
        after[name]!.average("gamed") <= Self.tally(name == "dev-A" ? v.devA : name == "dev-B" ? v.devB : v.fresh3, nil).average("gamed") + 2,
        "gamed average rose (\(lang) \(name))")
    }
    // The three tuning sets together (300 steps) lose at most four steps to the checks alone;
    // leaving a writer out, the other writers' graded answers agree with the trainer on at least
    // 7 points more steps than the checks alone. (Until round 8 this was "at most two steps per
    // set": round 8's checks gained three steps on dev A by themselves, and there the examples
    // now cost 4 of its 110 while they gain 3 on fresh3 and 12 points leaving a writer out.)
    let sets = [v.devA, v.devB, v.fresh3]
    let withExamples = sets.map { Self.tally($0, rule).exact }.reduce(0, +)
    let checksAlone = sets.map { Self.tally($0, nil).exact }.reduce(0, +)
    #expect(withExamples + 4 >= checksAlone, "the examples cost agreement (\(lang): \(withExamples) against \(checksAlone) of the tuning sets' steps)")
    #expect(Self.tally(v.writers, rule).percent >= Self.tally(v.writers, nil).percent + 7, "leave-one-writer-out gain (\(lang))")
  }

  /// Tuning only (COACH_GRADED_GRID=1): one line per rule, all views.
  @Test(.enabled(if: getenv("COACH_GRADED_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    let v = Self.views(lang)
    func line(_ rule: AnswerExamples.Rule?, average: Bool = false) -> String {
      let a = Self.tally(v.devA, rule, average: average)
      let b = Self.tally(v.devB, rule, average: average)
      let f = Self.tally(v.fresh3, rule, average: average)
      let w = Self.tally(v.writers, rule, average: average)
      let d = Self.tally(v.devSelf, rule, average: average)
      return
        "devLOSO \(d.percent) A \(a.percent) B \(b.percent) F3 \(f.percent) LOWO \(w.percent) | sum \(a.exact + b.exact + f.exact) | gamed A \(a.average("gamed"))/\(a.passing("gamed")) B \(b.average("gamed"))/\(b.passing("gamed")) F3 \(f.average("gamed"))/\(f.passing("gamed")) | exc \(a.passing("excellent") + b.passing("excellent") + f.passing("excellent"))/\(a.count("excellent") + b.count("excellent") + f.count("excellent")) | moved \(a.moved + b.moved + f.moved)/\(w.moved)"
    }
    print("ggrid \(lang.rawValue) off: " + line(nil))
    for k in [3, 5, 7, 9, 11] {
      for minSim in [0.0, 0.1] {
        for close in [0.0, 0.1, 0.2, 0.3] {
          let rule = AnswerExamples.Rule(k: k, minSimilarity: minSim, agreement: 0, closeEnough: close)
          print("ggrid \(lang.rawValue) average k=\(k) min=\(minSim) close=\(close): " + line(rule, average: true))
        }
        for agreement in [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] {
          for close in [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4] {
            for (highest, lowest) in [(2, 0), (1, 0), (2, 1), (1, 1), (2, 2), (1, 2), (0, 0), (0, 1)] {
              let rule = AnswerExamples.Rule(k: k, minSimilarity: minSim, agreement: agreement, closeEnough: close, highest: highest, lowest: lowest)
              print("ggrid \(lang.rawValue) k=\(k) min=\(minSim) agree=\(agreement) close=\(close) highest=\(highest) lowest=\(lowest): " + line(rule))
            }
          }
        }
      }
    }
  }
}
