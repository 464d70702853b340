/// Splits a REPL line into words the way a shell would: spaces separate words, `"..."` and
/// `'...'` quote, a backslash escapes the next character.
public enum Tokenizer {
  public enum Problem: Error, Equatable { case unclosedQuote(Character) }

  public static func split(_ line: String) throws(Problem) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character? = nil
    var escaping = false
    for c in line {
      if escaping {
        current.append(c)
        escaping = false
        inWord = true
        continue
      }
      if let q = quote {
        if c == q { quote = nil } else if c == "\\" && q == "\"" { escaping = true } else { current.append(c) }
        continue
      }
      switch c {
      case "\\":
        escaping = true
        inWord = true
      case "\"", "'":
        quote = c
        inWord = true
      case " ", "\t", "\u{3000}":
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      default:
        current.append(c)
        inWord = true
      }
    }
    if let q = quote { throw .unclosedQuote(q) }
    if escaping { current.append("\\") }
    if inWord { words.append(current) }
    return words
  }

  /// Like `split`, but never fails: a quote opens only at the start of a word (`O'Brien` keeps its
  /// apostrophe) and a quote that is never closed is taken as typed.
  public static func lenientSplit(_ line: String) -> [String] {
    if let words = try? split(protectingApostrophes(line)) { return words.map(restoringApostrophes) }
    return CommandWords.wordSpans(line).map { String(line[$0]) }
  }

  /// An apostrophe inside a word is part of it, not a quote. A `'` opens a quote only at the start
  /// of a word, and only when a later `'` ends a word to close it.
  static let apostropheStandIn: Character = "\u{E000}"
  static func protectingApostrophes(_ line: String) -> String {
    let chars = Array(line)
    func isSpace(_ i: Int) -> Bool { i < 0 || i >= chars.count || chars[i] == " " || chars[i] == "\t" || chars[i] == "\u{3000}" }
    func closes(_ i: Int) -> Bool { chars[i] == "'" && isSpace(i + 1) }
    var out = ""
    var inQuote = false
    var inDouble = false
    for (i, c) in chars.enumerated() {
      if c == "\"" && !inQuote {
        inDouble.toggle()
        out.append(c)
        continue
      }
      guard c == "'", !inDouble else {
        out.append(c)
        continue
      }
      if inQuote {
        if closes(i) {
          inQuote = false
          out.append(c)
        } else {
          out.append(apostropheStandIn)
        }
      } else if isSpace(i - 1), (i + 1..<chars.count).contains(where: closes) {
        inQuote = true
        out.append(c)
      } else {
        out.append(apostropheStandIn)
      }
    }
    return out
  }
  static func restoringApostrophes(_ word: String) -> String {
    String(word.map { $0 == apostropheStandIn ? "'" : $0 })
  }

  /// Quotes a word so `split` gives it back unchanged (for completion of names with spaces).
  public static func quote(_ word: String) -> String {
    guard word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" }) else { return word }
    return "\"" + word.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
  }
}
