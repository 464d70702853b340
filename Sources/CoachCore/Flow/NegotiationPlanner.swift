/// Hands out the walks of the chosen negotiation parts one by one.
public final class NegotiationPlanner {
  let book: Playbook
  let l: L10n
  let parts: [String]
  private var partIndex = 0
  private var queue: [(FlowContext, inout [FlowEffect]) -> SequenceFlow.Item?] = []
  private var started = false
  /// The custom term named by the last "another term?" answer.
  private var pendingCustom: String?

  public init(book: Playbook, l: L10n, parts: [String]) {
    self.book = book
    self.l = l
    self.parts = parts
  }

  /// The series of walks, as a flow.
  public func flow() -> SequenceFlow {
    SequenceFlow(
      intro: intro(),
      next: { [self] context in
        var lead: [FlowEffect] = []
        let item = next(context, &lead)
        return (lead, item)
      }, onFinish: { [self] context in finish(context) })
  }

  func intro() -> StyledText {
    var out = StyledText(l.t("Negotiation preparation", "谈判准备"), .heading)
    out.append(
      "\n"
        + l.t(
          "(? help · back · skip · done leaves · Enter keeps the answer · everything is saved as you go)",
          "（? 提示 · back 上一步 · skip 跳过 · done 离开 · Enter 保留原答案 · 所有回答都会随时保存）"), .dim)
    return out
  }

  /// The next walk, or nil when every chosen part is done.
  func next(_ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    while true {
      if !queue.isEmpty {
        let make = queue.removeFirst()
        if let item = make(context, &out) { return item }
        continue
      }
      if started {
        summarise(parts[partIndex], context, &out)
        partIndex += 1
      }
      guard partIndex < parts.count else { return nil }
      started = true
      enqueue(parts[partIndex], context, &out)
    }
  }

  func finish(_ context: FlowContext) -> [FlowEffect] {
    var out: [FlowEffect] = []
    if started, partIndex < parts.count {
      summarise(parts[partIndex], context, &out)
      partIndex = parts.count
    }
    guard context.plan != nil else { return out }
    let related = context.findings().filter { $0.section == .negotiation }
    if !related.isEmpty { out.append(.say("\n" + FindingsView.render(related, l: l, width: context.width))) }
    out.append(
      .say(
        StyledText(
          l.t(
            "`show negotiation` shows goals, BATNAs, the ZOPA and the ladder at a glance.",
            "用 `show negotiation` 一览目标、BATNA、ZOPA 和让步阶梯。"), .dim)))
    return out
  }

  // MARK: parts

  func walk(_ partID: String, prompts filter: (Prompt) -> Bool = { _ in true }) -> Walk? {
    guard let part = book.part(partID) else { return nil }
    return Walk(id: "negotiation-" + partID, title: part.title, goal: part.purpose, prompts: part.prompts.filter(filter))
  }

  func header(_ partID: String, _ context: FlowContext, _ effects: inout [FlowEffect]) {
    guard let part = book.part(partID) else { return }
    var out = StyledText("\n" + part.title, .heading)
    if let purpose = part.purpose { out.append("\n" + Wrap.text(purpose, width: context.width)) }
    for p in part.principles { out.append("\n" + Wrap.text("• " + p, width: context.width), .dim) }
    effects.append(.say(out))
  }

