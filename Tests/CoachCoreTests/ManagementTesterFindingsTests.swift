import CoachTestSupport
import Testing

@testable import CoachCore

/// What an independent tester found in `manage`, `portfolio` and `agenda` (issue 17d): a
/// purchase of 0 when the amount was skipped, SLA deadlines the agenda did not call overdue,
/// levels and times as people say them refused, a crisis start in raw ISO, a number split from
/// its unit at a line end.
@Suite struct ManagementTesterFindingsTests {
  static let now = Timestamp(iso8601: "2026-12-07T21:00:00Z")!
  static let today = CalendarDay("2026-12-07")!

  static func drive(_ flow: WalkFlow, _ lines: [String], lang: Lang, plan start: AccountPlan) -> (AccountPlan, String) {
    var plan = start
    let l = L10n(lang)
    let effects = WalkFlowDriver.play(flow, lines, plan: &plan, stamp: now) {
      FlowContext(plan: $0, book: nil, l: l, width: 80, today: today, now: now, currency: "CNY")
    }
    var said = ""
    for effect in effects {
      switch effect {
      case .say(let t), .warn(let t): said += t.plain + "\n"
      default: break
      }
    }
    return (plan, said)
  }

  static func plan() -> AccountPlan { AccountPlan(id: "acme", name: "Acme", createdAt: now) }

  // MARK: 1. a purchase needs its amount

  @Test(arguments: [Lang.en, .zh]) func skippingTheAmountAsksAgainAndNeverLogsZero(lang: Lang) {
    let (plan, said) = Self.drive(
      ManagementFlows.purchase(walk: ManagementTestWalks.walk("manage-purchase", lang), l: L10n(lang)), ["", "skip", "48500", "2026-12-06", ""], lang: lang, plan: Self.plan())
    #expect(plan.management.purchases.count == 1)
    let p = plan.management.purchases.first
    // An amount without a currency takes the currency setting.
    #expect(p?.amount == 48_500 && p?.currency == "CNY" && p?.date == "2026-12-06")
    #expect(said.contains(lang == .en ? "A purchase needs its amount" : "采购必须填写金额"), "\(said)")
    #expect(!said.contains(": 0 on") && !said.contains("，0。"), "\(said)")
  }

  @Test func doneAtTheAmountLogsNothing() {
    let (plan, _) = Self.drive(ManagementFlows.purchase(walk: ManagementTestWalks.walk("manage-purchase", .en), l: L10n(.en)), ["", "done"], lang: .en, plan: Self.plan())
    #expect(plan.management.purchases.isEmpty)
  }

  @Test(arguments: [Lang.en, .zh]) func aZeroPurchaseWithoutCurrencyDoesNotTakeOverThePortfolio(lang: Lang) {
    var a = PlanDigest(name: "Alpha", updatedAt: "2026-12-01T09:00:00Z", tier: .a)
    a.purchases = [DigestPurchase(date: "2026-11-01", amount: 350_000, currency: "CNY"), DigestPurchase(date: "2026-12-06", amount: 0, currency: nil)]
    var b = PlanDigest(name: "Beta", updatedAt: "2026-12-01T09:00:00Z", tier: .b)
    b.purchases = [DigestPurchase(date: "2026-11-02", amount: 48_500, currency: "CNY"), DigestPurchase(date: "2026-12-05", amount: 0, currency: nil)]
    let p = Portfolio(plans: [("alpha", a), ("beta", b)], now: Self.now, today: Self.today)
    // Two in CNY, two without a currency: CNY is the reference, not "no currency".
    #expect(p.currency == "CNY")
    #expect(p.tiers.first { $0.tier == .a }?.purchases == 350_000)
    let text = PortfolioView(portfolio: p, labels: Labels(nil, L10n(lang)), width: 120).text().plain
    #expect(!text.contains(lang == .en ? "2 purchases in CNY" : "CNY 采购"), "\(text)")
    // Only amounts without a currency anywhere: they are the reference then.
    var c = PlanDigest(name: "Gamma", updatedAt: "2026-12-01T09:00:00Z", tier: .a)
    c.purchases = [DigestPurchase(date: "2026-11-01", amount: 700, currency: nil)]
    #expect(Portfolio(plans: [("gamma", c)], now: Self.now, today: Self.today).hasPurchases)
  }

