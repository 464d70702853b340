import ArgumentParser
import CoachCore
import CoachStore

/// `list [--sort updated|name|completeness|warnings] [--format table|json]`: every plan in the
/// workspace with its health — completeness, last update, warnings.
struct ListCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the account plans and their health.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "table or json") var format: String = "table"
  @Option(help: "updated, name, completeness or warnings") var sort: String = "updated"
  @Option(name: .customLong("stale-days"), help: "Days without an update before a plan counts as stale.") var staleDays: Int = 30

  static let sorts = ["updated", "name", "completeness", "warnings"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard format == "table" || format == "json" else {
      throw CommandError(StyledText(l.t("Unknown format ‘\(format)’: use table or json.", "未知格式 ‘\(format)’：请使用 table 或 json。")), exitCode: ExitStatus.usage)
    }
    guard ListCommand.sorts.contains(sort) else {
      throw CommandError(
        StyledText(l.t("Unknown sort ‘\(sort)’: use updated, name, completeness or warnings.", "未知排序 ‘\(sort)’：请使用 updated、name、completeness 或 warnings。")),
        exitCode: ExitStatus.usage)
    }
    let (rows, damaged) = try PlanSummaries.collect(session, staleDays: staleDays)
    // Indexes are sorted, with the keys worked out once: sorting the rows themselves copied
    // each row at every step, and lower-casing names inside the comparison made two strings
    // per comparison (measured: a tenth of a warm `list` over 10,000 plans).
    let lowerNames = sort == "name" ? rows.map { $0.name.lowercased() } : []
    let overall = sort == "completeness" ? rows.map(\.health.overall) : []
    // The sort is chosen once, not per comparison: reading the option and matching its text
    // in every comparison, and copying both rows, were a fifth of a warm `list` (callgrind).
    let key = ListCommand.sorts.firstIndex(of: sort) ?? 0
    let order = rows.indices.sorted { i, j in
      switch key {
      case 1: return lowerNames[i] < lowerNames[j]
      case 2: return overall[i] != overall[j] ? overall[i] > overall[j] : rows[i].name < rows[j].name
      case 3:
        let (a, b) = (rows[i].health.warnings, rows[j].health.warnings)
        return a != b ? a > b : rows[i].name < rows[j].name
      default: return rows[i].updatedAt != rows[j].updatedAt ? rows[i].updatedAt > rows[j].updatedAt : rows[i].name < rows[j].name
      }
    }
    let sorted = order.map { rows[$0] }
    if format == "json" {
      let list: [JSONValue] = sorted.map(\.json) + damaged.map { ["id": .string($0.0), "error": .string(l.describe($0.1).plain)] }
      session.output.write(StyledText(JSONWriter.pretty(["plans": .array(list)])))
    } else if sorted.isEmpty && damaged.isEmpty {
      session.say(StyledText(l.t("No plans yet in \(session.settings.paths.plans). Start one with `new NAME`.", "\(session.settings.paths.plans) 中还没有计划。用 `new 名称` 新建一个。")))
    } else {
      var table = TextTable(columns: [
        .init(l.t("Plan", "计划")), .init("ID"), .init(l.t("Complete", "完成度"), minWidth: 14),
        .init(l.t("Updated", "更新"), minWidth: 10), .init(l.t("Warnings", "警告"), alignment: .right),
        .init(l.t("People", "决策者"), alignment: .right),
        .init(l.t("Sales stage", "销售阶段"), minWidth: 5),
      ])
      let labels = Labels(try? session.playbook(), l)
      for r in sorted {
        let pct = PlanHealth.percent(r.health.overall)
        let bar = Blocks.bar(r.health.overall, of: 1, width: 8) + " " + DisplayWidth.padLeft("\(pct)%", to: 4)
        let updated = PlanSummaries.ago(r.health.daysSinceUpdate, l)
        let style: StyledText.Style = r.health.warnings > 0 && (r.health.daysSinceUpdate ?? 0) >= staleDays ? .warn : .plain
        let stage = r.stage.map { "\($0.number)/6 " + labels.option("deal.stage", $0.rawValue) } ?? "—"
        table.add([r.name, r.id, bar, updated, "\(r.health.warnings)", "\(r.stakeholders)", stage], style: style)
      }
      session.say(table.render(width: session.output.width))
    }
    for (_, error) in damaged { session.fail(error) }
  }
}

/// One plan as `list` shows it.
struct PlanSummaryRow {
  var id: String
  var name: String
  var updatedAt: String
  var stakeholders: Int
  var health: PlanHealth
  var stage: SalesStage? = nil

  var json: JSONValue {
    var sections: [String: JSONValue] = [:]
    for s in PlanHealth.scoredSections { sections[s.rawValue] = .number(Double(PlanHealth.percent(health.sections[s] ?? 0))) }
    var o: [String: JSONValue] = [
      "id": .string(id), "name": .string(name), "updatedAt": .string(updatedAt), "stakeholders": .number(Double(stakeholders)),
      "completeness": .number(Double(PlanHealth.percent(health.overall))), "sections": .object(sections),
      "warnings": .number(Double(health.warnings)), "notes": .number(Double(health.notes)),
      "overdueActions": .number(Double(health.overdueActions)),
    ]
    if let d = health.daysSinceUpdate { o["daysSinceUpdate"] = .number(Double(d)) }
    if let stage { o["stage"] = .string(stage.rawValue) }
    return .object(o)
  }
}

enum PlanSummaries {
  /// Every plan's summary, from the workspace's digests (see `PlanDigests`).
  static func collect(_ session: Session, staleDays: Int) throws(CommandError) -> ([PlanSummaryRow], [(String, StoreError)]) {
    let collected = try PlanDigests.collect(session)
    let now = session.now
    let today = session.clock.today
    let rows = collected.plans.map { row($0.id, $0.digest, now: now, today: today, staleDays: staleDays) }
    return (rows, collected.damaged)
  }

  static func row(_ id: String, _ e: PlanDigest, now: Timestamp, today: CalendarDay, staleDays: Int) -> PlanSummaryRow {
    let days = e.daysSinceUpdate(now: now)
    let overdue = e.openDueDates.filter { $0 < today }.count
    let stale = (days ?? 0) >= staleDays
    var sections = [PlanSection: Double](minimumCapacity: e.sections.count)
    for (k, v) in e.sections { if let s = PlanSection(rawValue: k) { sections[s] = v } }
    let health = PlanHealth(
      sections: sections, warnings: e.warnings + (stale ? 1 : 0) + (overdue > 0 ? 1 : 0), notes: e.notes,
      daysSinceUpdate: days, overdueActions: overdue)
    return PlanSummaryRow(id: id, name: e.name, updatedAt: e.updatedAt, stakeholders: e.stakeholders, health: health, stage: e.salesStage)
  }

  static func ago(_ days: Int?, _ l: L10n) -> String {
    guard let days else { return "—" }
    switch days {
    case ..<1: return l.t("today", "今天")
    case 1: return l.t("yesterday", "昨天")
    default: return l.t("\(days) days ago", "\(days) 天前")
    }
  }
}
