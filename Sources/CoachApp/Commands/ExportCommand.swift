import ArgumentParser
import CoachCore
import CoachStore

/// `export [PLAN] [FORMAT] [--format md|html|json|csv] [-o FILE] [--full] [--what stakeholders|actions]`:
/// the meeting brief (Markdown or a printable HTML page), the plan's JSON, or a CSV for a CRM.
/// In the session without a plan name it exports the open plan; the format defaults to md.
/// Without `-o` the document goes to standard output; with `-o` it is written durably (0600).
struct ExportCommand: SessionCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export the meeting brief (md, html), the plan (json) or a CSV for a CRM.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The plan (outside the session) and the format.", completion: .custom(PlanCompletion.planIDs)) var words: [String] = []
  @Option(help: "md, html, json or csv (default md).") var format: String?
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
  @Flag(help: "Every answer instead of the one-page brief (md, html).") var full = false
  @Option(help: "For csv: stakeholders (default) or actions.") var what: String?
  @Option(help: "For the brief: internal (default) or customer (a shareable agenda with nothing internal).") var audience: String?

  enum Format: String, CaseIterable { case md, html, json, csv }

  static func format(_ word: String) -> Format? {
    switch word.lowercased() {
    case "md", "markdown": return .md
    case "html", "htm": return .html
    case "json": return .json
    case "csv": return .csv
    default: return nil
    }
  }

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    var rest = words
    var chosen: Format? = nil
    if let format {
      guard let f = Self.format(format) else { throw unknownFormat(format, l) }
      chosen = f
    } else if let last = rest.last, let f = Self.format(last) {
      chosen = f
      rest.removeLast()
    }
    // `export brief [md|html]`: the brief is the default document; the word only names it.
    if let i = rest.firstIndex(where: { ["brief", "简报"].contains($0.lowercased()) }), rest.count > 1 || session.current != nil,
      session.repository.resolve(rest.joined(separator: " ")) == nil
    {
      rest.remove(at: i)
      if chosen == nil, let last = rest.last, let f = Self.format(last) {
        chosen = f
        rest.removeLast()
      }
    }
    let kind = chosen ?? .md
    var forWhom = BriefAudience.internal
    if let audience {
      guard let a = BriefAudience(rawValue: audience.lowercased()) else {
        throw CommandError(
          StyledText(l.t("Unknown audience ‘\(audience)’: use internal or customer.", "未知的读者 ‘\(audience)’：请使用 internal 或 customer。")), exitCode: ExitStatus.usage)
      }
      guard kind == .md || kind == .html else {
        throw CommandError(
          StyledText(l.t("`--audience` applies to the brief (md or html) only.", "`--audience` 只适用于简报（md 或 html）。")), exitCode: ExitStatus.usage)
      }
      if a == .customer && full {
        throw CommandError(
          StyledText(
            l.t("`--full` is the internal document; the customer's copy is `--audience customer` alone.", "`--full` 是内部文档；给客户的版本只用 `--audience customer`。")),
          exitCode: ExitStatus.usage)
      }
      forWhom = a
    }
    var table = CSVExport.Table.stakeholders
    if let what {
      guard kind == .csv else {
        throw CommandError(StyledText(l.t("`--what` applies to csv only.", "`--what` 只适用于 csv。")), exitCode: ExitStatus.usage)
      }
      guard let t = CSVExport.Table(rawValue: what.lowercased()) else {
        throw CommandError(StyledText(l.t("Unknown table ‘\(what)’: use stakeholders or actions.", "未知的表 ‘\(what)’：请使用 stakeholders 或 actions。")), exitCode: ExitStatus.usage)
      }
      table = t
    }

    let plan: AccountPlan
    if rest.isEmpty {
      guard session.current != nil else {
        throw CommandError(
          StyledText(
            l.t(
              "Which plan? `export NAME [md|html|json|csv]` — `list` shows the plans.",
              "要导出哪个计划？`export 名称 [md|html|json|csv]`——用 `list` 查看计划列表。")), exitCode: ExitStatus.usage)
      }
      plan = try session.requirePlan()
    } else {
      // `export pdf` in the session: a mistyped format, not a plan called "pdf".
      if rest.count == 1, chosen == nil, let open = session.current, open.plan.name != rest[0], session.repository.resolve(rest[0]) == nil {
        throw unknownFormat(rest[0], l)
      }
      plan = try session.loadForReading(rest.joined(separator: " "))
    }

    let labels = Labels(try? session.playbook(), l)
    let today = session.clock.today
    let toFile = output != nil && output != "-"
    let text: String
    switch kind {
    case .md, .html:
      let doc = BriefBuilder(
        plan: plan, labels: labels, findings: session.findings(for: plan), today: today, full: full, meeting: BriefMeeting.next(in: plan, today: today), audience: forWhom
      ).build()
      text = kind == .md ? MarkdownBrief.render(doc) : HTMLBrief.render(doc)
    case .json:
      text = toFile ? plan.fileText : PlanJSONExport.terminalSafe(plan.fileText)
    case .csv:
      text = CSVExport.render(table, plan: plan, labels: labels, today: today, lineEnd: toFile ? "\r\n" : "\n")
    }

    guard toFile, let output else {
      session.output.write(StyledText(text))
      return
    }
    let path = try Self.write(text, to: output, in: session)
    let what: String
    switch kind {
    case .md where forWhom == .customer: what = l.t("the customer's agenda (Markdown)", "给客户的会谈议程（Markdown）")
    case .html where forWhom == .customer: what = l.t("the customer's agenda (HTML)", "给客户的会谈议程（HTML）")
    case .md: what = full ? l.t("the full plan (Markdown)", "完整计划（Markdown）") : l.t("the meeting brief (Markdown)", "会谈简报（Markdown）")
    case .html: what = full ? l.t("the full plan (HTML)", "完整计划（HTML）") : l.t("the meeting brief (HTML)", "会谈简报（HTML）")
    case .json: what = l.t("the plan (JSON)", "计划（JSON）")
    case .csv:
      let rows = table == .stakeholders ? plan.stakeholders.count : plan.actions.count
      what = table == .stakeholders ? l.t("\(rows) stakeholder(s) (CSV)", "\(rows) 位决策者（CSV）") : l.t("\(rows) action(s) (CSV)", "\(rows) 项行动（CSV）")
    }
    session.say("\(l.t("Wrote ", "已将"))\(what)\(l.t(" to ", "写入 "))\(Platform.shortPath(path), .bold)\(l.t(" (only you can read it).", "（仅你本人可读）。"))")
  }

  func unknownFormat(_ word: String, _ l: L10n) -> CommandError {
    CommandError(
      StyledText(
        l.t("Unknown format ‘\(word)’: use md, html, json or csv.", "未知格式 ‘\(word)’：请使用 md、html、json 或 csv。")
          + NearestWord.hint(word, among: ["md", "html", "json", "csv", "markdown"], l)), exitCode: ExitStatus.usage)
  }

  /// Writes the export durably (temp file 0600, fsync, rename), refusing folders and the
  /// workspace's plans folder. Returns the absolute path written.
  static func expandingHome(_ target: String) -> String {
    guard target == "~" || target.hasPrefix("~/"), let home = Platform.environment(["HOME"])["HOME"], home.hasPrefix("/") else { return target }
    return (home.hasSuffix("/") ? String(home.dropLast()) : home) + target.dropFirst()
  }

  static func write(_ text: String, to target: String, in session: Session) throws(CommandError) -> String {
    let l = session.l
    // `~/x.html` in the session is the home folder, as a shell would have expanded it.
    let expanded = ExportCommand.expandingHome(target)
    let path = expanded.hasPrefix("/") ? expanded : Platform.currentDirectory() + "/" + expanded
    if target.hasSuffix("/") || Platform.isDirectory(path) {
      throw CommandError(
        StyledText(
          l.t(
            "‘\(target)’ is a folder, so nothing was written: give a file name, e.g. \(target.hasSuffix("/") ? target : target + "/")brief.html.",
            "‘\(target)’ 是一个文件夹，未写入任何内容：请给出文件名，例如 \(target.hasSuffix("/") ? target : target + "/")brief.html。")),
        exitCode: ExitStatus.cannotCreate)
    }
    let slash = path.lastIndex(of: "/")!
    let directory = slash == path.startIndex ? "/" : String(path[..<slash])
    let name = String(path[path.index(after: slash)...])
    if Platform.sameDirectory(directory, session.settings.paths.plans) {
      throw CommandError(
        StyledText(
          l.t(
            "That is the workspace's plans folder, where only plans belong; write the export somewhere else.",
            "那是工作区存放计划的文件夹，只能存放计划；请把导出文件写到别处。")), exitCode: ExitStatus.cannotCreate)
    }
    do {
      try DurableFile.write(Array(text.utf8), directory: directory, name: name, keepBackup: false)
    } catch {
      var failure = error
      if case .io(_, _, let code) = error { failure = .io(operation: "write", path: path, errno: code) }
      throw CommandError(l.describe(failure), exitCode: ExitStatus.cannotCreate)
    }
    return path
  }
}
