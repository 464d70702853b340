/// Suggests the objection category (price, time, risk, decision) from the customer's words,
/// using each category's signals, with the reason.
public struct CategorySuggester: Sendable {
  public let categories: [CategoryInfo]

  public init(book: Playbook) { categories = book.categories }

  public struct Suggestion: Sendable, Equatable {
    public var category: ObjectionCategory?
    public var scores: [ObjectionCategory: Int]
    public var reasons: [String]
    public var signalIDs: [String]
  }

  public func suggest(_ words: String) -> Suggestion {
    let m = TextMatcher(words)
    var best: (ObjectionCategory, Int, [Signal])? = nil
    var scores: [ObjectionCategory: Int] = [:]
    for c in categories {
      let (total, matched) = m.score(c.signals)
      scores[c.id] = total
      if total > 0, best == nil || total > best!.1 { best = (c.id, total, matched) }
    }
    return Suggestion(category: best?.0, scores: scores, reasons: best?.2.compactMap(\.why) ?? [], signalIDs: best?.2.compactMap(\.id) ?? [])
  }

  /// The same suggestion's reasons in another language's playbook (same ids).
  public static func explain(_ s: Suggestion, in book: Playbook) -> Suggestion {
    guard let c = s.category, let info = book.category(c) else { return s }
    var out = s
    let whys = s.signalIDs.compactMap { id in info.signals.first { $0.id == id }?.why }
    if whys.count == s.signalIDs.count, !whys.isEmpty { out.reasons = whys }
    return out
  }
}
