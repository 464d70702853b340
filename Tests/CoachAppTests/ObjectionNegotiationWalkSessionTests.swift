import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// The LSCPA objection walk with per-step advice, and negotiation preparation part by part
/// (goals with a custom term, BATNA, interests, concessions, team) ending in `show negotiation`.
@Suite struct ObjectionNegotiationWalkSessionTests {
  static let lscpaEN = [
    "Thanks for being direct. How are you comparing the two offers?",
    "I understand, but our quality is better.",
    "So the gap to the other quote is the main issue. Is anything else holding you back?",
    "Over 5 years our total cost of ownership is 12% lower, and your investment pays back in 14 months.",
    "We commit to a joint review with your finance team after 12 months, and the next step is the cost walkthrough this Friday.",
  ]
  static let objectionEN = [
    "stakeholders add Wang Li", "done",
    "objection", "Your price is 20% higher than the other quote.", "", "Wang Li",
    "?", lscpaEN[0], lscpaEN[1], lscpaEN[2], "1 5", "1 2", lscpaEN[3], lscpaEN[4],
    "",
    "objection resolve 1",
    "objection", "done",
    "show objections",
  ]

  static let lscpaZH = [
    "您能具体说说是和哪家比较的吗？",
    "我理解您的预算压力，但是我们质量更好。",
    "所以价格差距是您最主要的顾虑，对吗？",
    "五年总拥有成本比对手低12%，投资回收期14个月。",
    "我们在合同里承诺节省金额，下一步本周五安排成本走查。",
  ]
  static let objectionZH = [
    "stakeholders add 王总", "完成",
    "objection", "你们的价格比别家贵了20%。", "", "王总",
    "？", lscpaZH[0], lscpaZH[1], lscpaZH[2], "1 2", lscpaZH[3], lscpaZH[4],
    "",
    "objection resolve 1",
    "show objections",
  ]

  func expectObjection(_ h: SessionHarness, _ id: String, statement: String, raisedBy: String, lines: [String]) throws {
    let plan = try h.plan(id)
    #expect(plan.objections.count == 1)
    let o = try #require(plan.objections.first)
    #expect(o.statement == statement)
    #expect(o.category == .price)
    #expect(o.raisedBy == raisedBy)
    #expect(o.strategies == ["value-comparison", "roi-payback"])
    #expect(o.status == .resolved)
    for (step, line) in zip(LSCPAStep.allCases, lines) {
      #expect(o.lscpa[step] == line)
      #expect(o.lscpa.answeredAt[step.rawValue] == walkNow)
    }
    let json = try h.planJSON(id)
    #expect(WalkJSON.string(json, "objections/0/category") == "price")
    #expect(WalkJSON.string(json, "objections/0/status") == "resolved")
    #expect(WalkJSON.strings(json, "objections/0/strategies") == ["value-comparison", "roi-payback"])
    #expect(WalkJSON.string(json, "objections/0/lscpa/confirm") == lines[2])
    #expect(WalkJSON.string(json, "objections/0/raisedBy") == raisedBy)
  }

  @Test func anObjectionWalkedThroughLSCPAWithAdviceThenResolvedInEnglish() throws {
    let h = SessionHarness()
    let r = h.walk(["new Acme"] + Self.objectionEN)
    #expect(r.status == 0)
    #expect(r.err == "Pick strategies by number, from 1 to 4.\n")
    #expect(r.out.contains("The words suggest: Price objection"))
    #expect(r.out.contains("✗ No \"but\" or \"however\" after the empathy"))
    #expect(r.out.contains("Objection #1 is resolved."))
    #expect(r.out.contains("No new objection was logged."))
    try expectObjection(h, "acme", statement: "Your price is 20% higher than the other quote.", raisedBy: "Wang Li", lines: Self.lscpaEN)
    Golden.check(r.transcript, "walk-objection-en")
  }

