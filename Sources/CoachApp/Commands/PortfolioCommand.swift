import ArgumentParser
import CoachCore
import CoachStore

/// `portfolio [--sort tier|name|stage|completeness|warnings|updated|nps|purchases] [--format table|json|csv]`:
/// the accounts by tier and cooperation stage, each with its completeness and warnings.
struct PortfolioCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "portfolio", abstract: "The accounts by tier and stage, with their health.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "table, json or csv") var format: String = "table"
  @Option(help: "tier, name, stage, completeness, warnings, updated, nps or purchases") var sort: String = "tier"
  @Option(name: .customLong("stale-days"), help: "Days without an update before a plan counts as stale.") var staleDays: Int = Agenda.defaultStaleDays
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

  static let formats = ["table", "json", "csv"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard Self.formats.contains(format) else {
      throw CommandError(
        StyledText(l.t("Unknown format ‘\(format)’: use table, json or csv.", "未知格式 ‘\(format)’：请使用 table、json 或 csv。") + NearestWord.hint(format, among: Self.formats, l)),
        exitCode: ExitStatus.usage)
    }
    guard let order = Portfolio.Sort(rawValue: sort) else {
      let words = Portfolio.Sort.allCases.map(\.rawValue)
      throw CommandError(
        StyledText(
          l.t("Unknown sort ‘\(sort)’: use \(words.joined(separator: ", ")).", "未知排序 ‘\(sort)’：请使用 \(words.joined(separator: "、"))。")
            + NearestWord.hint(sort, among: words, l)), exitCode: ExitStatus.usage)
    }
    guard staleDays >= 1 else {
      throw CommandError(StyledText(l.t("--stale-days takes a number of days from 1.", "--stale-days 的取值须为 1 天或更多。")), exitCode: ExitStatus.usage)
    }
    let collected = try PlanDigests.collect(session)
    let portfolio = Portfolio(plans: collected.plans, now: session.now, today: session.clock.today, staleDays: staleDays, sort: order)
    let view = PortfolioView(portfolio: portfolio, labels: Labels(try? session.playbook(), l), width: session.output.width)
    let toFile = output != nil && output != "-"
    let text: String
    switch format {
    case "json": text = JSONWriter.pretty(view.json())
    case "csv": text = view.csv(lineEnd: toFile ? "\r\n" : "\n")
    default:
      if let output, toFile {
        throw CommandError(
          StyledText(
            l.t(
              "A table is for the screen: write a file as csv or json (`portfolio --format csv -o \(output)`).",
              "表格只用于屏幕显示：写入文件请用 csv 或 json（`portfolio --format csv -o \(output)`）。")), exitCode: ExitStatus.usage)
      }
      session.say(view.text())
      for (_, error) in collected.damaged { session.fail(error) }
      return
    }
    if toFile, let output {
      let path = try ExportCommand.write(text, to: output, in: session)
      session.say(
        "\(l.t("Wrote the portfolio of \(portfolio.rows.count) account(s) to ", "已将 \(portfolio.rows.count) 个客户的组合写入 "))\(Platform.shortPath(path), .bold)\(l.t(" (only you can read it).", "（仅你本人可读）。"))"
      )
    } else {
      session.output.write(StyledText(text))
    }
    for (_, error) in collected.damaged { session.fail(error) }
  }
}
