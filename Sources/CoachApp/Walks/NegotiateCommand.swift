import ArgumentParser
import CoachCore

/// `negotiate [PART]`: goals, batna, interests, concessions, team — or all five in order.
struct NegotiateCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "negotiate", abstract: "Prepare a negotiation.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "goals, batna, interests, concessions or team") var part: String?

  static let parts = ["goals", "batna", "interests", "concessions", "team"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    _ = try session.requireWritablePlan()
    let book = try session.playbook()
    var chosen = NegotiateCommand.parts
    if let part {
      guard let p = NegotiateCommand.part(part) else {
        var message = l.t("Unknown part ‘\(part)’. Parts: ", "未知部分 ‘\(part)’。可用部分：") + NegotiateCommand.parts.joined(separator: ", ")
        if let near = Suggest.nearest(to: part, in: NegotiateCommand.parts, maxDistance: 3) { message += l.t(" (did you mean \(near)?)", "（你是不是想输入 \(near)？）") }
        throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
      }
      chosen = [p]
    }
    let planner = NegotiationPlanner(book: book, l: l, parts: chosen)
    session.begin(SequenceActivity(intro: planner.intro(), next: planner.next, onFinish: planner.finish))
  }

  static func part(_ word: String) -> String? {
    let w = word.lowercased()
    if parts.contains(w) { return w }
    switch w {
    case "目标", "谈判目标", "goal": return "goals"
    case "替代方案": return "batna"
    case "利益", "利益点", "interest": return "interests"
    case "让步", "concession", "ladder": return "concessions"
    case "团队", "分工": return "team"
    default:
      let m = parts.filter { $0.hasPrefix(w) && !w.isEmpty }
      return m.count == 1 ? m[0] : nil
    }
  }
}

/// Hands out the walks of the chosen negotiation parts one by one.
final class NegotiationPlanner {
  let book: Playbook
  let l: L10n
  let parts: [String]
  private var partIndex = 0
  private var queue: [(Session) -> SequenceActivity.Item?] = []
  private var started = false
  /// The custom term named by the last "another term?" answer.
  private var pendingCustom: String?

  init(book: Playbook, l: L10n, parts: [String]) {
    self.book = book
    self.l = l
    self.parts = parts
  }

  func intro() -> StyledText {
    var out = StyledText(l.t("Negotiation preparation", "谈判准备"), .heading)
    out.append("\n" + l.t("(? help · back · skip · done leaves · Enter keeps the answer · everything is saved as you go)",
                          "（? 提示 · back 上一步 · skip 跳过 · done 离开 · Enter 保留原答案 · 所有回答都会随时保存）"), .dim)
    return out
  }

  /// The next walk, or nil when every chosen part is done.
  func next(_ session: Session) -> SequenceActivity.Item? {
    while true {
      if !queue.isEmpty {
        let make = queue.removeFirst()
        if let item = make(session) { return item }
        continue
      }
      if started { summarise(parts[partIndex], session); partIndex += 1 }
      guard partIndex < parts.count else { return nil }
      started = true
      enqueue(parts[partIndex], session)
    }
  }

  func finish(_ session: Session) {
    if started, partIndex < parts.count {
      summarise(parts[partIndex], session)
      partIndex = parts.count
    }
    guard let plan = session.current?.plan else { return }
    let related = session.findings(for: plan).filter { $0.section == .negotiation }
    if !related.isEmpty { session.say("\n" + FindingsView.render(related, l: l, width: session.output.width)) }
    session.say(StyledText(l.t("`show negotiation` shows goals, BATNAs, the ZOPA and the ladder at a glance.",
                               "用 `show negotiation` 一览目标、BATNA、ZOPA 和让步阶梯。"), .dim))
  }

  // MARK: parts

  func walk(_ partID: String, prompts filter: (Prompt) -> Bool = { _ in true }) -> Walk? {
    guard let part = book.part(partID) else { return nil }
    return Walk(id: "negotiation-" + partID, title: part.title, goal: part.purpose, prompts: part.prompts.filter(filter))
  }

  func header(_ partID: String, _ session: Session) {
    guard let part = book.part(partID) else { return }
    var out = StyledText("\n" + part.title, .heading)
    if let purpose = part.purpose { out.append("\n" + Wrap.text(purpose, width: session.output.width)) }
    for p in part.principles { out.append("\n" + Wrap.text("• " + p, width: session.output.width), .dim) }
    session.say(out)
  }

