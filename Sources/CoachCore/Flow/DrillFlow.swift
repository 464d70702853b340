/// One drill, step by step: the rep answers each step (for Process, after choosing strategies),
/// every answer is scored by the rubric and the transcript saved at once. In train mode the
/// checks, the rep's words as evidence, advice and a better line follow each step; in exam
/// mode they come at the end. With a trainer, each step (train) or the whole drill at the end
/// (exam) is reviewed: the trainer may override the score and add a comment.
public final class DrillFlow: Flow, EffectCollecting {
  enum Phase: Equatable { case rep, strategies, answer, override(Int), comment(Int) }

  public struct Setup {
    var scenario: DrillScenario
    var rep: String?
    /// Offered when asking for the rep (`$USER`).
    var repDefault: String?
    var trainer: String?
    var mode: DrillMode
    var passMark: Int
    var seed: Int?
    var pickedAtRandom: Bool
    /// An exam whose rep is asked at the start: its scenario is picked once the name is known.
    public var examPool: DrillExamPool?

    public init(scenario: DrillScenario, rep: String?, repDefault: String?, trainer: String?, mode: DrillMode, passMark: Int, seed: Int?, pickedAtRandom: Bool) {
      self.scenario = scenario
      self.rep = rep
      self.repDefault = repDefault
      self.trainer = trainer
      self.mode = mode
      self.passMark = passMark
      self.seed = seed
      self.pickedAtRandom = pickedAtRandom
    }
  }

  let setup: Setup
  let book: Playbook
  let scorer: DrillScorer
  let l: L10n
  /// The transcript ids already in the sessions folder (a new drill takes a free one).
  let takenIDs: Set<String>
  var transcript: DrillTranscript
  var phase: Phase = .answer
  var index = 0
  var chosen: [String] = []
  var reviewing = false
  /// The customer's follow-up the rep is answering now, and the one their last answer triggered.
  var followUp: DrillFollowUp?
  var pending: DrillFollowUp?
  /// The strategies chosen for the Process line (a follow-up scored as Process keeps them).
  var processStrategies: [String] = []
  /// The session's settings and clock as of the line being taken.
  var context: FlowContext
  /// What the line being taken produces.
  var effects: [FlowEffect] = []

  public init(setup: Setup, book: Playbook, books: [Lang: Playbook], l: L10n, takenIDs: Set<String>, now: Timestamp) {
    self.setup = setup
    self.book = book
    self.scorer = DrillScorer(books: books)
    self.l = l
    self.takenIDs = takenIDs
    context = FlowContext(plan: nil, book: book, l: l, now: now)
    transcript = DrillTranscript(
      id: "", rep: setup.rep ?? "", trainer: setup.trainer, lang: l.lang, mode: setup.mode,
      passMark: setup.passMark, seed: setup.seed, scenario: setup.scenario, startedAt: now)
  }

  public var prompt: String { "  › " }
  var stepIDs: [String] { transcript.scenario.stepIDs }
  func view() -> DrillView { DrillView(book: book, l: l, width: context.width) }

  // MARK: starting

  public func start(_ context: FlowContext) -> [FlowEffect] {
    collect(context) {
      opening()
      return false
    }
  }

  func opening() {
    guard setup.rep == nil else { return begin() }
    phase = .rep
    var ask = l.t("Who is being drilled? Type the rep's name", "这次练习的学员是谁？请输入学员姓名")
    if let d = setup.repDefault { ask += l.t(" (Enter for \(d))", "（按 Enter 使用 \(d)）") }
    say(StyledText(ask + l.t(".", "。"), .bold))
  }

  func begin() {
    transcript.id = DrillFlow.freeID(
      DrillTranscript.fileStem(
        startedAt: Timestamp(iso8601: transcript.startedAt) ?? context.now,
        rep: transcript.rep, scenarioID: transcript.scenario.id), taken: takenIDs)
    var out = view().header(transcript, pickedAtRandom: setup.pickedAtRandom)
    out.append(
      "\n"
        + Wrap.text(
          transcript.mode == .train
            ? l.t("Train mode: after each step you see which checks passed, in your own words, and how to do better.", "训练模式：每一步之后会看到哪些检查通过了（引用你自己的话），以及如何改进。")
            : l.t("Exam mode: the checks and advice come at the end.", "考核模式：检查结果和建议在最后统一给出。"), width: context.width), .dim)
    out.append("\n" + l.t("(? what the step is for · skip · done)", "（? 查看该步要点 · skip 跳过 · done 结束）"), .dim)
    phase = stepIDs[0] == "process" ? .strategies : .answer
    // An exam counts as an attempt from its start: left early, it stays saved as unfinished.
    if transcript.mode == .exam { save() }
    say(out + "\n\n" + current())
  }

  /// `stem`, or `stem-2`, `stem-3`… when a transcript of that name exists already.
  public static func freeID(_ stem: String, taken: Set<String>) -> String {
    guard taken.contains(stem) else { return stem }
    var n = 2
    while taken.contains("\(stem)-\(n)") { n += 1 }
    return "\(stem)-\(n)"
  }

