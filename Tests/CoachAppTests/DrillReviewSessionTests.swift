import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// A trainer's review of saved drills through the real command loop (golden transcripts in
/// both languages), what the rep then sees, assignments from a trainer's folder, and the
/// options a word does not use.
@Suite struct DrillReviewSessionTests {
  static let name = "20261123T090000Z-ann-price-budget-fixed"

  /// Ann's saved train drill (40%), in `h`'s workspace.
  func practised(_ h: SessionHarness) {
    h.run(["drill objection --scenario price-budget-fixed --rep Ann"] + DrillSessionTests.trainAnswers)
  }

  func load(_ h: SessionHarness, _ name: String = Self.name) throws -> DrillTranscript {
    try TranscriptStore.load(path: h.workspace.root + "/sessions/" + name + ".json")
  }

  @Test func aTrainerAcceptsAdjustsAndRejectsStepByStep() throws {
    let h = SessionHarness()
    practised(h)
    h.clock = FixedClock("2026-11-24T10:30:00Z")
    let r = h.run([
      "drill review " + Self.name + " --trainer Maria",
      "accept", "",
      "adjust", "3", "1", "", "Honest empathy; the “but” undoes it.",
      "reject", "", "Repeats the words without checking.",
      "skip",
      "maybe", "a", "Good: no promise you cannot keep? No — see me.",
    ])
    #expect(r.status == 0)
    Golden.check(r.transcript, "drill-review-en")
    #expect(r.err.contains("Type 0, 1 or 2.") && r.err.contains("An adjusted score needs a comment") && r.err.contains("A rejection needs a reason"))
    #expect(r.err.contains("Type accept, adjust or reject"))
    let t = try load(h)
    #expect(t.steps.map(\.score) == [2, 0, 1, 1, 0], "the automatic scores are never replaced")
    #expect(t.steps.map(\.verdict) == [.accepted, .adjusted, .rejected, nil, .accepted])
    #expect(t.steps.map(\.override) == [nil, 1, 0, nil, nil])
    #expect(t.steps[1].comment == "Honest empathy; the “but” undoes it." && t.steps[0].comment == nil)
    #expect(t.steps.filter { $0.verdict != nil }.allSatisfy { $0.reviewedBy == "Maria" && $0.reviewedAt == "2026-11-24T10:30:00Z" })
    #expect(t.steps[3].reviewedAt == nil)
    #expect(t.totals.trainerPoints == 4 && t.totals.trainerPercent == 40)
    #expect(h.workspace.mode("sessions/" + Self.name + ".json") == 0o600)

    // The rep reads it.
    h.width = 200
    let shown = h.run(["drill show " + Self.name])
    #expect(shown.status == 0)
    #expect(shown.out.contains("Reviewed by Maria on 2026-11-24: adjusted 0/2 → 1/2 — “Honest empathy; the “but” undoes it.”"))
    #expect(shown.out.contains("Reviewed by Maria on 2026-11-24: accepted 2/2"))
    #expect(shown.out.contains("1 step(s) not reviewed yet."))
    // Nothing is pending but Process now; --pending walks only drills with a step left.
    let pending = h.run(["drill review --pending --trainer Maria", "accept", ""])
    #expect(pending.out.contains("1 drill(s)") && pending.out.contains("Review finished. 1 step(s) reviewed"))
    #expect(h.run(["drill review --pending --trainer Maria"]).out.contains("No drills are waiting for review."))
  }

