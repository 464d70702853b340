/// Scores one line of a rep's answer against the playbook's rubric for a step: each check
/// passes or fails on signals in the words. A failed harm check (rebutting, dismissing, putting
/// words in the customer's mouth, leading with a discount, over-promising) caps the step at 0;
/// otherwise 2 when every check passes, 1 when every essential check passes, else 0. So adding
/// a check can never raise a score. The same text always gets the same score.
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
  public func score(step: String, text: String, strategies: [String] = [], category: ObjectionCategory? = nil, context: String = "") -> StepScore {
    let rubric = book.rubric[step]
    let better = rubric?.better
    let trimmed = text.trimmingWhitespace
    guard let rubric, !rubric.checks.isEmpty else { return StepScore(step: step, score: 0, results: [], better: better) }
    let m = TextMatcher(trimmed, context: context)
    var results: [CheckResult] = []
    for check in rubric.checks {
      var evidence: [String] = []
      var passed: Bool
      if check.strategies {
        let chosen = strategySignals(strategies, category: category)
        let hits = chosen.filter { m.matches($0) }
        passed = !hits.isEmpty
        evidence = hits.flatMap { m.evidence($0) }
        // A coach credits a worked plan in the rep's own words as well as the strategy's stock
        // words: long, detailed (beyond stock phrases) and specific (figures, dates, names, phases).
        if !passed, !chosen.isEmpty, m.passes(.long), m.passes(.detailed), m.passes(.specifics) {
          var specifics = Signal()
          specifics.test = .specifics
          passed = true
          evidence = m.evidence(specifics)
        }
      } else {
        let anyHits = check.any.filter { m.matches($0) }
        let noneHits = check.none.filter { m.matches($0) }
        passed = (check.any.isEmpty || !anyHits.isEmpty) && noneHits.isEmpty
        evidence = (noneHits.isEmpty ? anyHits : noneHits).flatMap { m.evidence($0) }
      }
      if trimmed.isEmpty {
        passed = false
        evidence = []
      }
      results.append(CheckResult(check: check, passed: passed, evidence: Array(evidence.prefix(3))))
    }
    let score = trimmed.isEmpty ? 0 : Self.points(results.map { ($0.check.kind, $0.passed) })
    return StepScore(step: step, score: score, results: results, better: better)
  }

  /// The scoring rule: 0 when a harm check failed; 2 when all pass; 1 when every essential check
  /// passes (vacuously so when the step has none); else 0. Adding a check of any kind can only
  /// keep or lower the result.
  public static func points(_ checks: [(RubricCheck.Kind, Bool)]) -> Int {
    guard !checks.isEmpty else { return 0 }
    if checks.contains(where: { $0.0 == .harm && !$0.1 }) { return 0 }
    if checks.allSatisfy(\.1) { return 2 }
    return checks.filter { $0.0 == .essential }.allSatisfy(\.1) ? 1 : 0
  }

  func strategySignals(_ ids: [String], category: ObjectionCategory?) -> [Signal] {
    let pool = category.flatMap { book.category($0) }.map { [$0] } ?? book.categories
    return ids.flatMap { id in pool.flatMap { $0.strategies.filter { $0.id == id } }.flatMap(\.signals) }
  }
}
