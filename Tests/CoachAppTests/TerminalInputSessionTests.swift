import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// What the terminal hands the loop beyond single lines: multi-line pastes, the history each
/// line joins, Tab completion in walks and of names, and help that fits the width.
@Suite struct TerminalInputSessionTests {
  // MARK: pastes (a terminal reader returns a multi-line paste as one line with newlines)

  @Test func aPasteIsOneAnswerAtATextPromptAndOneItemPerLineAtAListPrompt() throws {
    for lang in [Lang.en, .zh] {
      let h = SessionHarness(lang: lang)
      let name = lang == .en ? "Acme" : "华东电力"
      let r = h.run(inputs: [
        .line("new \(name)"), .line("discover initial-contact"),
        .line("About 1200 staff.\nHQ in Shanghai.\n三个工厂"),  // text prompt: one answer
        .line("Two rivals"),
        .line("Li Wei, CFO\n\n王芳，采购经理\n  Zhao Min  "),  // list prompt: three items
        .line(""), .line("done"),
      ])
      #expect(r.err.isEmpty, "\(r.err)")
      let id = lang == .en ? "acme" : "华东电力"
      let plan = try h.plan(id)
      let answers = plan.discovery[.initialContact].answers
      #expect(answers["company-basics"] == .text("About 1200 staff.\nHQ in Shanghai.\n三个工厂"))
      #expect(answers["industry-background"] == .text("Two rivals"))
      #expect(answers["key-decision-makers"] == .list(["Li Wei, CFO", "王芳，采购经理", "Zhao Min"]))
    }
  }

  @Test func aMultiLinePasteAtTheCommandPromptRunsOnlyAfterYes() throws {
    let refused = SessionHarness().run(inputs: [.line("new Acme\nnew Globex"), .line("n")])
    #expect(refused.reader.prompts.contains("Run these 2 lines as commands, one after another? (y/N) "))
    #expect(refused.out.contains("Nothing was run."))
    #expect(!refused.out.contains("Created"))

    let enter = SessionHarness().run(inputs: [.line("new Acme\nnew Globex"), .line("")])
    #expect(enter.out.contains("Nothing was run."), "Enter alone is no")

    let h = SessionHarness(lang: .zh)
    let accepted = h.run(inputs: [.line("new 华东电力\n\n# 注释\nnew 东方航空\n"), .line("是")])
    #expect(accepted.reader.prompts.contains("把这 2 行作为命令依次执行吗？(y/N) "))
    #expect(accepted.out.contains("已新建 华东电力"))
    #expect(accepted.out.contains("已新建 东方航空"))

    // A paste of one command (plus blank lines) is just that command.
    let single = SessionHarness().run(inputs: [.line("new Acme\n\n")])
    #expect(single.out.contains("Created Acme"))
    #expect(single.reader.prompts.count == 2)
  }

  @Test func pastedCommandsThatStartAWalkFeedItTheLinesThatFollow() throws {
    let h = SessionHarness()
    let r = h.run(inputs: [.line("new Acme\ndiscover initial-contact\nSmall family firm"), .line("y"), .line("done")])
    #expect(r.err.isEmpty, "\(r.err)")
    #expect(try h.plan("acme").discovery[.initialContact].answers["company-basics"] == .text("Small family firm"))
  }

  // MARK: which history each line joins

  @Test func commandsAndAnswersAreReadForTheirOwnHistories() {
    let r = SessionHarness().run(["new Acme", "discover initial-contact", "Small firm", "done", "show"])
    #expect(r.reader.contexts == [.command, .command, .answer, .answer, .command, .command])
  }

  // MARK: completion

