import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// Plays back lines like ScriptedLineReader and writes each one into the transcript after its
/// prompt, so golden transcripts show what was typed.
final class EchoingLineReader: LineReader {
  private var lines: [String]
  private let output: RecordingOutput
  init(_ lines: [String], output: RecordingOutput) {
    self.lines = lines
    self.output = output
  }
  var isInteractive: Bool { false }
  var remaining: [String] { lines }
  func readLine(prompt: String) -> LineInput {
    guard !lines.isEmpty else { return .endOfInput }
    let line = lines.removeFirst()
    output.write(StyledText(prompt + line + "\n"))
    return .line(line)
  }
  func close() {}
}

extension SessionHarness {
  /// Runs the session loop over `lines`, echoing them into the transcript.
  func echo(_ lines: [String]) -> (status: Int32, transcript: String, err: String, session: Session) {
    let (session, output) = makeSession()
    let status = session.runLoop(reader: EchoingLineReader(lines, output: output))
    return (status, output.transcript, output.err, session)
  }

  func progress() throws -> LearningProgress { try ProgressStore(paths: workspace.paths).load() }

  func book() throws -> Playbook {
    let loaded = PlaybookLoader.load(directories: playbookDirectories, lang: lang)
    return try #require(loaded.playbook)
  }
}

@Suite struct LearningSessionTests {
  // MARK: learn

