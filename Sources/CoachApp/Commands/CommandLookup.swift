import ArgumentParser
import CoachCore

/// Finds the command type for a word, so one line is parsed by that command alone. Parsing
/// from the root would make ArgumentParser reflect every command of the tree on every line,
/// which was about a third of coach's start-up time.
enum CommandLookup {
  static func type(for word: String) -> ParsableCommand.Type? {
    for sub in CoachCommand.configuration.subcommands where sub.configuration.commandName == word {
      return sub
    }
    return nil
  }

  /// Parses `words` (a command word and its arguments) with that command's own parser.
  /// Commands with subcommands are parsed from themselves as root.
  static func parse(_ words: [String]) throws -> ParsableCommand? {
    // `quit` and `exit` alone take no arguments: they are made without ArgumentParser, whose
    // first use costs about a millisecond, so a session that only quits starts and ends at
    // the speed `make bench` (a) measures.
    if words == ["quit"] { return QuitCommand() }
    if words == ["exit"] { return ExitCommand() }
    guard let first = words.first, let type = type(for: first) else { return nil }
    let rest = Array(words.dropFirst())
    if !type.configuration.subcommands.isEmpty { return try type.parseAsRoot(rest) }
    return try type.parse(rest) as? ParsableCommand
  }

  /// The command whose usage explains an error.
  static func message(for error: Error, command word: String) -> String {
    type(for: word)?.message(for: error) ?? CoachCommand.message(for: error)
  }

  static func exitCode(for error: Error, command word: String) -> Int32 {
    (type(for: word)?.exitCode(for: error) ?? CoachCommand.exitCode(for: error)).rawValue
  }
}

/// " Did you mean resolve?" for a misspelt argument word, or "" when nothing is near.
enum NearestWord {
  static func hint(_ word: String, among words: [String], _ l: L10n) -> String {
    guard let near = Suggest.nearest(to: word.lowercased(), in: words, maxDistance: 2) else { return "" }
    return l.t(" Did you mean \(near)?", "你是不是想输入 \(near)？")
  }
}