  // MARK: 2. SLA deadlines on the agenda

  static func issuePlan() -> AccountPlan {
    var plan = Self.plan()
    plan.management.responseLevels = [ResponseLevel(level: 1, respondHours: 1, resolveHours: 12)]
    plan.management.issues = [ServiceIssue(title: "System down", kind: .complaint, level: 1, openedAt: "2026-12-07T08:15:00Z")]
    plan.assignItemIDs()
    return plan
  }

  @Test(arguments: [Lang.en, .zh]) func aBreachedDeadlineIsOverdueTheSameDayAsCheckSays(lang: Lang) {
    let plan = Self.issuePlan()
    // The digest is made in the morning (as a cached one would be) and read at 21:00.
    let d = PlanDigest(plan: plan, book: nil, now: Timestamp(iso8601: "2026-12-07T08:20:00Z")!, today: Self.today)
    #expect(d.items.filter { $0.kind == .respond || $0.kind == .resolve }.map(\.date) == ["2026-12-07T09:15:00Z", "2026-12-07T20:15:00Z"])
    let findings = PlanChecks(plan: plan, book: nil, now: Self.now, today: Self.today).run().map(\.id)
    #expect(findings.contains("sla-breached"))
    let agenda = Agenda(plans: [("acme", d)], today: Self.today, now: Self.now)
    #expect(agenda.groups.first?.key == .overdue)
    #expect(agenda.groups.first?.entries.map(\.kind) == [.respond, .resolve])
    let view = AgendaView(agenda: agenda, l: L10n(lang), width: 120)
    #expect(view.overdueCount == 2)
    let text = view.text().plain
    // Overdue: the Due column holds the day and the time, the What column the issue alone.
    let row = text.split(separator: "\n").first { $0.contains(lang == .en ? "resolve issue" : "解决问题") }.map(String.init) ?? ""
    #expect(text.contains(lang == .en ? "Due (UTC)" : "截止（UTC）"), "\(text)")
    #expect(row.contains("20:15") && row.contains(lang == .en ? "resolve issue: System down" : "解决问题：System down"), "\(text)")
    #expect(!row.contains("(by 20:15") && !row.contains("UTC 前"), "\(row)")
    #expect(row.firstRange(of: "20:15")!.lowerBound < row.firstRange(of: lang == .en ? "resolve issue" : "解决问题")!.lowerBound, "\(row)")
    // Due later today (no Due column): the time stays with what is due.
    let today = AgendaView(agenda: Agenda(plans: [("acme", d)], today: Self.today, now: Timestamp(iso8601: "2026-12-07T09:00:00Z")!), l: L10n(lang), width: 120)
    #expect(today.text().plain.contains(lang == .en ? "resolve issue: System down (by 20:15 UTC)" : "解决问题：System down（20:15 UTC 前）"))
    // At 09:00 the response is still due today, at 09:15; nothing is overdue yet.
    let morning = Agenda(plans: [("acme", d)], today: Self.today, now: Timestamp(iso8601: "2026-12-07T09:00:00Z")!)
    #expect(morning.groups.first?.key == .day(Self.today) && morning.groups.first?.entries.count == 2)
    // At 10:00 the response deadline has passed; the resolution one is still today.
    let later = Agenda(plans: [("acme", d)], today: Self.today, now: Timestamp(iso8601: "2026-12-07T10:00:00Z")!)
    #expect(later.groups.map(\.key) == [.overdue, .day(Self.today)])
    // The next day both are overdue.
    let next = Agenda(plans: [("acme", d)], today: Self.today.adding(days: 1), now: Timestamp(iso8601: "2026-12-08T09:00:00Z")!)
    #expect(next.groups.first?.entries.map(\.kind) == [.respond, .resolve])
    #expect(AgendaView(agenda: agenda, l: L10n(lang), width: 80).json()["groups"]?.array?.first?["items"]?.array?.last?["dueAt"]?.string == "2026-12-07T20:15:00Z")
  }

  // MARK: 3. levels and times as people say them

