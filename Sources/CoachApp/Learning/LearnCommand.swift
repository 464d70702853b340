import ArgumentParser
import CoachCore
import CoachTerminal

/// `learn` (progress per lesson and what to do next) and `learn MODULE` (one lesson, paged,
/// with its check questions). Works in the session and as `coach learn MODULE`, reading the
/// answers from standard input.
struct LearnCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "learn", abstract: "Lessons on the method, with check questions.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "A lesson: its id, the start of its id, or its number in the list.", completion: .list(LearnCommand.builtInLessonIDs))
  var module: String?

  /// The built-in playbooks' lesson ids, for Tab (a test keeps this list equal to the playbook's).
  static let builtInLessonIDs = [
    "key-accounts", "account-analysis", "needs-hierarchy", "discovery-stages", "question-types", "pain-points",
    "behaviour-signals", "decision-makers", "trust", "solution-design", "objections", "negotiation", "closing",
    "account-management", "account-tiers", "team-support", "kpis", "common-mistakes",
  ]

  func run(in session: Session) throws(CommandError) {
    let book = try session.playbook()
    let (keeper, progress) = try ProgressKeeper.open(in: session)
    let today = session.clock.today
    guard let module else {
      session.say(LearningOverview.render(book, progress: progress, today: today, l: session.l, width: session.output.width))
      return
    }
    let lesson = try LearnCommand.lesson(module, in: book, session.l)
    let number = (book.lessons.firstIndex { $0.id == lesson.id } ?? 0) + 1
    let selection = QuizSelection()
    let quiz = QuizEngine(
      book: book, session: selection.checks(lesson, in: book, progress: progress, today: today), purpose: .checks,
      progress: progress, today: today, selection: selection, l: session.l, width: session.output.width)
    session.progressKeeper = keeper
    session.begin(LessonFlow(engine: LessonEngine(lesson: lesson, number: number, count: book.lessons.count, quiz: quiz)))
  }

  /// The lesson a word names (id, unique start of an id or title, or number), or a usage error.
  static func lesson(_ word: String, in book: Playbook, _ l: L10n) throws(CommandError) -> Lesson {
    switch LessonLookup.find(word, in: book.lessons) {
    case .found(let lesson):
      return lesson
    case .ambiguous(let ids):
      throw CommandError(StyledText(l.t("‘\(word)’ could be \(l.list(ids)); type more of it.", "‘\(word)’ 可能是 \(l.list(ids))；请多输入几个字符。")), exitCode: ExitStatus.usage)
    case .notFound:
      var text = l.t(
        "No lesson ‘\(word)’: give its id, the start of its id, or its number from 1 to \(book.lessons.count); `learn` lists them.",
        "没有名为 ‘\(word)’ 的课程：请写出课程 id、id 的开头，或 1 到 \(book.lessons.count) 的编号；输入 `learn` 可查看列表。")
      if let near = Suggest.nearest(to: word, in: book.lessons.map(\.id)) { text += l.t(" Did you mean ‘\(near)’?", "你是不是想输入 ‘\(near)’？") }
      throw CommandError(StyledText(text), exitCode: ExitStatus.usage)
    }
  }
}
