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
