import CoachTestSupport
import Testing

@testable import CoachCore

/// The trainer's report over transcripts made here, against figures worked out by hand, at a
/// pinned now (2026-11-30T00:00:00Z): recency weights, trend, readiness and its bands,
/// certification, abandoned exams, per check and scenario, quotes, assignments.
@Suite struct TeamReportTests {
  static let now = Timestamp(iso8601: "2026-11-30T00:00:00Z")!

  /// An objection drill with these step scores (and overrides), started on `day` at 09:00.
  static func drill(
    _ rep: String, _ day: String, _ scores: [Int], overrides: [Int: Int] = [:], mode: DrillMode = .train, completed: Bool = true,
    category: ObjectionCategory = .price, scenario: String = "price-budget-fixed", passMark: Int = 70, comment: [Int: String] = [:]
  ) -> DrillTranscript {
    var s = DrillScenario(kind: .objection, id: scenario, text: "Our budget is fixed.")
    s.category = category
    var t = DrillTranscript(
      id: day + "-" + rep, rep: rep, trainer: nil, lang: .en, mode: mode, passMark: passMark, seed: nil, scenario: s,
      startedAt: Timestamp(iso8601: day + "T09:00:00Z")!)
    for (i, score) in scores.enumerated() {
      var step = DrillStepRecord(step: s.stepIDs[i], text: "answer \(i) of \(rep)", answeredAt: day + "T09:01:00Z")
      step.score = score
      step.checks = [DrillCheckRecord(id: "essential-\(i)", passed: score > 0, evidence: []), DrillCheckRecord(id: "extra-\(i)", passed: score == 2, evidence: [])]
      step.override = overrides[i]
      if let c = comment[i] {
        step.comment = c
        step.verdict = .adjusted
        step.reviewedBy = "Maria"
      }
      t.steps.append(step)
    }
    t.completed = completed
    if completed { t.finishedAt = day + "T09:10:00Z" }
    return t
  }

  func near(_ a: Double?, _ b: Double, _ tolerance: Double = 0.01) -> Bool { a.map { abs($0 - b) < tolerance } ?? false }

  @Test func aDrillsWeightHalvesEveryThirtyDays() {
    #expect(near(TeamReport.weight("2026-11-30T00:00:00Z", now: Self.now), 1))
    #expect(near(TeamReport.weight("2026-10-31T00:00:00Z", now: Self.now), 0.5))
    #expect(near(TeamReport.weight("2026-10-01T00:00:00Z", now: Self.now), 0.25))
    #expect(near(TeamReport.weight("2026-11-15T00:00:00Z", now: Self.now), 0.70711, 0.0001))
    #expect(near(TeamReport.weight("2026-12-05T00:00:00Z", now: Self.now), 1), "a drill after now weighs 1")
    #expect(TeamReport.weight("not a time", now: Self.now) == 0)
  }

  @Test func recentSkillTrendAndFirstToBest() throws {
    // Ann: 30 days ago 40% (4/10), today-ish 80% (8/10) and 100%.
    let drills = [
      Self.drill("Ann", "2026-10-31", [2, 0, 1, 1, 0]),
      Self.drill("Ann", "2026-11-29", [2, 2, 1, 1, 2]),
      Self.drill("Ann", "2026-11-30", [2, 2, 2, 2, 2]),
    ]
    let r = TeamReport(drills, now: Self.now)
    let ann = try #require(r.reps.first)
    #expect(ann.attempts.map(\.percent) == [40, 80, 100])
    #expect(ann.first == CalendarDay("2026-10-31") && ann.last == CalendarDay("2026-11-30"))
    #expect(ann.firstPercent == 40 && ann.best == 100)
    // Weights ½ (minus 9h), about 0.99 and 1 (the drill at 09:00 on the 30th is after now).
    let w1 = TeamReport.weight("2026-10-31T09:00:00Z", now: Self.now)
    let w2 = TeamReport.weight("2026-11-29T09:00:00Z", now: Self.now)
    #expect(near(ann.skill, (40 * w1 + 80 * w2 + 100) / (w1 + w2 + 1)))
    // n = 3: k = 2, the last two (90) against the first (40).
    #expect(ann.trend == .improving && near(ann.trendDelta, 50))
    let confirm = try #require(ann.skillByStep.first { $0.step == "confirm" })
    #expect(near(confirm.skill, (50 * w1 + 50 * w2 + 100) / (w1 + w2 + 1)))
    #expect(ann.skillByCategory.map(\.category) == ["price"])
    #expect(TeamReport.trend([70, 72]).map(\.0) == .steady && TeamReport.trend([80, 60, 50, 40]).map(\.0) == .declining && TeamReport.trend([50]) == nil)
  }

