/// The trainer's report as terminal text, extra CSV rows, JSON, and the 1:1 page (HTML is in
/// TeamReportHTML.swift).
public struct TeamReportView: Sendable {
  public let report: TeamReport
  public let labels: DrillLabels
  public let width: Int

  public init(_ report: TeamReport, labels: DrillLabels, width: Int) {
    self.report = report
    self.labels = labels
    self.width = width
  }

  var l: L10n { labels.l }
  static func pct(_ x: Double) -> String { "\(Int(x.rounded()))%" }

  public func band(_ b: TeamReport.Readiness.Band) -> String {
    switch b {
    case .needsWork: return l.t("Needs work", "需加强")
    case .developing: return l.t("Developing", "进步中")
    case .proficient: return l.t("Proficient", "熟练")
    case .excellent: return l.t("Excellent", "优秀")
    }
  }

  public func trend(_ t: TeamReport.Trend?, _ delta: Double?) -> String {
    guard let t, let delta else { return "—" }
    let d = (delta >= 0 ? "+" : "") + "\(Int(delta.rounded()))"
    switch t {
    case .improving: return l.t("↑ improving ", "↑ 上升 ") + d
    case .steady: return l.t("→ steady ", "→ 平稳 ") + d
    case .declining: return l.t("↓ declining ", "↓ 下降 ") + d
    }
  }

  public func category(_ id: String) -> String {
    if let c = ObjectionCategory(rawValue: id) { return labels.book?.category(c)?.name ?? id }
    if let q = QuestionType(rawValue: id) { return labels.book?.questionType(q)?.name ?? id }
    if id == "negotiation" { return labels.kind(.negotiation) }
    return id
  }

  public func check(_ step: String, _ id: String) -> String {
    switch id {
    case "reads-as-type": return l.t("Reads as the type asked for", "读起来是要求的类型")
    case "names-type": return l.t("Names the question's type", "说对问题的类型")
    default: return labels.book?.rubric[step]?.checks.first { $0.id == id }?.description ?? id
    }
  }

  public func status(_ s: DrillAssignment.Status) -> String {
    switch s.state {
    case .done: return l.t("done \(s.metOn?.description ?? "")", "已完成 \(s.metOn?.description ?? "")")
    case .late: return l.t("done \(s.daysLate) day(s) late", "已完成，逾期 \(s.daysLate) 天")
    case .open: return l.t("open, due in \(s.daysLeft) day(s)", "未完成，还剩 \(s.daysLeft) 天")
    case .overdue: return l.t("overdue by \(s.daysLate) day(s)", "已逾期 \(s.daysLate) 天")
    }
  }

  public func assignmentName(_ a: DrillAssignment) -> String {
    var parts = [labels.kind(a.kind)]
    if let c = a.category { parts.append(category(c)) }
    if let s = a.scenario { parts.append(s) }
    parts.append(labels.mode(a.mode))
    return a.id + l.t(" (", "（") + parts.joined(separator: " · ") + l.t(", pass \(a.passMark)%, due \(a.due))", "，及格 \(a.passMark)%，截止 \(a.due)）")
  }

  /// A line of blocks, one per attempt, by height: the shape of the rep's results over time.
  public static func spark(_ percents: [Int]) -> String {
    let blocks = Array("▁▂▃▄▅▆▇█")
    return String(percents.suffix(24).map { blocks[min(7, $0 * 8 / 101)] })
  }

  // MARK: text

  public func text() -> StyledText {
    var out = StyledText(l.t("Over time, readiness and the team", "进步趋势、准备度与团队"), .heading)
    out.append(
      "\n"
        + Wrap.text(
          l.t(
            "As of \(report.now.day), with the trainers' scores; recent drills weigh more (a drill's weight halves every \(Int(TeamReport.halfLifeDays)) days).",
            "截至 \(report.now.day)，计入培训师评分；越近的练习权重越高（每过 \(Int(TeamReport.halfLifeDays)) 天权重减半）。"), width: width), .dim)
    if report.abandonedExams > 0 {
      out.append("\n" + l.t("\(report.abandonedExams) abandoned exam(s) counted with what they earned.", "\(report.abandonedExams) 次中途放弃的考核按已得分计入。"), .warn)
    }
    guard !report.reps.isEmpty else { return out }
    for r in report.reps { out += "\n\n" + rep(r) }
    out += "\n\n" + team()
    return out
  }

