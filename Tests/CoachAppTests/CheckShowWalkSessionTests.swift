import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// `check` (text and JSON) on a plan the walks filled, and `show` of every section of a plan
/// prepared entirely through the walks, in English and Chinese.
@Suite struct CheckShowWalkSessionTests {
  /// A thin plan: one user-side blocker with high influence, a later discovery stage answered
  /// while the first is empty, one open question, a value assessment begun.
  static let thinEN = [
    "stakeholders add Zhao Min", "Plant manager", "user", "5", "blocker", "Uptime", "",
    "discover solution-matching", "Scheduling module", "", "done",
    "questions add open How do you plan production today?",
    "profile", "1", "done",
  ]
  static let thinZH = [
    "stakeholders add 赵厂长", "厂长", "2", "5", "反对", "停机", "",
    "discover 4", "排产模块", "", "完成",
    "questions add 开放 你们现在是怎么排产的？",
    "profile", "1", "完成",
  ]
  static let thinFindings = [
    "no-final-decision-maker", "no-financial-decision-maker", "single-threaded", "blocker-with-high-influence",
    "discovery-stage-skipped", "no-verification-question", "no-value-question", "value-assessment-incomplete",
  ]

  func findingIDs(_ text: String) throws -> [String] {
    let json = try JSONParser.parse(text)
    #expect(json.object?.keys.sorted() == ["findings"])
    let findings = try #require(json["findings"]?.array)
    for f in findings {
      #expect(f["severity"]?.string == "warning" || f["severity"]?.string == "info")
      #expect((f["message"]?.string ?? "").isEmpty == false)
      #expect(f["section"]?.string != nil)
    }
    return findings.compactMap { $0["id"]?.string }
  }

