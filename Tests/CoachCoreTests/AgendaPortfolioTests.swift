import CoachTestSupport
import Testing

@testable import CoachCore

/// The views across accounts, computed from digests on a pinned day (Mon 2026-11-23).
@Suite struct AgendaTests {
  static let today = CalendarDay("2026-11-23")!
  static let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!

  static func digest(_ name: String, tier: Tier?, updated: String = "2026-11-20T09:00:00Z", actions: [(String, String)] = []) -> PlanDigest {
    PlanDigest(
      name: name, updatedAt: updated, tier: tier,
      items: actions.enumerated().map { DigestItem(kind: .action, id: "a\($0.offset + 1)", text: $0.element.0, owner: "Sean", date: $0.element.1) })
  }

  static let plans: [(id: String, digest: PlanDigest)] = [
    ("c-co", digest("C Co", tier: .c, actions: [("call back", "2026-11-23"), ("late C", "2026-11-01")])),
    ("a-co", digest("A Co", tier: .a, actions: [("send TCO", "2026-11-23"), ("late A", "2026-11-20"), ("next month", "2026-12-20")])),
    ("b-co", digest("B Co", tier: .b, actions: [("demo", "2026-11-29"), ("after the week", "2026-11-30")])),
    ("none", digest("Unclassified", tier: nil, updated: "2026-09-01T09:00:00Z", actions: [("today too", "2026-11-23")])),
    ("old-a", digest("Old A", tier: .a, updated: "2026-10-01T09:00:00Z")),
  ]

  @Test func groupsOverdueThenEachDayThenStalePlans() {
    let agenda = Agenda(plans: Self.plans, today: Self.today, now: Self.now)
    #expect(agenda.until == CalendarDay("2026-11-29")!)
    #expect(agenda.groups.map(\.key) == [.overdue, .day(Self.today), .day(CalendarDay("2026-11-29")!), .stale])
    // Overdue: tier A before C, whatever the dates.
    #expect(agenda.groups[0].entries.map(\.text) == ["late A", "late C"])
    // Today: A, then C, then the unclassified plan.
    #expect(agenda.groups[1].entries.map(\.plan) == ["a-co", "c-co", "none"])
    #expect(agenda.groups[2].entries.map(\.text) == ["demo"])
    // Nothing after the week; stale plans, A first, then the longest untouched.
    #expect(!agenda.entries.contains { $0.text == "after the week" || $0.text == "next month" })
    #expect(agenda.groups[3].entries.map(\.plan) == ["old-a", "none"])
    #expect(agenda.groups[3].entries.map(\.daysSinceUpdate) == [53, 83])
  }

  @Test func daysAndStaleDaysWidenOrNarrowTheView() {
    let agenda = Agenda(plans: Self.plans, today: Self.today, now: Self.now, days: 30, staleDays: 60)
    #expect(agenda.entries.contains { $0.text == "next month" })
    #expect(agenda.groups.last?.entries.map(\.plan) == ["none"])
    let one = Agenda(plans: Self.plans, today: Self.today, now: Self.now, days: 1)
    #expect(one.groups.map(\.key) == [.overdue, .day(Self.today), .stale])
  }

  @Test func anEmptyAgendaSaysSoInBothLanguages() {
    let agenda = Agenda(plans: [("a", Self.digest("A", tier: .a))], today: Self.today, now: Self.now)
    #expect(agenda.isEmpty)
    let en = AgendaView(agenda: agenda, l: L10n(.en), width: 80).text().plain
    let zh = AgendaView(agenda: agenda, l: L10n(.zh), width: 80).text().plain
    #expect(en.contains("Nothing due or at risk"))
    #expect(zh.contains("没有到期或有风险的事项"))
    #expect(en.contains("0 overdue · 0 due by Sun 2026-11-29 · 0 stale plans"))
  }

