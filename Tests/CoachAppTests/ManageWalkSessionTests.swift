import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// `manage` and its walks through the real loop (now pinned to 2026-11-23 09:00 UTC): every
/// answer is saved at once, undoable, and read back as stored.
@Suite struct ManageWalkSessionTests {
  static let setUpEN = ["new Acme", "manage", "1", "3", "Wang Fang", "all", ""]
  static let setUpZH = ["new 华东电力", "manage", "1", "3", "王芳", "季度 年度", "1: 1h/12h"]

  @Test func theServiceSetUpIsRecordedAndEchoed() throws {
    let h = SessionHarness()
    let r = h.run(Self.setUpEN)
    #expect(r.status == 0, "\(r.err)")
    let m = try h.plan("acme").management
    #expect(m.tier == .vip && m.lifecycle == .mature && m.accountManager == "Wang Fang")
    #expect(m.visitPlan == [.monthly, .quarterly, .yearly] && m.responseLevels.isEmpty)
    #expect(m.answeredAt["visitPlan"] == "2026-11-23T09:00:00Z")
    #expect(r.out.contains("= monthly operational visit, quarterly business review and yearly strategy meeting"))
    #expect(r.out.contains("monthly operational visit — next due 2026-12-23"))
    #expect(r.out.contains("level 1 (respond 2 h, resolve 24 h)"))
    // Entered again, the walk shows every answer and keeps each on Enter.
    let again = h.run(["open acme", "manage", "", "", "", "", ""])
    #expect(again.out.contains("Every prompt has an answer"))
    #expect(try h.plan("acme").management == m)
  }

