import CoachCore
import CoachTestSupport
import Testing

@testable import CoachApp

/// `stakeholders links NAME` walked through the real loop: further roles, reporting and
/// influence links typed as names and saved as ids, our owner and last contact; the tree in
/// `show stakeholders`; the two findings against the pinned clock; removal clears links.
@Suite struct RelationshipMapSessionTests {
  static func setup(_ names: [String]) -> [String] {
    names.flatMap { ["stakeholders add \($0)", "done"] }
  }

  @Test func linksAreRecordedByNameAndKeptByIDInEnglish() throws {
    let h = SessionHarness()
    let r = h.run(
      ["new Acme"] + Self.setup(["Wang Jianguo", "Li Wei", "Zhao Min"]) + [
        "stakeholders edit Wang Jianguo", "CFO", "final", "5", "supporter", "Payback inside two years", "",
        "stakeholders links Li Wei",
        "accountant",  // no such role: refused, asked again
        "financial; final", "",
        "Wang Jiangou",  // a typo: refused with a suggestion
        "Wang Jianguo",
        "Zhao Min", "",
        "Chen (our VP)",
        "2026-11-02",
        "stakeholders links Wang Jianguo", "", "Li Wei",  // Wang cannot report to Li, who reports to Wang
        "", "", "", "2026-08-01",
        "show stakeholders", "check", "quit",
      ])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.transcript.contains("‘accountant’ is not a decision role"))
    #expect(r.transcript.contains("did you mean Wang Jianguo?"))
    #expect(r.transcript.contains("Li Wei already reports to Wang Jianguo"))
    let plan = try h.plan("acme")
    let li = try #require(plan.stakeholders.first { $0.name == "Li Wei" })
    #expect(li.roles == [.financial, .final])
    #expect(li.reportsTo == "s1")
    #expect(li.influences == ["s3"])
    #expect(li.owner == "Chen (our VP)")
    #expect(li.lastContact == "2026-11-02")
    let wang = plan.stakeholders[0]
    #expect(wang.reportsTo == nil && wang.lastContact == "2026-08-01" && wang.influences.isEmpty)
    // The tree: Li under Wang, the influence line, the facts.
    #expect(r.out.contains("Wang Jianguo — CFO · Final decision maker · influence 5/5"))
    #expect(r.out.contains("└─ Li Wei"))
    #expect(r.out.contains("Li Wei → Zhao Min"))
    // Wang: influence 5, no owner, last spoke 114 days before the pinned 2026-11-23.
    #expect(r.out.contains("relationship-without-owner"))
    #expect(r.out.contains("We last spoke with Wang Jianguo, who carries a lot of weight, 114 days ago."))

    let r2 = h.run(["open acme", "stakeholders remove Wang Jianguo", "quit"])
    #expect(r2.status == 0)
    let after = try h.plan("acme")
    #expect(after.stakeholders.allSatisfy { $0.reportsTo == nil })
  }

  @Test func theTreeKeepsChineseNamesWholeInChinese() throws {
    let h = SessionHarness(lang: .zh, width: 40)
    let r = h.run(
      ["new 华东电力"] + Self.setup(["王建国", "李伟"]) + [
        "stakeholders links 李伟", "财务", "", "王建国", "", "陈总", "今天",
        "show stakeholders", "quit",
      ])
    #expect(r.status == 0, "\(r.err)")
    let plan = try h.plan("华东电力")
    #expect(plan.stakeholders[1].roles == [.financial])
    #expect(plan.stakeholders[1].reportsTo == plan.stakeholders[0].id)
    #expect(plan.stakeholders[1].lastContact == "2026-11-23")
    #expect(r.out.contains("汇报关系与影响"))
    #expect(r.out.contains("└─ 李伟"))
    let lines = r.out.split(separator: "\n").map(String.init)
    let start = try #require(lines.lastIndex { $0.hasPrefix("汇报关系与影响") })
    for line in lines[start...].prefix(4) { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
  }
}
