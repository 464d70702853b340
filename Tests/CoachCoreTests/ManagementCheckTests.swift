import CoachCore
import CoachTestSupport
import Testing

/// The account-management findings, against a pinned day.
@Suite struct ManagementCheckTests {
  let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!
  var today: CalendarDay { CalendarDay("2026-11-23")! }

  func ids(_ m: Management, _ lang: Lang = .en) throws -> [String] {
    try findings(m, lang).map(\.id)
  }

  func findings(_ m: Management, _ lang: Lang = .en) throws -> [Finding] {
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: now)
    plan.management = m
    plan = try AccountPlan.parse(plan.fileText)
    let book = Fixtures.playbook(lang)
    return PlanChecks(plan: plan, book: book, now: now, today: today).run().filter { $0.section == .management }
  }

  @Test func aPlanWithoutTheSectionHasNoManagementFindings() throws {
    #expect(try ids(Management()) == [])
  }

  @Test func theSampleRaisesEveryWarningItShould() throws {
    #expect(
      try Set(ids(ManagementFixture.sample()))
        == ["visit-overdue", "nps-detractor-majority", "nps-falling", "csat-low", "sla-breached", "complaints-rising", "purchase-frequency-falling", "crisis-open-too-long"])
  }

  @Test func aWellKeptAccountRaisesNone() throws {
    var m = Management()
    m.tier = .vip
    m.accountManager = "Wang Fang"
    m.visitPlan = [.monthly, .quarterly]
    m.touchpoints = [Touchpoint(date: "2026-11-10", kind: .businessReview, createdAt: "2026-11-10T09:00:00Z")]
    m.npsResponses = [NPSResponse(date: "2026-06-01", score: 8), NPSResponse(date: "2026-11-01", score: 9)]
    m.csat = [CSATScore(date: "2026-11-02", score: 4, scale: 5)]
    var issue = ServiceIssue(title: "Login", kind: .complaint, level: 2, openedAt: "2026-11-20T08:00:00Z")
    issue.respondedAt = "2026-11-20T10:00:00Z"
    issue.resolvedAt = "2026-11-21T10:00:00Z"
    m.issues = [issue]
    m.purchases = ["2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"].map { Purchase(date: $0, amount: 1, currency: nil) }
    var crisis = Crisis(title: "Outage", openedOn: "2026-09-01")
    crisis.closedOn = "2026-09-10"
    m.crises = [crisis]
    #expect(try ids(m) == [])
  }

  @Test func theServiceSetUpIsChecked() throws {
    var m = Management()
    m.tier = .vip
    m.visitPlan = [.quarterly]
    m.answeredAt = ["visitPlan": "2026-11-01T09:00:00Z"]
    #expect(try ids(m) == ["no-account-manager", "tier-service-mismatch"])
    m.tier = .ordinary
    m.accountManager = "Wang Fang"
    #expect(try ids(m) == [])
  }

  @Test func aVisitIsOverdueTheDayAfterItWasDue() throws {
    var m = Management()
    m.accountManager = "Wang Fang"
    m.visitPlan = [.monthly]
    m.touchpoints = [Touchpoint(date: "2026-10-23", kind: .operationalVisit, createdAt: "2026-10-23T09:00:00Z")]
    #expect(try ids(m) == [])
    m.touchpoints[0].date = "2026-10-22"
    let found = try findings(m)
    #expect(found.map(\.id) == ["visit-overdue"] && found[0].values["days"] == "1")
    #expect(found[0].message.contains("monthly operational visit was due 1 days ago") || found[0].message.contains("monthly operational visit"))
    let zh = try findings(m, .zh)
    #expect(zh[0].message.contains("月度运营回访") && zh[0].message.contains("manage touch"))
  }

  @Test func everyFindingSaysWhatToDoInBothLanguages() throws {
    for lang in Lang.allCases {
      let found = try findings(ManagementFixture.sample(), lang)
      for f in found {
        #expect(!f.message.isEmpty && f.message != f.id && !f.message.contains("{"), "\(lang) \(f.id): \(f.message)")
      }
    }
    let zh = try findings(ManagementFixture.sample(), .zh)
    #expect(zh.first { $0.id == "nps-falling" }?.message.contains("67 → -33") == true)
    #expect(zh.first { $0.id == "crisis-open-too-long" }?.message.contains("49") == true)
  }
}