  public func rep(_ r: TeamReport.RepProfile) -> StyledText {
    var out = StyledText(r.rep, .bold)
    let rd = r.readiness
    out.append("  " + l.t("Readiness ", "准备度 ") + "\(rd.index) — " + band(rd.band), rd.index >= 60 ? .good : rd.index >= 40 ? .warn : .bad)
    var pairs: [(String, String)] = []
    pairs.append(
      (
        l.t("Readiness parts", "准备度构成"),
        l.t(
          "drills \(Self.pct(rd.drills)) × 0.6 + quiz \(Self.pct(rd.quiz)) × 0.25 + lessons \(Self.pct(rd.lessons)) × 0.15",
          "练习 \(Self.pct(rd.drills)) × 0.6 + 测验 \(Self.pct(rd.quiz)) × 0.25 + 课程 \(Self.pct(rd.lessons)) × 0.15")
          + (rd.hasProgress ? "" : l.t(" (no progress.json found)", "（未找到 progress.json）"))
      ))
    if !r.attempts.isEmpty {
      pairs.append(
        (
          l.t("Drills", "练习"),
          l.t(
            "\(r.attempts.count), \(r.first?.description ?? "?") to \(r.last?.description ?? "?")",
            "\(r.attempts.count) 次，\(r.first?.description ?? "?") 至 \(r.last?.description ?? "?")")
            + (r.abandonedExams > 0 ? l.t(" (\(r.abandonedExams) abandoned exam(s))", "（含 \(r.abandonedExams) 次中途放弃的考核）") : "")
        ))
      pairs.append((l.t("Results", "成绩"), Self.spark(r.attempts.map(\.percent)) + "  " + r.attempts.map { "\($0.percent)" }.joined(separator: " ")))
      pairs.append((l.t("Trend", "趋势"), trend(r.trend, r.trendDelta)))
      pairs.append((l.t("First → best", "首次 → 最好"), "\(r.firstPercent)% → \(r.best)%"))
      if let s = r.skill { pairs.append((l.t("Recent skill", "近期水平"), Self.pct(s))) }
      pairs.append((l.t("Per step", "各步骤"), r.skillByStep.map { labels.step($0.step) + " " + Self.pct($0.skill) }.joined(separator: " · ")))
      pairs.append((l.t("Per category", "各类别"), r.skillByCategory.map { category($0.category) + " " + Self.pct($0.skill) }.joined(separator: " · ")))
    }
    pairs.append(
      (
        l.t("Certified", "已认证"),
        r.certifications.isEmpty
          ? l.t("none yet (pass an objection exam at 70% or more)", "暂无（以不低于 70% 的及格线通过异议考核即可获得）")
          : r.certifications.map { category($0.category.rawValue) + " " + ($0.day?.description ?? "") }.joined(separator: " · ")
      ))
    out += "\n" + Blocks.pairs(pairs, width: width)
    if !r.assignments.isEmpty {
      out.append("\n  " + l.t("Assignments", "练习任务"), .dim)
      for (a, s) in r.assignments {
        let style: StyledText.Style = s.state == .done ? .good : s.state == .open ? .plain : .warn
        out.append("\n" + Wrap.text(assignmentName(a) + l.t(" — ", "——") + status(s), width: width, indent: "    "), style)
      }
    }
    if !r.quotes.isEmpty {
      out.append("\n  " + l.t("Worth discussing", "值得讨论的回答"), .dim)
      for q in r.quotes { out += "\n" + quote(q, indent: "    ") }
    }
    return out
  }

  func quote(_ q: TeamReport.Quote, indent: String) -> StyledText {
    var out = StyledText(Wrap.text(labels.step(q.step) + " \(q.score)/2 · " + q.scenario + " · " + (q.day?.description ?? ""), width: width, indent: indent), .bold)
    out.append("\n" + Wrap.text("“" + q.text + "”", width: width, indent: indent + "  "))
    if !q.failed.isEmpty {
      out.append("\n" + Wrap.text(l.t("missed: ", "未做到：") + q.failed.map { check(q.step, $0) }.joined(separator: l.t("; ", "；")), width: width, indent: indent + "  "), .dim)
    }
    if let c = q.comment {
      out.append("\n" + Wrap.text(l.t("Trainer", "培训师") + (q.reviewedBy.map { " " + $0 } ?? "") + l.t(": ", "：") + c, width: width, indent: indent + "  "), .accent)
    }
    return out
  }

