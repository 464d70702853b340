/// Names the type of a question the rep wrote — open, leading, verification or value — from the
/// playbook's signals and the playbook's example questions nearest to it (its `examples` and
/// `compareWith` lists, see `ExampleIndex`), says which signals and which example decided it, and
/// flags weak questions with advice. Closed, leading-the-witness and content-free questions are
/// recognised by the signals first and get no type; the playbook's closed examples
/// (`weak: closed`, `compareWith`) add the closed questions whose nearest examples outvote every type.
public struct QuestionClassifier: Sendable {
  public let types: [QuestionTypeInfo]
  public let weak: [WeakQuestion]
  /// Every example question of every type, compared with a new one.
  let index: ExampleIndex
  public var weights: SimilarityWeights
  let lang: Lang

  public init(book: Playbook) { self.init(book: book, weights: SimilarityWeights.questions(book.lang)) }

  /// With other weights (a measurement of another setting; `formWeight` changes the index).
  init(book: Playbook, weights: SimilarityWeights) {
    types = book.questionTypes
    weak = book.weakQuestions
    lang = book.lang
    self.weights = weights
    // Closed questions the playbook lists (`weak: closed`, `compareWith`) are examples too: when
    // their vote outweighs every type, the question is closed.
    let closedExamples = book.weakQuestions.first { $0.id == "closed" }?.compareWith ?? []
    index = ExampleIndexCache.index(
      book.questionTypes.flatMap { t in (t.examples + t.compareWith).map { (label: t.id.rawValue, text: $0) } } + closedExamples.map { (label: "closed", text: $0) },
      formWeight: weights.formWeight)
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
    /// A yes/no question: it gets no type (unless it restates and checks, which is verification).
    public var closed = false
    /// It puts the answer in the customer's mouth.
    public var leadsTheWitness: Bool { weaknesses.contains { $0.id == "leading-the-witness" } }
    /// The playbook's example of the winning type closest to the question (the first reason says so).
    public var nearest: ExampleIndex.Neighbour? = nil
    /// A question with no type: the nearest example of each type, a model to rewrite it on.
    public var models: [QuestionType: ExampleIndex.Neighbour] = [:]
  }

  public func classify(_ question: String) -> Result { classify(question, leavingOut: []) }