  func current() -> StyledText {
    if let f = followUp { return view().followUpPrompt(f.customer, scoredAs: f.scoredAs, speaker: transcript.scenario.speaker) }
    return phase == .strategies ? view().strategyChoice(transcript.scenario.category) : view().prompt(transcript.scenario, index: index)
  }

  // MARK: input

  public func accept(_ line: String, _ context: FlowContext) -> [FlowEffect] {
    collect(context) { handle(line) }
  }

  private func save() { effects.append(.saveTranscript(transcript)) }

  /// One line; true when the drill has ended.
  private func handle(_ line: String) -> Bool {
    let text = line.trimmingWhitespace
    let control = WalkEngine.control(text)
    if control == .done { return leaveEarly() }
    switch phase {
    case .rep:
      guard control == nil, let name = text.isEmpty ? setup.repDefault : text, !name.isEmpty else {
        warn(StyledText(l.t("Type the rep's name (or `done` to leave).", "请输入学员姓名（或输入 `done` 离开）。"), .warn))
        return false
      }
      transcript.rep = name
      if let pool = setup.examPool, let (picked, recency) = pool.pick(rep: name, now: context.now, l: l) {
        transcript.scenario = picked
        if let recency { say(recency) }
      }
      begin()
      return false
    case .override(let i):
      if !text.isEmpty, control != .skip {
        guard let n = Int(AnswerParsing.normalise(text)), (0...2).contains(n) else {
          warn(StyledText(l.t("Type 0, 1 or 2, or press Enter to keep \(transcript.steps[i].score).", "请输入 0、1 或 2，或按 Enter 保留 \(transcript.steps[i].score) 分。"), .warn))
          return false
        }
        transcript.steps[i].override = n == transcript.steps[i].score ? nil : n
      }
      phase = .comment(i)
      say(StyledText(l.t("Comment? (Enter for none)", "评语？（按 Enter 跳过）"), .bold))
      return false
    case .comment(let i):
      if !text.isEmpty, control != .skip { transcript.steps[i].comment = text }
      transcript.steps[i].reviewedAt = context.now.description
      save()
      return afterReview(i)
    case .strategies, .answer:
      break
    }
    switch control {
    case .help?:
      let help = followUp.map { view().followUpHelp(transcript.scenario, scoredAs: $0.scoredAs) } ?? view().help(transcript.scenario, index: index)
      say(help + "\n" + current())
      return false
    case .back?, .clear?:
      warn(StyledText(l.t("A drill only goes forward: `skip` scores this step 0, `done` leaves.", "练习只能向前：`skip` 本步记 0 分，`done` 离开。"), .warn))
      return false
    case .skip?:
      return record("")
    default:
      break
    }
    if phase == .strategies {
      if !text.isEmpty {
        let available = view().strategies(for: transcript.scenario.category)
        let options = available.map { ChoiceOption(id: $0.id, label: $0.name) }
        guard let picked = AnswerParsing.choices(text, options: options) else {
          warn(StyledText(l.t("Pick strategies by number, from 1 to \(available.count).", "请按编号选择策略，范围 1 到 \(available.count)。"), .warn))
          return false
        }
        chosen = picked.map(\.id)
      } else if transcript.mode == .train {
        say(StyledText(l.t("No strategy chosen; the “uses the strategy” check will fail.", "没有选择策略；“用上了选定的策略”这项检查将不通过。"), .dim))
      }
      phase = .answer
      say("\n" + view().prompt(transcript.scenario, index: index))
      return false
    }
    guard !text.isEmpty else {
      warn(StyledText(l.t("Write your answer (or `skip` for 0 points, `done` to leave).", "请写下你的回答（或用 `skip` 记 0 分，`done` 离开）。"), .warn))
      return false
    }
    return record(text)
  }

  /// Scores and saves one answer, then shows the step (train) or moves on (exam).
  func record(_ text: String) -> Bool {
    let id = followUp?.scoredAs ?? stepIDs[index]
    if followUp == nil, id == "process" { processStrategies = chosen }
    var rec = DrillStepRecord(step: id, text: text, strategies: id == "process" ? processStrategies : [], answeredAt: context.now.description)
    if let f = followUp {
      rec.followUp = f.id
      rec.customer = f.customer
    }
    let result = scorer.score(rec, in: transcript)
    rec.checks = result.checks.map(\.record)
    rec.score = result.score
    transcript.steps.append(rec)
    save()
    // The customer pushes back on what the rep just did (never on a skipped step, never twice).
    if followUp == nil, !text.trimmingWhitespace.isEmpty {
      pending = DrillFollowUp.first(transcript.scenario.followUps(in: book), step: id, checks: rec.checks.map { ($0.id, $0.passed) })
    }
    if transcript.mode == .train {
      say(view().step(result, advice: true))
      if transcript.trainer != nil {
        askOverride(transcript.steps.count - 1)
        return false
      }
    } else {
      say(
        StyledText(
          followUp == nil ? l.t("Noted (\(index + 1) of \(stepIDs.count)).", "已记录（第 \(index + 1)/\(stepIDs.count) 步）。") : l.t("Noted.", "已记录。"), .dim))
    }
    return advance()
  }

