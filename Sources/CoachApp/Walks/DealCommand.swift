import ArgumentParser
import CoachCore

/// `deal`: the deal facts — size with currency, expected close date, sales stage (the course's
/// six steps); `deal competitor [add|edit|remove] [NAME]`: the competitors in the running.
struct DealCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "deal", abstract: "Record the deal: size, close date, sales stage, competitors.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "show, competitor [add|edit|remove] NAME") var words: [String] = []

  /// The words after `deal` (for Tab and for "did you mean").
  static let words = ["show", "competitor"]
  static let competitorWords = ["add", "edit", "remove"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let first = words.first?.lowercased()
    switch first {
    case nil:
      let plan = try session.requireWritablePlan()
      try DealWalk.begin(plan, in: session)
    case "show", "list", "显示":
      let plan = try session.requirePlan()
      session.say(PlanView(plan: plan, labels: Labels(try? session.playbook(), l), width: session.output.width).deal())
    case "competitor", "competitors", "竞争对手":
      let action = words.dropFirst().first?.lowercased()
      let who = words.dropFirst(2).joined(separator: " ").trimmingWhitespace
      switch action {
      case nil, "list", "show":
        let plan = try session.requirePlan()
        session.say(PlanView(plan: plan, labels: Labels(try? session.playbook(), l), width: session.output.width).deal())
      case "add", "new", "添加":
        let plan = try session.requireWritablePlan()
        if !who.isEmpty, let i = plan.deal.competitorIndex(named: who) {
          throw CommandError(
            StyledText(
              l.t(
                "\(plan.deal.competitors[i].name) is already on the list; `deal competitor edit \(who)` changes it.",
                "\(plan.deal.competitors[i].name) 已在名单中；用 `deal competitor edit \(who)` 修改。")), exitCode: ExitStatus.usage)
        }
        try CompetitorWalk.begin(index: nil, presetName: who.isEmpty ? nil : who, in: session)
      case "edit", "编辑":
        let plan = try session.requireWritablePlan()
        try CompetitorWalk.begin(index: try Self.find(who, in: plan, session), presetName: nil, in: session)
      case "remove", "delete", "删除":
        let plan = try session.requireWritablePlan()
        let i = try Self.find(who, in: plan, session)
        let removed = plan.deal.competitors[i].name
        try session.change(l.t("removed competitor \(removed)", "删除竞争对手 \(removed)")) { $0.deal.competitors.remove(at: i) }
        session.acknowledge("\(l.t("Removed", "已删除")) \(removed, .bold)\(l.t(". `undo` brings it back.", "。用 `undo` 可以恢复。"))")
      case let other?:
        throw CommandError(
          StyledText(
            l.t(
              "Unknown action ‘\(other)’: use `deal competitor add [NAME]`, `deal competitor edit NAME` or `deal competitor remove NAME`.",
              "未知操作 ‘\(other)’：请使用 `deal competitor add [名称]`、`deal competitor edit 名称` 或 `deal competitor remove 名称`。")
              + NearestWord.hint(other, among: Self.competitorWords, l)), exitCode: ExitStatus.usage)
      }
    case let other?:
      throw CommandError(
        StyledText(
          l.t(
            "Unknown action ‘\(other)’: use `deal`, `deal show` or `deal competitor [add|edit|remove] [NAME]`.",
            "未知操作 ‘\(other)’：请使用 `deal`、`deal show` 或 `deal competitor [add|edit|remove] [名称]`。")
            + NearestWord.hint(other, among: Self.words, l)), exitCode: ExitStatus.usage)
    }
  }

  static func find(_ name: String, in plan: AccountPlan, _ session: Session) throws(CommandError) -> Int {
    let l = session.l
    guard !name.isEmpty else {
      throw CommandError(StyledText(l.t("Which competitor? Name it, e.g. `deal competitor edit Siemens`.", "请写出竞争对手名称，例如 `deal competitor edit 西门子`。")), exitCode: ExitStatus.usage)
    }
    if let i = plan.deal.competitorIndex(named: name) { return i }
    var message = l.t("No competitor named \(name).", "没有名为 \(name) 的竞争对手。")
    if let near = Suggest.nearest(to: name, in: plan.deal.competitors.map(\.name), maxDistance: 3) { message += l.t(" Did you mean \(near)?", "你是不是想找 \(near)？") }
    throw CommandError(StyledText(message), exitCode: ExitStatus.noInput)
  }
}

