import CoachTestSupport
import Testing

@testable import CoachCore

/// What an independent tester found in the meeting loop: people typed by part of their name,
/// the debrief's progress line, the brief's "our side", agenda and italics in Markdown, and the
/// names of people removed after a meeting.
@Suite struct MeetingLoopFixTests {
  typealias Driver = MeetingFlowTests.Driver

  static func plan() throws -> AccountPlan {
    var plan = try MeetingFlowTests.debriefPlan()
    var sean = Stakeholder(name: "Sean O'Brien")
    sean.id = "s3"
    sean.role = .user
    var wang = Stakeholder(name: "王建国")
    wang.id = "s4"
    plan.stakeholders += [sean, wang]
    plan.lastItemIDs["s"] = 4
    return plan
  }

  // MARK: names typed in part

  @Test func aNameIsReadWholeInPartOrWithAChineseTitle() {
    let match = StakeholderNameMatch(names: ["Sean O'Brien", "Sean Park", "Dana Smith", "王建国", "刘敏"])
    #expect(match.read("Dana") == .person(2))
    #expect(match.read("smith") == .person(2))
    #expect(match.read("O'Brien") == .person(0))
    #expect(match.read("sean o'brien") == .person(0))
    #expect(match.read("Sean") == .several([0, 1]))
    #expect(match.read("王") == .person(3))
    #expect(match.read("王总") == .person(3))
    #expect(match.read("建国") == .person(3))
    #expect(match.read("刘部长") == .person(4))
    #expect(match.read("the board") == .text("the board"))
    #expect(match.read("集团领导") == .text("集团领导"))
    // One letter picks no one; quotes keep the words as typed.
    #expect(match.read("D") == .text("D"))
    #expect(match.read("\"Dana\"") == .text("Dana"))
    #expect(match.completions("o'b") == ["Sean O'Brien"])
    #expect(match.completions("王") == ["王建国"])
    let l = L10n(.en)
    #expect(match.ambiguity("Sean", [0, 1], l).hasPrefix("‘Sean’ could be Sean O'Brien or Sean Park: type more of the name"))
    #expect(match.ambiguity("Sean", [0, 1], L10n(.zh)).hasPrefix("‘Sean’ 可能是 Sean O'Brien 或 Sean Park：请多输入几个字"))
  }

  /// The walk asks for "name and role": `Sean O'Brien, CFO` is Sean; words before a comma that
  /// name no one keep the whole answer as typed.
  @Test func aNameFollowedByARoleIsThePersonNamed() {
    let match = StakeholderNameMatch(names: ["Sean O'Brien", "Sean Park", "Dana Smith", "王建国"])
    #expect(match.read("Dana, CFO") == .person(2))
    #expect(match.read("O'Brien, head of IT") == .person(0))
    #expect(match.read("王总，财务总监") == .person(3))
    #expect(match.read("Sean, CFO") == .several([0, 1]))
    #expect(match.read("刘芳，财务总监") == .text("刘芳，财务总监"))
    #expect(match.read("the board, via email") == .text("the board, via email"))
  }

  @Test func theObjectionWalkLinksANameTypedWithItsRole() throws {
    let d = Driver(try Self.plan(), .en) { plan, book, l in ObjectionFlow(book: book, signals: [.en: book], l: l, index: nil, category: nil, plan: plan) }
    d.type("Your price is too high", "", "O'Brien, CFO")
    #expect(d.output.contains("  = Sean O'Brien"))
    #expect(d.plan.objections.last?.raisedById == "s3")
  }

  /// Through the debrief to "who raised it?": outcome, nothing learned, two questions, then
  /// the customer's words and Enter for the suggested category.
  static func toRaisedBy(_ lang: Lang) throws -> Driver {
    let d = Driver(try plan(), lang) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    d.type("1", "", "", "", "", "We cannot start before April", "")
    return d
  }

  @Test func whoRaisedItLinksAPartOfANameAndSaysWhom() throws {
    let d = try Self.toRaisedBy(.en)
    #expect(d.output.contains("Stakeholders: Dana Smith, Li Wei, Sean O'Brien, 王建国"))
    // Tab completes the names at this prompt.
    #expect(d.flow.complete("Se").candidates == ["Sean O'Brien"])
    #expect(d.flow.complete("o'b").candidates == ["Sean O'Brien"])
    d.type("Sean")
    #expect(d.output.contains("  = Sean O'Brien"))
    let o = try #require(d.plan.objections.last)
    #expect(o.raisedBy == "Sean O'Brien" && o.raisedById == "s3")
  }

