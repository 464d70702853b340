import CoachCore

/// Account plans filled like real accounts, for the export tests (golden briefs in both
/// languages) and a hostile one whose answers try to break Markdown, HTML, CSV and terminals.
public enum ExportFixturePlans {
  static let t0 = "2026-10-05T08:30:00Z"

  static func stage(_ answers: [String: AnswerValue], completed: String?) -> StageAnswers {
    var s = StageAnswers()
    s.answers = answers
    for id in answers.keys { s.answeredAt[id] = t0 }
    s.completedAt = completed
    return s
  }

  static func person(_ name: String, _ title: String, _ role: StakeholderRole, _ influence: Int, _ attitude: Attitude, _ concerns: String, notes: String? = nil) -> Stakeholder {
    var s = Stakeholder(name: name)
    s.title = title
    s.role = role
    s.influence = influence
    s.attitude = attitude
    s.concerns = concerns
    s.notes = notes
    return s
  }

  static func objective(
    _ term: NegotiationTerm, _ best: TermValue, _ expected: TermValue, _ walkAway: TermValue,
    _ better: BetterDirection?, _ unit: String?, _ flexibility: Flexibility, note: String? = nil
  ) -> Objective {
    var o = Objective(term: term)
    o.best = best
    o.expected = expected
    o.walkAway = walkAway
    o.better = better
    o.unit = unit
    o.flexibility = flexibility
    o.note = note
    return o
  }

  static func rung(_ order: Int, _ give: String, _ get: String?, _ cost: Double, _ value: Double) -> Concession {
    var c = Concession(order: order)
    c.give = give
    c.get = get
    c.costToUs = cost
    c.valueToThem = value
    return c
  }

  static func objection(_ category: ObjectionCategory, _ statement: String, by: String, _ lines: [String], strategies: [String], status: ObjectionStatus = .open) -> Objection {
    var o = Objection(statement: statement, category: category, createdAt: t0)
    o.raisedBy = by
    for (step, line) in zip(LSCPAStep.allCases, lines) where !line.isEmpty { o.lscpa[step] = line }
    o.strategies = strategies
    o.status = status
    return o
  }

  static func action(_ text: String, owner: String, due: String, done: Bool = false) -> Action {
    var a = Action(text: text, owner: owner, due: due, createdAt: t0)
    a.done = done
    if done { a.doneAt = "2026-11-10T10:00:00Z" }
    return a
  }

  static func scoreAll(_ plan: inout AccountPlan, _ scores: [Int]) {
    var i = 0
    for d in ValueDimension.allCases {
      for c in d.criteria {
        plan.valueAssessment.setScore(d, c, scores[i % scores.count], at: t0)
        i += 1
      }
    }
  }

  /// A typical plan: every section filled, a few gaps left for the brief to show.
  public static func typical(_ lang: Lang) -> AccountPlan {
    var p = lang == .zh ? typicalChinese() : typicalEnglish()
    prepareForTheMeeting(&p, lang)
    return p
  }

