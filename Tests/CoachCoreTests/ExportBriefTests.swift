import CoachTestSupport
import Testing

@testable import CoachCore

/// The meeting brief: golden Markdown and HTML for fixture plans in both languages (typical and
/// hostile), and the rules of the one-page selection.
@Suite struct ExportBriefTests {
  static let today = CalendarDay("2026-11-23")!

  /// Findings as `check` would give them (fixed here so the goldens do not move with the rules).
  static func findings(_ lang: Lang) -> [Finding] {
    let l = L10n(lang)
    return [
      Finding(
        id: "concession-without-return", severity: .warning, section: .negotiation,
        message: l.t(
          "Concession ‘Spare-parts kit at cost’ asks for nothing in return: name what you get for it.",
          "让步“备件按成本价供应”没有要求任何回报：写明换取什么。"), values: [:]),
      Finding(
        id: "action-overdue", severity: .warning, section: .actions,
        message: l.t("1 action is overdue: do it, move its date or drop it.", "有 1 项行动已逾期：完成它、改期或删除。"), values: ["count": "1"]),
      Finding(
        id: "objection-without-process", severity: .warning, section: .objections,
        message: l.t("Objection #2 has no planned Process step.", "异议 #2 还没有准备“处理”这一步。"), values: ["name": "#2"]),
      Finding(id: "no-champion", severity: .info, section: .stakeholders, message: l.t("Nobody is marked as a champion.", "还没有标记内部支持者。"), values: [:]),
    ]
  }

  static func doc(_ plan: AccountPlan, _ lang: Lang, full: Bool = false) -> BriefDocument {
    BriefBuilder(plan: plan, labels: Labels(Fixtures.playbook(lang), L10n(lang)), findings: findings(lang), today: today, full: full).build()
  }

  // MARK: goldens

  @Test(arguments: Lang.allCases) func typicalBriefMarkdown(_ lang: Lang) {
    Golden.check(MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(lang), lang)), "brief-\(lang.rawValue).md")
  }

  @Test(arguments: Lang.allCases) func typicalBriefHTML(_ lang: Lang) {
    Golden.check(HTMLBrief.render(Self.doc(ExportFixturePlans.typical(lang), lang)), "brief-\(lang.rawValue).html")
  }

  @Test(arguments: Lang.allCases) func fullVariantMarkdown(_ lang: Lang) {
    Golden.check(MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(lang), lang, full: true)), "full-\(lang.rawValue).md")
  }

  @Test func hostileGoldens() {
    let plan = ExportFixturePlans.hostile()
    Golden.check(MarkdownBrief.render(Self.doc(plan, .en, full: true)), "hostile-full.md")
    Golden.check(HTMLBrief.render(Self.doc(plan, .en, full: true)), "hostile-full.html")
    Golden.check(MarkdownBrief.render(Self.doc(plan, .zh)), "hostile-brief-zh.md")
  }

  // MARK: what the brief holds

  @Test func briefKeepsToThreeObjectionsOpenOnesFirst() {
    var plan = ExportFixturePlans.typical(.en)
    plan.objections.insert(plan.objections[2], at: 0)  // a resolved one first in the plan
    plan.objections.append(plan.objections[1])
    let doc = Self.doc(plan, .en)
    let section = doc.sections.first { $0.id == "objections" }!
    let titles = section.blocks.compactMap { block -> String? in if case .group(let g) = block { return g.title } else { return nil } }
    #expect(titles.map { String($0.prefix(2)) } == ["#2", "#3", "#5"])
    let notes = section.blocks.compactMap { block -> String? in if case .group(let g) = block { return g.note } else { return nil } }
    #expect(notes.allSatisfy { $0 == "open" })
    #expect(MarkdownBrief.render(doc).contains("and 2 more in the full version"))
    let full = Self.doc(plan, .en, full: true).sections.first { $0.id == "objections" }!
    #expect(full.blocks.filter { if case .group = $0 { return true } else { return false } }.count == 5)
  }

  @Test func openActionsByDueDateWithOverdueMarked() {
    let md = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en))
    let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("2026-1") }.map(String.init)
    #expect(rows.count == 3)
    #expect(rows[0].contains("2026-11-18") && rows[0].contains("**overdue 5 d**"))
    #expect(rows[1].contains("2026-11-25") && rows[2].contains("2026-12-02"))
    #expect(!md.contains("Share the OEE benchmark"))  // done: only in the full version
    #expect(MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en, full: true)).contains("Share the OEE benchmark"))
  }

  @Test func discoveryShowsAnswersAndGaps() {
    let md = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en))
    #expect(md.contains("### 2. In-depth interview *4 of 5 answered*"))
    #expect(md.contains("**Still empty: Roles interviewed**"))
    #expect(md.contains("- **Budget**: 2,400,000 CNY"))
    let zh = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.zh), .zh))
    #expect(zh.contains("尚缺") && zh.contains("访谈角色"))
  }

  @Test func negotiationSummaryHasZOPAInWordsAndLadderTotals() {
    let md = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en))
    #expect(md.contains("Zone of possible agreement: 2,100,000 – 2,250,000 CNY."))
    #expect(md.contains("|   | **Total** |   | **80,000** | **180,000** |"))
    #expect(md.contains("**nothing asked in return**"))
    let html = HTMLBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en))
    #expect(html.contains("<tfoot><tr>"))
    #expect(html.contains("class=\"range zone\""))
  }

  @Test func longAnswersAreCutInTheBriefAndKeptInFull() {
    let plan = ExportFixturePlans.hostile()
    let brief = MarkdownBrief.render(Self.doc(plan, .en))
    let full = MarkdownBrief.render(Self.doc(plan, .en, full: true))
    #expect(!brief.contains(ExportFixturePlans.longWord))
    #expect(full.contains(ExportFixturePlans.longWord))
    // Every free-text value is cut to the brief's answer width: no run of the 600-character
    // word longer than that survives (it would if any one value were left uncut).
    #expect(!brief.contains(String(ExportFixturePlans.longWord.prefix(BriefBuilder.answerWidth + 1))))
    #expect(full.contains(String(ExportFixturePlans.longWord.prefix(BriefBuilder.answerWidth + 1))))
  }

  @Test func headingsFollowTheLanguage() {
    let zh = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.zh), .zh))
    for heading in ["# 会谈简报：华东电力集团", "## 客户概况", "## 关键决策者", "## 提问计划", "## 谈判准备", "## 下一步行动"] {
      #expect(zh.contains(heading), "missing \(heading)")
    }
    #expect(zh.contains("倾听") && zh.contains("同理") && zh.contains("价格异议"))
    #expect(!zh.contains("Meeting brief"))
  }
}
