/// Porter's English stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), so a
/// signal "guarantee" also finds "guaranteed", "understand" finds "understanding" and "case"
/// finds "cases" without a trainer listing every form.
///
/// Why our own and not Snowball's C library (Debian's libstemmer-dev through a system-library
/// target): the algorithm is ~150 lines, stemming is needed on every drill answer and at every
/// playbook load, and a system library would be one more package to install on every machine and
/// one more C boundary, for no gain in a pure core that must build and test anywhere. The steps
/// below follow the published algorithm (steps 1a–5b) with Porter2's "-ly" rule added; words of
/// one or two letters are kept.
public enum Stemmer {
  public static func stem(_ word: String) -> String {
    var w = Array(word.lowercased().unicodeScalars)
    guard w.count > 2, w.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return word.lowercased() }
    step1a(&w)
    step1b(&w)
    step1c(&w)
    step2(&w)
    step3(&w)
    step4(&w)
    step5(&w)
    var s = String.UnicodeScalarView()
    s.append(contentsOf: w)
    return String(s)
  }

  typealias Word = [Unicode.Scalar]

  static func isConsonant(_ w: Word, _ i: Int) -> Bool {
    switch w[i] {
    case "a", "e", "i", "o", "u": return false
    case "y": return i == 0 ? true : !isConsonant(w, i - 1)
    default: return true
    }
  }

  /// m: the number of vowel-consonant sequences in w[0..<end].
  static func measure(_ w: Word, _ end: Int) -> Int {
    var n = 0
    var i = 0
    while i < end && isConsonant(w, i) { i += 1 }
    while i < end {
      while i < end && !isConsonant(w, i) { i += 1 }
      guard i < end else { break }
      while i < end && isConsonant(w, i) { i += 1 }
      n += 1
    }
    return n
  }

  static func hasVowel(_ w: Word, _ end: Int) -> Bool { (0..<end).contains { !isConsonant(w, $0) } }

  static func doubleConsonant(_ w: Word, _ end: Int) -> Bool {
    end >= 2 && w[end - 1] == w[end - 2] && isConsonant(w, end - 1)
  }

  /// consonant-vowel-consonant ending, the last not w, x or y.
  static func cvc(_ w: Word, _ end: Int) -> Bool {
    guard end >= 3, isConsonant(w, end - 1), !isConsonant(w, end - 2), isConsonant(w, end - 3) else { return false }
    return !["w", "x", "y"].contains(w[end - 1])
  }

  static func ends(_ w: Word, _ suffix: String) -> Bool {
    var i = w.count
    for s in suffix.unicodeScalars.reversed() {
      i -= 1
      if i < 0 || w[i] != s { return false }
    }
    return true
  }

  static func replace(_ w: inout Word, _ suffix: String, _ with: String) {
    w.removeLast(suffix.unicodeScalars.count)
    w.append(contentsOf: with.unicodeScalars)
  }

  /// Replaces the first matching suffix when the stem before it has measure > `m`.
  @discardableResult
  static func rule(_ w: inout Word, _ pairs: [(String, String)], m: Int) -> Bool {
    for (suffix, with) in pairs where ends(w, suffix) {
      if measure(w, w.count - suffix.unicodeScalars.count) > m { replace(&w, suffix, with) }
      return true
    }
    return false
  }

  static func step1a(_ w: inout Word) {
    if ends(w, "sses") {
      replace(&w, "sses", "ss")
    } else if ends(w, "ies") {
      replace(&w, "ies", "i")
    } else if ends(w, "ss") {
    } else if ends(w, "s") {
      w.removeLast()
    }
  }

  static func step1b(_ w: inout Word) {
    if ends(w, "eed") {
      if measure(w, w.count - 3) > 0 { w.removeLast() }
      return
    }
    var cut = 0
    if ends(w, "ed"), hasVowel(w, w.count - 2) { cut = 2 } else if ends(w, "ing"), hasVowel(w, w.count - 3) { cut = 3 }
    guard cut > 0 else { return }
    w.removeLast(cut)
    if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
      w.append("e")
    } else if doubleConsonant(w, w.count), !["l", "s", "z"].contains(w[w.count - 1]) {
      w.removeLast()
    } else if measure(w, w.count) == 1, cvc(w, w.count) {
      w.append("e")
    }
  }

  static func step1c(_ w: inout Word) {
    if ends(w, "y"), hasVowel(w, w.count - 1) { w[w.count - 1] = "i" }
  }

  static let step2Rules: [(String, String)] = [
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
    ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
    ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
    ("iviti", "ive"), ("biliti", "ble"),
  ]

  /// Step 2, plus Porter2's plain "-ly" ending ("smoothly" → "smooth", "quickly" → "quick"),
  /// which the 1980 algorithm leaves alone.
  static func step2(_ w: inout Word) {
    if rule(&w, step2Rules, m: 0) { return }
    if ends(w, "li"), w.count > 2, "cdeghkmnrt".unicodeScalars.contains(w[w.count - 3]), measure(w, w.count - 2) > 0 { w.removeLast(2) }
  }

  static let step3Rules: [(String, String)] = [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", "")]

  static func step3(_ w: inout Word) { rule(&w, step3Rules, m: 0) }

  /// Longest first, as the algorithm picks the longest suffix that ends the word.
  static let step4Suffixes = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
    "ate", "iti", "ous", "ive", "ize",
  ].sorted { $0.count > $1.count }

  static func step4(_ w: inout Word) {
    for suffix in step4Suffixes where ends(w, suffix) {
      let stem = w.count - suffix.unicodeScalars.count
      if suffix == "ion" {
        guard stem > 0, w[stem - 1] == "s" || w[stem - 1] == "t" else { continue }
      }
      if measure(w, stem) > 1 { w.removeLast(suffix.unicodeScalars.count) }
      return
    }
  }

  static func step5(_ w: inout Word) {
    if ends(w, "e") {
      let m = measure(w, w.count - 1)
      if m > 1 || (m == 1 && !cvc(w, w.count - 1)) { w.removeLast() }
    }
    if measure(w, w.count) > 1, doubleConsonant(w, w.count), w[w.count - 1] == "l" { w.removeLast() }
  }
}
