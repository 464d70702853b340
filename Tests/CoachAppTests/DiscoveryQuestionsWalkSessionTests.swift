import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// The four discovery stages (each with its end-of-stage summary and completion time) and the
/// question plan (guided pass, add, check, remove), in English and Chinese.
@Suite struct DiscoveryQuestionsWalkSessionTests {
  static let discoveryEN = [
    "discover", "?", "2,000 staff, 4 plants, HQ in Suzhou", "Consolidating; imports push prices down",
    "Wang Li, CFO, high", "Zhao Min, plant manager, medium", "", "An OEE benchmark for their segment", "2026/12/1",
    "Send the OEE benchmark", "Zhao Min", "2026-11-30",
    "discover", "Order intake, planning, shipping; planning is the bottleneck", "Manual scheduling today; they want same-day replans",
    "Late shipments", "Rework on line 2", "", "Planning runs on spreadsheets", "Plant manager: planning chaos", "CFO: cost of rework", "",
    "",
    "discover 3", "On-time delivery", "Less rework", "", "On-time delivery above 95%", "", "lots", "¥200万", "2026-02-30", "2027年3月1日",
    "Planners gain; the night shift changes its routine",
    "",
    "discover solution-matching", "On-time delivery: scheduling module", "", "Interface to their SAP", "Saves 1.2m a year in rework",
    "Liked the pilot idea; wants a smaller first phase",
    "",
    "show discovery",
  ]

  static let discoveryZH = [
    "discover", "？", "集团四个工厂，总部在苏州", "行业整合加速，进口压价", "王总，总经理，高", "赵厂长，工厂，中", "", "同行业设备效率对标报告", "2026年12月1日",
    "",
    "discover 深度访谈", "接单、排产、发货；排产是瓶颈", "现在手工排产，希望当天重排", "交付延误", "二号线返工", "", "排产靠电子表格", "厂长：排产混乱", "财务：返工成本", "",
    "",
    "discover 3", "准时交付", "", "准时交付率高于95%", "", "很多", "200万元", "2027/3/1", "计划员受益；夜班要改流程",
    "发送对标报告", "赵厂长", "2026-12-05",
    "discover 方案匹配", "准时交付：排产模块", "", "对接现有SAP", "每年节省返工成本120万", "喜欢试点，希望第一期更小",
    "",
    "show discovery",
  ]

  /// Every stage completed at the session's time, with the expected answers (a date reads
  /// back from the file as its `YYYY-MM-DD` text).
  func expectStages(_ h: SessionHarness, _ id: String, _ expected: [DiscoveryStage: [String: AnswerValue]]) throws {
    let plan = try h.plan(id)
    let json = try h.planJSON(id)
    for stage in DiscoveryStage.allCases {
      let saved = plan.discovery[stage]
      #expect(saved.completedAt == walkNow, "\(stage.rawValue) completedAt")
      #expect(WalkJSON.string(json, "discovery/\(stage.rawValue)/completedAt") == walkNow)
      for (key, value) in expected[stage] ?? [:] {
        #expect(saved.answers[key] == value, "\(stage.rawValue).\(key)")
        #expect(saved.answeredAt[key] == walkNow)
      }
    }
  }

