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
      case "\\": escaping = true; inWord = true
      case "\"", "'": quote = c; inWord = true
      case " ", "\t", "\u{3000}":
        if inWord { words.append(current); current = ""; inWord = false }
      default: current.append(c); inWord = true
      }
    }
    if let q = quote { throw .unclosedQuote(q) }
    if escaping { current.append("\\") }
    if inWord { words.append(current) }
    return words
  }

  /// Quotes a word so `split` gives it back unchanged (for completion of names with spaces).
  public static func quote(_ word: String) -> String {
    guard word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" }) else { return word }
    return "\"" + word.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
  }
}

