import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// Scripted drills through the real command loop, in English and Chinese, with golden
/// transcripts; the transcript files they save; trainer overrides; re-scoring; the report.
@Suite struct DrillSessionTests {
  static let stem = "20261123T090000Z"

  /// An English objection drill: one step of each score, evidence in the rep's words.
  static let trainAnswers = [
    "Thanks for being direct. Could you walk me through how the budget was set?",
    "I understand, but every customer says that.",
    "So the budget is fixed?",
    "1 4",
    "Over 5 years the total cost of ownership is lower, and we can split it into quarterly payments.",
    "Trust me, nothing will go wrong.",
  ]

  func transcript(_ h: SessionHarness, _ name: String) throws -> DrillTranscript {
    try TranscriptStore.load(path: h.workspace.root + "/sessions/" + name + ".json")
  }

  @Test func objectionDrillInTrainModeInEnglish() throws {
    let h = SessionHarness()
    let r = h.run(["drill objection --scenario price-budget-fixed --rep Ann"] + Self.trainAnswers)
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    Golden.check(r.transcript, "drill-train-en")
    let name = Self.stem + "-ann-price-budget-fixed"
    #expect(h.workspace.mode("sessions") == 0o700)
    #expect(h.workspace.mode("sessions/" + name + ".json") == 0o600)
    let t = try transcript(h, name)
    #expect(t.completed && t.rep == "Ann" && t.mode == .train && t.passMark == 70 && t.lang == .en)
    // Sympathize has a "but": a harm check, so the step scores 0 (it scored 1 when half the checks sufficed).
    #expect(t.steps.map(\.score) == [2, 0, 1, 1, 0])
    #expect(t.steps[3].strategies == ["value-comparison", "instalments"])
    #expect(t.steps[1].checks.first { $0.id == "no-but" } == DrillCheckRecord(id: "no-but", passed: false, evidence: ["but"]))
    #expect(t.totals.percent == 40 && !t.totals.passed)
    #expect(t.recordedPercent == 40)
  }

