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
      ] + (portfolio.hasPurchases ? [.init(l.t("Purchases", "采购额占比"), alignment: .right)] : []))
    for line in portfolio.tiers {
      spread.add(
        [tierLabel(line.tier)] + shown.map { String(line.stages[$0] ?? 0) } + [
          String(line.accounts), "\(PlanHealth.percent(line.share))%", "\(PlanHealth.percent(line.completeness))%",
        ] + (portfolio.hasPurchases ? [line.purchaseShare.map { "\(PlanHealth.percent($0))%" } ?? "—"] : []))
    }
    out += spread.render(width: width - 2).indented("  ")
    if portfolio.hasPurchases {
      // The 80/20 view: what share of the purchases the A accounts bring.
      let a = portfolio.tiers.first { $0.tier == .a }
      let cur = portfolio.currency.map { l.t(" (\($0))", "（\($0)）") } ?? ""
      out.append("\n")
      out.append(
        l.t(
          "Tier A: \(PlanHealth.percent(a?.share ?? 0))% of the accounts, \(PlanHealth.percent(a?.purchaseShare ?? 0))% of the purchases\(cur).",
          "A 类：占客户数的 \(PlanHealth.percent(a?.share ?? 0))%，占采购额的 \(PlanHealth.percent(a?.purchaseShare ?? 0))%\(cur)。"), .dim)
      if !portfolio.leftOut.isEmpty {
        out.append("\n")
        out.append(leftOutLine(), .warn)
      }
    }
    out.append("\n\n")
    out.append(l.t("Accounts", "客户"), .bold)
    out.append("\n")
    let managed = portfolio.hasManagement
    var columns: [TextTable.Column] = [.init(l.t("Tier", "级别")), .init(l.t("Account", "客户"), minWidth: 8), .init(l.t("Cooperation", "合作阶段"))]
    if managed { columns += [.init(l.t("Service", "服务级别")), .init(l.t("Lifecycle", "生命周期")), .init("NPS", alignment: .right)] }
    columns += [
      .init(l.t("Complete", "完成度"), alignment: .right), .init(l.t("Warnings", "警告"), alignment: .right),
      .init(l.t("Updated", "更新"), minWidth: 8),
    ]
    var table = TextTable(columns: columns)
    for r in portfolio.rows {
      var row = [tierLabel(r.tier), r.name, stageLabel(r.stage)]
      if managed { row += [serviceLabel(r.serviceTier), lifecycleLabel(r.lifecycle), r.nps.map(String.init) ?? "—"] }
      row += ["\(PlanHealth.percent(r.completeness))%", String(r.warnings), ago(r.daysSinceUpdate)]
      table.add(row, style: r.overdueActions > 0 ? .warn : .plain)
    }
    out += table.render(width: width - 2, indent: "  ")
    return out
  }

  /// Which purchases the shares leave out, plainly: `Not in the purchase shares (CNY): 1
  /// purchase in USD (99 USD, 1 account).`
  public func leftOutLine() -> String {
    let cur = portfolio.currency ?? l.t("amounts without a currency", "未注明币种的金额")
    let items = portfolio.leftOut.map { t -> String in
      let amount = AmountParser.describe(t.total, currency: t.currency)
      let accounts = l.t("\(t.accounts) account\(t.accounts == 1 ? "" : "s")", "\(t.accounts) 个客户")
      guard let c = t.currency else {
        return l.t(
          "\(t.purchases) purchase\(t.purchases == 1 ? "" : "s") without a currency (\(amount), \(accounts))", "未注明币种的采购 \(t.purchases) 笔（\(amount)，\(accounts)）")
      }
      return l.t("\(t.purchases) purchase\(t.purchases == 1 ? "" : "s") in \(c) (\(amount), \(accounts))", "\(c) 采购 \(t.purchases) 笔（\(amount)，\(accounts)）")
    }
    return l.t("Not in the purchase shares (\(cur)): ", "未计入采购额占比（\(cur)）：") + items.joined(separator: l.t("; ", "；")) + l.t(".", "。")
  }

  public func serviceLabel(_ tier: ServiceTier?) -> String {
    switch tier {
    case .vip: return "VIP"
    case .key: return l.t("key", "重点")
    case .ordinary: return l.t("ordinary", "普通")
    case nil: return "—"
    }
  }

  public func lifecycleLabel(_ stage: LifecycleStage?) -> String {
    switch stage {
    case .potential: return l.t("potential", "潜在期")
    case .initial: return l.t("initial", "初期")
    case .mature: return l.t("mature", "成熟期")
    case .loyal: return l.t("loyal", "忠诚期")
    case .churned: return l.t("churned", "流失")
    case nil: return "—"
    }
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
      o["serviceTier"] = r.serviceTier.map { .string($0.rawValue) } ?? .null
      o["lifecycle"] = r.lifecycle.map { .string($0.rawValue) } ?? .null
      o["nps"] = r.nps.map { .number(Double($0)) } ?? .null
      if portfolio.hasPurchases {
        o["purchases"] = .number(r.purchases)
        o["purchasesLeftOut"] = .array(r.leftOut.map(Self.json))
      }
      return .object(o)
    }
    let tiers: [JSONValue] = portfolio.tiers.map { t in
      var stages: [String: JSONValue] = [:]
      for (stage, count) in t.stages { stages[stage?.rawValue ?? "none"] = .number(Double(count)) }
      return [
        "tier": t.tier.map { .string($0.rawValue) } ?? .null, "accounts": .number(Double(t.accounts)),
        "share": .number(Double(PlanHealth.percent(t.share))), "completeness": .number(Double(PlanHealth.percent(t.completeness))),
        "stages": .object(stages),
        "purchaseShare": t.purchaseShare.map { .number(Double(PlanHealth.percent($0))) } ?? .null,
      ]
    }
    var doc: [String: JSONValue] = ["accounts": .array(accounts), "tiers": .array(tiers)]
    if portfolio.hasPurchases {
      doc["currency"] = portfolio.currency.map { .string($0) } ?? .null
      // The purchases in other currencies, which the shares and `purchases` leave out.
      doc["purchasesLeftOut"] = .array(portfolio.leftOut.map(Self.json))
    }
    return .object(doc)
  }

  static func json(_ t: Portfolio.CurrencyTotal) -> JSONValue {
    [
      "currency": t.currency.map { .string($0) } ?? .null, "purchases": .number(Double(t.purchases)), "accounts": .number(Double(t.accounts)),
      "total": .number(t.total),
    ]
  }

  public static let csvColumns = [
    "id", "name", "tier", "stage", "stage_label", "completeness", "warnings", "overdue_actions", "stakeholders", "updated_at", "days_since_update",
    "service_tier", "lifecycle", "nps", "purchases",
    // The currency `purchases` is in, and the account's purchases in other currencies that it
    // leaves out (how many, and in which currencies: `USD EUR`, `none` for amounts without one).
    "purchases_currency", "purchases_left_out", "left_out_currencies",
  ]

  /// One row per account, in the portfolio's order.
  public func csv(lineEnd: String = "\r\n") -> String {
    let rows = portfolio.rows.map { r -> [String] in
      [
        r.id, r.name, r.tier?.rawValue ?? "", r.stage?.rawValue ?? "", r.stage == nil ? "" : stageLabel(r.stage),
        String(PlanHealth.percent(r.completeness)), String(r.warnings), String(r.overdueActions), String(r.stakeholders), r.updatedAt,
        r.daysSinceUpdate.map(String.init) ?? "", r.serviceTier?.rawValue ?? "", r.lifecycle?.rawValue ?? "", r.nps.map(String.init) ?? "",
        portfolio.hasPurchases ? String(r.purchases) : "",
        portfolio.hasPurchases ? portfolio.currency ?? "" : "",
        portfolio.hasPurchases ? String(r.leftOut.map(\.purchases).reduce(0, +)) : "",
        r.leftOut.map { $0.currency ?? "none" }.joined(separator: " "),
      ]
    }
    return CSVExport.document(header: Self.csvColumns, rows: rows, lineEnd: lineEnd)
  }
}
