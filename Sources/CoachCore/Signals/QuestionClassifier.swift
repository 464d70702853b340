/// Names the type of a question the rep wrote — open, leading, verification or value — from the
/// playbook's signals, says which signals decided it, and flags weak questions with advice.
public struct QuestionClassifier: Sendable {
  public let types: [QuestionTypeInfo]
  public let weak: [WeakQuestion]

  public init(book: Playbook) {
    types = book.questionTypes
    weak = book.weakQuestions
  }

  public struct Result: Sendable, Equatable {
    /// The type with the highest score, nil when no signal matched.
    public var type: QuestionType?
    public var scores: [QuestionType: Int]
    /// Why: the `why` of each signal that matched for the winning type.
    public var reasons: [String]
    /// Weak patterns that outweigh the type's own signals, with their advice.
    public var weaknesses: [WeakQuestion]
    /// True when another type had the same top score (the playbook's order decided).
    public var tied: Bool
    /// The ids of the winning type's matched signals, to explain them in another language.
    public var signalIDs: [String] = []
  }

  public func classify(_ question: String) -> Result {
    let m = TextMatcher(question)
    var scores: [QuestionType: Int] = [:]
    var matched: [QuestionType: [Signal]] = [:]
    for t in types {
      let (total, signals) = m.score(t.signals)
      scores[t.id] = total
      matched[t.id] = signals
    }
    let best = types.map(\.id).max { (scores[$0] ?? 0) < (scores[$1] ?? 0) }
    let top = best.flatMap { scores[$0] } ?? 0
    let winner = top > 0 ? types.first { scores[$0.id] == top }?.id : nil
    let tied = top > 0 && types.filter { scores[$0.id] == top }.count > 1
    var weaknesses: [WeakQuestion] = []
    for w in weak {
      let (total, _) = m.score(w.signals)
      if total > 0 && total >= top { weaknesses.append(w) }
    }
    let winning = winner.flatMap { matched[$0] } ?? []
    return Result(type: winner, scores: scores, reasons: winning.compactMap(\.why), weaknesses: weaknesses, tied: tied,
                  signalIDs: winning.compactMap(\.id))
  }

  /// The result explained with another language's playbook (same ids, other words).
  public static func explain(_ r: Result, in book: Playbook) -> Result {
    var out = r
    if let type = r.type, let info = book.questionType(type) {
      let whys = r.signalIDs.compactMap { id in info.signals.first { $0.id == id }?.why }
      if whys.count == r.signalIDs.count, !whys.isEmpty { out.reasons = whys }
    }
    out.weaknesses = r.weaknesses.map { w in book.weakQuestions.first { $0.id == w.id } ?? w }
    return out
  }
}
