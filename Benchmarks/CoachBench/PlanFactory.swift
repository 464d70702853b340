import CoachCore

/// Realistic account plans of a chosen size, with mixed English and Chinese text, built with the
/// plan model itself so they are exactly what the product reads and writes.
enum PlanFactory {
  /// 2026-01-05T09:00:00Z: plan times count up from here.
  static let epoch = 1_767_603_600

  static func time(_ seed: Int, _ k: Int) -> String {
    Timestamp(secondsSinceEpoch: epoch + seed * 3_600 + k * 61).description
  }

  static let sentences: [String] = [
    "Procurement runs one tender a year in Q3; the budget owner is the CFO's office.",
    "客户今年计划扩建两条产线，预算由财务总监审批，采购部负责比价。",
    "Unplanned downtime 设备停机 averages 6 hours a month on line 3; they want predictive maintenance.",
    "The incumbent supplier is cheaper by about 8%, but their service response is slow (48h).",
    "信息中心主任担心系统对接风险，希望先在一个车间试点三个月再全面推广。",
    "Decision by committee: plant manager, IT, finance and the deputy GM 生产副总 sign off together.",
    "They measure success as OEE up from 71% to 80% within the first year after go-live.",
    "上次拜访时对方提到竞争对手已经报价，价格比我们低百分之十，但交付周期更长。",
    "Payment terms: they ask for 90 days; our policy is 60, and finance will accept 75 with a volume commitment.",
    "关键痛点：质量追溯靠人工记录，出现客诉时需要两到三天才能定位批次。",
    "Champion is the head of operations; the CFO is skeptical about ROI and wants a payback under 18 months.",
    "下一步：安排技术交流会，邀请信息中心和生产部门一起参加，并准备案例材料。",
  ]

  static func sentence(_ k: Int) -> String { sentences[((k % sentences.count) + sentences.count) % sentences.count] }

  /// Two or three sentences, varied by `k`.
  static func paragraph(_ k: Int) -> String {
    var text = sentence(k) + " " + sentence(k * 7 + 3)
    if k % 3 == 0 { text += " " + sentence(k * 5 + 1) }
    return text
  }

  static let people: [(name: String, title: String)] = [
    ("王伟", "采购总监"), ("Li Na", "Chief Financial Officer"), ("陈静", "信息中心主任"),
    ("David Zhou", "Plant Manager"), ("刘洋", "生产副总"), ("Sarah Lin", "IT Architect"),
    ("赵磊", "财务经理"), ("Kevin Wu", "Head of Operations"),
  ]

  static let prompts: [(DiscoveryStage, [String])] = [
    (.initialContact, ["company-basics", "industry-background", "key-decision-makers", "opening-value", "first-meeting"]),
    (.inDepthInterview, ["core-process", "current-vs-desired", "pain-points", "root-causes", "roles-interviewed"]),
    (.needsConfirmation, ["priorities", "success-criteria", "budget", "go-live", "stakeholders-affected"]),
    (.solutionMatching, ["need-mapping", "customisation", "value-quantified", "feedback"]),
  ]

  static func answer(_ prompt: String, _ k: Int) -> AnswerValue {
    switch prompt {
    case "budget": return .amount(Double(800_000 + (k % 40) * 25_000), currency: "CNY")
    case "go-live": return .date("2026-\(k % 2 == 0 ? "09" : "11")-30")
    case "roles-interviewed", "priorities", "stakeholders-affected":
      return .list([sentence(k), sentence(k + 4), sentence(k + 9)])
    default: return .text(paragraph(k))
    }
  }