  /// What a rep adds while preparing the next meeting: the deal, two competitors, two more
  /// questions, the risk objection's lines in full, and the relationship map (reporting lines,
  /// influence, our owners, last contacts). Together with the rest this is the "typical full
  /// plan" the one-page brief is printed from (5 stakeholders, 7 questions, 3 objections with
  /// full LSCPA lines, the negotiation filled, 2 competitors).
  static func prepareForTheMeeting(_ p: inout AccountPlan, _ lang: Lang) {
    let zh = lang == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    p.deal.size = zh ? 3_000_000 : 2_400_000
    p.deal.currency = "CNY"
    p.deal.closeDate = "2027-02-26"
    p.deal.stage = .valueDemonstration
    var a = Competitor(name: t("Sino-Tech", "国网信通"))
    a.strengths = t("Incumbent at both plants; 15% cheaper upfront.", "现有供应商，熟悉调度系统；报价低约15%。")
    a.weaknesses = t("Slow service: four days on average to fix a stop.", "响应慢：平均四天才能处理一次故障。")
    a.ourPosition = t("Ahead on uptime and service; behind on price.", "在可用率和服务上领先，价格上落后。")
    var b = Competitor(name: t("Brandt Automation", "西门子能源"))
    b.strengths = t("Strong brand with IT; global SAP references.", "品牌强，信息中心认可；有集团级案例。")
    b.weaknesses = t("No service team in the region; long lead times.", "本地没有服务团队；交付周期长。")
    b.ourPosition = t("Level on technology; ahead on local support.", "技术上持平；本地支持领先。")
    p.deal.competitors = [a, b]
    p.questionPlan.append(
      PlannedQuestion(type: .verification, text: t("If we prove 4 hours less downtime a week in the pilot, is that enough to decide?", "如果试点证明每周少停机4小时，这足以做决定吗？"), createdAt: t0))
    p.questionPlan.append(PlannedQuestion(type: .leading, text: t("Where does the SAP interface worry your team most?", "和调度系统对接，您的团队最担心哪一环？"), createdAt: t0))
    if p.objections.count > 1 {
      p.objections[1].lscpa[.confirm] = t("So the worry is downtime during the cut-over, not the interface itself?", "也就是说，您担心的是切换期间停机，而不是接口本身，对吗？")
      p.objections[1].lscpa[.process] = t(
        "Start with a six-week pilot on line 2, with a rollback plan signed off by your IT.", "先在一座变电站做六周试点，由信息中心签署回退方案。")
      p.objections[1].lscpa[.assure] = t("If the pilot misses its targets, you walk away at no cost.", "试点达不到目标，您可以无成本退出。")
    }
    p.assignItemIDs()
    // Reporting lines: everyone reports to the final decision maker, the buyer to finance.
    let ids = p.stakeholders.map(\.id)
    if ids.count >= 5 {
      p.stakeholders[1].roles = [.final]
      p.stakeholders[1].reportsTo = ids[0]
      p.stakeholders[2].reportsTo = ids[0]
      p.stakeholders[3].reportsTo = ids[0]
      p.stakeholders[4].reportsTo = ids[1]
      p.stakeholders[3].influences = [ids[2]]
      p.stakeholders[0].owner = t("Jia Min", "张经理")
      p.stakeholders[0].lastContact = "2026-11-12"
      p.stakeholders[1].owner = t("Lena Vogt", "周总监")
      p.stakeholders[1].lastContact = "2026-08-20"
    }
  }

