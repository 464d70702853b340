/// A quiz as a pure state machine: it shows one item at a time, maps a typed line to right or
/// wrong with the explanation, and updates the Leitner schedule in its copy of the progress.
/// The caller saves `progress` whenever a step reports `answered`.
///
/// At a question: the option's number or id (or an unambiguous start of its id or label)
/// answers; `?` shows the lesson's summary; `skip` moves on without an answer; `done` leaves.
public struct QuizEngine: Sendable {
  public enum Purpose: Sendable, Equatable { case daily, module, checks }

  public let book: Playbook
  public let entries: [QuizSelection.Entry]
  public let purpose: Purpose
  public let l: L10n
  public var width: Int
  public let today: CalendarDay
  public let selection: QuizSelection
  public private(set) var progress: LearningProgress
  public private(set) var index = 0
  public private(set) var right = 0
  public private(set) var wrong = 0
  public private(set) var skipped = 0
  public private(set) var finished = false
  /// Set when the user left with `done` (or Ctrl-C) before the last item.
  public private(set) var leftEarly = false

  public init(
    book: Playbook, session: QuizSelection.Round, purpose: Purpose, progress: LearningProgress, today: CalendarDay,
    selection: QuizSelection = QuizSelection(), l: L10n, width: Int
  ) {
    self.book = book
    entries = session.entries
    self.purpose = purpose
    self.progress = progress
    self.today = today
    self.selection = selection
    self.l = l
    self.width = width
    finished = entries.isEmpty
  }

  public struct Step: Sendable {
    /// Feedback, then the next item (nothing after the last one).
    public var output = StyledText()
    /// A line that was not an answer: say so on stderr.
    public var problem: StyledText?
    /// The id of the item just answered: save the progress now.
    public var answered: String?
  }

  public var current: QuizSelection.Entry? { index < entries.count ? entries[index] : nil }

  /// The options in the order they are shown (see `QuizOptionOrder`).
  public func presented(_ item: QuizItem) -> [ChoiceOption] { QuizOptionOrder.options(item, on: today) }
  public var answeredCount: Int { right + wrong }
  var words: LearningWords { LearningWords(l, schedule: selection.schedule) }

