/// Suggests the objection category (price, time, risk, decision) from the customer's words. It
/// weighs all the evidence: every matching signal of every category adds its weight, each
/// content word the objection shares with only one category's own wordings in the playbook adds
/// one more, and the playbook's example objections nearest to it (its wordings and its
/// `compareWith` lists, see `ExampleIndex`) vote for their categories (alone when no cue matched,
/// see `SimilarityWeights`). When the top two are within one point it says it is not sure.
public struct CategorySuggester: Sendable {
  public let categories: [CategoryInfo]
  /// Per category, the content words (stems, Chinese pairs) of its wordings that no other category's wordings use.
  let wordingKeys: [ObjectionCategory: Set<String>]
  /// Every example objection of every category, compared with a new one.
  let index: ExampleIndex
  public var weights: SimilarityWeights
  let lang: Lang

  public init(book: Playbook) {
    categories = book.categories
    lang = book.lang
    weights = SimilarityWeights.categories(book.lang)
    var keys: [ObjectionCategory: Set<String>] = [:]
    for c in book.categories {
      keys[c.id] = Set(c.wordings.flatMap { TextMatcher.contentKeys(Tokenizer.tokens(TextMatcher.normalise($0))) })
    }
    var distinct: [ObjectionCategory: Set<String>] = [:]
    for (id, set) in keys {
      let others = keys.filter { $0.key != id }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
      distinct[id] = set.subtracting(others)
    }
    wordingKeys = distinct
    index = ExampleIndexCache.index(book.categories.flatMap { c in (c.wordings + c.compareWith).map { (label: c.id.rawValue, text: $0) } })
  }

  public struct Suggestion: Sendable, Equatable {
    public var category: ObjectionCategory?
    public var scores: [ObjectionCategory: Int]
    public var reasons: [String]
    public var signalIDs: [String]
    /// The runner-up when it is within one point of the top: the suggestion is "not sure".
    public var unsureOf: ObjectionCategory? = nil
    /// Words the objection shares with the winning category's own wordings in the playbook.
    public var wordingWords: [String] = []
    /// The playbook's example of the winning category closest to the objection (the first reason says so).
    public var nearest: ExampleIndex.Neighbour? = nil
  }

  public func suggest(_ words: String) -> Suggestion { suggest(words, leavingOut: []) }