  /// A plan with every section filled in and `rounds` repeated items (a stakeholder, an objection
  /// with its LSCPA lines, a planned question, an interest and an action per round).
  /// `answers` limits how many discovery prompts are answered (19 in all); `negotiation` fills the
  /// negotiation preparation.
  static func plan(name: String, seed: Int, rounds: Int, answers: Int = 19, negotiation: Bool = true) -> AccountPlan {
    let id = (try? PlanID.make(from: name)) ?? "plan-\(seed)"
    var plan = AccountPlan(id: id, name: name, createdAt: Timestamp(secondsSinceEpoch: epoch + seed * 3_600))
    plan.updatedAt = time(seed, 1)

    plan.account.industry = Industry.allCases[seed % Industry.allCases.count]
    plan.account.tier = Tier.allCases[seed % Tier.allCases.count]
    plan.account.cooperationStage = CooperationStage.allCases[seed % CooperationStage.allCases.count]
    plan.account.decisionMode = DecisionMode.allCases[seed % DecisionMode.allCases.count]
    for (i, area) in PortraitArea.allCases.enumerated() where i < 2 + answers / 4 {
      plan.account.portrait.answers[area] = paragraph(seed + i)
      plan.account.portrait.answeredAt[area.rawValue] = time(seed, i)
    }
    for field in ["industry", "tier", "cooperationStage", "decisionMode"] { plan.account.answeredAt[field] = time(seed, 2) }
    for (i, dimension) in ValueDimension.allCases.enumerated() {
      for (j, criterion) in dimension.criteria.enumerated() where answers > 4 || j == 0 {
        plan.valueAssessment.setScore(dimension, criterion, 1 + (seed + i + j) % 5, at: time(seed, 3 + i))
      }
    }

    var answered = 0
    for (stage, ids) in prompts {
      var stageAnswers = StageAnswers()
      for prompt in ids where answered < answers {
        stageAnswers.answers[prompt] = answer(prompt, seed + answered)
        stageAnswers.answeredAt[prompt] = time(seed, 10 + answered)
        answered += 1
      }
      if !stageAnswers.answers.isEmpty {
        if stageAnswers.answers.count == ids.count { stageAnswers.completedAt = time(seed, 40) }
        plan.discovery[stage] = stageAnswers
      }
    }

    if negotiation {
      for (i, term) in [NegotiationTerm.price, .paymentTerms, .deliveryTime].enumerated() {
        var objective = Objective(term: term)
        objective.best = .number(Double([1_200_000, 60, 8][i]))
        objective.expected = .number(Double([1_080_000, 75, 10][i]))
        objective.walkAway = .number(Double([950_000, 90, 12][i]))
        objective.better = i == 0 ? .higher : .lower
        objective.unit = ["CNY", "days", "weeks"][i]
        objective.flexibility = i == 0 ? .core : .flexible
        objective.note = sentence(seed + i + 2)
        objective.answeredAt["expected"] = time(seed, 50 + i)
        plan.negotiation.objectives.append(objective)
      }
      plan.negotiation.batna.ours.description = sentence(seed + 5)
      plan.negotiation.batna.ours.value = 600_000
      plan.negotiation.batna.theirs.description = sentence(seed + 6)
      plan.negotiation.batna.theirs.value = 1_150_000
      plan.negotiation.commonInterests = [sentence(seed + 7), "按期上线 / on-time go-live"]
      for order in 1...3 {
        var concession = Concession(order: order)
        concession.give = sentence(seed + order * 2)
        concession.get = sentence(seed + order * 3 + 1)
        concession.costToUs = Double(order * 20_000)
        concession.valueToThem = Double(order * 35_000)
        plan.negotiation.concessions.append(concession)
      }
      plan.negotiation.team = [TeamMember(name: "张明", role: .lead), TeamMember(name: "Amy Xu", role: .technical), TeamMember(name: "周芳", role: .financial)]
    }

    for r in 0..<rounds {
      let person = people[(seed + r) % people.count]
      let name = r < people.count ? person.name : "\(person.name) \(r / people.count + 1)"
      var stakeholder = Stakeholder(name: name)
      stakeholder.title = person.title
      stakeholder.role = StakeholderRole.allCases[r % StakeholderRole.allCases.count]
      stakeholder.influence = 1 + (seed + r) % 5
      stakeholder.attitude = Attitude.allCases[(seed + r) % Attitude.allCases.count]
      stakeholder.concerns = sentence(seed + r + 1)
      stakeholder.notes = paragraph(seed + r + 2)
      stakeholder.answeredAt["attitude"] = time(seed, 60 + r)
      plan.stakeholders.append(stakeholder)

      var objection = Objection(statement: sentence(seed + r + 3), category: ObjectionCategory.allCases[r % 4], createdAt: time(seed, 70 + r))
      objection.raisedBy = name
      for (i, step) in LSCPAStep.allCases.enumerated() { objection.lscpa[step] = sentence(seed + r + i + 4) }
      objection.strategies = ["value-reframe", r % 2 == 0 ? "split-the-difference" : "third-party-proof"]
      objection.status = r % 3 == 0 ? .resolved : .open
      objection.answeredAt["lscpa"] = time(seed, 71 + r)
      plan.objections.append(objection)

      var question = PlannedQuestion(type: QuestionType.allCases[r % 4], text: sentence(seed + r + 5), stage: DiscoveryStage.allCases[r % 4], createdAt: time(seed, 80 + r))
      question.asked = r % 2 == 0
      if r % 2 == 0 { question.answer = sentence(seed + r + 6) }
      plan.questionPlan.append(question)

      var interest = Interest(stakeholder: name)
      interest.position = sentence(seed + r + 8)
      interest.interest = sentence(seed + r + 9)
      plan.negotiation.interests.append(interest)

      var action = Action(text: sentence(seed + r + 11), owner: r % 2 == 0 ? "张明" : "Amy Xu", due: "2026-0\(1 + r % 9)-1\(r % 10)", createdAt: time(seed, 90 + r))
      if r % 4 == 0 {
        action.done = true
        action.doneAt = time(seed, 95 + r)
      }
      plan.actions.append(action)
    }
    return plan
  }

