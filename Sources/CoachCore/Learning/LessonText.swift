/// Lesson pages as the terminal shows them: the playbook's text reflowed into paragraphs and
/// bullets, then wrapped to the width (CJK-aware, via `Wrap`).
///
/// Playbook pages are written as YAML literal blocks with hard line breaks at about 78
/// columns. The reading rules: a line starting with `- ` starts a bullet; an indented line
/// continues the bullet above it; any other line continues the paragraph above it, or starts a
/// new paragraph after a bullet; a blank line ends a paragraph. Joined lines get a space
/// between them unless either side is a wide (CJK) character.
public enum LessonText {
  public enum Block: Equatable, Sendable {
    case paragraph(String)
    case bullet(String)
  }

  public static func blocks(_ text: String) -> [Block] {
    var blocks: [Block] = []
    var current: Block? = nil
    func flush() {
      if let c = current { blocks.append(c) }
      current = nil
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let trimmed = line.trimmingWhitespace
      if trimmed.isEmpty {
        flush()
      } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("• ") {
        flush()
        current = .bullet(String(trimmed.dropFirst(2)).trimmingWhitespace)
      } else if line.first == " ", case .bullet(let text)? = current {
        current = .bullet(join(text, trimmed))
      } else if case .paragraph(let text)? = current {
        current = .paragraph(join(text, trimmed))
      } else {
        flush()
        current = .paragraph(trimmed)
      }
    }
    flush()
    return blocks
  }

  /// The text wrapped to `width`: paragraphs flush left, bullets as `• ` with a hanging indent.
  public static func wrapped(_ text: String, width: Int, indent: String = "") -> [String] {
    var lines: [String] = []
    for block in blocks(text) {
      switch block {
      case .paragraph(let p):
        lines += Wrap.lines(p, width: width, indent: indent)
      case .bullet(let b):
        let body = Wrap.lines(b, width: width - DisplayWidth.of(indent) - 2)
        for (i, line) in body.enumerated() { lines.append(indent + (i == 0 ? "• " : "  ") + line) }
      }
    }
    return lines
  }

  /// Joins two lines of one paragraph: a space between words, none next to CJK characters.
  static func join(_ a: String, _ b: String) -> String {
    guard let last = a.last, let first = b.first else { return a + b }
    if DisplayWidth.of(last) == 2 || DisplayWidth.of(first) == 2 { return a + b }
    return a + " " + b
  }
}

/// Finds a lesson from what the user typed: its id, a unique start of its id, or its number
/// in the list (1-based; full-width digits too).
public enum LessonLookup {
  public enum Result: Equatable, Sendable {
    case found(Lesson)
    case ambiguous([String])
    case notFound
  }

  public static func find(_ word: String, in lessons: [Lesson]) -> Result {
    let w = AnswerParsing.normalise(word).lowercased()
    guard !w.isEmpty else { return .notFound }
    if let exact = lessons.first(where: { $0.id.lowercased() == w }) { return .found(exact) }
    if let n = Int(w) {
      return (1...max(1, lessons.count)).contains(n) && !lessons.isEmpty ? .found(lessons[n - 1]) : .notFound
    }
    let byID = lessons.filter { $0.id.lowercased().hasPrefix(w) }
    if byID.count == 1 { return .found(byID[0]) }
    if byID.count > 1 { return .ambiguous(byID.map(\.id)) }
    let byTitle = lessons.filter { $0.title.lowercased().hasPrefix(w) }
    if byTitle.count == 1 { return .found(byTitle[0]) }
    if byTitle.count > 1 { return .ambiguous(byTitle.map(\.id)) }
    return .notFound
  }
}
