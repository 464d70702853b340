import CoachCore
import CoachTerminal
import Testing

@testable import CoachApp

/// Tab in the session for the views across accounts: the command words, their options, and the
/// words `--sort` and `--format` take.
@Suite struct AgendaPortfolioCompletionTests {
  let ids = { ["acme"] }

  @Test func commandWordsAndOptions() {
    #expect(CommandCompletion.complete("ag", planIDs: ids, planOpen: false).candidates == ["agenda"])
    #expect(CommandCompletion.complete("port", planIDs: ids, planOpen: false).candidates == ["portfolio"])
    #expect(CommandCompletion.complete("agenda --", planIDs: ids, planOpen: false).candidates == ["--days", "--format", "--ics", "--stale-days"])
    #expect(CommandCompletion.complete("portfolio --s", planIDs: ids, planOpen: false).candidates == ["--sort", "--stale-days"])
  }

  @Test func optionValues() {
    #expect(CommandCompletion.complete("portfolio --sort c", planIDs: ids, planOpen: false) == Completion(replacing: 1, candidates: ["completeness"]))
    #expect(CommandCompletion.complete("portfolio --format ", planIDs: ids, planOpen: false).candidates == ["table", "json", "csv"])
    #expect(CommandCompletion.complete("agenda --format j", planIDs: ids, planOpen: false).candidates == ["json"])
    #expect(CommandCompletion.complete("list --sort w", planIDs: ids, planOpen: false).candidates == ["warnings"])
  }

  @Test func helpHasBothLanguages() throws {
    for word in ["agenda", "portfolio"] {
      let entry = try #require(HelpCatalog.entry(word))
      #expect(!entry.summary.en.isEmpty && !entry.summary.zh.isEmpty)
      #expect(entry.details.zh.unicodeScalars.contains { $0.value >= 0x4E00 })
      #expect(CoachCommand.configuration.subcommands.contains { $0.configuration.commandName == word })
    }
  }
}
