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
    // Part of a name (`Sean`, `O'Brien`, `王总`) is the one person it fits; several are listed.
    let match = StakeholderNameMatch(plan)
    switch match.read(who) {
    case .person(let i): return i
    case .several(let fits): throw CommandError(StyledText(match.ambiguity(who, fits, l, keepsText: false)), exitCode: ExitStatus.usage)
    case .text: break
    }
    var message = l.t("No stakeholder named \(who).", "没有名为 \(who) 的决策者。")
    if let near = Suggest.nearest(to: who, in: plan.stakeholders.map(\.name), maxDistance: 3) { message += l.t(" Did you mean \(near)?", "你是不是想找 \(near)？") }
    throw CommandError(StyledText(message), exitCode: ExitStatus.noInput)
  }
}

/// Starts the stakeholder walk (`StakeholderFlow`), saving a name given on the command line
/// first, like a typed answer.
enum StakeholderWalk {
  static func begin(index: Int?, presetName: String?, in session: Session) throws(CommandError) {
    let book = try session.playbook()
    guard let walk = book.walks["stakeholder"], let plan = session.current?.plan else { throw session.missingWalk("stakeholder") }
    let (preset, flow) = StakeholderFlow.make(walk: walk, book: book, plan: plan, index: index, presetName: presetName, l: session.l)
    if let preset { try session.change(preset.description) { plan in preset.change(&plan, session.now.description) } }
    session.begin(flow)
  }
}
