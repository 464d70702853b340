import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct FoundationSessionTests {
  @Test func newShowQuitInEnglish() throws {
    let h = SessionHarness()
    let r = h.run(["new Acme Corp", "show", "list", "quit"])
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    Golden.check(r.transcript, "new-show-quit-en")
    let plan = try h.plan("acme-corp")
    #expect(plan.name == "Acme Corp")
    #expect(h.workspace.mode("plans/acme-corp.json") == 0o600)
  }

  @Test func newShowQuitInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let r = h.run(["new 华东电力集团", "show account", "help", "quit"])
    #expect(r.status == 0)
    Golden.check(r.transcript, "new-show-quit-zh")
    #expect(try h.plan("华东电力集团").name == "华东电力集团")
  }

  @Test func unknownCommandNamesTheNearestAndFailsTheBatch() {
    let h = SessionHarness()
    let r = h.run(["opne Acme", "quit"])
    #expect(r.err == "Unknown command ‘opne’. Did you mean ‘open’? (`help` lists every command)\n")
    #expect(r.status == 64)
    let zh = SessionHarness(lang: .zh).run(["shwo"])
    #expect(zh.err.contains("未知命令 ‘shwo’。你是不是想输入 ‘show’？"))
  }

  @Test func usageErrorsShowTheCommandsUsage() {
    let r = SessionHarness().run(["list --format", "show Nope"])
    #expect(r.err.contains("Usage: list [--sort updated|name|completeness|warnings] [--format table|json]"))
    #expect(r.err.contains("No plan named Nope"))
    #expect(r.status == 66)
  }

  @Test func aShortenedNameOpensTheOnePlanItStartsAndSeveralAreSuggested() {
    let r = SessionHarness().run(["new Acme Logistics", "close", "open acme", "close", "new Acme Retail", "close", "open acme", "open zzz"])
    #expect(r.out.contains("Opened Acme Logistics."))
    #expect(r.err.contains("No plan named acme in this workspace. `list` shows the plans there are. Did you mean `open acme-logistics` or `open acme-retail`?"))
    #expect(!r.err.contains("zzz in this workspace. `list` shows the plans there are. Did you mean"))
    let zh = SessionHarness(lang: .zh).run(["new 华东电力集团", "close", "new 华东物流", "close", "open 华东"])
    #expect(zh.err.contains("的计划。用 `list` 查看已有的计划。你是不是想输入 `open 华东物流` 或 `open 华东电力集团`？"))
  }

  @Test func aStrayQuoteIsTakenAsTypedNotAnError() {
    let r = SessionHarness().run(["new \"Acme", "open \"Acme Corp\""])
    #expect(!r.err.contains("quote"))
    #expect(r.out.contains("Created \"Acme"))
    #expect(r.err.contains("No plan named Acme Corp"))
  }

  @Test func undoRevertsTheLastChangeAndSaves() throws {
    let h = SessionHarness()
    let (session, output) = h.makeSession()
    try session.create("Acme")
    try session.change("tier A") { $0.account.tier = .a }
    try session.change("tier B") { $0.account.tier = .b }
    #expect(try h.plan("acme").account.tier == .b)
    try session.undo()
    #expect(try h.plan("acme").account.tier == .a)
    try session.undo()
    #expect(try h.plan("acme").account.tier == nil)
    #expect(throws: CommandError.self) { try session.undo() }
    #expect(output.out.contains("Undone: tier B"))
  }

  @Test func aSecondSessionOpensThePlanReadOnly() throws {
    let h = SessionHarness()
    let (first, _) = h.makeSession()
    try first.create("Acme")
    let second = h.run(["open acme", "show account"])
    #expect(second.out.contains("is open in another session, so it is open here read-only"))
    #expect(second.reader.prompts.contains("coach(Acme, read-only)› "))
    let (third, _) = h.makeSession()
    try third.open("acme")
    #expect(throws: CommandError.self) { try third.change("x") { $0.account.tier = .c } }
    first.close()
    let fourth = h.run(["open acme"])
    #expect(!fourth.out.contains("read-only"))
  }

  @Test func corruptPlanIsReportedAndLeftIntact() throws {
    let h = SessionHarness()
    let broken = "{\n  \"schemaVersion\": 1,\n  \"id\": \"acme\",\n  \"name\": \"Acme\",,\n}\n"
    h.workspace.write("plans/acme.json", broken)
    let r = h.run(["open acme", "new Other", "quit"])
    #expect(r.err.contains("plans/acme.json:4:18: this plan is damaged and was not changed"))
    #expect(r.out.contains("Created Other"))
    #expect(r.status == 65)
    #expect(h.workspace.read("plans/acme.json") == broken)
  }

  @Test func damagedPlansAndPlaybooksAreReportedInTheSessionLanguage() throws {
    let h = SessionHarness(lang: .zh)
    h.workspace.write("plans/acme.json", "{\n  \"schemaVersion\": 1,\n  \"id\": \"acme\",\n  \"name\": \"Acme\",,\n}\n")
    let syntax = h.run(["show acme"])
    #expect(syntax.status == 65)
    #expect(syntax.err.contains("plans/acme.json:4:18: 该计划文件已损坏，未做任何改动：此处应为带双引号的键，却遇到了字符 ','（如有上一版本，保存在 "), "\(syntax.err)")
    h.workspace.write("plans/acme.json", #"{"schemaVersion": 1, "id": "acme", "name": "Acme", "stakeholders": [{"name": "Ma", "influence": 9}]}"#)
    let format = h.run(["show acme"])
    #expect(format.status == 65)
    #expect(format.err.contains("plans/acme.json: stakeholders[0].influence: 应为 1 到 5 之间的整数，实际是 9 — 计划未做任何改动"), "\(format.err)")
    // A trainer's playbook folder: the problem in Chinese, at its line.
    let trainer = TempWorkspace("coach-trainer")
    trainer.write("en/objections.yaml", "module: objections\nlanguage: en\ncategories:\n  - id: price\n    wordingz: [x]\n")
    let validate = h.run(["playbook validate \(trainer.root)"])
    #expect(validate.status == 65)
    #expect(validate.err.contains("\(trainer.root)/en/objections.yaml:5:5: `wordingz` 不是异议类别的字段；你是不是想写 `wordings`？"), "\(validate.err)")
    #expect(validate.err.contains("中有 1 个问题。"))
    // A session in Chinese that needs an English playbook still speaks Chinese.
    let overlaid = SessionHarness(lang: .zh, workspace: h.workspace)
    overlaid.playbookDirectories.append(trainer.root)
    let (session, _) = overlaid.makeSession()
    do {
      _ = try session.playbook(for: .en)
      Issue.record("loaded a broken playbook")
    } catch {
      #expect(error.message.plain.contains("剧本（playbook）有问题，这部分功能无法运行："))
      #expect(error.message.plain.contains("/en/objections.yaml:5:5: `wordingz` 不是异议类别的字段"), "\(error.message.plain)")
    }
  }

  @Test func newerPlanOpensReadOnly() throws {
    let h = SessionHarness()
    h.workspace.write("plans/x.json", #"{"schemaVersion": 3, "id": "x", "name": "X", "future": true}"#)
    let r = h.run(["open x"])
    #expect(r.out.contains("written by a newer version of coach (schemaVersion 3)"))
    #expect(h.workspace.read("plans/x.json") == #"{"schemaVersion": 3, "id": "x", "name": "X", "future": true}"#)
  }

  @Test func failedSaveKeepsTheAnswerAndRetries() throws {
    let h = SessionHarness()
    let (session, output) = h.makeSession()
    try session.create("Acme")
    // Make the plans folder unusable: replace it with a file.
    let plans = h.workspace.plans
    _ = rename(plans, plans + ".moved")
    h.workspace.write("plans", "not a folder")
    try session.change("tier A") { $0.account.tier = .a }
    #expect(output.err.contains("your answer is kept in this session"))
    #expect(session.current?.plan.account.tier == .a)
    #expect(session.current?.unsaved != nil)
    // Mend the folder: the next change saves both.
    _ = unlink(plans)
    _ = rename(plans + ".moved", plans)
    try session.change("industry") { $0.account.industry = .finance }
    #expect(output.out.contains("Saved: the plan is on disk again."))
    let saved = try h.plan("acme")
    #expect(saved.account.tier == .a && saved.account.industry == .finance)
  }

  @Test func escapeSequencesInAnswersArePrintedVisibly() throws {
    let h = SessionHarness()
    let (session, _) = h.makeSession()
    try session.create("Acme")
    try session.change("hostile") { $0.account.portrait.answers[.painPoints] = "slow\u{1B}]0;pwned\u{07}\u{1B}[2J" }
    session.close()
    let r = h.run(["open acme", "show account"])
    #expect(!r.out.contains("\u{1B}"))
    #expect(r.out.contains("slow\\u{1B}]0;pwned\\u{07}\\u{1B}[2J"))
  }

  @Test func hostileNamesStayInsideTheWorkspace() throws {
    let h = SessionHarness()
    let r = h.run(["new ../../evil", "new /etc/passwd", "new .hidden", "new \"..\""])
    #expect(h.workspace.list("plans").filter { $0.hasSuffix(".json") } == ["etc-passwd.json", "evil.json", "hidden.json"])
    #expect(r.err.contains("A plan name needs at least one letter or digit."))
  }

  @Test func helpDescribesOneCommandInBothLanguages() {
    #expect(SessionHarness().run(["help open"]).out.contains("Open an account plan by name or id."))
    #expect(SessionHarness(lang: .zh).run(["help open"]).out.contains("按名称或 ID 打开客户计划。"))
    #expect(SessionHarness().run(["help nothing"]).err.contains("Unknown command ‘nothing’"))
  }

  @Test func promptShowsTheOpenPlan() {
    let r = SessionHarness().run(["new Acme", "close"])
    #expect(r.reader.prompts == ["coach› ", "coach(Acme)› ", "coach› "])
  }
}

@Suite struct CompletionTests {
  let ids = { ["acme-corp", "华东电力"] }

  @Test func completesCommandWords() {
    #expect(CommandCompletion.complete("sh", planIDs: ids, planOpen: false) == Completion(replacing: 2, candidates: ["show"]))
    #expect(CommandCompletion.complete("", planIDs: ids, planOpen: false).candidates.contains("new"))
  }

  @Test func completesPlanNamesAndSections() {
    #expect(CommandCompletion.complete("open ac", planIDs: ids, planOpen: false) == Completion(replacing: 2, candidates: ["acme-corp"]))
    #expect(CommandCompletion.complete("open 华", planIDs: ids, planOpen: false) == Completion(replacing: 1, candidates: ["华东电力"]))
    #expect(CommandCompletion.complete("show st", planIDs: ids, planOpen: true) == Completion(replacing: 2, candidates: ["stakeholders"]))
    #expect(CommandCompletion.complete("show acme-corp v", planIDs: ids, planOpen: false) == Completion(replacing: 1, candidates: ["value"]))
    #expect(CommandCompletion.complete("help op", planIDs: ids, planOpen: false).candidates == ["open"])
    #expect(CommandCompletion.complete("nonsense x", planIDs: ids, planOpen: false) == .none)
  }
}

@Suite struct TokenizerTests {
  @Test func splitsLikeAShell() throws {
    #expect(try Tokenizer.split("new Acme Corp") == ["new", "Acme", "Corp"])
    #expect(try Tokenizer.split(#"new "Acme Corp" 'x y' a\ b"#) == ["new", "Acme Corp", "x y", "a b"])
    #expect(try Tokenizer.split("show　华东电力") == ["show", "华东电力"])
    #expect(throws: Tokenizer.Problem.unclosedQuote("\"")) { try Tokenizer.split(#"new "Acme"#) }
    #expect(try Tokenizer.split(Tokenizer.quote(#"a "b" c"#)) == [#"a "b" c"#])
  }
}