  @Test func checkAndCheckJSONOnAThinPlanInEnglish() throws {
    let h = SessionHarness()
    _ = h.run(["new Acme"] + Self.thinEN)
    let text = h.walk(["open acme", "check"])
    #expect(text.status == 0)
    for id in Self.thinFindings { #expect(text.out.contains(id), "\(id)") }
    Golden.check(text.transcript, "walk-check-en")
    let json = h.run(["check acme --format json"])
    #expect(json.status == 0)
    #expect(json.err.isEmpty)
    let ids = try findingIDs(json.out)
    for id in Self.thinFindings { #expect(ids.contains(id), "\(id)") }
    #expect(!ids.contains("no-open-question"))
    #expect(!ids.contains("no-stakeholders"))
    // One finding per skipped stage, each naming its stage.
    #expect(ids.filter { $0 == "discovery-stage-skipped" }.count == 3)
  }

  @Test func checkAndCheckJSONOnAThinPlanInChinese() throws {
    let h = SessionHarness(lang: .zh)
    _ = h.run(["new 华东电力"] + Self.thinZH)
    let text = h.walk(["open 华东电力", "check"])
    #expect(text.status == 0)
    Golden.check(text.transcript, "walk-check-zh")
    let json = h.run(["check 华东电力 --format json"])
    let ids = try findingIDs(json.out)
    for id in Self.thinFindings { #expect(ids.contains(id), "\(id)") }
    // The messages are in the session's language; the ids are not translated.
    #expect(json.out.contains("\"id\": \"single-threaded\""))
    #expect(json.out.contains("决策"))
  }

  // MARK: a whole plan, every section

  /// The people: two before the negotiation (whose interests it asks for), two after.
  static let peopleEN = [
    "stakeholders add Liu Yang", "General manager", "final", "5", "supporter", "Strategic fit", "",
    "stakeholders add Wang Li", "CFO", "financial", "4", "skeptic", "Budget overrun", "",
  ]
  static let morePeopleEN = [
    "stakeholders add Zhao Min", "Plant manager", "user", "3", "champion", "Uptime on line 2", "",
    "stakeholders add Sun Qi", "IT lead", "technical", "3", "neutral", "Integration with SAP", "",
  ]
  static let peopleZH = [
    "stakeholders add 王总", "总经理", "1", "5", "支持", "投资回报", "",
    "stakeholders add 钱经理", "财务经理", "4", "4", "怀疑", "预算超支", "",
  ]
  static let morePeopleZH = [
    "stakeholders add 赵厂长", "厂长", "2", "3", "拥护", "停机风险", "",
    "stakeholders add 李工", "信息部主管", "3", "3", "中立", "系统兼容", "",
  ]

  static func wholePlanEN() -> [String] {
    ProfileStakeholdersWalkSessionTests.profileEN + peopleEN + DiscoveryQuestionsWalkSessionTests.discoveryEN
      + DiscoveryQuestionsWalkSessionTests.questionsEN + Array(ObjectionNegotiationWalkSessionTests.objectionEN.dropFirst(2))
      + Array(ObjectionNegotiationWalkSessionTests.negotiationEN.dropFirst(4)) + morePeopleEN
      + ["actions add Book the plant visit --owner \"Zhao Min\" --due 2026-12-10", "actions done 1"]
  }

  static func wholePlanZH() -> [String] {
    ProfileStakeholdersWalkSessionTests.profileZH + peopleZH + DiscoveryQuestionsWalkSessionTests.discoveryZH
      + DiscoveryQuestionsWalkSessionTests.questionsZH + Array(ObjectionNegotiationWalkSessionTests.objectionZH.dropFirst(2))
      + Array(ObjectionNegotiationWalkSessionTests.negotiationZH.dropFirst(4)) + morePeopleZH
      + ["actions add 安排工厂参观 --owner 赵厂长 --due 2026-12-10"]
  }

  static let sections = ["account", "value", "stakeholders", "discovery", "questions", "objections", "negotiation", "actions"]

  @Test func showEverySectionOfAPlanPreparedThroughTheWalksInEnglish() throws {
    let h = SessionHarness()
    _ = h.run(["new Acme"] + Self.wholePlanEN())
    let plan = try h.plan("acme")
    #expect(plan.stakeholders.count == 4)
    #expect(DiscoveryStage.allCases.allSatisfy { plan.discovery[$0].completedAt == walkNow })
    #expect(plan.objections.count == 1 && plan.negotiation.team.count == 3)
    #expect(plan.actions.map(\.text) == ["Send the OEE benchmark", "Book the plant visit"])
    let r = h.walk(["open acme"] + Self.sections.map { "show " + $0 })
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    Golden.check(r.transcript, "walk-show-en")
    let whole = h.run(["open acme", "show"])
    for heading in ["Account", "Value assessment", "Stakeholders", "Needs discovery", "Question plan", "Objections", "Negotiation", "Next actions"] {
      #expect(whole.out.contains(heading), "\(heading)")
    }
    let ids = try findingIDs(h.run(["check acme --format json"]).out)
    for id in [
      "no-final-decision-maker", "no-financial-decision-maker", "single-threaded", "discovery-stage-skipped",
      "no-open-question", "no-verification-question", "no-value-question", "value-assessment-incomplete", "no-lead-negotiator",
      "their-batna-unknown", "no-core-term", "concession-without-return",
    ] {
      #expect(!ids.contains(id), "\(id)")
    }
  }

  @Test func showEverySectionOfAPlanPreparedThroughTheWalksInChinese() throws {
    let h = SessionHarness(lang: .zh)
    _ = h.run(["new 华东电力"] + Self.wholePlanZH())
    let plan = try h.plan("华东电力")
    #expect(plan.stakeholders.map(\.role) == [.final, .financial, .user, .technical])
    #expect(DiscoveryStage.allCases.allSatisfy { plan.discovery[$0].completedAt == walkNow })
    let r = h.walk(["open 华东电力"] + Self.sections.map { "show " + $0 })
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    Golden.check(r.transcript, "walk-show-zh")
    let ids = try findingIDs(h.run(["check 华东电力 --format json"]).out)
    for id in ["no-final-decision-maker", "single-threaded", "discovery-stage-skipped", "no-lead-negotiator", "no-core-term"] {
      #expect(!ids.contains(id), "\(id)")
    }
  }

  @Test
  func theChineseNoChampionAdviceNamesTheAttitudeThatClearsIt() throws {
    let h = SessionHarness(lang: .zh)
    _ = h.run(["new 华东电力", "stakeholders add 王总", "总经理", "1", "5", "支持", "投资回报", ""])
    let json = try JSONParser.parse(h.run(["check 华东电力 --format json"]).out)
    let finding = try #require(json["findings"]?.array?.first { $0["id"]?.string == "no-champion" })
    let message = finding["message"]?.string ?? ""
    #expect(message.contains("标为拥护者"))
    #expect(!message.contains("标为支持者"))
  }

  @Test
  func theRelationshipMatrixFitsTheWidth() {
    let h = SessionHarness()
    _ = h.run(["new Acme"] + Self.peopleEN + Self.morePeopleEN)
    let r = h.run(["open acme", "show stakeholders"])
    let tooWide = r.out.split(separator: "\n").filter { DisplayWidth.of(String($0)) > 80 }
    #expect(tooWide.isEmpty, "\(tooWide)")
  }
}