  public func team() -> StyledText {
    var out = StyledText(l.t("Team", "团队"), .bold)
    var pairs: [(String, String)] = []
    func spread(_ s: TeamReport.Spread?) -> String {
      guard let s else { return "—" }
      return l.t(
        "mean \(Self.pct(s.mean)), \(Self.pct(s.min))–\(Self.pct(s.max)), spread ±\(Int(s.deviation.rounded())) over \(s.reps) rep(s)",
        "平均 \(Self.pct(s.mean))，\(Self.pct(s.min))–\(Self.pct(s.max))，标准差 \(Int(s.deviation.rounded()))，共 \(s.reps) 名学员")
    }
    pairs.append((l.t("Average", "平均分"), spread(report.average)))
    pairs.append((l.t("Recent skill", "近期水平"), spread(report.skill)))
    pairs.append((l.t("Readiness", "准备度"), spread(report.readiness)))
    out += "\n" + Blocks.pairs(pairs, width: width)
    if !report.scenarios.isEmpty {
      out.append("\n  " + l.t("Per scenario (weakest first)", "各场景（最弱在前）"), .dim)
      var t = TextTable(columns: [
        .init(l.t("Scenario", "场景")), .init(l.t("Category", "类别")), .init(l.t("Attempts", "次数"), alignment: .right),
        .init(l.t("Reps", "人数"), alignment: .right), .init(l.t("Average", "平均"), alignment: .right), .init(l.t("Pass rate", "及格率"), alignment: .right),
      ])
      for s in report.scenarios { t.add([s.scenario, category(s.category), "\(s.attempts)", "\(s.reps)", Self.pct(s.average), Self.pct(s.passRate)]) }
      out += "\n" + t.render(width: width - 2).indented("  ")
    }
    if !report.checks.isEmpty {
      out.append("\n  " + l.t("Checks that fail most", "最常不通过的检查"), .dim)
      var t = TextTable(columns: [
        .init(l.t("Step", "步骤")), .init(l.t("Check", "检查"), minWidth: 16), .init(l.t("Failed", "未通过"), alignment: .right),
        .init(l.t("Reps", "人数"), alignment: .right),
      ])
      for c in report.checks.prefix(10) { t.add([labels.step(c.step), check(c.step, c.check), "\(c.failed)/\(c.attempts)", "\(c.reps)"]) }
      out += "\n" + t.render(width: width - 2).indented("  ")
    }
    return out
  }

  // MARK: CSV

  public static let csvHeader = ["section", "rep", "id", "name", "attempts", "value", "detail"]

  /// Rows of the trainer's report, long form: readiness and its parts, trend, skill per step and
  /// category, certifications, assignments, per scenario and per check. Ids, not display names.
  public func csvRows() -> [[String]] {
    var rows: [[String]] = []
    func d(_ x: Double) -> String { DrillReportView.decimal(x) }
    for r in report.reps {
      let name = DrillReportView.spreadsheetSafe(r.rep)
      let rd = r.readiness
      rows.append(["readiness", name, rd.band.rawValue, "", "\(r.attempts.count)", "\(rd.index)", "drills=\(d(rd.drills));quiz=\(d(rd.quiz));lessons=\(d(rd.lessons))"])
      rows.append(["dates", name, "", "", "\(r.attempts.count)", "", (r.first?.description ?? "") + "/" + (r.last?.description ?? "")])
      rows.append(["trend", name, r.trend?.rawValue ?? "", "", "\(r.attempts.count)", r.trendDelta.map(d) ?? "", "first=\(r.firstPercent);best=\(r.best)"])
      rows.append(["abandoned-exams", name, "", "", "\(r.abandonedExams)", "", ""])
      for s in r.skillByStep { rows.append(["skill-step", name, s.step, "", "", d(s.skill), ""]) }
      for c in r.skillByCategory { rows.append(["skill-category", name, c.category, "", "", d(c.skill), ""]) }
      for c in r.certifications { rows.append(["certified", name, c.category.rawValue, c.scenario, "", "\(c.percent)", c.day?.description ?? ""]) }
      for (a, s) in r.assignments {
        rows.append(["assignment", name, a.id, s.state.rawValue, "\(s.attempts)", s.best.map { "\($0)" } ?? "", "due=\(a.due);days-late=\(s.daysLate)"])
      }
    }
    for s in report.scenarios { rows.append(["scenario", "", s.scenario, s.category, "\(s.attempts)", d(s.average), "pass-rate=\(d(s.passRate));reps=\(s.reps)"]) }
    for c in report.checks { rows.append(["check", "", c.check, c.step, "\(c.attempts)", d(c.failRate), "failed=\(c.failed);reps=\(c.reps)"]) }
    return rows
  }

