/// The deal facts in the terminal: size, expected close, the stage on the six-step process,
/// then each competitor with their strengths, weaknesses and our position.
extension PlanView {
  public func deal() -> StyledText {
    var out = Blocks.heading(l.t("Deal", "商机")) + "\n"
    let d = plan.deal
    guard !d.isEmpty else {
      return out + empty(l.t("Nothing recorded: `deal` records the size, close date and sales stage.", "尚无记录：用 `deal` 记录金额、预计成交日期和销售阶段。"))
    }
    var rows: [(String, String)] = [
      (labels.field("deal.size", fallback: l.t("Deal size", "商机金额")), d.sizeText ?? "—"),
      (labels.field("deal.closeDate", fallback: l.t("Expected close", "预计成交")), d.closeDate ?? "—"),
      (labels.field("deal.stage", fallback: l.t("Sales stage", "销售阶段")), d.stage.map { labels.option("deal.stage", $0.rawValue) } ?? "—"),
    ]
    if let stage = d.stage { rows[2].1 += l.t(" (step \(stage.number) of 6)", "（第 \(stage.number)/6 步）") }
    out += Blocks.pairs(rows, width: width)
    if let stage = d.stage {
      let steps = SalesStage.allCases.map { $0 == stage ? "●" : ($0.number < stage.number ? "◉" : "○") }.joined(separator: "─")
      out.append("\n  " + steps, .dim)
    }
    out.append("\n\n")
    out.append(l.t("Competitors", "竞争对手"), .bold)
    guard !d.competitors.isEmpty else {
      out.append("\n")
      return out + empty(l.t("None yet: `deal competitor add NAME` records one.", "尚无记录：用 `deal competitor add 名称` 添加。"))
    }
    var table = TextTable(columns: [
      .init(l.t("Competitor", "竞争对手")), .init(l.t("Their strengths", "对方优势"), minWidth: 10), .init(l.t("Their weaknesses", "对方劣势"), minWidth: 10),
      .init(l.t("Our position", "我方地位"), minWidth: 10),
    ])
    for c in d.competitors { table.add([c.name, c.strengths ?? "—", c.weaknesses ?? "—", c.ourPosition ?? "—"]) }
    out.append("\n")
    out += table.render(width: width - 2).indented("  ")
    return out
  }
}