  @Test func theOwnerOfAnAgreedActionCompletesFromBothSidesAndStaysAsTyped() throws {
    var plan = try Self.plan()
    plan.meetings[0].ours = ["Tom Reyes"]
    let d = Driver(plan, .en) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    d.type("1", "", "", "", "", "", "", "", "", "", "Send the pilot plan")
    #expect(d.output.contains("part 6 of 7, what was agreed · action 1 · 2 of 3"))
    #expect(d.flow.complete("To").candidates == ["Tom Reyes"])
    #expect(d.flow.complete("Se").candidates == ["Sean O'Brien"])
    d.type("Tom")
    #expect(d.plan.actions.last?.owner == "Tom")
  }

  @Test func whoRaisedItAsksWhenSeveralFitAndKeepsOtherWords() throws {
    var plan = try Self.plan()
    var park = Stakeholder(name: "Sean Park")
    park.id = "s5"
    plan.stakeholders.append(park)
    let d = Driver(plan, .en) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    d.type("1", "", "", "", "", "We cannot start before April", "", "sean")
    #expect(d.warned.last?.contains("‘sean’ could be Sean O'Brien or Sean Park") == true)
    #expect(d.plan.objections.last?.raisedBy == nil)
    d.type("the board")
    #expect(d.output.contains("= the board (not on the stakeholder list: kept as text)"))
    let o = try #require(d.plan.objections.last)
    #expect(o.raisedBy == "the board" && o.raisedById == nil)
  }

  @Test func whoRaisedItInChineseLinksASurname() throws {
    let d = try Self.toRaisedBy(.zh)
    #expect(d.output.contains("决策者：Dana Smith、Li Wei、Sean O'Brien、王建国"))
    #expect(d.flow.complete("王").candidates == ["王建国"])
    d.type("王总")
    #expect(d.output.contains("  = 王建国"))
    #expect(d.plan.objections.last?.raisedById == "s4")
  }

  @Test func attendeesArePickedByPartOfANameAndAskedAboutWhenSeveralFit() {
    let picks = MeetingPicks(items: [("s1", "Sean O'Brien"), ("s2", "Sean Park"), ("s3", "王建国")])
    #expect(picks.read("O'Brien, 王", byName: true) == .picked(["s1", "s3"]))
    #expect(picks.read("Sean", byName: true) == .ambiguous("Sean", ["Sean O'Brien", "Sean Park"]))
    #expect(picks.read("the board", byName: true) == .unknown("the board"))
  }

  @Test func theObjectionWalkLinksAPartOfANameToo() throws {
    let d = Driver(try Self.plan(), .en) { plan, book, l in ObjectionFlow(book: book, signals: [.en: book], l: l, index: nil, category: nil, plan: plan) }
    d.type("Your price is too high", "", "O'Brien")
    #expect(d.output.contains("  = Sean O'Brien"))
    #expect(d.plan.objections.last?.raisedById == "s3")
  }

  // MARK: the debrief's progress

  @Test(arguments: Lang.allCases) func theProgressLineSaysThePartAndTheItemAcrossTheDebrief(_ lang: Lang) throws {
    let d = Driver(try Self.plan(), lang) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    d.type("1", "", "")
    let l = L10n(lang)
    #expect(d.output.contains(l.t("Debrief · part 1 of 7, how it went · 1 of 3", "会谈复盘 · 第 1/7 部分：会谈结果 · 第 1/3 项")))
    #expect(d.output.contains(l.t("Debrief · part 3 of 7, the questions you planned · question 1 of 2", "会谈复盘 · 第 3/7 部分：计划中的问题 · 第 1/2 个问题")))
    d.type("", "", "Too soon", "", "", "", "")
    #expect(d.output.contains(l.t("part 3 of 7, the questions you planned · question 2 of 2", "第 3/7 部分：计划中的问题 · 第 2/2 个问题")))
    #expect(d.output.contains(l.t("part 4 of 7, new objections · objection 1 · 2 of 3", "第 4/7 部分：新的异议 · 第 1 条异议 · 第 2/3 项")))
    #expect(d.output.contains(l.t("part 4 of 7, new objections · objection 2 · 1 of 3", "第 4/7 部分：新的异议 · 第 2 条异议 · 第 1/3 项")))
    #expect(d.output.contains(l.t("part 5 of 7, the people in the room · Dana Smith, 1 of 2 · 1 of 2", "第 5/7 部分：参会的客户方人员 · Dana Smith（第 1/2 位） · 第 1/2 项")))
    // A walk of a single prompt carries no "1 of 1".
    #expect(!d.output.contains(l.t("1 of 1", "第 1/1 项")))
  }

