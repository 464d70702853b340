import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// The meeting loop through the real command loop, in both languages: a plan built with the
/// walks, `meeting new`, `meeting list`, `meeting N`, then (the clock moved past the meeting)
/// `debrief`, `show timeline`, `check` and `undo`.
@Suite struct MeetingSessionTests {
  static let setupEN = [
    "new Acme",
    "stakeholders add Dana Smith", "CFO", "final", "5", "neutral", "", "",
    "stakeholders add Li Wei", "IT lead", "technical", "3", "supporter", "Uptime", "",
    "questions add open How do you plan capacity today?",
    "questions add verification So the budget is approved for Q1?",
  ]

  @Test func prepareThenDebriefInEnglish() throws {
    let h = SessionHarness(lang: .en, now: "2026-11-23T09:00:00Z")
    var r = h.run(
      Self.setupEN + [
        "meeting new", "1 Dec", "2:30 pm", "Agree the pilot scope", "Recap", "Pilot scope", "",
        "Dana", "Me", "", "1 2", "", "Deck", "",
        "meeting list", "meeting 1", "", "", "", "", "", "", "", "", "", "quit",
      ])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("= Tue 2026-12-01"))
    #expect(r.out.contains("= 14:30"))
    #expect(r.out.contains("= Dana Smith"))
    #expect(r.out.contains("attendee-concern-unknown"))
    #expect(r.out.contains("Tue 2026-12-01 14:30  Agree the pilot scope"))
    var plan = try h.plan("acme")
    let m = try #require(plan.meetings.first)
    #expect(m.id == "m1" && m.time == "14:30" && m.attendees == ["s1"] && m.questions.count == 2 && m.agenda == ["Recap", "Pilot scope"])

    // After the meeting.
    let later = SessionHarness(lang: .en, now: "2026-12-01T18:00:00Z", workspace: h.workspace)
    r = later.run([
      "open acme", "debrief", "met", "", "", "They plan in spreadsheets", "Yes, 2M approved",
      "Your price is too high for our budget this year", "", "", "",
      "supporter", "Pilot risk",
      "Send the pilot plan", "Me", "Friday", "",
      "2026-12-10", "Sign the pilot", "show timeline", "check", "undo", "quit",
    ])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("Suggested category"))
    #expect(r.out.contains("Logged as objection #1"))
    #expect(r.out.contains("Timeline"))
    plan = try later.plan("acme")
    let d = try #require(plan.meeting(id: "m1")?.debrief)
    #expect(d.outcome == .met && d.asked.count == 2)
    #expect(plan.questionPlan.allSatisfy { $0.asked == true })
    #expect(plan.stakeholders[0].attitude == .supporter && plan.stakeholders[0].concerns == "Pilot risk")
    #expect(plan.actions.first?.meeting == "m1" && plan.actions.first?.due == "2026-12-04")
    #expect(plan.meetings.count == 2 && d.nextMeeting == "m2")
    #expect(r.out.contains("last-meeting-actions-open"))
    // `undo` took back the last answer only: the next meeting stays, without its objective.
    #expect(plan.meeting(id: "m2")?.objective == nil && plan.meeting(id: "m2")?.date == "2026-12-10")
    #expect(plan.objections.first?.category == .price)
  }

  @Test func prepareThenDebriefInChinese() throws {
    let h = SessionHarness(lang: .zh, now: "2026-11-23T09:00:00Z")
    var r = h.run([
      "new 华东电力",
      "stakeholders add 王建国", "财务总监", "财务", "5", "中立", "预算", "",
      "questions add 验证 所以预算已经批了，对吗？",
      "meeting new", "12月1日", "下午2点", "确认试点范围", "", "王建国", "我", "", "1", "", "", "meeting list", "quit",
    ])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("准备下一次会谈"))
    #expect(r.out.contains("= 14:00"))
    #expect(r.out.contains("= 王建国"))
    #expect(r.out.contains("会谈"))
    let later = SessionHarness(lang: .zh, now: "2026-12-02T09:00:00Z", workspace: h.workspace)
    r = later.run(["open 华东电力", "debrief", "部分", "客户迟到", "预算三月确定", "", "", "是的", "", "怀疑", "", "", "", "show timeline", "check --format json", "quit"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("会谈复盘"))
    #expect(r.out.contains("会谈时间线"))
    #expect(r.out.contains("attendee-turned-skeptic"))
    #expect(r.out.contains("final-decision-maker-never-met") == false)
    let plan = try later.plan("华东电力")
    #expect(plan.meetings[0].debrief?.learned.map(\.text) == ["预算三月确定"])
    #expect(plan.stakeholders[0].attitude == .skeptic)
  }

  @Test func wrongNumbersAndNothingToDebriefAreSaidPlainly() throws {
    let h = SessionHarness(lang: .en)
    let r = h.run(["new Acme", "debrief", "meeting 3", "meeting frob", "quit"])
    #expect(r.status != 0)
    #expect(r.err.contains("no meeting to debrief"))
    #expect(r.err.contains("no meetings yet"))
    #expect(r.err.contains("Unknown word ‘frob’"))
  }
}
