/// A drill report as a terminal table with bar charts, as CSV (RFC 4180) and as JSON.
public struct DrillReportView: Sendable {
  public let report: DrillReport
  public let labels: DrillLabels
  public let width: Int

  public init(_ report: DrillReport, labels: DrillLabels, width: Int) {
    self.report = report
    self.labels = labels
    self.width = width
  }

  var l: L10n { labels.l }

  func scopeName(_ scope: DrillReport.Scope) -> String {
    switch scope {
    case .all: return l.t("All drills", "全部练习")
    case .kind(let k): return labels.kind(k)
    case .step(let s): return labels.step(s)
    }
  }

  static func pct(_ x: Double) -> String { "\(Int(x.rounded()))%" }
  static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

  // MARK: table

  public func table() -> StyledText {
    var out = StyledText(l.t("Drill report", "练习报告"), .heading)
    var facts = [l.t("\(report.reps.count) rep(s)", "\(report.reps.count) 名学员"), l.t("\(report.drills) drill(s) counted", "计入 \(report.drills) 次练习")]
    if let since = report.filter.since { facts.append(l.t("since \(since)", "自 \(since) 起")) }
    if let rep = report.filter.rep { facts.append(l.t("rep \(rep)", "学员 \(rep)")) }
    out.append("  " + facts.joined(separator: " · "), .dim)
    if report.unfinished > 0 {
      out.append("\n" + l.t("\(report.unfinished) unfinished drill(s) not counted.", "另有 \(report.unfinished) 次未完成的练习未计入。"), .dim)
    }
    guard !report.reps.isEmpty else {
      out.append("\n" + l.t("No finished drills to report. `drill` starts one.", "还没有可统计的已完成练习。用 `drill` 开始一次。"))
      return out
    }
    var overview = TextTable(columns: [
      .init(l.t("Rep", "学员")), .init(l.t("Drills", "次数"), alignment: .right),
      .init(l.t("Average", "平均"), alignment: .right), .init(l.t("Best", "最好"), alignment: .right),
      .init(l.t("First→best", "首次→最好"), alignment: .right), .init(l.t("Pass rate", "及格率"), alignment: .right),
      .init(l.t("Weakest step", "最弱步骤")), .init(l.t("Overrides", "改分"), alignment: .right),
    ])
    for r in report.reps {
      let f = r.overall
      overview.add([
        r.rep, "\(f.attempts)", Self.pct(f.average), "\(f.best)%", Self.signed(f.improvement), Self.pct(f.passRate),
        r.weakestStep.map(labels.step) ?? "—", "\(f.overrides)",
      ])
    }
    out += "\n\n" + overview.render(width: width)
    for r in report.reps { out += "\n\n" + repSection(r) }
    out.append(
      "\n\n"
        + Wrap.text(
          l.t(
            "Figures are automatic scores; “Trainer” is the average with the trainers' overrides, and how many steps they re-scored.",
            "数字均为自动评分；“培训师”一列是计入培训师改分后的平均分，括号内为改分的步骤数。"), width: width), .dim)
    return out
  }

  func repSection(_ r: DrillReport.RepReport) -> StyledText {
    var out = StyledText(r.rep, .bold)
    if let weakest = r.weakestStep { out.append("  " + l.t("weakest step: ", "最弱步骤：") + labels.step(weakest), .warn) }
    var t = TextTable(columns: [
      .init(l.t("Scope", "范围")), .init(l.t("Attempts", "次数"), alignment: .right),
      .init(l.t("Average", "平均"), alignment: .right), .init(l.t("Best", "最好"), alignment: .right),
      .init(l.t("First→best", "首次→最好"), alignment: .right), .init(l.t("Pass rate", "及格率"), alignment: .right),
      .init(l.t("Trainer", "培训师"), alignment: .right),
    ])
    for row in r.rows {
      let f = row.figures
      let trainer = f.trainerAverage.map { Self.pct($0) + " (\(f.overrides))" } ?? "—"
      t.add(
        [scopeName(row.scope), "\(f.attempts)", Self.pct(f.average), "\(f.best)%", Self.signed(f.improvement), Self.pct(f.passRate), trainer],
        style: row.scope == .all ? .bold : .plain)
    }
    out += "\n" + t.render(width: width - 2).indented("  ")
    let bars = r.kinds.count > 1 ? r.kinds + r.steps : r.steps
    if !bars.isEmpty {
      out.append("\n  " + l.t("Average per step", "各步骤平均分") + (r.kinds.count > 1 ? l.t(" and kind", "及各类练习") : ""), .dim)
      let labelWidth = bars.map { DisplayWidth.of(scopeName($0.scope)) }.max() ?? 0
      let barWidth = max(10, min(30, width - labelWidth - 12))
      for row in bars {
        out.append("\n  " + DisplayWidth.padRight(scopeName(row.scope), to: labelWidth) + "  ")
        out.append(Blocks.bar(row.figures.average, of: 100, width: barWidth), row.scope == .step(r.weakestStep ?? "") ? .warn : .accent)
        out.append(" " + DisplayWidth.padLeft(Self.pct(row.figures.average), to: 4))
      }
    }
    return out
  }