  @Test func theProgressLineWrapsUnderItselfOnANarrowTerminal() throws {
    let d = Driver(try Self.plan(), .zh) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    d.width = 40
    d.type("1", "", "", "", "", "")
    // The last prompt: Dana's attitude, under a line too long for 40 columns.
    let lines = d.said.last?.split(separator: "\n").map(String.init) ?? []
    #expect(lines.contains { $0.contains("第 5/7 部分") })
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix(String(repeating: " ", count: 11)) && $0.dropFirst(11).first != " " }, "\(lines)")
  }

  // MARK: the brief

  static func briefWithMeeting(_ lang: Lang) -> BriefDocument {
    var plan = ExportFixturePlans.typical(lang)
    plan.assignItemIDs()
    let l = L10n(lang)
    let meeting = BriefMeeting(
      date: "2026-12-14", objective: l.t("Agree the pilot scope", "确认试点范围"), agenda: [l.t("Pilot scope", "试点范围"), l.t("Three-year cost", "三年总成本")],
      attendeeIDs: ["s2"], ourAttendees: [l.t("Tom, solutions engineer", "陈工，解决方案工程师"), l.t("Jia Min", "张经理")])
    return BriefBuilder(plan: plan, labels: Labels(Fixtures.playbook(lang), l), findings: [], today: ExportBriefTests.today, meeting: meeting).build()
  }

  @Test func ourSideKeepsEachPersonWholeInMarkdownAndHTML() {
    let en = Self.briefWithMeeting(.en)
    #expect(MarkdownBrief.render(en).contains("- **Our side**: Tom, solutions engineer; Jia Min"))
    #expect(HTMLBrief.render(en).contains("<dd>Tom, solutions engineer; Jia Min</dd>"))
    let zh = Self.briefWithMeeting(.zh)
    #expect(MarkdownBrief.render(zh).contains("- **我方人员**：陈工，解决方案工程师；张经理"))
    #expect(HTMLBrief.render(zh).contains("<dd>陈工，解决方案工程师；张经理</dd>"))
  }

  @Test(arguments: Lang.allCases) func theAgendaIsANumberedList(_ lang: Lang) {
    let l = L10n(lang)
    for doc in [Self.briefWithMeeting(lang)] {
      let md = MarkdownBrief.render(doc)
      #expect(md.contains(l.t("1. Pilot scope\n2. Three-year cost", "1. 试点范围\n2. 三年总成本")))
      #expect(!md.contains("1\\."))
      #expect(HTMLBrief.render(doc).contains(l.t("<ol>\n<li>Pilot scope</li>\n<li>Three-year cost</li>\n</ol>", "<ol>\n<li>试点范围</li>\n<li>三年总成本</li>\n</ol>")))
    }
  }

  @Test func anItalicAfterChineseTextKeepsItsBracketsTogether() {
    // `价值展示（*第 4/6 步）*` renders as （<em>第 4/6 步）</em>: the bracket pair split.
    #expect(MarkdownEscape.emphasis("（第 4/6 步）", "*", prev: "示", next: " ") == "（*第 4/6 步*）")
    #expect(MarkdownEscape.emphasis("（价值对比、投资回报）", "*", prev: "。", next: nil) == "*（价值对比、投资回报）*")
    #expect(MarkdownEscape.emphasis(" (step 4 of 6)", "*", prev: "n", next: nil) == " *(step 4 of 6)*")
    let md = MarkdownBrief.render(ExportBriefTests.doc(ExportFixturePlans.typical(.zh), .zh))
    #expect(md.contains("价值展示（*第 4/6 步*）"))
  }

  // MARK: people removed after the meeting

  @Test func aRemovedAttendeeKeepsTheNameTheyHad() throws {
    var plan = try MeetingFlowTests.debriefPlan()
    var change = MeetingDebrief(recordedAt: "2026-11-20T18:00:00Z")
    var c = StakeholderChange(stakeholder: "s1")
    c.attitudeBefore = .neutral
    c.attitude = .skeptic
    change.changes = [c]
    plan.meetings[0].debrief = change
    plan.removeStakeholder(at: 0)
    #expect(plan.meetings[0].removedNames == ["s1": "Dana Smith"])
    let read = try AccountPlan.parse(plan.fileText)
    #expect(read == plan)
    for lang in Lang.allCases {
      let view = MeetingView(plan: read, book: nil, l: L10n(lang), width: 120)
      let card = view.card(read.meetings[0]).plain
      #expect(card.contains(L10n(lang).t("Dana Smith (no longer in the plan)", "Dana Smith（已不在计划中）")), "\(card)")
      #expect(!card.contains(L10n(lang).t("(removed)", "（已删除）")))
      #expect(view.list(today: nil).plain.contains("Dana Smith"))
    }
  }
}