  /// `leavingOut`: examples not to compare with (a measurement leaves the item itself out).
  func suggest(_ words: String, leavingOut: Set<String>) -> Suggestion {
    let m = TextMatcher(words)
    let keyed = TextMatcher.contentKeyed(m.tokens, nil)
    // What follows a turn ("…, but my people need a breather", "想法挺好，但…") is what the
    // customer is really objecting to: its evidence counts twice.
    let tail = Self.afterTurn(m.text).map { TextMatcher($0) }
    let near = index.nearest(words, k: weights.k, leavingOut: leavingOut)
    var cues: [(CategoryInfo, Int, [Signal], [String])] = []
    var anyCue = false
    for c in categories {
      let e = Self.evidence(c.signals, in: m)
      anyCue = anyCue || e.total > 0
      var total = e.total
      if let tail { total += Self.evidence(c.signals, in: tail).total }
      var seen: Set<String> = []
      let shared = weights.wordingKeys ? keyed.filter { wordingKeys[c.id]?.contains($0.0) == true && seen.insert($0.0).inserted }.map(\.1) : []
      cues.append((c, total + shared.count, e.matched, shared))
    }
    // An approver named inside another concern is weak evidence for decision: when decision's only
    // cues name who approves and another category's own cues are strong, decision's cues count less.
    if weights.approverFactor < 1, let d = cues.firstIndex(where: { $0.0.id == .decision }) {
      let ids = Set(cues[d].2.compactMap(\.id))
      let strongest = cues.filter { $0.0.id != .decision }.map(\.1).max() ?? 0
      if !ids.isEmpty, ids.isSubset(of: Self.approverSignals), Double(strongest) >= weights.strongConcern {
        cues[d].1 = Int((Double(cues[d].1) * weights.approverFactor).rounded(.down))
      }
    }
    // The examples vote next to the cues (unless no cue fired and they may not decide alone).
    let votes = anyCue || weights.votesAlone ? weights.votes(near) : [:]
    var scored: [(CategoryInfo, Double, [Signal], [String])] = []
    var scores: [ObjectionCategory: Int] = [:]
    for (c, points, matched, shared) in cues {
      let total = weights.cues * Double(points) + (votes[c.id.rawValue] ?? 0)
      scores[c.id] = Int(total.rounded())
      scored.append((c, total, matched, shared))
    }
    // Highest first; the playbook's order breaks a tie.
    let ranked = scored.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }.map(\.element)
    guard let top = ranked.first, top.1 > 0 else { return Suggestion(category: nil, scores: scores, reasons: [], signalIDs: []) }
    var out = Suggestion(category: top.0.id, scores: scores, reasons: top.2.compactMap(\.why), signalIDs: top.2.compactMap(\.id))
    // Shown as evidence: whole words only (a Chinese character pair or a bare number reads badly).
    out.wordingWords = top.3.filter { w in w.unicodeScalars.allSatisfy { !DisplayWidth.isWide($0.value) } && !w.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }
    if var n = near.first(where: { $0.label == top.0.id.rawValue }), n.similarity >= weights.showAt {
      n.shared = ExampleIndex.sharedWords(words, n.text)
      out.nearest = n
      out.reasons.insert(SimilarityWeights.sentence(n, lang: lang), at: 0)
      out.wordingWords = []
    }
    if ranked.count > 1, ranked[1].1 > 0, top.1 - ranked[1].1 <= weights.margin { out.unsureOf = ranked[1].0.id }
    return out
  }

  /// The signals that count as evidence in `m`, and their weight: a cue the customer sets aside
  /// ("the price is fine", "价格不是问题") is no evidence; each further phrase of a matched
  /// signal adds one (up to two), so more evidence weighs more.
  static func evidence(_ signals: [Signal], in m: TextMatcher) -> (total: Int, matched: [Signal]) {
    let matched = m.score(signals).matched.filter { s in
      let spans = s.patterns.compactMap { m.span($0, at: s.at) }
      return spans.isEmpty || !spans.allSatisfy { Self.setAside($0, in: m.text) }
    }
    let total = matched.reduce(0) { sum, s in
      let hits = Set(s.patterns.compactMap { m.span($0, at: s.at) }).count
      return sum + s.weight + min(max(0, hits - 1), 2)
    }
    return (total, matched)
  }

  /// Decision signals that only name who approves or decides (not the contact's own authority limit).
  static let approverSignals: Set<String> = ["others-decide", "decision-words", "people-words"]

  /// Words that turn from a concession to the objection itself.
  static let turns = [" but ", ", but", " however", " yet ", " though,", "但是", "但", "可是", ",可", "不过", "只是", "然而"]

  /// The words after the last turn, when there are words on both sides of it (nil otherwise).
  static func afterTurn(_ text: String) -> String? {
    let t = Array(text.unicodeScalars)
    var cut: (Int, Int)? = nil
    for turn in turns {
      let w = Array(turn.unicodeScalars)
      guard t.count >= w.count else { continue }
      for i in stride(from: t.count - w.count, through: 0, by: -1) where t[i..<(i + w.count)].elementsEqual(w) {
        if cut.map({ i > $0.0 }) ?? true { cut = (i, i + w.count) }
        break
      }
    }
    guard let (lo, hi) = cut else { return nil }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: t[hi...])
    let tail = String(rest).trimmingWhitespace
    guard tail.unicodeScalars.count >= 4, lo >= 2 else { return nil }
    return tail
  }

  /// Words right after a cue that wave it away: "is fine", "is not the issue", "不是问题", "没问题".
  static let asideMarkers = [
    "is fine", "is ok", "is okay", "is not the issue", "is not the problem", "is not an issue", "is not a problem",
    "isn't the issue", "isn't the problem", "aside", "不是问题", "没问题", "倒在其次", "其次", "还好", "可以接受", "不是关键",
  ]

  static func setAside(_ span: String, in text: String) -> Bool {
    let t = Array(text.unicodeScalars)
    let s = Array(span.unicodeScalars)
    guard !s.isEmpty, t.count >= s.count,
      let at = (0...(t.count - s.count)).first(where: { i in t[i..<(i + s.count)].elementsEqual(s) })
    else { return false }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: t[(at + s.count)...].prefix(24).drop { $0 == " " || $0 == "," || $0 == "也" })
    let after = String(rest)
    // A Chinese cue may be part of a longer word (价 in 价格): allow up to two characters before the marker.
    let slack = s.allSatisfy { DisplayWidth.isWide($0.value) } ? 2 : 0
    return (0...slack).contains { k in asideMarkers.contains { after.dropFirst(k).hasPrefix($0) } }
  }

  /// The same suggestion's reasons in another language's playbook (same ids).
  public static func explain(_ s: Suggestion, in book: Playbook) -> Suggestion {
    guard let c = s.category, let info = book.category(c) else { return s }
    var out = s
    let whys = s.signalIDs.compactMap { id in info.signals.first { $0.id == id }?.why }
    if whys.count == s.signalIDs.count, !whys.isEmpty { out.reasons = whys } else if s.nearest != nil { out.reasons.removeFirst() }
    if let n = s.nearest { out.reasons.insert(SimilarityWeights.sentence(n, lang: book.lang), at: 0) }
    return out
  }
}