  static func typicalEnglish() -> AccountPlan {
    var p = AccountPlan(id: "acme-manufacturing", name: "Acme Manufacturing", createdAt: Timestamp(iso8601: t0)!)
    p.updatedAt = "2026-11-20T16:45:00Z"
    p.account.tier = .a
    p.account.industry = .manufacturing
    p.account.cooperationStage = .mature
    p.account.decisionMode = .hybrid
    p.account.portrait.answers = [
      .decisionMakers: "COO Li Wei decides; the CFO signs anything over 1M CNY.",
      .procurement: "Three bids for anything over 500k; procurement runs the tender, operations writes the spec.",
      .budget: "2.4M CNY approved for line automation in FY2027; released in two tranches.",
      .painPoints: "Unplanned stops on the two new lines cost about 6 hours a week.",
      .competition: "Incumbent Sino-Tech is cheaper but slow to service; a German vendor is courting IT.",
    ]
    p.account.notes = "Renewal of the Suzhou service contract is due in March."
    scoreAll(&p, [5, 4, 3, 4, 5, 3, 4, 3, 4, 5, 4, 3])
    p.stakeholders = [
      person("Li Wei", "Chief Operating Officer", .final, 5, .supporter, "Uptime of the two new lines; wants one supplier for both plants"),
      person("Sarah Chen", "CFO", .financial, 4, .skeptic, "Three-year total cost; payment terms", notes: "Ex-auditor: bring numbers, not adjectives."),
      person("Tom Becker", "Head of IT", .technical, 4, .neutral, "SAP integration; data stays on site"),
      person("Ana Ruiz", "Plant Manager, Suzhou", .user, 3, .champion, "Fewer unplanned stops; easy for operators"),
      person("Mark Olsen", "Procurement Lead", .other, 3, .blocker, "Wants three comparable bids"),
    ]
    p.discovery.stages = [
      .initialContact: stage(
        [
          "company-basics": .text("Two plants (Suzhou, Ningbo), 1,800 staff, automotive parts."),
          "industry-background": .text("EV suppliers squeeze margins; customers demand traceability."),
          "key-decision-makers": .list(["Li Wei, COO, 5", "Sarah Chen, CFO, 4", "Tom Becker, Head of IT, 4"]),
          "opening-value": .text("Benchmark: peers cut unplanned stops by 30% with predictive maintenance."),
          "first-meeting": .date("2026-10-12"),
        ], completed: "2026-10-12T10:00:00Z"),
      .inDepthInterview: stage(
        [
          "core-process": .text("Stamping → welding → paint; the welding cells stop most."),
          "current-vs-desired": .text("OEE 71% today; target 82% by the end of 2027."),
          "pain-points": .list(["Unplanned stops (6 h/week)", "Manual shift reports", "Spare parts ordered late"]),
          "root-causes": .text("No condition monitoring; maintenance is calendar-based."),
        ], completed: nil),
      .needsConfirmation: stage(
        [
          "priorities": .list(["Uptime", "Traceability", "Operator training"]),
          "success-criteria": .list(["OEE ≥ 80% within 12 months", "Stops < 2 h/week"]),
          "budget": .amount(2_400_000, currency: "CNY"),
        ], completed: nil),
      .solutionMatching: stage(
        [
          "need-mapping": .list(["Uptime → predictive maintenance module", "Traceability → MES connector"]),
          "value-quantified": .text("4 h/week less downtime ≈ 1.1M CNY a year."),
        ], completed: nil),
    ]
    p.questionPlan = [
      PlannedQuestion(type: .open, text: "How do you decide which line gets maintenance first?", stage: .inDepthInterview, createdAt: t0),
      PlannedQuestion(type: .open, text: "What would a good year look like for the Suzhou plant?", createdAt: t0),
      PlannedQuestion(type: .leading, text: "Which of the stops hurts delivery to your OEMs the most?", createdAt: t0),
      PlannedQuestion(type: .verification, text: "So the 2.4M budget covers both plants, right?", stage: .needsConfirmation, createdAt: t0),
      PlannedQuestion(type: .value, text: "What is one hour of downtime on line 2 worth to you?", createdAt: t0),
    ]
    p.questionPlan[1].asked = true
    p.questionPlan[1].answer = "Fewer firefights; OEE above 80%."
    p.objections = [
      objection(
        .price, "Your price is 18% above Sino-Tech's.", by: "Sarah Chen",
        [
          "Let her finish; note the numbers she compares.",
          "I understand — a gap like that has to be justified to the board.",
          "Is it the upfront price or the three-year cost that worries you most?",
          "Walk through the three-year cost: service, downtime and spares included.",
          "We will put the savings in the contract as a measured KPI.",
        ], strategies: ["value-comparison", "roi-payback"]),
      objection(
        .risk, "What if the integration with SAP fails?", by: "Tom Becker",
        [
          "Ask what went wrong in past projects.",
          "That is a fair worry after the last MES project.",
          "", "", "",
        ], strategies: ["pilot-project"]),
      objection(
        .time, "We cannot start before the spring shutdown.", by: "Li Wei",
        [
          "Listen for the real constraint.", "Shutdowns are tight.", "So the issue is the installation window?",
          "Phase it: sensors now, software at the shutdown.", "We plan around your calendar.",
        ], strategies: ["phased-rollout"], status: .resolved),
    ]
    p.negotiation.objectives = [
      objective(.price, .number(2_600_000), .number(2_350_000), .number(2_100_000), .higher, "CNY", .core),
      objective(.contractTerms, .number(36), .number(24), .number(12), .higher, "months", .flexible),
      objective(.paymentTerms, .number(30), .number(45), .number(60), .lower, "days", .flexible),
    ]
    p.negotiation.batna.ours.description = "Sell the same package to Ningbo Gear next quarter."
    p.negotiation.batna.ours.value = 1_900_000
    p.negotiation.batna.theirs.description = "Stay with Sino-Tech and add two technicians."
    p.negotiation.batna.theirs.value = 2_250_000
    p.negotiation.interests = [
      {
        var i = Interest(stakeholder: "Sarah Chen")
        i.position = "10% off"
        i.interest = "Show savings to the board"
        return i
      }()
    ]
    p.negotiation.commonInterests = ["A showcase plant for both sides"]
    p.negotiation.concessions = [
      rung(1, "Free operator training (2 days)", "A 36-month contract", 40_000, 90_000),
      rung(2, "Payment in 45 days", "A reference visit for other customers", 25_000, 60_000),
      rung(3, "Spare-parts kit at cost", nil, 15_000, 30_000),
    ]
    p.negotiation.team = [TeamMember(name: "Jia Min", role: .lead), TeamMember(name: "Omar Haddad", role: .technical), TeamMember(name: "Lena Vogt", role: .financial)]
    p.actions = [
      action("Send the three-year cost model to Sarah Chen", owner: "Lena Vogt", due: "2026-11-25"),
      action("Book the reference visit in Ningbo", owner: "Jia Min", due: "2026-11-18"),
      action("Draft the pilot plan for the SAP interface", owner: "Omar Haddad", due: "2026-12-02"),
      action("Share the OEE benchmark", owner: "Jia Min", due: "2026-11-05", done: true),
    ]
    return p
  }