  @Test func learnAloneShowsProgressPerLessonInEnglish() {
    let h = SessionHarness()
    // Two lessons read; of key-accounts' four items two are mastered, one is learning and due today.
    h.workspace.write(
      "progress.json",
      """
      {"schemaVersion": 1,
       "lessons": {"key-accounts": {"readAt": "2026-11-01T09:00:00Z"}, "account-analysis": {"readAt": "2026-11-02T09:00:00Z"}},
       "items": {
         "ka-revenue-share": {"box": 5, "due": "2026-12-01", "introduced": "2026-11-01", "reviewed": "2026-11-15"},
         "ka-cycle-facts": {"box": 5, "due": "2026-12-03", "introduced": "2026-11-01", "reviewed": "2026-11-17"},
         "ka-not-a-trait": {"box": 2, "due": "2026-11-23", "introduced": "2026-11-01", "reviewed": "2026-11-21"},
         "aa-tier-b": {"box": 3, "due": "2026-11-26", "introduced": "2026-11-02", "reviewed": "2026-11-22"}
       }}
      """)
    let r = h.echo(["learn"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "learn-overview-en")
    #expect(r.transcript.contains("Next: 1 item is due for review — type `quiz`."))
    // A fresh workspace suggests the first lesson.
    #expect(SessionHarness().run(["learn"]).out.contains("Next: `learn key-accounts` — Why key accounts are different."))
  }

  @Test func aLessonPagesThenChecksAndCountsTheAnswersInEnglish() throws {
    let h = SessionHarness()
    let book = try h.book()
    func right(_ id: String) -> String { typed(book.quiz.first { $0.id == id }!, on: h.clock.today) }
    // Pages 1–3 with a step back, the summary, then the checks: right, skipped, right; then the overview.
    let r = h.echo(["learn key", "", "back", "nonsense", "", "", "?", "", right("ka-revenue-share"), "skip", right("ka-not-a-trait"), "learn"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "learn-lesson-en")
    let p = try h.progress()
    #expect(p.lessons["key-accounts"]?.readAt == "2026-11-23T09:00:00Z")
    #expect(p.items["ka-revenue-share"]?.box == 2)
    #expect(p.items["ka-revenue-share"]?.due == CalendarDay("2026-11-25"))
    #expect(p.items["ka-cycle-facts"] == nil)
    #expect(p.items["ka-not-a-trait"]?.box == 2)
    #expect(h.workspace.mode("progress.json") == 0o600)
  }

  @Test func aLessonInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let book = try h.book()
    func answer(_ id: String, right: Bool) -> String { typed(book.quiz.first { $0.id == id }!, on: h.clock.today, right: right) }
    let r = h.echo(["learn 1", "", "", "", "返回", "", answer("ka-revenue-share", right: false), answer("ka-cycle-facts", right: true), "？", "2", "learn"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "learn-lesson-zh")
    let p = try h.progress()
    #expect(p.items["ka-revenue-share"]?.box == 1)
    #expect(p.items["ka-cycle-facts"]?.box == 2)
    #expect(p.lessons["key-accounts"] != nil)
  }

  @Test func leavingALessonBeforeItsLastPageDoesNotMarkItRead() throws {
    let h = SessionHarness()
    let r = h.run(["learn trust", "", "done"])
    #expect(r.out.contains("Left the lesson at page 2 of"))
    #expect(try h.progress().lessons.isEmpty)
    #expect(!h.workspace.exists("progress.json"))
  }

  @Test func lessonsAreFoundByIdPrefixOrNumberAndMistakesAreUsageErrors() {
    let h = SessionHarness()
    #expect(h.run(["learn 11", "done"]).out.contains("Lesson 11 of 18 · Handling objections with LSCPA"))
    let ambiguous = h.run(["learn account"])
    #expect(ambiguous.status == 64)
    #expect(ambiguous.err.contains("‘account’ could be account-analysis, account-management and account-tiers"))
    let unknown = h.run(["learn trsut"])
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("Did you mean ‘trust’?"))
    let zh = SessionHarness(lang: .zh).run(["quiz 99"])
    #expect(zh.err.contains("没有名为 ‘99’ 的课程"))
  }

  @Test func tabCompletionOffersTheLessonIds() throws {
    let h = SessionHarness()
    for lang in Lang.allCases {
      h.lang = lang
      #expect(try h.book().lessons.map(\.id) == LearnCommand.builtInLessonIDs)
    }
    let c = CommandCompletion.complete("learn acc", planIDs: { [] }, planOpen: false)
    #expect(c.candidates == ["account-analysis", "account-management", "account-tiers"])
    #expect(CommandCompletion.complete("quiz obj", planIDs: { [] }, planOpen: false).candidates == ["objections"])
  }

  // MARK: quiz

  /// What a rep types to answer `item` on `day`: the shown number of the right option (or of
  /// a wrong one), since multiple-choice options are shuffled per day.
  func typed(_ item: QuizItem, on day: CalendarDay, right: Bool = true) -> String {
    let shown = QuizOptionOrder.options(item, on: day)
    let i = shown.firstIndex { right ? $0.id == item.answer : $0.id != item.answer }!
    return String(i + 1)
  }

  @Test func theDailyQuizInEnglish() throws {
    let h = SessionHarness()
    let r = h.echo(["quiz", "1", "2", "?", "maybe", "back", "skip", "done", "quiz", "done"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "quiz-daily-en")
    let p = try h.progress()
    #expect(p.items.count == 2)
  }

  @Test func theDailyQuizAndAModuleQuizInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.echo(["quiz", "2", "3", "跳过", "1", "1", "quiz", "完成", "quiz 11", "1", "完成", "learn"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "quiz-zh")
  }

  @Test func aModuleQuizServesPracticeAfterTheCountingItems() throws {
    let h = SessionHarness()
    let book = try h.book()
    let trust = try #require(book.lesson("trust"))
    let items = book.quiz.filter { $0.lesson == "trust" }
    // Day one: answer every item of the lesson right.
    let first = QuizSelection().module(trust, in: book, progress: LearningProgress(), today: h.clock.today)
    _ = h.run(["quiz trust"] + first.entries.map { typed($0.item, on: h.clock.today) })
    #expect(try h.progress().items.values.allSatisfy { $0.box == 2 })
    // The next day nothing of it is due: all practice, and right answers leave the boxes alone.
    h.clock = FixedClock("2026-11-24T09:00:00Z")
    let second = QuizSelection().module(trust, in: book, progress: try h.progress(), today: h.clock.today)
    #expect(second.entries.allSatisfy { $0.reason == .practice })
    let again = h.run(["quiz trust"] + second.entries.map { typed($0.item, on: h.clock.today) })
    #expect(again.out.contains("\(items.count) items: 0 due, 0 new, \(items.count) for practice"))
    #expect(again.out.contains("Practice: not due until 2026-11-25 (tomorrow), so it stays in box 2 of 5"))
    #expect(try h.progress().items.values.allSatisfy { $0.box == 2 && $0.due == CalendarDay("2026-11-25") })
  }

  /// The schedule persists in the workspace from one day's session to the next.
  @Test func theSchedulePersistsAcrossDays() throws {
    let h = SessionHarness()
    let book = try h.book()
    func answers(_ day: String, right: Bool) throws -> [String] {
      let session = QuizSelection().daily(book, progress: try h.progress(), today: CalendarDay(day)!)
      return session.entries.map { typed($0.item, on: CalendarDay(day)!, right: right) }
    }
    // Day 1: five new items, all right → box 2, due in two days.
    let day1 = try answers("2026-11-23", right: true)
    #expect(day1.count == 5)
    let r1 = h.run(["quiz"] + day1)
    #expect(r1.out.contains("5 items: 0 due for review, 5 new."))
    #expect(r1.out.contains("Next review: 5 items on 2026-11-25 (in 2 days)."))
    let afterDay1 = try h.progress()
    #expect(afterDay1.items.count == 5 && afterDay1.items.values.allSatisfy { $0.box == 2 && $0.due == CalendarDay("2026-11-25") })

    // Day 2: nothing due yet, five more new items, all wrong → box 1, due tomorrow.
    h.clock = FixedClock("2026-11-24T08:30:00Z")
    let day2 = try answers("2026-11-24", right: false)
    let r2 = h.run(["quiz"] + day2)
    #expect(r2.out.contains("5 items: 0 due for review, 5 new."))
    #expect(r2.out.contains("✗ Not quite."))
    #expect(try h.progress().items.count == 10)

    // Day 3: all ten are due (two days after day 1, one after day 2): the daily limit, no new ones.
    h.clock = FixedClock("2026-11-25T18:00:00Z")
    let day3 = try answers("2026-11-25", right: true)
    let r3 = h.run(["quiz"] + day3 + ["quiz"])
    #expect(r3.out.contains("10 items: 10 due for review, 0 new."))
    #expect(r3.out.contains("Up to box 3 of 5 · next review 2026-11-29 (in 4 days)"))
    #expect(r3.out.contains("Up to box 2 of 5 · next review 2026-11-27 (in 2 days)"))
    #expect(r3.out.contains("You have answered today's 10 items. The next review is on 2026-11-27 (in 2 days): 5 items."))
    let p = try h.progress()
    #expect(p.items.values.filter { $0.box == 3 }.count == 5)
    #expect(p.items.values.filter { $0.box == 2 && $0.due == CalendarDay("2026-11-27") }.count == 5)
    #expect(p.items.values.allSatisfy { $0.reviewed == CalendarDay("2026-11-25") })
    // Switching language keeps the schedule: it is kept by item id.
    h.lang = .zh
    let zh = h.run(["quiz"])
    #expect(zh.out.contains("今天的 10 道题已经做完。下次复习在 2026-11-27（2 天后），共 5 道题。"))
  }

  // MARK: the progress file

  @Test func aDamagedProgressFileStopsQuizWith65AndIsKept() throws {
    let h = SessionHarness()
    let damaged = "{\n  \"schemaVersion\": 1,\n  \"items\": {\"x\": \n"
    h.workspace.write("progress.json", damaged)
    let r = h.run(["quiz"])
    #expect(r.status == 65)
    #expect(r.err.contains("progress.json:4:1: the learning progress file is damaged and was not changed"))
    #expect(h.run(["learn"]).status == 65)
    #expect(h.workspace.read("progress.json") == damaged)
    // As `coach quiz`: the command alone, no loop.
    let (session, output) = h.makeSession()
    session.run(["quiz"])
    #expect(session.lastFailure == 65)
    #expect(session.activeActivity == nil)
    #expect(output.err.contains(":4:1:"))
    let zh = SessionHarness(lang: .zh, workspace: h.workspace).run(["quiz"])
    #expect(zh.err.contains("学习进度文件已损坏，未做任何改动"))
  }

  @Test func aProgressFileFromANewerVersionIsUsedButNotWritten() throws {
    let h = SessionHarness()
    let text = #"{"schemaVersion": 2, "items": {}, "lessons": {}, "future": true}"#
    h.workspace.write("progress.json", text)
    let r = h.run(["quiz", "1", "done"])
    #expect(r.err.contains("was written by a newer version of coach (schemaVersion 2)"))
    #expect(r.status == 0)
    #expect(h.workspace.read("progress.json") == text)
  }

  @Test func unknownKeysSurviveAQuiz() throws {
    let h = SessionHarness()
    h.workspace.write("progress.json", #"{"schemaVersion": 1, "team": "east", "items": {"old-item": {"box": 3, "due": "2027-01-01", "note": "kept"}}}"#)
    _ = h.run(["quiz", "1", "done"])
    let text = h.workspace.read("progress.json") ?? ""
    #expect(text.contains("\"team\": \"east\""))
    #expect(text.contains("\"note\": \"kept\""))
    #expect(try h.progress().items.count == 2)
  }

  // MARK: as subcommands

  @Test func coachQuizReadsItsAnswersFromInputThenEnds() throws {
    let h = SessionHarness()
    let (session, output) = h.makeSession()
    session.run(["quiz"])  // what `coach quiz` runs
    #expect((session.activeActivity as? FlowActivity)?.flow is QuizFlow)
    let reader = ScriptedLineReader(lines: ["1", "2"])
    session.runActivities(reader: reader)
    #expect(session.activeActivity == nil)
    #expect(output.out.contains("Left the quiz; every answer so far is saved."))
    #expect(try h.progress().items.count == 2)
    #expect(reader.closed)

    // `coach learn MODULE`: the lines after the lesson ends are not read as commands.
    let (second, _) = h.makeSession()
    second.run(["learn", "trust"])
    let rest = ScriptedLineReader(lines: ["done", "quit"])
    second.runActivities(reader: rest)
    #expect(rest.inputs == [.line("quit")])
    #expect(second.lastFailure == nil)
  }

  @Test func tabAtAQuestionOffersTheOptionsAndTheControlWords() {
    let h = SessionHarness()
    let (session, _) = h.makeSession()
    session.run(["quiz", "trust"])
    #expect(session.complete("s").candidates == ["skip"])
    #expect(session.complete("d").candidates.contains("done"))
  }
}
