import ArgumentParser
import CoachCore
import CoachStore

/// `agenda [--days N] [--stale-days N] [--format text|json] [--ics FILE]`: everything due or at
/// risk across all plans, grouped by day, tier A first.
struct AgendaCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "agenda", abstract: "Everything due or at risk across all plans.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "text or json") var format: String = "text"
  @Option(help: "How many days ahead, from today (default 7).") var days: Int = Agenda.defaultDays
  @Option(name: .customLong("stale-days"), help: "Days without an update before a plan counts as stale.") var staleDays: Int = Agenda.defaultStaleDays
  @Option(help: "Also write every dated item as an iCalendar file.") var ics: String?

  static let formats = ["text", "json"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard Self.formats.contains(format) else {
      throw CommandError(
        StyledText(l.t("Unknown format ‘\(format)’: use text or json.", "未知格式 ‘\(format)’：请使用 text 或 json。") + NearestWord.hint(format, among: Self.formats, l)),
        exitCode: ExitStatus.usage)
    }
    guard (1...366).contains(days) else {
      throw CommandError(StyledText(l.t("--days takes 1 to 366 days.", "--days 的取值为 1 到 366 天。")), exitCode: ExitStatus.usage)
    }
    guard staleDays >= 1 else {
      throw CommandError(StyledText(l.t("--stale-days takes a number of days from 1.", "--stale-days 的取值须为 1 天或更多。")), exitCode: ExitStatus.usage)
    }
    let collected = try PlanDigests.collect(session)
    let agenda = Agenda(plans: collected.plans, today: session.clock.today, now: session.now, days: days, staleDays: staleDays)
    let view = AgendaView(agenda: agenda, l: l, width: session.output.width)
    if format == "json" {
      session.output.write(StyledText(JSONWriter.pretty(view.json())))
    } else {
      session.say(view.text())
    }
    if let ics {
      let events = ICalendar.events(plans: collected.plans, l: l)
      let text = ICalendar.document(events, now: session.now, name: l.t("Sales Coach agenda", "销售教练日程"), version: CoachCore.version)
      let path = try ExportCommand.write(text, to: ics, in: session)
      let message = StyledText(
        "\(l.t("Wrote \(events.count) dated item(s) as a calendar to ", "已将 \(events.count) 个带日期的事项写成日历文件 "))\(Platform.shortPath(path), .bold)\(l.t(" (only you can read it).", "（仅你本人可读）。"))"
      )
      // With --format json standard output is the JSON document alone.
      if format == "json" { session.output.errorLine(message) } else { session.say(message) }
    }
    for (_, error) in collected.damaged { session.fail(error) }
  }
}
