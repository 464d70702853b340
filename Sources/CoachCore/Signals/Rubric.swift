/// Scores one line of a rep's answer against the playbook's rubric for a step: each check
/// passes or fails on signals in the words; 2 when all pass, 1 when at least half, else 0.
/// The same text always gets the same score.
public struct Rubric: Sendable {
  public let book: Playbook

  public init(book: Playbook) { self.book = book }

  public struct CheckResult: Sendable, Equatable {
    public var check: RubricCheck
    public var passed: Bool
    /// The words in the answer that decided it (quoted back as evidence).
    public var evidence: [String]
  }

  public struct StepScore: Sendable, Equatable {
    public var step: String
    public var score: Int
    public var results: [CheckResult]
    public var better: String?

    public var passedCount: Int { results.filter(\.passed).count }
  }

  /// Scores `text` for rubric step `step` (listen … assure, question, give-and-get). For the
  /// process step, `strategies` are the ids the rep chose.
  public func score(step: String, text: String, strategies: [String] = [], category: ObjectionCategory? = nil) -> StepScore {
    let rubric = book.rubric[step]
    let better = rubric?.better
    let trimmed = text.trimmingWhitespace
    guard let rubric, !rubric.checks.isEmpty else { return StepScore(step: step, score: 0, results: [], better: better) }
    let m = TextMatcher(trimmed)
    var results: [CheckResult] = []
    for check in rubric.checks {
      var evidence: [String] = []
      var passed: Bool
      if check.strategies {
        let chosen = strategySignals(strategies, category: category)
        let hits = chosen.filter { m.matches($0) }
        passed = !hits.isEmpty
        evidence = hits.flatMap { s in s.phrases.filter { m.contains($0, at: s.at) } }
      } else {
        let anyHits = check.any.filter { m.matches($0) }
        let noneHits = check.none.filter { m.matches($0) }
        passed = (check.any.isEmpty || !anyHits.isEmpty) && noneHits.isEmpty
        evidence = (noneHits.isEmpty ? anyHits : noneHits).flatMap { s -> [String] in
          let words = s.phrases.filter { m.contains($0, at: s.at) }
          return words.isEmpty ? (s.test.map { ["(\($0.rawValue))"] } ?? []) : words
        }
      }
      if trimmed.isEmpty { passed = false; evidence = [] }
      results.append(CheckResult(check: check, passed: passed, evidence: Array(evidence.prefix(3))))
    }
    let passed = results.filter(\.passed).count
    let score = trimmed.isEmpty ? 0 : passed == results.count ? 2 : passed * 2 >= results.count ? 1 : 0
    return StepScore(step: step, score: score, results: results, better: better)
  }

  func strategySignals(_ ids: [String], category: ObjectionCategory?) -> [Signal] {
    let pool = category.flatMap { book.category($0) }.map { [$0] } ?? book.categories
    return ids.flatMap { id in pool.flatMap { $0.strategies.filter { $0.id == id } }.flatMap(\.signals) }
  }
}
