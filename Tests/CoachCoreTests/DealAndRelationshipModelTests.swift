import CoachCore
import Testing

/// Deal facts and the deeper relationship map: read, written, checked and kept consistent.
@Suite struct DealAndRelationshipModelTests {
  func plan() -> AccountPlan { AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0)) }

  @Test func dealFactsRoundTripAndAnEmptyDealWritesNoKey() throws {
    var p = plan()
    #expect(!p.fileText.contains("\"deal\""))
    p.deal.size = 2_400_000
    p.deal.currency = "CNY"
    p.deal.closeDate = "2027-02-26"
    p.deal.stage = .valueDemonstration
    var rival = Competitor(name: "Siemens")
    rival.strengths = "Installed base"
    rival.weaknesses = "Slow support"
    rival.ourPosition = "Level with them"
    p.deal.competitors = [rival]
    let back = try AccountPlan.parse(p.fileText)
    #expect(back.deal == p.deal.withIDs(back.deal))
    #expect(back.deal.competitors.first?.id == "k1")
    #expect(back.deal.sizeText == "2,400,000 CNY")
    #expect(SalesStage.valueDemonstration.number == 4)
  }

  @Test func badDealFactsAreRefusedWhereTheyStand() {
    let bad = #"{"schemaVersion":2,"id":"x","deal":{"closeDate":"next week"}}"#
    #expect(throws: PlanReadError.self) { try AccountPlan.parse(bad) }
    do {
      _ = try AccountPlan.parse(#"{"schemaVersion":2,"id":"x","deal":{"stage":"won"}}"#)
      Issue.record("a stage that is not one of the six is refused")
    } catch {
      guard case .format(let e) = error else {
        Issue.record("format error expected")
        return
      }
      #expect(e.path == "deal.stage")
    }
  }

  @Test func removingAStakeholderClearsTheLinksToThem() throws {
    var p = plan()
    p.stakeholders = [Stakeholder(name: "Wang"), Stakeholder(name: "Li"), Stakeholder(name: "Zhao")]
    p.assignItemIDs()
    p.stakeholders[1].reportsTo = "s1"
    p.stakeholders[2].reportsTo = "s1"
    p.stakeholders[2].influences = ["s1", "s2"]
    p.removeStakeholder(at: 0)
    #expect(p.stakeholders.map(\.reportsTo) == [nil, nil])
    #expect(p.stakeholders[1].influences == ["s2"])
  }

  @Test func extraRolesNeverRepeatThePrimaryRoleAndLinksToNoOneAreDropped() throws {
    let text = #"""
      {"schemaVersion":2,"id":"x","stakeholders":[
        {"id":"s1","name":"Wang","role":"final","roles":["final","financial","financial"],"influences":["s9","s2"],"reportsTo":"s7"},
        {"id":"s2","name":"Li","lastContact":"2026-09-01","owner":"Chen"}]}
      """#
    var p = try AccountPlan.parse(text)
    #expect(p.stakeholders[0].roles == [.financial])
    #expect(p.stakeholders[0].allRoles == [.final, .financial])
    p.assignItemIDs()
    #expect(p.stakeholders[0].influences == ["s2"])
    #expect(p.stakeholders[0].reportsTo == nil)
    #expect(p.stakeholders[1].lastContact == "2026-09-01")
    #expect(throws: PlanReadError.self) {
      try AccountPlan.parse(#"{"schemaVersion":2,"id":"x","stakeholders":[{"id":"s1","name":"A","lastContact":"May"}]}"#)
    }
  }
}

extension DealFacts {
  /// This deal with the competitors' ids of `other` (ids are given when the plan is written).
  func withIDs(_ other: DealFacts) -> DealFacts {
    var copy = self
    for i in copy.competitors.indices where i < other.competitors.count { copy.competitors[i].id = other.competitors[i].id }
    return copy
  }
}

/// The relationship findings against a fixed today, and the tree's drawing.
@Suite struct RelationshipChecksAndTreeTests {
  static let today = CalendarDay("2026-11-23")!

  func findings(_ plan: AccountPlan) -> [Finding] {
    PlanChecks(plan: plan, book: nil, now: Timestamp(iso8601: "2026-11-23T09:00:00Z")!, today: Self.today).run()
      .filter { $0.id.hasPrefix("relationship-") }
  }

  @Test func sixtyDaysWithoutContactIsCold() {
    var plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    var a = Stakeholder(name: "A")
    a.influence = 4
    a.owner = "Jia"
    a.lastContact = "2026-09-25"  // 59 days
    var b = Stakeholder(name: "B")
    b.influence = 5
    b.owner = "Jia"
    b.lastContact = "2026-09-24"  // 60 days
    var c = Stakeholder(name: "C")
    c.influence = 3  // not influential enough for either finding
    plan.stakeholders = [a, b, c]
    let found = findings(plan)
    #expect(found.map(\.id) == ["relationship-gone-cold"])
    #expect(found.first?.values == ["name": "B", "days": "60"])
    plan.stakeholders[0].owner = nil
    #expect(findings(plan).map(\.id).sorted() == ["relationship-gone-cold", "relationship-without-owner"])
  }

  @Test func aReportingLoopStillShowsEveryoneOnceAndChineseNamesStayWhole() {
    var plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    plan.stakeholders = ["王建国", "刘敏", "陈涛"].map { Stakeholder(name: $0) }
    plan.assignItemIDs()
    plan.stakeholders[0].reportsTo = "s2"
    plan.stakeholders[1].reportsTo = "s1"  // a loop
    plan.stakeholders[2].reportsTo = "s1"
    plan.stakeholders[2].title = "信息中心主任，负责与现有调度系统对接和数据安全等级保护"
    let tree = RelationshipTree(plan: plan, labels: Labels(nil, L10n(.zh)), width: 24)
    #expect(tree.rows().map(\.index).sorted() == [0, 1, 2])
    let text = tree.render().plain
    for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 24, "\(line)") }
    #expect(text.contains("王建国") && text.contains("刘敏") && text.contains("陈涛"))
  }
}
