/// The report as one printable, self-contained HTML page (no scripts, no external files): a
/// rep's 1:1 page (readiness and its parts, trend with a chart of results over time, skill per
/// step and category, certifications, assignments, the answers worth discussing with the
/// trainer's comments), or the team page (every rep's summary, per scenario, per check).
public struct TeamReportHTML: Sendable {
  public let view: TeamReportView
  public init(_ view: TeamReportView) { self.view = view }

  var l: L10n { view.l }
  var report: TeamReport { view.report }
  static func e(_ s: String) -> String { HTMLEscape.text(s) }
  static func pct(_ x: Double) -> String { TeamReportView.pct(x) }

  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;line-height:1.45}
    h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
    .meta{color:#666;font-size:.9rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
    th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    .band{display:inline-block;padding:.1rem .6rem;border-radius:1rem;font-weight:600}
    .needs-work{background:#fde2e1}.developing{background:#fff1c2}.proficient{background:#dff3e4}.excellent{background:#cfe8ff}
    blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.8rem;border-left:3px solid #bbb}
    .comment{color:#0b5394}.missed{color:#8a6d3b;font-size:.9rem}.late,.overdue{color:#a61b1b}.done{color:#2e7d32}
    svg{max-width:100%}@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid}}
    """

  func page(title: String, body: String) -> String {
    let lang = l.lang == .zh ? "zh-CN" : "en"
    return "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(Self.e(title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
      + body + "</body>\n</html>\n"
  }

  func meta() -> String {
    "<p class=\"meta\">"
      + Self.e(
        l.t(
          "As of \(report.now.day). Scores count the trainer's reviews; recent drills weigh more (a drill's weight halves every \(Int(TeamReport.halfLifeDays)) days). Abandoned exams count with what they earned.",
          "截至 \(report.now.day)。分数计入培训师的复盘结论；越近的练习权重越高（每过 \(Int(TeamReport.halfLifeDays)) 天权重减半）。中途放弃的考核按已得分计入。"))
      + "</p>\n"
  }

  /// A rep's 1:1 page.
  public func repPage(_ r: TeamReport.RepProfile) -> String {
    page(title: l.t("1:1 — ", "一对一 — ") + r.rep, body: "<h1>" + Self.e(l.t("1:1 — ", "一对一 — ") + r.rep) + "</h1>\n" + meta() + repBody(r, level: 2))
  }

  /// The team page: the team's figures, then every rep's section.
  public func teamPage() -> String {
    var body = "<h1>" + Self.e(l.t("Team drill report", "团队练习报告")) + "</h1>\n" + meta()
    body += "<h2>" + Self.e(l.t("Reps", "学员")) + "</h2>\n<table>\n<tr>"
    for (h, n) in [
      (l.t("Rep", "学员"), false), (l.t("Readiness", "准备度"), true), (l.t("Band", "等级"), false), (l.t("Drills", "练习"), true), (l.t("Trend", "趋势"), false),
      (l.t("First → best", "首次 → 最好"), false), (l.t("Certified", "已认证"), false),
    ] {
      body += "<th\(n ? " class=\"n\"" : "")>" + Self.e(h) + "</th>"
    }
    body += "</tr>\n"
    for r in report.reps {
      body +=
        "<tr><td>" + Self.e(r.rep) + "</td><td class=\"n\">\(r.readiness.index)</td><td><span class=\"band \(r.readiness.band.rawValue)\">" + Self.e(view.band(r.readiness.band))
        + "</span></td><td class=\"n\">\(r.attempts.count)</td><td>" + Self.e(view.trend(r.trend, r.trendDelta)) + "</td><td>\(r.firstPercent)% → \(r.best)%</td><td>"
        + Self.e(r.certifications.map { view.category($0.category.rawValue) }.joined(separator: l.t(", ", "、"))) + "</td></tr>\n"
    }
    body += "</table>\n"
    body += spreadTable()
    body += scenarioTable() + checkTable()
    for r in report.reps { body += "<section>\n<h2>" + Self.e(r.rep) + "</h2>\n" + repBody(r, level: 3) + "</section>\n" }
    return page(title: l.t("Team drill report", "团队练习报告"), body: body)
  }

  func spreadTable() -> String {
    var out =
      "<table>\n<tr><th></th><th class=\"n\">" + Self.e(l.t("Mean", "平均")) + "</th><th class=\"n\">" + Self.e(l.t("Lowest", "最低")) + "</th><th class=\"n\">"
      + Self.e(l.t("Highest", "最高")) + "</th><th class=\"n\">" + Self.e(l.t("Spread (±)", "标准差")) + "</th></tr>\n"
    for (name, s) in [(l.t("Average", "平均分"), report.average), (l.t("Recent skill", "近期水平"), report.skill), (l.t("Readiness", "准备度"), report.readiness)] {
      guard let s else { continue }
      out +=
        "<tr><td>" + Self.e(name)
        + "</td><td class=\"n\">\(Self.pct(s.mean))</td><td class=\"n\">\(Self.pct(s.min))</td><td class=\"n\">\(Self.pct(s.max))</td><td class=\"n\">\(Int(s.deviation.rounded()))</td></tr>\n"
    }
    return out + "</table>\n"
  }

  func scenarioTable() -> String {
    guard !report.scenarios.isEmpty else { return "" }
    var out =
      "<h2>" + Self.e(l.t("Per scenario (weakest first)", "各场景（最弱在前）")) + "</h2>\n<table>\n<tr><th>" + Self.e(l.t("Scenario", "场景")) + "</th><th>"
      + Self.e(l.t("Category", "类别")) + "</th><th class=\"n\">" + Self.e(l.t("Attempts", "次数")) + "</th><th class=\"n\">" + Self.e(l.t("Reps", "人数"))
      + "</th><th class=\"n\">" + Self.e(l.t("Average", "平均")) + "</th><th class=\"n\">" + Self.e(l.t("Pass rate", "及格率")) + "</th></tr>\n"
    for s in report.scenarios {
      out +=
        "<tr><td>" + Self.e(s.scenario) + "</td><td>" + Self.e(view.category(s.category))
        + "</td><td class=\"n\">\(s.attempts)</td><td class=\"n\">\(s.reps)</td><td class=\"n\">\(Self.pct(s.average))</td><td class=\"n\">\(Self.pct(s.passRate))</td></tr>\n"
    }
    return out + "</table>\n"
  }

  func checkTable() -> String {
    guard !report.checks.isEmpty else { return "" }
    var out =
      "<h2>" + Self.e(l.t("Checks that fail most", "最常不通过的检查")) + "</h2>\n<table>\n<tr><th>" + Self.e(l.t("Step", "步骤")) + "</th><th>"
      + Self.e(l.t("Check", "检查")) + "</th><th class=\"n\">" + Self.e(l.t("Failed", "未通过")) + "</th><th class=\"n\">" + Self.e(l.t("Reps", "人数")) + "</th></tr>\n"
    for c in report.checks.prefix(15) {
      out +=
        "<tr><td>" + Self.e(view.labels.step(c.step)) + "</td><td>" + Self.e(view.check(c.step, c.check))
        + "</td><td class=\"n\">\(c.failed)/\(c.attempts)</td><td class=\"n\">\(c.reps)</td></tr>\n"
    }
    return out + "</table>\n"
  }

  func repBody(_ r: TeamReport.RepProfile, level: Int) -> String {
    let h = "h\(level)"
    let rd = r.readiness
    var out = "<p><span class=\"band \(rd.band.rawValue)\">" + Self.e(l.t("Readiness ", "准备度 ") + "\(rd.index) — " + view.band(rd.band)) + "</span></p>\n"
    out +=
      "<table>\n<tr><th>" + Self.e(l.t("Part", "构成")) + "</th><th class=\"n\">" + Self.e(l.t("Score", "得分")) + "</th><th class=\"n\">" + Self.e(l.t("Weight", "权重"))
      + "</th></tr>\n"
    out += "<tr><td>" + Self.e(l.t("Drills (recent skill)", "练习（近期水平）")) + "</td><td class=\"n\">\(Self.pct(rd.drills))</td><td class=\"n\">0.6</td></tr>\n"
    out += "<tr><td>" + Self.e(l.t("Quiz mastery (Leitner boxes)", "测验掌握度（莱特纳盒）")) + "</td><td class=\"n\">\(Self.pct(rd.quiz))</td><td class=\"n\">0.25</td></tr>\n"
    out += "<tr><td>" + Self.e(l.t("Lessons completed", "已完成课程")) + "</td><td class=\"n\">\(Self.pct(rd.lessons))</td><td class=\"n\">0.15</td></tr>\n</table>\n"
    if !rd.hasProgress {
      out += "<p class=\"meta\">" + Self.e(l.t("No progress.json was found for this rep: quiz and lessons count 0.", "未找到该学员的 progress.json：测验和课程按 0 计。")) + "</p>\n"
    }
    if !r.attempts.isEmpty {
      out += "<\(h)>" + Self.e(l.t("Over time", "进步趋势")) + "</\(h)>\n"
      out +=
        "<p>"
        + Self.e(
          l.t(
            "\(r.attempts.count) drill(s) from \(r.first?.description ?? "?") to \(r.last?.description ?? "?")",
            "\(r.first?.description ?? "?") 至 \(r.last?.description ?? "?") 共 \(r.attempts.count) 次练习")
            + " · " + l.t("Trend: ", "趋势：") + view.trend(r.trend, r.trendDelta) + " · " + l.t("First → best: ", "首次 → 最好：") + "\(r.firstPercent)% → \(r.best)%"
            + (r.skill.map { " · " + l.t("Recent skill: ", "近期水平：") + Self.pct($0) } ?? "")
            + (r.abandonedExams > 0 ? " · " + l.t("\(r.abandonedExams) abandoned exam(s)", "\(r.abandonedExams) 次中途放弃的考核") : "")) + "</p>\n"
      out += chart(r.attempts)
      out +=
        "<table>\n<tr><th>" + Self.e(l.t("Date", "日期")) + "</th><th>" + Self.e(l.t("Scenario", "场景")) + "</th><th>" + Self.e(l.t("Mode", "模式"))
        + "</th><th class=\"n\">" + Self.e(l.t("Score", "得分")) + "</th><th>" + Self.e(l.t("Result", "结果")) + "</th></tr>\n"
      for a in r.attempts {
        let result = a.abandonedExam ? l.t("abandoned", "中途放弃") : a.passed ? l.t("passed", "及格") : l.t("not passed", "未及格")
        out +=
          "<tr><td>" + Self.e(a.day?.description ?? "") + "</td><td>" + Self.e(a.scenario) + "</td><td>" + Self.e(view.labels.mode(a.mode))
          + "</td><td class=\"n\">\(a.percent)%</td><td>"
          + Self.e(result) + "</td></tr>\n"
      }
      out += "</table>\n"
      out += "<\(h)>" + Self.e(l.t("Recent skill per step and category", "各步骤与类别的近期水平")) + "</\(h)>\n<table>\n"
      for s in r.skillByStep { out += "<tr><td>" + Self.e(view.labels.step(s.step)) + "</td><td class=\"n\">\(Self.pct(s.skill))</td></tr>\n" }
      for c in r.skillByCategory { out += "<tr><td>" + Self.e(view.category(c.category)) + "</td><td class=\"n\">\(Self.pct(c.skill))</td></tr>\n" }
      out += "</table>\n"
    }
    out += "<\(h)>" + Self.e(l.t("Certification", "认证")) + "</\(h)>\n<ul>\n"
    for c in ObjectionCategory.allCases {
      let got = r.certifications.first { $0.category == c }
      out +=
        "<li>"
        + Self.e(
          view.category(c.rawValue) + l.t(": ", "：")
            + (got.map { l.t("certified \($0.day?.description ?? "") (\($0.scenario), \($0.percent)%)", "已认证 \($0.day?.description ?? "")（\($0.scenario)，\($0.percent)%）") }
              ?? l.t("not yet", "尚未"))) + "</li>\n"
    }
    out += "</ul>\n"
    if !r.assignments.isEmpty {
      out += "<\(h)>" + Self.e(l.t("Assignments", "练习任务")) + "</\(h)>\n<ul>\n"
      for (a, s) in r.assignments {
        out += "<li class=\"\(s.state.rawValue)\">" + Self.e(view.assignmentName(a) + l.t(" — ", "——") + view.status(s)) + "</li>\n"
      }
      out += "</ul>\n"
    }
    if !r.quotes.isEmpty {
      out += "<\(h)>" + Self.e(l.t("Answers worth discussing", "值得讨论的回答")) + "</\(h)>\n"
      for q in r.quotes {
        out += "<p><strong>" + Self.e(view.labels.step(q.step) + " \(q.score)/2") + "</strong> · " + Self.e(q.scenario + " · " + (q.day?.description ?? "")) + "</p>\n"
        out += "<blockquote>" + Self.e(l.t("Customer: ", "客户：") + "“" + q.customer + "”") + "<br>" + Self.e(l.t("Rep: ", "学员：") + "“" + q.text + "”") + "</blockquote>\n"
        if !q.failed.isEmpty {
          out += "<p class=\"missed\">" + Self.e(l.t("Missed: ", "未做到：") + q.failed.map { view.check(q.step, $0) }.joined(separator: l.t("; ", "；"))) + "</p>\n"
        }
        if let c = q.comment {
          out += "<p class=\"comment\">" + Self.e(l.t("Trainer", "培训师") + (q.reviewedBy.map { " " + $0 } ?? "") + l.t(": ", "：") + c) + "</p>\n"
        }
      }
    }
    return out
  }

  /// Results over time as an inline SVG line chart (0–100%, one point per drill, the pass mark at 70).
  func chart(_ attempts: [TeamReport.Attempt]) -> String {
    guard attempts.count >= 2 else { return "" }
    let w = 600.0
    let h = 140.0
    let step = (w - 40) / Double(attempts.count - 1)
    func y(_ p: Int) -> Double { 10 + (h - 30) * (1 - Double(p) / 100) }
    let points = attempts.enumerated().map { i, a in "\(Int(20 + Double(i) * step)),\(Int(y(a.percent)))" }.joined(separator: " ")
    var svg = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"\(Int(w))\" height=\"\(Int(h))\" role=\"img\" aria-label=\"" + Self.e(l.t("Results over time", "成绩变化")) + "\">\n"
    svg += "<line x1=\"20\" x2=\"\(Int(w - 20))\" y1=\"\(Int(y(70)))\" y2=\"\(Int(y(70)))\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>\n"
    svg += "<polyline fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\" points=\"\(points)\"/>\n"
    for (i, a) in attempts.enumerated() {
      svg +=
        "<circle cx=\"\(Int(20 + Double(i) * step))\" cy=\"\(Int(y(a.percent)))\" r=\"3.5\" fill=\"\(a.abandonedExam ? "#a61b1b" : "#0b5394")\"><title>"
        + Self.e((a.day?.description ?? "") + " " + a.scenario + " \(a.percent)%") + "</title></circle>\n"
    }
    return svg + "</svg>\n"
  }
}