  func askOverride(_ i: Int) {
    phase = .override(i)
    let who = transcript.trainer.map { l.t("Trainer \($0): ", "培训师 \($0)：") } ?? ""
    say(StyledText(who + l.t("Override the score? (Enter keeps \(transcript.steps[i].score))", "要修改得分吗？（按 Enter 保留 \(transcript.steps[i].score) 分）"), .bold))
  }

  func afterReview(_ i: Int) -> Bool {
    if reviewing {
      if i + 1 < transcript.steps.count {
        showReview(i + 1)
        return false
      }
      return finish()
    }
    return advance()
  }

  func advance() -> Bool {
    if let f = pending {
      pending = nil
      followUp = f
      phase = .answer
      say("\n" + current())
      return false
    }
    followUp = nil
    index += 1
    chosen = []
    guard index < stepIDs.count else { return end() }
    phase = stepIDs[index] == "process" ? .strategies : .answer
    say("\n" + current())
    return false
  }

  /// After the last step: the trainer's review (exam mode), then the result.
  func end() -> Bool {
    if transcript.trainer != nil, transcript.mode == .exam, !reviewing, !transcript.steps.isEmpty {
      reviewing = true
      say("\n" + StyledText(l.t("Review with the trainer: each step's checks, then an override and a comment.", "与培训师一起复盘：逐步查看检查结果，然后可修改得分并写评语。"), .heading))
      showReview(0)
      return false
    }
    return finish()
  }

  func showReview(_ i: Int) {
    let r = scorer.score(transcript.steps[i], in: transcript)
    say("\n" + view().step(r, record: transcript.steps[i], advice: true))
    askOverride(i)
  }

  func finish() -> Bool {
    transcript.completed = true
    transcript.finishedAt = context.now.description
    save()
    let v = view()
    var out = StyledText()
    if transcript.mode == .exam, transcript.trainer == nil {
      for (r, rec) in zip(scorer.results(transcript), transcript.steps) { out += "\n" + v.step(r, record: rec, advice: true) + "\n" }
    }
    out += "\n" + v.summary(transcript)
    say(out)
    effects.append(.confirmTranscript(saved: StyledText(l.t("Saved: ", "已保存：") + "sessions/" + transcript.id + ".json", .dim), notSaved: nil))
    say(StyledText(l.t("`report` shows progress over drills; `drill rescore FILE` scores a saved drill again.", "用 `report` 查看多次练习的进步；用 `drill rescore 文件` 重新为保存的练习评分。"), .dim))
    return true
  }

  // MARK: leaving and saving

  func leaveEarly() -> Bool {
    left()
    return true
  }

  public func leave(_ context: FlowContext) -> [FlowEffect] {
    collect(context) {
      left()
      return true
    }
  }

  func left() {
    if transcript.mode == .exam, !transcript.id.isEmpty { return leftExam() }
    guard !transcript.steps.isEmpty else {
      say(StyledText(l.t("Left the drill; nothing was answered, so nothing was saved.", "已离开练习；没有作答，因此没有保存。"), .dim))
      return
    }
    save()
    let path = "sessions/" + transcript.id + ".json"
    effects.append(
      .confirmTranscript(
        saved: StyledText(
          l.t(
            "Left the drill; the \(transcript.steps.count) answer(s) so far are saved in \(path), marked unfinished.", "已离开练习；目前的 \(transcript.steps.count) 个回答已保存在 \(path)，标记为未完成。"
          ), .dim),
        notSaved: StyledText(l.t("Left the drill.", "已离开练习。"), .dim)))
  }

  /// An exam left early (done, Ctrl-C, end of input) is saved unfinished and counts as an
  /// attempt; the feedback held back so far is shown now, with the result.
  func leftExam() {
    save()
    let v = view()
    var out = StyledText()
    for (r, rec) in zip(scorer.results(transcript), transcript.steps) { out += "\n" + v.step(r, record: rec, advice: true) + "\n" }
    out += "\n" + v.summary(transcript)
    say(out)
    let path = "sessions/" + transcript.id + ".json"
    effects.append(
      .confirmTranscript(
        saved: StyledText(
          l.t(
            "Left the exam after \(transcript.steps.count) answer(s); it is saved in \(path), marked unfinished, and counts as an attempt.",
            "已在作答 \(transcript.steps.count) 步后离开考核；记录已保存在 \(path)，标记为未完成，计为一次考核。"), .dim),
        notSaved: StyledText(l.t("Left the exam.", "已离开考核。"), .dim)))
  }
}
