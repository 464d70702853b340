import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Tuning only (COACH_IDF_GRID=1): the graded answers compared with the inverse document
/// frequency raised to another power (`AnswerExamples.Rule.idfExponent`), and the shipped rule's
/// thresholds around it, on the tuning views of `GradedExampleTuningTests` (dev A/B, fresh3,
/// leave-one-writer-out) and the probes of `FullMarksProbeTests`: one line per exponent and rule
/// (COACH_IDF_EXPONENTS=1,0.5 picks the exponents, COACH_IDF_LANG=en one language). Round 8's
/// English rule before issue 14 is the line `e=1.0 agree=0.6 up=0.18 down=0.15@0.7 fm=0.17`.
@Suite struct GradedExampleIDFGrid {
  typealias Item = GradedExampleTuningTests.Item

  /// The same items with their neighbours found again under `examples`.
  static func again(_ items: [Item], _ examples: AnswerExamples) -> [Item] {
    items.map { i in
      var i = i
      i.near = i.text.isEmpty ? [] : examples.nearest(step: i.step, text: i.text, k: 15, leavingOut: i.leavingOut)
      return i
    }
  }

  /// The probes against the tuning sets' customers, judged by the checks alone.
  static func probes(_ book: Playbook, _ examples: AnswerExamples) -> [Item] {
    var scorer = DrillScorer(books: [book.lang: book])
    scorer.exampleRule = nil
    var out: [Item] = []
    for scenario in FullMarksProbeTests.scenarios(book.lang) {
      let strategies = scenario.category.flatMap { book.category($0) }?.strategies.map(\.id) ?? []
      for text in FullMarksProbeTests.probes[book.lang]! {
        for step in GradedExampleTuningTests.steps {
          out.append(
            GradedExampleTuningTests.item(
              scorer, examples, set: scenario.id, kind: "probe", step: step, text: text, grade: -1, strategies: step == "process" ? strategies : [], scenario: scenario,
              lang: book.lang, leavingOut: []))
        }
      }
    }
    return out
  }

  @Test(.enabled(if: getenv("COACH_IDF_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    if let only = getenv("COACH_IDF_LANG").map({ String(cString: $0) }), only != lang.rawValue { return }
    let book = Fixtures.playbook(lang)
    let v = GradedExampleTuningTests.views(lang)
    let probes0 = Self.probes(book, AnswerExamples(shipped: book))
    var base = AnswerExamples.Rule.shipped(lang)
    base.idfExponent = 1
    let exponents = (getenv("COACH_IDF_EXPONENTS").map { String(cString: $0) } ?? "1,0.75,0.5").split(separator: ",").compactMap { Double($0) }
    for e in exponents {
      let ex = AnswerExamples(book: book, idfExponent: e)
      let (a0, b0, f0, w0, p0) = (Self.again(v.devA, ex), Self.again(v.devB, ex), Self.again(v.fresh3, ex), Self.again(v.writers, ex), Self.again(probes0, ex))
      func line(_ r: AnswerExamples.Rule?) -> String {
        let a = GradedExampleTuningTests.tally(a0, r)
        let b = GradedExampleTuningTests.tally(b0, r)
        let f = GradedExampleTuningTests.tally(f0, r)
        let w = GradedExampleTuningTests.tally(w0, r)
        var raised = 0
        var to2 = 0
        if let r {
          for p in p0 where !p.near.isEmpty {
            let near = Array(p.near.prefix(r.k)).filter { $0.similarity >= r.minSimilarity }
            let s = r.combine(checklist: p.checklist, harmed: p.harmed, AnswerExamples.expectation(near), words: p.words)
            if s > p.checklist { raised += 1 }
            if s > max(1, p.checklist) { to2 += 1 }
          }
        }
        let exc = a.passing("excellent") + b.passing("excellent") + f.passing("excellent")
        let excN = a.count("excellent") + b.count("excellent") + f.count("excellent")
        let lowo = Double(w.exact) * 100 / Double(max(1, w.total))
        return
          "A \(a.exact) B \(b.exact) F3 \(f.exact) LOWO \(w.exact)/\(w.total) \(Int((lowo * 10).rounded()))‰ | gamed \(a.average("gamed"))/\(b.average("gamed"))/\(f.average("gamed")) pass \(a.passing("gamed") + b.passing("gamed") + f.passing("gamed")) | exc \(exc)/\(excN) | probes raised \(raised) to2 \(to2)"
      }
      if e == exponents.first { print("idfgrid \(lang.rawValue) checks alone: " + line(nil)) }
      print("idfgrid \(lang.rawValue) e=\(e) shipped thresholds: " + line(base))
      for agree in [0.6, 0.65, 0.7] {
        for up in [0.18, 0.2, 0.22] {
          for (down, downAgree) in [(0.15, 0.7), (0.15, 0.6), (0.15, 0.65), (0.2, 0.6)] {
            for fm in [0.15, 0.17, 0.2, 0.22, 0.25] {
              var r = base
              r.agreement = agree
              r.closeEnough = up
              r.lowerCloseEnough = down
              r.lowerAgreement = downAgree
              r.fullMarks!.closeEnough = fm
              r.idfExponent = e
              print("idfgrid \(lang.rawValue) e=\(e) agree=\(agree) up=\(up) down=\(down)@\(downAgree) fm=\(fm): " + line(r))
            }
          }
        }
      }
    }
  }
}
