import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// `actions add` keeps the text as typed: a leading `-10%` is text, a typed `--` ends the options
/// and is not stored, the echo says what was stored, and an owner given before the text is kept.
@Suite struct ActionTextSessionTests {
  @Test func aTextStartingWithADashIsStoredAsTypedInEnglish() throws {
    let h = SessionHarness()
    let r = h.run([
      "new Acme", "stakeholders add Sean O'Brien", "done", "stakeholders add Li Wei", "done",
      "actions add -10% discount if they sign by Friday --owner Sean O'Brien",
      "actions add -- skip the demo",
      "actions add --owner Li Wei Call back about the pilot",
    ])
    let plan = try h.plan("acme")
    #expect(plan.actions.map(\.text) == ["-10% discount if they sign by Friday", "skip the demo", "Call back about the pilot"])
    #expect(plan.actions.map(\.owner) == ["Sean O'Brien", nil, "Li Wei"])
    #expect(r.out.contains("Added action #1: “-10% discount if they sign by Friday” — owner Sean O'Brien."), "\(r.out)")
    #expect(r.out.contains("Added action #2: “skip the demo”."))
    #expect(r.out.contains("Added action #3: “Call back about the pilot” — owner Li Wei."))
  }

  @Test func aTextStartingWithADashIsStoredAsTypedInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run([
      "new 华东电力", "stakeholders add 刘敏", "done",
      "actions add -10% 折扣，周五前签约 --owner 刘敏",
      "actions add -- 跳过演示",
      "actions add --owner 刘敏 回访试点",
    ])
    let plan = try h.plan("华东电力")
    #expect(plan.actions.map(\.text) == ["-10% 折扣，周五前签约", "跳过演示", "回访试点"])
    #expect(plan.actions.map(\.owner) == ["刘敏", nil, "刘敏"])
    #expect(r.out.contains("已添加行动 #1：“-10% 折扣，周五前签约” —— 负责人 刘敏。"), "\(r.out)")
  }

  /// An owner that is no one on the list cannot be told from the text: the walk asks for the
  /// text and keeps the owner as its current answer.
  @Test func anOwnerBeforeNoTextIsKeptByTheWalk() throws {
    let h = SessionHarness()
    _ = h.run(["new Acme", "actions add --owner Lena Vogt", "Send the TCO model", "", ""])
    let plan = try h.plan("acme")
    #expect(plan.actions.first?.text == "Send the TCO model")
    #expect(plan.actions.first?.owner == "Lena Vogt")
  }
}