  @Test func anObjectionWalkedThroughLSCPAWithAdviceThenResolvedInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.walk(["new 华东电力"] + Self.objectionZH)
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    #expect(r.out.contains("从客户的话看，像是：价格异议"))
    #expect(r.out.contains("✗ 表示理解之后没有接“但是”"))
    #expect(r.out.contains("异议 #1 已标记为解决。"))
    try expectObjection(h, "华东电力", statement: "你们的价格比别家贵了20%。", raisedBy: "王总", lines: Self.lscpaZH)
    Golden.check(r.transcript, "walk-objection-zh")
  }

  // MARK: negotiation

  static let negotiationEN = [
    "stakeholders add Wang Li", "done", "stakeholders add Zhao Min", "done",
    "negotiate goals",
    "¥1.2m", "1,100,000", "1m", "", "", "", "core", "List price is 1.3m",
    "36", "24", "12", "", "", "", "flexible", "",
    "", "", "", "", "", "", "", "",
    "30", "45", "60", "", "", "", "flexible", "",
    "Training days", "10", "6", "3", "", "higher", "days", "2", "",
    "",
    "negotiate batna", "Sell the capacity to the Ningbo plant", "950000", "Stay with their current vendor and pay for overtime", "¥105万",
    "negotiate interests", "15% off the licence", "Her cost-saving target this year", "Go live before peak season", "Keep line 2 running",
    "A reference site in their industry", "Go-live before peak season", "",
    "negotiate concessions", "Spare-parts kit", "A 3-year contract", "20000", "50000",
    "Two extra training days", "Payment within 30 days", "10000", "30000", "",
    "negotiate team", "Li Lei", "lead", "Han Mei", "technical", "Chen Jing", "3", "",
    "show negotiation",
  ]

  static let negotiationZH = [
    "stakeholders add 王总", "完成", "stakeholders add 赵厂长", "完成",
    "negotiate 目标",
    "120万", "110万", "100万", "", "", "", "核心", "报价130万",
    "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "",
    "培训天数", "10", "6", "3", "", "1", "天", "灵活", "",
    "",
    "negotiate batna", "把产能卖给宁波工厂", "95万", "继续用现有供应商并支付加班费", "105万",
    "negotiate 利益", "许可费打八五折", "今年的降本指标", "旺季前上线", "保证二号线不停", "行业标杆案例", "",
    "negotiate 让步", "备件包", "签三年合同", "2万", "5万", "",
    "negotiate 团队", "李雷", "1", "韩梅", "2", "",
    "show negotiation",
  ]

  @Test func aWholeNegotiationPreparedPartByPartInEnglish() throws {
    let h = SessionHarness()
    let r = h.walk(["new Acme"] + Self.negotiationEN)
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    #expect(r.out.contains("ZOPA · Price (CNY)"))
    #expect(r.out.contains("Concession ladder"))
    let n = try h.plan("acme").negotiation
    #expect(n.objectives.map(\.term) == [.price, .contractTerms, .paymentTerms, .custom])
    let price = n.objectives[0]
    #expect(price.best == .number(1_200_000) && price.expected == .number(1_100_000) && price.walkAway == .number(1_000_000))
    #expect(price.better == .higher && price.unit == "CNY" && price.flexibility == .core && price.note == "List price is 1.3m")
    let contract = n.objectives[1]
    #expect(contract.best == .number(36) && contract.walkAway == .number(12) && contract.unit == "months" && contract.flexibility == .flexible)
    let payment = n.objectives[2]
    #expect(payment.best == .number(30) && payment.expected == .number(45) && payment.walkAway == .number(60) && payment.better == .lower)
    let training = n.objectives[3]
    #expect(training.label == "Training days" && training.best == .number(10) && training.walkAway == .number(3))
    #expect(training.better == .higher && training.unit == "days" && training.flexibility == .flexible)
    #expect(n.batna.ours.description == "Sell the capacity to the Ningbo plant" && n.batna.ours.value == 950_000)
    #expect(n.batna.theirs.description == "Stay with their current vendor and pay for overtime" && n.batna.theirs.value == 1_050_000)
    #expect(n.interests.map(\.stakeholder) == ["Wang Li", "Zhao Min"])
    #expect(n.interests[0].position == "15% off the licence" && n.interests[0].interest == "Her cost-saving target this year")
    #expect(n.interests[1].position == "Go live before peak season" && n.interests[1].interest == "Keep line 2 running")
    #expect(n.commonInterests == ["A reference site in their industry", "Go-live before peak season"])
    #expect(n.ladder.map(\.give) == ["Spare-parts kit", "Two extra training days"])
    #expect(n.ladder.map(\.get) == ["A 3-year contract", "Payment within 30 days"])
    #expect(n.ladder.map(\.costToUs) == [20_000, 10_000] && n.ladder.map(\.valueToThem) == [50_000, 30_000])
    #expect(n.team.map(\.name) == ["Li Lei", "Han Mei", "Chen Jing"])
    #expect(n.team.map(\.role) == [.lead, .technical, .financial])
    let json = try h.planJSON("acme")
    #expect(WalkJSON.number(json, "negotiation/objectives/0/walkAway") == 1_000_000)
    #expect(WalkJSON.string(json, "negotiation/objectives/3/term") == "custom")
    #expect(WalkJSON.string(json, "negotiation/objectives/3/label") == "Training days")
    #expect(WalkJSON.number(json, "negotiation/batna/theirs/value") == 1_050_000)
    #expect(WalkJSON.number(json, "negotiation/concessions/1/order") == 2)
    #expect(WalkJSON.string(json, "negotiation/team/0/role") == "lead")
    #expect(WalkJSON.string(json, "negotiation/interests/1/answeredAt/interest") == walkNow)
    Golden.check(r.transcript, "walk-negotiation-en")
  }

  @Test func aWholeNegotiationPreparedPartByPartInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.walk(["new 华东电力"] + Self.negotiationZH)
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    let n = try h.plan("华东电力").negotiation
    #expect(n.objectives.map(\.term) == [.price, .custom])
    #expect(n.objectives[0].best == .number(1_200_000) && n.objectives[0].walkAway == .number(1_000_000) && n.objectives[0].flexibility == .core)
    #expect(n.objectives[0].note == "报价130万")
    #expect(n.objectives[1].label == "培训天数" && n.objectives[1].unit == "天" && n.objectives[1].better == .higher && n.objectives[1].flexibility == .flexible)
    #expect(n.batna.ours.value == 950_000 && n.batna.theirs.value == 1_050_000)
    #expect(n.interests.map(\.interest) == ["今年的降本指标", "保证二号线不停"])
    #expect(n.commonInterests == ["行业标杆案例"])
    #expect(n.ladder.count == 1 && n.ladder[0].get == "签三年合同" && n.ladder[0].costToUs == 20_000)
    #expect(n.team.map(\.role) == [.lead, .technical])
    Golden.check(r.transcript, "walk-negotiation-zh")
  }

  @Test
  func negotiateWalksAllFivePartsWhenEnterEndsTheGoalsAndTheLadder() throws {
    let h = SessionHarness()
    let goals = ["1200000", "1100000", "1000000", "", "", "", "core", ""] + Array(repeating: "", count: 24) + [""]
    let r = h.run(
      ["new Acme", "stakeholders add Wang Li", "done", "negotiate"] + goals
        + ["Renew with the current vendor", "950000", "Stay with their vendor", "1050000"]
        + ["15% off", "Cost target", "Reference site", ""]
        + ["Spare-parts kit", "A 3-year contract", "20000", "50000", ""]
        + ["Li Lei", "lead", ""])
    #expect(r.out.contains("BATNA analysis"))
    let n = try h.plan("acme").negotiation
    #expect(n.batna.ours.description == "Renew with the current vendor")
    #expect(n.concessions.count == 1)
    #expect(n.team.map(\.name) == ["Li Lei"])
  }

  @Test
  func aCustomTermDoesNotSaveThePlaceholderUnit() throws {
    let h = SessionHarness()
    _ = h.run(["new Acme", "negotiate goals"] + Array(repeating: "", count: 32) + ["Warranty", "24", "12", "6", "", "1", "", "core", "", ""])
    let o = try #require(try h.plan("acme").negotiation.objectives.first { $0.term == .custom })
    #expect(o.label == "Warranty" && o.best == .number(24))
    #expect(o.unit != "your choice")
  }

  @Test
  func skipAtTheFirstObjectionPromptSaysSomething() {
    let r = SessionHarness().walk(["new Acme", "objection", "skip"])
    // The echoed `skip` is followed straight by the next read: nothing was printed in between.
    #expect(!r.transcript.contains("  › skip\n  › ^D"))
  }
}
