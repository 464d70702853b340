/// Word wrapping by display width. Latin text breaks at spaces; CJK text may break between any
/// two characters (never before closing punctuation such as `，。、）」`).
public enum Wrap {
  public static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
    let available = max(8, width - DisplayWidth.of(indent))
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      result.append(contentsOf: wrapParagraph(String(paragraph), width: available).map { indent + $0 })
    }
    return result
  }

  public static func text(_ text: String, width: Int, indent: String = "") -> String {
    lines(text, width: width, indent: indent).joined(separator: "\n")
  }

  private static let noBreakBefore: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】", ",", ".", ";", ":", "?", "!", ")", "%", "…"]

  private static func isCJK(_ c: Character) -> Bool { DisplayWidth.of(c) == 2 }

  private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
    if DisplayWidth.of(paragraph) <= width { return [paragraph] }
    // Split into breakable tokens: runs of non-space Latin text, single CJK characters, spaces.
    var tokens: [String] = []
    var current = ""
    for c in paragraph {
      if c == " " {
        if !current.isEmpty { tokens.append(current); current = "" }
        tokens.append(" ")
      } else if noBreakBefore.contains(c), current.isEmpty, let last = tokens.last, last != " " {
        tokens[tokens.count - 1] = last + String(c)
      } else if isCJK(c) {
        if !current.isEmpty { tokens.append(current); current = "" }
        tokens.append(String(c))
      } else {
        current.append(c)
      }
    }
    if !current.isEmpty { tokens.append(current) }

    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for token in tokens {
      let w = DisplayWidth.of(token)
      if token == " " {
        if lineWidth > 0 && lineWidth + 1 <= width { line += " "; lineWidth += 1 }
        continue
      }
      if lineWidth + w > width && lineWidth > 0 {
        lines.append(trimRight(line))
        line = ""
        lineWidth = 0
      }
      if w > width {
        // A single token longer than the line: hard-break it by characters.
        for c in token {
          let cw = DisplayWidth.of(c)
          if lineWidth + cw > width && lineWidth > 0 {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
          line.append(c)
          lineWidth += cw
        }
      } else {
        line += token
        lineWidth += w
      }
    }
    if !line.isEmpty { lines.append(trimRight(line)) }
    return lines
  }

  private static func trimRight(_ s: String) -> String {
    var s = s
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
