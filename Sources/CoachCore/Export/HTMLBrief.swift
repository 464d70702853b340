/// The meeting brief as one self-contained, printable HTML page: inline CSS with print styles
/// and an A4 page, no scripts, no external resources (a Content-Security-Policy that forbids
/// fetching anything, in case), every value escaped with `HTMLEscape`.
public enum HTMLBrief {
  public static func render(_ doc: BriefDocument) -> String {
    let lang = doc.lang == .zh ? "zh" : "en"
    var out = """
      <!DOCTYPE html>
      <html lang="\(lang)">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLEscape.text(doc.title))</title>
      <style>
      \(HTMLBriefStyle.css)</style>
      </head>
      <body class="\(doc.full ? "full" : "brief") lang-\(lang)">
      <header class="masthead">
      <h1>\(HTMLEscape.text(doc.title))</h1>
      <p class="sub">\(inline(doc.subtitle))</p>
      </header>
      <main>

      """
    for section in doc.sections {
      out += "<section class=\"\(section.id)\" id=\"\(section.id)\">\n<h2>\(HTMLEscape.text(section.title))</h2>\n"
      var groups: [BriefGroup] = []
      func flushGroups() {
        guard !groups.isEmpty else { return }
        out += "<div class=\"groups\">\n"
        for g in groups { out += group(g) }
        out += "</div>\n"
        groups = []
      }
      for block in section.blocks {
        if case .group(let g) = block {
          groups.append(g)
        } else {
          flushGroups()
          out += render(block)
        }
      }
      flushGroups()
      out += "</section>\n"
    }
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  static func group(_ g: BriefGroup) -> String {
    var out = "<div class=\"group g-\(classSafe(g.id))\">\n<h3>\(HTMLEscape.text(g.title))"
    if let note = g.note { out += " <span class=\"note\">\(HTMLEscape.text(note))</span>" }
    out += "</h3>\n"
    for block in g.blocks { out += render(block) }
    return out + "</div>\n"
  }

  static func render(_ block: BriefBlock) -> String {
    switch block {
    case .paragraph(let inlines):
      return "<p>\(inline(inlines))</p>\n"
    case .group(let g):
      return group(g)
    case .fields(let fields):
      var out = "<dl class=\"fields\">\n"
      for f in fields { out += "<div><dt>\(HTMLEscape.text(f.label))</dt><dd>\(inline(f.value))</dd></div>\n" }
      return out + "</dl>\n"
    case .list(let items):
      return "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
    case .numbered(let items):
      return "<ol>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ol>\n"
    case .quote(let inlines):
      return "<blockquote>\(inline(inlines))</blockquote>\n"
    case .table(let t):
      return table(t)
    case .bars(let bars):
      var out = "<div class=\"bars\">\n"
      for b in bars {
        let percent = b.maximum > 0 ? min(100, max(0, b.value * 100 / b.maximum)) : 0
        out += "<div class=\"bar-row\"><span class=\"bar-label\">\(HTMLEscape.text(b.label))</span>"
        out += "<span class=\"bar\"><span class=\"fill\" style=\"width: \(percent)%\"></span></span>"
        out += "<span class=\"bar-value\">\(b.value)/\(b.maximum)</span>"
        out += "<span class=\"bar-detail\">\(HTMLEscape.text(b.detail))</span></div>\n"
      }
      return out + "</div>\n"
    case .zopa(let z):
      return zopa(z)
    }
  }

  static func inline(_ inlines: [BriefInline]) -> String {
    var out = ""
    for piece in inlines {
      switch piece {
      case .text(let s): out += HTMLEscape.text(s)
      case .strong(let s): out += "<strong>\(HTMLEscape.text(s))</strong>"
      case .quiet(let s): out += "<span class=\"quiet\">\(HTMLEscape.text(s))</span>"
      case .tone(let s, let tone): out += "<span class=\"tone-\(tone.rawValue)\">\(HTMLEscape.text(s))</span>"
      case .lineBreak: out += "<br>"
      }
    }
    return out
  }

  static func table(_ t: BriefTable) -> String {
    var out = "<table" + (t.kind.map { " class=\"\(classSafe($0))\"" } ?? "") + ">\n<thead><tr>"
    func cellClass(_ i: Int) -> String { t.numeric.contains(i) ? " class=\"num\"" : "" }
    for (i, h) in t.header.enumerated() { out += "<th\(cellClass(i))>\(HTMLEscape.text(h))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for row in t.rows {
      out += "<tr>" + row.enumerated().map { "<td\(cellClass($0))>\(inline($1))</td>" }.joined() + "</tr>\n"
    }
    out += "</tbody>\n"
    if let footer = t.footer {
      out += "<tfoot><tr>" + footer.enumerated().map { "<td\(cellClass($0))>\(inline($1))</td>" }.joined() + "</tr></tfoot>\n"
    }
    return out + "</table>\n"
  }

  /// The ZOPA on one axis: our range from walk-away to best, their limit, and the zone.
  static func zopa(_ z: BriefZOPA) -> String {
    let values = z.marks.map(\.value)
    guard let lo0 = values.min(), let hi0 = values.max() else { return "" }
    let pad = max((hi0 - lo0) * 0.08, abs(hi0) * 0.02, 1)
    let lo = lo0 - pad
    let hi = hi0 + pad
    func at(_ v: Double) -> Double { min(100, max(0, (v - lo) / (hi - lo) * 100)) }
    func pct(_ p: Double) -> String { JSONWriter.formatNumber((p * 10).rounded() / 10) + "%" }
    func range(_ kind: String, _ a: Double, _ b: Double) -> String {
      "<span class=\"range \(kind)\" style=\"left: \(pct(at(a))); width: \(pct(at(b) - at(a)))\"></span>\n"
    }
    var out = "<div class=\"zopa-axis\">\n"
    let ours = z.marks.filter { $0.key != "T" }.map(\.value)
    if let a = ours.min(), let b = ours.max() { out += range("ours", a, b) }
    if let (a, b) = z.zone { out += range("zone", a, b) }
    for m in z.marks {
      out += "<span class=\"mark m-\(classSafe(m.key))\" style=\"left: \(pct(at(m.value)))\"><b>\(HTMLEscape.text(m.key))</b></span>\n"
    }
    out += "</div>\n<p class=\"zopa-legend\">"
    out += z.marks.map { "<b>\(HTMLEscape.text($0.key))</b> \(HTMLEscape.text($0.label)) \(HTMLEscape.text(Blocks.number($0.value)))" }.joined(separator: " · ")
    return out + "</p>\n"
  }

  /// Ids used as class names: letters, digits and dashes only.
  static func classSafe(_ id: String) -> String {
    String(
      id.unicodeScalars.map { s -> Character in
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-") ? Character(s) : "-"
      })
  }
}