  func enqueue(_ partID: String, _ context: FlowContext, _ out: inout [FlowEffect]) {
    header(partID, context, &out)
    switch partID {
    case "goals":
      for term in [NegotiationTerm.price, .contractTerms, .deliveryTime, .paymentTerms] {
        queue.append { [unowned self] c, out in self.goalItem(term: term, label: nil, c, &out) }
      }
      for o in context.plan?.negotiation.objectives ?? [] where o.term == .custom {
        queue.append { [unowned self] c, out in self.goalItem(term: .custom, label: o.label, c, &out) }
      }
      queue.append { [unowned self] c, out in self.customTermQuestion(c, &out) }
    case "batna":
      queue.append { [unowned self] c, out in self.batnaItem(c, &out) }
    case "interests":
      let people = context.plan?.stakeholders.map(\.name) ?? []
      if people.isEmpty {
        out.append(
          .say(
            StyledText(
              l.t(
                "No stakeholders yet: `stakeholders add` first to note each one's position and interest. Common interests can go in now.",
                "还没有决策者：先用 `stakeholders add` 添加，才能记录各自的立场和利益。共同利益现在就可以填写。"), .dim)))
      }
      for (i, name) in people.enumerated() {
        queue.append { [unowned self] c, out in self.interestItem(name: name, number: i + 1, of: people.count, c, &out) }
      }
      queue.append { [unowned self] c, out in self.commonInterestsItem(c, &out) }
    case "concessions":
      let existing = context.plan?.negotiation.ladder.map(\.order) ?? []
      for order in existing { queue.append { [unowned self] c, out in self.concessionItem(order: order, isNew: false, c, &out) } }
      queue.append { [unowned self] c, out in self.newConcession(c, &out) }
    case "team":
      let count = context.plan?.negotiation.team.count ?? 0
      for i in 0..<count { queue.append { [unowned self] c, out in self.teamItem(index: i, c, &out) } }
      queue.append { [unowned self] c, out in self.newTeamMember(c, &out) }
    default:
      break
    }
  }

  func summarise(_ partID: String, _ context: FlowContext, _ effects: inout [FlowEffect]) {
    guard let plan = context.plan else { return }
    let labels = Labels(book, l)
    let view = NegotiationView(plan: plan, labels: labels, width: context.width)
    var out = StyledText()
    switch partID {
    case "goals":
      out = view.goals()
      if let zopa = ZOPAPicture(plan: plan, labels: labels).render() { out += "\n\n" + zopa }
    case "batna":
      out = view.batna()
      if let zopa = ZOPAPicture(plan: plan, labels: labels).render() { out += "\n\n" + zopa }
    case "interests": out = view.interests()
    case "concessions": out = ConcessionLadderPicture(negotiation: plan.negotiation, labels: labels).render()
    case "team": out = view.team()
    default: break
    }
    effects.append(.say("\n" + out))
  }

  // MARK: goals

