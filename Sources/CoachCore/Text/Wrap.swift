/// Word wrapping by display width. Latin text breaks at spaces; CJK text may break between any
/// two characters, but never before closing punctuation (`，。；：！？」）、`…) nor after
/// opening punctuation (`「“（`…).
public enum Wrap {
  /// `minimum` is the narrowest width wrapped to (prose never goes below 8 columns; a table
  /// cell may be as narrow as one wide character).
  public static func lines(_ text: String, width: Int, indent: String = "", minimum: Int = 8) -> [String] {
    // One paragraph without an indent that cannot open with a bullet (`•` is E2 80 A2, `·`
    // C2 B7 or U+0387, CE 87, equal to it as a character): every table cell. Its lines straight
    // away, without the splitting, character tests and copies below (callgrind: a quarter of
    // wrapping the cells of a warm `agenda` over 10,000 plans).
    if indent.isEmpty, let first = text.utf8.first, first != 0xE2, first != 0xC2, first != 0xCE, !text.utf8Contains(10) {
      return wrapParagraph(text, width: max(minimum, width))
    }
    let available = max(minimum, width - DisplayWidth.of(indent))
    var result: [String] = []
    // One paragraph (most table cells): no splitting, which walks the text by characters.
    let paragraphs = text.utf8Contains(10) ? text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(text)]
    for paragraph in paragraphs {
      // A bullet (`• `, `· `) hangs: its continuation lines start under its text.
      if let marker = paragraph.first, marker == "•" || marker == "·", paragraph.dropFirst().first == " ",
        DisplayWidth.of(paragraph) > available
      {
        let pieces = wrapParagraph(String(paragraph.dropFirst(2)), width: max(8, available - 2))
        result.append(contentsOf: pieces.enumerated().map { n, piece in indent + (n == 0 ? String(marker) + " " : "  ") + piece })
        continue
      }
      result.append(contentsOf: wrapParagraph(String(paragraph), width: available).map { indent + $0 })
    }
    return result
  }

  public static func text(_ text: String, width: Int, indent: String = "") -> String {
    lines(text, width: width, indent: indent).joined(separator: "\n")
  }

  /// Characters that may not start a line (closing punctuation, CJK and Latin), and that may
  /// not end one (opening brackets and quotes): the usual Chinese line-breaking rules.
  static let noBreakBefore: Set<Character> = [
    "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】", "〉", "〕", "｝", "”", "’", "…", "·", "％", "～",
    ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
  ]
  static let noBreakAfter: Set<Character> = ["「", "『", "《", "【", "〈", "〔", "｛", "“", "‘", "（", "(", "[", "{"]

  /// Chinese units of time (and 级) that stay on the line of the number before them: `24小时`,
  /// `3天`, `2级` never break between the number and its unit, nor inside the unit.
  static let units = ["小时", "分钟", "个月", "天", "周", "级", "年", "次"]

  /// Whether an ASCII digit is followed by one of `units` somewhere in `paragraph`.
  static func hasNumberAndUnit(_ paragraph: String) -> Bool {
    // Every unit starts with a CJK character (a three-byte UTF-8 sequence), so a paragraph where
    // no ASCII digit is followed by such a byte has none. Measured: searching each unit in every
    // cell was 47 % of a warm `agenda` over 10,000 plans (perf, release), 0.38 s → see BENCHMARKS.md.
    var afterDigit = false
    var candidate = false
    for byte in paragraph.utf8 {
      if afterDigit && byte >= 0xE0 {
        candidate = true
        break
      }
      afterDigit = byte >= 0x30 && byte <= 0x39
    }
    guard candidate, units.contains(where: { paragraph.contains($0) }) else { return false }
    let chars = Array(paragraph)
    for i in chars.indices.dropLast() where chars[i].isASCII && chars[i].isNumber {
      let rest = String(chars[(i + 1)..<min(chars.count, i + 3)])
      if units.contains(where: { rest.hasPrefix($0) }) { return true }
    }
    return false
  }

  /// The raw tokens with each number followed by a unit made one token.
  static func gluingUnits(_ raw: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < raw.count {
      var t = raw[i]
      i += 1
      if t.last.map({ $0.isASCII && $0.isNumber }) == true {
        for unit in units {
          let n = unit.count
          guard i + n <= raw.count, raw[i..<(i + n)].joined() == unit else { continue }
          t += unit
          i += n
          break
        }
      }
      out.append(t)
    }
    return out
  }

  private static func isCJK(_ c: Character) -> Bool {
    // A lone ASCII or common CJK scalar without the character path (most of what is wrapped).
    let scalars = c.unicodeScalars
    if scalars.count == 1, let v = scalars.first?.value {
      if v < 0x300 { return false }
      if DisplayWidth.isCommonWide(v) { return true }
    }
    return DisplayWidth.of(c) == 2
  }

  /// Breakable tokens: runs of non-space Latin text, single CJK characters, spaces; closing
  /// punctuation glued to what precedes it and opening punctuation to what follows.
  /// A code span (`…`, a command or a name to type) is one token: its spaces and CJK
  /// characters do not break, so what is to be typed stays on one line unless wider than it.
  static func tokens(_ paragraph: String) -> [String] {
    let spans = codeSpans(paragraph)
    // Text without CJK, combining marks or emoji (every scalar below U+0300): words and single
    // spaces, found on the bytes; the rules below give exactly these tokens for such text, and
    // walking it by characters was the largest part of wrapping a table of 10,000 rows.
    if spans.isEmpty, paragraph.unicodeScalars.allSatisfy({ $0.value < 0x300 }) {
      var out: [String] = []
      let u = paragraph.utf8
      var start = u.startIndex
      var i = start
      while i != u.endIndex {
        if u[i] == 0x20 {
          if start != i { out.append(String(paragraph[start..<i])) }
          out.append(" ")
          start = u.index(after: i)
        }
        i = u.index(after: i)
      }
      if start != u.endIndex { out.append(String(paragraph[start..<u.endIndex])) }
      return out
    }
    var raw: [String] = []
    var current = ""
    var spanIndex = 0
    var index = paragraph.startIndex
    while index != paragraph.endIndex {
      let c = paragraph[index]
      if spanIndex < spans.count, spans[spanIndex].lowerBound == index {
        // The whole span, glued to the word it is written against.
        current += paragraph[spans[spanIndex]]
        index = spans[spanIndex].upperBound
        spanIndex += 1
        continue
      }
      index = paragraph.index(after: index)
      if c == " " {
        if !current.isEmpty {
          raw.append(current)
          current = ""
        }
        raw.append(" ")
      } else if isCJK(c) {
        if !current.isEmpty {
          raw.append(current)
          current = ""
        }
        raw.append(String(c))
      } else {
        current.append(c)
      }
    }
    if !current.isEmpty { raw.append(current) }

    raw = gluingUnits(raw)
    var tokens: [String] = []
    var glueNext = false
    for t in raw {
      if t == " " {
        tokens.append(t)
        glueNext = false
        continue
      }
      if let last = tokens.last, last != " ", glueNext || t.first.map({ noBreakBefore.contains($0) }) == true {
        tokens[tokens.count - 1] = last + t
      } else {
        tokens.append(t)
      }
      glueNext = t.last.map { noBreakAfter.contains($0) } ?? false
    }
    return tokens
  }

  /// The ranges of the code spans of a paragraph: a backquote, at least one character, the
  /// next backquote. A lone backquote is an ordinary character.
  static func codeSpans(_ paragraph: String) -> [Range<String.Index>] {
    guard paragraph.utf8Contains(0x60) else { return [] }
    var spans: [Range<String.Index>] = []
    var open: String.Index?
    var index = paragraph.startIndex
    while index != paragraph.endIndex {
      let next = paragraph.index(after: index)
      if paragraph[index] == "`" {
        if let start = open, paragraph.index(after: start) != index {
          spans.append(start..<next)
          open = nil
        } else {
          open = index
        }
      }
      index = next
    }
    return spans
  }

  /// The display width of the widest token of a one-line text: the narrowest a table column
  /// can be without breaking a word of it (or a code span) in the middle.
  static func longestToken(_ text: String) -> Int {
    if let w = simpleLongestToken(text) { return w }
    return tokens(text).reduce(0) { max($0, $1 == " " ? 0 : DisplayWidth.of($1)) }
  }

  private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
    if DisplayWidth.of(paragraph) <= width { return [paragraph] }
    // The byte walk knows nothing of units: a number with a Chinese unit takes the character walk.
    if hasNumberAndUnit(paragraph) { return walkedLines(paragraph, width: width) }
    return simpleLines(paragraph, width: width) ?? walkedLines(paragraph, width: width)
  }

  /// The lines of a paragraph by its `tokens` (a walk by characters).
  static func walkedLines(_ paragraph: String, width: Int) -> [String] {
    let tokens = tokens(paragraph)

    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for token in tokens {
      let w = DisplayWidth.of(token)
      if token == " " {
        if lineWidth > 0 && lineWidth + 1 <= width {
          line += " "
          lineWidth += 1
        }
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

extension Wrap {
  /// One output line wrapped to `width` at word boundaries (CJK between characters, by the
  /// line-breaking rules), keeping its leading spaces and hanging continuation lines under the
  /// text: after a list marker (`• `, `· `, `+ `, `- `, `→ `, `✓ `, `✗ `, `1. `), or after a
  /// two-column gap (two or more spaces) in the left half of the line. Lines that fit are
  /// returned as they are. Each result is (prefix, body): continuation prefixes are spaces.
  static func hanging(_ line: String, width: Int) -> [(prefix: String, body: String)] {
    guard DisplayWidth.of(line) > width else { return [(prefix: "", body: line)] }
    let chars = Array(line)
    var i = 0
    while i < chars.count, chars[i] == " " { i += 1 }
    var hangEnd = i
    let markers: Set<Character> = ["•", "·", "+", "-", "*", "→", "✓", "✗", "!", "?"]
    if i + 1 < chars.count, markers.contains(chars[i]), chars[i + 1] == " " {
      hangEnd = i + 2
    } else {
      var j = i
      while j < chars.count, chars[j].isNumber { j += 1 }
      if j > i, j + 1 < chars.count, chars[j] == "." || chars[j] == ")", chars[j + 1] == " " { hangEnd = j + 2 }
    }
    if hangEnd == i {
      // A two-column line: text, a gap of two or more spaces, text.
      var j = i
      while j + 2 < chars.count {
        if chars[j] != " ", chars[j + 1] == " ", chars[j + 2] == " " {
          var k = j + 1
          while k < chars.count, chars[k] == " " { k += 1 }
          let column = DisplayWidth.of(String(chars[..<k]))
          if k < chars.count, column <= width / 2, width - column >= 16 { hangEnd = k }
          break
        }
        j += 1
      }
    }
    let head = String(chars[..<hangEnd])
    let hang = DisplayWidth.of(head)
    let bodyWidth = max(8, width - hang)
    let body = String(chars[hangEnd...])
    let pieces = wrapParagraph(body, width: bodyWidth)
    let pad = String(repeating: " ", count: hang)
    return pieces.enumerated().map { n, piece in (prefix: n == 0 ? head : pad, body: piece) }
  }
}

extension StyledText {
  /// Every line wider than `width` wrapped at word boundaries (see `Wrap.hanging`), styles
  /// kept. What fits is unchanged, so text already laid out for the width (tables, wrapped
  /// paragraphs) passes through as it is.
  public func wrapped(width: Int) -> StyledText {
    var out = StyledText()
    var cells: [(Character, Style)] = []
    func appendCell(_ c: Character, _ style: Style, to out: inout StyledText) {
      if let last = out.spans.last, last.style == style {
        out.spans[out.spans.count - 1].text.append(c)
      } else {
        out.spans.append(Span(String(c), style))
      }
    }
    func emit(_ cells: [(Character, Style)], into out: inout StyledText) {
      let plainLine = String(cells.map(\.0))
      let pieces = Wrap.hanging(plainLine, width: width)
      var cursor = 0
      for (n, piece) in pieces.enumerated() {
        if n > 0 {
          appendCell("\n", .plain, to: &out)
          for c in piece.prefix { appendCell(c, .plain, to: &out) }
        }
        let matched = n == 0 ? piece.prefix + piece.body : piece.body
        for c in matched {
          while cursor < cells.count, cells[cursor].0 != c, cells[cursor].0 == " " { cursor += 1 }
          if cursor < cells.count, cells[cursor].0 == c {
            appendCell(c, cells[cursor].1, to: &out)
            cursor += 1
          } else {
            appendCell(c, .plain, to: &out)
          }
        }
      }
    }
    for span in spans {
      for c in span.text {
        if c == "\n" {
          emit(cells, into: &out)
          cells = []
          appendCell("\n", span.style, to: &out)
        } else {
          cells.append((c, span.style))
        }
      }
    }
    if !cells.isEmpty { emit(cells, into: &out) }
    return out
  }
}
