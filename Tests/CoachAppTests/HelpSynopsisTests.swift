import ArgumentParser
import CoachCore
import Testing

@testable import CoachApp

/// The hand-written synopses in `HelpCatalog` against the command declarations: each synopsis
/// names exactly the options its command (and the command's subcommands) declare, and names an
/// argument when, and only when, the command takes one. The declarations are read from
/// ArgumentParser's own description of the command tree (`_dumpHelp`), so an option added to a
/// command and not to its help (or the other way round) fails here.
@Suite struct HelpSynopsisTests {
  /// One command as declared: its option names (long and short, each option once as a set of
  /// spellings) and whether it takes a positional argument or has subcommands.
  struct Declared {
    var options: [Set<String>] = []
    /// The options that take no value.
    var flags: Set<String> = []
    var takesWords = false
  }

  /// Options every command carries: the global ones and help.
  static let shared: Set<String> = ["--workspace", "--lang", "--playbooks", "--no-color", "--batch", "--help", "-h", "--version"]

  static func declared() throws -> [String: Declared] {
    let dump = try JSONParser.parse(CoachCommand._dumpHelp())
    var result: [String: Declared] = [:]
    for command in dump["command"]?["subcommands"]?.array ?? [] {
      guard let name = command["commandName"]?.string else { continue }
      var d = Declared()
      collect(command, into: &d)
      d.takesWords = d.takesWords || !(command["subcommands"]?.array ?? []).isEmpty
      result[name] = d
    }
    return result
  }

  /// Adds a command's options (and those of its subcommands) to `d`.
  static func collect(_ command: JSONValue, into d: inout Declared) {
    for argument in command["arguments"]?.array ?? [] {
      let kind = argument["kind"]?.string
      if kind == "positional" {
        d.takesWords = true
        continue
      }
      var spellings = Set<String>()
      for n in argument["names"]?.array ?? [] {
        guard let name = n["name"]?.string else { continue }
        spellings.insert((n["kind"]?.string == "long" ? "--" : "-") + name)
      }
      guard spellings.isDisjoint(with: shared) else { continue }
      if !d.options.contains(spellings) { d.options.append(spellings) }
      if kind == "flag" { d.flags.formUnion(spellings) }
    }
    for sub in command["subcommands"]?.array ?? [] { collect(sub, into: &d) }
  }

  /// The `-x` / `--name` words in a synopsis.
  static func options(in synopsis: String) -> Set<String> {
    var found = Set<String>()
    for word in synopsis.split(whereSeparator: { " []|".contains($0) }) where word.hasPrefix("-") {
      found.insert(String(word))
    }
    return found
  }

  /// Whether a synopsis shows anything after the command's name other than options and the
  /// values of options (`--sort updated|name`, `-o FILE`); `flags` take no value.
  static func takesWords(_ synopsis: String, flags: Set<String>) -> Bool {
    let words = synopsis.split(whereSeparator: { " []".contains($0) }).dropFirst().filter { $0 != "|" }
    var i = words.startIndex
    while i < words.endIndex {
      let word = words[i]
      if !word.hasPrefix("-") { return true }
      i += flags.contains(String(word)) ? 1 : 2
    }
    return false
  }

  @Test func everySynopsisNamesExactlyTheDeclaredOptions() throws {
    let declared = try Self.declared()
    for entry in HelpCatalog.entries {
      let d = try #require(declared[entry.name], "help for no command: \(entry.name)")
      for synopsis in [entry.synopsis, entry.synopsisZh].compactMap({ $0 }) {
        let shown = Self.options(in: synopsis)
        for option in d.options where option.isDisjoint(with: shown) {
          Issue.record("\(entry.name): the synopsis ‘\(synopsis)’ does not show \(option.sorted().joined(separator: "/"))")
        }
        let known = d.options.reduce(into: Set<String>()) { $0.formUnion($1) }
        for option in shown.subtracting(known).sorted() {
          Issue.record("\(entry.name): the synopsis ‘\(synopsis)’ shows \(option), which the command does not declare")
        }
        #expect(Self.takesWords(synopsis, flags: d.flags) == d.takesWords, "\(entry.name): the synopsis ‘\(synopsis)’ and the command disagree on taking an argument")
      }
    }
  }

  @Test func everyCommandHasOneHelpEntry() throws {
    let declared = try Self.declared()
    let documented = HelpCatalog.entries.flatMap { [$0.name] + $0.aliases }
    #expect(Set(documented).count == documented.count, "a command documented twice")
    #expect(Set(declared.keys) == Set(documented))
  }

  /// The options offered on Tab after a command are the ones it declares.
  @Test func optionCompletionWordsAreDeclared() throws {
    let declared = try Self.declared()
    for entry in HelpCatalog.entries {
      guard case .fixed(let words) = entry.argumentWords, let d = declared[entry.name] else { continue }
      let known = d.options.reduce(into: Set<String>()) { $0.formUnion($1) }
      for word in words where word.hasPrefix("-") {
        #expect(known.contains(word), "\(entry.name): Tab offers \(word), which the command does not declare")
      }
    }
  }

  /// A command with subcommands offers each of them on Tab (`playbook sources`).
  @Test func completionWordsNameEverySubcommand() throws {
    let dump = try JSONParser.parse(CoachCommand._dumpHelp())
    for command in dump["command"]?["subcommands"]?.array ?? [] {
      let subcommands = (command["subcommands"]?.array ?? []).compactMap { $0["commandName"]?.string }
      guard let name = command["commandName"]?.string, !subcommands.isEmpty else { continue }
      guard case .fixed(let words)? = HelpCatalog.entry(name)?.argumentWords else {
        Issue.record("\(name) offers no words on Tab")
        continue
      }
      #expect(Set(subcommands).isSubset(of: words), "\(name): Tab offers \(words), the subcommands are \(subcommands)")
    }
  }

  @Test func theReaderSeesOptionsAndArguments() throws {
    #expect(Self.options(in: "list [--sort updated|name] [--format table|json]") == ["--sort", "--format"])
    #expect(Self.options(in: "export [PLAN] [-o FILE] [--full | --audience customer]") == ["-o", "--full", "--audience"])
    #expect(Self.takesWords("close", flags: []) == false)
    #expect(Self.takesWords("agenda [--days N] [--format text|json]", flags: []) == false)
    #expect(Self.takesWords("export [--full | --audience customer]", flags: ["--full"]) == false)
    #expect(Self.takesWords("export [--full] [FORMAT]", flags: ["--full"]) == true)
    #expect(Self.takesWords("show [PLAN] [SECTION]", flags: []) == true)
    let declared = try Self.declared()
    #expect(declared["close"]?.takesWords == false)
    #expect(declared["show"]?.takesWords == true)
    #expect(declared["list"]?.options.contains(["--sort"]) == true)
  }
}
