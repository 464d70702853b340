import Testing

@testable import CoachCore

/// Lessons and quizzes as flows: lines in, effects out. Every page read and every answer asks
/// the session to save the progress; the flows themselves write nothing.
@Suite struct LearningFlowTests {
  static let l = L10n(.en)
  static let today = CalendarDay(daysSinceEpoch: 20_775)
  static var context: FlowContext { FlowContext(plan: nil, book: nil, l: l, width: 80, today: today, now: Timestamp(secondsSinceEpoch: 1_795_000_000), currency: nil) }

  static func book() -> Playbook {
    var book = Playbook(lang: .en)
    let items = (0..<2).map { i in
      QuizItem(
        id: "trust-q\(i)", lesson: "trust", kind: .choice, question: "Q\(i)?",
        options: [ChoiceOption(id: "a", label: "A"), ChoiceOption(id: "b", label: "B")], answer: "a", explanation: "Because.")
    }
    var lesson = Lesson(id: "trust", title: "Trust", summary: "About trust.", pages: [], check: items.map(\.id))
    lesson.pages = [Lesson.Page(id: "p1", title: "One", text: "Trust is earned.")]
    book.lessons = [lesson]
    book.quiz = items
    return book
  }

  static func saves(_ effects: [FlowEffect]) -> [(item: String?, lesson: String?)] {
    effects.compactMap { if case .saveProgress(_, let item, let lesson) = $0 { (item, lesson) } else { nil } }
  }

  static func ends(_ effects: [FlowEffect]) -> Bool { effects.contains { if case .done = $0 { true } else { false } } }

  @Test func aQuizAsksTheSessionToSaveEachAnswerAndEndsWithItsSummary() {
    let book = Self.book()
    let round = QuizSelection().module(book.lessons[0], in: book, progress: LearningProgress(), today: Self.today)
    let flow = QuizFlow(
      engine: QuizEngine(book: book, session: round, purpose: .module, progress: LearningProgress(), today: Self.today, l: Self.l, width: 80),
      heading: StyledText("Quiz · Trust"))
    let opening = flow.start(Self.context)
    #expect(Self.saves(opening).isEmpty)
    let first = flow.accept("1", Self.context)
    #expect(Self.saves(first).map(\.item) == [round.entries[0].item.id])
    #expect(!Self.ends(first))
    let second = flow.accept("2", Self.context)
    #expect(Self.saves(second).map(\.item) == [round.entries[1].item.id])
    #expect(Self.ends(second))
    // The progress handed over carries both answers.
    if case .saveProgress(let progress, _, _)? = second.first(where: { if case .saveProgress = $0 { true } else { false } }) {
      #expect(progress.items.count == 2)
    } else {
      Issue.record("no progress to save after the second answer")
    }
  }

  @Test func aQuizLeftEarlySaysSoAndSavesNothingMore() {
    let book = Self.book()
    let round = QuizSelection().module(book.lessons[0], in: book, progress: LearningProgress(), today: Self.today)
    let flow = QuizFlow(
      engine: QuizEngine(book: book, session: round, purpose: .module, progress: LearningProgress(), today: Self.today, l: Self.l, width: 80),
      heading: StyledText("Quiz"))
    _ = flow.start(Self.context)
    let left = flow.leave(Self.context)
    #expect(Self.saves(left).isEmpty)
    #expect(left.contains { if case .say(let t) = $0 { t.plain.contains("Left the quiz") } else { false } })
  }

  @Test func aLessonSavesWhenItIsReadThenEachCheckAnswer() {
    let book = Self.book()
    let lesson = book.lessons[0]
    let checks = QuizSelection().checks(lesson, in: book, progress: LearningProgress(), today: Self.today)
    let quiz = QuizEngine(book: book, session: checks, purpose: .checks, progress: LearningProgress(), today: Self.today, l: Self.l, width: 80)
    let flow = LessonFlow(engine: LessonEngine(lesson: lesson, number: 1, count: 1, quiz: quiz))
    var all = flow.start(Self.context)
    var lines = 0
    while !Self.ends(all) && lines < 10 {
      all += flow.accept(flow.engine.inChecks ? "1" : "", Self.context)
      lines += 1
    }
    let saves = Self.saves(all)
    #expect(saves.contains { $0.lesson == "trust" }, "reading the lesson is saved")
    #expect(Set(saves.compactMap(\.item)) == Set(checks.entries.map(\.item.id)), "each check answer is saved")
    #expect(Self.ends(all))
  }

  @Test func tabOffersTheWordsOfTheMomentOnly() {
    let book = Self.book()
    let checks = QuizSelection().checks(book.lessons[0], in: book, progress: LearningProgress(), today: Self.today)
    let quiz = QuizEngine(book: book, session: checks, purpose: .checks, progress: LearningProgress(), today: Self.today, l: Self.l, width: 80)
    let flow = LessonFlow(engine: LessonEngine(lesson: book.lessons[0], number: 1, count: 1, quiz: quiz))
    _ = flow.start(Self.context)
    #expect(flow.complete("ba").candidates == ["back"])
    #expect(flow.complete("").candidates.isEmpty)
  }
}