  @Test func textAndJSONCarryTheSameItems() throws {
    let agenda = Agenda(plans: Self.plans, today: Self.today, now: Self.now)
    let view = AgendaView(agenda: agenda, l: L10n(.zh), width: 100)
    let text = view.text().plain
    #expect(text.contains("已逾期"))
    #expect(text.contains("今天 · 2026-11-23 周一"))
    #expect(text.contains("行动：send TCO"))
    #expect(text.contains("长期未更新的计划（30 天或更久未更新）"))
    let json = view.json()
    #expect(json["summary"]?["overdue"]?.int == 2)
    #expect(json["summary"]?["due"]?.int == 4)
    #expect(json["summary"]?["stalePlans"]?.int == 2)
    let overdue = try #require(json["groups"]?.array?.first)
    #expect(overdue["group"]?.string == "overdue")
    #expect(overdue["items"]?.array?.first?["daysOverdue"]?.int == 3)
    #expect(overdue["items"]?.array?.first?["tier"]?.string == "A")
    let unclassified = json["groups"]?.array?[1]["items"]?.array?.last
    #expect(unclassified?["tier"] == .null)
  }

  @Test func theDigestKeepsOnlyOpenDatedActions() {
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: Self.now)
    plan.account.tier = .b
    plan.actions = [
      Action(text: "open dated", owner: "Li", due: "2026-11-24", createdAt: "2026-11-01T00:00:00Z"),
      Action(text: "open undated", createdAt: "2026-11-01T00:00:00Z"),
      {
        var a = Action(text: "done", due: "2026-11-20", createdAt: "2026-11-01T00:00:00Z")
        a.done = true
        return a
      }(),
    ]
    let digest = PlanDigest(plan: plan, book: nil, now: Self.now, today: Self.today)
    #expect(digest.items.map(\.text) == ["open dated"])
    #expect(digest.items.first?.owner == "Li")
    #expect(digest.tier == .b)
    // Stale plans and overdue actions are worked out at view time, not in the digest.
    let later = PlanDigest(plan: plan, book: nil, now: Timestamp(iso8601: "2027-06-01T00:00:00Z")!, today: CalendarDay("2027-06-01")!)
    #expect(later == digest)
  }
}

@Suite struct ICalendarTests {
  @Test func textValuesAreEscapedAndControlCharactersShown() {
    #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    #expect(!ICalendar.escape("x\u{1B}[31my").contains("\u{1B}"))
    #expect(!ICalendar.escape("x\r\ny").contains("\r"))
  }

  @Test func longLinesFoldAt75OctetsWithoutSplittingACharacter() {
    let line = "SUMMARY:" + String(repeating: "华东电力-Acme ", count: 20)
    let folded = ICalendar.fold(line)
    let parts = folded.components(separatedBy: "\r\n")
    #expect(parts.count > 1)
    for (i, part) in parts.enumerated() {
      #expect(part.utf8.count <= 75)
      if i > 0 { #expect(part.hasPrefix(" ")) }
    }
    // Unfolding (drop CRLF + one space) gives the line back, byte for byte.
    #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
    #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
  }

  @Test func uidsAreStableASCIIAndDistinct() {
    let a = ICalendar.uid(plan: "华东电力", kind: "action", item: "a1")
    #expect(a == ICalendar.uid(plan: "华东电力", kind: "action", item: "a1"))
    #expect(a.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(a != ICalendar.uid(plan: "华东电力", kind: "action", item: "a2"))
    #expect(ICalendar.uid(plan: "a-b", kind: "action", item: "a1") != ICalendar.uid(plan: "a_2Db", kind: "action", item: "a1"))
  }

  @Test func theDocumentHasAllDayEventsAndCRLF() {
    let plans: [(id: String, digest: PlanDigest)] = [("acme", AgendaTests.digest("Acme, Inc.", tier: .a, actions: [("Send; TCO", "2026-11-30")]))]
    let events = ICalendar.events(plans: plans, l: L10n(.en))
    let doc = ICalendar.document(events, now: AgendaTests.now, name: "Sales Coach agenda", version: "1.0")
    #expect(doc.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(doc.hasSuffix("END:VCALENDAR\r\n"))
    #expect(!doc.replacingAll("\r\n", with: "").contains("\n"))
    #expect(doc.contains("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"))
    #expect(doc.contains("DTSTAMP:20261123T090000Z"))
    #expect(doc.contains("SUMMARY:Acme\\, Inc.: Send\\; TCO"))
    #expect(doc.contains("UID:action-a1.acme@sales-coach"))
  }
}

@Suite struct PortfolioTests {
  static let plans: [(id: String, digest: PlanDigest)] = [
    ("a1", PlanDigest(name: "Alpha", updatedAt: "2026-11-20T09:00:00Z", tier: .a, stage: .strategic, sections: ["account": 1, "value": 1])),
    ("a2", PlanDigest(name: "beta", updatedAt: "2026-11-22T09:00:00Z", tier: .a, stage: .new, sections: ["account": 0.5])),
    ("b1", PlanDigest(name: "Gamma", updatedAt: "2026-09-01T09:00:00Z", tier: .b, stage: .mature, warnings: 2)),
    ("x", PlanDigest(name: "Delta", updatedAt: "2026-11-23T08:00:00Z")),
  ]

