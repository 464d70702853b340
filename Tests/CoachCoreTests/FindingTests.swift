import Testing

@testable import CoachCore

/// Every finding id, with a plan that triggers it and one that must not.
@Suite struct FindingTests {
  static let book = Fixtures.playbook(.en)
  let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!
  var today: CalendarDay { now.day }

  func ids(_ plan: AccountPlan) -> Set<String> {
    Set(PlanChecks(plan: plan, book: Self.book, now: now, today: today).run().map(\.id))
  }

  func plan(_ edit: (inout AccountPlan) -> Void = { _ in }) -> AccountPlan {
    var p = AccountPlan(id: "acme", name: "Acme", createdAt: now)
    edit(&p)
    return p
  }

  static func person(_ name: String, _ role: StakeholderRole?, influence: Int? = 3, _ attitude: Attitude? = .neutral) -> Stakeholder {
    var s = Stakeholder(name: name)
    s.role = role
    s.influence = influence
    s.attitude = attitude
    return s
  }

  /// A well-covered buying centre: no stakeholder finding should fire.
  static let fullTeam = [
    person("Chen", .final, influence: 5, .supporter), person("Liu", .financial, influence: 4, .neutral),
    person("Zhou", .technical, influence: 3, .champion), person("Wu", .user, influence: 3, .supporter),
  ]

  // MARK: stakeholders

