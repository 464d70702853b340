import ArgumentParser
import CoachCore
import CoachStore

/// `report [--rep NAME] [--since YYYY-MM-DD] [--format table|csv|json|html] [--sessions DIR…]`:
/// drill results per rep, per drill kind and per step, then the trainer's view (dates, trend,
/// recency-weighted skill, readiness, certifications, assignments, per scenario and check, team
/// spread, answers worth discussing), over one workspace's transcripts or several (a trainer
/// combining reps' workspaces). A folder that is missing or cannot be read is an error.
struct ReportCommand: SessionCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Drill results per rep over time, readiness and the team, as a table, CSV, JSON or a printable HTML page.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "Only this rep.") var rep: String?
  @Option(help: "Only drills started on or after this day (YYYY-MM-DD).") var since: String?
  @Option(help: "table, csv, json or html (a rep's 1:1 page with --rep, else the team's)") var format: String = "table"
  @Option(parsing: .upToNextOption, help: "Folders of transcripts, or workspaces (default: this workspace's sessions/).") var sessions: [String] = []

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard ["table", "text", "csv", "json", "html"].contains(format) else {
      throw CommandError(StyledText(l.t("Unknown format ‘\(format)’: use table, csv, json or html.", "未知格式 ‘\(format)’：请使用 table、csv、json 或 html。")), exitCode: ExitStatus.usage)
    }
    var sinceDay: CalendarDay? = nil
    if let since {
      guard let day = CalendarDay(since.trimmingWhitespace) ?? AnswerParsing.date(since) else {
        throw CommandError(StyledText(l.t("‘\(since)’ is not a date; write it as YYYY-MM-DD.", "‘\(since)’ 不是日期；请写成 YYYY-MM-DD。")), exitCode: ExitStatus.usage)
      }
      sinceDay = day
    }
    let book = try session.playbook()
    let given = !sessions.isEmpty
    let folders =
      given
      ? sessions.map { TranscriptStore.transcriptFolder(Platform.absolute($0)) }
      : [session.settings.paths.sessions]
    let listing = TranscriptStore.loadAll(directories: folders)
    // A folder that is missing or unreadable would silently shrink the team: refuse, naming it.
    let unreadable = listing.problems.filter { p in folders.contains(p.path) }
    if !listing.missing.isEmpty || !unreadable.isEmpty {
      var message = StyledText()
      for path in listing.missing { message += StyledText(l.t("No such folder: ", "没有这个文件夹：") + path + "\n") }
      for (path, error) in unreadable { message += StyledText(l.t("Cannot read the folder: ", "无法读取文件夹：")) + l.describeTranscript(error, path: path) + "\n" }
      message += StyledText(l.t("No report: every folder given must be readable, so no rep is left out.", "未生成报告：给出的每个文件夹都必须可读，以免漏掉学员。"))
      throw CommandError(message, exitCode: ExitStatus.noInput)
    }
    for (path, error) in listing.problems {
      session.output.errorLine(StyledText(l.t("Skipped: ", "已跳过：")) + l.describeTranscript(error, path: path))
    }
    let transcripts = listing.transcripts.map(\.transcript)
    // `--rep Ann` is Ann O'Connor when she is the only rep it fits.
    var repName = rep?.trimmingWhitespace.isEmpty == false ? rep!.trimmingWhitespace : nil
    if let typed = repName {
      switch RepNameMatch.read(typed, among: transcripts.map(\.rep)) {
      case .rep(let name): repName = name
      case .several(let names): throw CommandError(StyledText(RepNameMatch.ambiguity(typed, names, l)), exitCode: ExitStatus.usage)
      case .none: break
      }
    }
    let filter = DrillReport.Filter(rep: repName, since: sinceDay)
    let report = DrillReport(transcripts, filter: filter)
    let labels = DrillLabels(book, l)
    let view = DrillReportView(report, labels: labels, width: session.output.width)
    let team = TeamReport(
      transcripts, filter: filter, now: session.now, learning: learning(folders: folders, listing: listing, session: session),
      quizItems: book.quiz.map(\.id), lessons: book.lessons.map(\.id), assignments: DrillAssignments.all(session))
    let trainerView = TeamReportView(team, labels: labels, width: session.output.width)
    switch format {
    case "csv":
      // Lines end with LF here: the terminal edge shows a carriage return visibly. Two tables,
      // each with its header, an empty line between: figures per rep and scope, then the
      // trainer's rows (readiness, trend, skill, certification, assignments, scenarios, checks).
      session.output.write(StyledText(view.csv(lineEnding: "\n") + "\n" + trainerView.csv(lineEnding: "\n")))
    case "json":
      var json = view.json()
      if case .object(var o) = json {
        o["sources"] = .array(folders.map { .string($0) })
        o["skipped"] = .array(listing.problems.map { .string($0.path) })
        o["trainer"] = trainerView.json()
        json = .object(o)
      }
      session.output.write(StyledText(JSONWriter.pretty(json)))
    case "html":
      let html = TeamReportHTML(trainerView)
      if filter.rep != nil {
        guard let one = team.reps.first else {
          throw CommandError(StyledText(l.t("No drills by ‘\(filter.rep!)’ to report.", "没有 ‘\(filter.rep!)’ 的练习可统计。")), exitCode: ExitStatus.noInput)
        }
        session.output.write(StyledText(html.repPage(one)))
      } else {
        session.output.write(StyledText(html.teamPage()))
      }
    default:
      session.say(view.table() + "\n\n" + trainerView.text())
    }
  }
}

extension ReportCommand {
  /// Each rep's learning progress: the progress.json of the workspace their drills were found in
  /// (a folder given as `<workspace>/sessions` or as the workspace). One rep per workspace is the
  /// set-up this supports; a workspace with several reps' drills gives its progress to each.
  func learning(folders: [String], listing: TranscriptStore.Listing, session: Session) -> [String: TeamReport.Learning] {
    var out: [String: TeamReport.Learning] = [:]
    var cache: [String: TeamReport.Learning?] = [:]
    for (path, t) in listing.transcripts {
      let key = DrillReport.key(t.rep)
      guard out[key] == nil else { continue }
      guard let folder = folders.first(where: { path.hasPrefix($0 + "/") }) else { continue }
      let root = folder.hasSuffix("/sessions") ? String(folder.dropLast("/sessions".count)) : folder
      if cache[root] == nil {
        let paths = WorkspacePaths(root: root, history: session.settings.paths.history)
        cache[root] = ProgressStore(paths: paths).loadIfPresent().map(TeamReport.Learning.init)
      }
      if let found = cache[root] ?? nil { out[key] = found }
    }
    return out
  }
}

extension L10n {
  /// A transcript that could not be read: which file, where, and what.
  func describeTranscript(_ error: StoreError, path: String) -> StyledText {
    switch error {
    case .syntax(_, let e):
      return "\(path, .bold):\(e.line):\(e.column): \(t("not valid JSON", "不是有效的 JSON")) — \(t(e.text))"
    case .format(_, let e):
      return "\(path, .bold): \(e.description(in: lang))"
    case .newerVersion(_, let version):
      return "\(path, .bold): \(t("written by a newer version of coach (schemaVersion \(version))", "由更新版本的 coach 写入（schemaVersion \(version)）"))"
    default:
      return describe(error)
    }
  }
}
