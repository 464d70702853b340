import Synchronization

/// The playbook's example wordings (objections per category, questions per type), ready to be
/// compared with a new line: each example is a TF-IDF-weighted vector of its features — English
/// word stems and pairs of neighbouring stems, Chinese characters and pairs of neighbouring
/// characters — and a new line is compared with every example by cosine similarity. The nearest
/// examples vote for their label, each with its similarity. Deterministic: the same examples and
/// the same line always give the same neighbours (ties go to the example listed first).
public struct ExampleIndex: Sendable {
  public struct Example: Sendable {
    public var label: String
    public var text: String
  }

  /// One of the nearest examples: what it says, how close it is (0…1), and the words it shares.
  public struct Neighbour: Sendable, Equatable {
    public var label: String
    public var text: String
    public var similarity: Double
    public var shared: [String]
  }

  public let examples: [Example]
  /// Each feature the examples have, by its number: features are numbered in their sorted order,
  /// so a vector's weights are summed in the same order as the features' text sorts.
  let featureNumber: [String: Int]
  /// Per feature number, the examples that have it and its weight there (so a line is compared
  /// only with the examples it shares something with).
  let postings: [[(Int, Double)]]
  let idf: [Double]
  /// Features every example has (the unknown ones weigh as if seen once).
  let unseenIDF: Double

  /// Why numbers and not the features' text as keys: with ~1,060 questions per language, a
  /// dictionary per example plus document-frequency, idf, vector and posting dictionaries all keyed
  /// by String made building the index ~half of a session's first classification (perf, release
  /// build). Each feature's text is now hashed once; the rest works on sorted arrays of numbers.
  /// The weights, and the order they are summed in, are the same as before, so every similarity is
  /// bit for bit what it was.
  /// How much the question's form weighs (`0:` features: its opening words in English, its
  /// question words and ending in Chinese) against a word; 0 leaves them out (objections, answers).
  public let formWeight: Double
  /// The power the inverse document frequency is raised to (1: plain TF-IDF, the classifiers';
  /// below 1 a rare feature outweighs a common one less — the graded answers, see
  /// `AnswerExamples.Rule.idfExponent`). Applied once per feature when the index is built.
  public let idfExponent: Double

  public init(_ labelled: [(label: String, text: String)], formWeight: Double = 0, idfExponent: Double = 1) {
    self.formWeight = formWeight
    self.idfExponent = idfExponent
    var firstSeen: [String: Int] = [:]
    var keys: [String] = []
    var lists: [[Int]] = []
    lists.reserveCapacity(labelled.count)
    for l in labelled {
      var ids: [Int] = []
      Self.eachFeature(l.text, form: formWeight > 0) { k in
        if let id = firstSeen[k] {
          ids.append(id)
        } else {
          firstSeen[k] = keys.count
          ids.append(keys.count)
          keys.append(k)
        }
      }
      lists.append(ids)
    }
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    var rank = [Int](repeating: 0, count: keys.count)
    for (r, id) in order.enumerated() { rank[id] = r }
    featureNumber = firstSeen.mapValues { rank[$0] }
    let isPair = order.map { keys[$0].hasPrefix("2:") }
    let isForm = order.map { keys[$0].hasPrefix("0:") }
    // Each example's features as (number, count), in sorted order.
    var df = [Int](repeating: 0, count: keys.count)
    var counted: [[(Int, Int)]] = []
    counted.reserveCapacity(lists.count)
    for ids in lists {
      var rs = ids.map { rank[$0] }
      rs.sort()
      var pairs: [(Int, Int)] = []
      pairs.reserveCapacity(rs.count)
      var j = 0
      while j < rs.count {
        var e = j + 1
        while e < rs.count && rs[e] == rs[j] { e += 1 }
        pairs.append((rs[j], e - j))
        df[rs[j]] += 1
        j = e
      }
      counted.append(pairs)
    }
    let n = Double(labelled.count)
    let idf = df.map { Self.power(Self.weight(n: n, df: Double($0)), idfExponent) }
    self.idf = idf
    unseenIDF = Self.power(Self.weight(n: n, df: 0), idfExponent)
    var postings = [[(Int, Double)]](repeating: [], count: keys.count)
    for (i, pairs) in counted.enumerated() {
      var ws: [Double] = []
      ws.reserveCapacity(pairs.count)
      var norm = 0.0
      for (f, c) in pairs {
        let w = (c == 1 ? 1 : 1 + Self.ln(Double(c))) * idf[f] * (isPair[f] ? Self.pairWeight : 1) * (isForm[f] ? formWeight : 1)
        ws.append(w)
        norm += w * w
      }
      let r = norm > 0 ? 1 / norm.squareRoot() : 0
      for (p, (f, _)) in pairs.enumerated() { postings[f].append((i, ws[p] * r)) }
    }
    self.postings = postings
    examples = labelled.map { Example(label: $0.label, text: $0.text) }
  }

