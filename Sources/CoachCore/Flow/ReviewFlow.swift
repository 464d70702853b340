/// A trainer's review of saved drills (`drill review FILE|--rep NAME|--pending`), step by step:
/// each step shows the rep's words and every check, then the trainer accepts the automatic
/// score, adjusts it (a score 0–2 and a comment) or rejects it (not earned: 0, and a comment
/// saying why). The verdict is kept beside the automatic score with who and when, and the
/// transcript is written back over its own file after every step.
public final class ReviewFlow: Flow, EffectCollecting {
  /// One saved drill to review, and the file it came from.
  public struct Item {
    public var path: String
    public var transcript: DrillTranscript
    public init(path: String, transcript: DrillTranscript) {
      self.path = path
      self.transcript = transcript
    }
  }

  enum Phase: Equatable { case verdict, score, comment(ReviewVerdict) }

  var items: [Item]
  /// Only the steps without a verdict yet (`--pending`).
  let pendingOnly: Bool
  let trainer: String
  let book: Playbook
  let scorer: DrillScorer
  let l: L10n
  var drill = 0
  var step = 0
  var phase = Phase.verdict
  var adjusted = 0
  var reviewedSteps = 0
  var context: FlowContext
  var effects: [FlowEffect] = []

  public init(items: [Item], pendingOnly: Bool = false, trainer: String, book: Playbook, books: [Lang: Playbook], l: L10n, now: Timestamp) {
    self.items = items.filter { !$0.transcript.steps.isEmpty && (!pendingOnly || $0.transcript.steps.contains { !$0.isReviewed }) }
    self.pendingOnly = pendingOnly
    self.trainer = trainer
    self.book = book
    scorer = DrillScorer(books: books)
    self.l = l
    context = FlowContext(plan: nil, book: book, l: l, now: now)
  }

  public var prompt: String { "  › " }
  func view() -> DrillView { DrillView(book: book, l: l, width: context.width) }
  var transcript: DrillTranscript { items[drill].transcript }
  var record: DrillStepRecord { items[drill].transcript.steps[step] }

  // MARK: showing

  public func start(_ context: FlowContext) -> [FlowEffect] {
    self.context = context
    effects = []
    guard !items.isEmpty else {
      say(StyledText(l.t("Nothing to review.", "没有需要复盘的练习。")))
      return effects + [.done]
    }
    var out = StyledText(l.t("Review", "复盘") + " — " + l.t("\(items.count) drill(s)", "\(items.count) 次练习"), .heading)
    out.append("  " + l.t("Trainer: ", "培训师：") + trainer, .dim)
    out.append(
      "\n"
        + Wrap.text(
          l.t(
            "For each step: `accept` keeps the automatic score, `adjust` gives your own score and a comment, `reject` says the score was not earned (0, with why). `skip` leaves a step as it is, `next` moves to the next drill, `done` stops; every verdict is saved at once.",
            "逐步复盘：`accept`（接受）保留自动评分，`adjust`（调整）给出你的分数和评语，`reject`（驳回）表示这一分不该得（记 0 分，并写明原因）。`skip` 保持该步不变，`next` 跳到下一次练习，`done` 结束；每个结论都会立即保存。"),
          width: context.width), .dim)
    say(out)
    showDrill()
    return effects
  }

  func showDrill() {
    let t = transcript
    var out = "\n" + view().header(t, pickedAtRandom: false)
    var facts = [l.t("Started ", "开始于 ") + t.startedAt]
    if !t.completed { facts.append(t.mode == .exam ? l.t("exam abandoned", "考核中途放弃") : l.t("unfinished", "未完成")) }
    facts.append(l.t("drill \(drill + 1) of \(items.count)", "第 \(drill + 1)/\(items.count) 次练习"))
    out.append("\n" + facts.joined(separator: " · "), .dim)
    say(out)
    step = firstStep(from: 0)
    showStep()
  }

  /// The first step to review at or after `i` (with `--pending`, the first without a verdict).
  func firstStep(from i: Int) -> Int {
    var i = i
    while pendingOnly, i < transcript.steps.count, transcript.steps[i].isReviewed { i += 1 }
    return i
  }

