import ArgumentParser
import CoachCore
import CoachStore

/// `report [--rep NAME] [--since YYYY-MM-DD] [--format table|csv|json] [--sessions DIR…]`:
/// drill results per rep, per drill kind and per step, over one workspace's transcripts or
/// several (a trainer combining reps' workspaces).
struct ReportCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "report", abstract: "Drill results per rep and step, as a table, CSV or JSON.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "Only this rep.") var rep: String?
  @Option(help: "Only drills started on or after this day (YYYY-MM-DD).") var since: String?
  @Option(help: "table, csv or json") var format: String = "table"
  @Option(parsing: .upToNextOption, help: "Folders of transcripts, or workspaces (default: this workspace's sessions/).") var sessions: [String] = []

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard ["table", "csv", "json"].contains(format) else {
      throw CommandError(StyledText(l.t("Unknown format ‘\(format)’: use table, csv or json.", "未知格式 ‘\(format)’：请使用 table、csv 或 json。")), exitCode: ExitStatus.usage)
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
      ? sessions.map { TranscriptStore.transcriptFolder($0.hasPrefix("/") ? $0 : Platform.currentDirectory() + "/" + $0) }
      : [session.settings.paths.sessions]
    let listing = TranscriptStore.loadAll(directories: folders)
    for path in listing.missing where given {
      session.output.errorLine(StyledText(l.t("No such folder: ", "没有这个文件夹：") + path, .warn))
    }
    if given, listing.missing.count == folders.count {
      throw CommandError(StyledText(l.t("None of the folders exists, so there is nothing to report.", "给出的文件夹都不存在，没有可统计的内容。")), exitCode: ExitStatus.noInput)
    }
    for (path, error) in listing.problems {
      session.output.errorLine(StyledText(l.t("Skipped: ", "已跳过：")) + l.describeTranscript(error, path: path))
    }
    let filter = DrillReport.Filter(rep: rep?.trimmingWhitespace.isEmpty == false ? rep!.trimmingWhitespace : nil, since: sinceDay)
    let report = DrillReport(listing.transcripts.map(\.transcript), filter: filter)
    let view = DrillReportView(report, labels: DrillLabels(book, l), width: session.output.width)
    switch format {
    case "csv":
      // Lines end with LF here: the terminal edge shows a carriage return visibly.
      session.output.write(StyledText(view.csv(lineEnding: "\n")))
    case "json":
      var json = view.json()
      if case .object(var o) = json {
        o["sources"] = .array(folders.map { .string($0) })
        o["skipped"] = .array(listing.problems.map { .string($0.path) })
        json = .object(o)
      }
      session.output.write(StyledText(JSONWriter.pretty(json)))
    default:
      session.say(view.table())
    }
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
