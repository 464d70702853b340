import CoachTestSupport
import Testing

@testable import CoachCore

/// What a tester found in the account-management views after issue 17, on a pinned day
/// (Mon 2026-11-23): purchases in other currencies said plainly, numbers not guarded in CSV,
/// meetings held and touchpoint follow-ups in the calendar, CSAT on its own scale, and the
/// visits of an old plan dated.
@Suite struct ManagementFixTests {
  static let today = AgendaTests.today
  static let now = AgendaTests.now

  static func mixedCurrencies() -> [(id: String, digest: PlanDigest)] {
    var a = PlanDigest(name: "Alpha", updatedAt: "2026-11-20T09:00:00Z", tier: .a)
    a.purchases = [
      DigestPurchase(date: "2026-05-01", amount: 300_000, currency: "CNY"), DigestPurchase(date: "2026-06-01", amount: 100_000, currency: "CNY"),
      DigestPurchase(date: "2026-07-01", amount: 5_000, currency: "USD"),
    ]
    var c = PlanDigest(name: "华东电力集团", updatedAt: "2026-11-20T09:00:00Z", tier: .c)
    c.purchases = [
      DigestPurchase(date: "2026-05-01", amount: 100_000, currency: "CNY"), DigestPurchase(date: "2026-05-02", amount: 2_000, currency: "USD"),
      DigestPurchase(date: "2026-05-03", amount: 700, currency: nil),
    ]
    c.nps = -33
    c.serviceTier = .key
    return [("alpha", a), ("huadong", c)]
  }