  func enqueue(_ partID: String, _ session: Session) {
    header(partID, session)
    switch partID {
    case "goals":
      for term in [NegotiationTerm.price, .contractTerms, .deliveryTime, .paymentTerms] {
        queue.append { [unowned self] s in self.goalItem(term: term, label: nil, s) }
      }
      for o in session.current?.plan.negotiation.objectives ?? [] where o.term == .custom {
        queue.append { [unowned self] s in self.goalItem(term: .custom, label: o.label, s) }
      }
      queue.append { [unowned self] s in self.customTermQuestion(s) }
    case "batna":
      queue.append { [unowned self] s in self.batnaItem(s) }
    case "interests":
      let people = session.current?.plan.stakeholders.map(\.name) ?? []
      if people.isEmpty {
        session.say(StyledText(l.t("No stakeholders yet: `stakeholders add` first to note each one's position and interest. Common interests can go in now.",
                                   "还没有决策者：先用 `stakeholders add` 添加，才能记录各自的立场和利益。共同利益现在就可以填写。"), .dim))
      }
      for (i, name) in people.enumerated() {
        queue.append { [unowned self] s in self.interestItem(name: name, number: i + 1, of: people.count, s) }
      }
      queue.append { [unowned self] s in self.commonInterestsItem(s) }
    case "concessions":
      let existing = session.current?.plan.negotiation.ladder.map(\.order) ?? []
      for order in existing { queue.append { [unowned self] s in self.concessionItem(order: order, isNew: false, s) } }
      queue.append { [unowned self] s in self.newConcession(s) }
    case "team":
      let count = session.current?.plan.negotiation.team.count ?? 0
      for i in 0..<count { queue.append { [unowned self] s in self.teamItem(index: i, s) } }
      queue.append { [unowned self] s in self.newTeamMember(s) }
    default:
      break
    }
  }

  func summarise(_ partID: String, _ session: Session) {
    guard let plan = session.current?.plan else { return }
    let labels = Labels(book, l)
    let view = NegotiationView(plan: plan, labels: labels, width: session.output.width)
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
    session.say("\n" + out)
  }

  // MARK: goals