  @Test func tiersSpreadOverStagesWithShares() {
    let p = Portfolio(plans: Self.plans, now: AgendaTests.now, today: AgendaTests.today)
    #expect(p.tiers.map(\.tier) == [.a, .b, nil])
    #expect(p.tiers.map(\.accounts) == [2, 1, 1])
    #expect(p.tiers[0].share == 0.5)
    #expect(p.tiers[0].stages[.strategic] == 1 && p.tiers[0].stages[.new] == 1)
    #expect(p.tiers[2].stages[nil] == 1)
    // The stale plan's warning is added at view time.
    #expect(p.rows.first { $0.id == "b1" }?.warnings == 3)
  }

  @Test func sortsByEachKey() {
    func order(_ s: Portfolio.Sort) -> [String] { Portfolio(plans: Self.plans, now: AgendaTests.now, today: AgendaTests.today, sort: s).rows.map(\.id) }
    // Tier: A first, the least complete first within it.
    #expect(order(.tier) == ["a2", "a1", "b1", "x"])
    #expect(order(.name) == ["a1", "a2", "x", "b1"])
    #expect(order(.completeness).first == "a1")
    #expect(order(.warnings).first == "b1")
    #expect(order(.updated) == ["x", "a2", "a1", "b1"])
    #expect(order(.stage) == ["a2", "b1", "a1", "x"])
  }

  @Test func csvAndJSONCarryEveryAccount() {
    let p = Portfolio(plans: Self.plans, now: AgendaTests.now, today: AgendaTests.today)
    let view = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.en)), width: 80)
    let csv = view.csv(lineEnd: "\n").split(separator: "\n")
    #expect(csv.count == 5)
    #expect(csv[0] == Substring(PortfolioView.csvColumns.joined(separator: ",")))
    #expect(view.json()["accounts"]?.array?.count == 4)
    #expect(view.json()["tiers"]?.array?.first?["share"]?.int == 50)
  }

  @Test func theTableKeepsChineseColumnsAligned() {
    let plans: [(id: String, digest: PlanDigest)] = [
      ("华东电力", PlanDigest(name: "华东电力集团有限公司", updatedAt: "2026-11-20T09:00:00Z", tier: .a, stage: .mature)),
      ("acme", PlanDigest(name: "Acme", updatedAt: "2026-11-20T09:00:00Z", tier: .b)),
    ]
    let p = Portfolio(plans: plans, now: AgendaTests.now, today: AgendaTests.today)
    let text = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.zh)), width: 80).text().plain
    let rows = text.split(separator: "\n").filter { $0.contains("华东电力") || $0.contains("Acme") }
    #expect(rows.count == 2)
    // The completeness column ends in the same terminal column on both rows.
    let ends = rows.map { row in DisplayWidth.of(row[...row.firstIndex(of: "%")!]) }
    #expect(ends[0] == ends[1])
  }
}