  @Test func allFourDiscoveryStagesWithTheirSummariesInEnglish() throws {
    let h = SessionHarness()
    let r = h.walk(["new Acme"] + Self.discoveryEN)
    #expect(r.status == 0)
    #expect(
      r.err
        == "‘lots’ is not an amount: type a number, optionally with a currency, e.g. 120000 CNY or $1.2m.\n‘2026-02-30’ is not a day in the calendar; check the month and day.\n")
    for title in ["Initial contact", "In-depth interview", "Needs confirmation", "Solution matching"] {
      #expect(r.out.contains(title + " — summary"))
    }
    // Summary lines wrap at the width; fold the breaks before matching.
    #expect(r.out.replacingAll("\n", with: " ").contains("Recorded: Company basics; Industry background; Key decision makers; Value to open with; First meeting"))
    #expect(r.out.contains("Still empty: Who gains") == false)
    #expect(r.out.contains("Completed 2026-11-23 09:00 UTC"))
    #expect(r.out.contains("Continue with `discover in-depth-interview`."))
    #expect(r.out.contains("All four stages walked."))
    try expectStages(
      h, "acme",
      [
        .initialContact: [
          "company-basics": .text("2,000 staff, 4 plants, HQ in Suzhou"), "industry-background": .text("Consolidating; imports push prices down"),
          "key-decision-makers": .list(["Wang Li, CFO, high", "Zhao Min, plant manager, medium"]),
          "opening-value": .text("An OEE benchmark for their segment"), "first-meeting": .text("2026-12-01"),
        ],
        .inDepthInterview: [
          "core-process": .text("Order intake, planning, shipping; planning is the bottleneck"),
          "current-vs-desired": .text("Manual scheduling today; they want same-day replans"),
          "pain-points": .list(["Late shipments", "Rework on line 2"]), "root-causes": .text("Planning runs on spreadsheets"),
          "roles-interviewed": .list(["Plant manager: planning chaos", "CFO: cost of rework"]),
        ],
        .needsConfirmation: [
          "priorities": .list(["On-time delivery", "Less rework"]), "success-criteria": .list(["On-time delivery above 95%"]),
          "budget": .amount(2_000_000, currency: "CNY"), "go-live": .text("2027-03-01"),
          "stakeholders-affected": .text("Planners gain; the night shift changes its routine"),
        ],
        .solutionMatching: [
          "need-mapping": .list(["On-time delivery: scheduling module"]), "customisation": .text("Interface to their SAP"),
          "value-quantified": .text("Saves 1.2m a year in rework"), "feedback": .text("Liked the pilot idea; wants a smaller first phase"),
        ],
      ])
    let json = try h.planJSON("acme")
    #expect(WalkJSON.number(json, "discovery/needs-confirmation/answers/budget/amount") == 2_000_000)
    #expect(WalkJSON.string(json, "discovery/needs-confirmation/answers/budget/currency") == "CNY")
    #expect(WalkJSON.strings(json, "discovery/in-depth-interview/answers/pain-points") == ["Late shipments", "Rework on line 2"])
    #expect(WalkJSON.string(json, "discovery/needs-confirmation/answers/go-live") == "2027-03-01")
    // The action offered at the end of the first stage.
    let plan = try h.plan("acme")
    #expect(plan.actions.count == 1)
    #expect(plan.actions[0].text == "Send the OEE benchmark" && plan.actions[0].owner == "Zhao Min" && plan.actions[0].due == "2026-11-30")
    #expect(plan.actions[0].createdAt == walkNow)
    Golden.check(r.transcript, "walk-discovery-en")
  }

  @Test func allFourDiscoveryStagesWithTheirSummariesInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.walk(["new 华东电力"] + Self.discoveryZH)
    #expect(r.status == 0)
    #expect(r.err == "‘很多’ 不是有效金额：请输入数字，可带货币，例如 120000 CNY 或 ¥12万。\n")
    #expect(r.out.contains("初步接触——小结"))
    #expect(r.out.contains("完成于 2026-11-23 09:00 UTC"))
    #expect(r.out.contains("四个阶段都已完成。"))
    try expectStages(
      h, "华东电力",
      [
        .initialContact: ["key-decision-makers": .list(["王总，总经理，高", "赵厂长，工厂，中"]), "first-meeting": .text("2026-12-01")],
        .inDepthInterview: ["pain-points": .list(["交付延误", "二号线返工"]), "root-causes": .text("排产靠电子表格")],
        .needsConfirmation: [
          "priorities": .list(["准时交付"]), "success-criteria": .list(["准时交付率高于95%"]),
          "budget": .amount(2_000_000, currency: "CNY"), "go-live": .text("2027-03-01"),
          "stakeholders-affected": .text("计划员受益；夜班要改流程"),
        ],
        .solutionMatching: ["need-mapping": .list(["准时交付：排产模块"]), "feedback": .text("喜欢试点，希望第一期更小")],
      ])
    let plan = try h.plan("华东电力")
    #expect(plan.actions.map(\.text) == ["发送对标报告"])
    #expect(plan.actions[0].owner == "赵厂长" && plan.actions[0].due == "2026-12-05")
    Golden.check(r.transcript, "walk-discovery-zh")
  }

  @Test func aStageLeftWithDoneHasNoCompletionTimeAndTheSummarySaysWhatIsEmpty() throws {
    let h = SessionHarness()
    let r = h.run(["new Acme", "discover needs-confirmation", "On-time delivery", "", "", "120,000 CNY", "done"])
    #expect(r.out.contains("Recorded: Priorities; Budget"))
    #expect(r.out.contains("Still empty: Success criteria; Target go-live; Who gains, who is affected"))
    #expect(!r.out.contains("Completed "))
    // A later stage has answers while the earlier ones are empty.
    #expect(r.out.contains("discovery-stage-skipped"))
    let stage = try h.plan("acme").discovery[.needsConfirmation]
    #expect(stage.completedAt == nil)
    #expect(stage.answers["budget"] == .amount(120_000, currency: "CNY"))
  }

  @Test func anUnknownStageIsAUsageErrorThatNamesTheNearest() {
    let r = SessionHarness().run(["new Acme", "discover initial-contakt"])
    #expect(r.status == ExitStatus.usage)
    #expect(r.err.contains("Unknown stage ‘initial-contakt’. Stages: initial-contact, in-depth-interview, needs-confirmation, solution-matching (did you mean initial-contact?)"))
  }

  // MARK: questions

  static let questionsEN = [
    "questions", "?", "1 3", "9", "What keeps you up at night about deliveries?", "",
    "Do you agree our price is fair?", "back", "", "",
    "So the budget is 2 million, right?", "",
    "2", "",
    "questions add value What would a 10% faster line be worth to you?",
    "questions check Why has this moved up the agenda now?",
    "questions check Is the price OK?",
    "questions check Is the price OK? --as open",
    "questions check 您能具体说说交付延误对生产有什么影响吗？",
    "show questions",
    "questions remove 2",
  ]

  static let questionsZH = [
    "questions", "1 2", "您对明年的产能规划是怎么考虑的？", "",
    "您刚才提到返工，具体是在哪个环节出现的？", "",
    "如果我理解正确，交付周期是您最关心的，对吗？", "１",
    "跳过", "",
    "questions add 价值 如果这个问题解决了，对您的团队意味着什么？",
    "questions check 你们是不是觉得价格太高？",
    "questions check 您能具体说说交付延误对生产有什么影响吗？",
    "questions check What are your priorities this year?",
    "show questions",
  ]

  @Test func aQuestionPassWithExamplesOwnQuestionsAndChecksInEnglish() throws {
    let h = SessionHarness()
    let r = h.walk(["new Acme"] + Self.questionsEN)
    #expect(r.status == 0)
    #expect(r.err == "Pick numbers from 1 to 8.\n")
    #expect(r.out.contains("Added 2 question(s)."))
    #expect(r.out.contains("Type: Open question\n  • Closest to the playbook's example “Why has this project moved up the agenda"))
    #expect(r.out.contains("\n  • It opens with what, how or why"))
    #expect(r.out.contains("To make it a good open question:"))
    #expect(r.out.contains("Type: Leading question"))
    let plan = try h.plan("acme")
    #expect(plan.questionPlan.map(\.type) == [.open, .open, .leading, .verification, .value, .value])
    #expect(
      plan.questionPlan.map(\.text) == [
        "How do you see the main trends in your industry right now?",
        "What keeps you up at night about deliveries?",
        "Do you agree our price is fair?",
        "So the budget is 2 million, right?",
        "How does your company measure success for projects like this?",
        "What would a 10% faster line be worth to you?",
      ])
    #expect(plan.questionPlan.allSatisfy { $0.createdAt == walkNow })
    let json = try h.planJSON("acme")
    #expect(WalkJSON.string(json, "questionPlan/2/type") == "leading")
    #expect(WalkJSON.string(json, "questionPlan/5/text") == "What would a 10% faster line be worth to you?")
    Golden.check(r.transcript, "walk-questions-en")
  }

  @Test func aQuestionPassWithExamplesOwnQuestionsAndChecksInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.walk(["new 华东电力"] + Self.questionsZH)
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    let plan = try h.plan("华东电力")
    #expect(plan.questionPlan.map(\.type) == [.open, .open, .open, .leading, .verification, .verification, .value])
    #expect(plan.questionPlan[2].text == "您对明年的产能规划是怎么考虑的？")
    #expect(plan.questionPlan[3].text == "您刚才提到返工，具体是在哪个环节出现的？")
    #expect(plan.questionPlan[4].text == "如果我理解正确，交付周期是您最关心的，对吗？")
    #expect(plan.questionPlan[6].text == "如果这个问题解决了，对您的团队意味着什么？")
    Golden.check(r.transcript, "walk-questions-zh")
  }
}