  @Test func theReviewInChineseWithTheSettingsName() throws {
    let h = SessionHarness(lang: .zh)
    h.user.rep = "李老师"
    h.run([
      "drill objection --scenario risk-downtime --rep 张伟 --mode exam",
      "您担心的是哪条产线？能具体说说停产一天的影响吗？", "理解。", "所以您最担心的是停产，对吗？", "1 4", "我们先做两周试点。", "我们承诺每周回顾。",
    ])
    let r = h.run(["drill review --rep 张伟", "接受", "好问题。", "调整", "2", "简短但真诚。", "done"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "drill-review-zh")
    let t = try load(h, "20261123T090000Z-张伟-risk-downtime")
    #expect(t.steps[0].verdict == .accepted && t.steps[0].comment == "好问题。" && t.steps[0].reviewedBy == "李老师")
    #expect(t.steps[1].verdict == .adjusted && t.steps[1].score == 1 && t.steps[1].override == 2)
    #expect(r.out.contains("复盘已结束。共复盘 2 步"))
  }

  @Test func reviewingAFileInAnotherWorkspaceWritesItThere() throws {
    let rep = SessionHarness()
    practised(rep)
    let trainer = SessionHarness(now: "2026-11-25T09:00:00Z")
    let path = rep.workspace.root + "/sessions/" + Self.name + ".json"
    let r = trainer.run(["drill review " + path + " --trainer Maria", "reject", "Not a real question.", "done"])
    #expect(r.status == 0 && r.err.isEmpty)
    #expect(try load(rep).steps[0].verdict == .rejected)
    #expect(trainer.workspace.list("sessions").isEmpty, "nothing is written in the trainer's own workspace")
    let across = trainer.run(["drill review --rep ann --sessions " + rep.workspace.root + " --trainer Maria", "next"])
    #expect(across.out.contains("Review finished. 0 step(s) reviewed"))
  }

  /// The tester's case: `next` typed at the comment prompt was saved as the comment "next".
  @Test func navigationWordsAtTheCommentPromptMoveAndAreNeverSaved() throws {
    let h = SessionHarness()
    practised(h)
    let r = h.run(["drill review " + Self.name + " --trainer Maria", "accept", "skip", "adjust", "1", "next"])
    #expect(r.status == 0)
    #expect(r.out.contains("Saved: Reviewed by Maria on 2026-11-23: accepted 2/2"))
    #expect(r.err.contains("Not saved: an adjusted score needs a comment, so this step stays as it was."))
    #expect(r.out.contains("Review finished. 1 step(s) reviewed"))
    var t = try load(h)
    #expect(t.steps.map(\.verdict) == [.accepted, nil, nil, nil, nil] && t.steps.allSatisfy { $0.comment == nil })
    h.lang = .zh
    let zh = h.run(["drill review --pending --trainer 李老师", "驳回", "下一个"])
    #expect(zh.err.contains("未保存：驳回需要写明原因，该步保持不变。"))
    t = try load(h)
    #expect(t.steps.allSatisfy { $0.comment == nil } && t.steps.compactMap(\.verdict) == [.accepted])
  }

  @Test func optionsAWordDoesNotUseAreErrors() {
    let h = SessionHarness()
    practised(h)
    let rescore = h.run(["drill rescore " + Self.name + " --trainer Maria"])
    #expect(rescore.status == 64 && rescore.err.contains("`drill rescore` does not use --trainer: re-scoring changes nothing"))
    #expect(h.run(["drill list --mode exam"]).err.contains("`drill list` does not use --mode."))
    #expect(h.run(["drill show " + Self.name + " --pass 50"]).status == 64)
    #expect(h.run(["drill --scenario price-budget-fixed --category price"]).err.contains("--category would be ignored"))
    #expect(h.run(["drill review --trainer M --rep Ann --category price"]).err.contains("`drill review` does not use --category."))
    #expect(h.run(["drill review"]).err.contains("Who is reviewing?"))
    #expect(h.run(["drill review --trainer M"]).err.contains("Say which drills"))
    #expect(h.run(["drill review " + Self.name + " --trainer M --pending"]).err.contains("Give a FILE or --rep / --pending, not both."))
    #expect(h.run(["drill assigned --mode exam"]).status == 64)
    #expect(h.run(["drill --from-plan --plan acme"]).err.contains("--from-plan would be ignored"))
    let zh = SessionHarness(lang: .zh).run(["drill rescore x --trainer 李老师"])
    #expect(zh.err.contains("`drill rescore` 不使用 --trainer：重新评分不会改动文件"))
  }

  @Test func drillsReviewedDuringTheDrillAreNotPendingAndTabOffersTheWords() {
    let h = SessionHarness()
    h.run(["drill questions --scenario write-open-first-meeting --rep Ann --trainer Lee", "Do you plan production in Excel?", "", ""])
    #expect(h.run(["drill review --pending --trainer Maria"]).out.contains("No drills are waiting for review."))
    #expect(CommandCompletion.complete("drill re", planIDs: { [] }, planOpen: false).candidates == ["rescore", "review"])
    #expect(CommandCompletion.complete("drill review --p", planIDs: { [] }, planOpen: false).candidates == ["--pending"])
    #expect(CommandCompletion.complete("drill objection --sc", planIDs: { [] }, planOpen: false).candidates == ["--scenario"])
    #expect(CommandCompletion.complete("drill show --", planIDs: { [] }, planOpen: false).candidates.isEmpty)
  }

  @Test func reportRefusesAMissingFolderNamingIt() {
    let h = SessionHarness()
    practised(h)
    let missing = h.workspace.root + "/no-such-ws"
    let r = h.run(["report --sessions " + h.workspace.root + " " + missing])
    #expect(r.status == 66 && r.out.isEmpty)
    #expect(r.err.contains("No such folder: " + missing) && r.err.contains("No report"))
    let zh = SessionHarness(lang: .zh)
    #expect(zh.run(["report --sessions " + missing]).err.contains("没有这个文件夹：" + missing))
  }

  @Test func assignmentsFromATrainersFolder() throws {
    let h = SessionHarness(now: "2026-11-23T09:00:00Z")
    let folder = h.workspace.root + "/team"
    for lang in ["en", "zh"] {
      h.workspace.write(
        "team/" + lang + "/assignments.yaml",
        """
        module: assignments
        language: \(lang)
        assignments:
          - id: price-exam
            kind: objection
            category: price
            mode: exam
            due: 2026-11-30
          - id: budget
            kind: objection
            scenario: price-budget-fixed
            due: 2026-11-20
            reps: [Ann]
          - id: bob-only
            kind: negotiation
            due: 2026-11-20
            reps: [Bob]
        """)
    }
    h.playbookDirectories.append(folder)
    let r = h.run(["drill assigned --rep Ann"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "drill-assigned-en")
    #expect(!r.out.contains("bob-only"))
    let drill = h.run(["drill objection --scenario price-budget-fixed --rep Ann"] + DrillSessionTests.trainAnswers)
    #expect(drill.out.contains("Assigned to you: 2 open, 1 overdue; next due 2026-11-20 (budget)."))
    h.lang = .zh
    h.width = 120
    let zh = h.run(["drill assigned --rep Ann"])
    #expect(zh.out.contains("已逾期 3 天") && zh.out.contains("还剩 7 天"))
    let report = h.run(["report --format json"])
    #expect(report.out.contains("\"state\": \"overdue\"") && report.out.contains("\"id\": \"price-exam\""))
  }
}