  @Test func readinessCombinesDrillsQuizAndLessonsInBands() throws {
    let drills = [Self.drill("Ann", "2026-11-30", [2, 2, 2, 2, 0])]  // 80%
    // Quiz: items a (box 5), b (box 1), c and d never answered → (1 + 0.2) / 4 = 30%. Lessons: 1 of 2 = 50%.
    let learning = TeamReport.Learning(boxes: ["a": 5, "b": 1, "zz-gone": 5], lessonsRead: ["one"])
    let r = TeamReport(drills, now: Self.now, learning: ["ann": learning], quizItems: ["a", "b", "c", "d"], lessons: ["one", "two"])
    let rd = try #require(r.reps.first).readiness
    #expect(near(rd.drills, 80) && near(rd.quiz, 30) && near(rd.lessons, 50) && rd.hasProgress)
    // 80 × 0.6 + 30 × 0.25 + 50 × 0.15 = 48 + 7.5 + 7.5 = 63.
    #expect(rd.index == 63 && rd.band == .proficient)
    let none = try #require(TeamReport(drills, now: Self.now, quizItems: ["a"], lessons: ["one"]).reps.first).readiness
    #expect(none.index == 48 && none.band == .developing && !none.hasProgress)
    #expect(
      [0, 39, 40, 59, 60, 79, 80, 100].map(TeamReport.Readiness.band) == [.needsWork, .needsWork, .developing, .developing, .proficient, .proficient, .excellent, .excellent])
    let l = L10n(.zh)
    let view = TeamReportView(TeamReport([], now: Self.now), labels: DrillLabels(nil, l), width: 80)
    #expect(TeamReport.Readiness.Band.allCases.map(view.band) == ["需加强", "进步中", "熟练", "优秀"])
  }

  @Test func certificationNeedsAPassedExamAtSeventyOrMore() throws {
    let drills = [
      Self.drill("Ann", "2026-11-10", [2, 2, 2, 2, 2]),  // train: does not certify
      Self.drill("Ann", "2026-11-12", [2, 2, 2, 2, 2], mode: .exam, category: .time, scenario: "time-peak-season", passMark: 50),  // too low a mark
      Self.drill("Ann", "2026-11-14", [2, 2, 2, 1, 0], mode: .exam),  // 70%: passes
      Self.drill("Ann", "2026-11-20", [2, 2, 2, 2, 2], mode: .exam),  // later: the first counts
      Self.drill("Ann", "2026-11-21", [2, 2, 2, 2, 0], overrides: [4: 2], mode: .exam, category: .risk, scenario: "risk-downtime"),
    ]
    let ann = try #require(TeamReport(drills, now: Self.now).reps.first)
    #expect(ann.certifications.map(\.category) == [.risk, .price].sorted { ObjectionCategory.allCases.firstIndex(of: $0)! < ObjectionCategory.allCases.firstIndex(of: $1)! })
    let price = try #require(ann.certifications.first { $0.category == .price })
    #expect(price.day == CalendarDay("2026-11-14") && price.percent == 70)
    #expect(ann.certifications.first { $0.category == .risk }?.percent == 100, "the trainer's score counts")
  }

  /// A reply to the customer's follow-up, scored as confirm, is a second confirm answer in both
  /// views — the figures per step and the recent skill per step — as it is in the drill's total.
  @Test func aFollowUpReplyCountsInItsStepInBothViews() throws {
    var d = Self.drill("Zhang", "2026-11-30", [2, 2, 1, 2, 2])
    var reply = DrillStepRecord(step: "confirm", text: "1", answeredAt: "2026-11-30T09:02:00Z")
    reply.score = 0
    reply.followUp = "real-concern"
    d.steps.insert(reply, at: 3)
    let team = try #require(TeamReport([d], now: Self.now).reps.first)
    #expect(near(team.skillByStep.first { $0.step == "confirm" }?.skill, 25))
    let old = try #require(DrillReport([d]).reps.first)
    let row = try #require(old.steps.first { $0.scope == .step("confirm") })
    #expect(row.figures.average == 25)
  }

  @Test func anAbandonedExamCountsWithWhatItEarned() throws {
    let drills = [
      Self.drill("Bob", "2026-11-20", [2, 2, 2, 2, 2]),
      Self.drill("Bob", "2026-11-21", [2], mode: .exam, completed: false),  // 2 of 10 = 20%
      Self.drill("Bob", "2026-11-22", [2, 2], completed: false),  // practice left half-way: not counted
    ]
    let r = TeamReport(drills, now: Self.now)
    #expect(r.counted == 2 && r.abandonedExams == 1 && r.unfinished == 1)
    let bob = try #require(r.reps.first)
    #expect(bob.attempts.map(\.percent) == [100, 20] && bob.abandonedExams == 1 && bob.attempts[1].abandonedExam)
    // The steps the exam never reached count 0 in the per-step skill.
    let assure = try #require(bob.skillByStep.first { $0.step == "assure" })
    let w1 = TeamReport.weight("2026-11-20T09:00:00Z", now: Self.now)
    let w2 = TeamReport.weight("2026-11-21T09:00:00Z", now: Self.now)
    #expect(near(assure.skill, 100 * w1 / (w1 + w2)))
    // The figures per step count them 0 as well, so the two views agree.
    let row = try #require(DrillReport(drills).reps.first?.steps.first { $0.scope == .step("assure") })
    #expect(row.figures.average == 50 && row.figures.attempts == 2)
    // The old report counts it too.
    #expect(DrillReport(drills).drills == 2 && DrillReport(drills).unfinished == 1)
  }

  @Test func teamSpreadScenariosChecksAndQuotes() throws {
    let drills = [
      Self.drill("Ann", "2026-11-28", [2, 2, 2, 2, 2]),  // 100
      Self.drill("Bob", "2026-11-28", [2, 0, 1, 1, 2], comment: [1: "Drop the “but”."]),  // 60
      Self.drill("Cleo", "2026-11-28", [1, 0, 1, 1, 1], category: .time, scenario: "time-peak-season"),  // 40
    ]
    let r = TeamReport(drills, now: Self.now)
    #expect(r.reps.map(\.rep) == ["Ann", "Bob", "Cleo"])
    let avg = try #require(r.average)
    #expect(avg.reps == 3 && near(avg.mean, 200.0 / 3) && avg.min == 40 && avg.max == 100)
    #expect(near(avg.deviation, (((100 - 200.0 / 3) * (100 - 200.0 / 3) + (60 - 200.0 / 3) * (60 - 200.0 / 3) + (40 - 200.0 / 3) * (40 - 200.0 / 3)) / 3).squareRoot()))
    #expect(r.scenarios.map(\.scenario) == ["time-peak-season", "price-budget-fixed"])
    #expect(r.scenarios[1].attempts == 2 && r.scenarios[1].reps == 2 && near(r.scenarios[1].average, 80) && near(r.scenarios[1].passRate, 50))
    // Bob and Cleo both fail four checks (2 of 3) (ties: by step, then check); Cleo alone fails 1 of 3.
    let top = try #require(r.checks.first)
    #expect(top.failRate > 66 && top.failed == 2 && top.reps == 2 && top.step == "confirm" && top.check == "extra-2")
    #expect(r.checks.prefix(4).map(\.failed) == [2, 2, 2, 2] && r.checks.dropFirst(4).allSatisfy { $0.failed == 1 && $0.reps == 1 })
    #expect(r.checks.contains { $0.step == "sympathize" && $0.check == "essential-1" && $0.failed == 2 })
    #expect(!r.checks.contains { $0.check == "essential-0" }, "checks that never failed are not listed")
    // Bob's weakest: Sympathize 0 (commented), then Confirm and Process at 1.
    let bob = r.reps[1]
    #expect(bob.quotes.map(\.step) == ["sympathize", "confirm", "process"])
    #expect(bob.quotes[0].comment == "Drop the “but”." && bob.quotes[0].reviewedBy == "Maria" && bob.quotes[0].failed == ["essential-1", "extra-1"])
    #expect(r.quotes.first?.rep == "Bob", "among the 0s, the one a trainer commented on comes first")
    #expect(r.reps[0].quotes.isEmpty)
    // The spread is the standard deviation, 标准差 in Chinese, in the text and on the page.
    let zh = TeamReportView(r, labels: DrillLabels(Fixtures.playbook(.zh), L10n(.zh)), width: 100)
    let zhText = zh.text().plain
    let zhPage = TeamReportHTML(zh).teamPage()
    #expect(zhText.contains("标准差 \(Int(avg.deviation.rounded()))，共 3 名学员") && zhPage.contains(">标准差<"))
    #expect(!zhText.contains("离散") && !zhPage.contains("离散"))
  }

  @Test func assignmentsAreDoneLateOpenOrOverdue() throws {
    let due = CalendarDay("2026-11-25")!
    let price = DrillAssignment(id: "price", kind: .objection, category: "price", due: due)
    let exam = DrillAssignment(id: "exam", kind: .objection, scenario: "price-budget-fixed", mode: .exam, due: CalendarDay("2026-12-05")!, reps: ["ann"])
    let drills = [
      Self.drill("Ann", "2026-11-20", [2, 0, 1, 1, 0]),  // 40: an attempt, not met
      Self.drill("Ann", "2026-11-27", [2, 2, 2, 2, 0]),  // 80, two days late
      Self.drill("Bob", "2026-11-24", [2, 2, 2, 1, 1]),  // 80, on time
      Self.drill("Cleo", "2026-11-24", [2, 2, 2, 2, 2], category: .time, scenario: "time-peak-season"),  // another category
    ]
    let today = CalendarDay("2026-11-30")!
    let ann = price.status(of: "Ann", in: drills, today: today)
    #expect(ann.state == .late && ann.daysLate == 2 && ann.attempts == 2 && ann.best == 80 && ann.metOn == CalendarDay("2026-11-27"))
    #expect(price.status(of: "Bob", in: drills, today: today).state == .done)
    let cleo = price.status(of: "Cleo", in: drills, today: today)
    #expect(cleo.state == .overdue && cleo.daysLate == 5 && cleo.attempts == 0)
    #expect(price.status(of: "Cleo", in: drills, today: CalendarDay("2026-11-23")!).daysLeft == 2)
    #expect(exam.isFor("  ANN ") && !exam.isFor("Bob"))
    #expect(exam.status(of: "Ann", in: drills, today: today).state == .open, "train drills do not meet an exam assignment")
    let r = TeamReport(drills, now: Self.now, assignments: [price, exam, DrillAssignment(id: "new", kind: .negotiation, due: due, reps: ["Dan"])])
    #expect(r.reps.map(\.rep) == ["Ann", "Bob", "Cleo", "Dan"], "a named rep without drills is listed")
    #expect(r.reps[0].assignments.map(\.assignment.id) == ["price", "exam"] && r.reps[1].assignments.map(\.assignment.id) == ["price"])
    #expect(r.reps[3].assignments.first?.status.state == .overdue)
  }

  @Test func theViewsHoldEveryPartInBothLanguages() throws {
    let book = Fixtures.playbook(.en)
    let drills = [
      Self.drill("Ann", "2026-11-20", [2, 0, 1, 1, 0], comment: [1: "Say <why> & mean it"]),
      Self.drill("Ann", "2026-11-27", [2, 2, 2, 2, 0], mode: .exam),
    ]
    let r = TeamReport(drills, filter: .init(rep: "ann"), now: Self.now)
    // Recent skill: weights 2^(-9.625/30) and 2^(-2.625/30) → (40 × 0.8007 + 80 × 0.9411) / 1.7418 = 61.6; readiness 0.6 × 61.6 = 37.
    #expect(near(r.reps[0].skill, 61.61, 0.05))
    let en = TeamReportView(r, labels: DrillLabels(book, L10n(.en)), width: 80)
    let text = en.text().plain
    #expect(text.contains("Readiness 37 — Needs work") && text.contains("↑ improving +40") && text.contains("Price objection 2026-11-27"))
    #expect(text.contains("Trainer Maria: Say <why> & mean it"))
    for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    let html = TeamReportHTML(en).repPage(r.reps[0])
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Say &lt;why&gt; &amp; mean it") && !html.contains("<script") && html.contains("<svg"))
    let zh = TeamReportView(r, labels: DrillLabels(Fixtures.playbook(.zh), L10n(.zh)), width: 60)
    let zhText = zh.text().plain
    #expect(zhText.contains("准备度 37 — 需加强") && zhText.contains("↑ 上升 +40"))
    for line in zhText.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60, "\(line)") }
    #expect(TeamReportHTML(zh).teamPage().contains("<html lang=\"zh-CN\">"))
    let rows = en.csvRows()
    #expect(rows.contains(["readiness", "Ann", "needs-work", "", "2", "37", "drills=61.6;quiz=0;lessons=0"]))
    #expect(rows.contains(["certified", "Ann", "price", "price-budget-fixed", "", "80", "2026-11-27"]))
    let json = en.json()
    #expect(json["reps"]?.array?.first?["readiness"]?["index"]?.int == 37 && json["halfLifeDays"]?.int == 30)
  }
}

