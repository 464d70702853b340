/// Display names for drill kinds, modes and steps: LSCPA steps from the playbook, the rest
/// from the tool's own words.
public struct DrillLabels: Sendable {
  public let book: Playbook?
  public let l: L10n

  public init(_ book: Playbook?, _ l: L10n) {
    self.book = book
    self.l = l
  }

  public func step(_ id: String) -> String {
    if let s = LSCPAStep(rawValue: id) { return book?.step(s)?.name ?? id }
    switch id {
    case "question": return l.t("Writing a question", "写问题")
    case "name": return l.t("Naming the type", "判断类型")
    case "give-and-get": return l.t("Give and get", "交换条件")
    default: return id
    }
  }

  public func kind(_ k: DrillKind) -> String {
    switch k {
    case .objection: return l.t("Objection", "异议处理")
    case .questions: return l.t("Questions", "提问")
    case .negotiation: return l.t("Negotiation", "谈判")
    }
  }

  public func mode(_ m: DrillMode) -> String {
    switch m {
    case .train: return l.t("train", "训练")
    case .exam: return l.t("exam", "考核")
    }
  }
}

/// The drill's screens as styled text: the scenario, each step's report (checks ✓/✗ with the
/// rep's words, advice and a better line), and the result.
public struct DrillView: Sendable {
  public let book: Playbook
  public let l: L10n
  public let width: Int

  public init(book: Playbook, l: L10n, width: Int) {
    self.book = book
    self.l = l
    self.width = width
  }

  var labels: DrillLabels { DrillLabels(book, l) }

  /// The scenario as the rep sees it at the start.
  public func header(_ t: DrillTranscript, pickedAtRandom: Bool) -> StyledText {
    let s = t.scenario
    var out = StyledText(labels.kind(s.kind) + l.t(" drill", "练习") + " — " + s.id, .heading)
    var facts: [String] = []
    if let c = s.category { facts.append(Labels(book, l).category(c)) }
    if let type = s.questionType, s.task == .write { facts.append(Labels(book, l).questionType(type)) }
    facts.append(labels.mode(t.mode))
    facts.append(l.t("pass mark \(t.passMark)%", "及格线 \(t.passMark)%"))
    out.append("  " + facts.joined(separator: " · "), .dim)
    var who = l.t("Rep: ", "学员：") + t.rep
    if let trainer = t.trainer { who += l.t(" · Trainer: ", " · 培训师：") + trainer }
    out.append("\n" + who)
    if pickedAtRandom, let seed = t.seed {
      out.append(
        "\n"
          + l.t(
            "Picked at random with seed \(seed); `--seed \(seed)` picks the same scenario again.",
            "随机抽取，种子为 \(seed)；用 `--seed \(seed)` 可以再次抽到同一个场景。"), .dim)
    }
    if let context = s.context, !context.isEmpty {
      out.append("\n" + Wrap.text(l.t("Situation: ", "情境：") + context, width: width))
    }
    switch (s.kind, s.task) {
    case (.questions, .write?):
      out.append("\n" + Wrap.text(l.t("Situation: ", "情境：") + s.text, width: width))
    case (.questions, .name?):
      out.append("\n" + l.t("The question:", "问题："), .bold)
      out.append("\n" + Wrap.text("“" + s.text + "”", width: width, indent: "  "))
    default:
      let speaker = s.speaker.map { $0 + l.t(" says:", "说：") } ?? l.t("The customer says:", "客户说：")
      out.append("\n" + speaker, .bold)
      out.append("\n" + Wrap.text("“" + s.text + "”", width: width, indent: "  "))
    }
    return out
  }

  /// One step's report. `advice` adds the failed checks' advice and the better line.
  public func step(_ r: DrillScorer.StepResult, record: DrillStepRecord? = nil, advice: Bool, trainer: String? = nil) -> StyledText {
    var out = StyledText(labels.step(r.step), .bold)
    out.append("  " + score(r.score), r.score == 2 ? .good : r.score == 1 ? .warn : .bad)
    if let customer = record?.customer { out.append("\n" + followUpLine(customer, indent: "  "), .dim) }
    if let record, !record.strategies.isEmpty {
      let names = record.strategies.map { Labels(book, l).strategy($0, in: nil) }
      out.append("\n" + Wrap.text(l.t("Strategies: ", "策略：") + names.joined(separator: l.t(", ", "、")), width: width, indent: "  "), .dim)
    }
    if let record {
      let text = record.text.trimmingWhitespace
      out.append("\n" + Wrap.text(text.isEmpty ? l.t("(no answer)", "（未作答）") : "“" + text + "”", width: width, indent: "  "), .dim)
    }
    for c in r.checks {
      var line = c.description
      if !c.evidence.isEmpty {
        line += " — " + c.evidence.map(Self.quoted).joined(separator: l.t(", ", "、"))
      } else if !c.passed, !(c.missing.isEmpty && c.lookedFor.isEmpty) {
        line += " — " + Self.notFound(c, l)
      }
      out.append("\n" + hang(c.passed ? "  ✓ " : "  ✗ ", line, indent: "    "), c.passed ? .good : .warn)
      if !c.passed, let note = c.note { out.append("\n" + Wrap.text(note, width: width, indent: "    ")) }
      if advice, !c.passed, let a = c.advice { out.append("\n" + Wrap.text(a, width: width, indent: "    "), .dim) }
    }
    if let m = r.moved {
      // Lowered although every check passed: say so, or the rep sees six ✓ and 1/2 with no reason.
      if m.to < m.from, !r.checks.isEmpty, r.checks.allSatisfy(\.passed) {
        out.append(
          "\n"
            + hang(
              "  ", l.t("The checks found nothing missing, but trainers graded answers like this one lower.", "各项检查都没有发现缺漏，但培训师给类似的回答打分更低。"),
              indent: "    "))
      }
      out.append("\n" + hang("  ↕ ", m.sentence(l.lang), indent: "    "), .dim)
    }
    if advice, r.score < 2, let better = r.better {
      out.append("\n" + hang("  " + l.t("Better: ", "更好的说法："), "“" + better + "”", indent: "    "), .accent)
    }
    if let record, record.override != nil || record.comment != nil {
      var line = l.t("Trainer", "培训师") + (trainer.map { " " + $0 } ?? "") + l.t(": ", "：")
      if let o = record.override { line += score(o) + l.t(" (automatic \(record.score)/2)", "（自动评分 \(record.score)/2）") }
      if let comment = record.comment { line += (record.override == nil ? "" : " — ") + comment }
      out.append("\n" + hang("  ", line, indent: "    "), .accent)
    }
    return out
  }

