/// One lesson as a pure state machine: its pages one at a time, wrapped to the width, then its
/// check questions (a `QuizEngine` over the items the lesson's `check` lists). A lesson counts
/// as read when its last page has been shown.
///
/// On a page: Enter (or `next`) shows the next page, `back` the previous one, `?` the lesson's
/// summary, `done` leaves. At a check question the quiz's words apply, and `back` returns to
/// the last page (Enter then resumes the questions).
public struct LessonEngine: Sendable {
  public let lesson: Lesson
  /// The lesson's place in the list (1-based) and the number of lessons.
  public let number: Int
  public let count: Int
  public private(set) var page = 0
  public private(set) var inChecks = false
  public private(set) var quiz: QuizEngine
  public private(set) var finished = false
  public private(set) var leftEarly = false
  /// The lesson was marked read in this visit.
  public private(set) var newlyRead = false

  public init(lesson: Lesson, number: Int, count: Int, quiz: QuizEngine) {
    self.lesson = lesson
    self.number = number
    self.count = count
    self.quiz = quiz
  }

  public struct Step: Sendable {
    public var output = StyledText()
    public var problem: StyledText?
    /// A quiz item answered: save the progress.
    public var answered: String?
    /// The lesson became read: save the progress.
    public var read = false
  }

  var l: L10n { quiz.l }
  var width: Int { quiz.width }
  public var progress: LearningProgress { quiz.progress }
  var lastPage: Int { max(0, lesson.pages.count - 1) }

  /// The lesson's title, summary and how to move, then the first page.
  public mutating func start(at time: Timestamp) -> Step {
    var out = StyledText(l.t("Lesson \(number) of \(count) · ", "第 \(number)/\(count) 课 · ") + lesson.title, .heading)
    if let summary = lesson.summary?.trimmingWhitespace, !summary.isEmpty {
      out.append("\n" + Wrap.text(summary, width: width), .dim)
    }
    out.append("\n" + l.t("(Enter next page · back · ? summary · done · Ctrl-C on an empty line leaves)", "（回车 下一页 · back 上一页 · ? 摘要 · done 结束 · 空行时 Ctrl-C 离开）"), .dim)
    var step = Step()
    step.output = out + "\n" + showPage(at: time, &step)
    return step
  }

  /// The current page: its title with "page 2 of 3", the text, and what Enter does next.
  mutating func showPage(at time: Timestamp, _ step: inout Step) -> StyledText {
    var out = StyledText()
    let total = max(1, lesson.pages.count)
    if lesson.pages.isEmpty {
      out.append("\n" + l.t("This lesson has no pages.", "这一课没有内容页。"), .dim)
    } else {
      let p = lesson.pages[page]
      out.append("\n")
      if let title = p.title, !title.isEmpty {
        out.append(title, .bold)
        out.append("  ")
      }
      out.append(l.t("page \(page + 1) of \(total)", "第 \(page + 1)/\(total) 页"), .dim)
      for line in LessonText.wrapped(p.text, width: width) { out.append("\n" + line) }
    }
    if page >= lastPage, progress.lessons[lesson.id] == nil {
      quiz.markRead(lesson.id, at: time)
      newlyRead = true
      step.read = true
    }
    return out + "\n" + footer
  }

  /// What Enter does on this page.
  var footer: StyledText {
    let text: String
    if page < lastPage {
      text = l.t("Enter: next page · back · done", "回车：下一页 · back 上一页 · done 结束")
    } else if quiz.entries.isEmpty {
      text = l.t("Enter: finish the lesson · back · done", "回车：结束本课 · back 上一页 · done 结束")
    } else if inChecksStarted {
      text = l.t("Enter: back to the questions · back · done", "回车：回到检测题 · back 上一页 · done 结束")
    } else {
      text = l.t("Enter: the check questions · back · done", "回车：检测题 · back 上一页 · done 结束")
    }
    return StyledText(text, .dim)
  }