  static func weight(n: Double, df: Double) -> Double { ln((n + 1) / (df + 1)) + 1 }

  /// `x` (positive) to the power `p`: exactly `x` for 1 (so the classifiers' similarities are bit
  /// for bit what they were), its square root for 0.5, else e^(p·ln x) by series.
  static func power(_ x: Double, _ p: Double) -> Double {
    if p == 1 { return x }
    if p == 0.5 { return x.squareRoot() }
    guard x > 0 else { return 0 }
    return exp(p * ln(x))
  }

  /// e^y: y = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series, times 2^k.
  static func exp(_ y: Double) -> Double {
    let ln2 = 0.693_147_180_559_945_3
    let k = (y / ln2).rounded()
    let r = y - k * ln2
    var term = 1.0
    var sum = 1.0
    var i = 1.0
    while i < 30 {
      term *= r / i
      sum += term
      i += 1
    }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
  }

  /// The natural logarithm of a positive number (x = m·2^e, ln m by its atanh series), so the
  /// core needs no platform maths library.
  static func ln(_ x: Double) -> Double {
    guard x > 0 else { return 0 }
    let e = Double(x.exponent)
    let m = x.significand  // 1 ≤ m < 2
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var k = 1.0
    while k < 60 {
      sum += term / k
      term *= y2
      k += 2
    }
    return 2 * sum + e * 0.693_147_180_559_945_3
  }

  func vector(_ counts: [String: Int]) -> [String: Double] {
    var v: [String: Double] = [:]
    var norm = 0.0
    // In a fixed order (a dictionary's order differs between runs), so sums round the same way every time.
    for k in counts.keys.sorted() {
      let c = counts[k]!
      let w =
        (c == 1 ? 1 : 1 + Self.ln(Double(c))) * (featureNumber[k].map { idf[$0] } ?? unseenIDF) * (k.hasPrefix("2:") ? Self.pairWeight : 1) * (k.hasPrefix("0:") ? formWeight : 1)
      v[k] = w
      norm += w * w
    }
    let r = norm > 0 ? 1 / norm.squareRoot() : 0
    for k in v.keys { v[k]! *= r }
    return v
  }

  /// How much a pair of words (or characters) weighs against a single one.
  static let pairWeight = 1.0

  /// The features of one line: `1:stem` for each English word, `2:stem stem` for each pair of
  /// neighbouring words in one clause, `1:字` for each Chinese character that is not a function
  /// character, `2:字字` for each pair of neighbouring characters; "?" counts as a word.
  static func features(_ text: String, form: Bool = false) -> [String: Int] {
    var out: [String: Int] = [:]
    eachFeature(text, form: form) { out[$0, default: 0] += 1 }
    return out
  }

  /// Chinese words that give a question its form (what it asks for, and how it ends).
  static let chineseForm = [
    "什么", "怎么", "怎样", "如何", "为什么", "哪", "多少", "多大", "多长", "几", "是不是", "有没有", "能不能", "会不会", "要不要", "对吗", "对吧", "是吗", "吗", "呢", "吧", "介绍", "说说", "讲讲", "谈谈", "意味", "价值", "成功",
  ]

  /// The form of a question, as `0:` features: in English its first word and first two words
  /// (stems: "how is", "do you", "what would"); in Chinese each question word or ending it has.
  static func eachFormFeature(_ toks: [Token], _ text: String, _ body: (String) -> Void) {
    let words = toks.prefix { $0.kind == .word }.prefix(2).map { isNumber($0.text) ? "#" : $0.stem }
    if toks.first?.kind == .word, let first = words.first {
      body("0:" + first)
      if words.count == 2 { body("0:" + first + " " + words[1]) }
      return
    }
    for w in chineseForm where text.contains(w) { body("0:" + w) }
  }

