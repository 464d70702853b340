import Testing

@testable import CoachCore

/// `replacingNewlines` (used to indent every line of a table) works on the bytes when the text
/// has no carriage return; it must give what splitting by Characters gives.
@Suite struct ReplacingNewlinesTests {
  static let texts: [String] = [
    "", "\n", "\n\n", "a", "a\n", "\na", "a\nb", "a\n\nb\n", "华东电力\n「客户」说：价格太高了。\n",
    "e\u{301}\nx", "\n\u{301}a", "😀\n👍🏽\n", "tab\tand\nline", "a\r\nb", "a\rb\nc", "\r\n\r\n", "a\n\r\nb\r",
    "│ ACME │ 2026-03-10 │\n│ 华东 │ 2026-03-11 │\n",
  ]

  @Test(arguments: texts) func sameAsSplittingByCharacters(_ text: String) {
    for replacement in ["\n  ", "\n", "", "\n中 "] {
      let expected = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
      #expect(text.replacingNewlines(with: replacement) == expected)
      #expect(Array(text.replacingNewlines(with: replacement).utf8) == Array(expected.utf8))
    }
  }
}
