import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// `deal` and `deal competitor add|edit|remove` through the real loop, in English and Chinese:
/// the amount echoed with its currency, the date read against the pinned clock, the stage as
/// one of the course's six steps, and the deal in `show`, `list` and the saved plan.
@Suite struct DealSessionTests {
  @Test func theDealWalkAndCompetitorsInEnglish() throws {
    let h = SessionHarness()
    let r = h.run([
      "new Acme", "deal", "CNY 2.4m", "in 3 months", "value",
      "deal competitor add Siemens", "Installed base at two plants", "Slow local support", "Level on features, ahead on service",
      "deal competitor add Rockwell", "", "", "", "deal competitor remove Rockwell",
      "show deal", "list", "quit",
    ])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("= 2,400,000 CNY"))
    #expect(r.out.contains("Value demonstration (step 4 of 6)"))
    #expect(r.out.contains("4/6 Value demonstration"))
    let plan = try h.plan("acme")
    #expect(plan.deal.size == 2_400_000 && plan.deal.currency == "CNY")
    #expect(plan.deal.closeDate == "2027-02-23")
    #expect(plan.deal.stage == .valueDemonstration)
    #expect(plan.deal.competitors.map(\.name) == ["Siemens"])
    #expect(plan.deal.competitors[0].ourPosition == "Level on features, ahead on service")
    #expect(plan.deal.competitors[0].id == "k1")
    let typo = h.run(["open acme", "deal competitor edit Siemenz", "quit"])
    #expect(typo.status == 66)
    #expect(typo.transcript.contains("No competitor named Siemenz. Did you mean Siemens?"))
  }

  @Test func theDealWalkInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(["new 华东电力", "deal", "240万元", "2027-03-31", "6", "deal competitor add 西门子", "本地服务网点多", "价格高", "技术领先", "show deal", "quit"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("签约成交（第 6/6 步）"))
    #expect(r.out.contains("西门子"))
    let plan = try h.plan("华东电力")
    #expect(plan.deal.size == 2_400_000)
    #expect(plan.deal.stage == .closing)
    #expect(plan.deal.competitors.first?.weaknesses == "价格高")
  }

  @Test func anEstimatedSizeIsKeptAsAnEstimate() throws {
    let h = SessionHarness()
    let r = h.run(["new Acme", "deal", "about EUR 1,05M", "", "", "show deal", "quit"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("= about 1,050,000 EUR"))
    #expect(r.out.contains("≈ 1,050,000 EUR"))
    let plan = try h.plan("acme")
    #expect(plan.deal.size == 1_050_000 && plan.deal.isApproximate("size"))
    let exact = SessionHarness()
    _ = exact.run(["new Acme", "deal", "EUR 1,1M", "", "", "quit"])
    #expect(try !exact.plan("acme").deal.isApproximate("size"))
    let zh = SessionHarness(lang: .zh)
    _ = zh.run(["new 华东电力", "deal", "约240万元", "", "", "quit"])
    #expect(try zh.plan("华东电力").deal.isApproximate("size"))
  }
}
