import Synchronization

/// Compiled phrases, shared by every matcher in the process: a phrase is cut and stemmed once,
/// the first time a line is matched against it (pure: the same phrase always compiles the same).
public enum PatternCache {
  static let cache = Mutex<[String: PhrasePattern]>([:])

  public static func pattern(_ phrase: String) -> PhrasePattern {
    if let hit = cache.withLock({ $0[phrase] }) { return hit }
    let compiled = PhrasePattern(phrase)
    cache.withLock { $0[phrase] = compiled }
    return compiled
  }
}

/// A signal phrase compiled into a pattern (the syntax is in playbooks/README.md):
/// - words match by their stem, so "guarantee" finds "guaranteed" and "cases" finds "case";
/// - `*` is a gap of up to four words or ten Chinese characters inside one sentence
///   ("what * really saying", "如果 * 理解"); `**` a long gap of up to twelve words or thirty
///   characters ("if ** how much");
/// - `(word)` is optional ("(i) understand", "(我)理解");
/// - `a|b` are alternatives for one group ("you|your", "您|你 的意思");
/// - a Chinese phrase matches anywhere, character by character, like before.
/// A match preceded by a negation in the same clause ("I don't understand", "不理解") does not
/// count, unless the phrase itself starts with the negation ("don't worry", "不用担心").
public struct PhrasePattern: Sendable, Equatable {
  enum Element: Sendable, Equatable {
    case seq([[Token]])  // alternatives, each a token sequence
    case optional([[Token]])
    case gap(Double)
  }

  let elements: [Element]
  public let source: String

  public init(_ phrase: String) {
    source = phrase
    let normal = TextMatcher.normalise(phrase)
    var els: [Element] = []
    for group in normal.split(separator: " ").map(String.init) {
      if group == "*" || group == "…" || group == "..." {
        els.append(.gap(Self.maxGap))
        continue
      }
      if group == "**" {
        els.append(.gap(Self.longGap))
        continue
      }
      var body = group
      var optional = false
      if body.count > 2, body.hasPrefix("("), body.hasSuffix(")") {
        optional = true
        body = String(body.dropFirst().dropLast())
      }
      let alts = body.split(separator: "|").map { Tokenizer.tokens(String($0)) }.filter { !$0.isEmpty }
      guard !alts.isEmpty else { continue }
      els.append(optional ? .optional(alts) : .seq(alts))
    }
    // Adjacent plain groups are kept apart (one group = one alternative set).
    elements = els
  }

  public var isEmpty: Bool { !elements.contains { if case .gap = $0 { return false } else { return true } } }

  static let maxGap = 4.0
  static let longGap = 12.0

  static func cost(_ t: Token) -> Double { t.kind == .cjk ? 0.4 : t.kind == .word ? 1 : 0 }

  /// Where the pattern matches in `tokens`: the token range of the first match meeting `at`.
  func match(_ tokens: [Token], at position: Signal.Position) -> Range<Int>? {
    guard !isEmpty else { return nil }
    let first = tokens.firstIndex { !($0.kind == .punct && ["(", "[", "【", "「", "—", "–"].contains($0.text)) } ?? tokens.count
    var last = tokens.count
    while last > 0, tokens[last - 1].kind == .punct, [")", "]", "」", "】"].contains(tokens[last - 1].text) { last -= 1 }
    let starts: [Int] = position == .start ? [first] : Array(0..<tokens.count)
    for s in starts {
      if let e = matchFrom(0, s, tokens, limit: last, mustEnd: position == .end) {
        return s..<e
      }
    }
    return nil
  }

  private func matchFrom(_ ei: Int, _ ti: Int, _ t: [Token], limit: Int, mustEnd: Bool) -> Int? {
    if ei == elements.count { return !mustEnd || ti == limit ? ti : nil }
    switch elements[ei] {
    case .seq(let alts):
      for alt in alts {
        if let next = Self.consume(alt, t, ti, limit), let e = matchFrom(ei + 1, next, t, limit: limit, mustEnd: mustEnd) { return e }
      }
      return nil
    case .optional(let alts):
      for alt in alts {
        if let next = Self.consume(alt, t, ti, limit), let e = matchFrom(ei + 1, next, t, limit: limit, mustEnd: mustEnd) { return e }
      }
      return matchFrom(ei + 1, ti, t, limit: limit, mustEnd: mustEnd)
    case .gap(let most):
      var j = ti
      var spent = 0.0
      while true {
        if let e = matchFrom(ei + 1, j, t, limit: limit, mustEnd: mustEnd) { return e }
        guard j < limit, !t[j].isSentenceEnd else { return nil }
        spent += Self.cost(t[j])
        if spent > most { return nil }
        j += 1
      }
    }
  }

  private static func consume(_ alt: [Token], _ t: [Token], _ ti: Int, _ limit: Int) -> Int? {
    guard ti + alt.count <= limit else { return nil }
    for k in 0..<alt.count where !t[ti + k].same(as: alt[k]) { return nil }
    return ti + alt.count
  }

  /// The first word or character of the pattern (to know whether it starts with a negation).
  var head: Token? {
    for e in elements {
      switch e {
      case .seq(let alts): return alts.first?.first
      case .optional: return nil
      case .gap: continue
      }
    }
    return nil
  }
}

/// Negation before a match: English "not", "no", "never"… up to three words back in the same
/// clause; Chinese 不/没/未/别/无 up to two characters back, except in an A-not-A question
/// (有没有, 是不是, 能不能), which asks rather than denies.
enum Negation {
  static let english: Set<String> = ["not", "no", "never", "without", "nobody", "nothing", "hardly", "neither", "nor", "cannot", "none"]
  static let chinese: Set<String> = ["不", "没", "未", "别", "无"]

  static func isNegator(_ t: Token) -> Bool {
    (t.kind == .word && english.contains(t.text)) || (t.kind == .cjk && chinese.contains(t.text))
  }

  static func negated(_ tokens: [Token], before start: Int, pattern: PhrasePattern) -> Bool {
    if let head = pattern.head, isNegator(head) { return false }
    guard start > 0 else { return false }
    let isCJK = tokens[start].kind == .cjk
    var i = start - 1
    var seen = 0
    while i >= 0, seen < (isCJK ? 2 : 3) {
      let t = tokens[i]
      if t.isBoundary { return false }
      if isNegator(t) {
        // A-not-A: 有没有, 是不是 — the character before the negation repeats after it.
        if t.kind == .cjk, i > 0, i + 1 < tokens.count, tokens[i - 1].text == tokens[i + 1].text { return false }
        return true
      }
      if t.kind != .punct { seen += 1 }
      i -= 1
    }
    return false
  }
}
