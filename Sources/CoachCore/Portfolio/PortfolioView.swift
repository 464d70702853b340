/// The portfolio as text (the spread over tiers and stages, then one row per account), as JSON
/// and as CSV (RFC 4180 with `CSVExport`'s formula-injection guard).
public struct PortfolioView {
  public let portfolio: Portfolio
  public let labels: Labels
  public let width: Int
  var l: L10n { labels.l }

  public init(portfolio: Portfolio, labels: Labels, width: Int) {
    self.portfolio = portfolio
    self.labels = labels
    self.width = width
  }

  public func tierLabel(_ tier: Tier?) -> String { tier?.rawValue ?? "—" }

  public func stageLabel(_ stage: CooperationStage?) -> String {
    guard let stage else { return "—" }
    return labels.option("account.cooperationStage", stage.rawValue)
  }

  public func text() -> StyledText {
    var out = StyledText()
    let n = portfolio.rows.count
    out.append(l.t("Portfolio — \(n) account\(n == 1 ? "" : "s")", "客户组合 — 共 \(n) 个客户"), .heading)
    out.append("\n")
    guard n > 0 else {
      out.append(l.t("No plans yet. Start one with `new NAME`.", "还没有计划。用 `new 名称` 新建一个。"))
      return out
    }
    out.append("\n")
    out.append(l.t("By tier and stage", "按级别和合作阶段"), .bold)
    out.append("\n")
    let stages: [CooperationStage?] = CooperationStage.allCases + [nil]
    let shown = stages.filter { s in portfolio.tiers.contains { ($0.stages[s] ?? 0) > 0 } }
    var spread = TextTable(
      columns: [.init(l.t("Tier", "级别"))] + shown.map { .init(stageLabel($0), alignment: .right) } + [
        .init(l.t("Accounts", "客户数"), alignment: .right), .init(l.t("Share", "占比"), alignment: .right),
        .init(l.t("Complete", "完成度"), alignment: .right),
      ])
    for line in portfolio.tiers {
      spread.add(
        [tierLabel(line.tier)] + shown.map { String(line.stages[$0] ?? 0) } + [
          String(line.accounts), "\(PlanHealth.percent(line.share))%", "\(PlanHealth.percent(line.completeness))%",
        ])
    }
    out += spread.render(width: width - 2).indented("  ")
    out.append("\n\n")
    out.append(l.t("Accounts", "客户"), .bold)
    out.append("\n")
    var table = TextTable(columns: [
      .init(l.t("Tier", "级别")), .init(l.t("Account", "客户"), minWidth: 8), .init(l.t("Stage", "阶段")),
      .init(l.t("Complete", "完成度"), alignment: .right), .init(l.t("Warnings", "警告"), alignment: .right),
      .init(l.t("Updated", "更新"), minWidth: 8),
    ])
    for r in portfolio.rows {
      table.add(
        [
          tierLabel(r.tier), r.name, stageLabel(r.stage), "\(PlanHealth.percent(r.completeness))%", String(r.warnings), ago(r.daysSinceUpdate),
        ], style: r.overdueActions > 0 ? .warn : .plain)
    }
    out += table.render(width: width - 2).indented("  ")
    return out
  }

  func ago(_ days: Int?) -> String {
    guard let days else { return "—" }
    switch days {
    case ..<1: return l.t("today", "今天")
    case 1: return l.t("yesterday", "昨天")
    default: return l.t("\(days) days ago", "\(days) 天前")
    }
  }

  /// `{"accounts": [...], "tiers": [...]}`; percentages as whole numbers, ids as in the plans.
  public func json() -> JSONValue {
    let accounts: [JSONValue] = portfolio.rows.map { r in
      var o: [String: JSONValue] = [
        "id": .string(r.id), "name": .string(r.name), "tier": r.tier.map { .string($0.rawValue) } ?? .null,
        "stage": r.stage.map { .string($0.rawValue) } ?? .null, "completeness": .number(Double(PlanHealth.percent(r.completeness))),
        "warnings": .number(Double(r.warnings)), "overdueActions": .number(Double(r.overdueActions)),
        "stakeholders": .number(Double(r.stakeholders)), "updatedAt": .string(r.updatedAt),
      ]
      if let d = r.daysSinceUpdate { o["daysSinceUpdate"] = .number(Double(d)) }
      return .object(o)
    }
    let tiers: [JSONValue] = portfolio.tiers.map { t in
      var stages: [String: JSONValue] = [:]
      for (stage, count) in t.stages { stages[stage?.rawValue ?? "none"] = .number(Double(count)) }
      return [
        "tier": t.tier.map { .string($0.rawValue) } ?? .null, "accounts": .number(Double(t.accounts)),
        "share": .number(Double(PlanHealth.percent(t.share))), "completeness": .number(Double(PlanHealth.percent(t.completeness))),
        "stages": .object(stages),
      ]
    }
    return ["accounts": .array(accounts), "tiers": .array(tiers)]
  }

  public static let csvColumns = [
    "id", "name", "tier", "stage", "stage_label", "completeness", "warnings", "overdue_actions", "stakeholders", "updated_at", "days_since_update",
  ]

  /// One row per account, in the portfolio's order.
  public func csv(lineEnd: String = "\r\n") -> String {
    let rows = portfolio.rows.map { r -> [String] in
      [
        r.id, r.name, r.tier?.rawValue ?? "", r.stage?.rawValue ?? "", r.stage == nil ? "" : stageLabel(r.stage),
        String(PlanHealth.percent(r.completeness)), String(r.warnings), String(r.overdueActions), String(r.stakeholders), r.updatedAt,
        r.daysSinceUpdate.map(String.init) ?? "",
      ]
    }
    return CSVExport.document(header: Self.csvColumns, rows: rows, lineEnd: lineEnd)
  }
}
