import CoachCore
import CoachStore

/// (f) What scoring one drill answer costs: the judgement engine (tokens, stems, patterns with
/// gaps, negation, overlap with the customer's words, harm checks) over every LSCPA step of the
/// playbook's own drills, in both languages, against the floor of reading the same words (the
/// normalising and tokenising every check needs). In process: no binary is spawned.
enum ScoringBench {
  static let name = "(f) score one drill answer"
  static let target = "< 5 ms per answer"

  struct Answer {
    var step: String
    var text: String
    var strategies: [String]
    var scenario: DrillScenario
    var lang: Lang
  }

  static func playbooks(near coach: String) -> String? {
    var dir = coach
    if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]) } else { dir = "." }
    for candidate in [dir + "/../../../playbooks", dir + "/../../playbooks", dir + "/../share/coach/playbooks", "playbooks"]
    where isDirectory(candidate) { return candidate }
    return nil
  }

  static func run(coach: String, effort: Effort) throws -> Figure {
    guard let folder = playbooks(near: coach) else { throw BenchError("no playbooks folder found next to \(coach) or here") }
    var books: [Lang: Playbook] = [:]
    let loading = Monotonic.now()
    for lang in Lang.allCases {
      guard let book = PlaybookLoader.load(directories: [folder], lang: lang).playbook else { throw BenchError("the \(lang.rawValue) playbook did not load") }
      books[lang] = book
    }
    let loaded = Monotonic.now() - loading
    // Of that, reading and decoding the graded example answers (answers.yaml, both languages).
    let answersOnly = Monotonic.now()
    for lang in Lang.allCases {
      let path = folder + "/" + lang.rawValue + "/answers.yaml"
      let node = try YAML.parse(utf8: readFile(path), file: path)
      _ = PlaybookAssembler.assemble(lang: lang, files: [PlaybookFile(path: path, module: "answers", node: node)], requiredFindings: [])
    }
    progress(
      "(f) playbooks loaded in \(Int((loaded * 1000).rounded())) ms, of which answers.yaml (both languages) about \(Int(((Monotonic.now() - answersOnly) * 1000).rounded())) ms")
    let scorer = DrillScorer(books: books)
    // The graded example answers' indexes are built once per playbook, on the first answer scored.
    let built = Monotonic.now()
    // With the exponent each language's shipped rule compares with (English √IDF since round 8).
    for lang in Lang.allCases { _ = AnswerExamples.cached(books[lang]!, idfExponent: AnswerExamples.Rule.shipped(lang).idfExponent) }
    progress(
      "(f) graded example answers indexed once per session: \(Int(((Monotonic.now() - built) * 1000).rounded())) ms (\(books.values.map(\.gradedAnswers.count).reduce(0, +)) answers)"
    )
    // Realistic answers: each step's example per category, on every drill of that category.
    var answers: [Answer] = []
    for lang in Lang.allCases {
      let book = books[lang]!
      for scenario in DrillScenarios.fromPlaybook(.objection, book: book) {
        guard let category = scenario.category else { continue }
        for step in LSCPAStep.allCases {
          guard let text = book.step(step)?.examples[category] else { continue }
          let strategies = step == .process ? book.category(category)?.strategies.prefix(1).map(\.id) ?? [] : []
          answers.append(Answer(step: step.rawValue, text: text, strategies: Array(strategies), scenario: scenario, lang: lang))
        }
      }
    }
    guard !answers.isEmpty else { throw BenchError("no answers to score") }
    let rounds = effort.pick(full: 30, quick: 3)
    progress("(f) scoring: \(rounds) rounds of \(answers.count) answers, interleaved with reading the same words")
    var subject = Samples()
    var baseline = Samples()
    var sink = 0
    for round in 0..<(rounds + 2) {
      let t0 = Monotonic.now()
      for a in answers { sink &+= scorer.score(step: a.step, text: a.text, strategies: a.strategies, scenario: a.scenario, lang: a.lang).score }
      let t1 = Monotonic.now()
      for a in answers { sink &+= TextMatcher(a.text, context: a.scenario.text).tokens.count }
      let t2 = Monotonic.now()
      if round >= 2 {  // two warm-up rounds
        subject.add((t1 - t0) / Double(answers.count))
        baseline.add((t2 - t1) / Double(answers.count))
      }
    }
    if sink == Int.min { progress("") }  // keeps the work from being optimised away
    let meets = subject.p90 < 0.005
    return Figure(
      benchmark: name, subject: duration(subject.median), baseline: duration(baseline.median) + " (reading the words)",
      ratio: ratioText(subject.median / baseline.median) + " of reading", target: target,
      verdict: verdict(meets),
      details: [
        "Scoring one answer (all checks of its step, evidence and notes), per answer over \(answers.count) answers in English and Chinese: \(subject.summary)",
        "Normalising and tokenising the same answer and the customer's words only: \(baseline.summary)",
        "Deterministic: the same words, strategies and scenario always get the same score (no clock, no randomness, no model).",
      ])
  }
}
