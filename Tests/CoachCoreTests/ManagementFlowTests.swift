import CoachTestSupport
import Testing

@testable import CoachCore

/// The management walks as pure state machines: lines in, effects out. The test plays the
/// session: it carries out each edit on its own copy of the plan, as the session does.
@Suite struct ManagementFlowTests {
  static let l = L10n(.en)
  static let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!
  static let today = CalendarDay("2026-11-23")!

  /// Feeds `lines` to `flow` with the session's plan as context and carries out every edit on
  /// it; returns the plan and every effect.
  static func drive(_ flow: WalkFlow, _ lines: [String], plan start: AccountPlan) -> (AccountPlan, [FlowEffect]) {
    var plan = start
    let effects = WalkFlowDriver.play(flow, lines, plan: &plan, stamp: now) {
      FlowContext(plan: $0, book: nil, l: l, width: 80, today: today, now: now, currency: "CNY")
    }
    return (plan, effects)
  }

  static func plan() -> AccountPlan { AccountPlan(id: "acme", name: "Acme", createdAt: now) }

  @Test func aLoggedItemHasTheSameIdOnTheFlowsCopyAndTheSessions() throws {
    var start = Self.plan()
    start.management.touchpoints = [Touchpoint(date: "2026-10-01", kind: .call, createdAt: "x")]
    start.assignItemIDs()
    let flow = ManagementFlows.touchpoint(walk: ManagementTestWalks.walk("manage-touch", .en), l: Self.l)
    let (plan, effects) = Self.drive(flow, ["1", "2026-11-20", "Li Wei", "", "Send the plan", ""], plan: start)
    #expect(plan.management.touchpoints.map(\.id) == ["mt1", "mt2"])
    #expect(plan.lastItemIDs["mt"] == 2)
    let t = plan.management.touchpoints[1]
    #expect(t.kind == .operationalVisit && t.date == "2026-11-20" && t.who == "Li Wei" && t.followUps == ["Send the plan"])
    // The flow's own view of the plan agrees with the session's.
    #expect(flow.context.plan == plan)
    #expect(effects.contains { if case .done = $0 { return true } else { return false } })
  }

  @Test func theSetUpWalkReadsTheVisitPlanAndResponseTimes() throws {
    let flow = ManagementFlows.setUp(Self.plan(), walk: ManagementTestWalks.walk("manage", .en), l: Self.l)
    let (plan, effects) = Self.drive(flow, ["2", "4", "Wang Fang", "monthly, yearly", "2: 2h/1d; 3: 8h/1w"], plan: Self.plan())
    let m = plan.management
    #expect(m.tier == .key && m.lifecycle == .loyal && m.accountManager == "Wang Fang" && m.visitPlan == [.monthly, .yearly])
    #expect(m.responseLevels == [ResponseLevel(level: 2, respondHours: 2, resolveHours: 24), ResponseLevel(level: 3, respondHours: 8, resolveHours: 168)])
    #expect(m.responseLevel(1) == ResponseLevel.course[0])
    let said = effects.compactMap { if case .say(let t) = $0 { return t.plain } else { return nil } }.joined(separator: "\n")
    #expect(said.contains("= monthly operational visit and yearly strategy meeting"))
    #expect(said.contains("level 2 (respond 2 h, resolve 24 h)"))
  }

  @Test func anNPSSurveyKeepsItsRespondentsInStepWithTheList() throws {
    let flow = ManagementFlows.nps(walk: ManagementTestWalks.walk("manage-nps", .en), l: Self.l)
    let (plan, _) = Self.drive(flow, ["2026-11-01", "9 Li Wei, CFO", "4", "clear", "6 Zhang San", ""], plan: Self.plan())
    // `clear` emptied the list: only the respondent typed after it is left.
    #expect(plan.management.npsResponses.map(\.score) == [6])
    #expect(plan.management.npsResponses[0].respondent == "Zhang San" && plan.management.npsResponses[0].date == "2026-11-01")
  }

  @Test func typedAnswersAreReadAsMeant() {
    #expect(ManagementParsing.visitPlan("全部") == [.monthly, .quarterly, .yearly])
    #expect(ManagementParsing.visitPlan("季度、年度") == [.quarterly, .yearly])
    #expect(ManagementParsing.visitPlan("none") == [])
    #expect(ManagementParsing.visitPlan("weekly") == nil)
    #expect(ManagementParsing.responseLevels("1：1小时/12小时") == [ResponseLevel(level: 1, respondHours: 1, resolveHours: 12)])
    #expect(ManagementParsing.responseLevels("1: 12h/1h") == nil)
    #expect(ManagementParsing.responseLevels("默认") == [])
    #expect(ManagementParsing.npsRespondent("9 Li Wei, CFO")! == (9, "Li Wei", "CFO"))
    #expect(ManagementParsing.npsRespondent("10分 王芳，采购")! == (10, "王芳", "采购"))
    #expect(ManagementParsing.npsRespondent("11") == nil && ManagementParsing.npsRespondent("9x") == nil)
    #expect(ManagementParsing.csat("6 of 7", defaultScale: 5)! == (6, 7))
    #expect(ManagementParsing.csat("6", defaultScale: 5) == nil)
    func at(_ s: String) -> String? {
      if case .at(let t) = ManagementParsing.moment(s, today: Self.today, now: Self.now) { return t.description }
      return nil
    }
    #expect(at("") == "2026-11-23T09:00:00Z")
    #expect(at("2026-11-20 14:30") == "2026-11-20T14:30:00Z")
    #expect(at("2026-11-20T14:30") == "2026-11-20T14:30:00Z")
    #expect(at("yesterday 8:00") == "2026-11-22T08:00:00Z")
    #expect(at("昨天 8点30") == "2026-11-22T08:30:00Z")
    #expect(at("7:15") == "2026-11-23T07:15:00Z")
    #expect(at("Tuesday") != nil && at("25:00") == nil && at("soon") == nil)
    if case .ambiguous = ManagementParsing.moment("3/4 10:00", today: Self.today, now: Self.now) {} else { Issue.record("3/4 reads both ways") }
  }
}
