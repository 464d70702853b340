import ArgumentParser
import CoachCore
import CoachTerminal

/// `quiz` (the day's due and new items) and `quiz MODULE` (one lesson's items, the rest as
/// practice). The schedule is in `<workspace>/progress.json`; see `QuizSelection` and
/// `LeitnerSchedule` for the rules. Works in the session and as `coach quiz [MODULE]`,
/// reading the answers from standard input.
struct QuizCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "quiz", abstract: "Spaced-repetition quiz on the method.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "A lesson: its id, the start of its id, or its number in the list.", completion: .list(LearnCommand.builtInLessonIDs))
  var module: String?

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    let (keeper, progress) = try ProgressKeeper.open(in: session)
    let today = session.clock.today
    let selection = QuizSelection()
    let words = LearningWords(l, schedule: selection.schedule)
    var heading: StyledText
    let chosen: QuizSelection.Round
    if let module {
      let lesson = try LearnCommand.lesson(module, in: book, l)
      chosen = selection.module(lesson, in: book, progress: progress, today: today)
      guard !chosen.entries.isEmpty else {
        session.say(StyledText(l.t("‘\(lesson.title)’ has no quiz items.", "‘\(lesson.title)’ 没有测验题。")))
        return
      }
      heading = StyledText(l.t("Quiz · ", "测验 · ") + lesson.title, .heading)
      var parts = [l.t("\(chosen.count(.due)) due", "到期 \(chosen.count(.due)) 道"), l.t("\(chosen.count(.new)) new", "新题 \(chosen.count(.new)) 道")]
      if chosen.count(.practice) > 0 {
        parts.append(l.t("\(chosen.count(.practice)) for practice (a right answer does not move those up)", "练习 \(chosen.count(.practice)) 道（答对不会升级）"))
      }
      heading.append("\n" + l.t(words.count(chosen.entries.count, "item", "items") + ": ", "共 \(chosen.entries.count) 道：") + parts.joined(separator: l.t(", ", "，")) + l.period)
    } else {
      chosen = selection.daily(book, progress: progress, today: today)
      guard !chosen.entries.isEmpty else {
        session.say(QuizCommand.nothingDue(book, progress: progress, today: today, selection: selection, words: words))
        return
      }
      heading = StyledText(l.t("Daily quiz · \(today)", "每日测验 · \(today)"), .heading)
      heading.append(
        "\n"
          + l.t(
            "\(words.count(chosen.entries.count, "item", "items")): \(chosen.count(.due)) due for review, \(chosen.count(.new)) new.",
            "共 \(chosen.entries.count) 道：到期复习 \(chosen.count(.due)) 道，新题 \(chosen.count(.new)) 道。"))
    }
    let engine = QuizEngine(
      book: book, session: chosen, purpose: module == nil ? .daily : .module, progress: progress, today: today,
      selection: selection, l: l, width: session.output.width)
    session.progressKeeper = keeper
    session.begin(QuizFlow(engine: engine, heading: heading))
  }

  /// Why the daily quiz is empty, and when it will not be.
  static func nothingDue(_ book: Playbook, progress: LearningProgress, today: CalendarDay, selection: QuizSelection, words: LearningWords) -> StyledText {
    let l = words.l
    guard !book.quiz.isEmpty else { return StyledText(l.t("The playbooks have no quiz items.", "剧本中没有测验题。")) }
    let counts = ItemCounts(book.quiz, progress: progress, today: today, schedule: selection.schedule)
    let limitReached = selection.answeredToday(book.quiz, progress: progress, today: today).answered >= selection.dailyLimit
    var out: StyledText
    if limitReached {
      out = StyledText(l.t("You have answered today's \(selection.dailyLimit) items.", "今天的 \(selection.dailyLimit) 道题已经做完。"), .bold)
      if counts.due > 0 {
        out.append(l.t(" ", "") + l.t("\(words.count(counts.due, "due item", "due items")) will wait for tomorrow.", "还有 \(counts.due) 道到期的题目留到明天。"))
      }
    } else {
      out = StyledText(l.t("Nothing is due today.", "今天没有到期的题目。"), .bold)
    }
    if counts.due == 0, let next = selection.nextDue(book.quiz, progress: progress, after: today) {
      out.append(
        l.t(" ", "")
          + l.t(
            "The next review is on \(words.date(next.day, from: today)): \(words.count(next.count, "item", "items")).",
            "下次复习在 \(words.date(next.day, from: today))，共 \(next.count) 道题。"))
    }
    if counts.new > 0 && !limitReached {
      out.append(
        "\n"
          + l.t(
            "Today's \(selection.newPerDay) new items are done; \(words.count(counts.new, "new item is", "new items are")) still waiting for the next days.",
            "今天的 \(selection.newPerDay) 道新题已经做完；还有 \(counts.new) 道新题留待以后。"))
    }
    out.append("\n" + l.t("`quiz MODULE` practises one lesson any time; `learn` shows your progress.", "随时可以用 `quiz 模块` 练习某一课；`learn` 查看学习进度。"), .dim)
    return out
  }
}
