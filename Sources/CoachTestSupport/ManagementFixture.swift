import CoachCore

/// A won account's management section with one of everything, for tests (today 2026-11-23).
public enum ManagementFixture {
  public static func sample() -> Management {
    var m = Management()
    m.tier = .vip
    m.lifecycle = .mature
    m.accountManager = "Wang Fang"
    m.visitPlan = [.monthly, .quarterly, .yearly]
    m.responseLevels = [ResponseLevel(level: 1, respondHours: 1, resolveHours: 12)]
    var visit = Touchpoint(date: "2026-10-01", kind: .operationalVisit, createdAt: "2026-10-01T10:00:00Z")
    visit.who = "Li Wei"
    visit.notes = "Usage review"
    visit.followUps = ["Send the training plan"]
    m.touchpoints = [visit, Touchpoint(date: "2026-08-20", kind: .businessReview, createdAt: "2026-08-20T10:00:00Z")]
    m.npsResponses = [
      NPSResponse(date: "2026-06-01", score: 9, respondent: "Li Wei", role: "user"), NPSResponse(date: "2026-06-01", score: 10),
      NPSResponse(date: "2026-06-01", score: 7), NPSResponse(date: "2026-11-01", score: 3, role: "financial"),
      NPSResponse(date: "2026-11-01", score: 5), NPSResponse(date: "2026-11-01", score: 9),
    ]
    var rated = CSATScore(date: "2026-10-01", score: 2, scale: 5, touchpointId: "mt1")
    rated.area = "response speed"
    m.csat = [CSATScore(date: "2026-09-10", score: 6, scale: 7, area: "service quality"), rated]
    var late = ServiceIssue(title: "System down", kind: .complaint, level: 1, openedAt: "2026-11-20T08:00:00Z")
    late.respondedAt = "2026-11-20T11:00:00Z"
    var fine = ServiceIssue(title: "Question on invoices", kind: .issue, level: 3, openedAt: "2026-11-01T08:00:00Z")
    fine.respondedAt = "2026-11-01T09:00:00Z"
    fine.resolvedAt = "2026-11-02T09:00:00Z"
    m.issues = [late, fine, ServiceIssue(title: "Slow reports", kind: .complaint, level: 2, openedAt: "2026-10-15T08:00:00Z")]
    m.purchases = [
      Purchase(date: "2026-01-10", amount: 100_000, currency: "CNY"), Purchase(date: "2026-03-10", amount: 120_000, currency: "CNY"),
      Purchase(date: "2026-05-10", amount: 90_000, currency: "CNY", note: "renewal"),
    ]
    var crisis = Crisis(title: "Outage in October", openedOn: "2026-10-05")
    crisis.warningSigns = "Two escalations in a week"
    crisis.responsePlan = "Daily call until fixed"
    crisis.team = "Wang Fang, support lead"
    crisis.communication = "One spokesperson, facts only"
    m.crises = [crisis]
    var upsell = GrowthOpportunity(kind: .upSell, text: "Premium support", createdAt: "2026-11-01T09:00:00Z")
    upsell.value = 50_000
    upsell.currency = "CNY"
    m.growth = [upsell, GrowthOpportunity(kind: .partnership, text: "Joint innovation lab", status: .pursuing, createdAt: "2026-11-01T09:00:00Z")]
    var fix = ImprovementAction(text: "Answer within the hour", area: "response speed", createdAt: "2026-11-02T09:00:00Z")
    fix.owner = "Support"
    fix.due = "2026-12-01"
    m.improvements = [fix]
    m.answeredAt = ["visitPlan": "2026-06-01T09:00:00Z"]
    return m
  }
}
