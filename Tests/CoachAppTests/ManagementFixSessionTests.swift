import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// What a tester found in `manage` after issue 17 (now pinned to Monday 2026-11-23 09:00 UTC):
/// a crisis can be back-dated, CSAT reads as a score on its own scale, a mistyped status gets a
/// "did you mean".
@Suite struct ManagementFixSessionTests {
  @Test func aCrisisIsBackDatedAndCountsFromThatDay() throws {
    let h = SessionHarness()
    let r = h.run(
      ManageWalkSessionTests.setUpEN + [
        "manage crisis", "Outage in the plant", "tomorrow", "3 days ago", "done",
        "manage crisis", "Quality escape", "last Friday", "done",
        "manage crisis", "Lost the tender", "2026-10-01", "done",
        "manage crisis", "Price dispute", "", "done", "check",
      ])
    #expect(r.status == 0, "\(r.err)")
    let crises = try h.plan("acme").management.crises
    #expect(crises.map(\.openedOn) == ["2026-11-20", "2026-11-20", "2026-10-01", "2026-11-23"])
    // A day after today is refused: the prompt asks when it happened.
    #expect(r.err.contains("‘tomorrow’ is Tue 2026-11-24, after today: this asks when it happened."), "\(r.err)")
    #expect(r.out.contains("When did it start? (Enter for today)"))
    #expect(r.out.contains("open since 2026-10-01."))
    // `crisis-open-too-long` counts from the day it started, not the day it was logged.
    #expect(r.out.contains("crisis-open-too-long") && r.out.contains("53 days"), "\(r.out)")
  }

  @Test func aCrisisIsBackDatedInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(
      ManageWalkSessionTests.setUpZH + [
        "manage crisis", "停产事故", "明天", "上周五", "完成", "manage crisis", "质量事故", "2026-11-02", "完成", "manage crisis 1", "", "完成",
      ])
    #expect(r.status == 0, "\(r.err)")
    let crises = try h.plan("华东电力").management.crises
    #expect(crises.map(\.openedOn) == ["2026-11-20", "2026-11-02"])
    #expect(r.out.contains("危机是哪天开始的？（按 Enter 表示今天）"))
    #expect(r.err.contains("晚于今天：这里问的是已经发生的日期。"), "\(r.err)")
    #expect(r.out.contains("开始于 2026-11-20。"))
    #expect(Untranslated.englishRun(in: r.out) == nil, "\(Untranslated.englishRun(in: r.out) ?? "")")
  }

  @Test func csatIsShownOnItsOwnScaleInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(
      ManageWalkSessionTests.setUpZH + ["manage csat", "2/5", "产品性能", "2026-11-02", "manage csat", "6/7", "服务质量", "2026-10-05", "show management", "check"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("CSAT 趋势：6.0 / 7 分 → 2.0 / 5 分"), "\(r.out)")
    #expect(r.out.contains("最近一个月的 CSAT 只有 2.0 / 5 分，低于量表的中间值。"))
    #expect(!r.out.contains("25%"))
  }

  @Test func aMistypedStatusGetsADidYouMean() throws {
    let h = SessionHarness()
    let r = h.run(
      ManageWalkSessionTests.setUpEN + [
        "manage growth", "Premium support", "3", "2", "50000", "manage growth 1 persuing", "manage improve", "Answer within the hour", "", "", "",
        "manage improve 1 don", "manage improve 1 verifed",
      ])
    #expect(r.err.contains("Give a status: idea, pursuing, won or lost, e.g. `manage growth 1 won`. Did you mean pursuing?"), "\(r.err)")
    #expect(r.err.contains("Did you mean done?") && r.err.contains("Did you mean verified?"))
    let zh = SessionHarness(lang: .zh)
    let z = zh.run(
      ManageWalkSessionTests.setUpZH + ["manage growth", "高级支持", "3", "2", "50000", "manage growth 1 wn", "manage improve", "一小时内答复", "", "", "", "manage improve 1 planed"])
    #expect(z.err.contains("你是不是想输入 won？") && z.err.contains("你是不是想输入 planned？"), "\(z.err)")
  }
}