  @Test func examWithATrainerWhoOverridesAStepInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run([
      "drill objection --scenario risk-downtime --rep 张伟 --trainer 李老师 --mode exam --pass 60",
      "您担心的是哪条产线？能具体说说停产一天的影响吗？",
      "理解。",
      "所以您最担心的是切换期间产线停下来，一天的损失就很大，对吗？除了停产，还有其他顾虑吗？",
      "1 4",
      "我们先在一条产线上做两周试点，旧系统随时可以切回去。",
      "我们承诺在合同里写明每周回顾，有问题两小时内响应。",
      // The review: Enter keeps, a number overrides; then the comment.
      "", "",
      "2", "同理说得短，但真诚，我给满分。",
      "", "",
      "", "试点的想法很好",
      "", "",
    ])
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    Golden.check(r.transcript, "drill-exam-trainer-zh")
    let t = try transcript(h, Self.stem + "-张伟-risk-downtime")
    #expect(t.trainer == "李老师" && t.mode == .exam && t.completed)
    #expect(t.steps[1].score == 1 && t.steps[1].override == 2, "both the automatic and the trainer's score are kept")
    #expect(t.steps[1].comment == "同理说得短，但真诚，我给满分。")
    #expect(t.steps[3].override == nil && t.steps[3].comment == "试点的想法很好")
    #expect(t.steps.allSatisfy { $0.reviewedAt != nil })
    let totals = t.totals
    #expect(totals.overrides == 1 && totals.trainerPoints == totals.points + 1)
  }

  @Test func trainerReviewsEachStepInTrainMode() throws {
    let h = SessionHarness()
    let r = h.run([
      "drill questions --scenario write-open-first-meeting --rep Ann --trainer Lee",
      "Do you plan production in Excel?",
      "abc", "1", "Closed, but a fair start.",
    ])
    #expect(r.status == 0)
    Golden.check(r.transcript, "drill-questions-trainer-en")
    #expect(r.err.contains("Type 0, 1 or 2, or press Enter to keep"))
    let t = try transcript(h, Self.stem + "-ann-write-open-first-meeting")
    #expect(t.steps[0].checks.map(\.id) == ["is-question", "single", "has-content", "not-leading", "reads-as-type"])
    #expect(t.steps[0].checks.last?.passed == false)
    #expect(t.steps[0].override == nil || t.steps[0].override == 1)
    #expect(t.steps[0].comment == "Closed, but a fair start.")
  }

  @Test func namingAQuestionAndAGiveAndGetInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run([
      "drill questions --scenario name-stockout-impact --rep 王芳",
      "2",
      "drill negotiation --scenario free-training --rep 王芳",
      "没问题，培训免费送给您。",
    ])
    #expect(r.status == 0)
    Golden.check(r.transcript, "drill-questions-negotiation-zh")
    #expect(try transcript(h, Self.stem + "-王芳-name-stockout-impact").steps[0].score == 2)
    #expect(try transcript(h, Self.stem + "-王芳-free-training").steps[0].score == 0)
    #expect(h.workspace.list("sessions") == [Self.stem + "-王芳-free-training.json", Self.stem + "-王芳-name-stockout-impact.json"])
  }

  @Test func theSameScriptGivesTheSameTranscriptEveryTime() throws {
    let script = ["drill objection --scenario price-budget-fixed --rep Ann"] + Self.trainAnswers
    let first = SessionHarness()
    let second = SessionHarness()
    let a = first.run(script)
    let b = second.run(script)
    #expect(a.transcript == b.transcript)
    let name = "sessions/" + Self.stem + "-ann-price-budget-fixed.json"
    #expect(first.workspace.read(name) != nil && first.workspace.read(name) == second.workspace.read(name))
    // A second drill in the same second gets its own file.
    first.run(script)
    #expect(first.workspace.exists("sessions/" + Self.stem + "-ann-price-budget-fixed-2.json"))
  }

  @Test func aRandomPickIsRepeatedByItsSeed() throws {
    let h = SessionHarness()
    let one = h.run(["drill objection --category risk --seed 12345 --rep Ann", "done"])
    let two = h.run(["drill objection --category risk --seed 12345 --rep Ann", "done"])
    #expect(one.out.contains("seed 12345; `--seed 12345` picks the same scenario again"))
    #expect(one.out == two.out)
    let picked = DrillScenarios.pick(DrillScenarios.fromPlaybook(.objection, book: try h.makeSession().0.playbook()).filter { $0.category == .risk }, seed: 12345)!
    #expect(one.out.contains("Objection drill — " + picked.id))
    #expect(one.out.contains("nothing was answered, so nothing was saved"))
  }

  @Test func leavingEarlySavesAnUnfinishedTranscript() throws {
    let h = SessionHarness()
    let r = h.run(["drill objection --scenario time-peak-season --rep Ann --mode exam", "Tell me more about the season?", "skip"])
    #expect(r.out.contains("marked unfinished"))
    let t = try transcript(h, Self.stem + "-ann-time-peak-season")
    #expect(!t.completed && t.steps.count == 2 && t.steps[1].text.isEmpty && t.steps[1].score == 0)
    #expect(t.totals.maxPoints == 10, "unanswered steps count as 0")
    // An exam walked away from still counts, with what it earned: a bad exam cannot be dropped.
    let report = h.run(["report"])
    #expect(report.out.contains("1 abandoned exam(s) counted with what they earned."))
    #expect(report.out.contains("1 drill(s) counted") && !report.out.contains("not counted"))
    #expect(report.out.contains("Drills           1, 2026-11-23 to 2026-11-23 (1 abandoned exam(s))"))
    let practice = SessionHarness()
    practice.run(["drill objection --scenario time-peak-season --rep Ann", "Tell me more about the season?", "done"])
    #expect(practice.run(["report"]).out.contains("1 unfinished drill(s) not counted."))
  }

  @Test func theRepIsAskedForWhenATrainerRunsTheDrill() throws {
    let h = SessionHarness()
    let r = h.run(["drill negotiation --scenario free-training --trainer Lee", "Ann Lee", "If you sign a three-year term, we include the training.", "", ""])
    #expect(r.out.contains("Who is being drilled?"))
    let t = try transcript(h, Self.stem + "-ann-lee-free-training")
    #expect(t.rep == "Ann Lee" && t.trainer == "Lee" && t.completed)
  }

  @Test func rescoreSaysWhenATrainersRubricChangedTheScore() throws {
    let h = SessionHarness()
    h.run(["drill objection --scenario price-budget-fixed --rep Ann"] + Self.trainAnswers)
    let name = Self.stem + "-ann-price-budget-fixed"
    let same = h.run(["drill rescore " + name])
    #expect(same.status == 0)
    #expect(same.out.contains("Same score as recorded: 40%."))
    // A trainer's folder adds "budget" to the offers a Listen line must not jump to.
    let tuned = TempWorkspace("coach-trainer")
    tuned.write(
      "en/rubric.yaml",
      """
      module: rubric
      language: en
      steps:
        - id: listen
          checks:
            - id: not-rushing
              none:
                - id: offer
                  phrases: [budget]
      """)
    h.playbookDirectories.append(tuned.root)
    let changed = h.run(["drill rescore sessions/" + name + ".json"])
    #expect(changed.status == 0)
    #expect(changed.out.contains("The score differs from the one recorded: 40% then, 20% now"))
    #expect(changed.out.contains("Listen 2/2 → 0/2"))
    #expect(changed.out.contains("Does not rush to answer, defend or pitch — “budget”"))
    #expect(try transcript(h, name).steps[0].score == 2, "re-scoring does not change the file")
    let missing = h.run(["drill rescore nope"])
    #expect(missing.status == 66)
  }

  @Test func drillsFromThePlan() throws {
    let h = SessionHarness()
    let (session, _) = h.makeSession()
    try session.create("Acme")
    try session.change("setup") { plan in
      var dana = Stakeholder(name: "Dana")
      dana.title = "CFO"
      dana.role = .financial
      plan.stakeholders = [dana]
      var o = Objection(statement: "We can't add anything to this year's budget.", category: .price, createdAt: "2026-11-23T09:00:00Z")
      o.raisedBy = "Dana"
      plan.objections = [o]
    }
    session.close()
    let r = h.run([
      "open acme", "drill --from-plan --scenario plan-objection-1 --rep Ann --mode exam", "done",
      "drill negotiation --from-plan --scenario free-training@stakeholder-1 --rep Ann", "done", "close",
      "drill --from-plan",
    ])
    #expect(r.out.contains("Logged in the plan Acme, raised by Dana (CFO, "))
    #expect(r.out.contains("Dana says:\n  “We can't add anything to this year's budget.”"))
    #expect(r.out.contains("Voiced by Dana (CFO, "))
    #expect(r.err.contains("No plan is open."))
    let outside = h.run(["drill list objection --plan acme"])
    #expect(outside.out.contains("plan-objection-1"))
  }

  /// With one objection in the plan there is nothing to pick among: no word about a seed.
  @Test func aSingleScenarioIsNotCalledARandomPick() throws {
    let h = SessionHarness()
    let (session, _) = h.makeSession()
    try session.create("Acme")
    try session.change("setup") { plan in
      plan.objections = [Objection(statement: "We can't add anything to this year's budget.", category: .price, createdAt: "2026-11-23T09:00:00Z")]
    }
    session.close()
    let one = h.run(["open acme", "drill --from-plan --rep Ann", "done"])
    #expect(one.out.contains("We can't add anything to this year's budget."), "\(one.out)")
    #expect(!one.out.contains("Picked at random"), "\(one.out)")
    let many = h.run(["drill --rep Ann --seed 7", "done"])
    #expect(many.out.contains("Picked at random with seed 7"), "\(many.out)")
  }

  @Test func mistakesAreUsageErrors() {
    let h = SessionHarness()
    #expect(h.run(["drill objections2"]).status == 64)
    #expect(h.run(["drill negotiation --category price"]).err.contains("Negotiation drills have no categories"))
    #expect(h.run(["drill --scenario price-budget"]).err.contains("did you mean ‘price-budget-fixed’?"))
    #expect(h.run(["drill --pass 120"]).status == 64)
    #expect(h.run(["drill --mode quiz"]).status == 64)
    #expect(h.run(["drill --category cheap"]).err.contains("Unknown category ‘cheap’"))
    #expect(h.run(["report --format xml"]).status == 64)
    #expect(h.run(["report --since yesterday"]).status == 64)
    let zh = SessionHarness(lang: .zh).run(["drill 谈判 --category 价格"])
    #expect(zh.err.contains("谈判练习没有类别"))
  }

  @Test func drillListShowsTheScenarios() {
    let r = SessionHarness().run(["drill list questions"])
    #expect(r.out.contains("write-open-first-meeting") && r.out.contains("name-ideal-year"))
    #expect(!r.out.contains("↩"), "question drills have no follow-ups")
    let objection = SessionHarness(lang: .zh).run(["drill list objection"])
    #expect(objection.out.contains("↩ 客户会根据你的回答追问。"))
    #expect(objection.out.split(separator: "\n").filter { $0.contains("price-discount-demand") }.allSatisfy { $0.contains("↩") })
  }

  /// Two reps' workspaces combined in one report: table (both languages) and CSV.
  @Test func reportAcrossWorkspaces() throws {
    let ann = SessionHarness(now: "2026-11-20T09:00:00Z")
    ann.run(["drill objection --scenario price-budget-fixed --rep Ann"] + Self.trainAnswers)
    ann.clock = FixedClock("2026-11-21T09:00:00Z")
    ann.run(["drill negotiation --scenario free-training --rep Ann", "If you commit to three years, we include the training."])
    let zhang = SessionHarness(lang: .zh, now: "2026-11-22T09:00:00Z")
    zhang.run(["drill questions --scenario name-stockout-impact --rep 张伟", "1"])
    let trainer = SessionHarness(now: "2026-11-23T09:00:00Z")
    let dirs = ann.workspace.root + " " + zhang.workspace.root + "/sessions"
    let table = trainer.run(["report --sessions " + dirs])
    #expect(table.status == 0 && table.err.isEmpty)
    Golden.check(table.transcript, "drill-report-en")
    trainer.lang = .zh
    let zhTable = trainer.run(["report --sessions " + dirs])
    Golden.check(zhTable.transcript, "drill-report-zh")
    let csv = trainer.run(["report --format csv --sessions " + dirs])
    let rows = try CSVReader.parse(csv.out)
    #expect(rows.first == DrillReportView.csvHeader)
    #expect(rows.contains(["张伟", "all", "", "1", "0", "0", "0", "0", "0", "0", "0", "", "", "name"]))
    #expect(rows.contains(["Ann", "all", "", "2", "70", "100", "40", "100", "60", "50", "0", "", "", "sympathize"]))
    let json = trainer.run(["report --format json --rep 张伟 --sessions " + dirs])
    #expect(json.out.contains("\"rep\": \"张伟\"") && !json.out.contains("\"rep\": \"Ann\""))
    let since = trainer.run(["report --since 2026-11-21 --format csv --sessions " + dirs])
    #expect(try CSVReader.parse(since.out).contains(["Ann", "all", "", "1", "100", "100", "100", "100", "0", "100", "0", "", "", ""]))
  }
}