@Suite struct DisplayWidthFastPathTests {
  /// The scalar fast path gives the same width as the character-by-character path.
  @Test func agreesWithTheCharacterPath() {
    let samples = [
      "Acme Corp", "华东电力集团有限公司", "한국전력", "Ｆｕｌｌ", "「报价」，。", "Café", "Cafe\u{301}", "👍🏽 ok", "❤️", "e\u{301}\u{302}",
      "中\u{301}", "\u{1B}[31m", "tab\there", "한\u{11A8}", "\u{302A}中", "mixed 中文 and ASCII — dash", "🇨🇳", "",
    ]
    for s in samples {
      #expect(DisplayWidth.of(s) == DisplayWidth.characterWidth(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(DisplayWidth.of("华东 A") == 6)
  }
}

@Suite struct PlanIDFastPathTests {
  @Test func plainSlugsAreValidAndOthersStillChecked() {
    for id in ["acme", "northwind-foods-12", "a1-b2"] {
      #expect(PlanID.isPlainSlug(id) && PlanID.isValid(id))
    }
    for id in ["a--b", "-a", "a-", "Acme", "a.b", "a b", ""] {
      #expect(!PlanID.isPlainSlug(id))
      #expect(PlanID.isValid(id) == ((try? PlanID.make(from: id)) == id))
    }
    #expect(PlanID.isValid("华东电力-1"))
  }
}

/// The management section and the meetings timeline on the agenda and in the portfolio.
@Suite struct AgendaManagementTests {
  static func managedPlan() -> AccountPlan {
    var plan = AccountPlan(id: "globex", name: "Globex", createdAt: AgendaTests.now)
    plan.account.tier = .a
    plan.management = ManagementFixture.sample()
    var next = Meeting(date: "2026-11-25", createdAt: "2026-11-01T09:00:00Z")
    next.time = "10:00"
    next.objective = "Agree the pilot scope"
    var done = Meeting(date: "2026-11-10", createdAt: "2026-11-01T09:00:00Z")
    done.debrief = MeetingDebrief(recordedAt: "2026-11-10T18:00:00Z")
    plan.meetings = [next, done]
    plan.assignItemIDs()
    return plan
  }

  @Test func theDigestCarriesVisitsMeetingsDeadlinesAndSigns() {
    let d = PlanDigest(plan: Self.managedPlan(), book: nil, now: AgendaTests.now, today: AgendaTests.today)
    let items = d.items.map { "\($0.kind.rawValue) \($0.text) \($0.date)" }.sorted()
    #expect(
      items == [
        // An open issue's deadlines are instants; one not yet responded to has both.
        "follow-up Send the training plan 2026-10-01", "held-meeting  2026-11-10", "meeting 10:00 · Agree the pilot scope 2026-11-25",
        "resolve Slow reports 2026-10-17T08:00:00Z", "resolve System down 2026-11-20T20:00:00Z", "respond Slow reports 2026-10-15T12:00:00Z",
        "visit monthly 2026-11-01", "visit quarterly 2026-11-20", "visit yearly 2027-06-01",
      ])
    #expect(d.serviceTier == .vip && d.lifecycle == .mature)
    #expect(d.nps == -33)
    #expect(d.signals == ["nps-falling", "nps-detractor-majority"])
    #expect(d.churnWarnings(today: AgendaTests.today) == ["nps-falling", "nps-detractor-majority", "purchase-frequency-falling", "complaints-rising"])
    // In March the orders were still regular and the complaints not yet there.
    #expect(d.churnWarnings(today: CalendarDay("2026-03-20")!) == ["nps-falling", "nps-detractor-majority"])
  }

