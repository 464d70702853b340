import ArgumentParser
import CoachCore

/// `check [PLAN] [--format text|json]`: every rule over the plan.
struct CheckCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check a plan and list what to do next.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The plan (outside the session).", completion: .custom(PlanCompletion.planIDs)) var name: [String] = []
  @Option(help: "text or json") var format: String = "text"
  @Option(name: .customLong("stale-days"), help: "Days without an update before a plan counts as stale.") var staleDays: Int = 30

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard format == "text" || format == "json" else {
      throw CommandError(StyledText(l.t("Unknown format ‘\(format)’: use text or json.", "未知格式 ‘\(format)’：请使用 text 或 json。")), exitCode: ExitStatus.usage)
    }
    let plan: AccountPlan
    if name.isEmpty { plan = try session.requirePlan() } else { plan = try session.loadForReading(name.joined(separator: " ")) }
    let findings = session.findings(for: plan, staleDays: staleDays)
    let health = PlanHealth(plan: plan, book: try? session.playbook(), findings: findings, now: session.now, today: session.clock.today)
    if format == "json" {
      // The published contract is exactly {"findings": [...]}; completeness is in `list --format json`.
      session.output.write(StyledText(JSONWriter.pretty(["findings": .array(findings.map(\.json))])))
      return
    }
    session.say(FindingsView.render(findings, l: l, width: session.output.width, title: plan.name))
    session.say("\n" + HealthView.completeness(health, l: l))
  }
}

extension Session {
  /// One line after `open`: how complete and current the plan is, and the single most useful
  /// next step.
  func healthLine(_ plan: AccountPlan) -> StyledText {
    let findings = self.findings(for: plan)
    let health = PlanHealth(plan: plan, book: try? playbook(), findings: findings, now: now, today: clock.today)
    var out = StyledText(l.t("\(PlanHealth.percent(health.overall))% complete", "完成度 \(PlanHealth.percent(health.overall))%"), .bold)
    // `更新于 8 天前` but `更新于今天`: a space only between Chinese and a figure.
    let ago = PlanSummaries.ago(health.daysSinceUpdate, l)
    out.append(" · " + l.t("updated ", ago.first?.isNumber == true ? "更新于 " : "更新于") + ago)
    out.append(" · " + l.t("\(health.warnings) warning(s)", "\(health.warnings) 个警告"), health.warnings > 0 ? .warn : .good)
    out.append("\n" + l.t("Next: ", "下一步：") + NextStep.suggest(plan, findings: findings, health: health, l: l), .accent)
    return out
  }

  func findings(for plan: AccountPlan, staleDays: Int = 30) -> [Finding] {
    var checks = PlanChecks(plan: plan, book: try? playbook(), now: now, today: clock.today)
    checks.staleDays = staleDays
    return checks.run()
  }
}