  static func encodedSize(_ plan: AccountPlan) -> Int { plan.fileText.utf8.count }

  /// A fully filled plan of about `bytes` bytes on disk (within one round, ~2 KB).
  static func plan(name: String, seed: Int, approximately bytes: Int) -> AccountPlan {
    let empty = encodedSize(plan(name: name, seed: seed, rounds: 0))
    let perRound = max(1, encodedSize(plan(name: name, seed: seed, rounds: 4)) - empty) / 4
    var rounds = max(0, (bytes - empty + perRound / 2) / perRound)
    var result = plan(name: name, seed: seed, rounds: rounds)
    // Correct the estimate (rounds vary a little in size).
    while encodedSize(result) < bytes - perRound / 2 {
      rounds += max(1, (bytes - encodedSize(result)) / perRound)
      result = plan(name: name, seed: seed, rounds: rounds)
    }
    return result
  }

  /// One of the many plans of a busy workspace: 3–5 KB, varied by `index`.
  static func workspacePlan(index: Int) -> AccountPlan {
    let names = ["华东电力", "Northwind Foods", "深圳精密制造", "Contoso Logistics", "北方重工", "Fabrikam Retail", "长江医药", "Litware Finance"]
    let name = "\(names[index % names.count]) \(index + 1)"
    var plan = plan(name: name, seed: index, rounds: 0, answers: 1 + index % 3, negotiation: false)
    // A plan in its first weeks: a few stakeholders, an objection or two, a next step.
    for r in 0..<(2 + index % 3) {
      let person = people[(index + r) % people.count]
      var stakeholder = Stakeholder(name: person.name)
      stakeholder.title = person.title
      stakeholder.role = StakeholderRole.allCases[(index + r) % StakeholderRole.allCases.count]
      stakeholder.influence = 1 + (index + r) % 5
      stakeholder.attitude = Attitude.allCases[(index + r) % Attitude.allCases.count]
      if r == 0 { stakeholder.concerns = sentence(index + r) }
      stakeholder.answeredAt["attitude"] = time(index, 60 + r)
      plan.stakeholders.append(stakeholder)
    }
    for r in 0..<(index % 2 + 1) {
      var objection = Objection(statement: sentence(index + r + 3), category: ObjectionCategory.allCases[(index + r) % 4], createdAt: time(index, 70 + r))
      objection.lscpa[.listen] = sentence(index + r + 4)
      objection.answeredAt["listen"] = time(index, 71 + r)
      plan.objections.append(objection)
    }
    plan.actions.append(Action(text: sentence(index + 11), owner: "张明", due: "2026-03-1\(index % 10)", createdAt: time(index, 90)))
    return plan
  }
}