  @Test func stakeholderRules() {
    #expect(ids(plan()).contains("no-stakeholders"))
    let single = ids(plan { $0.stakeholders = [Self.person("Wang", .technical)] })
    #expect(single.isSuperset(of: ["single-threaded", "no-final-decision-maker", "no-financial-decision-maker", "no-user-decision-maker", "no-champion"]))
    #expect(!single.contains("no-technical-decision-maker") && !single.contains("no-stakeholders"))
    // Roles held besides the primary one count: a CFO who is also the final decision maker.
    let cfo = ids(
      plan {
        var s = Self.person("Dana", .financial)
        s.roles = [.final, .user]
        $0.stakeholders = [s]
      })
    #expect(!cfo.contains("no-final-decision-maker") && !cfo.contains("no-user-decision-maker") && !cfo.contains("no-financial-decision-maker"))
    #expect(cfo.contains("no-technical-decision-maker"))
    let full = ids(plan { $0.stakeholders = Self.fullTeam })
    #expect(
      full.isDisjoint(with: [
        "no-stakeholders", "no-final-decision-maker", "no-financial-decision-maker", "no-technical-decision-maker", "no-user-decision-maker",
        "no-champion", "single-threaded", "blocker-with-high-influence",
      ]))
  }

  @Test func blockerNeedsHighInfluence() {
    var strong = Self.fullTeam
    strong.append(Self.person("Ma", .other, influence: 4, .blocker))
    let findings = PlanChecks(plan: plan { $0.stakeholders = strong }, book: Self.book, now: now, today: today).run()
    let blocker = findings.first { $0.id == "blocker-with-high-influence" }
    #expect(blocker?.values["name"] == "Ma")
    #expect(blocker?.message.contains("Ma") == true)
    var weak = Self.fullTeam
    weak.append(Self.person("Ma", .other, influence: 3, .blocker))
    #expect(!ids(plan { $0.stakeholders = weak }).contains("blocker-with-high-influence"))
  }

  // MARK: discovery and questions

  @Test func skippedDiscoveryStage() {
    let skipped = plan {
      $0.discovery[.initialContact].answers["x"] = .text("ok")
      $0.discovery[.needsConfirmation].answers["y"] = .text("later stage")
    }
    let findings = PlanChecks(plan: skipped, book: Self.book, now: now, today: today).run().filter { $0.id == "discovery-stage-skipped" }
    #expect(findings.count == 1)
    #expect(findings.first?.values["stage"] == Self.book.walks["in-depth-interview"]?.title)
    let inOrder = plan {
      $0.discovery[.initialContact].answers["x"] = .text("ok")
      $0.discovery[.inDepthInterview].answers["y"] = .text("ok")
    }
    #expect(!ids(inOrder).contains("discovery-stage-skipped"))
    // An empty answer does not count as having started a stage.
    let emptyLater = plan { $0.discovery[.solutionMatching].answers["z"] = .list([]) }
    #expect(!ids(emptyLater).contains("discovery-stage-skipped"))
  }

  @Test func questionTypeCoverage() {
    #expect(ids(plan()).isSuperset(of: ["no-open-question", "no-leading-question", "no-verification-question", "no-value-question"]))
    let some = ids(plan { $0.questionPlan = [PlannedQuestion(type: .open, text: "What?", createdAt: "t"), PlannedQuestion(type: .value, text: "Worth?", createdAt: "t")] })
    #expect(!some.contains("no-open-question") && !some.contains("no-value-question"))
    #expect(some.contains("no-verification-question") && some.contains("no-leading-question"))
  }

  // MARK: profile and value

  @Test func profileAndValue() {
    #expect(ids(plan()).isSuperset(of: ["profile-incomplete", "value-assessment-incomplete"]))
    let complete = plan { p in
      p.account.tier = .a
      p.account.industry = .finance
      p.account.cooperationStage = .new
      p.account.decisionMode = .hybrid
      for area in PortraitArea.allCases { p.account.portrait.answers[area] = "known" }
      for d in ValueDimension.allCases { for c in d.criteria { p.valueAssessment.setScore(d, c, 3, at: "t") } }
    }
    #expect(ids(complete).isDisjoint(with: ["profile-incomplete", "value-assessment-incomplete"]))
  }

  // MARK: negotiation

  static func price(best: Double?, expected: Double?, walkAway: Double?, better: BetterDirection = .higher) -> Objective {
    var o = Objective(term: .price)
    o.best = best.map { .number($0) }
    o.expected = expected.map { .number($0) }
    o.walkAway = walkAway.map { .number($0) }
    o.better = better
    o.flexibility = .core
    return o
  }

  func negotiation(_ edit: (inout Negotiation) -> Void) -> Set<String> {
    ids(
      plan { p in
        p.negotiation.objectives = [Self.price(best: 120, expected: 100, walkAway: 90)]
        p.negotiation.team = [TeamMember(name: "Li", role: .lead)]
        p.negotiation.batna.ours.description = "renew elsewhere"
        p.negotiation.batna.theirs.description = "stay with incumbent"
        edit(&p.negotiation)
      })
  }

  @Test func negotiationRulesStayQuietUntilPreparationStarts() {
    let none = ids(plan())
    #expect(none.isDisjoint(with: ["no-core-term", "no-lead-negotiator", "our-batna-unknown", "their-batna-unknown", "no-zopa"]))
    #expect(
      negotiation { _ in }.isDisjoint(with: [
        "no-core-term", "no-lead-negotiator", "our-batna-unknown", "their-batna-unknown",
        "concession-without-return", "concession-beyond-walk-away", "concessions-not-decreasing",
        "walk-away-worse-than-batna", "no-zopa", "goals-out-of-order",
      ]))
  }

  @Test func concessionRules() {
    func rung(_ order: Int, give: String, get: String?, cost: Double?) -> Concession {
      var c = Concession(order: order)
      c.give = give
      c.get = get
      c.costToUs = cost
      return c
    }
    #expect(negotiation { $0.concessions = [rung(1, give: "terms", get: nil, cost: 1)] }.contains("concession-without-return"))
    #expect(negotiation { $0.concessions = [rung(1, give: "terms", get: "  ", cost: 1)] }.contains("concession-without-return"))
    #expect(!negotiation { $0.concessions = [rung(1, give: "terms", get: "contract", cost: 1)] }.contains("concession-without-return"))
    // Room between expected (100) and walk-away (90) is 10.
    #expect(negotiation { $0.concessions = [rung(1, give: "a", get: "b", cost: 6), rung(2, give: "c", get: "d", cost: 5)] }.contains("concession-beyond-walk-away"))
    #expect(!negotiation { $0.concessions = [rung(1, give: "a", get: "b", cost: 6), rung(2, give: "c", get: "d", cost: 4)] }.contains("concession-beyond-walk-away"))
    // Equal to the room is within it.
    #expect(!negotiation { $0.concessions = [rung(1, give: "a", get: "b", cost: 10)] }.contains("concession-beyond-walk-away"))
    #expect(negotiation { $0.concessions = [rung(1, give: "a", get: "b", cost: 2), rung(2, give: "c", get: "d", cost: 3)] }.contains("concessions-not-decreasing"))
    #expect(!negotiation { $0.concessions = [rung(1, give: "a", get: "b", cost: 3), rung(2, give: "c", get: "d", cost: 3)] }.contains("concessions-not-decreasing"))

    // Order follows the rung numbers, not the list.
    #expect(!negotiation { $0.concessions = [rung(2, give: "c", get: "d", cost: 1), rung(1, give: "a", get: "b", cost: 3)] }.contains("concessions-not-decreasing"))
    // Missing costs are not compared.
    #expect(!negotiation { $0.concessions = [rung(1, give: "a", get: "b", cost: nil), rung(2, give: "c", get: "d", cost: 5)] }.contains("concessions-not-decreasing"))
  }

  @Test func walkAwayAgainstOurBATNA() {
    // Higher is better: walking away at 90 is worse than an alternative worth 95.
    #expect(negotiation { $0.batna.ours.value = 95 }.contains("walk-away-worse-than-batna"))
    #expect(!negotiation { $0.batna.ours.value = 90 }.contains("walk-away-worse-than-batna"))
    #expect(!negotiation { $0.batna.ours.value = 80 }.contains("walk-away-worse-than-batna"))
    #expect(!negotiation { $0.batna.ours.value = nil }.contains("walk-away-worse-than-batna"))
    // Lower is better (e.g. we are buying): walking away at 90 is worse than an alternative at 85.
    let lower = negotiation {
      $0.objectives = [Self.price(best: 70, expected: 80, walkAway: 90, better: .lower)]
      $0.batna.ours.value = 85
    }
    #expect(lower.contains("walk-away-worse-than-batna"))
  }

  @Test func zoneOfAgreement() {
    // Higher is better: their limit 85 is below our walk-away 90 → no ZOPA.
    #expect(negotiation { $0.batna.theirs.value = 85 }.contains("no-zopa"))
    #expect(!negotiation { $0.batna.theirs.value = 90 }.contains("no-zopa"))
    #expect(!negotiation { $0.batna.theirs.value = 110 }.contains("no-zopa"))
    #expect(!negotiation { $0.batna.theirs.value = nil }.contains("no-zopa"))
    let lower = negotiation {
      $0.objectives = [Self.price(best: 70, expected: 80, walkAway: 90, better: .lower)]
      $0.batna.theirs.value = 95
    }
    #expect(lower.contains("no-zopa"))
  }

  /// A ZOPA per term, not only price: each term's walk-away against our estimate of their limit
  /// on it, in the direction that is better for us; on price the estimate overrides their BATNA.
  @Test func zoneOfAgreementPerTerm() throws {
    func term(_ t: NegotiationTerm, walkAway: Double, theirLimit: Double?, better: BetterDirection) -> Objective {
      var o = Objective(term: t)
      o.walkAway = .number(walkAway)
      o.theirLimit = theirLimit.map { .number($0) }
      o.better = better
      return o
    }
    func findings(_ extra: Objective) -> [Finding] {
      PlanChecks(
        plan: plan { p in
          p.negotiation.objectives = [Self.price(best: 120, expected: 100, walkAway: 90), extra]
          p.negotiation.team = [TeamMember(name: "Li", role: .lead)]
          p.negotiation.batna.theirs.value = 110
        }, book: Self.book, now: now, today: today
      ).run().filter { $0.id == "no-zopa" }
    }
    // Contract length, longer is better for us: we need 24 months, they will go to 12 at most.
    let months = findings(term(.contractTerms, walkAway: 24, theirLimit: 12, better: .higher))
    #expect(months.count == 1)
    #expect(try #require(months.first).message.contains(Self.book.term(.contractTerms)?.name ?? "?"))
    #expect(findings(term(.contractTerms, walkAway: 24, theirLimit: 36, better: .higher)).isEmpty)
    // Payment days, fewer is better for us: we accept 60 at most, they need 90.
    #expect(findings(term(.paymentTerms, walkAway: 60, theirLimit: 90, better: .lower)).count == 1)
    // No estimate for a term: no finding for it.
    #expect(findings(term(.deliveryTime, walkAway: 30, theirLimit: nil, better: .lower)).isEmpty)
    // On price, an estimated limit takes over from their BATNA's value.
    var price = Self.price(best: 120, expected: 100, walkAway: 90)
    price.theirLimit = .number(80)
    let p = PlanChecks(
      plan: plan { pl in
        pl.negotiation.objectives = [price]
        pl.negotiation.team = [TeamMember(name: "Li", role: .lead)]
        pl.negotiation.batna.theirs.value = 110
      }, book: Self.book, now: now, today: today
    ).run()
    #expect(p.contains { $0.id == "no-zopa" })
  }

  @Test func goalsCoreTermTeamAndBATNAs() {
    #expect(negotiation { $0.objectives = [Self.price(best: 90, expected: 100, walkAway: 80)] }.contains("goals-out-of-order"))
    #expect(!negotiation { $0.objectives = [Self.price(best: 100, expected: 100, walkAway: 100)] }.contains("goals-out-of-order"))
    #expect(!negotiation { $0.objectives = [Self.price(best: nil, expected: 100, walkAway: 90)] }.contains("goals-out-of-order"))
    #expect(negotiation { $0.objectives[0].flexibility = .flexible }.contains("no-core-term"))
    #expect(negotiation { $0.team = [TeamMember(name: "Li", role: .technical)] }.contains("no-lead-negotiator"))
    #expect(negotiation { $0.batna.ours = BATNASide() }.contains("our-batna-unknown"))
    #expect(negotiation { $0.batna.theirs = BATNASide() }.contains("their-batna-unknown"))
    #expect(
      !negotiation {
        $0.batna.theirs = BATNASide()
        $0.batna.theirs.value = 1
      }.contains("their-batna-unknown"))
  }

  // MARK: objections and health

  @Test func objectionRules() {
    var o = Objection(statement: "Too expensive", category: .price, createdAt: "t")
    o.lscpa[.listen] = "Tell me more"
    #expect(ids(plan { $0.objections = [o] }).contains("objection-without-process"))
    o.lscpa[.process] = "ROI in 14 months"
    let unconfirmed = ids(plan { $0.objections = [o] })
    #expect(!unconfirmed.contains("objection-without-process") && unconfirmed.contains("objection-unconfirmed"))
    o.lscpa[.confirm] = "So it is the price, right?"
    #expect(ids(plan { $0.objections = [o] }).isDisjoint(with: ["objection-without-process", "objection-unconfirmed"]))
    o.lscpa[.process] = nil
    o.status = .resolved
    #expect(!ids(plan { $0.objections = [o] }).contains("objection-without-process"))
  }

  @Test func staleAndOverdue() {
    let old = plan { $0.updatedAt = "2026-10-01T09:00:00Z" }
    let findings = PlanChecks(plan: old, book: Self.book, now: now, today: today).run()
    #expect(findings.first { $0.id == "plan-stale" }?.values["days"] == "53")
    #expect(!ids(plan { $0.updatedAt = "2026-10-25T09:00:00Z" }).contains("plan-stale"))
    let overdue = plan {
      $0.actions = [Action(text: "late", due: "2026-11-20", createdAt: "t"), Action(text: "today", due: "2026-11-23", createdAt: "t")]
    }
    let o = PlanChecks(plan: overdue, book: Self.book, now: now, today: today).run().first { $0.id == "action-overdue" }
    #expect(o?.values["count"] == "1")
    let done = plan {
      var a = Action(text: "late but done", due: "2026-11-20", createdAt: "t")
      a.done = true
      $0.actions = [a]
    }
    #expect(!ids(done).contains("action-overdue"))
  }

  @Test func everyPublishedIDIsCoveredHereAndHasWordsInBothLanguages() {
    let zh = Fixtures.playbook(.zh)
    for id in FindingID.all {
      #expect(Self.book.findings[id] != nil, "en message for \(id)")
      #expect(zh.findings[id] != nil, "zh message for \(id)")
      #expect(PlanChecks.rules[id] != nil, "severity and section for \(id)")
    }
  }

  /// The rhythm the finding asks for is the one it checks: each concession smaller than the one
  /// before (it once said "put the small ones first", the opposite).
  @Test func theConcessionRhythmMessageSaysWhatTheRuleChecks() {
    for book in [Self.book, Fixtures.playbook(.zh)] {
      let message = book.findings["concessions-not-decreasing"]?.message ?? ""
      #expect(!message.isEmpty)
      #expect(!message.contains("smaller ones first") && !message.contains("no bigger than") && !message.contains("把小的放在前面"))
      #expect(message.contains("smaller than the one before") || message.contains("比上一次小"))
    }
  }
}