  // MARK: CSV

  public static let csvHeader = [
    "rep", "scope", "name", "attempts", "average", "best", "first", "last", "improvement", "pass_rate",
    "overrides", "trainer_average", "trainer_pass_rate", "weakest_step",
  ]

  /// One row per rep and scope (all, each kind, each step); ids, not display names, so
  /// spreadsheets and scripts can rely on them. Lines end with CRLF (RFC 4180) unless asked.
  public func csv(lineEnding: String = "\r\n") -> String {
    var rows = [Self.csvHeader]
    for r in report.reps {
      for row in r.rows {
        let f = row.figures
        let (scope, name): (String, String)
        switch row.scope {
        case .all: (scope, name) = ("all", "")
        case .kind(let k): (scope, name) = ("kind", k.rawValue)
        case .step(let s): (scope, name) = ("step", s)
        }
        rows.append([
          Self.spreadsheetSafe(r.rep), scope, name, "\(f.attempts)", Self.decimal(f.average), "\(f.best)", "\(f.first)", "\(f.last)",
          "\(f.improvement)", Self.decimal(f.passRate), "\(f.overrides)", f.trainerAverage.map(Self.decimal) ?? "",
          f.trainerPassRate.map(Self.decimal) ?? "", row.scope == .all ? (r.weakestStep ?? "") : "",
        ])
      }
    }
    return rows.map { $0.map(Self.csvField).joined(separator: ",") + lineEnding }.joined()
  }

  /// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled; a text
  /// a spreadsheet would run as a formula is guarded, a plain number is not (`CSVExport.field`,
  /// the one rule for every CSV coach writes).
  public static func csvField(_ s: String) -> String { CSVExport.field(s) }

  /// A name a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading `'`.
  public static func spreadsheetSafe(_ s: String) -> String {
    guard let first = s.first, "=+-@\t\r".contains(first) else { return s }
    return "'" + s
  }

  /// One decimal place, no trailing `.0`.
  static func decimal(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
  }

  // MARK: JSON

  static func tenth(_ x: Double) -> Double { (x * 10).rounded() / 10 }

  public func json() -> JSONValue {
    func figures(_ f: DrillReport.Figures) -> JSONValue {
      var o: [String: JSONValue] = [
        "attempts": .number(Double(f.attempts)), "average": .number(Self.tenth(f.average)),
        "best": .number(Double(f.best)), "first": .number(Double(f.first)), "last": .number(Double(f.last)),
        "improvement": .number(Double(f.improvement)), "passRate": .number(Self.tenth(f.passRate)),
        "overrides": .number(Double(f.overrides)),
      ]
      o["trainerAverage"] = f.trainerAverage.map { .number(Self.tenth($0)) } ?? .null
      o["trainerPassRate"] = f.trainerPassRate.map { .number(Self.tenth($0)) } ?? .null
      return .object(o)
    }
    let reps: [JSONValue] = report.reps.map { r in
      var kinds: [String: JSONValue] = [:]
      var steps: [String: JSONValue] = [:]
      for row in r.kinds { if case .kind(let k) = row.scope { kinds[k.rawValue] = figures(row.figures) } }
      for row in r.steps { if case .step(let s) = row.scope { steps[s] = figures(row.figures) } }
      return .object([
        "rep": .string(r.rep), "weakestStep": r.weakestStep.map { .string($0) } ?? .null,
        "overall": figures(r.overall), "kinds": .object(kinds), "steps": .object(steps),
      ])
    }
    return .object([
      "drills": .number(Double(report.drills)), "unfinished": .number(Double(report.unfinished)),
      "filter": .object(["rep": report.filter.rep.map { .string($0) } ?? .null, "since": report.filter.since.map { .string($0.description) } ?? .null]),
      "reps": .array(reps),
    ])
  }
}