  /// The current item: where it stands, the question and the numbered options.
  public func renderCurrent() -> StyledText {
    guard let entry = current else { return StyledText() }
    let item = entry.item
    let n = entries.count
    var header = purpose == .checks ? l.t("Check \(index + 1) of \(n)", "检测题 \(index + 1)/\(n)") : l.t("Question \(index + 1) of \(n)", "第 \(index + 1)/\(n) 题")
    if purpose == .daily, let lesson = book.lesson(item.lesson) { header += " · " + lesson.title }
    header += " · " + words.standing(entry, record: progress.items[item.id])
    var out = StyledText("\n" + header, .dim)
    out.append("\n" + Wrap.text(item.question.trimmingWhitespace, width: width), .bold)
    let column = String(item.options.count).count
    for (i, option) in presented(item).enumerated() {
      let lead = "  " + DisplayWidth.padLeft("\(i + 1)", to: column) + "  "
      let lines = Wrap.lines(option.label, width: width - DisplayWidth.of(lead))
      for (j, line) in lines.enumerated() {
        out.append("\n" + (j == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + line)
      }
    }
    return out
  }

  /// How to answer, shown once at the start.
  public var instructions: String {
    l.t(
      "(answer with the number or the option's id · ? lesson summary · skip · done · Ctrl-C on an empty line leaves, answers are saved)",
      "（输入编号或选项 id 作答 · ? 课程摘要 · skip 跳过 · done 结束 · 空行时 Ctrl-C 离开，已答内容均已保存）")
  }

  /// Takes one typed line.
  public mutating func accept(_ line: String, at time: Timestamp) -> Step {
    var step = Step()
    guard let entry = current else {
      finished = true
      return step
    }
    let text = line.trimmingWhitespace
    switch WalkEngine.control(text) {
    case .help?:
      step.output = lessonSummary(entry.item.lesson) + "\n" + renderCurrent()
      return step
    case .back?:
      step.problem = StyledText(l.t("An answer cannot be taken back; `skip` moves on, `done` leaves.", "答案不能撤回；skip 跳过本题，done 结束。"), .warn)
      return step
    case .skip?:
      skipped += 1
      return advance(step)
    case .done?:
      finished = true
      leftEarly = true
      return step
    case .clear?, nil:
      break
    }
    guard let chosen = QuizOptionOrder.parse(text, entry.item, shown: presented(entry.item)) else {
      step.problem = StyledText(
        l.t(
          "Answer with a number from 1 to \(entry.item.options.count) or an option's id; ? shows the lesson summary, skip moves on, done leaves.",
          "请输入 1 到 \(entry.item.options.count) 的编号或选项 id；? 查看课程摘要，skip 跳过，done 结束。"), .warn)
      return step
    }
    let correct = chosen.id == entry.item.answer
    let change = selection.schedule.answer(progress.items[entry.item.id], correct: correct, on: today, at: time)
    progress.items[entry.item.id] = change.after
    progress.updatedAt = time.description
    if correct { right += 1 } else { wrong += 1 }
    step.answered = entry.item.id
    step.output = feedback(entry.item, correct: correct, change: change)
    return advance(step)
  }

  /// Records that the user left (Ctrl-C, end of input).
  public mutating func leave() {
    if !finished { leftEarly = current != nil }
    finished = true
  }

  private mutating func advance(_ step: Step) -> Step {
    var step = step
    index += 1
    if current == nil {
      finished = true
    } else {
      step.output += (step.output.spans.isEmpty ? StyledText() : "\n") + renderCurrent()
    }
    return step
  }

  func feedback(_ item: QuizItem, correct: Bool, change: LeitnerSchedule.Change) -> StyledText {
    var out: StyledText
    if correct {
      out = StyledText(l.t("✓ Right.", "✓ 回答正确。"), .good)
    } else {
      let n = (presented(item).firstIndex { $0.id == item.answer } ?? 0) + 1
      let label = item.options.first { $0.id == item.answer }?.label ?? item.answer
      out = StyledText(l.t("✗ Not quite. The answer is \(n): \(label).", "✗ 不对。正确答案是 \(n)：\(label)。"), .bad)
    }
    if let explanation = item.explanation?.trimmingWhitespace, !explanation.isEmpty {
      out.append("\n" + Wrap.text(explanation, width: width, indent: "  "))
    }
    out.append("\n" + Wrap.text("→ " + words.change(change, today: today), width: width, indent: "  "), .dim)
    return out
  }

  func lessonSummary(_ lessonID: String) -> StyledText {
    guard let lesson = book.lesson(lessonID) else { return StyledText() }
    var out = StyledText(lesson.title, .bold)
    if let summary = lesson.summary?.trimmingWhitespace, !summary.isEmpty {
      out.append("\n" + Wrap.text(summary, width: width, indent: "  "))
    }
    out.append("\n" + l.t("  (`learn \(lesson.id)` reads the whole lesson)", "  （`learn \(lesson.id)` 阅读整课）"), .dim)
    return out
  }

  /// The end: right out of answered, skipped items, when the next review is.
  public func summary() -> StyledText {
    let answered = answeredCount
    var out = StyledText("\n")
    if answered == 0 {
      out.append(l.t("No answers this time.", "这次没有作答。"), .bold)
    } else {
      out.append(l.t("\(right) of \(answered) right  ", "答对 \(right)/\(answered)  "), .bold)
      out.append(Blocks.bar(Double(right), of: Double(answered), width: 10))
    }
    let notAsked = entries.count - index
    if skipped > 0 || notAsked > 0 {
      var parts: [String] = []
      if skipped > 0 { parts.append(l.t("\(skipped) skipped", "跳过 \(skipped) 道")) }
      if notAsked > 0 { parts.append(l.t("\(notAsked) not asked", "未作答 \(notAsked) 道")) }
      out.append("\n" + parts.joined(separator: l.t(", ", "，")) + l.t(" — they stay in the schedule as they were.", "——这些题目的复习安排保持不变。"), .dim)
    }
    let daily = selection.daily(book, progress: progress, today: today)
    if daily.count(.due) > 0 {
      out.append("\n" + l.t("Still due today: \(words.count(daily.count(.due), "item", "items")); `quiz` serves them.", "今天还有 \(daily.count(.due)) 道题到期；输入 `quiz` 继续。"), .accent)
    } else if case let waiting = ItemCounts(book.quiz, progress: progress, today: today, schedule: selection.schedule).due, waiting > 0 {
      out.append(
        "\n"
          + l.t(
            "That is today's limit of \(selection.dailyLimit) items; \(words.count(waiting, "due item", "due items")) will wait for tomorrow.",
            "今天的 \(selection.dailyLimit) 道题已做完；还有 \(waiting) 道到期的题目留到明天。"), .accent)
    } else if let next = selection.nextDue(book.quiz, progress: progress, after: today) {
      out.append(
        "\n"
          + l.t(
            "Next review: \(words.count(next.count, "item", "items")) on \(words.date(next.day, from: today)).",
            "下次复习：\(words.date(next.day, from: today))，共 \(next.count) 道题。"), .accent)
    }
    return out
  }

  /// What Tab offers at a question: the options' ids and the control words.
  public func completions(for prefix: String) -> [String] {
    // Shuffled options' ids (a, b, c…) say nothing about what is shown, so only classify ids are offered.
    let ids = current.map { $0.item.kind == .classify ? $0.item.options.map(\.id) : [] } ?? []
    return (ids + ["skip", "done"]).filter { $0.hasPrefix(prefix) }
  }
}

extension QuizEngine {
  /// Marks a lesson read (the first time only).
  mutating func markRead(_ lessonID: String, at time: Timestamp) {
    guard progress.lessons[lessonID] == nil else { return }
    progress.lessons[lessonID] = LessonProgress(readAt: time.description)
    progress.updatedAt = time.description
  }
}

/// The order a quiz item's options are shown in. Multiple-choice options are shuffled per
/// presentation, seeded by the item's id and the day (the injected clock's today), so a rep
/// cannot learn an answer's position, yet the same day shows the same order (and tests can pin
/// it). Classify items keep the playbook's order: their options are the categories themselves
/// (levels, NPS bands, families), which read best in their natural order.
public enum QuizOptionOrder {
  public static func options(_ item: QuizItem, on day: CalendarDay) -> [ChoiceOption] {
    guard item.kind == .choice else { return item.options }
    var shuffle = SeededShuffle(day: day, label: "options|" + item.id)
    return shuffle.shuffle(item.options)
  }

  /// The option a typed line picks among `shown`. For shuffled items the playbook's ids (a, b,
  /// c…) no longer match what is on screen, so only the shown number or the start of a label
  /// answers; classify items also take their ids (`promoter`, `level-2`).
  public static func parse(_ text: String, _ item: QuizItem, shown: [ChoiceOption]) -> ChoiceOption? {
    guard item.kind == .choice else { return AnswerParsing.choice(text, options: shown) }
    let numbered = shown.enumerated().map { ChoiceOption(id: String($0.offset + 1), label: $0.element.label) }
    guard let pick = AnswerParsing.choice(text, options: numbered), let n = Int(pick.id) else { return nil }
    return shown[n - 1]
  }
}