  func goalItem(term: NegotiationTerm, label: String?, _ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    guard let plan = context.plan, let walk = walk("goals") else { return nil }
    let info = book.term(term)
    let name = label ?? info?.name ?? term.rawValue
    let match: (Objective) -> Bool = { $0.term == term && (term != .custom || $0.label == label) }
    // A term measured in money starts in the rep's currency (the `currency` setting), not the playbook's.
    var defaultUnit = info?.unit
    if let u = defaultUnit, let code = AmountParser.currencyCode(u), code != context.currency, let currency = context.currency { defaultUnit = currency }
    var answers: [String: AnswerValue] = [:]
    if let o = plan.negotiation.objectives.first(where: match) {
      for p in walk.prompts { if let a = o.read(p.itemField) { answers[p.id] = a } }
    } else {
      if let b = info?.better { answers[walk.prompts.first { $0.itemField == "better" }?.id ?? ""] = .choice(b.rawValue) }
      if term != .custom, let u = defaultUnit { answers[walk.prompts.first { $0.itemField == "unit" }?.id ?? ""] = .text(u) }
    }
    var engine = WalkEngine(walk: walk, answers: answers, context: walk.title + " · " + name, l: l)
    engine.amountsMayBeText = true
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let i: Int
        if let found = plan.negotiation.objectives.firstIndex(where: match) {
          i = found
        } else {
          var o = Objective(term: term, label: label)
          o.better = info?.better
          if term != .custom { o.unit = defaultUnit }
          plan.negotiation.objectives.append(o)
          i = plan.negotiation.objectives.count - 1
        }
        plan.negotiation.objectives[i].apply(p.itemField, v, at: time)
      },
      describe: { [l] p in l.t("Goals · ", "目标 · ") + name + l.colon + p.shortLabel },
      estimate: { p, approximate, plan in
        guard let i = plan.negotiation.objectives.firstIndex(where: match) else { return }
        plan.negotiation.objectives[i].mark(p.itemField, approximate: approximate)
      })
    var heading = StyledText("\n" + name, .bold)
    if let hint = info?.hint { heading += StyledText("\n" + Wrap.text(hint, width: context.width), .dim) }
    out.append(.say(heading))
    return SequenceFlow.Item(engine: engine, binding: binding)
  }

  func customTermQuestion(_ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    var prompt = Prompt(
      id: "custom-term", kind: .text, fills: "objective.label",
      text: l.t(
        "Another term to negotiate (e.g. warranty, training)? Name it, or press Enter to finish the goals.",
        "还有其他要谈的条款吗（如质保、培训）？写出名称，或按 Enter 结束目标设定。"))
    prompt.optional = true
    let walk = Walk(id: "negotiation-custom", title: l.t("Goals", "谈判目标"), prompts: [prompt])
    let engine = WalkEngine(walk: walk, answers: [:], context: l.t("Goals · another term", "谈判目标 · 其他条款"), l: l)
    let binding = WalkBinding(
      apply: { [unowned self] _, v, _, _ in self.pendingCustom = PlanPatch.text(v) },
      describe: { [l] _ in l.t("Goals · another term", "谈判目标 · 其他条款") })
    var item = SequenceFlow.Item(engine: engine, binding: binding)
    item.emptyFirstAnswerEnds = true
    item.onEnd = { [unowned self] _, _ in
      guard let label = self.pendingCustom else { return [] }
      self.pendingCustom = nil
      self.queue.insert({ [unowned self] c, out in self.goalItem(term: .custom, label: label, c, &out) }, at: 0)
      self.queue.insert({ [unowned self] c, out in self.customTermQuestion(c, &out) }, at: 1)
      return []
    }
    return item
  }

  // MARK: BATNA

  func batnaItem(_ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    guard let plan = context.plan, let walk = walk("batna") else { return nil }
    func side(_ p: Prompt) -> (theirs: Bool, field: String) {
      let parts = p.itemField.split(separator: ".")
      return (parts.first == "theirs", String(parts.last ?? ""))
    }
    var answers: [String: AnswerValue] = [:]
    for p in walk.prompts {
      let (theirs, field) = side(p)
      if let a = (theirs ? plan.negotiation.batna.theirs : plan.negotiation.batna.ours).read(field) { answers[p.id] = a }
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: walk.title, l: l)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let (theirs, field) = side(p)
        if theirs { plan.negotiation.batna.theirs.apply(field, v, at: time) } else { plan.negotiation.batna.ours.apply(field, v, at: time) }
      },
      describe: { p in "BATNA: " + p.shortLabel },
      estimate: { p, approximate, plan in
        let (theirs, field) = side(p)
        if theirs { plan.negotiation.batna.theirs.mark(field, approximate: approximate) } else { plan.negotiation.batna.ours.mark(field, approximate: approximate) }
      })
    return SequenceFlow.Item(engine: engine, binding: binding)
  }

  // MARK: interests

  func interestItem(name: String, number: Int, of count: Int, _ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    guard let plan = context.plan, let walk = walk("interests", prompts: { $0.fills.hasPrefix("interest.") }) else { return nil }
    var answers: [String: AnswerValue] = [:]
    if let i = plan.negotiation.interests.first(where: { $0.stakeholder == name }) {
      for p in walk.prompts { if let a = i.read(p.itemField) { answers[p.id] = a } }
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: walk.title + " · " + name + " (\(number)/\(count))", l: l)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let i: Int
        if let found = plan.negotiation.interests.firstIndex(where: { $0.stakeholder == name }) {
          i = found
        } else {
          plan.negotiation.interests.append(Interest(stakeholder: name))
          i = plan.negotiation.interests.count - 1
        }
        plan.negotiation.interests[i].apply(p.itemField, v, at: time)
      },
      describe: { [l] p in l.t("Interests · ", "利益点 · ") + name + l.colon + p.shortLabel })
    return SequenceFlow.Item(engine: engine, binding: binding)
  }

  func commonInterestsItem(_ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    guard let plan = context.plan, let walk = walk("interests", prompts: { $0.fills == "negotiation.commonInterests" }), !walk.prompts.isEmpty else { return nil }
    let engine = WalkEngine(walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan), context: walk.title, l: l)
    return SequenceFlow.Item(engine: engine, binding: .plan(walk.title))
  }

  // MARK: concessions

  func concessionItem(order: Int, isNew: Bool, _ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    guard let plan = context.plan, let walk = walk("concessions") else { return nil }
    var answers: [String: AnswerValue] = [:]
    if let c = plan.negotiation.concessions.first(where: { $0.order == order }) {
      for p in walk.prompts { if let a = c.read(p.itemField) { answers[p.id] = a } }
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: walk.title + l.t(" · rung \(order)", " · 第 \(order) 级"), l: l)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let i: Int
        if let found = plan.negotiation.concessions.firstIndex(where: { $0.order == order }) {
          i = found
        } else {
          plan.negotiation.concessions.append(Concession(order: order))
          i = plan.negotiation.concessions.count - 1
        }
        plan.negotiation.concessions[i].apply(p.itemField, v, at: time)
      },
      describe: { [l] p in l.t("Concession \(order): ", "让步 \(order)：") + p.shortLabel },
      estimate: { p, approximate, plan in
        guard let i = plan.negotiation.concessions.firstIndex(where: { $0.order == order }) else { return }
        plan.negotiation.concessions[i].mark(p.itemField, approximate: approximate)
      })
    var item = SequenceFlow.Item(engine: engine, binding: binding)
    item.emptyFirstAnswerEnds = isNew
    if isNew {
      item.onEnd = { [unowned self] engine, _ in
        if !engine.recordedIDs.isEmpty { self.queue.insert({ [unowned self] c, out in self.newConcession(c, &out) }, at: 0) }
        return []
      }
      out.append(.say(StyledText(l.t("Rung \(order): what will you give? (Enter ends the ladder)", "第 \(order) 级：你准备让出什么？（按 Enter 结束让步阶梯）"), .dim)))
    }
    return item
  }

  func newConcession(_ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    let next = (context.plan?.negotiation.concessions.map(\.order).max() ?? 0) + 1
    return concessionItem(order: next, isNew: true, context, &out)
  }

  // MARK: team

  func teamItem(index: Int, _ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    guard let plan = context.plan, let walk = walk("team") else { return nil }
    var answers: [String: AnswerValue] = [:]
    if let m = (plan.negotiation.team.indices.contains(index) ? plan.negotiation.team[index] : nil) {
      for p in walk.prompts { if let a = m.read(p.itemField) { answers[p.id] = a } }
    }
    let isNew = index >= plan.negotiation.team.count
    let engine = WalkEngine(walk: walk, answers: answers, context: walk.title + l.t(" · member \(index + 1)", " · 第 \(index + 1) 位成员"), l: l)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        if index >= plan.negotiation.team.count {
          guard p.itemField == "name", let name = PlanPatch.text(v) else { return }
          plan.negotiation.team.append(TeamMember(name: name))
        }
        plan.negotiation.team[index].apply(p.itemField, v, at: time)
      },
      describe: { [l] p in l.t("Team: ", "团队：") + p.shortLabel })
    var item = SequenceFlow.Item(engine: engine, binding: binding)
    item.emptyFirstAnswerEnds = isNew
    if isNew {
      item.onEnd = { [unowned self] engine, _ in
        if !engine.recordedIDs.isEmpty { self.queue.insert({ [unowned self] c, out in self.newTeamMember(c, &out) }, at: 0) }
        return []
      }
      out.append(.say(StyledText(l.t("Team member \(index + 1) (Enter ends the team):", "第 \(index + 1) 位成员（按 Enter 结束）："), .dim)))
    }
    return item
  }

  func newTeamMember(_ context: FlowContext, _ out: inout [FlowEffect]) -> SequenceFlow.Item? {
    teamItem(index: context.plan?.negotiation.team.count ?? 0, context, &out)
  }
}
