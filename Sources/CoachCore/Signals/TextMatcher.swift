/// Looks for a playbook's signals in one line of text, by the rules in playbooks/README.md:
/// lower case, spaces collapsed, full-width punctuation folded to ASCII; English phrases match
/// whole words (a boundary is checked only where the phrase begins or ends with a letter or
/// digit), Chinese phrases match anywhere.
public struct TextMatcher: Sendable {
  public let text: String
  let scalars: [Unicode.Scalar]
  let raw: String

  public init(_ raw: String, context: String = "") {
    let normal = TextMatcher.normalise(raw)
    self.raw = raw
    text = normal
    scalars = Array(normal.unicodeScalars)
    _tokens = Tokenizer.tokens(normal)
    self.context = context.isEmpty ? [] : Tokenizer.tokens(TextMatcher.normalise(context))
  }

  public static func normalise(_ raw: String) -> String {
    // ASCII lines (most English examples) on their bytes: every example of a playbook is
    // normalised at load (the duplicate check) and again when it is indexed, and `lowercased()`
    // plus a scalar-by-scalar append made this a tenth of a session's first classification (perf,
    // release build). For ASCII the result is the same as below: only A–Z change case, none of the
    // folded marks is ASCII, and ASCII white space is the same set.
    if let fast = asciiNormal(raw) { return fast }
    var out = String.UnicodeScalarView()
    var lastWasSpace = true
    for scalar in raw.lowercased().unicodeScalars {
      var s = scalar
      switch scalar.value {
      case 0xFF1F: s = "?"
      case 0xFF0C, 0x3001: s = ","  // ， 、
      case 0x3002: s = "."
      case 0xFF01: s = "!"
      case 0xFF1A: s = ":"
      case 0xFF1B: s = ";"
      case 0x2018, 0x2019: s = "'"
      case 0x201C, 0x201D: s = "\""
      case 0xFF08: s = "("
      case 0xFF09: s = ")"
      case 0xFF10...0xFF19: s = Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
      default: break
      }
      // ASCII white space without the Unicode property lookup (the example index normalises
      // every example of a playbook at load).
      if s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value)) : s.properties.isWhitespace {
        if !lastWasSpace { out.append(" ") }
        lastWasSpace = true
      } else {
        out.append(s)
        lastWasSpace = false
      }
    }
    while out.last == " " { out.removeLast() }
    return String(out)
  }

  /// `normalise` for an all-ASCII line, or nil when the line is not ASCII.
  static func asciiNormal(_ raw: String) -> String? {
    let bytes = raw.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    return String(unsafeUninitializedCapacity: bytes.count) { buffer in
      var n = 0
      var lastWasSpace = true
      for b in bytes {
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
          if !lastWasSpace {
            buffer[n] = 0x20
            n += 1
          }
          lastWasSpace = true
        } else {
          buffer[n] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
          n += 1
          lastWasSpace = false
        }
      }
      while n > 0 && buffer[n - 1] == 0x20 { n -= 1 }
      return n
    }
  }

  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || (s >= "A" && s <= "Z")
  }

  /// The line cut into words, characters and punctuation (see `Tokenizer`).
  public var tokens: [Token] { _tokens }
  let _tokens: [Token]
  /// The customer's words (the objection, the scenario) that `overlap` and `specifics` compare with.
  public let context: [Token]

  /// Whether `phrase` occurs where `at` says (by stems, gaps and options; see `PhrasePattern`).
  public func contains(_ phrase: String, at position: Signal.Position = .anywhere) -> Bool {
    span(PhrasePattern(phrase), at: position) != nil
  }

  /// The normalised words a pattern matched, or nil; a negated match ("I don't understand") is no match.
  public func span(_ pattern: PhrasePattern, at position: Signal.Position = .anywhere) -> String? {
    var from = 0
    while from < _tokens.count || (from == 0 && _tokens.isEmpty) {
      let rest = Array(_tokens[from...])
      guard let r = pattern.match(rest, at: position) else { return nil }
      let lo = from + r.lowerBound
      let hi = from + r.upperBound
      if !Negation.negated(_tokens, before: lo, pattern: pattern), hi > lo {
        return slice(_tokens[lo].start, _tokens[hi - 1].end)
      }
      if position == .start { return nil }
      from = lo + 1
    }
    return nil
  }

  func slice(_ a: Int, _ b: Int) -> String {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: scalars[a..<min(b, scalars.count)])
    return String(v)
  }

  /// The words a signal matched (its phrases, or what its test saw), to quote as evidence.
  public func evidence(_ signal: Signal) -> [String] {
    var out = signal.patterns.compactMap { span($0, at: signal.at) }
    if out.isEmpty, let test = signal.test, passes(test) {
      switch test {
      case .overlap: out = sharedWords().map { $0 }
      case .amount: out = amounts
      default: out = ["(\(test.rawValue))"]
      }
    }
    return out
  }

  /// Whether a signal matches: any of its phrases, or its built-in test.
  public func matches(_ signal: Signal) -> Bool {
    if let test = signal.test, passes(test) { return true }
    return signal.patterns.contains { span($0, at: signal.at) != nil }
  }

  public func passes(_ test: Signal.Test) -> Bool {
    switch test {
    case .number: return hasNumber
    case .amount: return !amounts.isEmpty
    case .question: return scalars.contains("?")
    case .statement: return !scalars.contains("?")
    case .long: return isLong
    case .multiQuestion: return scalars.filter { $0 == "?" }.count >= 2
    case .overlap: return sharedWords().count >= 2
    case .specifics: return hasNumber || hasDateOrName
    case .content: return hasContent
    case .detailed: return contentWords >= 7 || contentChars >= 20
    }
  }

  // MARK: the customer's own words

  static let stopwords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "if", "so", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "about",
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would",
    "can", "could", "should", "shall", "may", "might", "must", "not", "no", "yes", "i", "you", "we", "they", "he", "she",
    "it", "me", "us", "them", "my", "your", "our", "their", "its", "this", "that", "these", "those", "what", "which", "who",
    "how", "why", "when", "where", "there", "here", "than", "then", "just", "very", "really", "also", "too", "all", "any",
    "some", "more", "most", "much", "many", "one", "get", "got", "go", "going", "let", "make", "know", "think", "say", "said",
    "saying", "see", "want", "need", "like", "right", "well", "ok", "okay", "sure", "still", "even", "only", "up", "out",
    "into", "over", "again", "now", "thing", "things", "way", "because", "since", "after", "before", "while", "though",
    "understand", "correctly", "hear", "heard", "mean", "else", "anything", "something", "concern", "worry", "tell",
  ]

  static let functionChars: Set<String> = Set(("的了是我您你们这那就也都在有和吗呢吧啊不很还要会能说一个把被对给让得地着过吧么什怎样如果所以因为但是其实就是我们您的自己已经可以一下一些还有没有").map { String($0) })

  /// Content words (English stems, Chinese character pairs) the line shares with the customer's words.
  public func sharedWords() -> [String] {
    guard !context.isEmpty else { return [] }
    var seen: Set<String> = []
    var out: [String] = []
    let theirs = Set(Self.contentKeys(context))
    for (key, shown) in Self.contentKeyed(_tokens, scalars) where theirs.contains(key) && seen.insert(key).inserted {
      out.append(shown)
    }
    return out
  }

  static func contentKeys(_ t: [Token]) -> [String] { contentKeyed(t, nil).map(\.0) }

  /// (key, quotable words) for each content word or Chinese content pair.
  static func contentKeyed(_ t: [Token], _ scalars: [Unicode.Scalar]?) -> [(String, String)] {
    var out: [(String, String)] = []
    for (i, tok) in t.enumerated() {
      if tok.kind == .word, tok.text.count >= 3, !stopwords.contains(tok.text), tok.text.unicodeScalars.first?.properties.numericType == nil {
        out.append((tok.stem, tok.text))
      } else if tok.kind == .word, tok.text.unicodeScalars.first?.properties.numericType != nil {
        out.append((tok.text, tok.text))
      } else if tok.kind == .cjk, i + 1 < t.count, t[i + 1].kind == .cjk, !functionChars.contains(tok.text), !functionChars.contains(t[i + 1].text) {
        out.append((tok.text + t[i + 1].text, tok.text + t[i + 1].text))
      }
    }
    return out
  }

  static let dateWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4", "tomorrow", "today", "tonight", "morning", "afternoon", "evening",
    "week", "weeks", "month", "months", "quarter", "deadline", "phase", "milestone", "milestones", "pilot", "depot", "site", "line", "plant",
  ]
  static let chineseDates: [String] = [
    "周一", "周二", "周三", "周四", "周五", "下周", "本周", "月底", "月初", "季度", "第一阶段", "一期", "二期",
    "里程碑", "试点", "节点", "明天", "下个月",
  ]

  /// A date, a week or phase of a plan, or a name (a capitalised word inside a sentence).
  var hasDateOrName: Bool {
    if _tokens.contains(where: { $0.kind == .word && Self.dateWords.contains($0.text) }) { return true }
    if Self.chineseDates.contains(where: { text.contains($0) }) { return true }
    return !names.isEmpty
  }

  /// Capitalised words that do not start a sentence ("Geotab", "Hamburg"), from the raw line.
  var names: [String] {
    var out: [String] = []
    var sentenceStart = true
    for word in raw.split(whereSeparator: { $0 == " " }) {
      let strip: Set<Character> = [",", ";", ":", "\"", "'", "(", ")", "“", "”", "‘", "’", ".", "!", "?"]
      let w = String(word.drop(while: { strip.contains($0) }).reversed().drop(while: { strip.contains($0) }).reversed())
      if let first = w.unicodeScalars.first, first.properties.isUppercase, !sentenceStart, w != "I", !w.hasPrefix("I'"), !w.hasPrefix("I’") {
        out.append(w)
      }
      sentenceStart = word.last.map { ".!?。！？:".contains($0) } ?? false
    }
    return out
  }

  static let generic: Set<String> = [
    "understand", "concern", "concerns", "frustration", "important", "totally", "completely",
    "empathise", "empathize", "hear", "feel", "valid", "problem", "issue", "point", "question", "good", "great", "absolutely",
  ]

  /// Words that carry content: not function words, not the stock words of empathy.
  var contentWords: Int { _tokens.filter { $0.kind == .word && !Self.stopwords.contains($0.text) && !Self.generic.contains($0.text) }.count }
  var contentChars: Int { _tokens.filter { $0.kind == .cjk && !Self.functionChars.contains($0.text) }.count }

  /// More than a bare prompt: two content words, or four Chinese characters that are not function words.
  /// A question of five words or more with one content word has content too ("What would make
  /// this a success for you?"). A line that ends in a bare prompt ("…, and?", "…。然后呢？") has
  /// none, whatever comes before it: the restatement is not what it asks about.
  var hasContent: Bool {
    if endsInBarePrompt { return false }
    let words = _tokens.filter {
      $0.kind == .word && !Self.stopwords.contains($0.text) && !["tell", "more", "else", "elaborate", "explain", "please", "continue"].contains($0.text)
    }.count
    let all = _tokens.filter { $0.kind == .word }.count
    return words >= 2 || contentChars >= 4 || (words == 1 && all >= 5)
  }

  /// The words of a bare prompt: "And?", "And then?", "So?", "What else?", "Go on?", "然后呢？", "还有呢？".
  static let promptWords: Set<String> = ["and", "then", "so", "what", "else", "tell", "me", "more", "go", "on", "oh", "hmm", "please", "continue"]
  static let promptChars: Set<String> = Set("然后呢还有接着说嗯哦啊那么再继续".map { String($0) })

  /// The line's last question, after a lead-in (cut at the last sentence end, comma or dash before
  /// it), is a bare prompt.
  var endsInBarePrompt: Bool {
    guard let q = _tokens.lastIndex(where: { $0.kind == .punct && $0.text == "?" }), q > 0 else { return false }
    let marks: Set<String> = [".", "!", ";", ":", ",", "-", "–", "—"]
    guard let cut = _tokens[..<q].lastIndex(where: { $0.kind == .punct && marks.contains($0.text) }), cut > 0 else { return false }
    let prompt = _tokens[(cut + 1)..<q]
    guard !prompt.isEmpty, prompt.count <= 4 else { return false }
    return prompt.allSatisfy { t in
      switch t.kind {
      case .word: return Self.promptWords.contains(t.text)
      case .cjk: return Self.promptChars.contains(t.text)
      case .punct: return false
      }
    }
  }

  /// Figures written as words ("eight stores for eight weeks", "within ten days"); not "one",
  /// which is mostly a pronoun ("the one who signs"). The word must count something — the next
  /// word is what it counts — so "ten times better", "ten out of ten", "two or three" are not figures.
  static let numberWords: Set<String> = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen",
  ]
  static let notCounted: Set<String> = ["times", "out", "or", "and", "fold"]

  var hasCountedNumberWord: Bool {
    _tokens.indices.contains { i in
      guard _tokens[i].kind == .word, Self.numberWords.contains(_tokens[i].text), i + 1 < _tokens.count else { return false }
      let next = _tokens[i + 1]
      return next.kind == .word && !Self.notCounted.contains(next.text) && !Self.numberWords.contains(next.text)
    }
  }

  var hasNumber: Bool {
    if scalars.contains(where: { $0 >= "0" && $0 <= "9" }) { return true }
    if hasCountedNumberWord { return true }
    let numerals: Set<Unicode.Scalar> = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "半", "几"]
    let units: Set<Unicode.Scalar> = [
      "个", "月", "周", "天", "年", "倍", "成", "万", "亿", "元", "次", "家", "人", "期", "季", "点", "分", "小", "%", "台", "套", "条", "项", "百", "千", "页", "位", "名", "张",
    ]
    for i in 0..<max(0, scalars.count - 1) where numerals.contains(scalars[i]) && units.contains(scalars[i + 1]) { return true }
    return false
  }

  /// Sums of money, as written: a figure with a currency sign or word or a size suffix
  /// ("340k", "€900k", "1.2 million", "40 dollars"), or a Chinese figure with 万/亿/元/块.
  var amounts: [String] {
    let sizes: Set<String> = [
      "k", "m", "bn", "mn", "million", "millions", "billion", "thousand", "grand", "euro", "euros", "dollar", "dollars",
      "pound", "pounds", "yuan", "rmb", "usd", "eur", "chf",
    ]
    let currency: Set<String> = ["€", "$", "£", "¥"]
    let cjkNumerals: Set<String> = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "几", "半"]
    let cjkMoney: Set<String> = ["万", "亿", "元", "块"]
    let countWords: Set<String> = ["单", "件", "个", "人", "台", "次", "条", "户", "辆", "吨", "套", "张", "名", "家", "行", "笔", "份", "部", "只", "箱", "包", "平", "亩", "公", "千"]
    func isFigure(_ t: Token) -> Bool { t.kind == .word && t.text.first.map(\.isNumber) == true }
    var out: [String] = []
    let t = _tokens
    for i in t.indices {
      if isFigure(t[i]) {
        let unit = t[i].text.drop { $0.isNumber || $0 == "." || $0 == "," }
        let before = i > 0 && currency.contains(t[i - 1].text) && t[i - 1].end == t[i].start
        var j = i
        // "1.2 million": the figure may be split at its decimal point.
        if j + 2 < t.count, t[j + 1].text == ".", isFigure(t[j + 2]) { j += 2 }
        let after = j + 1 < t.count && sizes.contains(t[j + 1].text)
        if sizes.contains(String(unit)) || before || after {
          out.append(slice(t[before ? i - 1 : i].start, t[after ? j + 1 : j].end))
        }
      } else if t[i].kind == .cjk, cjkMoney.contains(t[i].text), i > 0, cjkNumerals.contains(t[i - 1].text) || isFigure(t[i - 1]),
        // 十几万单, 三万台: a count of things, not a sum of money.
        i + 1 >= t.count || !countWords.contains(t[i + 1].text)
      {
        var lo = i - 1
        while lo > 0, cjkNumerals.contains(t[lo - 1].text) || isFigure(t[lo - 1]) { lo -= 1 }
        out.append(slice(t[lo].start, t[i].end))
      }
    }
    return out
  }

  var isLong: Bool {
    let cjk = scalars.filter { DisplayWidth.isWide($0.value) }.count
    if cjk * 2 > scalars.count { return scalars.filter { $0 != " " }.count >= 25 }
    return text.split(separator: " ").count >= 12
  }

  /// The sum of the weights of the signals that match, and the signals themselves; supporting
  /// signals count only when a non-supporting one matched as well.
  public func score(_ signals: [Signal]) -> (total: Int, matched: [Signal]) {
    let hits = signals.filter { matches($0) }
    let matched = hits.contains { !$0.supporting } ? hits : []
    return (matched.reduce(0) { $0 + $1.weight }, matched)
  }
}
