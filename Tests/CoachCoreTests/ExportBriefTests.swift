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

  @Test func theBriefTakesOpenObjectionsWholeAndSaysHowManyItLeftOut() {
    var plan = ExportFixturePlans.typical(.en)
    plan.objections.insert(plan.objections[2], at: 0)  // a resolved one first in the plan
    for _ in 0..<4 { plan.objections.append(plan.objections[1]) }  // more open ones than fit
    let doc = Self.doc(plan, .en)
    let section = doc.sections.first { $0.id == "objections" }!
    let groups = section.blocks.compactMap { block -> BriefGroup? in if case .group(let g) = block { return g } else { return nil } }
    #expect(groups.count >= 2 && groups.count < 6)
    #expect(groups.map { String($0.title.prefix(2)) } == Array(["#2", "#3", "#4", "#5", "#6", "#7"].prefix(groups.count)))
    let md = MarkdownBrief.render(doc)
    #expect(md.contains("\(6 - groups.count) more objection(s) left out to keep to one page"))
    // Every line shown is whole.
    for line in plan.objections[1].lscpa.lines.values { #expect(md.contains(MarkdownEscape.text(line, atStart: false)), "\(line)") }
    let full = Self.doc(plan, .en, full: true).sections.first { $0.id == "objections" }!
    #expect(full.blocks.filter { if case .group = $0 { return true } else { return false } }.count == 8)
  }

  @Test func theBriefPicksByPriorityFromThePlanWithoutAMeeting() {
    let doc = Self.doc(ExportFixturePlans.typical(.en), .en)
    #expect(doc.sections.map(\.id).prefix(4) == ["meeting", "room", "ask", "objections"])
    let md = MarkdownBrief.render(doc)
    // Open actions, highest influence first, unasked questions only.
    #expect(md.contains("**Open actions:** Book the reference visit in Ningbo"))
    let lines = md.split(separator: "\n").map(String.init)
    let li = lines.firstIndex { $0.hasPrefix("| **Li Wei**") }
    let ana = lines.firstIndex { $0.hasPrefix("| **Ana Ruiz**") }
    #expect(li != nil && ana != nil && li! < ana!)
    #expect(!md.contains("What would a good year look like for the Suzhou plant?"))  // asked already
    #expect(md.contains("Value demonstration *(step 4 of 6)*"))
  }

  @Test func aMeetingGivenSetsTheObjectiveAgendaAndPicks() throws {
    var plan = ExportFixturePlans.typical(.en)
    plan.assignItemIDs()
    let meeting = BriefMeeting(
      date: "2026-12-14", time: "10:00", objective: "Agree the pilot scope and the decision date", agenda: ["Pilot scope", "Three-year cost"],
      attendeeIDs: ["s2", "s3"], ourAttendees: ["Jia Min", "Omar Haddad"], questionIDs: ["q4"], objectionIDs: ["o2"], materials: ["Cost model"])
    let doc = BriefBuilder(plan: plan, labels: Labels(Fixtures.playbook(.en), L10n(.en)), findings: [], today: Self.today, meeting: meeting).build()
    let md = MarkdownBrief.render(doc)
    #expect(md.contains("Meeting 2026-12-14 10:00"))
    #expect(md.contains("**Agree the pilot scope and the decision date**"))
    #expect(md.contains("1. Pilot scope\n2. Three-year cost"))
    let room = try #require(doc.sections.first { $0.id == "room" })
    guard case .table(let t)? = room.blocks.first else {
      Issue.record("a table of people")
      return
    }
    #expect(t.rows.map { $0[0].first?.raw } == ["Sarah Chen", "Tom Becker"])
    #expect(md.contains("So the 2.4M budget covers both plants, right?"))
    #expect(!md.contains("How do you decide which line gets maintenance first?"))
    #expect(md.contains("What if the integration with SAP fails?"))
    #expect(!md.contains("Your price is 18% above"))
  }

  @Test func theReportingTreeFillsTheRoomLeftInASmallPlan() throws {
    var plan = AccountPlan(id: "x", name: "华东电力", createdAt: Timestamp(secondsSinceEpoch: 0))
    plan.stakeholders = [Stakeholder(name: "王建国"), Stakeholder(name: "刘敏")]
    plan.assignItemIDs()
    plan.stakeholders[1].reportsTo = "s1"
    let doc = Self.doc(plan, .zh)
    let tree = try #require(doc.sections.first { $0.id == "tree" })
    #expect(tree.title == "汇报关系与影响")
    #expect(MarkdownBrief.render(doc).contains("└─"))
  }

  @Test func theNextMeetingOfTheTimelineIsTheBriefsMeeting() throws {
    var plan = ExportFixturePlans.typical(.en)
    plan.assignItemIDs()
    var past = Meeting(date: "2026-11-02", createdAt: "2026-10-05T08:30:00Z")
    past.objective = "An old objective"
    var next = Meeting(date: "2026-12-14", createdAt: "2026-10-05T08:30:00Z")
    next.time = "10:00"
    next.objective = "Agree the pilot scope"
    next.attendees = ["s3"]
    next.objections = ["o2"]
    plan.meetings = [next, past]
    let meeting = try #require(BriefMeeting.next(in: plan, today: Self.today))
    #expect(meeting.objective == "Agree the pilot scope" && meeting.attendeeIDs == ["s3"] && meeting.date == "2026-12-14")
    let md = MarkdownBrief.render(BriefBuilder(plan: plan, labels: Labels(Fixtures.playbook(.en), L10n(.en)), findings: [], today: Self.today, meeting: meeting).build())
    #expect(md.contains("Meeting 2026-12-14 10:00") && md.contains("**Agree the pilot scope**") && !md.contains("An old objective"))
    plan.meetings = [past]
    #expect(BriefMeeting.next(in: plan, today: Self.today) == nil)
  }

  @Test func negotiationSummaryHasZOPAInWordsAndLadderTotals() {
    let md = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en, full: true))
    #expect(md.contains("Zone of possible agreement: 2,100,000 – 2,250,000 CNY."))
    #expect(md.contains("|   | **Total** |   | **80,000** | **180,000** |"))
    #expect(md.contains("**nothing asked in return**"))
    let html = HTMLBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en, full: true))
    #expect(html.contains("<tfoot><tr>"))
    #expect(html.contains("class=\"range zone\""))
    // The one-page brief carries the essentials: the goals, both BATNAs, the zone.
    let brief = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en))
    #expect(brief.contains("## Negotiation essentials") && brief.contains("Sell the same package to Ningbo Gear next quarter."))
    #expect(brief.contains("Zone of possible agreement: 2,100,000 – 2,250,000 CNY."))
  }

  @Test func discoveryShowsAnswersAndGapsInTheFullDocument() {
    let md = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en, full: true))
    #expect(md.contains("### 2. In-depth interview *4 of 5 answered*"))
    #expect(md.contains("**Still empty: Roles interviewed**"))
    #expect(md.contains("- **Budget**: 2,400,000 CNY"))
    let zh = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.zh), .zh, full: true))
    #expect(zh.contains("尚缺") && zh.contains("访谈角色"))
  }

  @Test func openActionsByDueDateWithOverdueMarked() {
    let md = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en, full: true))
    let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("2026-1") && $0.contains("|") && !$0.contains("Sino") }.map(String.init)
    #expect(rows.contains { $0.contains("2026-11-18") && $0.contains("**overdue 5 d**") })
    #expect(MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en, full: true)).contains("Share the OEE benchmark"))
    #expect(!MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.en), .en)).contains("Share the OEE benchmark"))
  }

  @Test func longAnswersAreNeverCutInTheBriefNorInFull() {
    let plan = ExportFixturePlans.hostile()
    let brief = MarkdownBrief.render(Self.doc(plan, .en))
    let full = MarkdownBrief.render(Self.doc(plan, .en, full: true))
    #expect(full.contains(ExportFixturePlans.longWord))
    // A value is shown whole or not at all: no cut-off run of the 600-character word.
    let shown = brief.components(separatedBy: String(ExportFixturePlans.longWord.prefix(20))).count - 1
    #expect(shown == 0 || brief.contains(ExportFixturePlans.longWord))
    #expect(!brief.contains("…"))
  }

  @Test(arguments: Lang.allCases) func theCustomerCopyHasNothingInternal(_ lang: Lang) throws {
    // Every internal field holds a marker no one would type; none may reach the customer.
    var plan = ExportFixturePlans.typical(lang)
    var markers: [String] = []
    func mark(_ what: String) -> String {
      let m = "ZQX\(markers.count)INTERNAL\(what)"
      markers.append(m)
      return m
    }
    for i in plan.stakeholders.indices {
      plan.stakeholders[i].notes = mark("notes")
      plan.stakeholders[i].concerns = mark("concerns")
      plan.stakeholders[i].owner = mark("owner")
    }
    plan.account.notes = mark("accountnotes")
    for area in PortraitArea.allCases { plan.account.portrait.answers[area] = mark("portrait") }
    for i in plan.negotiation.objectives.indices {
      plan.negotiation.objectives[i].walkAway = .text(mark("walkaway"))
      plan.negotiation.objectives[i].note = mark("goalnote")
      plan.negotiation.objectives[i].unit = mark("unit")
    }
    plan.negotiation.batna.ours.description = mark("ourbatna")
    plan.negotiation.batna.theirs.description = mark("theirbatna")
    for i in plan.negotiation.concessions.indices {
      plan.negotiation.concessions[i].give = mark("give")
      plan.negotiation.concessions[i].get = mark("get")
    }
    for i in plan.negotiation.interests.indices {
      plan.negotiation.interests[i].position = mark("position")
      plan.negotiation.interests[i].interest = mark("interest")
    }
    plan.negotiation.commonInterests = [mark("common")]
    for i in plan.objections.indices {
      plan.objections[i].statement = mark("objection")
      for step in LSCPAStep.allCases { plan.objections[i].lscpa[step] = mark("lscpa") }
    }
    for i in plan.questionPlan.indices { plan.questionPlan[i].text = mark("question") }
    // An action agreed in a meeting is a mutual next step; one the rep logged alone is a to-do.
    plan.actions[0].meeting = "m1"
    plan.actions.append(Action(text: mark("todo"), due: "2026-11-30", createdAt: "2026-11-20T09:00:00Z"))
    for i in plan.deal.competitors.indices {
      plan.deal.competitors[i].name = mark("competitor")
      plan.deal.competitors[i].ourPosition = mark("ourposition")
    }
    let labels = Labels(Fixtures.playbook(lang), L10n(lang))
    let l = L10n(lang)
    let doc = BriefBuilder(
      plan: plan, labels: labels, findings: Self.findings(lang), today: Self.today,
      meeting: BriefMeeting(objective: "Agree the pilot", agenda: ["Pilot scope"], attendeeIDs: [plan.stakeholders[0].id]), audience: .customer
    ).build()
    let outputs = [MarkdownBrief.render(doc), HTMLBrief.render(doc)]
    for out in outputs {
      for m in markers { #expect(!out.contains(m), "\(m) leaked") }
      // Nor the words that would give internal judgements away.
      for word in Attitude.allCases.map({ labels.attitude($0) }) + ["BATNA", "ZOPA", l.t("Walk-away", "底线"), l.t("Influence", "影响力"), "●"] {
        #expect(!out.contains(word), "\(word) in the customer copy")
      }
      for f in Self.findings(lang) { #expect(!out.contains(f.message)) }
    }
    #expect(outputs[0].contains(l.t("Agree the pilot", "Agree the pilot")))
    #expect(outputs[0].contains(plan.stakeholders[0].name))
    #expect(outputs[0].contains(plan.actions[0].text))
  }

  @Test func headingsFollowTheLanguage() {
    let zh = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.zh), .zh))
    for heading in ["# 会谈简报：华东电力集团", "## 会谈目标与议程", "## 与会者", "## 要问的问题", "## 谈判要点", "## 竞争态势"] {
      #expect(zh.contains(heading), "missing \(heading)")
    }
    #expect(zh.contains("倾听") && zh.contains("同理") && zh.contains("价格异议"))
    let full = MarkdownBrief.render(Self.doc(ExportFixturePlans.typical(.zh), .zh, full: true))
    for heading in ["## 客户概况", "## 关键决策者", "## 提问计划", "## 谈判准备", "## 下一步行动", "## 商机", "## 竞争态势", "汇报关系与影响"] {
      #expect(full.contains(heading), "missing \(heading)")
    }
    #expect(!zh.contains("Meeting brief"))
  }
}
