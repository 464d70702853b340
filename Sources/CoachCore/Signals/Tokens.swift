/// One line of text cut into the units that signals are matched on: English words (contractions
/// spelled out, each with its Porter stem), single Chinese characters, and punctuation marks.
/// Offsets point into the normalised text (`TextMatcher.normalise`), so a match can be quoted.
public struct Token: Sendable, Equatable {
  public enum Kind: Sendable, Equatable { case word, cjk, punct }
  public var kind: Kind
  public var text: String
  public var stem: String
  /// Scalar offsets [start, end) in the normalised text.
  public var start: Int
  public var end: Int

  /// Ends a sentence or clause: a gap or a negation never reaches across it.
  public var isBoundary: Bool { kind == .punct && [".", "!", "?", ";", ",", ":", "—", "–"].contains(text) }
  public var isSentenceEnd: Bool { kind == .punct && [".", "!", "?", ";"].contains(text) }

  /// Adverbs whose meaning is not their base word's: "surely" is not "make sure", "fairly" is not
  /// "fair", "really" is not "real", "only" is not "one" (both stem to "on": "the only" found "the one").
  static let falseFriends: Set<String> = [
    "surely", "hardly", "shortly", "lately", "nearly", "barely", "really", "fairly",
    "highly", "justly", "rightly", "presently", "largely", "only",
  ]

  /// Words match by stem ("guaranteed" is "guarantee", "smoothly" is "smooth"), except the false
  /// friends above, which only match themselves; other tokens match exactly.
  public func same(as other: Token) -> Bool {
    guard kind == other.kind else { return false }
    guard kind == .word else { return text == other.text }
    if text == other.text { return true }
    if Self.falseFriends.contains(text) || Self.falseFriends.contains(other.text) { return false }
    return stem == other.stem
  }
}

public enum Tokenizer {
  static func isLatin(_ s: Unicode.Scalar) -> Bool {
    TextMatcher.isWordScalar(s) || (s.value >= 0xC0 && s.value <= 0x24F && s.properties.isAlphabetic)
  }

  static func isCJK(_ s: Unicode.Scalar) -> Bool {
    DisplayWidth.isWide(s.value) && s.properties.isAlphabetic
  }

  /// Cuts already-normalised text (lower case, folded punctuation) into tokens.
  public static func tokens(_ normal: String) -> [Token] {
    let s = Array(normal.unicodeScalars)
    var out: [Token] = []
    var i = 0
    while i < s.count {
      let c = s[i]
      if isLatin(c) {
        var j = i
        while j < s.count {
          if isLatin(s[j]) {
            j += 1
            continue
          }
          // an apostrophe inside a word (don't), a point or comma inside a number (1.2, 1,200)
          if j + 1 < s.count, isLatin(s[j + 1]), j > i {
            if s[j] == "'" {
              j += 1
              continue
            }
            if s[j] == "." || s[j] == ",", s[j - 1].properties.numericType != nil, s[j + 1].properties.numericType != nil {
              j += 1
              continue
            }
          }
          break
        }
        for w in expand(word(s[i..<j])) {
          out.append(Token(kind: .word, text: w, stem: StemCache.stem(w), start: i, end: j))
        }
        i = j
      } else if isCJK(c) {
        out.append(Token(kind: .cjk, text: String(c), stem: String(c), start: i, end: i + 1))
        i += 1
      } else if c == " " || c == "\"" || c == "'" || c == "-" || c == "*" || c == "•" {
        i += 1
      } else {
        let t = c == "…" ? "." : String(c)
        out.append(Token(kind: .punct, text: t, stem: t, start: i, end: i + 1))
        i += 1
      }
    }
    return out
  }

  /// The text of a run of scalars. An ASCII run (nearly every English word) is written as its
  /// bytes: appending scalar by scalar to a `String.UnicodeScalarView` was an eighth of a
  /// session's first classification, which tokenises every example (perf, release build).
  static func word(_ run: ArraySlice<Unicode.Scalar>) -> String {
    if run.allSatisfy({ $0.value < 0x80 }) {
      return String(unsafeUninitializedCapacity: run.count) { buffer in
        var n = 0
        for c in run {
          buffer[n] = UInt8(truncatingIfNeeded: c.value)
          n += 1
        }
        return n
      }
    }
    var word = String.UnicodeScalarView()
    word.append(contentsOf: run)
    return String(word)
  }

  static let isForms: Set<String> = ["it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "this", "everything", "nothing", "everyone"]

  /// Spells out English contractions so "you'll" matches "you will" and "isn't" has its "not".
  static func expand(_ word: String) -> [String] {
    guard let q = word.firstIndex(of: "'") else { return [word] }
    let base = String(word[..<q])
    let tail = String(word[word.index(after: q)...])
    switch tail {
    case "t" where base.hasSuffix("n"):
      switch base {
      case "won": return ["will", "not"]
      case "can": return ["can", "not"]
      case "shan": return ["shall", "not"]
      case "ain": return ["is", "not"]
      default: return [String(base.dropLast()), "not"]
      }
    case "ll": return [base, "will"]
    case "re": return [base, "are"]
    case "ve": return [base, "have"]
    case "m": return [base, "am"]
    case "d": return [base, "would"]
    case "s":
      if base == "let" { return ["let", "us"] }
      return isForms.contains(base) ? [base, "is"] : [base]
    default: return [base, tail]
    }
  }
}
