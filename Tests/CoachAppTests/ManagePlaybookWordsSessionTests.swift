import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// The words of the `manage` walks come from the playbook: a trainer's management.yaml changes
/// what the rep is asked, and the answers are stored as before.
@Suite struct ManagePlaybookWordsSessionTests {
  @Test func aTrainersCrisisWordsAreAskedAndTheAnswersStored() throws {
    let trainer = TempWorkspace("coach-my-team")
    trainer.write(
      "zh/management.yaml",
      "module: management\nlanguage: zh\nwalks:\n  - id: manage-crisis\n    title: 客户危机应对\n    prompts:\n"
        + "      - id: remedy\n        label: 补救方案\n        text: 打算怎样补救？给客户什么补偿？\n        hint: 先解决核心问题，再谈补偿。\n        source: course part 5 · 大客户危机处理 / 补救措施\n")
    let h = SessionHarness(lang: .zh)
    h.playbookDirectories.append(trainer.root)
    let r = h.run(["new 华东电力", "manage crisis", "系统宕机", "", "满意度下降", "分级上报", "王芳牵头", "统一发言", "?", "修复并赠送一个月服务", "高层回访"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("客户危机应对"))
    #expect(r.out.contains("打算怎样补救？给客户什么补偿？"))
    #expect(r.out.contains("先解决核心问题，再谈补偿。"))
    #expect(!r.out.contains("补救措施：如何解决核心问题？"))
    let c = try #require(try h.plan("华东电力").management.crises.first)
    #expect(c.title == "系统宕机" && c.remedy == "修复并赠送一个月服务" && c.repair == "高层回访")
  }

  @Test func aTrainersPromptCoachWouldDropStopsTheWalkWithItsLine() throws {
    let trainer = TempWorkspace("coach-my-team")
    trainer.write(
      "en/management.yaml",
      "module: management\nlanguage: en\nwalks:\n  - id: manage-touch\n    prompts:\n      - id: mood\n        kind: text\n        fills: management.touchpoints.mood\n        text: How did they seem?\n"
    )
    let h = SessionHarness()
    h.playbookDirectories.append(trainer.root)
    let r = h.run(["new Acme", "manage touch"])
    #expect(r.err.contains("management.yaml:6:13: coach stores no prompt `mood` in the `manage-touch` walk"), "\(r.err)")
    #expect(try h.plan("acme").management.touchpoints.isEmpty)
  }
}
