import CoachTestSupport
import Testing

@testable import CoachCore

/// The meeting findings of `check`: each fires on the plan that has the problem, stays quiet
/// on the one that does not, and says what to do in both languages.
@Suite struct MeetingFindingTests {
  static let now = Timestamp(secondsSinceEpoch: 1_795_424_400)  // 2026-11-23T09:00:00Z
  static let today = CalendarDay("2026-11-23")!

  static func run(_ plan: AccountPlan, _ lang: Lang = .en) -> [Finding] {
    PlanChecks(plan: plan, book: Fixtures.playbook(lang), now: now, today: today).run().filter { $0.section == .timeline }
  }

  static func ids(_ plan: AccountPlan) -> Set<String> { Set(run(plan).map(\.id)) }

  static func base() -> AccountPlan {
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: now)
    var dana = Stakeholder(name: "Dana")
    dana.id = "s1"
    dana.role = .final
    dana.influence = 5
    dana.attitude = .neutral
    var li = Stakeholder(name: "Li Wei")
    li.id = "s2"
    li.role = .technical
    li.influence = 4
    li.concerns = "uptime"
    plan.stakeholders = [dana, li]
    var open = PlannedQuestion(type: .open, text: "How?", createdAt: "t")
    open.id = "q1"
    var check = PlannedQuestion(type: .verification, text: "So?", createdAt: "t")
    check.id = "q2"
    plan.questionPlan = [open, check]
    return plan
  }

  static func meeting(_ id: String, _ date: String, attendees: [String] = [], questions: [String] = []) -> Meeting {
    var m = Meeting(date: date, createdAt: "t")
    m.id = id
    m.attendees = attendees
    m.questions = questions
    return m
  }

  @Test func aPlanWithoutMeetingsHasNoMeetingFindings() {
    #expect(Self.ids(Self.base()).isEmpty)
  }

  @Test func theNextMeetingsPreparation() {
    var plan = Self.base()
    plan.meetings = [Self.meeting("m1", "2026-11-30", attendees: ["s1", "s2"], questions: ["q1"])]
    let found = Self.run(plan)
    #expect(found.filter { $0.id == "attendee-concern-unknown" }.map { $0.values["name"] } == ["Dana"])
    #expect(found.contains { $0.id == "meeting-without-verification-question" })
    #expect(found.first { $0.id == "attendee-concern-unknown" }?.message.contains("Dana") == true)
    plan.meetings[0].questions = ["q1", "q2"]
    plan.stakeholders[0].concerns = "risk"
    #expect(Self.ids(plan).isEmpty)
    // A past meeting is not the next one.
    plan.meetings[0].date = "2026-11-20"
    plan.meetings[0].questions = []
    #expect(!Self.ids(plan).contains("meeting-without-verification-question"))
  }

  @Test func theFinalDecisionMakerNeverMet() {
    var plan = Self.base()
    var past = Self.meeting("m1", "2026-11-10", attendees: ["s2"])
    plan.meetings = [past]
    #expect(!Self.ids(plan).contains("final-decision-maker-never-met"))  // nothing debriefed yet
    past.debrief = MeetingDebrief(recordedAt: "2026-11-10T18:00:00Z")
    plan.meetings = [past]
    let zh = Self.run(plan, .zh).first { $0.id == "final-decision-maker-never-met" }
    #expect(zh?.message.contains("Dana") == true && zh?.message.contains("最终决策者") == true)
    plan.meetings[0].attendees.append("s1")
    #expect(!Self.ids(plan).contains("final-decision-maker-never-met"))
  }

  @Test func anObjectionRaisedTwiceAndAnAttendeeTurningSkeptic() {
    var plan = Self.base()
    var o1 = Objection(statement: "Too dear", category: .price, createdAt: "t")
    o1.id = "o1"
    var o2 = Objection(statement: "Still too dear", category: .price, createdAt: "t")
    o2.id = "o2"
    plan.objections = [o1, o2]
    var a = Self.meeting("m1", "2026-11-01", attendees: ["s1"])
    a.debrief = MeetingDebrief(recordedAt: "t")
    a.debrief?.newObjections = ["o1"]
    var b = Self.meeting("m2", "2026-11-15", attendees: ["s1"])
    b.debrief = MeetingDebrief(recordedAt: "t")
    b.debrief?.newObjections = ["o2"]
    var change = StakeholderChange(stakeholder: "s1")
    change.attitudeBefore = .neutral
    change.attitude = .skeptic
    b.debrief?.changes = [change]
    plan.meetings = [a, b]
    plan.stakeholders[0].attitude = .skeptic
    let found = Self.run(plan)
    #expect(found.first { $0.id == "objection-raised-twice" }?.values["count"] == "2")
    #expect(found.first { $0.id == "attendee-turned-skeptic" }?.values["name"] == "Dana")
    #expect(found.first { $0.id == "attendee-turned-skeptic" }?.message.contains("Dana turned skeptic") == true)
    #expect(found.first { $0.id == "objection-raised-twice" }?.message.contains("(Price objection) was raised in 2 meetings") == true)
    // Both in one meeting is not "twice"; an attitude since won back is no longer reported.
    plan.meetings[1].debrief?.newObjections = []
    plan.meetings[0].debrief?.newObjections = ["o1", "o2"]
    plan.stakeholders[0].attitude = .supporter
    #expect(Self.ids(plan).isDisjoint(with: ["objection-raised-twice", "attendee-turned-skeptic"]))
  }

  @Test func actionsFromTheLastMeetingStillOpen() {
    var plan = Self.base()
    var last = Self.meeting("m1", "2026-11-20", attendees: ["s1"])
    last.debrief = MeetingDebrief(recordedAt: "t")
    var action = Action(text: "Send the pilot plan", createdAt: "t")
    action.id = "a1"
    action.meeting = "m1"
    plan.actions = [action]
    plan.meetings = [last]
    #expect(!Self.ids(plan).contains("last-meeting-actions-open"))  // no next meeting yet
    plan.meetings.append(Self.meeting("m2", "2026-11-30", questions: ["q2"]))
    #expect(Self.run(plan).first { $0.id == "last-meeting-actions-open" }?.values["count"] == "1")
    plan.actions[0].done = true
    #expect(!Self.ids(plan).contains("last-meeting-actions-open"))
  }
}