/// The review flow as a pure state machine: lines in, effects out.
@Suite struct ReviewFlowTests {
  static let book = Fixtures.playbook(.en)

  func flow(pendingOnly: Bool = false, reviewed: Bool = false) -> ReviewFlow {
    var t = TeamReportTests.drill("Ann", "2026-11-20", [2, 0, 1, 1, 0])
    if reviewed { t.steps[0].verdict = .accepted }
    return ReviewFlow(
      items: [ReviewFlow.Item(path: "/shared/ann/sessions/x.json", transcript: t)], pendingOnly: pendingOnly, trainer: "Maria", book: Self.book,
      books: [.en: Self.book], l: L10n(.en), now: TeamReportTests.now)
  }

  func context() -> FlowContext { FlowContext(plan: nil, book: Self.book, l: L10n(.en), width: 80, now: TeamReportTests.now) }

  func saved(_ effects: [FlowEffect]) -> [(String, DrillTranscript)] {
    effects.compactMap { if case .saveTranscriptFile(let path, let t) = $0 { (path, t) } else { nil } }
  }

  @Test func everyVerdictIsSavedToTheFileItCameFrom() throws {
    let f = flow()
    let c = context()
    let opening = f.start(c)
    #expect(saved(opening).isEmpty && !opening.contains { if case .done = $0 { true } else { false } })
    #expect(f.prompt == "  › " && f.complete("ad").candidates == ["adjust"])
    #expect(saved(f.accept("accept", c)).isEmpty, "the comment comes first")
    let first = try #require(saved(f.accept("", c)).first)
    #expect(first.0 == "/shared/ann/sessions/x.json" && first.1.steps[0].verdict == .accepted && first.1.steps[0].reviewedAt == "2026-11-30T00:00:00Z")
    _ = f.accept("adjust", c)
    #expect(f.accept("7", c).contains { if case .warn = $0 { true } else { false } })
    _ = f.accept("2", c)
    let second = try #require(saved(f.accept("Good enough, it was sincere.", c)).first).1
    #expect(second.steps[1].override == 2 && second.steps[1].score == 0 && second.steps[1].verdict == .adjusted)
    let end = f.accept("done", c)
    #expect(end.contains { if case .done = $0 { true } else { false } } && saved(end).isEmpty)
  }