  func showStep() {
    let r = record
    // Scored in the drill's language; the checks described in the trainer's.
    let result = scorer.score(r, in: transcript, shownIn: l.lang)
    var out = "\n" + view().step(result, record: r, advice: false, trainer: r.reviewedBy ?? transcript.trainer)
    if result.score != r.score {
      out.append("\n  " + l.t("Recorded automatic score: \(r.score)/2 (the rubric has changed since).", "记录的自动评分：\(r.score)/2（之后评分标准有过改动）。"), .dim)
    }
    if let line = DrillReviewText.line(r, l) { out.append("\n" + Wrap.text(line, width: context.width, indent: "  "), .accent) }
    say(out)
    askVerdict()
  }

  func askVerdict() {
    phase = .verdict
    say(
      StyledText(
        l.t("accept, adjust or reject the automatic \(record.score)/2? (skip · next · done)", "接受（accept）、调整（adjust）还是驳回（reject）自动评分 \(record.score)/2？（skip · next · done）"), .bold
      ))
  }

  // MARK: input

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    collect(context) { handle(line.trimmingWhitespace) }
  }

  static func word(_ text: String) -> String? {
    switch text.lowercased() {
    case "a", "accept", "ok", "接受", "同意": return "accept"
    case "j", "adjust", "change", "调整", "改分": return "adjust"
    case "r", "reject", "驳回", "否决": return "reject"
    case "n", "next", "下一个", "下一次": return "next"
    default: return nil
    }
  }

  private func handle(_ text: String) -> Bool {
    let control = WalkEngine.control(text)
    if control == .done, phase == .verdict { return finish(early: true) }
    switch phase {
    case .verdict:
      if control == .skip { return nextStep() }
      if control == .help {
        say(view().help(transcript.scenario, index: max(0, transcript.scenario.stepIDs.firstIndex(of: record.step) ?? 0)))
        askVerdict()
        return false
      }
      switch Self.word(text) {
      case "accept"?:
        phase = .comment(.accepted)
        say(StyledText(l.t("Comment? (Enter for none; skip, next or done accept without one and move on)", "评语？（按 Enter 不写；输入 skip、next 或 done 则不写评语直接接受并继续）"), .bold))
      case "adjust"?:
        phase = .score
        say(StyledText(l.t("Your score, 0, 1 or 2?", "你的评分：0、1 还是 2？"), .bold))
      case "reject"?:
        phase = .comment(.rejected)
        say(
          StyledText(
            l.t("Why was the score not earned? (the step counts 0; skip, next or done leave the step as it was)", "为什么这一分不该得？（该步记 0 分；输入 skip、next 或 done 则保持该步不变）"), .bold))
      case "next"?:
        return nextDrill()
      default:
        warn(StyledText(l.t("Type accept, adjust or reject (or skip, next, done).", "请输入 accept、adjust 或 reject（或 skip、next、done）。"), .warn))
      }
      return false
    case .score:
      if let move = Self.navigation(text) { return leaveUnsaved(.adjusted, then: move) }
      guard let n = Int(AnswerParsing.normalise(text)), (0...2).contains(n) else {
        warn(StyledText(l.t("Type 0, 1 or 2.", "请输入 0、1 或 2。"), .warn))
        return false
      }
      pendingScore = n
      phase = .comment(.adjusted)
      say(StyledText(l.t("Comment for the rep? (skip, next or done leave the step as it was)", "给学员的评语？（输入 skip、next 或 done 则保持该步不变）"), .bold))
      return false
    case .comment(let verdict):
      // A navigation word is never kept as a comment: an accept is saved without one and
      // the review moves on; an adjust or reject needs a comment, so it is dropped, and said so.
      if let move = Self.navigation(text) {
        guard verdict == .accepted else { return leaveUnsaved(verdict, then: move) }
        record(.accepted, comment: nil)
        return go(move)
      }
      if verdict != .accepted, text.isEmpty {
        warn(
          StyledText(
            verdict == .rejected
              ? l.t("A rejection needs a reason the rep can read.", "驳回需要写明学员能看懂的原因。")
              : l.t("An adjusted score needs a comment the rep can read.", "调整评分需要写一句学员能看懂的评语。"), .warn))
        return false
      }
      record(verdict, comment: text.isEmpty ? nil : text)
      return nextStep()
    }
  }

  /// Where a review's navigation word goes: `skip` (跳过) the next step, `next` (下一个) the
  /// next drill, `done` (结束) the end. Nil for any other line.
  enum Move { case step, drill, end }

  static func navigation(_ text: String) -> Move? {
    switch WalkEngine.control(text) {
    case .skip?: return .step
    case .done?: return .end
    default: return word(text) == "next" ? .drill : nil
    }
  }

  func go(_ move: Move) -> Bool {
    switch move {
    case .step: return nextStep()
    case .drill: return nextDrill()
    case .end: return finish(early: true)
    }
  }

  /// An adjust or reject left before its comment: nothing is saved, the step stays as it was.
  func leaveUnsaved(_ verdict: ReviewVerdict, then move: Move) -> Bool {
    warn(
      StyledText(
        verdict == .rejected
          ? l.t("Not saved: a rejection needs a reason, so this step stays as it was.", "未保存：驳回需要写明原因，该步保持不变。")
          : l.t("Not saved: an adjusted score needs a comment, so this step stays as it was.", "未保存：调整评分需要评语，该步保持不变。"), .warn))
    return go(move)
  }

  var pendingScore = 0

  func record(_ verdict: ReviewVerdict, comment: String?) {
    var r = record
    r.verdict = verdict
    r.reviewedBy = trainer
    r.reviewedAt = context.now.description
    r.comment = comment
    switch verdict {
    case .accepted: r.override = nil
    case .adjusted: r.override = pendingScore == r.score ? nil : pendingScore
    case .rejected: r.override = r.score == 0 ? nil : 0
    }
    if verdict != .accepted { adjusted += 1 }
    reviewedSteps += 1
    items[drill].transcript.steps[step] = r
    effects.append(.saveTranscriptFile(path: items[drill].path, items[drill].transcript))
    effects.append(
      .confirmTranscript(
        saved: StyledText(Wrap.text(l.t("Saved: ", "已保存：") + (DrillReviewText.line(r, l) ?? ""), width: context.width), .dim),
        notSaved: nil))
  }

  func nextStep() -> Bool {
    step = firstStep(from: step + 1)
    if step < transcript.steps.count {
      showStep()
      return false
    }
    return nextDrill()
  }

  func nextDrill() -> Bool {
    say("\n" + view().summary(transcript))
    drill += 1
    step = 0
    guard drill < items.count else { return finish(early: false) }
    showDrill()
    return false
  }

  func finish(early: Bool) -> Bool {
    say(
      StyledText(
        (early ? l.t("Review stopped. ", "复盘已结束。") : l.t("Review finished. ", "复盘完成。"))
          + l.t("\(reviewedSteps) step(s) reviewed, \(adjusted) score(s) changed; every verdict is saved.", "共复盘 \(reviewedSteps) 步，修改了 \(adjusted) 个分数；所有结论均已保存。"), .dim))
    say(StyledText(l.t("The rep sees your comments with `drill show FILE`; `report` counts the scores that count.", "学员用 `drill show 文件` 可以看到你的评语；`report` 按最终计分统计。"), .dim))
    return true
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    collect(context) {
      _ = finish(early: true)
      return true
    }
  }

  public func complete(_ beforeCursor: String) -> (replacing: Int, candidates: [String]) {
    guard phase == .verdict else { return (0, []) }
    let typed = beforeCursor.trimmingWhitespace
    let words = ["accept", "adjust", "reject", "skip", "next", "done"].filter { $0.hasPrefix(typed.lowercased()) }
    return (typed.unicodeScalars.count, words)
  }
}

extension DrillStepRecord {
  /// Reviewed afterwards (a verdict) or by a trainer during the drill (`--trainer`).
  public var isReviewed: Bool { verdict != nil || reviewedAt != nil }
}

/// The line that tells a rep (and the report) what a trainer made of a step.
public enum DrillReviewText {
  public static func line(_ r: DrillStepRecord, _ l: L10n) -> String? {
    guard let verdict = r.verdict else { return nil }
    var out = l.t("Reviewed", "复盘") + (r.reviewedBy.map { l.t(" by \($0)", "：\($0)") } ?? "")
    if let at = r.reviewedAt { out += l.t(" on ", "，") + String(at.prefix(10)) }
    out += l.t(": ", "：")
    switch verdict {
    case .accepted: out += l.t("accepted \(r.score)/2", "接受 \(r.score)/2")
    case .adjusted: out += l.t("adjusted \(r.score)/2 → \(r.finalScore)/2", "调整 \(r.score)/2 → \(r.finalScore)/2")
    case .rejected: out += l.t("rejected \(r.score)/2 → 0/2", "驳回 \(r.score)/2 → 0/2")
    }
    if let c = r.comment { out += " — “" + c + "”" }
    return out
  }
}
