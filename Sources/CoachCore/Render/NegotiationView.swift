/// Negotiation preparation at a glance: goals, BATNAs, the ZOPA bar, interests, the concession
/// ladder and the team.
public struct NegotiationView {
  public let plan: AccountPlan
  public let labels: Labels
  public let width: Int
  var l: L10n { labels.l }
  var n: Negotiation { plan.negotiation }

  public init(plan: AccountPlan, labels: Labels, width: Int) {
    self.plan = plan
    self.labels = labels
    self.width = width
  }

  public func render() -> StyledText {
    var out = Blocks.heading(l.t("Negotiation", "谈判准备"))
    if n.objectives.isEmpty && n.batna.ours.isEmpty && n.batna.theirs.isEmpty && n.interests.isEmpty && n.concessions.isEmpty && n.team.isEmpty {
      return out + "\n"
        + StyledText(
          "  "
            + l.t(
              "Not prepared yet: `negotiate` walks you through goals, BATNA, interests, concessions and team.",
              "尚未准备：用 `negotiate` 逐步设定目标、BATNA、利益点、让步和团队分工。"), .dim)
    }
    out += "\n" + goals()
    out += "\n\n" + batna()
    if let zopa = ZOPAPicture(plan: plan, labels: labels).render() { out += "\n\n" + zopa }
    out += "\n\n" + interests()
    out += "\n\n" + ConcessionLadderPicture(negotiation: n, labels: labels).render()
    out += "\n\n" + team()
    return out
  }

  /// A figure, with `≈` when the rep gave it as an estimate.
  func value(_ v: TermValue?, approximate: Bool = false) -> String {
    switch v {
    case .number(let x)?: return (approximate ? "≈" : "") + Blocks.number(x)
    case .text(let s)?: return s
    case nil: return "—"
    }
  }

  public func goals() -> StyledText {
    var out = StyledText(l.t("Goals", "谈判目标"), .bold) + "\n"
    guard !n.objectives.isEmpty else { return out + StyledText("  —", .dim) }
    var t = TextTable(columns: [
      .init(l.t("Term", "条款")), .init(l.t("Best", "最佳"), alignment: .right), .init(l.t("Expected", "期望"), alignment: .right),
      .init(l.t("Walk-away", "底线"), alignment: .right), .init(l.t("Better", "更优方向")), .init(l.t("Unit", "单位")), .init(l.t("Type", "类型")),
    ])
    for o in n.objectives {
      let better = o.better.map { labels.option("objective.better", $0.rawValue) } ?? "—"
      let flex = o.flexibility.map { labels.option("objective.flexibility", $0.rawValue) } ?? "—"
      t.add(
        [
          labels.term(o), value(o.best, approximate: o.isApproximate("best")), value(o.expected, approximate: o.isApproximate("expected")),
          value(o.walkAway, approximate: o.isApproximate("walkAway")), better, o.unit ?? "—", flex,
        ], style: o.flexibility == .core ? .bold : .plain)
    }
    return out + t.render(width: width - 2).indented("  ")
  }

  public func batna() -> StyledText {
    var out = StyledText("BATNA", .bold) + "\n"
    func side(_ s: BATNASide) -> String {
      var text = s.description ?? "—"
      if let v = s.value { text += l.t(" (worth about ", "（约合 ") + Blocks.number(v) + l.t(")", "）") }
      return text
    }
    out += Blocks.pairs([(l.t("Ours", "我方"), side(n.batna.ours)), (l.t("Theirs (our estimate)", "对方（我方估计）"), side(n.batna.theirs))], width: width)
    return out
  }

  public func interests() -> StyledText {
    var out = StyledText(l.t("Interests", "对方利益点"), .bold) + "\n"
    guard !n.interests.isEmpty || !n.commonInterests.isEmpty else { return out + StyledText("  —", .dim) }
    if !n.interests.isEmpty {
      var t = TextTable(columns: [
        .init(l.t("Stakeholder", "决策者")), .init(l.t("Position (what they say)", "立场（表面诉求）"), minWidth: 12),
        .init(l.t("Interest (what they need)", "利益（根本需求）"), minWidth: 12),
      ])
      for i in n.interests { t.add([i.stakeholder, i.position ?? "—", i.interest ?? "—"]) }
      out += t.render(width: width - 2).indented("  ")
    }
    if !n.commonInterests.isEmpty {
      out.append("\n  " + l.t("Common interests: ", "共同利益：") + n.commonInterests.joined(separator: l.t("; ", "；")))
    }
    return out
  }

  public func team() -> StyledText {
    var out = StyledText(l.t("Team", "谈判团队"), .bold) + "\n"
    guard !n.team.isEmpty else { return out + StyledText("  —", .dim) }
    out += Blocks.pairs(n.team.map { (labels.teamRole($0.role), $0.name) }, width: width)
    return out
  }
}