  @Test func purchasesInOtherCurrenciesAreNamedAsLeftOut() {
    let p = Portfolio(plans: Self.mixedCurrencies(), now: Self.now, today: Self.today)
    #expect(p.currency == "CNY")
    #expect(p.tiers.map(\.purchaseShare) == [0.8, 0.2])
    #expect(
      p.leftOut == [
        .init(currency: "USD", purchases: 2, accounts: 2, total: 7_000), .init(currency: nil, purchases: 1, accounts: 1, total: 700),
      ])
    #expect(p.rows.first { $0.id == "huadong" }?.leftOut.map(\.purchases) == [1, 1])
    let en = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.en)), width: 120).text().plain
    #expect(
      en.contains("Not in the purchase shares (CNY): 2 purchases in USD (7,000 USD, 2 accounts); 1 purchase without a currency (700, 1 account)."),
      "\(en)")
    let zh = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.zh)), width: 120).text().plain
    #expect(zh.contains("未计入采购额占比（CNY）：USD 采购 2 笔（7,000 USD，2 个客户）；未注明币种的采购 1 笔（700，1 个客户）。"), "\(zh)")
    // The Chinese table stays aligned: the completeness column ends in the same terminal column.
    let rows = zh.split(separator: "\n").filter { $0.contains("华东电力集团") || $0.contains("Alpha") }
    #expect(rows.count == 2)
    let ends = rows.map { row in DisplayWidth.of(row[...row.firstIndex(of: "%")!]) }
    #expect(ends[0] == ends[1])
    let json = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.en)), width: 80).json()
    #expect(json["purchasesLeftOut"]?.array?.count == 2)
    #expect(json["purchasesLeftOut"]?.array?.first?["currency"]?.string == "USD" && json["purchasesLeftOut"]?.array?.first?["purchases"]?.int == 2)
    #expect(json["accounts"]?.array?.first { $0["id"]?.string == "huadong" }?["purchasesLeftOut"]?.array?.count == 2)
    let csv = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.en)), width: 80).csv(lineEnd: "\n").split(separator: "\n").map(String.init)
    #expect(csv[0].hasSuffix(",purchases,purchases_currency,purchases_left_out,left_out_currencies"))
    #expect(csv.contains { $0.hasPrefix("huadong,") && $0.hasSuffix(",-33,100000.0,CNY,2,USD none") }, "\(csv)")
    #expect(csv.contains { $0.hasPrefix("alpha,") && $0.hasSuffix(",400000.0,CNY,1,USD") }, "\(csv)")
  }

  @Test func oneCurrencyLeavesNothingOut() {
    var only = Self.mixedCurrencies()
    only[0].digest.purchases.removeLast()
    only[1].digest.purchases.removeLast(2)
    let p = Portfolio(plans: only, now: Self.now, today: Self.today)
    #expect(p.leftOut.isEmpty)
    #expect(!PortfolioView(portfolio: p, labels: Labels(nil, L10n(.en)), width: 120).text().plain.contains("Not in the purchase shares"))
  }

  @Test func everyCSVLeavesNumbersAloneAndGuardsFormulas() {
    var plans = Self.mixedCurrencies()
    plans[0].digest.name = "=HYPERLINK(\"x\")"
    let csv = PortfolioView(portfolio: Portfolio(plans: plans, now: Self.now, today: Self.today), labels: Labels(nil, L10n(.en)), width: 80).csv()
    #expect(csv.contains(",-33,") && !csv.contains("'-33"))
    #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    // The drill and team reports use the same rule.
    #expect(DrillReportView.csvField("-3.5") == "-3.5" && DrillReportView.csvField("-12") == "-12")
    #expect(DrillReportView.csvField("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
    #expect(DrillReportView.csvField("-2+3") == "'-2+3" && DrillReportView.csvField("@SUM(A1)") == "'@SUM(A1)")
  }

  static func plan(debriefed: Bool) -> AccountPlan {
    var plan = AccountPlan(id: "globex", name: "Globex", createdAt: Self.now)
    plan.account.tier = .a
    plan.management = ManagementFixture.sample()
    plan.management.touchpoints[0].followUps = ["Send the training plan", "Book the QBR, with the CFO"]
    var held = Meeting(date: "2026-11-10", createdAt: "2026-11-01T09:00:00Z")
    held.objective = "Pilot review"
    if debriefed { held.debrief = MeetingDebrief(recordedAt: "2026-11-10T18:00:00Z") }
    plan.meetings = [held]
    plan.assignItemIDs()
    return plan
  }

  @Test func theCalendarKeepsMeetingsHeldAndTheFollowUpsOfTouchpoints() throws {
    let before = PlanDigest(plan: Self.plan(debriefed: false), book: nil, now: Self.now, today: Self.today)
    let after = PlanDigest(plan: Self.plan(debriefed: true), book: nil, now: Self.now, today: Self.today)
    let planned = ICalendar.events(plans: [("globex", before)], l: L10n(.en)).first { $0.date == CalendarDay("2026-11-10") }
    let held = ICalendar.events(plans: [("globex", after)], l: L10n(.en)).first { $0.date == CalendarDay("2026-11-10") }
    // Once held, the meeting keeps its event (same UID, so a calendar updates it) with its date.
    #expect(planned != nil && held?.uid == planned?.uid && held?.category == "meeting")
    #expect(held?.summary == "Globex: Pilot review (held)")
    let zh = ICalendar.events(plans: [("globex", after)], l: L10n(.zh))
    #expect(zh.contains { $0.summary == "Globex: Pilot review（已举行）" })
    // The follow-ups: on the day of the touchpoint they were agreed at, one event per touchpoint.
    let events = ICalendar.events(plans: [("globex", after)], l: L10n(.en))
    let followUps = events.filter { $0.category == "follow-up" }
    #expect(followUps.count == 1)
    let f = try #require(followUps.first)
    #expect(f.date == CalendarDay("2026-10-01") && f.uid == "follow-up-mt1.globex@sales-coach")
    #expect(f.summary == "Globex: follow-up: Send the training plan; Book the QBR, with the CFO")
    #expect(f.description.contains("Agreed at the touchpoint of 2026-10-01 (no due date recorded):\n- Send the training plan\n- Book the QBR, with the CFO"))
    #expect(f.description.contains("Owner: Wang Fang."))
    let zf = zh.first { $0.category == "follow-up" }
    #expect(zf?.summary == "Globex: 跟进：Send the training plan；Book the QBR, with the CFO")
    #expect(zf?.description.contains("在 2026-10-01 的接触中约定（未记录截止日期）：") == true)
    // Neither is on the agenda: the meeting is done, the follow-ups have no due date.
    let agenda = Agenda(plans: [("globex", after)], today: Self.today, now: Self.now, days: 366)
    #expect(!agenda.entries.contains { $0.date == CalendarDay("2026-11-10") || $0.date == CalendarDay("2026-10-01") })
    // The document escapes the comma and keeps every UID distinct.
    let doc = ICalendar.document(events, now: Self.now, name: "Agenda", version: "1")
    #expect(doc.contains("Book the QBR\\, with the CFO"))
    #expect(Set(events.map(\.uid)).count == events.count)
  }

  @Test func csatIsAScoreOnItsOwnScale() {
    #expect(ManagementNames.csat(2, scale: 5, L10n(.en)) == "2.0 / 5")
    #expect(ManagementNames.csat(13.0 / 3, scale: 7, L10n(.en)) == "4.3 / 7")
    #expect(ManagementNames.csat(2, scale: 5, L10n(.zh)) == "2.0 / 5 分")
    var m = Management()
    m.csat = [
      CSATScore(date: "2026-11-02", score: 4, scale: 5), CSATScore(date: "2026-11-03", score: 5, scale: 7),
      CSATScore(date: "2026-11-04", score: 6, scale: 7),
    ]
    let point = ManagementMetrics(m, today: Self.today, now: Self.now).csatTrend[0]
    #expect(ManagementNames.csat(point, L10n(.en)) == "4.0 / 5 and 5.5 / 7")
    #expect(ManagementNames.csat(point, L10n(.zh)) == "4.0 / 5 分和 5.5 / 7 分")
    // `csat-low` still compares the share of the scale: (3/4 + 4/6 + 5/6) / 3 = 75 %.
    #expect(point.percent == 75)
  }

  @Test func anOldPlansVisitsCountFromWhenThePlanWasCreated() {
    var plan = AccountPlan(id: "old", name: "Old Co", createdAt: Timestamp(iso8601: "2026-06-15T09:00:00Z")!)
    plan.management.visitPlan = [.monthly, .quarterly]
    plan.management.accountManager = "Wang Fang"
    // No `answeredAt` for the visit plan and no touchpoint: a plan from before they were kept.
    let d = PlanDigest(plan: plan, book: nil, now: Self.now, today: Self.today)
    #expect(d.items.filter { $0.kind == .visit }.map { "\($0.text) \($0.date)" } == ["monthly 2026-07-15", "quarterly 2026-09-15"])
    // The same dates whichever day the digest is made: a cached digest stays true.
    let later = PlanDigest(plan: plan, book: nil, now: Timestamp(iso8601: "2027-01-05T09:00:00Z")!, today: CalendarDay("2027-01-05")!)
    #expect(later.items == d.items)
    let agenda = Agenda(plans: [("old", d)], today: Self.today, now: Self.now)
    #expect(agenda.groups.first?.key == .overdue && agenda.groups.first?.entries.map(\.text) == ["monthly", "quarterly"])
    // `check` and `show management` say the same.
    let findings = PlanChecks(plan: plan, book: nil, now: Self.now, today: Self.today).run().map(\.id)
    #expect(findings.contains("visit-overdue"))
    let shown = ManagementView(plan: plan, labels: Labels(nil, L10n(.en)), width: 100, today: Self.today, now: Self.now).render().plain
    #expect(shown.contains("2026-07-15"), "\(shown)")
  }
}
