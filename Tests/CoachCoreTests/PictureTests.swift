import CoachTestSupport
import Testing

@testable import CoachCore

/// The ZOPA bar, the concession ladder and the relationship matrix as golden text, in both
/// languages (Chinese labels must line up by display width).
@Suite struct PictureTests {
  static func negotiationPlan(better: BetterDirection = .higher, theirLimit: Double? = 1_100_000) -> AccountPlan {
    var p = AccountPlan(id: "acme", name: "Acme", createdAt: Timestamp(iso8601: "2026-11-23T09:00:00Z")!)
    var o = Objective(term: .price)
    o.best = .number(1_200_000)
    o.expected = .number(1_000_000)
    o.walkAway = .number(900_000)
    o.better = better
    o.unit = "CNY"
    o.flexibility = .core
    p.negotiation.objectives = [o]
    p.negotiation.batna.theirs.value = theirLimit
    var a = Concession(order: 1)
    a.give = "60-day payment terms"
    a.costToUs = 20_000
    a.valueToThem = 30_000
    var b = Concession(order: 2)
    b.give = "免费培训 20 人"
    b.get = "参观案例客户"
    b.costToUs = 40_000
    b.valueToThem = 25_000
    p.negotiation.concessions = [a, b]
    p.stakeholders = [
      FindingTests.person("王总", .final, influence: 5, .supporter), FindingTests.person("Li Wei", .financial, influence: 4, .skeptic),
      FindingTests.person("Zhou", .technical, influence: 3, .champion),
    ]
    return p
  }

  @Test(arguments: [Lang.en, Lang.zh])
  func zopaLadderAndMatrix(lang: Lang) throws {
    let labels = Labels(Fixtures.playbook(lang), L10n(lang))
    let plan = Self.negotiationPlan()
    let zopa = try #require(ZOPAPicture(plan: plan, labels: labels).render())
    let ladder = ConcessionLadderPicture(negotiation: plan.negotiation, labels: labels).render()
    let matrix = RelationshipMatrix(stakeholders: plan.stakeholders, labels: labels).render()
    let text = [zopa, ladder, matrix].map { $0.rendered(colour: false) }.joined(separator: "\n\n") + "\n"
    Golden.check(text, "pictures-\(lang.rawValue)")
    // Every line of the ZOPA rows has the same display width up to the closing bar.
    let rows = zopa.plain.split(separator: "\n").filter { $0.contains("│") }
    #expect(Set(rows.map { DisplayWidth.of($0.prefix { $0 != "│" }) }).count == 1)
    #expect(Set(rows.map { DisplayWidth.of($0) }).count == 1)
  }

  /// Every term with a walk-away and an estimate of their limit gets its own ZOPA, not only price.
  @Test func aZoneOfAgreementPerTerm() throws {
    var plan = Self.negotiationPlan()
    var months = Objective(term: .contractTerms)
    months.walkAway = .number(24)
    months.theirLimit = .number(12)
    months.better = .higher
    months.unit = "months"
    plan.negotiation.objectives.append(months)
    for lang in Lang.allCases {
      let labels = Labels(Fixtures.playbook(lang), L10n(lang))
      let text = try #require(ZOPAPicture(plan: plan, labels: labels).render()).plain
      #expect(text.components(separatedBy: "ZOPA · ").count == 3, "price and contract length")
      #expect(text.contains(labels.term(months)))
    }
  }

  @Test func noZoneOfAgreementIsSaidPlainly() throws {
    let labels = Labels(Fixtures.playbook(.en), L10n(.en))
    let text = try #require(ZOPAPicture(plan: Self.negotiationPlan(theirLimit: 850_000), labels: labels).render()).plain
    #expect(text.contains("No zone of agreement"))
    // Lower is better (we are buying): our walk-away is the most we pay, their limit the least they take.
    let lower = try #require(ZOPAPicture(plan: Self.negotiationPlan(better: .lower, theirLimit: 850_000), labels: labels).render()).plain
    #expect(lower.contains("Zone of possible agreement: 850,000 – 900,000"))
    let noOverlap = try #require(ZOPAPicture(plan: Self.negotiationPlan(better: .lower, theirLimit: 950_000), labels: labels).render()).plain
    #expect(noOverlap.contains("No zone of agreement"))
    let unknown = try #require(ZOPAPicture(plan: Self.negotiationPlan(theirLimit: nil), labels: labels).render()).plain
    #expect(unknown.contains("their limit: unknown"))
  }
}
