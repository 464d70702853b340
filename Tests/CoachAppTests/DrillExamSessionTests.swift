import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Exams: an abandoned exam (done, Ctrl-C, end of input — even before the first answer) is saved
/// as an unfinished attempt; an exam picks a scenario the rep has not had in the last 30 days,
/// from their own transcripts, with a pinned seed and clock.
@Suite struct DrillExamSessionTests {
  func transcripts(_ h: SessionHarness) throws -> [DrillTranscript] {
    try h.workspace.list("sessions").filter { $0.hasSuffix(".json") }.sorted().map {
      try TranscriptStore.load(path: h.workspace.root + "/sessions/" + $0)
    }
  }

  static let leaving: [(String, [LineInput], Int)] = [
    ("done after one answer", [.line("Tell me more about the season?"), .line("done")], 1),
    ("Ctrl-C after one answer", [.line("Tell me more about the season?"), .interrupted], 1),
    ("end of input after one answer", [.line("Tell me more about the season?"), .endOfInput], 1),
    ("done before any answer", [.line("done")], 0),
    ("end of input before any answer", [.endOfInput], 0),
  ]

  @Test(arguments: leaving.indices)
  func anAbandonedExamIsSavedAsAnUnfinishedAttempt(_ i: Int) throws {
    let (label, inputs, answered) = Self.leaving[i]
    let h = SessionHarness()
    let r = h.run(inputs: [.line("drill objection --scenario time-peak-season --rep Ann --mode exam")] + inputs)
    let saved = try transcripts(h)
    #expect(saved.count == 1, "\(label)")
    let t = try #require(saved.first)
    #expect(!t.completed && t.mode == .exam && t.steps.count == answered && t.finishedAt == nil, "\(label)")
    #expect(
      r.out.contains("Left the exam after \(answered) answer(s); it is saved in sessions/20261123T090000Z-ann-time-peak-season.json, marked unfinished, and counts as an attempt."),
      "\(label)")
    // The feedback held back during the exam is shown now.
    #expect(r.out.contains("Result — Ann") && r.out.contains("Not finished"), "\(label)")
  }

  @Test func anAbandonedExamInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(inputs: [.line("drill objection --scenario time-peak-season --rep 张伟 --mode exam"), .line("旺季具体是哪几个月？"), .interrupted])
    #expect(r.out.contains("已在作答 1 步后离开考核；记录已保存在 sessions/20261123T090000Z-张伟-time-peak-season.json，标记为未完成，计为一次考核。"))
    #expect(try transcripts(h).map(\.completed) == [false])
  }

  @Test func aPracticeDrillLeftBeforeAnyAnswerIsStillNotSaved() throws {
    let h = SessionHarness()
    let r = h.run(["drill objection --scenario time-peak-season --rep Ann", "done"])
    #expect(r.out.contains("nothing was answered, so nothing was saved"))
    #expect(try transcripts(h).isEmpty)
  }

  /// Ann had three of the four price scenarios in the last 30 days (one of them as an exam she
  /// left), Bob had none: Ann's exam is the fourth, whatever the seed; Bob's follows the seed.
  @Test func anExamPicksAScenarioTheRepHasNotHadRecently() throws {
    let h = SessionHarness()
    let price = ["price-cheaper-competitor", "price-budget-fixed", "price-current-works", "price-discount-demand"]
    for (day, id) in zip(["2026-11-02", "2026-11-10", "2026-11-20"], price.prefix(3)) {
      h.clock = FixedClock(day + "T09:00:00Z")
      h.run(["drill objection --scenario \(id) --rep Ann --mode exam", "done"])
    }
    h.clock = FixedClock("2026-11-23T09:00:00Z")
    for seed in [1, 2, 3, 4, 5] {
      let r = h.run(["drill objection --category price --mode exam --rep ann --seed \(seed)", "done"])
      #expect(r.out.contains("The exam picks from the 1 of 4 scenarios ann has not had in the last 30 days."))
      #expect(r.out.contains("Objection drill — price-discount-demand"), "seed \(seed)")
      // Leave no trace of this check, so the next seed sees the same history.
      for name in h.workspace.list("sessions") where name.hasPrefix("20261123T090000Z") { unlink(h.workspace.root + "/sessions/" + name) }
    }
    let bob = h.run(["drill objection --category price --mode exam --rep Bob --seed 4", "done"])
    let book = try h.makeSession().0.playbook()
    let bySeed = DrillScenarios.pick(DrillScenarios.fromPlaybook(.objection, book: book).filter { $0.category == .price }, seed: 4)!
    #expect(bob.out.contains("Objection drill — " + bySeed.id))
    #expect(!bob.out.contains("has not had"))
  }

  /// A trainer at the screen (`--trainer`, no `--rep`): the rep is asked first and the exam is
  /// picked for that rep, so it is still a scenario they have not had recently, whatever the seed.
  @Test func anExamStartedByATrainerAsksForTheRepBeforeItPicks() throws {
    let h = SessionHarness()
    let price = ["price-cheaper-competitor", "price-budget-fixed", "price-current-works", "price-discount-demand"]
    for (day, id) in zip(["2026-11-02", "2026-11-10", "2026-11-20"], price.prefix(3)) {
      h.clock = FixedClock(day + "T09:00:00Z")
      h.run(["drill objection --scenario \(id) --rep Ann --mode exam", "done"])
    }
    h.clock = FixedClock("2026-11-23T09:00:00Z")
    for seed in [1, 2, 3, 4, 5] {
      let r = h.run(["drill objection --category price --mode exam --trainer Lee --seed \(seed)", "Ann", "done"])
      let asked = try #require(r.out.firstRange(of: "Who is being drilled?"))
      let note = try #require(r.out.firstRange(of: "The exam picks from the 1 of 4 scenarios Ann has not had in the last 30 days."), "seed \(seed)")
      #expect(asked.upperBound <= note.lowerBound, "the pick follows the name")
      #expect(r.out.contains("Objection drill — price-discount-demand") && r.out.contains("Trainer: Lee"), "seed \(seed)")
      #expect(r.out.contains("`--seed \(seed)` picks the same scenario again"))
      for name in h.workspace.list("sessions") where name.hasPrefix("20261123T090000Z") { unlink(h.workspace.root + "/sessions/" + name) }
    }
    h.lang = .zh
    let zh = h.run(["drill objection --category price --mode exam --trainer 李老师 --seed 3", "Ann", "done"])
    #expect(zh.out.contains("考核从 Ann 最近 30 天内没有练过的 1 个场景（共 4 个）中抽取。") && zh.out.contains("price-discount-demand"))
    let saved = try transcripts(h).filter { $0.startedAt.hasPrefix("2026-11-23") }
    #expect(saved.map(\.scenario.id) == ["price-discount-demand"] && saved.map(\.rep) == ["Ann"] && saved.map(\.seed) == [3])
  }

  @Test func whenEveryScenarioWasHadRecentlyTheOldestIsPicked() throws {
    let h = SessionHarness(lang: .zh)
    let price = ["price-cheaper-competitor", "price-budget-fixed", "price-current-works", "price-discount-demand"]
    for (day, id) in zip(["2026-11-20", "2026-11-05", "2026-11-21", "2026-11-22"], price) {
      h.clock = FixedClock(day + "T09:00:00Z")
      h.run(["drill objection --scenario \(id) --rep Ann --mode exam", "done"])
    }
    h.clock = FixedClock("2026-11-23T09:00:00Z")
    let r = h.run(["drill objection --category price --mode exam --rep Ann --seed 7", "done"])
    #expect(r.out.contains("Ann 在最近 30 天内已经练过全部 4 个场景；考核从最早练过的场景（2026-11-05）中抽取。"))
    #expect(r.out.contains("price-budget-fixed"))
  }

  /// Pure: the window, the rep's own transcripts only, and the tie among the oldest.
  @Test func recencyIsDecidedByTheTranscriptsAndTheClockAlone() throws {
    let book = try SessionHarness().makeSession().0.playbook()
    let list = DrillScenarios.fromPlaybook(.objection, book: book).filter { $0.category == .risk }
    func t(_ rep: String, _ id: String, _ at: String) -> DrillTranscript {
      DrillTranscript(
        id: "x", rep: rep, trainer: nil, lang: .en, mode: .train, passMark: 70, seed: nil,
        scenario: list.first { $0.id == id }!, startedAt: Timestamp(iso8601: at)!)
    }
    let saved = [t("Ann", "risk-downtime", "2026-11-22T09:00:00Z"), t(" ann ", "risk-new-vendor", "2026-10-01T09:00:00Z"), t("Bob", "risk-personal", "2026-11-22T09:00:00Z")]
    let seen = DrillRecency.lastSeen(saved, rep: "ANN", kind: .objection)
    #expect(seen.keys.sorted() == ["risk-downtime", "risk-new-vendor"])
    let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!
    let choice = DrillRecency.notRecent(list, lastSeen: seen, now: now)
    // Had 53 days ago: no longer recent.
    #expect(choice.candidates.map(\.id) == ["risk-past-failure", "risk-new-vendor", "risk-personal"])
    #expect(choice.recent == 1 && !choice.allRecent)
  }
}