  @Test func theServiceSetUpInChineseWithAgreedTimesAndTheMismatch() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(Self.setUpZH + ["check"])
    #expect(r.status == 0, "\(r.err)")
    let plan = try h.plan("华东电力")
    #expect(plan.management.visitPlan == [.quarterly, .yearly])
    #expect(plan.management.responseLevel(1).respondHours == 1 && plan.management.responseLevel(1).resolveHours == 12)
    #expect(r.out.contains("= 季度业务回顾和年度战略会议") || r.out.contains("= 季度业务回顾、年度战略会议") || r.out.contains("季度业务回顾"))
    #expect(r.out.contains("1级（1小时内响应，12小时内解决）"))
    #expect(r.out.contains("tier-service-mismatch") && r.out.contains("VIP 客户应由高级客户经理"))
  }

  @Test func aBadVisitPlanIsRefusedAndAskedAgain() throws {
    let h = SessionHarness()
    let r = h.run(["new Acme", "manage", "2", "", "", "weekly", "quarterly", ""])
    #expect(r.err.contains("‘weekly’ is not a visit plan"))
    #expect(try h.plan("acme").management.visitPlan == [.quarterly])
  }

  @Test func aTouchpointIsLoggedAndTheNextVisitFollows() throws {
    let h = SessionHarness()
    let r = h.run(Self.setUpEN + ["manage touch", "1", "2026-11-20", "Li Wei", "Usage is up; wants training", "Send the training plan", "Book the QBR", "", "show management"])
    #expect(r.status == 0, "\(r.err)")
    let t = try #require(try h.plan("acme").management.touchpoints.first)
    #expect(t.id == "mt1" && t.kind == .operationalVisit && t.date == "2026-11-20" && t.who == "Li Wei")
    #expect(t.followUps == ["Send the training plan", "Book the QBR"])
    #expect(r.out.contains("= Fri 2026-11-20"))
    #expect(r.out.contains("Logged touchpoint #1: 2026-11-20, operational visit."))
    #expect(r.out.contains("monthly operational visit — next due 2026-12-20"))
    #expect(r.out.contains("Next visit       monthly operational visit, Sun 2026-12-20 (in 27 days)"))
  }

  @Test func anNPSSurveyTakesSeveralRespondentsAndGivesTheScore() throws {
    let h = SessionHarness()
    let r = h.run(
      Self.setUpEN + [
        "manage nps", "2026-06-01", "9 Li Wei, CFO", "10", "7 Zhang San, user", "", "manage nps", "", "3 Li Wei, CFO", "five", "5", "9", "", "show management", "check",
      ])
    #expect(r.status == 0, "\(r.err)")
    let m = try h.plan("acme").management
    #expect(m.npsResponses.map(\.score) == [9, 10, 7, 3, 5, 9])
    #expect(m.npsResponses.map(\.date) == ["2026-06-01", "2026-06-01", "2026-06-01", "2026-11-23", "2026-11-23", "2026-11-23"])
    #expect(m.npsResponses[0].respondent == "Li Wei" && m.npsResponses[0].role == "CFO")
    #expect(r.err.contains("‘five’ does not start with a score from 0 to 10"))
    #expect(r.out.contains("NPS on 2026-06-01: 67"))
    #expect(r.out.contains("NPS on 2026-11-23: -33"))
    #expect(r.out.contains("NPS trend: 67 → -33"))
    #expect(r.out.contains("nps-detractor-majority") && r.out.contains("nps-falling"))
  }

  @Test func aCSATScoreIsLinkedToItsTouchpoint() throws {
    let h = SessionHarness()
    let r = h.run(
      Self.setUpEN + [
        "manage touch", "2", "2026-11-02", "", "", "", "manage csat", "9", "2/5", "#4", "#1", "", "manage csat", "6/7", "service quality", "2026-10-05", "show management", "check",
      ])
    #expect(r.status == 0, "\(r.err)")
    let m = try h.plan("acme").management
    #expect(m.csat.count == 2)
    #expect(m.csat[0].score == 2 && m.csat[0].scale == 5 && m.csat[0].touchpointId == "mt1" && m.csat[0].date == "2026-11-02" && m.csat[0].area == nil)
    #expect(m.csat[1].score == 6 && m.csat[1].scale == 7 && m.csat[1].area == "service quality" && m.csat[1].date == "2026-10-05")
    #expect(r.err.contains("‘9’ is not a CSAT score") && r.err.contains("There is no touchpoint #4"))
    // CSAT on its own scale, not as a share of it (a 2 of 5 is not "25%").
    #expect(r.out.contains("CSAT trend: 6.0 / 7 → 2.0 / 5"), "\(r.out)")
    #expect(!r.out.contains("25%") && !r.out.contains("83%"))
    #expect(r.out.contains("csat-low") && r.out.contains("CSAT in the latest month is 2.0 / 5, below the middle of the scale."))
  }

  @Test func anIssueIsTimedAgainstItsLevel() throws {
    let h = SessionHarness()
    let r = h.run(
      Self.setUpEN + [
        "manage issue", "Reports are slow", "2", "2", "yesterday 8:00", "manage issue responded 1 yesterday 10:30", "manage issue resolved 1",
        "manage issue", "Invoice question", "1", "3", "", "manage issue responded 2 tomorrow", "show management",
      ])
    #expect(r.status != 0)
    let issues = try h.plan("acme").management.issues
    #expect(issues.map(\.id) == ["mi1", "mi2"])
    #expect(issues[0].kind == .complaint && issues[0].level == 2 && issues[0].openedAt == "2026-11-22T08:00:00Z")
    #expect(issues[0].respondedAt == "2026-11-22T10:30:00Z" && issues[0].resolvedAt == "2026-11-23T09:00:00Z")
    #expect(issues[1].openedAt == "2026-11-23T09:00:00Z" && issues[1].respondedAt == nil)
    #expect(r.out.contains("= 2026-11-22 08:00 UTC"))
    #expect(r.out.contains("Issue #1 responded to at 2026-11-22 10:30 UTC, after 2 h 30 min — within the 4 h of level 2."))
    #expect(r.out.contains("Issue #1 resolved at 2026-11-23 09:00 UTC, after 25 h 0 min — within the 48 h of level 2."))
    #expect(r.err.contains("is in the future"))
  }

  @Test func purchasesGiveTheirFrequency() throws {
    let h = SessionHarness()
    let r = h.run(
      Self.setUpEN + [
        "manage purchase", "100000 CNY", "2026-01-10", "First order", "manage purchase", "¥12万", "2026-03-10", "", "manage purchase", "90000", "2026-05-10", "",
        "show management",
      ])
    #expect(r.status == 0, "\(r.err)")
    let p = try h.plan("acme").management.purchases
    #expect(p.map(\.amount) == [100_000, 120_000, 90_000] && p.map(\.date) == ["2026-01-10", "2026-03-10", "2026-05-10"])
    #expect(p[0].note == "First order" && p[1].currency == "CNY")
    #expect(r.out.contains("= 120,000 CNY"))
    #expect(r.out.contains("An order about every 60 days; the last 197 days ago"))
    #expect(r.out.contains("purchase-frequency-falling"))
  }

  @Test func growthAndImprovementsHaveAStatus() throws {
    let h = SessionHarness()
    let r = h.run(
      Self.setUpEN + [
        "manage growth", "Premium support", "3", "2", "50000", "manage growth 1 won", "manage growth 1 sold",
        "manage improve", "Answer within the hour", "response speed", "Support", "2026-12-01", "manage improve 1 verified",
      ])
    let m = try h.plan("acme").management
    #expect(m.growth.first?.kind == .valueAdded && m.growth.first?.status == .won && m.growth.first?.value == 50_000)
    #expect(m.improvements.first?.status == .verified && m.improvements.first?.due == "2026-12-01" && m.improvements.first?.area == "response speed")
    #expect(r.out.contains("Opportunity #1 is now won."))
    #expect(r.err.contains("Give a status: idea, pursuing, won or lost"))
  }

  @Test func aCrisisIsWalkedTakenUpAgainAndClosed() throws {
    let h = SessionHarness()
    let r = h.run(
      Self.setUpEN + [
        "manage crisis", "Outage in the plant", "", "?", "Two escalations in a week", "Daily call until fixed", "done",
        "manage crisis 1", "Wang Fang leads; support lead on call", "One spokesperson, facts only", "Fix the root cause; a month of free support",
        "The VP visits; review in January", "manage crisis close 1", "show management",
      ])
    #expect(r.status == 0, "\(r.err)")
    let c = try #require(try h.plan("acme").management.crises.first)
    #expect(c.title == "Outage in the plant" && c.openedOn == "2026-11-23" && c.closedOn == "2026-11-23")
    #expect(c.warningSigns == "Two escalations in a week" && c.responsePlan == "Daily call until fixed")
    #expect(c.team == "Wang Fang leads; support lead on call" && c.repair == "The VP visits; review in January")
    #expect(r.out.contains("satisfaction below your warning threshold"))  // the `?` hint
    #expect(r.out.contains("`manage crisis 1` picks up at the first open step."))
    #expect(r.out.contains("4 of 8 answered; picking up at the first open one."))
    #expect(r.out.contains("Crisis #1 closed on"))
    #expect(r.out.contains("[closed 2026-11-23] Outage in the plant"))
  }

  @Test func undoInsideAWalkAndAtTheTopLevel() throws {
    let h = SessionHarness()
    let r = h.run(Self.setUpEN + ["manage purchase", "5000", "undo", "6000", "", "", "undo"])
    #expect(r.status == 0, "\(r.err)")
    // `undo` in the walk takes back the 5000 (and the purchase it created); 6000 creates it
    // again, and `undo` at the top level takes that back: no purchase is left.
    #expect(try h.plan("acme").management.purchases.isEmpty)
  }

  @Test func unknownPartsAndNumbersAreUsageErrors() throws {
    let h = SessionHarness()
    let r = h.run(Self.setUpEN + ["manage tuoch", "manage issue resolved 4", "manage crisis 2"])
    #expect(r.status != 0)
    #expect(r.err.contains("Unknown part ‘tuoch’") && r.err.contains("Did you mean touch?"))
    #expect(r.err.contains("Give the item's number from `show management`"))
  }

  @Test func helpAndTabCompletion() throws {
    let h = SessionHarness()
    let r = h.run(["help manage"])
    #expect(r.out.contains("manage [PART]") && r.out.contains("Parts: touch, nps, csat"))
    let ids: () -> [String] = { [] }
    #expect(CommandCompletion.complete("man", planIDs: ids, planOpen: true).candidates == ["manage"])
    #expect(CommandCompletion.complete("manage t", planIDs: ids, planOpen: true).candidates == ["touch"])
    #expect(CommandCompletion.complete("manage ", planIDs: ids, planOpen: true).candidates.sorted() == ManageCommand.words.sorted())
    #expect(CommandCompletion.complete("show man", planIDs: ids, planOpen: true).candidates == ["management"])
    #expect(CommandCompletion.complete("manage issue re", planIDs: ids, planOpen: true).candidates == ["resolved", "responded"])
    #expect(CommandCompletion.complete("manage growth 1 w", planIDs: ids, planOpen: true).candidates == ["won"])
    #expect(CommandCompletion.complete("manage improve 2 ", planIDs: ids, planOpen: true).candidates == ["done", "planned", "verified"])
    #expect(CommandCompletion.complete("manage touch ", planIDs: ids, planOpen: true).candidates == [])
  }

  @Test func theWholeSectionInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(
      Self.setUpZH + [
        "manage touch", "2", "2026-11-20", "李伟", "", "", "manage nps", "", "3 李伟，财务总监", "9", "", "manage issue", "系统瘫痪", "2", "1", "昨天 8:00",
        "manage purchase", "¥12万", "2026-05-10", "", "manage crisis", "停产事故", "", "一周内两次升级", "完成", "show management",
      ])
    #expect(r.status == 0, "\(r.err)")
    for text in ["客户管理与维护", "季度业务回顾", "NPS 调查", "批评者", "投诉", "超过响应时限", "采购记录", "危机处理", "危机预警", "一周内两次升级"] {
      #expect(r.out.contains(text), "\(text)")
    }
    #expect(Untranslated.englishRun(in: r.out) == nil, "\(Untranslated.englishRun(in: r.out) ?? "")")
    // The level menu shows the times agreed with this customer (1: 1 h / 12 h), not the course's.
    #expect(r.out.contains("1小时内响应") && !r.out.contains("2小时内响应"), "\(r.out)")
  }
}
