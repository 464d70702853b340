import CoachCore

/// Finds English left in the Chinese half of a two-language message: a run of two or more
/// English words outside `code`, 'quoted' and "quoted" text (where field names, ids, YAML syntax
/// and the user's own text belong). Single tokens (`schemaVersion`, quiz.yaml, U+0085, UTF-8,
/// true 或 false) are fine.
public enum Untranslated {
  /// Why `text.zh` does not read as Chinese, or nil when it does.
  public static func problem(_ text: Bilingual) -> String? {
    let zh = text.zh
    guard zh.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) else { return "no Chinese in «\(zh)»" }
    if let run = englishRun(in: zh) { return "English «\(run)» left in «\(zh)»" }
    return nil
  }

  /// The first run of two or more English words (letters separated only by spaces) outside
  /// quotes and backticks.
  public static func englishRun(in zh: String) -> String? {
    var outside = ""
    var closing: Character? = nil
    for c in zh {
      if let end = closing {
        if c == end { closing = nil }
        continue
      }
      switch c {
      case "`": closing = "`"
      case "'": closing = "'"
      case "\"": closing = "\""
      case "‘": closing = "’"
      default: outside.append(c)
      }
      if closing != nil { outside.append("|") }
    }
    let segments = outside.split { !($0.isASCII && ($0.isLetter || $0 == " ")) }
    for segment in segments {
      let words = segment.split(separator: " ")
      if words.count >= 2 { return words.joined(separator: " ") }
    }
    return nil
  }
}
