import CoachCore
import CoachTestSupport
import Testing

/// The account-management section: read and written, ids, and what is computed from it.
@Suite struct ManagementModelTests {
  let today = CalendarDay("2026-11-23")!
  let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!

  func plan() -> AccountPlan {
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: now)
    plan.management = ManagementFixture.sample()
    return plan
  }

  /// The sample as written and read back: its items have their ids.
  func saved() -> Management { (try? AccountPlan.parse(plan().fileText))?.management ?? Management() }

  @Test func anOldPlanHasAnEmptySectionAndWritesNone() throws {
    let plan = AccountPlan(id: "acme", name: "Acme", createdAt: now)
    #expect(plan.management.isEmpty)
    #expect(!plan.fileText.contains("management"))
    #expect(try AccountPlan.parse(plan.fileText).management.isEmpty)
  }

  @Test func theSectionRoundTripsWithIds() throws {
    let written = plan().fileText
    let read = try AccountPlan.parse(written)
    let m = read.management
    #expect(m.touchpoints.map(\.id) == ["mt1", "mt2"])
    #expect(m.npsResponses.map(\.id) == ["mn1", "mn2", "mn3", "mn4", "mn5", "mn6"])
    #expect(m.csat.map(\.id) == ["mc1", "mc2"] && m.issues.map(\.id) == ["mi1", "mi2", "mi3"])
    #expect(m.purchases.map(\.id) == ["mp1", "mp2", "mp3"] && m.crises.map(\.id) == ["mx1"])
    #expect(m.growth.map(\.id) == ["mg1", "mg2"] && m.improvements.map(\.id) == ["ma1"])
    #expect(m.tier == .vip && m.visitPlan == [.monthly, .quarterly, .yearly] && m.accountManager == "Wang Fang")
    #expect(try AccountPlan.parse(read.fileText) == read)
    #expect(read.fileText == written)
  }

  @Test func aRemovedItemsIdIsNotReused() throws {
    var p = try AccountPlan.parse(plan().fileText)
    p.management.purchases.removeLast()
    p.management.purchases.append(Purchase(date: "2026-11-01", amount: 1, currency: nil))
    let again = try AccountPlan.parse(p.fileText)
    #expect(again.management.purchases.map(\.id) == ["mp1", "mp2", "mp4"])
    var q = again
    #expect(q.takeItemID(ItemIDPrefix.purchase, in: q.management.purchases) == "mp5")
  }

  @Test func badValuesAreRefusedAtTheirPlace() {
    func problem(_ management: String) -> String? {
      let text = #"{"schemaVersion": 2, "id": "x", "management": \#(management)}"#
      do {
        _ = try AccountPlan.parse(text)
        return nil
      } catch .format(let e) { return e.path } catch { return "other" }
    }
    #expect(problem(#"{"npsResponses": [{"id": "mn1", "date": "2026-01-01", "score": 11}]}"#) == "management.npsResponses[0].score")
    #expect(problem(#"{"csat": [{"id": "mc1", "date": "2026-01-01", "score": 6, "scale": 5}]}"#) == "management.csat[0].score")
    #expect(problem(#"{"csat": [{"id": "mc1", "date": "2026-01-01", "score": 3, "scale": 6}]}"#) == "management.csat[0].scale")
    #expect(problem(#"{"visitPlan": ["weekly"]}"#) == "management.visitPlan[0]")
    #expect(problem(#"{"issues": [{"id": "mi1", "title": "t", "level": 1, "openedAt": "yesterday"}]}"#) == "management.issues[0].openedAt")
    #expect(problem(#"{"touchpoints": [{"id": "mt1", "date": "2026-02-30", "kind": "call"}]}"#) == "management.touchpoints[0].date")
    #expect(problem(#"{"touchpoints": [{"id": "s1", "date": "2026-02-03", "kind": "call"}], "issues": []}"#) == nil)
  }

  @Test func nextVisitsFollowFromThePlanAndTheTouchpoints() {
    let m = ManagementMetrics(saved(), today: today, now: now)
    let due = Dictionary(uniqueKeysWithValues: m.visitsDue.map { ($0.cadence, $0.due.description) })
    // Monthly: a month after the 1 Oct visit; quarterly: a quarter after the 20 Aug review;
    // yearly: no strategy meeting yet, so a year after the plan was agreed (1 Jun).
    #expect(due == [.monthly: "2026-11-01", .quarterly: "2026-11-20", .yearly: "2027-06-01"])
    #expect(m.nextDueVisit?.cadence == .monthly)
    #expect(m.overdueVisits.map(\.cadence) == [.monthly, .quarterly])
    #expect(ManagementMetrics.adding(months: 1, to: CalendarDay("2026-01-31")!).description == "2026-02-28")
    #expect(ManagementMetrics.adding(months: 12, to: CalendarDay("2024-02-29")!).description == "2025-02-28")
  }

  @Test func npsIsPromotersMinusDetractorsPerSurvey() {
    let m = ManagementMetrics(saved(), today: today, now: now)
    let t = m.npsTrend
    #expect(t.map(\.date) == ["2026-06-01", "2026-11-01"])
    // June: 9, 10, 7 → 2 promoters, 1 passive: 67. November: 3, 5, 9 → 1 promoter, 2 detractors: −33.
    #expect(t.map(\.nps) == [67, -33])
    #expect(t[1].detractors == 2 && t[1].detractorMajority && !t[0].detractorMajority)
    #expect(m.npsFalling?.to.nps == -33)
    #expect(ManagementMetrics.nps(promoters: 1, detractors: 1, of: 4) == 0 && ManagementMetrics.nps(promoters: 0, detractors: 0, of: 0) == 0)
  }

  @Test func csatPutsBothScalesOnOneFooting() {
    let m = ManagementMetrics(saved(), today: today, now: now)
    // 6 of 7 → 83 %; 2 of 5 → 25 %.
    #expect(m.csatTrend.map(\.month) == ["2026-09", "2026-10"] && m.csatTrend.map(\.percent) == [83, 25])
  }

  @Test func slaBreachesAreCountedAgainstEachLevel() {
    let m = ManagementMetrics(saved(), today: today, now: now)
    let s = Dictionary(uniqueKeysWithValues: m.sla.map { ($0.issueID, $0) })
    // Level 1 agreed as 1 h / 12 h: answered after 3 h, and open past its 12 h.
    #expect(s["mi1"]?.respondBreached == true && s["mi1"]?.resolveBreached == true)
    // Level 3 (course: 24 h / one week): answered in 1 h, solved in a day.
    #expect(s["mi2"]?.breached == false)
    // Level 2 (4 h / 48 h), never answered: both passed.
    #expect(s["mi3"]?.respondBreached == true && s["mi3"]?.resolveBreached == true)
    #expect(m.complaintCounts == (2, 0) && m.complaintsRising)
  }

  @Test func purchaseFrequencyFallsWhenTheUsualOrderDoesNotCome() {
    let m = ManagementMetrics(saved(), today: today, now: now)
    let f = m.purchaseFrequency
    #expect(f.purchases == 3 && f.averageInterval == 60 && f.daysSinceLast == 197)
    #expect(f.falling)
    #expect(f.perQuarter == [1, 2, 0, 0])
    var steady = Management()
    steady.purchases = ["2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"].map { Purchase(date: $0, amount: 1, currency: nil) }
    #expect(!ManagementMetrics(steady, today: today, now: now).purchaseFrequency.falling)
    #expect(m.purchaseTotals.map(\.total) == [310_000])
  }

  @Test func crisesOpenTooLongAreNamed() {
    var sample = saved()
    #expect(ManagementMetrics(sample, today: today, now: now).longOpenCrises.map(\.days) == [49])
    sample.crises[0].closedOn = "2026-11-01"
    #expect(ManagementMetrics(sample, today: today, now: now).longOpenCrises.isEmpty)
  }
}