  public func csv(lineEnding: String = "\r\n") -> String {
    ([Self.csvHeader] + csvRows()).map { $0.map(DrillReportView.csvField).joined(separator: ",") + lineEnding }.joined()
  }

  // MARK: JSON

  public func json() -> JSONValue {
    func n(_ x: Double) -> JSONValue { .number(DrillReportView.tenth(x)) }
    func i(_ x: Int) -> JSONValue { .number(Double(x)) }
    func s(_ x: String?) -> JSONValue { x.map { .string($0) } ?? .null }
    func spread(_ x: TeamReport.Spread?) -> JSONValue {
      guard let x else { return .null }
      return .object(["reps": i(x.reps), "mean": n(x.mean), "min": n(x.min), "max": n(x.max), "deviation": n(x.deviation)])
    }
    let reps: [JSONValue] = report.reps.map { r in
      let rd = r.readiness
      return .object([
        "rep": .string(r.rep),
        "first": s(r.first?.description), "last": s(r.last?.description),
        "attempts": .array(
          r.attempts.map {
            .object([
              "id": .string($0.id), "startedAt": .string($0.time), "scenario": .string($0.scenario), "kind": .string($0.kind.rawValue),
              "category": .string($0.category), "mode": .string($0.mode.rawValue), "percent": i($0.percent), "passed": .bool($0.passed),
              "completed": .bool($0.completed), "weight": .number((($0.weight * 1000).rounded()) / 1000),
            ])
          }),
        "trend": s(r.trend?.rawValue), "trendDelta": r.trendDelta.map(n) ?? .null,
        "firstPercent": i(r.firstPercent), "best": i(r.best), "skill": r.skill.map(n) ?? .null,
        "skillBySteps": .object(Dictionary(uniqueKeysWithValues: r.skillByStep.map { ($0.step, n($0.skill)) })),
        "skillByCategory": .object(Dictionary(uniqueKeysWithValues: r.skillByCategory.map { ($0.category, n($0.skill)) })),
        "abandonedExams": i(r.abandonedExams),
        "readiness": .object([
          "index": i(rd.index), "band": .string(rd.band.rawValue), "drills": n(rd.drills), "quiz": n(rd.quiz), "lessons": n(rd.lessons),
          "hasProgress": .bool(rd.hasProgress),
        ]),
        "certifications": .object(
          Dictionary(
            uniqueKeysWithValues: r.certifications.map {
              ($0.category.rawValue, JSONValue.object(["day": s($0.day?.description), "scenario": .string($0.scenario), "percent": i($0.percent)]))
            })),
        "assignments": .array(
          r.assignments.map { a, st in
            .object([
              "id": .string(a.id), "due": .string(a.due.description), "state": .string(st.state.rawValue), "attempts": i(st.attempts),
              "best": st.best.map(i) ?? .null, "metOn": s(st.metOn?.description), "daysLate": i(st.daysLate),
            ])
          }),
        "quotes": .array(r.quotes.map(quoteJSON)),
      ])
    }
    return .object([
      "asOf": .string(report.now.description), "halfLifeDays": n(TeamReport.halfLifeDays),
      "counted": i(report.counted), "abandonedExams": i(report.abandonedExams), "unfinished": i(report.unfinished),
      "reps": .array(reps),
      "team": .object(["average": spread(report.average), "skill": spread(report.skill), "readiness": spread(report.readiness)]),
      "scenarios": .array(
        report.scenarios.map {
          .object([
            "scenario": .string($0.scenario), "kind": .string($0.kind.rawValue), "category": .string($0.category), "attempts": i($0.attempts),
            "reps": i($0.reps), "average": n($0.average), "passRate": n($0.passRate),
          ])
        }),
      "checks": .array(
        report.checks.map {
          .object(["check": .string($0.check), "step": .string($0.step), "attempts": i($0.attempts), "failed": i($0.failed), "reps": i($0.reps), "failRate": n($0.failRate)])
        }),
    ])
  }

  func quoteJSON(_ q: TeamReport.Quote) -> JSONValue {
    .object([
      "rep": .string(q.rep), "day": q.day.map { .string($0.description) } ?? .null, "transcript": .string(q.transcript),
      "scenario": .string(q.scenario), "step": .string(q.step), "text": .string(q.text), "score": .number(Double(q.score)),
      "comment": q.comment.map { .string($0) } ?? .null, "reviewedBy": q.reviewedBy.map { .string($0) } ?? .null,
      "failed": .array(q.failed.map { .string($0) }),
    ])
  }
}
