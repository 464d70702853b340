import ArgumentParser
import CoachCore
import CoachStore

/// `show [PLAN] [SECTION]`: in the session the open plan; outside it, the named plan.
struct ShowCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a plan or one section of it.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The plan (outside the session) and a section.", completion: .custom(PlanCompletion.planIDs)) var words: [String] = []

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    var rest = words
    var plan: AccountPlan
    if let open = session.current, rest.count <= 1, rest.first.map({ PlanSection(word: $0) != nil }) ?? true {
      plan = open.plan
    } else {
      guard let name = rest.first else {
        throw CommandError(StyledText(l.t("Which plan? `show NAME [SECTION]` — `list` shows the plans.", "要查看哪个计划？`show 名称 [部分]`——用 `list` 查看计划列表。")), exitCode: ExitStatus.usage)
      }
      rest.removeFirst()
      // `show negotation` with a plan open is a misspelt section, not another plan.
      if session.current != nil, rest.isEmpty, session.repository.resolve(name) == nil,
        let near = Suggest.nearest(to: name.lowercased(), in: PlanSection.allCases.map(\.rawValue), maxDistance: 3)
      {
        throw CommandError(StyledText(l.t("No section ‘\(name)’ — did you mean \(near)?", "没有 ‘\(name)’ 这个部分——你是不是想输入 \(near)？")), exitCode: ExitStatus.usage)
      }
      // One word that is neither a section nor a plan, with a plan open: most likely a section
      // the rep named their own way — list the sections rather than report a missing plan.
      if session.current != nil, rest.isEmpty, session.repository.resolveShortened(name) == nil, session.repository.near(name).isEmpty {
        throw CommandError(
          StyledText(l.t("No section or plan ‘\(name)’. ", "没有 ‘\(name)’ 这个部分或计划。") + Self.sectionList(l)), exitCode: ExitStatus.usage)
      }
      plan = try session.loadForReading(name)
    }
    var section: PlanSection? = nil
    if let word = rest.first {
      guard let s = PlanSection(word: word) else {
        var message = l.t("No section ‘\(word)’", "没有 ‘\(word)’ 这个部分")
        if let near = Suggest.nearest(to: word.lowercased(), in: PlanSection.allCases.map(\.rawValue), maxDistance: 3) {
          message += l.t(" — did you mean \(near)?", "——你是不是想输入 \(near)？")
        }
        message += l.t(message.hasSuffix("?") ? " " : ". ", message.hasSuffix("？") ? "" : "。") + Self.sectionList(l)
        throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
      }
      section = s
    }
    let book = try? session.playbook()
    var view = PlanView(plan: plan, labels: Labels(book, l), width: session.output.width)
    view.today = session.clock.today
    view.now = session.now
    session.say(view.render(section))
    if section == .management {
      // What the trends call for, as `check` reports it.
      let related = session.findings(for: plan).filter { $0.section == .management }
      if !related.isEmpty { session.say("\n" + FindingsView.render(related, l: l, width: session.output.width)) }
    }
  }
}

extension Session {
  /// Reads a plan without opening it for writing (no lock): for `show`, `check`, `export`.
  func loadForReading(_ nameOrID: String) throws(CommandError) -> AccountPlan {
    if let open = current, open.plan.id == nameOrID || open.plan.name == nameOrID { return open.plan }
    guard let id = repository.resolveShortened(nameOrID) else { throw notFound(nameOrID) }
    do { return try repository.load(id: id) } catch { throw CommandError(l.describe(error), exitCode: error.exitCode) }
  }
}
