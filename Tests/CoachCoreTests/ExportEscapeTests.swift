import CoachTestSupport
import Testing

@testable import CoachCore

/// Escaping for Markdown, HTML and CSV, the CSV round trip and the JSON export.
@Suite struct ExportEscapeTests {
  // MARK: Markdown

  @Test func markdownEscapesInlineSyntax() {
    #expect(MarkdownEscape.text("*a* _b_ [x](y) `c` <b> & | # ~ $ ^ {}") == ##"\*a\* \_b\_ \[x\](y) \`c\` \<b\> \& \| \# \~ \$ \^ \{\}"##)
    #expect(MarkdownEscape.text("back\\slash") == "back\\\\slash")
  }

  @Test func markdownEscapesLeadingBlockMarkers() {
    #expect(MarkdownEscape.text("- item") == "\\- item")
    #expect(MarkdownEscape.text("+ item") == "\\+ item")
    #expect(MarkdownEscape.text("=== x") == "\\=== x")
    #expect(MarkdownEscape.text("1. one") == "1\\. one")
    #expect(MarkdownEscape.text("12) twelve") == "12\\) twelve")
    #expect(MarkdownEscape.text("a. letter") == "a\\. letter")
    #expect(MarkdownEscape.text(": definition") == "\\: definition")
    #expect(MarkdownEscape.text("> quote") == "\\> quote")
    // Not markers: left alone.
    #expect(MarkdownEscape.text("e.g. this") == "e.g. this")
    #expect(MarkdownEscape.text("2,400,000 CNY") == "2,400,000 CNY")
    #expect(MarkdownEscape.text("well-known - fine") == "well-known - fine")
  }

  @Test func markdownFlattensLinesAndSpacesAndShowsControls() {
    #expect(MarkdownEscape.text("one\n\n    two\tthree") == "one two three")
    #expect(MarkdownEscape.text("trailing  ") == "trailing ")
    #expect(MarkdownEscape.text("a\u{1B}[31mb") == #"a\\u\{1B\}\[31mb"#)
    #expect(MarkdownEscape.text("\u{202E}x") == #"\\u\{202E\}x"#)
    #expect(MarkdownEscape.text("- not at the start", atStart: false) == "- not at the start")
  }

  @Test func markdownEmphasisClosesNextToChinesePunctuation() {
    // Followed by a letter: trailing punctuation goes outside, or the delimiter would not close.
    #expect(MarkdownEscape.emphasis("价格：", "**", next: "底") == "**价格**：")
    #expect(MarkdownEscape.emphasis("Price:", "**", next: "w") == "**Price**:")
    // Followed by a space, punctuation or the end of the line: it stays inside.
    #expect(MarkdownEscape.emphasis("Theirs (our estimate)", "**", next: ":") == "**Theirs (our estimate)**")
    #expect(MarkdownEscape.emphasis("Common interests: ", "**", next: "A") == "**Common interests:** ")
    // A bracket moved out takes its partner along (`（*约合 100）*` renders 约合 100） in italics).
    #expect(MarkdownEscape.emphasis("（约合 100）", "*", prev: "值") == "（*约合 100*）")
    #expect(MarkdownEscape.emphasis(" (12 of 12)", "*", prev: "0") == " *(12 of 12)*")
    #expect(MarkdownEscape.emphasis("—", "*") == "*—*")
    #expect(MarkdownEscape.emphasis("  ", "*") == " ")
    #expect(MarkdownEscape.emphasis("a*b", "**") == "**a\\*b**")
  }

  // MARK: HTML

  @Test func htmlEscapesTheFiveAndShowsControls() {
    #expect(HTMLEscape.text(#"<script>alert("x" & 'y')</script>"#) == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    #expect(HTMLEscape.text("a\u{1B}b\u{0}c") == "a\\u{1B}b\\u{00}c")
    #expect(HTMLEscape.text("x\u{FFFE}") == "x\\u{FFFE}")
    #expect(HTMLEscape.text("中文 ok") == "中文 ok")
  }

