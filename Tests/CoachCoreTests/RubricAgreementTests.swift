import Testing

@testable import CoachCore

/// The drill rubric against hand grades. Each fixture line is one LSCPA answer graded 0/1/2 by
/// a person before the scorer ran: `lscpa-*.jsonl` is the tuning set (the only set the rubric's
/// signals were ever revised against), `heldout-lscpa-*.jsonl` the held-out set (never used for
/// tuning). Exact and within-one agreement are printed per step, language and set; the floors
/// below were set from what was measured, a little under it, to catch regressions.
///
/// Measured (exact / within one): before the rubric was tuned — tuning en 53%/100%, zh 48%/98%;
/// held-out en 57%/97%, zh 57%/100%; overall 53%/99%. After tuning against the tuning files
/// only — tuning en 85%/100%, zh 85%/100%; held-out en 87%/100%, zh 60%/100%; overall 80%/100%.
/// Process stays the weakest step (38–67% exact): its "uses the strategy" check depends on the
/// strategies' signals in objections.yaml, which vague answers ("spreading the payments out")
/// do not hit.
@Suite struct RubricAgreementTests {
  struct Tally {
    var n = 0, exact = 0, withinOne = 0
    var misses: [String] = []
    mutating func add(_ hand: Int, _ auto: Int, _ note: String) {
      n += 1
      if hand == auto { exact += 1 } else { misses.append(note) }
      if abs(hand - auto) <= 1 { withinOne += 1 }
    }
    static func + (a: Tally, b: Tally) -> Tally {
      Tally(n: a.n + b.n, exact: a.exact + b.exact, withinOne: a.withinOne + b.withinOne, misses: a.misses + b.misses)
    }
    var exactRate: Double { Double(exact) / Double(max(1, n)) }
    var withinRate: Double { Double(withinOne) / Double(max(1, n)) }
  }

  /// Per step, for one fixture file.
  static func measure(_ file: String, book: Playbook) -> [String: Tally] {
    let rubric = Rubric(book: book)
    var out: [String: Tally] = [:]
    for row in Fixtures.lines(file) {
      guard let step = row["step"]?.string, let text = row["text"]?.string, let hand = row["grade"]?.int else { continue }
      let strategies = row["strategies"]?.array?.compactMap(\.string) ?? []
      let category = row["category"]?.string.flatMap(ObjectionCategory.init(rawValue:))
      let auto = rubric.score(step: step, text: text, strategies: strategies, category: category).score
      out[step, default: Tally()].add(hand, auto, "\(row["id"]?.string ?? "?") \(step) hand \(hand) auto \(auto): \(text)")
    }
    return out
  }

  static func percent(_ x: Double) -> String {
    let s = String(Int((x * 100).rounded())) + "%"
    return String(repeating: " ", count: max(0, 5 - s.count)) + s
  }

  static func table(_ results: [(String, [String: Tally])]) -> String {
    var lines = ["set        lang  step        n  exact  within-one"]
    for (name, byStep) in results {
      for step in LSCPAStep.allCases.map(\.rawValue) + ["all"] {
        let t = step == "all" ? byStep.values.reduce(Tally(), +) : byStep[step] ?? Tally()
        let parts = name.split(separator: " ").map(String.init)
        lines.append(
          DisplayWidth.padRight(parts[0], to: 11) + DisplayWidth.padRight(parts[1], to: 6) + DisplayWidth.padRight(step, to: 10)
            + DisplayWidth.padLeft(String(t.n), to: 3) + "  " + percent(t.exactRate) + "       " + percent(t.withinRate))
      }
    }
    return lines.joined(separator: "\n")
  }

  @Test func agreementWithHandGrades() {
    var results: [(String, [String: Tally])] = []
    var misses: [String] = []
    for lang in Lang.allCases {
      let book = Fixtures.playbook(lang)
      for (set, file) in [("tuning", "lscpa-\(lang.rawValue).jsonl"), ("held-out", "heldout-lscpa-\(lang.rawValue).jsonl")] {
        let byStep = Self.measure(file, book: book)
        results.append(("\(set) \(lang.rawValue)", byStep))
        misses += byStep.values.flatMap(\.misses).map { "[\(set) \(lang.rawValue)] " + $0 }
      }
    }
    print(Self.table(results))
    if !misses.isEmpty { print("disagreements:\n  " + misses.sorted().joined(separator: "\n  ")) }

    let all = results.flatMap { $0.1.values }.reduce(Tally(), +)
    let tuning = results.filter { $0.0.hasPrefix("tuning") }.flatMap { $0.1.values }.reduce(Tally(), +)
    let heldout = results.filter { $0.0.hasPrefix("held-out") }.flatMap { $0.1.values }.reduce(Tally(), +)
    #expect(tuning.n == 80 && heldout.n == 60)
    print("overall: exact \(Self.percent(all.exactRate)), within one \(Self.percent(all.withinRate))")
    #expect(all.exactRate >= 0.70)
    #expect(all.withinRate >= 0.95)
    for (name, byStep) in results where name.hasPrefix("held-out") {
      let t = byStep.values.reduce(Tally(), +)
      #expect(t.exactRate >= 0.55, "\(name): exact agreement \(Self.percent(t.exactRate))")
      #expect(t.withinRate >= 0.95, "\(name): within-one agreement \(Self.percent(t.withinRate))")
    }
  }
}
