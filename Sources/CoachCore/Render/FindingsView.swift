/// Findings as text: warnings first, each with its id so trainers and scripts can refer to it.
public enum FindingsView {
  public static func render(_ findings: [Finding], l: L10n, width: Int, title: String? = nil, limit: Int? = nil) -> StyledText {
    var out = StyledText()
    if let title { out.append(l.t("Check of ", "检查：") + title, .heading) }
    guard !findings.isEmpty else {
      if title != nil { out.append("\n") }
      out.append(l.t("Nothing to flag: the plan covers what the method asks for.", "没有需要提示的问题：计划已覆盖方法要求的内容。"), .good)
      return out
    }
    let warnings = findings.filter { $0.severity == .warning }.count
    if title != nil {
      out.append("  " + l.t("\(warnings) warning(s), \(findings.count - warnings) note(s)", "\(warnings) 个警告，\(findings.count - warnings) 个提示"), .dim)
    }
    let shown = limit.map { Array(findings.prefix($0)) } ?? findings
    for f in shown {
      if !out.spans.isEmpty { out.append("\n") }
      out.append(f.severity == .warning ? "⚠ " : "· ", f.severity == .warning ? .warn : .dim)
      out.append(f.id, .bold)
      out.append("  [" + HealthView.sectionName(f.section, l) + "]", .dim)
      if let name = f.values["name"], !f.message.contains(name) { out.append("  " + name, .accent) }
      out.append("\n" + Wrap.text(f.message, width: width, indent: "  "))
    }
    if shown.count < findings.count {
      out.append("\n" + l.t("… and \(findings.count - shown.count) more: `check` lists them all.", "……还有 \(findings.count - shown.count) 条：用 `check` 查看全部。"), .dim)
    }
    return out
  }
}

/// Completeness per section as bars.
public enum HealthView {
  /// A section's name in the reader's language (the English names are the section ids).
  public static func sectionName(_ s: PlanSection, _ l: L10n) -> String {
    switch s {
    case .account: return l.t("account", "客户概况")
    case .value: return l.t("value", "价值评估")
    case .stakeholders: return l.t("stakeholders", "决策者")
    case .discovery: return l.t("discovery", "需求挖掘")
    case .questions: return l.t("questions", "提问计划")
    case .objections: return l.t("objections", "异议处理")
    case .negotiation: return l.t("negotiation", "谈判准备")
    case .actions: return l.t("actions", "下一步行动")
    case .timeline: return l.t("timeline", "会谈时间线")
    case .management: return l.t("management", "客户管理")
    case .deal: return l.t("deal", "商机")
    }
  }

  public static func completeness(_ health: PlanHealth, l: L10n) -> StyledText {
    var out = StyledText(l.t("Completeness", "完成度"), .heading)
    out.append("  " + l.t("overall ", "总体 ") + "\(PlanHealth.percent(health.overall))%", .bold)
    let width = PlanHealth.scoredSections.map { DisplayWidth.of(sectionName($0, l)) }.max() ?? 10
    for s in PlanHealth.scoredSections {
      let v = health.sections[s] ?? 0
      out.append("\n  " + DisplayWidth.padRight(sectionName(s, l), to: width) + "  ")
      out.append(Blocks.bar(v, of: 1, width: 10), .accent)
      out.append(" " + DisplayWidth.padLeft("\(PlanHealth.percent(v))%", to: 4))
    }
    return out
  }
}