  func goalItem(term: NegotiationTerm, label: String?, _ session: Session) -> SequenceActivity.Item? {
    guard let plan = session.current?.plan, let walk = walk("goals") else { return nil }
    let info = book.term(term)
    let name = label ?? info?.name ?? term.rawValue
    let match: (Objective) -> Bool = { $0.term == term && (term != .custom || $0.label == label) }
    // A term measured in money starts in the rep's currency (the `currency` setting), not the playbook's.
    var defaultUnit = info?.unit
    if let u = defaultUnit, let code = AmountParser.currencyCode(u), code != session.settings.currency { defaultUnit = session.settings.currency }
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
        if let found = plan.negotiation.objectives.firstIndex(where: match) { i = found } else {
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
    if let hint = info?.hint { heading += StyledText("\n" + Wrap.text(hint, width: session.output.width), .dim) }
    session.say(heading)
    return SequenceActivity.Item(engine: engine, binding: binding)
  }

  func customTermQuestion(_ session: Session) -> SequenceActivity.Item? {
    var prompt = Prompt(id: "custom-term", kind: .text, fills: "objective.label",
                        text: l.t("Another term to negotiate (e.g. warranty, training)? Name it, or press Enter to finish the goals.",
                                  "还有其他要谈的条款吗（如质保、培训）？写出名称，或按 Enter 结束目标设定。"))
    prompt.optional = true
    let walk = Walk(id: "negotiation-custom", title: l.t("Goals", "谈判目标"), prompts: [prompt])
    let engine = WalkEngine(walk: walk, answers: [:], context: l.t("Goals · another term", "谈判目标 · 其他条款"), l: l)
    let binding = WalkBinding(apply: { [unowned self] _, v, _, _ in self.pendingCustom = PlanPatch.text(v) },
                              describe: { [l] _ in l.t("Goals · another term", "谈判目标 · 其他条款") })
    var item = SequenceActivity.Item(engine: engine, binding: binding)
    item.emptyFirstAnswerEnds = true
    item.onEnd = { [unowned self] _, _ in
      guard let label = self.pendingCustom else { return }
      self.pendingCustom = nil
      self.queue.insert({ [unowned self] s in self.goalItem(term: .custom, label: label, s) }, at: 0)
      self.queue.insert({ [unowned self] s in self.customTermQuestion(s) }, at: 1)
    }
    return item
  }

  // MARK: BATNA

  func batnaItem(_ session: Session) -> SequenceActivity.Item? {
    guard let plan = session.current?.plan, let walk = walk("batna") else { return nil }
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
    return SequenceActivity.Item(engine: engine, binding: binding)
  }

  // MARK: interests

  func interestItem(name: String, number: Int, of count: Int, _ session: Session) -> SequenceActivity.Item? {
    guard let plan = session.current?.plan, let walk = walk("interests", prompts: { $0.fills.hasPrefix("interest.") }) else { return nil }
    var answers: [String: AnswerValue] = [:]
    if let i = plan.negotiation.interests.first(where: { $0.stakeholder == name }) {
      for p in walk.prompts { if let a = i.read(p.itemField) { answers[p.id] = a } }
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: walk.title + " · " + name + " (\(number)/\(count))", l: l)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let i: Int
        if let found = plan.negotiation.interests.firstIndex(where: { $0.stakeholder == name }) { i = found } else {
          plan.negotiation.interests.append(Interest(stakeholder: name))
          i = plan.negotiation.interests.count - 1
        }
        plan.negotiation.interests[i].apply(p.itemField, v, at: time)
      },
      describe: { [l] p in l.t("Interests · ", "利益点 · ") + name + l.colon + p.shortLabel })
    return SequenceActivity.Item(engine: engine, binding: binding)
  }

  func commonInterestsItem(_ session: Session) -> SequenceActivity.Item? {
    guard let plan = session.current?.plan, let walk = walk("interests", prompts: { $0.fills == "negotiation.commonInterests" }), !walk.prompts.isEmpty else { return nil }
    let engine = WalkEngine(walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan), context: walk.title, l: l)
    return SequenceActivity.Item(engine: engine, binding: .plan(walk.title))
  }

  // MARK: concessions

  func concessionItem(order: Int, isNew: Bool, _ session: Session) -> SequenceActivity.Item? {
    guard let plan = session.current?.plan, let walk = walk("concessions") else { return nil }
    var answers: [String: AnswerValue] = [:]
    if let c = plan.negotiation.concessions.first(where: { $0.order == order }) {
      for p in walk.prompts { if let a = c.read(p.itemField) { answers[p.id] = a } }
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: walk.title + l.t(" · rung \(order)", " · 第 \(order) 级"), l: l)
    let binding = WalkBinding(
      apply: { p, v, plan, time in
        let i: Int
        if let found = plan.negotiation.concessions.firstIndex(where: { $0.order == order }) { i = found } else {
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
    var item = SequenceActivity.Item(engine: engine, binding: binding)
    item.emptyFirstAnswerEnds = isNew
    if isNew {
      item.onEnd = { [unowned self] s, engine in
        if !engine.recordedIDs.isEmpty { self.queue.insert({ [unowned self] s in self.newConcession(s) }, at: 0) }
      }
      session.say(StyledText(l.t("Rung \(order): what will you give? (Enter ends the ladder)", "第 \(order) 级：你准备让出什么？（按 Enter 结束让步阶梯）"), .dim))
    }
    return item
  }

  func newConcession(_ session: Session) -> SequenceActivity.Item? {
    let next = (session.current?.plan.negotiation.concessions.map(\.order).max() ?? 0) + 1
    return concessionItem(order: next, isNew: true, session)
  }

  // MARK: team

  func teamItem(index: Int, _ session: Session) -> SequenceActivity.Item? {
    guard let plan = session.current?.plan, let walk = walk("team") else { return nil }
    var answers: [String: AnswerValue] = [:]
    if let m = plan.negotiation.team[safe: index] { for p in walk.prompts { if let a = m.read(p.itemField) { answers[p.id] = a } } }
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
    var item = SequenceActivity.Item(engine: engine, binding: binding)
    item.emptyFirstAnswerEnds = isNew
    if isNew {
      item.onEnd = { [unowned self] s, engine in
        if !engine.recordedIDs.isEmpty { self.queue.insert({ [unowned self] s in self.newTeamMember(s) }, at: 0) }
      }
      session.say(StyledText(l.t("Team member \(index + 1) (Enter ends the team):", "第 \(index + 1) 位成员（按 Enter 结束）："), .dim))
    }
    return item
  }

  func newTeamMember(_ session: Session) -> SequenceActivity.Item? {
    teamItem(index: session.current?.plan.negotiation.team.count ?? 0, session)
  }
}
