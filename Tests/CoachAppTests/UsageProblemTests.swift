import CoachCore
import Testing

@testable import CoachApp

/// Usage errors are read from the parser error's structure, not from its English sentence.
@Suite struct UsageProblemTests {
  static func problem(_ words: [String]) -> UsageProblem? {
    do {
      _ = try CommandLookup.parse(words)
      return nil
    } catch {
      return UsageProblem(error, english: CommandLookup.message(for: error, command: words[0]))
    }
  }

  @Test func eachKindOfMistakeIsReadFromTheErrorItself() {
    #expect(Self.problem(["actions", "--bogus"])?.kind == .unknownOption("--bogus"))
    #expect(Self.problem(["actions", "add", "x", "--owner"])?.kind == .missingValue("--owner"))
    #expect(Self.problem(["close", "now"])?.kind == .unexpected(["now"]))
    #expect(Self.problem(["list", "--stale-days", "soon"])?.kind == .invalidValue("soon", for: "--stale-days"))
  }

  @Test func theyAreSaidInBothLanguages() {
    let p = UsageProblem(kind: .unexpected(["now", "later"]))
    #expect(p.text(L10n(.en)) == "Unexpected arguments ‘now’, ‘later’.")
    #expect(p.text(L10n(.zh)) == "多余的参数 ‘now’、‘later’。")
    #expect(UsageProblem(kind: .unknownOption("--bogus")).text(L10n(.zh)) == "未知选项 ‘--bogus’。")
  }
}