  @Test func responseLevelsAsSaid() {
    for (typed, level) in [("level 1", 1), ("Level 2", 2), ("2级", 2), ("二级", 2), ("第三级", 3), ("L3", 3), ("3", 3)] {
      #expect(ManagementParsing.level(typed) == level, "\(typed)")
    }
    for typed in ["4级", "level", "four", ""] { #expect(ManagementParsing.level(typed) == nil, "\(typed)") }
  }

  @Test func issueTimesAsSaid() {
    let today = Self.today
    let now = Self.now
    func at(_ s: String) -> ManagementParsing.Moment { .at(Timestamp(iso8601: s)!) }
    #expect(ManagementParsing.moment("昨天上午9点", today: today, now: now) == at("2026-12-06T09:00:00Z"))
    #expect(ManagementParsing.moment("昨天 上午9点", today: today, now: now) == at("2026-12-06T09:00:00Z"))
    #expect(ManagementParsing.moment("今天下午3点", today: today, now: now) == at("2026-12-07T15:00:00Z"))
    #expect(ManagementParsing.moment("今天下午2点半", today: today, now: now) == at("2026-12-07T14:30:00Z"))
    #expect(ManagementParsing.moment("yesterday 9am", today: today, now: now) == at("2026-12-06T09:00:00Z"))
    #expect(ManagementParsing.moment("yesterday 9:00", today: today, now: now) == at("2026-12-06T09:00:00Z"))
    #expect(ManagementParsing.moment("2026-12-01", today: today, now: now) == at("2026-12-01T09:00:00Z"))
  }

  @Test(arguments: [Lang.en, .zh]) func theIssueWalkTakesLevelsAndTimesAsSaid(lang: Lang) {
    let flow = ManagementFlows.issue(walk: ManagementTestWalks.walk("manage-issue", lang), l: L10n(lang), today: Self.today, now: Self.now)
    let (plan, said) = Self.drive(flow, ["Reports are slow", "2", lang == .en ? "level 2" : "二级", lang == .en ? "yesterday 9am" : "昨天上午9点"], lang: lang, plan: Self.plan())
    let issue = plan.management.issues.first
    #expect(issue?.level == 2 && issue?.openedAt == "2026-12-06T09:00:00Z", "\(said)")
    // A level not on the menu says what each number stands for, not `1, 2, 3` again.
    let (_, refused) = Self.drive(
      ManagementFlows.issue(walk: ManagementTestWalks.walk("manage-issue", lang), l: L10n(lang), today: Self.today, now: Self.now), ["Reports are slow", "2", "5级"], lang: lang,
      plan: Self.plan())
    #expect(refused.contains(lang == .en ? "type a number from 1 to 3 (1 system down" : "请输入 1 到 3 的数字（1 系统瘫痪"), "\(refused)")
    #expect(!refused.contains("or one of 1, 2, 3") && !refused.contains("或 1, 2, 3 之一"))
  }

  // MARK: 4. the crisis start

  @Test(arguments: [Lang.en, .zh]) func aCrisisStartReadsAsATime(lang: Lang) {
    var plan = Self.plan()
    plan.management.crises = [Crisis(title: "Outage", openedOn: "2026-12-07T13:08:00Z")]
    plan.assignItemIDs()
    let shown = ManagementView(plan: plan, labels: Labels(nil, L10n(lang)), width: 100, today: Self.today, now: Self.now).render().plain
    #expect(shown.contains(lang == .en ? "open since 2026-12-07 13:08 UTC" : "开始于 2026-12-07 13:08 UTC"), "\(shown)")
    #expect(!shown.contains("T13:08"))
  }

  // MARK: 5. a number stays with its unit

  @Test func aNumberAndItsUnitStayOnOneLine() {
    for width in 20...90 {
      let en = ManagementFlows.setUp(Self.plan(), walk: ManagementTestWalks.walk("manage", .en), l: L10n(.en)).engine.walk.prompts.last!.text
      for line in Wrap.lines(en, width: width) {
        #expect(!line.hasSuffix(" 24") && !line.hasSuffix(" 2") && !line.hasSuffix(" 4") && !line.hasSuffix(" 48"), "\(width): \(line)")
      }
      let zh = ManagementFlows.setUp(Self.plan(), walk: ManagementTestWalks.walk("manage", .zh), l: L10n(.zh)).engine.walk.prompts.last!.text
      let lines = Wrap.lines(zh, width: width)
      for line in lines { #expect(!line.hasSuffix("24") && !line.hasSuffix("48") && !line.hasSuffix("小"), "\(width): \(line)") }
    }
  }
}
