import Testing

@testable import CoachApp

/// The help table and the command tree name the same commands: a command added to one and not
/// the other fails here, not in front of a user.
@Suite struct HelpCatalogTests {
  @Test func everyCommandHasHelpAndEveryHelpEntryIsACommand() {
    let commands = Set(CoachCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" })
    let documented = Set(HelpCatalog.entries.flatMap { [$0.name] + $0.aliases })
    #expect(commands.subtracting(documented).isEmpty, "commands without help: \(commands.subtracting(documented).sorted())")
    #expect(documented.subtracting(commands).isEmpty, "help for no command: \(documented.subtracting(commands).sorted())")
  }

  @Test func completionWordsComeFromTheCommands() {
    func words(_ name: String) -> [String] {
      guard case .fixed(let w)? = HelpCatalog.entry(name)?.argumentWords else { return [] }
      return w
    }
    #expect(words("negotiate") == NegotiateCommand.parts)
    #expect(words("actions") == ActionsCommand.words)
    #expect(words("stakeholders") == StakeholdersCommand.words)
    #expect(words("questions") == QuestionsCommand.words)
  }
}
