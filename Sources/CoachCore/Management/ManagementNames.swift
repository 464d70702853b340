/// The management section's ids in the reader's language, in the course's and the article's
/// terms.
public enum ManagementNames {
  public static func tier(_ t: ServiceTier, _ l: L10n) -> String {
    switch t {
    case .vip: return l.t("VIP", "VIP客户")
    case .key: return l.t("key", "重点客户")
    case .ordinary: return l.t("ordinary", "普通客户")
    }
  }

  public static func lifecycle(_ s: LifecycleStage, _ l: L10n) -> String {
    switch s {
    case .potential: return l.t("potential", "潜在期")
    case .initial: return l.t("initial", "初期")
    case .mature: return l.t("mature", "成熟期")
    case .loyal: return l.t("loyal", "忠诚期")
    case .churned: return l.t("churned", "流失期")
    }
  }

  public static func cadence(_ c: VisitCadence, _ l: L10n) -> String {
    switch c {
    case .monthly: return l.t("monthly operational visit", "月度运营回访")
    case .quarterly: return l.t("quarterly business review", "季度业务回顾")
    case .yearly: return l.t("yearly strategy meeting", "年度战略会议")
    }
  }

  public static func touchpoint(_ k: TouchpointKind, _ l: L10n) -> String {
    switch k {
    case .operationalVisit: return l.t("operational visit", "运营回访")
    case .businessReview: return l.t("business review", "业务回顾")
    case .strategyMeeting: return l.t("strategy meeting", "战略会议")
    case .call: return l.t("call", "电话")
    case .email: return l.t("email", "邮件")
    case .event: return l.t("event", "活动")
    case .other: return l.t("other", "其他")
    }
  }

  public static func issueKind(_ k: IssueKind, _ l: L10n) -> String {
    k == .complaint ? l.t("complaint", "投诉") : l.t("issue", "问题")
  }

  /// A response level with its times: "level 1 (respond 2 h, resolve 24 h)".
  public static func level(_ r: ResponseLevel, _ l: L10n) -> String {
    l.t("level \(r.level) (respond \(hours(r.respondHours, l)), resolve \(hours(r.resolveHours, l)))", "\(r.level)级（\(hours(r.respondHours, l))内响应，\(hours(r.resolveHours, l))内解决）")
  }

  public static func hours(_ h: Int, _ l: L10n) -> String {
    if h == 168 { return l.t("one week", "一周") }
    return l.t("\(h) h", "\(h)小时")
  }

  public static func growthKind(_ k: GrowthKind, _ l: L10n) -> String {
    switch k {
    case .crossSell: return l.t("cross-sell", "交叉销售")
    case .upSell: return l.t("up-sell", "升级销售")
    case .valueAdded: return l.t("value-added service", "增值服务")
    case .partnership: return l.t("strategic partnership", "战略合作")
    }
  }

  public static func growthStatus(_ s: GrowthStatus, _ l: L10n) -> String {
    switch s {
    case .idea: return l.t("idea", "设想")
    case .pursuing: return l.t("pursuing", "推进中")
    case .won: return l.t("won", "已成交")
    case .lost: return l.t("lost", "未成功")
    }
  }

  public static func improvementStatus(_ s: ImprovementStatus, _ l: L10n) -> String {
    switch s {
    case .planned: return l.t("planned", "已计划")
    case .done: return l.t("improved", "已改进")
    case .verified: return l.t("verified", "已验证")
    }
  }

  public static func crisisStep(_ s: CrisisStep, _ l: L10n) -> String {
    switch s {
    case .warningSigns: return l.t("Warning signs", "危机预警")
    case .responsePlan: return l.t("Response plan", "应对预案")
    case .communication: return l.t("Communication", "沟通策略")
    case .remedy: return l.t("Remedy", "补救措施")
    case .repair: return l.t("Relationship repair", "关系修复")
    }
  }

  /// A CSAT score on its own scale, one decimal: `2.0 / 5`, `4.3 / 7` (`2.0 / 5 分`).
  public static func csat(_ mean: Double, scale: Int, _ l: L10n) -> String {
    let tenths = Int((mean * 10).rounded())
    let score = "\(tenths / 10).\(tenths % 10)"
    return l.t("\(score) / \(scale)", "\(score) / \(scale) 分")
  }

  /// A month's CSAT on the scales used: `2.0 / 5`, or `4.0 / 5 and 5.5 / 7` when both were used.
  public static func csat(_ point: ManagementMetrics.CSATPoint, _ l: L10n) -> String {
    let scores = point.means.map { csat($0.mean, scale: $0.scale, l) }
    // In Chinese a space between 和 and the figure that follows, as around every number here.
    return l.t(l.list(scores), l.list(scores.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }))
  }
}
