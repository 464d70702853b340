import ArgumentParser
import CoachCore
import CoachStore

/// `list [--format table|json]`: every plan in the workspace.
struct ListCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the account plans.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "table or json") var format: String = "table"

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard format == "table" || format == "json" else {
      throw CommandError(StyledText(l.t("Unknown format ‘\(format)’: use table or json.", "未知格式 ‘\(format)’：请使用 table 或 json。")), exitCode: ExitStatus.usage)
    }
    let ids: [String]
    do { ids = try session.repository.ids() } catch { throw CommandError(l.describe(error), exitCode: error.exitCode) }
    var rows: [PlanSummary] = []
    var damaged: [(String, StoreError)] = []
    for id in ids {
      do { rows.append(PlanSummary(try session.repository.load(id: id))) } catch { damaged.append((id, error)) }
    }
    if format == "json" {
      let list: [JSONValue] = rows.map(\.json) + damaged.map { ["id": .string($0.0), "error": .string(l.describe($0.1).plain)] }
      session.output.write(StyledText(JSONWriter.pretty(["plans": .array(list)])))
    } else if rows.isEmpty && damaged.isEmpty {
      session.say(StyledText(l.t("No plans yet in \(session.settings.paths.plans). Start one with `new NAME`.", "\(session.settings.paths.plans) 中还没有计划。用 `new 名称` 新建一个。")))
    } else {
      var table = TextTable(columns: [.init(l.t("Plan", "计划")), .init("ID"), .init(l.t("Updated", "更新时间")), .init(l.t("Stakeholders", "决策者"), alignment: .right)])
      for r in rows { table.add([r.name, r.id, Blocks.time(r.updatedAt), "\(r.stakeholders)"]) }
      session.say(table.render(width: session.output.width))
    }
    for (_, error) in damaged { session.fail(error) }
  }
}

/// What `list` shows of one plan.
struct PlanSummary {
  var id: String
  var name: String
  var updatedAt: String
  var stakeholders: Int

  init(_ plan: AccountPlan) {
    id = plan.id
    name = plan.name
    updatedAt = plan.updatedAt
    stakeholders = plan.stakeholders.count
  }

  var json: JSONValue {
    ["id": .string(id), "name": .string(name), "updatedAt": .string(updatedAt), "stakeholders": .number(Double(stakeholders))]
  }
}