  /// Each feature of a line in the order met, once per occurrence (see `features`).
  static func eachFeature(_ text: String, form: Bool = false, _ body: (String) -> Void) {
    let normalised = TextMatcher.normalise(text)
    let toks = Tokenizer.tokens(normalised)
    if form { eachFormFeature(toks, normalised, body) }
    var prev: Token? = nil
    var prevKey = ""
    for t in toks {
      switch t.kind {
      case .word:
        let s = isNumber(t.text) ? "#" : t.stem
        body("1:" + s)
        if let p = prev, p.kind == .word { body("2:" + prevKey + " " + s) }
        prevKey = s
        prev = t
      case .cjk:
        if !TextMatcher.functionChars.contains(t.text) { body("1:" + t.text) }
        if let p = prev, p.kind == .cjk { body("2:" + p.text + t.text) }
        prev = t
      case .punct:
        if t.text == "?" { body("1:?") }
        prev = t.isBoundary ? nil : prev
      }
    }
  }

  /// Whether a word starts with a digit (ASCII without the Unicode property lookup).
  static func isNumber(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first else { return false }
    if first.value < 0x80 { return first.value >= 0x30 && first.value <= 0x39 }
    return first.properties.numericType != nil
  }

  /// The `k` examples nearest to `text` (most similar first, none with similarity 0), leaving out
  /// examples whose text is in `leavingOut` (so a measurement never lets an item vote for itself).
  /// `shared` is left empty here: `sharedWords` fills it for the one example that is shown.
  public func nearest(_ text: String, k: Int, leavingOut: Set<String> = []) -> [Neighbour] {
    let q = vector(Self.features(text, form: formWeight > 0))
    guard !q.isEmpty else { return [] }
    var dots = [Double](repeating: 0, count: examples.count)
    for key in q.keys.sorted() { for (i, x) in featureNumber[key].map({ postings[$0] }) ?? [] { dots[i] += q[key]! * x } }
    var scored: [(Int, Double)] = []
    for (i, dot) in dots.enumerated() where dot > 0 && !leavingOut.contains(examples[i].text) { scored.append((i, dot)) }
    scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    return scored.prefix(k).map { i, sim in Neighbour(label: examples[i].label, text: examples[i].text, similarity: sim, shared: []) }
  }

  /// Words too vague to show as what a line shares with an example.
  static let vague: Set<String> = ["lot", "lots", "bit", "kind", "sort", "really", "actually", "already", "every", "other", "比", "更", "太", "最"]

  /// The words a line shares with an example, as the line writes them, to show as evidence:
  /// English content words (not "the", "you"…), Chinese runs of two or more characters.
  public static func sharedWords(_ text: String, _ example: String) -> [String] {
    let a = Tokenizer.tokens(TextMatcher.normalise(text))
    let b = Tokenizer.tokens(TextMatcher.normalise(example))
    let stems = Set(b.filter { $0.kind == .word }.map(\.stem))
    var pairs: Set<String> = []
    for i in b.indices.dropLast() where b[i].kind == .cjk && b[i + 1].kind == .cjk { pairs.insert(b[i].text + b[i + 1].text) }
    var out: [String] = []
    var i = 0
    while i < a.count {
      let t = a[i]
      if t.kind == .word, stems.contains(t.stem), t.text.count >= 3, !TextMatcher.stopwords.contains(t.text), !Self.vague.contains(t.text),
        t.text.unicodeScalars.first?.properties.numericType == nil, !out.contains(t.text)
      {
        out.append(t.text)
      } else if t.kind == .cjk {
        // The longest run of characters whose every pair the example also has.
        var j = i
        while j + 1 < a.count, a[j + 1].kind == .cjk, pairs.contains(a[j].text + a[j + 1].text) { j += 1 }
        if j > i {
          // Cut at function characters (的, 们, 比…): "你们的价格比" shows as "价格".
          var piece = ""
          for t in a[i...j] + [Token(kind: .punct, text: ".", stem: ".", start: 0, end: 0)] {
            if t.kind == .cjk, !TextMatcher.functionChars.contains(t.text), !Self.vague.contains(t.text) {
              piece += t.text
              continue
            }
            if piece.count >= 2, !out.contains(where: { $0.contains(piece) }) { out.append(piece) }
            piece = ""
          }
          i = j
        }
      }
      i += 1
    }
    return out
  }
}

/// Indexes built once per set of examples and shared by every classifier in the process (a
/// playbook's examples are indexed the first time a line is compared with them).
public enum ExampleIndexCache {
  static let cache = Mutex<[String: ExampleIndex]>([:])

  public static func index(_ labelled: [(label: String, text: String)], formWeight: Double = 0) -> ExampleIndex {
    let key = "\(formWeight)\u{3}" + labelled.map { $0.label + "\u{1}" + $0.text }.joined(separator: "\u{2}")
    if let hit = cache.withLock({ $0[key] }) { return hit }
    let built = ExampleIndex(labelled, formWeight: formWeight)
    cache.withLock { $0[key] = built }
    return built
  }
}