  @Test func theAgendaShowsThemInBothLanguages() {
    let d = PlanDigest(plan: Self.managedPlan(), book: nil, now: AgendaTests.now, today: AgendaTests.today)
    let agenda = Agenda(plans: [("globex", d)], today: AgendaTests.today, now: AgendaTests.now)
    #expect(agenda.groups.map(\.key) == [.overdue, .day(CalendarDay("2026-11-25")!), .churn])
    #expect(agenda.groups[0].entries.map(\.kind) == [.respond, .resolve, .visit, .visit, .resolve])
    let en = AgendaView(agenda: agenda, l: L10n(.en), width: 120).text().plain
    for words in [
      "visit due: monthly operational visit", "respond to issue: Slow reports", "meeting: 10:00 · Agree the pilot scope", "Churn warnings",
      "NPS falling, detractors are the majority, orders coming more slowly and complaints rising", "1 with churn warnings",
    ] {
      #expect(en.contains(words), "\(words)")
    }
    let zh = AgendaView(agenda: agenda, l: L10n(.zh), width: 120).text().plain
    for words in ["应回访：月度运营回访", "响应问题：Slow reports", "会谈：10:00 · Agree the pilot scope", "流失预警", "采购频次下降"] {
      #expect(zh.contains(words), "\(words)")
    }
    let json = AgendaView(agenda: agenda, l: L10n(.en), width: 80).json()
    #expect(json["summary"]?["churnWarnings"]?.int == 1)
    // The calendar: actions, visits, meetings (held ones too) and touchpoint follow-ups; issue
    // deadlines stay on the agenda, meetings held and follow-ups stay off it.
    #expect(!agenda.entries.contains { $0.date == CalendarDay("2026-11-10") || $0.date == CalendarDay("2026-10-01") })
    let events = ICalendar.events(plans: [("globex", d)], l: L10n(.en))
    #expect(events.map(\.category).sorted() == ["follow-up", "meeting", "meeting", "visit", "visit", "visit"])
    #expect(events.contains { $0.summary == "Globex: quarterly business review" })
  }

  @Test func thePortfolioShowsServiceNPSAndThePurchaseShares() {
    let managed = PlanDigest(plan: Self.managedPlan(), book: nil, now: AgendaTests.now, today: AgendaTests.today)
    var other = PlanDigest(name: "Small Co", updatedAt: "2026-11-20T09:00:00Z", tier: .c)
    other.purchases = [DigestPurchase(date: "2026-05-01", amount: 310_000, currency: "CNY"), DigestPurchase(date: "2026-05-02", amount: 99, currency: "USD")]
    let p = Portfolio(plans: [("globex", managed), ("small", other)], now: AgendaTests.now, today: AgendaTests.today, sort: .nps)
    #expect(p.currency == "CNY" && p.hasPurchases && p.hasManagement)
    #expect(p.tiers.map(\.purchaseShare) == [0.5, 0.5])
    #expect(p.rows.map(\.id) == ["globex", "small"])
    let text = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.en)), width: 120).text().plain
    #expect(text.contains("Tier A: 50% of the accounts, 50% of the purchases (CNY)."))
    #expect(text.contains("VIP") && text.contains("-33"))
    let zh = PortfolioView(portfolio: p, labels: Labels(nil, L10n(.zh)), width: 120).text().plain
    #expect(zh.contains("A 类：占客户数的 50%，占采购额的 50%（CNY）。"))
    #expect(zh.contains("成熟期") && zh.contains("服务级别"))
  }
}

@Suite struct PlanIDChineseFastPathTests {
  @Test func chineseSlugsTakeTheFastPathAndAgreeWithMake() {
    for id in ["华东电力-1", "深圳精密制造", "acme-华东"] {
      #expect(PlanID.isPlainSlug(id))
      #expect((try? PlanID.make(from: id)) == id)
    }
    // A compatibility ideograph (U+F900) decomposes: not on the fast path.
    #expect(!PlanID.isPlainSlug("\u{F900}"))
  }
}

@Suite struct WrapFastPathTests {
  /// Text of scalars below U+0300 is split into the same tokens with or without the fast path
  /// (the slow path runs on the same text with one CJK character appended, then dropped).
  @Test func latinTokensAgreeWithTheCharacterPath() {
    for text in ["Send the TCO model, signed", "  two  spaces ", "(a) [b] {c}, d.", "Café au lait", "x", " ", "", "a , b ( c"] {
      let fast = Wrap.tokens(text)
      let slow = Wrap.tokens(text + "中")
      #expect(fast == Array(slow.dropLast()) || (slow.last == "中" && fast == Array(slow.dropLast())) || fast + ["中"] == slow, "\(text)")
    }
    #expect(Wrap.lines("Send the TCO model to the CFO before Friday", width: 20) == ["Send the TCO model", "to the CFO before", "Friday"])
  }
}
