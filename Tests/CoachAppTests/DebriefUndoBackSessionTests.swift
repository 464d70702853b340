import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// `undo` and `back` inside a debrief reach across its parts: `undo` takes back the last answer
/// saved in this debrief, whichever part saved it; `back` at a part's first prompt goes to the
/// prompt before it.
@Suite struct DebriefUndoBackSessionTests {
  @Test func undoAndBackReachAcrossThePartsInEnglish() throws {
    let h = SessionHarness(lang: .en, now: "2026-11-23T09:00:00Z")
    var r = h.run(
      MeetingSessionTests.setupEN + ["meeting new", "1 Dec", "2:30 pm", "Agree the pilot scope", "", "Dana", "Me", "", "1 2", "", "", "quit"])
    #expect(r.status == 0, "\(r.err)")
    let later = SessionHarness(lang: .en, now: "2026-12-01T18:00:00Z", workspace: h.workspace)
    r = later.run([
      "open acme", "debrief", "met", "", "",
      // Part 3, question 1: back to part 1's last prompt, then on again.
      "back", "",
      "They plan in spreadsheets", "Yes, 2M approved", "",
      "supporter", "Pilot risk",
      // Part 6's first prompt: undo takes back Dana's concerns and asks again.
      "undo", "Budget first", "", "", "quit",
    ])
    #expect(r.status == 0, "\(r.err)")
    #expect(!r.out.contains("This is the first prompt."))
    #expect(!(r.out + r.err).contains("Nothing to undo in this walk yet."))
    #expect(r.out.components(separatedBy: "What did we learn?").count == 3)
    #expect(r.out.components(separatedBy: "What does Dana Smith care about now?").count == 3)
    let plan = try later.plan("acme")
    #expect(plan.stakeholders[0].attitude == .supporter && plan.stakeholders[0].concerns == "Budget first")
    let d = try #require(plan.meeting(id: "m1")?.debrief)
    #expect(d.asked.count == 2 && d.outcome == .met)
    #expect(d.changes.first?.concerns == "Budget first" && d.changes.first?.concernsBefore == nil)
  }

  @Test func undoAndBackReachAcrossThePartsInChinese() throws {
    let h = SessionHarness(lang: .zh, now: "2026-11-23T09:00:00Z")
    var r = h.run([
      "new 华东电力",
      "stakeholders add 王建国", "财务总监", "财务", "5", "中立", "预算", "",
      "questions add 验证 所以预算已经批了，对吗？",
      "meeting new", "12月1日", "下午2点", "确认试点范围", "", "王建国", "我", "", "1", "", "", "quit",
    ])
    #expect(r.status == 0, "\(r.err)")
    let later = SessionHarness(lang: .zh, now: "2026-12-02T09:00:00Z", workspace: h.workspace)
    r = later.run([
      "open 华东电力", "debrief", "部分", "", "",
      "上一步", "",
      "是的", "",
      "怀疑", "试点风险",
      "undo", "交付周期", "", "", "quit",
    ])
    #expect(r.status == 0, "\(r.err)")
    #expect(!r.out.contains("这已经是第一项。"))
    #expect(!(r.out + r.err).contains("本次引导中还没有可撤销的回答。"))
    #expect(r.out.components(separatedBy: "我们了解到了什么？").count == 3)
    let plan = try later.plan("华东电力")
    #expect(plan.stakeholders[0].attitude == .skeptic && plan.stakeholders[0].concerns == "交付周期")
    #expect(plan.meetings[0].debrief?.changes.first?.concernsBefore == "预算")
    #expect(plan.meetings[0].debrief?.asked.count == 1)
  }
}