  /// `skip`, `next` and `done` (跳过, 下一个, 结束) move the review at every prompt of a step and
  /// are never kept as a comment: after `accept` they save it without one; after `adjust` or
  /// `reject`, whose comment is required, nothing is saved and the flow says so.
  @Test(arguments: [
    ("accept", [String](), "next", ReviewVerdict?.some(.accepted)), ("accept", [], "下一个", .accepted), ("accept", [], "skip", .accepted),
    ("accept", [], "结束", .accepted), ("adjust", ["1"], "next", nil), ("adjust", ["2"], "跳过", nil), ("reject", [], "done", nil),
    ("reject", [], "下一个", nil), ("adjust", [], "skip", nil),
  ])
  func aNavigationWordAtTheCommentIsNeverSavedAsTheComment(_ verdict: String, _ score: [String], _ word: String, _ expected: ReviewVerdict?) throws {
    let f = flow()
    let c = context()
    _ = f.start(c)
    _ = f.accept(verdict, c)
    for s in score { _ = f.accept(s, c) }
    let effects = f.accept(word, c)
    let written = saved(effects).map(\.1)
    #expect(written.allSatisfy { $0.steps.allSatisfy { $0.comment == nil } }, "\(verdict) \(word)")
    #expect(written.first?.steps[0].verdict == expected, "\(verdict) \(word)")
    let warned = effects.contains { if case .warn(let t) = $0 { t.plain.hasPrefix("Not saved: ") } else { false } }
    #expect(warned == (expected == nil), "\(verdict) \(word)")
    let said = effects.compactMap { if case .say(let t) = $0 { t.plain } else { nil } }.joined(separator: "\n")
    switch WalkEngine.control(word) {
    case .done?: #expect(said.contains("Review stopped."), "\(word)")
    case .skip?: #expect(said.contains("Sympathize  0/2") && !said.contains("Review"), "\(word): the next step")
    default: #expect(said.contains("Review finished."), "\(word): the next drill (there is none)")
    }
  }

