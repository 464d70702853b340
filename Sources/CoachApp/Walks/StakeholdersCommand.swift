import ArgumentParser
import CoachCore

/// `stakeholders [add|edit|remove] [NAME]`: the people in the decision.
struct StakeholdersCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "stakeholders", abstract: "Map the decision makers.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "add, edit or remove") var action: String?
  @Argument(help: "The person's name.") var name: [String] = []

  /// The words after `stakeholders` (for Tab and for "did you mean").
  static let words = ["add", "edit", "remove", "links"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let who = name.joined(separator: " ").trimmingWhitespace
    switch action?.lowercased() {
    case nil, "list", "show":
      let plan = try session.requirePlan()
      let view = PlanView(plan: plan, labels: Labels(try? session.playbook(), l), width: session.output.width)
      session.say(view.stakeholders())
      let related = session.findings(for: plan).filter { $0.section == .stakeholders }
      if !related.isEmpty { session.say("\n" + FindingsView.render(related, l: l, width: session.output.width)) }
    case "add", "new", "添加":
      let plan = try session.requireWritablePlan()
      if !who.isEmpty, let i = plan.stakeholderIndex(named: who) {
        throw CommandError(
          StyledText(
            l.t(
              "\(plan.stakeholders[i].name) is already on the list; `stakeholders edit \(who)` changes them.",
              "\(plan.stakeholders[i].name) 已在名单中；用 `stakeholders edit \(who)` 修改。")), exitCode: ExitStatus.usage)
      }
      try StakeholderWalk.begin(index: nil, presetName: who.isEmpty ? nil : who, in: session)
    case "edit", "编辑":
      let plan = try session.requireWritablePlan()
      let i = try StakeholdersCommand.find(who, in: plan, session)
      try StakeholderWalk.begin(index: i, presetName: nil, in: session)
    case "remove", "delete", "删除":
      let plan = try session.requireWritablePlan()
      let i = try StakeholdersCommand.find(who, in: plan, session)
      let removed = plan.stakeholders[i].name
      try session.change(l.t("removed stakeholder \(removed)", "删除决策者 \(removed)")) { $0.removeStakeholder(at: i) }
      session.acknowledge("\(l.t("Removed", "已删除")) \(removed, .bold)\(l.t(". `undo` brings them back.", "。用 `undo` 可以恢复。"))")
    case "links", "link", "关系":
      let plan = try session.requireWritablePlan()
      let i = try StakeholdersCommand.find(who, in: plan, session)
      try StakeholderLinksWalk.begin(index: i, in: session)
    case let other?:
      throw CommandError(
        StyledText(
          l.t(
            "Unknown action ‘\(other)’: use `stakeholders`, `stakeholders add [NAME]`, `stakeholders edit NAME`, `stakeholders links NAME` or `stakeholders remove NAME`.",
            "未知操作 ‘\(other)’：请使用 `stakeholders`、`stakeholders add [姓名]`、`stakeholders edit 姓名`、`stakeholders links 姓名` 或 `stakeholders remove 姓名`。")
            + NearestWord.hint(other, among: StakeholdersCommand.words, l)), exitCode: ExitStatus.usage)
    }
  }

  static func find(_ who: String, in plan: AccountPlan, _ session: Session) throws(CommandError) -> Int {
    let l = session.l
    guard !who.isEmpty else {
      throw CommandError(StyledText(l.t("Whose? Name the person, e.g. `stakeholders edit Li Wei`.", "请写出姓名，例如 `stakeholders edit 李伟`。")), exitCode: ExitStatus.usage)
    }
    if let i = plan.stakeholderIndex(named: who) { return i }
    var message = l.t("No stakeholder named \(who).", "没有名为 \(who) 的决策者。")
    if let near = Suggest.nearest(to: who, in: plan.stakeholders.map(\.name), maxDistance: 3) { message += l.t(" Did you mean \(near)?", "你是不是想找 \(near)？") }
    throw CommandError(StyledText(message), exitCode: ExitStatus.noInput)
  }
}

