import CoachTestSupport
import Testing

@testable import CoachCore

/// A second tester's round on the meeting loop: a meeting with no attendees in the brief, the
/// timeline's past meetings as they were, who raised each new objection, and "their side".
@Suite struct MeetingLoopFix2Tests {
  static let today = CalendarDay("2026-11-23")!

  static func brief(_ plan: AccountPlan, _ lang: Lang, meeting: BriefMeeting?, audience: BriefAudience = .internal) -> (BriefDocument, String) {
    let doc = BriefBuilder(plan: plan, labels: Labels(Fixtures.playbook(lang), L10n(lang)), findings: [], today: today, meeting: meeting, audience: audience).build()
    return (doc, MarkdownBrief.render(doc))
  }

  @Test(arguments: Lang.allCases) func aMeetingWithNoAttendeesNamesNoOneInEitherBrief(_ lang: Lang) throws {
    var plan = ExportFixturePlans.typical(lang)
    plan.assignItemIDs()
    let l = L10n(lang)
    let names = plan.stakeholders.map(\.name)
    let meeting = BriefMeeting(date: "2026-12-14", objective: "Agree the pilot", attendeeIDs: [])
    let tbc = l.t("Participants: to be confirmed (no one is recorded for this meeting yet).", "参会人员：待确认（本次会谈尚未记录客户方参会人员）。")
    // Internal: the room says "to be confirmed" and lists no stakeholder.
    let (doc, md) = Self.brief(plan, lang, meeting: meeting)
    let room = try #require(doc.sections.first { $0.id == "room" })
    let roomText = MarkdownBrief.render(BriefDocument(lang: lang, title: "", subtitle: [], sections: [room], full: false))
    #expect(roomText.contains(tbc))
    for n in names { #expect(!roomText.contains(n), "\(n) invented in the room") }
    #expect(md.contains(tbc))
    // Customer copy: the same, with or without a meeting.
    for m in [meeting, nil] {
      let (_, customer) = Self.brief(plan, lang, meeting: m, audience: .customer)
      #expect(customer.contains(tbc))
      for n in names { #expect(!customer.contains(n), "\(n) invented in the customer copy") }
    }
    // With no meeting at all the internal brief may pick stakeholders, and says so.
    let (_, none) = Self.brief(plan, lang, meeting: nil)
    #expect(none.contains(names[0]) || names.dropFirst().contains { none.contains($0) })
    #expect(none.contains(l.t("No meeting planned yet: the people", "尚未安排会谈：以下人员")))
  }

  /// Two debriefed meetings and a next one: Dana turned skeptic in meeting 1 and supporter in
  /// meeting 2; Li Wei was unchanged in meeting 1 and changed in meeting 2.
  static func history(_ lang: Lang) throws -> AccountPlan {
    var plan = try MeetingFlowTests.plan()
    var m1 = Meeting(date: "2026-11-02", createdAt: "t")
    m1.id = "m1"
    m1.attendees = ["s1", "s2"]
    var d1 = MeetingDebrief(recordedAt: "2026-11-02T18:00:00Z")
    var c1 = StakeholderChange(stakeholder: "s1")
    c1.attitudeBefore = .neutral
    c1.attitude = .skeptic
    c1.concernsBefore = nil
    c1.concerns = "Pilot risk; the budget"
    d1.changes = [c1]
    m1.debrief = d1
    var m2 = Meeting(date: "2026-11-16", createdAt: "t")
    m2.id = "m2"
    m2.attendees = ["s1", "s2"]
    var d2 = MeetingDebrief(recordedAt: "2026-11-16T18:00:00Z")
    var c2 = StakeholderChange(stakeholder: "s1")
    c2.attitudeBefore = .skeptic
    c2.attitude = .supporter
    c2.concernsBefore = "Pilot risk; the budget"
    c2.concerns = "Price"
    var c3 = StakeholderChange(stakeholder: "s2")
    c3.attitudeBefore = nil
    c3.concernsBefore = "uptime"
    c3.concerns = "Speed of rollout"
    d2.changes = [c2, c3]
    d2.newObjections = ["o1"]
    m2.debrief = d2
    var m3 = Meeting(date: "2026-12-14", createdAt: "t")
    m3.id = "m3"
    m3.attendees = ["s1", "s2"]
    plan.meetings = [m3, m1, m2]
    plan.lastItemIDs["m"] = 3
    plan.stakeholders[0].attitude = .supporter
    plan.stakeholders[0].concerns = "Price"
    plan.stakeholders[1].concerns = "Speed of rollout"
    plan.objections[0].raisedBy = "Dana Smith"
    plan.objections[0].raisedById = "s1"
    return plan
  }

  static func view(_ plan: AccountPlan, _ lang: Lang) -> MeetingView { MeetingView(plan: plan, book: Fixtures.playbook(lang), l: L10n(lang), width: 200) }

  @Test(arguments: Lang.allCases) func pastMeetingsShowTheirSideAsTheDebriefLeftIt(_ lang: Lang) throws {
    let plan = try Self.history(lang)
    let v = Self.view(plan, lang)
    let l = L10n(lang)
    let labels = Labels(Fixtures.playbook(lang), l)
    let cares = l.t(" — cares about: ", " —— 关注：")
    func card(_ id: String) -> String { v.card(plan.meeting(id: id)!).plain }
    // Meeting 1: Dana as its debrief left her; Li Wei as meeting 2's debrief found him.
    let one = card("m1")
    #expect(one.contains(labels.attitude(.skeptic) + l.t(")", "）") + cares + "Pilot risk; the budget"))
    #expect(one.contains("Li Wei") && one.contains(cares + "uptime"))
    #expect(!one.contains("Price") && !one.contains("Speed of rollout"))
    // Meeting 2: the "after" of its own debrief.
    let two = card("m2")
    #expect(two.contains(labels.attitude(.supporter) + l.t(")", "）") + cares + "Price") && two.contains(cares + "Speed of rollout"))
    // The next meeting: the plan as it is now.
    let three = card("m3")
    #expect(three.contains(cares + "Price") && three.contains(cares + "Speed of rollout"))
  }

  @Test(arguments: Lang.allCases) func theirSideIsOneLinePerPersonAndNewObjectionsSayWhoRaisedThem(_ lang: Lang) throws {
    let plan = try Self.history(lang)
    let l = L10n(lang)
    let text = Self.view(plan, lang).card(plan.meeting(id: "m1")!).plain
    let lines = text.split(separator: "\n").map(String.init)
    let dana = try #require(lines.firstIndex { $0.contains("Dana Smith") })
    #expect(lines[dana].contains(l.t("Their side", "客户方")))
    #expect(lines[dana + 1].trimmingWhitespace.hasPrefix("Li Wei"))
    #expect(!lines[dana].contains("Li Wei"))
    let two = Self.view(plan, lang).card(plan.meeting(id: "m2")!).plain
    #expect(two.contains("You are 20% above the others." + l.t(" — raised by ", " —— 提出人：") + "Dana Smith"))
  }
}