  /// Whether the check questions were started before (a `back` from them).
  var inChecksStarted: Bool { quiz.index > 0 || quiz.answeredCount > 0 || quiz.skipped > 0 }

  public mutating func accept(_ line: String, at time: Timestamp) -> Step {
    var step = Step()
    if inChecks {
      if WalkEngine.control(line) == .back {
        inChecks = false
        page = lastPage
        step.output = showPage(at: time, &step)
        return step
      }
      let q = quiz.accept(line, at: time)
      step.output = q.output
      step.problem = q.problem
      step.answered = q.answered
      if quiz.finished {
        finished = true
        leftEarly = quiz.leftEarly
      }
      return step
    }
    let text = line.trimmingWhitespace
    switch WalkEngine.control(text) {
    case .help?:
      var out = StyledText(lesson.title, .bold)
      if let summary = lesson.summary?.trimmingWhitespace { out.append("\n" + Wrap.text(summary, width: width, indent: "  ")) }
      step.output = out + "\n" + footer
    case .back?:
      if page > 0 {
        page -= 1
        step.output = showPage(at: time, &step)
      } else {
        step.problem = StyledText(l.t("This is the first page.", "这已经是第一页。"), .dim)
      }
    case .done?:
      finished = true
      leftEarly = true
    case .skip?:
      step = nextPage(at: time)
    case .clear?, nil:
      let lowered = text.lowercased()
      if text.isEmpty || ["next", "n", "下一页"].contains(lowered) {
        step = nextPage(at: time)
      } else {
        step.problem = StyledText(l.t("Press Enter for the next page; `back` goes back, `done` leaves the lesson.", "按回车进入下一页；back 返回上一页，done 结束本课。"), .warn)
      }
    }
    return step
  }

  private mutating func nextPage(at time: Timestamp) -> Step {
    var step = Step()
    if page < lastPage {
      page += 1
      step.output = showPage(at: time, &step)
      return step
    }
    if quiz.finished {
      finished = true
      return step
    }
    let resuming = inChecksStarted
    inChecks = true
    var out = StyledText()
    if !resuming {
      out.append("\n")
      out.append(
        l.t(
          "Check your understanding: \(quiz.words.count(quiz.entries.count, "question", "questions")). The answers count toward your review schedule.",
          "检验一下：共 \(quiz.entries.count) 道题，作答结果计入你的复习安排。"), .heading)
      out.append("\n" + quiz.instructions, .dim)
    }
    step.output = out + (resuming ? StyledText() : "\n") + quiz.renderCurrent()
    return step
  }

  /// Ctrl-C or the end of input.
  public mutating func leave() {
    if !finished { leftEarly = true }
    quiz.leave()
    finished = true
  }

  /// The end of the lesson: how the check went, and what to do next.
  public func summary() -> StyledText {
    var out = StyledText("\n")
    let pages = max(1, lesson.pages.count)
    if leftEarly && (inChecks || inChecksStarted) {
      out.append(
        l.t(
          "Left the check questions: \(quiz.right) of \(quiz.answeredCount) right so far; every answer is saved.",
          "已离开检测题：目前答对 \(quiz.right)/\(quiz.answeredCount)，所有作答均已保存。"), .dim)
    } else if leftEarly {
      out.append(
        l.t(
          "Left the lesson at page \(page + 1) of \(pages); `learn \(lesson.id)` starts it again.",
          "已在第 \(page + 1)/\(pages) 页离开本课；输入 `learn \(lesson.id)` 可重新开始。"), .dim)
    } else if !quiz.entries.isEmpty {
      out.append(
        l.t("Lesson done: \(quiz.right) of \(quiz.words.count(quiz.entries.count, "check question", "check questions")) right.", "本课完成：检测题答对 \(quiz.right)/\(quiz.entries.count)。"),
        .bold)
    } else {
      out.append(l.t("Lesson done.", "本课完成。"), .bold)
    }
    out.append("\n" + LearningOverview.advice(quiz.book, progress: progress, today: quiz.today, selection: quiz.selection, l: l), .accent)
    return out
  }
}
