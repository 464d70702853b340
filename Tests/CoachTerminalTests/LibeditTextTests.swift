import Testing

@testable import CoachTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// The pure parts of `LibeditLineReader`: prompt encoding, widths, completion layout.
@Suite struct LibeditTextTests {
  init() { #expect(testLocaleIsUTF8) }  // widths come from the UTF-8 locale

  private func encoded(_ prompt: String) -> String {
    String(String.UnicodeScalarView(LibeditText.libeditPrompt(prompt)))
  }

  @Test func plainPromptsAreUnchanged() {
    #expect(encoded("coach> ") == "coach> ")
    #expect(encoded("商談> ") == "商談> ")
    #expect(encoded("") == "")
  }

  @Test func escapesAreWrappedAndGluedToTheNextCharacter() {
    #expect(encoded("\u{1B}[1mcoach\u{1B}[0m> ") == "\u{1}\u{1B}[1m\u{1}coach\u{1}\u{1B}[0m\u{1}> ")
    // Consecutive sequences form one region (two adjacent regions would confuse libedit).
    #expect(encoded("\u{1B}[1m\u{1B}[32mX") == "\u{1}\u{1B}[1m\u{1B}[32m\u{1}X")
    // OSC (window title) ends at BEL or ESC \.
    #expect(encoded("\u{1B}]0;coach\u{07}> ") == "\u{1}\u{1B}]0;coach\u{07}\u{1}> ")
    #expect(encoded("\u{1B}]0;coach\u{1B}\\> ") == "\u{1}\u{1B}]0;coach\u{1B}\\\u{1}> ")
    // Charset selection: ESC ( B.
    #expect(encoded("\u{1B}(Bok") == "\u{1}\u{1B}(B\u{1}ok")
  }

  @Test func trailingEscapesMoveInFrontOfTheLastVisibleCharacter() {
    #expect(encoded("\u{1B}[32mcoach> \u{1B}[0m") == "\u{1}\u{1B}[32m\u{1}coach>\u{1}\u{1B}[0m\u{1} ")
    #expect(encoded("\u{1B}[1m>\u{1B}[0m") == "\u{1}\u{1B}[1m\u{1B}[0m\u{1}>")
    #expect(encoded("\u{1B}[0m") == "")
  }

  @Test func literalModeCharactersInThePromptAreDropped() {
    #expect(encoded("a\u{1}b> ") == "ab> ")
  }

  @Test func escapesSkipZeroWidthCharacters() {
    // A combining accent cannot carry a region; it stays with the character before it.
    #expect(encoded("e\u{1B}[1m\u{301}x") == "e\u{301}\u{1}\u{1B}[1m\u{1}x")
  }

  @Test func displayWidths() {
    #expect(LibeditText.width("plan") == 4)
    #expect(LibeditText.width("商談") == 4)
    #expect(LibeditText.width("café") == 4)
    #expect(LibeditText.width("e\u{301}") == 1)
  }

  @Test func completionListUsesColumnsFilledDownwards() {
    #expect(LibeditText.completionList(["a", "bb", "ccc"], columns: 80) == "a    bb   ccc\n")
    #expect(LibeditText.completionList(["a", "bb", "ccc"], columns: 10) == "a    ccc\nbb\n")
    #expect(LibeditText.completionList(["a", "bb", "ccc"], columns: 1) == "a\nbb\nccc\n")
    #expect(LibeditText.completionList(["商談", "x"], columns: 80) == "商談  x\n")
    #expect(LibeditText.completionList([], columns: 80) == "")
  }

  @Test func commonPrefixNeverSplitsACharacter() {
    #expect(LibeditText.commonPrefix(["plan", "planning", "plant"]) == "plan")
    #expect(LibeditText.commonPrefix(["商談", "商品"]) == "商")
    #expect(LibeditText.commonPrefix(["abc", "xyz"]) == "")
    #expect(LibeditText.commonPrefix(["e\u{301}a", "e\u{301}b"]) == "e\u{301}")
    #expect(LibeditText.commonPrefix(["e\u{301}", "e"]) == "")
  }

  @Test func dumbOrMissingTermIsNotATerminal() {
    var primary: Int32 = -1
    var secondary: Int32 = -1
    #expect(openpty(&primary, &secondary, nil, nil, nil) == 0)
    defer {
      close(primary)
      close(secondary)
    }
    #expect(isTerminal(secondary, term: "xterm-256color"))
    #expect(!isTerminal(secondary, term: "dumb"))
    #expect(!isTerminal(secondary, term: ""))
    #expect(!isTerminal(secondary, term: nil))
  }
}

@Suite struct PastedTextTests {
  @Test func lineBreaksOfEveryKindBecomeNewlinesAndTrailingOnesGo() {
    let text = LibeditText.pastedText(Array("a\r\nb\rc\nd\t e\u{7}\r\n\n".unicodeScalars))
    #expect(text == "a\nb\nc\nd  e")
  }

  @Test func escapeSequencesAreNotPartOfThePromptsWidth() {
    #expect(LibeditText.visible("\u{1B}[1;36mcoach\u{1B}[0m› ") == "coach› ")
  }
}
