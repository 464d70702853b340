/// The meeting brief as Markdown that renders the same on GitHub and with pandoc: ATX
/// headings, `-` lists, pipe tables, `>` quotes, `**`/`*` emphasis and backslash hard breaks.
/// Every string from the plan, the playbook or the translations goes through `MarkdownEscape`.
public enum MarkdownBrief {
  public static func render(_ doc: BriefDocument) -> String {
    let l = L10n(doc.lang)
    var blocks: [String] = ["# " + MarkdownEscape.text(doc.title, atStart: false), inline(doc.subtitle, lineBreak: " ")]
    for section in doc.sections {
      blocks.append("## " + MarkdownEscape.text(section.title, atStart: false))
      for block in section.blocks {
        if let text = render(block, l) { blocks.append(text) }
      }
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  static func render(_ block: BriefBlock, _ l: L10n) -> String? {
    switch block {
    case .paragraph(let inlines):
      return inline(inlines, lineBreak: "\\\n")
    case .group(let group):
      var parts = ["### " + MarkdownEscape.text(group.title, atStart: false) + (group.note.map { " " + MarkdownEscape.emphasis($0, "*", prev: " ") } ?? "")]
      parts += group.blocks.compactMap { render($0, l) }
      return parts.joined(separator: "\n\n")
    case .fields(let fields):
      return fields.map { f in
        "- " + MarkdownEscape.emphasis(f.label, "**", next: ":", atStart: true) + (l.lang == .zh ? "：" : ": ") + inline(f.value, lineBreak: "\\\n  ", atStart: false)
      }.joined(separator: "\n")
    case .list(let items):
      return items.map { "- " + inline($0, lineBreak: "\\\n  ") }.joined(separator: "\n")
    case .quote(let inlines):
      return "> " + inline(inlines, lineBreak: "\\\n> ")
    case .table(let table):
      return self.table(table)
    case .bars(let bars):
      return bars.map { b in
        "- " + MarkdownEscape.emphasis(b.label, "**", next: " ", atStart: true) + " \(b.value)/\(b.maximum) — " + MarkdownEscape.text(b.detail, atStart: false)
      }.joined(separator: "\n")
    case .zopa:
      // The ZOPA is stated in words in the paragraph before it; the picture is for HTML only.
      return nil
    case .numbered(let items):
      // A CommonMark ordered list; a continued line is indented past its marker.
      return items.enumerated().map { i, item in
        let marker = "\(i + 1). "
        return marker + inline(item, lineBreak: "\\\n" + String(repeating: " ", count: marker.count))
      }.joined(separator: "\n")
    }
  }

  /// Inline runs, with `lineBreak` where the value had a line break. `atStart`: the runs begin
  /// a block (a paragraph, a list item), so a leading marker must be escaped; after a line break
  /// they always do.
  static func inline(_ inlines: [BriefInline], lineBreak: String, atStart: Bool = true) -> String {
    var out = ""
    var lineStart = atStart
    var prev: Character? = nil
    for (i, piece) in inlines.enumerated() {
      // The raw character that follows this run on the line (nil: the end of the line).
      var next: Character? = nil
      for later in inlines[(i + 1)...] {
        if case .lineBreak = later { break }
        if let c = later.raw.first {
          next = c
          break
        }
      }
      var run: String
      switch piece {
      case .text(let s): run = MarkdownEscape.text(s, atStart: lineStart)
      case .strong(let s): run = MarkdownEscape.emphasis(s, "**", prev: prev, next: next, atStart: lineStart)
      case .quiet(let s): run = MarkdownEscape.emphasis(s, "*", prev: prev, next: next, atStart: lineStart)
      case .tone(let s, let tone):
        run = tone == .good ? MarkdownEscape.text(s, atStart: lineStart) : MarkdownEscape.emphasis(s, "**", prev: prev, next: next, atStart: lineStart)
      case .lineBreak: run = lineBreak
      }
      // Two emphasis runs side by side would merge into one delimiter run (`***`): keep them apart.
      if out.hasSuffix("*") && !out.hasSuffix("\\*") && run.hasPrefix("*") { run = " " + run }
      out += run
      if case .lineBreak = piece {
        lineStart = true
        prev = nil
      } else if !piece.raw.isEmpty {
        lineStart = false
        prev = out.last
      }
    }
    return out.isEmpty ? "—" : out
  }

  /// A pipe table: cells on one line each, `|` escaped, numbers right-aligned.
  static func table(_ t: BriefTable) -> String {
    func row(_ cells: [String]) -> String { "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |" }
    var lines = [row(t.header.map { MarkdownEscape.text($0, atStart: false) })]
    lines.append("|" + t.header.indices.map { t.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
    for r in t.rows { lines.append(row(r.map { $0.isEmpty ? "" : inline($0, lineBreak: " ", atStart: false) })) }
    if let footer = t.footer { lines.append(row(footer.map { $0.isEmpty ? "" : inline($0, lineBreak: " ", atStart: false) })) }
    return lines.joined(separator: "\n")
  }
}