  /// The result: each step's score, the trainer's, comments, the total and the verdict.
  public func summary(_ t: DrillTranscript) -> StyledText {
    let totals = t.totals
    var out = StyledText(l.t("Result", "结果") + " — " + t.rep, .heading)
    var table = TextTable(columns: [
      .init(l.t("Step", "步骤")), .init(l.t("Score", "得分"), alignment: .right),
      .init(l.t("Trainer", "培训师"), alignment: .right), .init(l.t("Comment", "评语"), minWidth: 10),
    ])
    for id in t.scenario.stepIDs {
      let i = t.steps.firstIndex { $0.step == id && !$0.isFollowUp }
      let record = i.map { t.steps[$0] }
      table.add(
        [
          labels.step(id), record.map { score($0.score) } ?? "—", record?.override.map(score) ?? "",
          record?.comment ?? "",
        ], style: record == nil ? .dim : .plain)
      // The replies to the customer's follow-ups come right after the step that triggered them.
      for f in t.steps[(i.map { $0 + 1 } ?? t.steps.count)...].prefix(while: \.isFollowUp) {
        table.add(["  ↳ " + l.t("follow-up", "追问") + l.t(" (", "（") + labels.step(f.step) + l.t(")", "）"), score(f.score), f.override.map(score) ?? "", f.comment ?? ""])
      }
    }
    out += "\n" + table.render(width: width - 2).indented("  ")
    let automatic = l.t("Automatic", "自动评分")
    let trainer = l.t("With the trainer's scores", "计入培训师评分")
    let pad = DisplayWidth.of(totals.trainerPoints == nil ? automatic : trainer) + 2
    out += "\n" + verdict(automatic, totals.points, totals.maxPoints, totals.percent, totals.passed, t.passMark, pad: pad)
    if let p = totals.trainerPoints, let pct = totals.trainerPercent, let ok = totals.trainerPassed {
      out += "\n" + verdict(trainer, p, totals.maxPoints, pct, ok, t.passMark, pad: pad)
    }
    if !t.completed {
      out.append("\n" + l.t("Not finished: steps without an answer count as 0.", "未完成：未作答的步骤按 0 分计。"), .dim)
    }
    return out
  }

  func verdict(_ label: String, _ points: Int, _ maxPoints: Int, _ percent: Int, _ passed: Bool, _ mark: Int, pad: Int) -> StyledText {
    var out = StyledText("  " + DisplayWidth.padRight(label + l.t(":", "："), to: pad) + " ")
    out.append(Blocks.bar(Double(percent), of: 100, width: 10) + " ")
    out.append("\(points)/\(maxPoints) = \(percent)%", .bold)
    out.append(
      passed ? l.t("  passed (pass mark \(mark)%)", "  及格（及格线 \(mark)%）") : l.t("  not passed (pass mark \(mark)%)", "  未及格（及格线 \(mark)%）"),
      passed ? .good : .bad)
    return out
  }

  func score(_ n: Int) -> String { "\(n)/2" }

  /// Evidence in quotation marks, except counts in brackets (not the rep's words).
  static func quoted(_ e: String) -> String {
    (e.hasPrefix("(") && e.hasSuffix(")")) || (e.hasPrefix("（") && e.hasSuffix("）")) ? e : "“" + e + "”"
  }

  /// Wrapped with a first-line prefix and a hanging indent of the same width.
  func hang(_ first: String, _ text: String, indent: String) -> String {
    var lines = Wrap.lines(text, width: width - max(0, DisplayWidth.of(first) - DisplayWidth.of(indent)), indent: indent)
    guard !lines.isEmpty else { return first }
    lines[0] = first + String(lines[0].dropFirst(indent.count))
    return lines.joined(separator: "\n")
  }
}