  /// `leavingOut`: examples not to compare with (a measurement leaves the item itself out).
  func classify(_ question: String, leavingOut: Set<String>) -> Result {
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
    // The type: the cue points plus the nearest examples' vote; the playbook's order breaks a tie.
    // The nearest 60 (one search): the first k vote, and a question with no type finds a model of each type among them.
    let wide = index.nearest(question, k: max(weights.k, 60), leavingOut: leavingOut)
    let near = Array(wide.prefix(weights.k))
    let votes = top > 0 || weights.votesAlone ? weights.votes(near) : [:]
    let points = Dictionary(uniqueKeysWithValues: types.map { ($0.id, weights.cues * Double(scores[$0.id] ?? 0) + (votes[$0.id.rawValue] ?? 0)) })
    let bestPoints = points.values.max() ?? 0
    // The nearest closed examples' vote, against the best type's points (cues and vote).
    let closedVote = votes["closed"] ?? 0
    var winner = bestPoints > 0 ? types.first { points[$0.id] == bestPoints }?.id : nil
    let runnerUp = types.filter { $0.id != winner }.compactMap { points[$0.id] }.max() ?? 0
    let tied = bestPoints > 0 && bestPoints - runnerUp < (votes.isEmpty ? 0.5 : weights.margin)
    // Closed questions first: a yes/no form gets no type unless a type's own signals outweigh it
    // (a restatement with a check at the end is verification, not a closed question).
    // The yes/no form is read where the question itself starts, after any lead-in ("Given the
    // outage, do you…", "You mentioned the audit. Is that…"), not only at the first word.
    let closedSignals = weak.first { $0.id == "closed" }?.signals ?? []
    let lineClosedScore = m.score(closedSignals).total
    var closedScore = lineClosedScore
    if let clause = Self.questionClause(question) { closedScore = max(closedScore, TextMatcher(clause).score(closedSignals).total) }
    // A question that leads the witness, or has no content ("Tell me?", "然后呢？"), gets no type either.
    let leads = weak.first { $0.id == "leading-the-witness" }.map { m.score($0.signals).total > 0 } ?? false
    let closedByExamples = closedVote > bestPoints
    // A yes/no form the cues see is closed unless the nearest examples clearly say otherwise: the
    // best type's points (its cues and its share of the vote) must beat the closed cue's points
    // (weighed by `closedCue`) plus the closed examples' share. A polite request ("能说说…吗？",
    // "Would you tell me…?") or a check of the rep's understanding ("Did I note this correctly —
    // …?") reads like yes/no, but its nearest examples are requests and checks. When the yes/no
    // form is only in the clause after a lead-in, only a check can overrule it (a restatement,
    // then "— is that a fair way to put it?"): "You mentioned the audit. Is that still planned?"
    // asks about a fact, and the examples near its lead-in's words do not change that.
    let closedByCues = closedScore > 0 && top <= closedScore
    let overruled =
      closedByCues && (lineClosedScore >= closedScore || winner == .verification) && bestPoints > weights.closedCue * Double(closedScore) + closedVote
    let closed = (closedByCues && !overruled) || leads || !m.passes(.content) || closedByExamples
    if closed { winner = nil }
    var weaknesses: [WeakQuestion] = []
    for w in weak where w.id != "concern-check" {
      let (total, _) = m.score(w.signals)
      guard total > 0 else { continue }
      if w.id == "closed" ? closed : (w.id == "leading-the-witness" || total >= top) { weaknesses.append(w) }
    }
    if closed, closedScore > 0 || closedByExamples, !weaknesses.contains(where: { $0.id == "closed" }), let w = weak.first(where: { $0.id == "closed" }) {
      weaknesses.insert(w, at: 0)
    }
    // A check for other concerns ("Is there anything else holding you back?", "还有别的顾虑吗？")
    // is closed on purpose — at Confirm, or to close a topic, a yes or no is what it asks for — so
    // it gets its own advice, not "open it up".
    if closed, let check = weak.first(where: { $0.id == "concern-check" }), m.score(check.signals).total > 0,
      let i = weaknesses.firstIndex(where: { $0.id == "closed" })
    {
      weaknesses[i] = check
    }
    let winning = winner.flatMap { matched[$0] } ?? []
    var r = Result(
      type: winner, scores: points.mapValues { Int($0.rounded()) }, reasons: winning.compactMap(\.why), weaknesses: weaknesses, tied: tied && !closed,
      signalIDs: winning.compactMap(\.id))
    r.closed = closed
    // Closed because of the examples alone: the nearest closed example is the reason.
    if closedByExamples, closedScore == 0, !leads, var n = near.first(where: { $0.label == "closed" }) {
      n.shared = ExampleIndex.sharedWords(question, n.text)
      r.nearest = n
      r.reasons = [SimilarityWeights.sentence(n, lang: lang)]
    }
    if closed {
      for n in wide where n.similarity >= weights.showAt && n.similarity < SimilarityWeights.sameWords {
        guard let t = QuestionType(rawValue: n.label), r.models[t] == nil else { continue }
        var n = n
        n.shared = ExampleIndex.sharedWords(question, n.text)
        r.models[t] = n
      }
    }
    if let winner, var n = near.first(where: { $0.label == winner.rawValue }), n.similarity >= weights.showAt {
      n.shared = ExampleIndex.sharedWords(question, n.text)
      r.nearest = n
      r.reasons.insert(SimilarityWeights.sentence(n, lang: lang), at: 0)
    }
    return r
  }

  /// The clause that asks: the words after the last sentence end, comma or dash before the
  /// final question mark, when there is a lead-in before them (nil otherwise).
  static func questionClause(_ question: String) -> String? {
    let t = Array(TextMatcher.normalise(question).unicodeScalars)
    guard let q = t.lastIndex(of: "?") else { return nil }
    let marks: Set<Unicode.Scalar> = [".", "!", ";", ":", ",", "-", "–", "—"]
    guard let cut = t[..<q].lastIndex(where: { marks.contains($0) }), cut >= 2 else { return nil }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: t[(cut + 1)...q])
    let clause = String(v).trimmingWhitespace
    return clause.unicodeScalars.count > 1 ? clause : nil
  }

  /// The result explained with another language's playbook (same ids, other words).
  public static func explain(_ r: Result, in book: Playbook) -> Result {
    var out = r
    if let type = r.type, let info = book.questionType(type) {
      let whys = r.signalIDs.compactMap { id in info.signals.first { $0.id == id }?.why }
      if whys.count == r.signalIDs.count, !whys.isEmpty { out.reasons = whys } else if r.nearest != nil { out.reasons.removeFirst() }
      if let n = r.nearest { out.reasons.insert(SimilarityWeights.sentence(n, lang: book.lang), at: 0) }
    }
    if r.type == nil, let n = r.nearest { out.reasons = [SimilarityWeights.sentence(n, lang: book.lang)] }
    out.weaknesses = r.weaknesses.map { w in book.weakQuestions.first { $0.id == w.id } ?? w }
    return out
  }
}