/// The deal walk: the playbook's `deal` walk, over plan fields.
enum DealWalk {
  static func begin(_ plan: AccountPlan, in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    guard let walk = book.walks["deal"] else { throw session.missingWalk("deal") }
    let engine = WalkEngine(walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan), l: l)
    session.begin(
      WalkFlow(engine: engine, binding: .plan(walk.title)) { _, context in
        guard let plan = context.plan else { return [] }
        let view = PlanView(plan: plan, labels: Labels(context.book, l), width: context.width)
        return [
          .say("\n" + view.deal()),
          .say(StyledText(l.t("Next: `deal competitor add` for each competitor in the running.", "下一步：用 `deal competitor add` 逐一记录竞争对手。"), .dim)),
        ]
      })
  }
}

/// The competitor walk: one competitor's strengths, weaknesses and our position against them.
enum CompetitorWalk {
  final class Target {
    var index: Int?
    init(_ i: Int?) { index = i }
  }

  static func begin(index: Int?, presetName: String?, in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    guard let walk = book.walks["competitor"], let plan = session.current?.plan else { throw session.missingWalk("competitor") }
    let target = Target(index)
    var answers: [String: AnswerValue] = [:]
    if let index { for p in walk.prompts { if let a = plan.deal.competitors[index].read(p.itemField) { answers[p.id] = a } } }
    var context = l.t("Competitor", "竞争对手")
    if let index { context += l.colon + plan.deal.competitors[index].name }
    let binding = WalkBinding(
      apply: { prompt, value, plan, time in
        let field = prompt.itemField
        if let i = target.index, i < plan.deal.competitors.count {
          plan.deal.competitors[i].apply(field, value, at: time)
        } else if field == "name", let name = PlanPatch.text(value) {
          var rival = Competitor(name: name)
          rival.answeredAt["name"] = time
          plan.deal.competitors.append(rival)
          target.index = plan.deal.competitors.count - 1
        }
      },
      validate: { prompt, value, plan in
        guard prompt.itemField == "name", let name = PlanPatch.text(value), let other = plan.deal.competitorIndex(named: name), other != target.index else { return nil }
        return l.t("\(plan.deal.competitors[other].name) is already on the list; give another name.", "\(plan.deal.competitors[other].name) 已在名单中，请换一个名称。")
      },
      describe: { prompt in l.t("Competitor: ", "竞争对手：") + prompt.shortLabel })
    if let presetName, index == nil, let namePrompt = walk.prompts.first(where: { $0.itemField == "name" }) {
      try session.change(binding.describe(namePrompt)) { plan in binding.apply(namePrompt, .text(presetName), &plan, session.now.description) }
      answers[namePrompt.id] = .text(presetName)
      context += l.colon + presetName
    }
    let engine = WalkEngine(walk: walk, answers: answers, context: context, l: l)
    let activity = WalkFlow(engine: engine, binding: binding) { _, context in
      guard target.index != nil, let plan = context.plan else {
        return [.say(StyledText(l.t("No competitor was added.", "没有添加任何竞争对手。"), .dim))]
      }
      return [
        .say("\n" + PlanView(plan: plan, labels: Labels(context.book, l), width: context.width).deal()),
        .say(StyledText(l.t("`deal competitor add` adds the next one.", "用 `deal competitor add` 添加下一个。"), .dim)),
      ]
    }
    activity.intercept = { line, activity in
      guard target.index == nil, activity.engine.current?.itemField == "name" else { return nil }
      let control = WalkEngine.control(line)
      if line.trimmingWhitespace.isEmpty || control == .skip || control == .back {
        return [
          .warn(StyledText(l.t("A competitor needs a name first (or `done` to leave).", "请先写下竞争对手的名称（或输入 `done` 离开）。"), .warn)),
          .say(activity.engine.renderCurrent()),
        ]
      }
      return nil
    }
    session.begin(activity)
  }
}
