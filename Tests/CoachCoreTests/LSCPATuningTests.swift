import Testing

@testable import CoachCore

/// The LSCPA step judgement measured on its tuning data, in one place: the development set
/// (Fixtures/judgement/, halves A and B as in `JudgementTests`) and a tuning set written by a
/// trainer who never saw the rules (Fixtures/judgement-fresh3/). Prints, per language and set:
/// agreement with the trainer's grade per step, the confusion of (trainer's grade, our score)
/// per step, the checks that failed where we disagree, the gamed sets' average and how many
/// pass, how many excellent sets pass, and every disagreement with its words.
/// `swift test --filter LSCPATuningTests` — the floors sit a little under what was measured.
@Suite struct LSCPATuningTests {
  static let steps = ["listen", "sympathize", "confirm", "process", "assure"]

  struct Figures {
    var exact = 0, total = 0
    var perStep: [String: (Int, Int)] = [:]
    /// [step][trainer grade][our score]
    var confusion: [String: [[Int]]] = [:]
    var sets: [(kind: String, percent: Int)] = []

    var agreement: Double { Double(exact) / Double(max(1, total)) }
    func average(_ kind: String) -> Int {
      let s = sets.filter { $0.kind == kind }
      return s.isEmpty ? 0 : s.map(\.percent).reduce(0, +) / s.count
    }
    func passing(_ kind: String) -> Int { sets.filter { $0.kind == kind && $0.percent >= 70 }.count }
    func count(_ kind: String) -> Int { sets.filter { $0.kind == kind }.count }
  }

  static func measure(_ rows: [[String: JSONValue]], lang: Lang, name: String, printMisses: Bool = true) -> Figures {
    let scorer = DrillScorer(books: [lang: Fixtures.playbook(lang)])
    var f = Figures()
    var failed: [String: Int] = [:]
    for row in rows {
      guard let kind = row["kind"]?.string, let customer = row["customer"]?.string, let answers = row["steps"]?.object else { continue }
      var scenario = DrillScenario(kind: .objection, id: row["id"]?.string ?? "?", text: customer)
      scenario.category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
      var points = 0
      for step in steps {
        guard let a = answers[step]?.object, let text = a["text"]?.string, let grade = a["grade"]?.int else { continue }
        let r = scorer.score(step: step, text: text, strategies: step == "process" ? strategies : [], scenario: scenario, lang: lang)
        points += r.score
        f.total += 1
        var s = f.perStep[step] ?? (0, 0)
        s.1 += 1
        if r.score == grade {
          s.0 += 1
          f.exact += 1
        }
        f.perStep[step] = s
        var c = f.confusion[step] ?? Array(repeating: [0, 0, 0], count: 3)
        c[min(2, max(0, grade))][r.score] += 1
        f.confusion[step] = c
        if r.score != grade {
          let ids = r.checks.filter { !$0.passed }.map(\.id)
          for id in ids { failed["\(step) \(grade)→\(r.score) ✗\(id)", default: 0] += 1 }
          if ids.isEmpty { failed["\(step) \(grade)→\(r.score) (all pass)", default: 0] += 1 }
          if printMisses {
            let detail = r.checks.map { "\($0.passed ? "✓" : "✗")\($0.id)\($0.evidence.isEmpty ? "" : "“" + $0.evidence.joined(separator: "”,“") + "”")" }.joined(separator: " ")
            print("   \(name) \(row["id"]?.string ?? "?") \(kind) \(step) trainer \(grade) auto \(r.score) | \(text)\n      \(detail)\n      why: \(a["why"]?.string ?? "")")
          }
        }
      }
      f.sets.append((kind, points * 10))
    }
    let pct = { (a: Int, b: Int) in "\(a)/\(b)=\(Int((Double(a) * 100 / Double(max(1, b))).rounded()))%" }
    print("== \(name): steps \(pct(f.exact, f.total)); " + steps.map { "\($0) \(pct(f.perStep[$0]?.0 ?? 0, f.perStep[$0]?.1 ?? 0))" }.joined(separator: ", "))
    for step in steps {
      let c = f.confusion[step] ?? []
      print("== \(name) \(step) trainer→auto: " + c.enumerated().map { g, row in "\(g):[\(row.map(String.init).joined(separator: " "))]" }.joined(separator: " "))
    }
    print(
      "== \(name) failed checks in disagreements: "
        + failed.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    // Speed: score every answer again, timed (a debug build; release is several times faster).
    let clock = ContinuousClock()
    var answers = 0
    let elapsed = clock.measure {
      for row in rows {
        guard let customer = row["customer"]?.string, let steps = row["steps"]?.object else { continue }
        let scenario = DrillScenario(kind: .objection, id: "t", text: customer)
        for step in Self.steps {
          guard let text = steps[step]?.object?["text"]?.string else { continue }
          _ = scorer.score(step: step, text: text, scenario: scenario, lang: lang)
          answers += 1
        }
      }
    }
    let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    print("== \(name) speed: \(Int((ms * 1000 / Double(max(1, answers))).rounded())) µs per answer over \(answers) answers (debug build)")
    for kind in ["excellent", "mediocre", "mixed", "gamed", "poor"] where f.count(kind) > 0 {
      print(
        "== \(name) \(kind): \(f.count(kind)) sets, average \(f.average(kind))%, \(f.passing(kind)) pass; "
          + f.sets.filter { $0.kind == kind }.map { "\($0.percent)" }.joined(separator: " "))
    }
    return f
  }

  static func dev(_ lang: Lang, half: String) -> Figures {
    measure(Fixtures.lines("judgement/lscpa-\(lang.rawValue).jsonl").filter { JudgementTests.half($0) == half }, lang: lang, name: "dev-\(half) \(lang.rawValue)")
  }

  static func fresh3(_ lang: Lang) -> Figures {
    measure(Fixtures.lines("judgement-fresh3/lscpa-\(lang.rawValue).jsonl"), lang: lang, name: "fresh3 \(lang.rawValue)")
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func developmentSet(lang: Lang) {
    for half in ["A", "B"] {
      let f = Self.dev(lang, half: half)
      #expect(f.sets.count == 22)
      #expect(f.passing("gamed") == 0, "a gamed set passes (\(lang) \(half))")
      #expect(f.passing("excellent") == f.count("excellent"), "an excellent set fails (\(lang) \(half))")
    }
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func fresh3Set(lang: Lang) {
    let f = Self.fresh3(lang)
    #expect(f.sets.count == 16)
    #expect(f.passing("gamed") == 0, "a gamed set passes (\(lang))")
    #expect(f.passing("excellent") == f.count("excellent"), "an excellent set fails (\(lang))")
    #expect(f.agreement >= (lang == .en ? 0.83 : 0.93), "step agreement on fresh3 (\(lang))")
    #expect(f.average("gamed") <= 15, "gamed average on fresh3 (\(lang))")
  }
}