  static func typicalChinese() -> AccountPlan {
    var p = AccountPlan(id: "华东电力集团", name: "华东电力集团", createdAt: Timestamp(iso8601: t0)!)
    p.updatedAt = "2026-11-20T16:45:00Z"
    p.account.tier = .a
    p.account.industry = .government
    p.account.cooperationStage = .new
    p.account.decisionMode = .centralized
    p.account.portrait.answers = [
      .decisionMakers: "分管副总王建国拍板，信息中心主任负责技术把关。",
      .procurement: "五十万以上须公开招标，采购部牵头，信息中心出技术规范。",
      .budget: "2027年数字化预算约三百万元，分两期拨付。",
      .painPoints: "设备巡检靠人工，缺陷发现滞后，数据分散在多个系统。",
      .competition: "现有供应商国电信息价格低但响应慢；另有一家外企在接触信息中心。",
    ]
    p.account.notes = "明年三月前需完成二期立项。"
    scoreAll(&p, [4, 4, 5, 3, 4, 4, 3, 3, 4, 5, 4, 4])
    p.stakeholders = [
      person("王建国", "分管副总经理", .final, 5, .supporter, "安全生产零事故；项目要能在集团推广"),
      person("刘敏", "财务部部长", .financial, 4, .skeptic, "投资回报周期；付款节奏", notes: "注重数据，会议前先发测算表。"),
      person("陈涛", "信息中心主任", .technical, 4, .neutral, "与现有调度系统对接；数据安全等级保护"),
      person("赵磊", "运维部经理", .user, 3, .champion, "减少夜间巡检；一线人员易上手"),
      person("孙丽", "采购部主管", .other, 3, .blocker, "必须走公开招标，至少三家比价"),
    ]
    p.discovery.stages = [
      .initialContact: stage(
        [
          "company-basics": .text("下辖六座变电站，员工两千余人，负责华东地区配电。"),
          "industry-background": .text("新型电力系统建设提速，监管要求设备状态可追溯。"),
          "key-decision-makers": .list(["王建国，分管副总，5", "刘敏，财务部部长，4", "陈涛，信息中心主任，4"]),
          "opening-value": .text("分享同类电网企业巡检效率提升四成的案例。"),
          "first-meeting": .date("2026-10-12"),
        ], completed: "2026-10-12T10:00:00Z"),
      .inDepthInterview: stage(
        [
          "core-process": .text("巡检→缺陷登记→派工→检修，缺陷登记环节最慢。"),
          "current-vs-desired": .text("目前缺陷平均发现时间三天，期望缩短到当天。"),
          "pain-points": .list(["人工巡检夜间风险高", "缺陷数据分散", "备件采购滞后"]),
          "root-causes": .text("缺少在线监测，检修按固定周期而非设备状态安排。"),
        ], completed: nil),
      .needsConfirmation: stage(
        [
          "priorities": .list(["安全", "数据打通", "一线培训"]),
          "success-criteria": .list(["缺陷当天发现率≥90%", "夜间巡检减少一半"]),
          "budget": .amount(3_000_000, currency: "元"),
        ], completed: nil),
      .solutionMatching: stage(
        [
          "need-mapping": .list(["安全 → 在线监测模块", "数据打通 → 调度系统接口"]),
          "value-quantified": .text("每年减少夜间巡检约两千工时，折合约八十万元。"),
        ], completed: nil),
    ]
    p.questionPlan = [
      PlannedQuestion(type: .open, text: "您怎样决定哪座变电站优先检修？", stage: .inDepthInterview, createdAt: t0),
      PlannedQuestion(type: .open, text: "明年运维工作做到什么程度您会比较满意？", createdAt: t0),
      PlannedQuestion(type: .leading, text: "在这些问题里，哪一个对安全生产影响最大？", createdAt: t0),
      PlannedQuestion(type: .verification, text: "也就是说，三百万预算覆盖两期，对吗？", stage: .needsConfirmation, createdAt: t0),
      PlannedQuestion(type: .value, text: "一次缺陷晚发现一天，大概会带来多少损失？", createdAt: t0),
    ]
    p.questionPlan[1].asked = true
    p.questionPlan[1].answer = "夜间巡检减半，缺陷当天闭环。"
    p.objections = [
      objection(
        .price, "你们的报价比国电信息高了两成。", by: "刘敏",
        [
          "让她把比较的口径说完，记下具体数字。",
          "理解，这么大的差价确实需要向班子说明。",
          "您更关心的是一次性投入，还是三年的总成本？",
          "按三年总成本测算：含运维、停运损失和备件。",
          "我们把节省的成本写进合同，作为考核指标。",
        ], strategies: ["value-comparison", "roi-payback"]),
      objection(
        .risk, "和调度系统对接失败怎么办？", by: "陈涛",
        [
          "先问清楚以往项目哪里出了问题。",
          "上次的项目确实让大家很有顾虑。",
          "", "", "",
        ], strategies: ["pilot-project"]),
      objection(
        .time, "春检之前我们没法启动。", by: "王建国",
        [
          "听清真正的限制。", "春检期间确实紧张。", "所以关键是安装窗口？", "分期：先装传感器，春检后上软件。", "我们按您的日程来安排。",
        ], strategies: ["phased-rollout"], status: .resolved),
    ]
    p.negotiation.objectives = [
      objective(.price, .number(3_200_000), .number(2_900_000), .number(2_600_000), .higher, "元", .core),
      objective(.contractTerms, .number(36), .number(24), .number(12), .higher, "月", .flexible),
      objective(.paymentTerms, .number(30), .number(60), .number(90), .lower, "天", .flexible),
    ]
    p.negotiation.batna.ours.description = "下季度把同一方案卖给江苏某地市供电公司。"
    p.negotiation.batna.ours.value = 2_400_000
    p.negotiation.batna.theirs.description = "继续用国电信息，再增加两名巡检人员。"
    p.negotiation.batna.theirs.value = 2_800_000
    p.negotiation.interests = [
      {
        var i = Interest(stakeholder: "刘敏")
        i.position = "降价一成"
        i.interest = "向班子证明投入划算"
        return i
      }()
    ]
    p.negotiation.commonInterests = ["打造集团示范站"]
    p.negotiation.concessions = [
      rung(1, "免费一线培训（两天）", "签三年合同", 50_000, 100_000),
      rung(2, "付款期延长到60天", "安排其他客户来参观", 30_000, 70_000),
      rung(3, "备件按成本价供应", nil, 20_000, 40_000),
    ]
    p.negotiation.team = [TeamMember(name: "周静", role: .lead), TeamMember(name: "吴昊", role: .technical), TeamMember(name: "郑雪", role: .financial)]
    p.actions = [
      action("把三年成本测算表发给刘敏", owner: "郑雪", due: "2026-11-25"),
      action("安排宁波示范站参观", owner: "周静", due: "2026-11-18"),
      action("起草调度系统接口试点方案", owner: "吴昊", due: "2026-12-02"),
      action("发送同类企业巡检效率案例", owner: "周静", due: "2026-11-05", done: true),
    ]
    return p
  }
}
