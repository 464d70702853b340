import CoachTestSupport
import Testing

@testable import CoachApp

/// One decision for "is this a request for help, and about what", shared by `coach ARGS` and the
/// lines typed in the session.
@Suite struct HelpRequestTests {
  @Test func helpFlagsAskForTheCommandNamedFirst() {
    #expect(HelpRequest.asked(["show", "--help"]) == .command("show"))
    #expect(HelpRequest.asked(["show", "Acme", "-h"]) == .command("show"))
    #expect(HelpRequest.asked(["-h", "show"]) == .command("show"))
    #expect(HelpRequest.asked(["--lang", "zh", "list", "--help"]) == .command("list"))
    #expect(HelpRequest.asked(["--workspace", "/tmp/w", "--no-color", "export", "--help"]) == .command("export"))
    #expect(HelpRequest.asked(["help", "list", "--help"]) == .command("list"))
    #expect(HelpRequest.asked(["exit", "--help"]) == .command("exit"))
  }

  @Test func helpAloneOrAboutNoCommandIsTheOverview() {
    #expect(HelpRequest.asked(["--help"]) == .overall)
    #expect(HelpRequest.asked(["-h"]) == .overall)
    #expect(HelpRequest.asked(["help"]) == .overall)
    #expect(HelpRequest.asked(["--lang", "zh", "--help"]) == .overall)
    #expect(HelpRequest.asked(["opne", "--help"]) == .overall)
    #expect(HelpRequest.asked(["help", "--help"]) == .overall)
  }

  @Test func otherWordsAreNotHelpRequests() {
    #expect(HelpRequest.asked([]) == nil)
    #expect(HelpRequest.asked(["help", "show"]) == nil)  // the help command itself
    #expect(HelpRequest.asked(["show", "Acme"]) == nil)
    #expect(HelpRequest.asked(["--version"]) == nil)
    #expect(HelpRequest.asked(["actions", "add", "--helpdesk", "call"]) == nil)
  }

  /// Launch and the loop both go through it: the launch parse returns its answer unchanged.
  @Test func launchUsesTheSameDecision() {
    for words in [["show", "--help"], ["-h", "show"], ["--help"], ["help"], ["opne", "-h"]] {
      guard case .help(let asked) = CoachApp.request(words) else {
        Issue.record("\(words) is not a help request at launch")
        continue
      }
      #expect(asked == HelpRequest.asked(words))
    }
  }
}

/// In the session a typed help request shows the same help as `help WORD`.
@Suite struct SessionHelpRequestTests {
  @Test func helpFlagsInTheSessionShowTheCommandsHelp() {
    let byCommand = SessionHarness().run(["help open"]).out
    #expect(byCommand.contains("Open an account plan by name or id."))
    #expect(SessionHarness().run(["open --help"]).out == byCommand)
    #expect(SessionHarness().run(["-h open"]).out == byCommand)
    #expect(SessionHarness().run(["--help"]).out == SessionHarness().run(["help"]).out)
  }
}
