import CoachCore

/// Whether a command's words ask for help, and about what. The one decision for `coach ARGS`
/// at launch and for a line typed in the session, so a word's help is resolved one way.
enum HelpRequest: Equatable {
  /// Help about every command.
  case overall
  /// Help about one command (its name as typed, known to `HelpCatalog`).
  case command(String)

  /// `--help` or `-h` anywhere, or `help` alone, ask for help: about the first word after the
  /// leading global options when it names a command (`coach show --help`, `-h show`,
  /// `help list --help`), else about everything. Nil for words that ask for something else
  /// (`help show` is the `help` command itself).
  static func asked(_ words: [String]) -> HelpRequest? {
    guard words.contains("--help") || words.contains("-h") || words == ["help"] else { return nil }
    var rest = words[CoachApp.globalOptionsEnd(words)...].filter { !$0.hasPrefix("-") }
    if rest.first == "help" { rest.removeFirst() }  // `coach help CMD --help` = help about CMD
    guard let word = rest.first, HelpCatalog.entry(word) != nil else { return .overall }
    return .command(word)
  }
}

extension Session {
  /// Shows the help asked for: a command's, or every command's (the session's overview in the
  /// session, the command-line one for `coach help`).
  func showHelp(_ asked: HelpRequest) {
    if case .command(let word) = asked, let entry = HelpCatalog.entry(word) {
      say(HelpCatalog.detail(entry, l, width: output.width))
    } else {
      say(
        settings.interactive || isSessionLoop
          ? HelpCatalog.overview(l, width: output.width)
          : HelpCatalog.commandLine(l, version: CoachCore.version, width: output.width))
    }
  }
}