/// The stakeholder walk: one person's title, role, influence, attitude and concerns, with a
/// guide for choosing the role and a note on what that role cares about.
enum StakeholderWalk {
  final class Target {
    var index: Int?
    init(_ i: Int?) { index = i }
  }

  static func begin(index: Int?, presetName: String?, in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    guard let walk = book.walks["stakeholder"], let plan = session.current?.plan else { throw session.missingWalk("stakeholder") }
    let target = Target(index)
    var answers: [String: AnswerValue] = [:]
    if let index { for p in walk.prompts { if let a = plan.stakeholders[index].read(p.itemField) { answers[p.id] = a } } }
    var context = l.t("Stakeholder", "决策者")
    if let index { context += l.colon + plan.stakeholders[index].name }

    let binding = WalkBinding(
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

    if let presetName, index == nil, let namePrompt = walk.prompts.first(where: { $0.itemField == "name" }) {
      // The name given on the command line is saved like a typed answer, before the walk.
      try session.change(binding.describe(namePrompt)) { plan in binding.apply(namePrompt, .text(presetName), &plan, session.now.description) }
      answers[namePrompt.id] = .text(presetName)
      context += l.colon + presetName
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: context, l: l)
    let activity = WalkFlow(engine: engine, binding: binding) { engine, context in
      guard let i = target.index, let person = context.plan?.stakeholders[safe: i] else {
        return [.say(StyledText(l.t("No one was added.", "没有添加任何人。"), .dim))]
      }
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
    var guiding = false
    activity.intercept = { line, activity in
      // A new person needs a name before anything else can be saved.
      if target.index == nil, activity.engine.current?.itemField == "name" {
        let control = WalkEngine.control(line)
        if line.trimmingWhitespace.isEmpty || control == .skip || control == .back {
          return [
            .warn(StyledText(l.t("A stakeholder needs a name first (or `done` to leave).", "请先写下决策者的姓名（或输入 `done` 离开）。"), .warn)),
            .say(activity.engine.renderCurrent()),
          ]
        }
        return nil
      }
      guard let p = activity.engine.current, p.itemField == "role" else {
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
            .say(activity.engine.renderCurrent()),
          ]
        }
        let said: FlowEffect = .say(StyledText(l.t("That makes them: ", "因此其角色是：") + Labels(book, l).role(picked.role), .good))
        let step = activity.engine.record(.choice(picked.role.rawValue))
        return [said] + activity.apply(step, previous: nil)
      }
      let word = line.trimmingWhitespace.lowercased()
      guard ["unsure", "not sure", "guide", "don't know", "dont know", "不确定", "不清楚", "不知道", "引导"].contains(word), !guide.options.isEmpty else { return nil }
      guiding = true
      var out = StyledText(guide.question ?? l.t("What do they mainly decide or judge?", "此人主要决定或评判什么？"), .bold)
      for (i, option) in guide.options.enumerated() { out.append("\n  \(i + 1)  " + option.label) }
      return [.say(out)]
    }
    activity.afterRecord = { prompt, value, context in
      guard prompt.itemField == "role", case .choice(let id) = value, let role = StakeholderRole(rawValue: id), let info = book.role(role) else { return [] }
      return [.say(RoleCard.render(info, l: l, width: context.width))]
    }
    session.begin(activity)
  }
}

/// What a decision-maker role cares about and how to talk to them.
enum RoleCard {
  static func render(_ info: RoleInfo, l: L10n, width: Int) -> StyledText {
    var out = StyledText(info.name, .accent)
    if let who = info.who { out.append(" — " + who, .dim) }
    if !info.cares.isEmpty { out.append("\n" + Wrap.text(l.t("Cares about: ", "关注：") + info.cares.joined(separator: l.t(", ", "、")), width: width, indent: "  ")) }
    if let approach = info.approach { out.append("\n" + Wrap.text(l.t("How to talk to them: ", "沟通方式：") + approach, width: width, indent: "  ")) }
    if let example = info.example { out.append("\n" + Wrap.text(l.t("For example: ", "例如：") + "“" + example + "”", width: width, indent: "  "), .dim) }
    return out
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