  @Test func tabInAChineseChoiceOffersTheChineseLabelsWithoutASpace() throws {
    let h = SessionHarness(lang: .zh)
    let (session, _) = h.makeSession()
    session.handle("new 华东电力")
    session.handle("profile")
    for _ in 0..<3 { session.handle("1") }  // tier, industry, cooperation stage
    #expect(session.complete("集") == Completion(replacing: 1, candidates: ["集中决策型"], appendsSpace: false))
    #expect(session.complete("").candidates.starts(with: ["集中决策型", "分散决策型"]))
    #expect(session.complete("cen").candidates == ["centralized"])
    session.handle("集中决策型")
    #expect(try h.plan("华东电力").account.decisionMode == .centralized)
  }

  @Test func tabCompletesPlanNamesInAnyCaseAndPeopleOfTheOpenPlan() throws {
    let h = SessionHarness()
    let (session, _) = h.makeSession()
    session.handle("new Northwind Foods")
    session.handle("new acme")
    session.handle("stakeholders add Mary Chen")
    session.handle("CFO")
    session.handle("done")
    session.handle("stakeholders add Mark Owen")
    session.handle("done")
    #expect(session.complete("open no") == Completion(replacing: 2, candidates: ["Northwind Foods"]))
    #expect(session.complete("open NORTHWIND F") == Completion(replacing: 11, candidates: ["Northwind Foods"]))
    #expect(session.complete("open northwind-") == Completion(replacing: 10, candidates: ["northwind-foods"]))
    #expect(session.complete("stakeholders edit Mar").candidates == ["Mary Chen", "Mark Owen"])
    #expect(session.complete("stakeholders edit mary c") == Completion(replacing: 6, candidates: ["Mary Chen"]))
    #expect(session.complete("stakeholders remove Mark") == Completion(replacing: 4, candidates: ["Mark Owen"]))
  }

  @Test func chineseSessionsCompleteTheStagesInChinese() {
    let ids = { [String]() }
    #expect(CommandCompletion.complete("discover 深度", planIDs: ids, planOpen: true, lang: .zh) == Completion(replacing: 2, candidates: ["深度访谈"]))
    #expect(CommandCompletion.complete("discover ", planIDs: ids, planOpen: true, lang: .zh).candidates.contains("需求确认"))
    #expect(CommandCompletion.complete("discover in", planIDs: ids, planOpen: true, lang: .zh).candidates == ["in-depth-interview", "initial-contact"])
    #expect(!CommandCompletion.complete("discover ", planIDs: ids, planOpen: true, lang: .en).candidates.contains("深度访谈"))
  }

  // MARK: help that fits

  @Test func helpFitsNarrowAndWideTerminalsWithoutBreakingWords() {
    for lang in [Lang.en, .zh] {
      let l = L10n(lang)
      for width in [44, 60, 80, 160] {
        let overview = HelpCatalog.overview(l, width: width).plain
        let lines = overview.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(lang) \(width): \(lines.filter { DisplayWidth.of($0) > width })")
        // Every word of every summary is whole on some line.
        let words = HelpCatalog.entries.flatMap { l.t($0.summary.en, $0.summary.zh).split(separator: " ").map(String.init) }
        let text = lines.joined(separator: " ")
        let tokens = Set(text.split(separator: " ").map(String.init))
        if lang == .en { for word in words { #expect(tokens.contains(word), "\(width): ‘\(word)’ was split") } }
        let commandLine = HelpCatalog.commandLine(l, version: "1", width: width).plain
        #expect(commandLine.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width })
        for entry in HelpCatalog.entries {
          let detail = HelpCatalog.detail(entry, l, width: width).plain
          #expect(detail.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width }, "\(entry.name) at \(width)")
        }
      }
    }
    // The words the issue saw split at 60 columns.
    let at60 = HelpCatalog.overview(L10n(.en), width: 60).plain
    #expect(at60.contains("influence") && at60.contains("completeness"))
  }

  @Test func pasteAnswersAreYesOnlyWhenSaid() {
    for yes in ["y", "Y", " yes ", "是", "好"] { #expect(PasteAnswer.isYes(yes)) }
    for no in ["", "n", "no", "否", "yes please"] { #expect(!PasteAnswer.isYes(no)) }
  }
}