  @Test func htmlPageIsSelfContained() {
    let plan = ExportFixturePlans.hostile()
    let doc = BriefBuilder(plan: plan, labels: Labels(Fixtures.playbook(.en), L10n(.en)), findings: [], today: CalendarDay("2026-11-23")!, full: true).build()
    let html = HTMLBrief.render(doc)
    let lower = html.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("<img"))
    #expect(!lower.contains("<a "))
    // Inside tags (escaped text has no raw `<`): no URL attributes, no event handlers.
    for tag in lower.split(separator: "<").dropFirst().map({ $0.prefix { $0 != ">" } }) {
      #expect(!tag.contains("src=") && !tag.contains("href=") && !tag.contains(" on"), "tag <\(tag)>")
    }
    #expect(!lower.contains("url("))
    #expect(!lower.contains("@import"))
    #expect(html.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"))
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("@media print"))
    // Every tag the page uses is one the renderer writes.
    let allowed: Set<String> = [
      "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main", "section", "h2",
      "div", "h3", "span", "dl", "dt", "dd", "ul", "li", "blockquote", "table", "thead", "tbody", "tfoot",
      "tr", "th", "td", "strong", "br", "b", "i",
    ]
    var tags: Set<String> = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      let name = rest.prefix { $0 != " " && $0 != ">" && $0 != "\n" }.lowercased()
      tags.insert(name.hasPrefix("/") ? String(name.dropFirst()) : name)
    }
    #expect(tags.isSubset(of: allowed), "unexpected tags: \(tags.subtracting(allowed))")
  }

  // MARK: CSV

  @Test func csvRoundTripsStakeholders() throws {
    let plan = ExportFixturePlans.typical(.zh)
    let text = CSVExport.render(.stakeholders, plan: plan, labels: Labels(Fixtures.playbook(.zh), L10n(.zh)), today: CalendarDay("2026-11-23")!)
    #expect(text.hasSuffix("\r\n"))
    let rows = try CSVReader.parse(text)
    #expect(rows.first == CSVExport.stakeholderColumns)
    #expect(rows.count == plan.stakeholders.count + 1)
    for (row, s) in zip(rows.dropFirst(), plan.stakeholders) {
      #expect(
        row == [
          "华东电力集团", s.name, s.title ?? "", s.role?.rawValue ?? "", Labels(Fixtures.playbook(.zh), L10n(.zh)).role(s.role),
          s.influence.map(String.init) ?? "", s.attitude?.rawValue ?? "", Labels(Fixtures.playbook(.zh), L10n(.zh)).attitude(s.attitude),
          s.concerns ?? "", s.notes ?? "",
        ])
    }
  }

  @Test func csvQuotesAndNeutralisesFormulas() throws {
    #expect(CSVExport.field("plain") == "plain")
    #expect(CSVExport.field("a,b") == "\"a,b\"")
    #expect(CSVExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVExport.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVExport.field("=1+1") == "'=1+1")
    #expect(CSVExport.field("  +86 21") == "'  +86 21")
    // A plain number is a number, not a formula: a negative NPS stays `-33`.
    #expect(CSVExport.field("-5") == "-5")
    #expect(CSVExport.field("-33") == "-33" && CSVExport.field("-0.25") == "-0.25" && CSVExport.field("1e+20") == "1e+20")
    // Text that starts like a number is still guarded.
    #expect(CSVExport.field("-5 apples") == "'-5 apples")
    #expect(CSVExport.field("-1+2") == "'-1+2")
    #expect(CSVExport.field("+33") == "'+33")
    #expect(CSVExport.field("-") == "'-" && CSVExport.field("-.5") == "'-.5" && CSVExport.field("- 3") == "'- 3")
    #expect(CSVExport.field("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVExport.field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
    #expect(CSVExport.field("bell\u{07}") == "bell\\u{07}")
  }

  @Test func csvActionsMarkOverdue() throws {
    let plan = ExportFixturePlans.typical(.en)
    let rows = try CSVReader.parse(CSVExport.render(.actions, plan: plan, labels: Labels(nil, L10n(.en)), today: CalendarDay("2026-11-23")!))
    #expect(rows.first == CSVExport.actionColumns)
    #expect(rows.count == 5)
    #expect(rows[2] == ["Acme Manufacturing", "Book the reference visit in Ningbo", "Jia Min", "2026-11-18", "false", "true", "2026-10-05T08:30:00Z", ""])
    #expect(rows[4][4] == "true" && rows[4][5] == "false")
  }

  @Test func csvOfHostileValuesParsesBackToTheSafeForms() throws {
    let plan = ExportFixturePlans.hostile()
    let rows = try CSVReader.parse(CSVExport.render(.stakeholders, plan: plan, labels: Labels(nil, L10n(.en)), today: CalendarDay("2026-11-23")!))
    #expect(rows.allSatisfy { $0.count == CSVExport.stakeholderColumns.count })
    #expect(rows[1][1] == "<script>alert('owned')</script>")
    #expect(rows[1][2] == "| pipe | in | a | cell |")
    #expect(rows[2][1] == "'=HYPERLINK(\"https://evil.example\",\"click\")")
    #expect(rows[2][2] == "'+86 21 5555 0000")
    #expect(rows[4][1] == "'@SUM(A1:A9)")
    #expect(rows[5][8] == ExportFixturePlans.hostileValues[12])
  }

  // MARK: JSON

  @Test func jsonForTheTerminalIsTheSameValue() throws {
    var plan = ExportFixturePlans.hostile()
    plan.account.notes = "C1 \u{85} and bidi \u{202E} and zero-width \u{200B}"
    let safe = PlanJSONExport.terminalSafe(plan.fileText)
    #expect(!safe.unicodeScalars.contains(where: Sanitizer.isUnsafe))
    #expect(safe.contains("\\u202e"))
    #expect(try JSONParser.parse(safe) == plan.json)
    #expect(PlanJSONExport.terminalSafe(ExportFixturePlans.typical(.zh).fileText) == ExportFixturePlans.typical(.zh).fileText)
  }
}
