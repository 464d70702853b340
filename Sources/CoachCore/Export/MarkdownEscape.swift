/// Makes any text safe to put into Markdown so that it renders as exactly that text on GitHub
/// (CommonMark/GFM) and with pandoc, whatever it contains: no answer can start a heading, list,
/// quote, table row, code block, link, image, footnote, math or raw HTML, or end a table cell.
///
/// - control characters and escape sequences are shown visibly first (`Sanitizer`), tabs and
///   newlines become spaces and runs of spaces one space (no indented code, no hard breaks);
/// - every ASCII character with a meaning somewhere in GFM or pandoc's Markdown is
///   backslash-escaped (both accept a backslash before any ASCII punctuation): `\` `` ` `` `*`
///   `_` `[` `]` `<` `>` `#` `|` `~` `&` `$` `^` `{` `}`;
/// - a leading list, heading-underline or definition marker (`-` `+` `=` `:` `(` `%`, `1.`,
///   `a)`) is escaped too, so the text cannot open a block when it lands at the start of a line.
public enum MarkdownEscape {
  static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "$", "^", "{", "}"]
  static let leadingMarkers: Set<Unicode.Scalar> = ["-", "+", "=", ":", "(", "%"]

  /// One run of inline text. `atStart`: the text may begin a line, so a leading block marker
  /// is escaped too.
  public static func text(_ raw: String, atStart: Bool = true) -> String {
    let flat = Sanitizer.clean(raw.replacingAll("\n", with: " "), multiline: false)
    // Collapse whitespace so no run of spaces can indent a code block or make a hard break.
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(flat.unicodeScalars.count)
    for s in flat.unicodeScalars {
      if s.properties.isWhitespace {
        if scalars.last != " " { scalars.append(" ") }
      } else {
        scalars.append(s)
      }
    }
    let start = scalars.firstIndex { $0 != " " } ?? scalars.count
    let escapeAt = atStart ? leadingMarkerIndex(scalars, from: start) : nil
    var out = String.UnicodeScalarView()
    for (i, s) in scalars.enumerated() {
      if special.contains(s) || i == escapeAt { out.append("\\") }
      out.append(s)
    }
    return String(out)
  }

  /// Where a leading block marker sits (to escape it), if the text begins with one.
  static func leadingMarkerIndex(_ s: [Unicode.Scalar], from start: Int) -> Int? {
    guard start < s.count else { return nil }
    if leadingMarkers.contains(s[start]) { return start }
    // `1.` `12)` `a.` `iv)`: an ordered or pandoc "fancy" list marker.
    var i = start
    while i < s.count, i - start < 10, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) { i += 1 }
    guard i > start, i < s.count, s[i] == "." || s[i] == ")" else { return nil }
    return i + 1 == s.count || s[i + 1] == " " ? i : nil
  }

  /// Text inside `**…**` or `*…*`. `prev` and `next` are the characters around it on the line
  /// (nil: the start or end of the line). The delimiters must open and close under CommonMark's
  /// flanking rules, which fail next to punctuation: `**价格：**底线` is not bold. So leading or
  /// trailing punctuation that would stop them is moved outside (`**价格**：底线`), whitespace
  /// always is. Judged conservatively for both CommonMark 0.29 (GitHub) and 0.31 (symbols count
  /// as punctuation).
  public static func emphasis(_ raw: String, _ delimiter: String, prev: Character? = nil, next: Character? = nil, atStart: Bool = false) -> String {
    var core = Array(raw)
    var lead: [Character] = []
    var trail: [Character] = []
    while let c = core.first, c.isWhitespace { lead.append(core.removeFirst()) }
    while let c = core.last, c.isWhitespace { trail.insert(core.removeLast(), at: 0) }
    // A character inside the delimiters that may count as punctuation, and one outside that
    // surely does (or is whitespace, or the line's edge).
    func mayBePunct(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }
    func boundary(_ c: Character?) -> Bool { c.map { $0.isWhitespace || $0.isPunctuation || ($0.isASCII && $0.isSymbol) } ?? true }
    while let c = core.first, mayBePunct(c), !boundary(lead.last ?? prev) { lead.append(core.removeFirst()) }
    while let c = core.last, mayBePunct(c), !boundary(trail.first ?? next) { trail.insert(core.removeLast(), at: 0) }
    // Punctuation moved out on one side takes the other side's with it, so a bracket and its
    // partner stay together: `价值展示（*第 4/6 步*）`, not `价值展示（*第 4/6 步）*`. Punctuation
    // can always go outside: the delimiters then sit next to letters, where they open and close.
    if lead.contains(where: mayBePunct) || trail.contains(where: mayBePunct) {
      while let c = core.first, mayBePunct(c) { lead.append(core.removeFirst()) }
      while let c = core.last, mayBePunct(c) { trail.insert(core.removeLast(), at: 0) }
    }
    guard !core.isEmpty else { return text(raw, atStart: atStart) }
    return (lead.isEmpty ? "" : text(String(lead), atStart: atStart)) + delimiter + text(String(core), atStart: false) + delimiter
      + (trail.isEmpty ? "" : text(String(trail), atStart: false))
  }
}
