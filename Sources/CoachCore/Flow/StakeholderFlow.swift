/// The stakeholder walk: one person's title, role, influence, attitude and concerns, with a
/// guide for choosing the role and a note on what that role cares about.
public enum StakeholderFlow {
  /// Which person the walk fills: one on the list, or (until the name is saved) a new one.
  final class Target {
    var index: Int?
    init(_ i: Int?) { index = i }
  }

  /// The walk over the person at `index` (nil: a new person). A name given on the command line
  /// comes back as `preset`, the edit to save before the walk starts, like a typed answer.
  public static func make(walk: Walk, book: Playbook, plan: AccountPlan, index: Int?, presetName: String?, l: L10n) -> (preset: PlanEdit?, flow: WalkFlow) {
    let target = Target(index)
    var answers: [String: AnswerValue] = [:]
    if let index { for p in walk.prompts { if let a = plan.stakeholders[index].read(p.itemField) { answers[p.id] = a } } }
    var context = l.t("Stakeholder", "决策者")
    if let index { context += l.colon + plan.stakeholders[index].name }

    let binding = self.binding(target, l: l)
    var preset: PlanEdit? = nil
    if let presetName, index == nil, let namePrompt = walk.prompts.first(where: { $0.itemField == "name" }) {
      preset = PlanEdit(binding.describe(namePrompt)) { plan, now in binding.apply(namePrompt, .text(presetName), &plan, now) }
      answers[namePrompt.id] = .text(presetName)
      context += l.colon + presetName
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: context, l: l)
    let flow = WalkFlow(engine: engine, binding: binding) { _, context in summary(target, book: book, context) }
    flow.intercept = interceptor(target, book: book, l: l)
    flow.afterRecord = { prompt, value, context in
      guard prompt.itemField == "role", case .choice(let id) = value, let role = StakeholderRole(rawValue: id), let info = book.role(role) else { return [] }
      return [.say(RoleCard.render(info, l: l, width: context.width))]
    }
    return (preset, flow)
  }

  /// Answers go to the person walked; the name of a new person adds them. A name already on
  /// the list (someone else's) is refused.
  static func binding(_ target: Target, l: L10n) -> WalkBinding {
    WalkBinding(
      apply: { prompt, value, plan, time in
        let field = prompt.itemField
        if let i = target.index, i < plan.stakeholders.count {
          plan.stakeholders[i].apply(field, value, at: time)
        } else if field == "name", let name = PlanPatch.text(value) {
          var person = Stakeholder(name: name)
          person.answeredAt["name"] = time
          plan.stakeholders.append(person)
          target.index = plan.stakeholders.count - 1
        }
      },
      validate: { prompt, value, plan in
        guard prompt.itemField == "name", let name = PlanPatch.text(value), let other = plan.stakeholderIndex(named: name), other != target.index else { return nil }
        return l.t("\(plan.stakeholders[other].name) is already on the list; give another name.", "\(plan.stakeholders[other].name) 已在名单中，请换一个名字。")
      },
      describe: { prompt in l.t("Stakeholder: ", "决策者：") + prompt.shortLabel })
  }

  /// The end of the walk: who was saved, with their role, influence and attitude.
  static func summary(_ target: Target, book: Playbook, _ context: FlowContext) -> [FlowEffect] {
    let l = context.l
    guard let i = target.index, let plan = context.plan, i < plan.stakeholders.count else {
      return [.say(StyledText(l.t("No one was added.", "没有添加任何人。"), .dim))]
    }
    let person = plan.stakeholders[i]
    let labels = Labels(book, l)
    var facts: [String] = []
    if let role = person.role { facts.append(labels.role(role)) }
    if let influence = person.influence { facts.append(l.t("influence \(influence)/5", "影响力 \(influence)/5")) }
    if let attitude = person.attitude { facts.append(labels.attitude(attitude)) }
    return [
      .say("\n\(person.name, .bold)" + StyledText(facts.isEmpty ? "" : " — " + facts.joined(separator: l.t(", ", "，")))),
      .say(StyledText(l.t("`stakeholders` shows the matrix; `stakeholders add` adds the next person.", "用 `stakeholders` 查看关系矩阵；用 `stakeholders add` 添加下一位。"), .dim)),
    ]
  }

  /// Lines taken before the walk: a new person needs a name first; `unsure` at the role
  /// question opens the role guide, whose numbered pick answers the role.
  static func interceptor(_ target: Target, book: Playbook, l: L10n) -> (String, WalkFlow) -> [FlowEffect]? {
    var guiding = false
    return { line, flow in
      if target.index == nil, flow.engine.current?.itemField == "name" {
        let control = WalkEngine.control(line)
        if line.trimmingWhitespace.isEmpty || control == .skip || control == .back {
          return [
            .warn(StyledText(l.t("A stakeholder needs a name first (or `done` to leave).", "请先写下决策者的姓名（或输入 `done` 离开）。"), .warn)),
            .say(flow.engine.renderCurrent()),
          ]
        }
        return nil
      }
      guard let p = flow.engine.current, p.itemField == "role" else {
        guiding = false
        return nil
      }
      let guide = book.roleGuide
      if guiding {
        guiding = false
        guard let choice = AnswerParsing.choice(line, options: guide.options.map { ChoiceOption(id: $0.id, label: $0.label) }),
          let picked = guide.options.first(where: { $0.id == choice.id })
        else {
          return [
            .warn(StyledText(l.t("Pick one of the numbers above; the role question comes back.", "请选择上面的编号；角色问题会重新显示。"), .warn)),
            .say(flow.engine.renderCurrent()),
          ]
        }
        let said: FlowEffect = .say(StyledText(l.t("That makes them: ", "因此其角色是：") + Labels(book, l).role(picked.role), .good))
        let step = flow.engine.record(.choice(picked.role.rawValue))
        return [said] + flow.apply(step, previous: nil)
      }
      let word = line.trimmingWhitespace.lowercased()
      guard ["unsure", "not sure", "guide", "don't know", "dont know", "不确定", "不清楚", "不知道", "引导"].contains(word), !guide.options.isEmpty else { return nil }
      guiding = true
      var out = StyledText(guide.question ?? l.t("What do they mainly decide or judge?", "此人主要决定或评判什么？"), .bold)
      for (i, option) in guide.options.enumerated() { out.append("\n  \(i + 1)  " + option.label) }
      return [.say(out)]
    }
  }
}

/// What a decision-maker role cares about and how to talk to them.
public enum RoleCard {
  public static func render(_ info: RoleInfo, l: L10n, width: Int) -> StyledText {
    var out = StyledText(info.name, .accent)
    if let who = info.who { out.append(" — " + who, .dim) }
    if !info.cares.isEmpty { out.append("\n" + Wrap.text(l.t("Cares about: ", "关注：") + info.cares.joined(separator: l.t(", ", "、")), width: width, indent: "  ")) }
    if let approach = info.approach { out.append("\n" + Wrap.text(l.t("How to talk to them: ", "沟通方式：") + approach, width: width, indent: "  ")) }
    if let example = info.example { out.append("\n" + Wrap.text(l.t("For example: ", "例如：") + "“" + example + "”", width: width, indent: "  "), .dim) }
    return out
  }
}