  @Test func theCommentPromptsSayWhatTheWordsDo() {
    let f = flow()
    let c = context()
    _ = f.start(c)
    let text = { (e: [FlowEffect]) in e.compactMap { if case .say(let t) = $0 { t.plain } else { nil } }.joined() }
    #expect(text(f.accept("accept", c)).contains("Enter for none; skip, next or done accept without one and move on"))
    _ = f.accept("next", c)
    let zh = ReviewFlow(
      items: [ReviewFlow.Item(path: "/x.json", transcript: TeamReportTests.drill("Ann", "2026-11-20", [2, 0, 1, 1, 0]))], trainer: "李老师",
      book: Self.book, books: [.en: Self.book], l: L10n(.zh), now: TeamReportTests.now)
    _ = zh.start(c)
    _ = zh.accept("调整", c)
    #expect(text(zh.accept("1", c)).contains("给学员的评语？（输入 skip、next 或 done 则保持该步不变）"))
  }

  @Test func pendingSkipsStepsAlreadyReviewed() {
    let f = flow(pendingOnly: true, reviewed: true)
    let c = context()
    let text = f.start(c).compactMap { if case .say(let t) = $0 { t.plain } else { nil } }.joined(separator: "\n")
    #expect(text.contains("Sympathize  0/2") && !text.contains("Listen  2/2"))
    let none = flow(pendingOnly: true, reviewed: false)
    #expect(none.items.count == 1)
  }
}
