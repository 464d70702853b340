import CLibEditShim
import Foundation
import Testing

@testable import CoachTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// Tab offers the `words` that start with the last space-separated word before the cursor.
/// Every text it was asked about is appended to `asked`.
private func wordCompleter(_ words: [String], asked: Recorder? = nil) -> Completer {
  { before in
    asked?.append(before)
    let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    return Completion(replacing: word.unicodeScalars.count, candidates: words.filter { $0.hasPrefix(word) })
  }
}

final class Recorder: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func append(_ item: String) { lock.withLock { items.append(item) } }
  var values: [String] { lock.withLock { items } }
}

/// A fresh directory under the system temporary directory.
func makeTemporaryDirectory() throws -> String {
  var template = Array("\(NSTemporaryDirectory())/coach-terminal-XXXXXX".utf8CString)
  let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
  try #require(made != nil)
  return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

private func mode(of path: String) -> mode_t? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return info.st_mode & 0o7777
}

private let up = "\u{1B}[A"
private let pasteStart = "\u{1B}[200~"
private let pasteEnd = "\u{1B}[201~"

/// The output without the bracketed-paste mode switches the reader sends around each read.
private func visible(_ output: String) -> String {
  output.replacingOccurrences(of: "\u{1B}[?2004h", with: "").replacingOccurrences(of: "\u{1B}[?2004l", with: "")
}
private let backspace = "\u{7F}"
private let ctrlA = "\u{01}"
private let ctrlB = "\u{02}"
private let ctrlD = "\u{04}"
private let ctrlR = "\u{12}"
private let ctrlW = "\u{17}"

/// `LibeditLineReader` driven through an in-process pseudo-terminal. Serialized: the locale,
/// `TERM`, `EDITRC` and the SIGINT disposition are process-wide.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct LibeditLineReaderTests {
  init() {
    #expect(testLocaleIsUTF8)
    setenv("TERM", "vt100", 1)  // libedit needs a known terminal type
    setenv("EDITRC", "/dev/null", 1)  // never the developer's ~/.editrc
  }

  private func makeReader(
    _ pty: PseudoTerminal, historyFile: String? = nil, words: [String] = [], asked: Recorder? = nil
  ) throws -> LibeditLineReader {
    try #require(
      LibeditLineReader(
        programName: "coach-test", input: pty.input, output: pty.outputStream, error: pty.outputStream,
        historyFile: historyFile, completer: wordCompleter(words, asked: asked)))
  }

  /// Types `keys` once the editor is waiting and returns what `readLine` gave back.
  private func read(
    _ reader: LibeditLineReader, _ pty: PseudoTerminal, _ keys: String, prompt: String = "> "
  )
    -> LineInput
  {
    pty.typing(keys) { reader.readLine(prompt: prompt) }
  }

  @Test func readsAPlainLine() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(reader.isInteractive)
    #expect(read(reader, pty, "hello world\n") == .line("hello world"))
    #expect(read(reader, pty, "\n") == .line(""))
  }

  @Test func backspaceRemovesAWholeChineseCharacter() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "你好\(backspace)\n") == .line("你"))
  }

  @Test func nonASCIIRoundTrips() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "商談 café\n") == .line("商談 café"))
    #expect(pty.waitForOutput(containing: "> 商談 café"))
  }

  @Test func ctrlWDeletesThePreviousWord() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "one two\(ctrlW)three\n") == .line("one three"))
  }

  @Test func tabWithOneCandidateCompletesItAndAddsASpace() throws {
    let pty = PseudoTerminal()
    let asked = Recorder()
    let reader = try makeReader(pty, words: ["playbook", "close"], asked: asked)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "pla\t\n") == .line("playbook "))
    #expect(asked.values == ["pla"])
  }

  @Test func tabSeesOnlyTheTextBeforeTheCursor() throws {
    let pty = PseudoTerminal()
    let asked = Recorder()
    let reader = try makeReader(pty, words: ["playbook"], asked: asked)
    defer {
      reader.close()
      pty.close()
    }
    let keys = "show pla end" + String(repeating: ctrlB, count: 4) + "\t\n"
    #expect(read(reader, pty, keys) == .line("show playbook  end"))
    #expect(asked.values == ["show pla"])
  }

  @Test func tabWithSeveralCandidatesInsertsTheCommonPrefixThenLists() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty, words: ["plan", "planning", "plant", "close"])
    defer {
      reader.close()
      pty.close()
    }
    // First Tab: "pla" → "plan" (the common prefix). Second Tab: nothing more to insert, so
    // the candidates are listed below the line and the line is redrawn.
    #expect(read(reader, pty, "pla\t\t\n") == .line("plan"))
    let row = "\nplan      planning  plant"
    #expect(
      pty.waitForOutput { output in
        output.range(of: row).map { output[$0.upperBound...].contains("> plan") } ?? false
      }, "the list, then the prompt and line redrawn below it: \(pty.output.debugDescription)")
  }

  @Test func tabCompletesAndListsChineseCandidates() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty, words: ["商談", "close"])
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "商\t\n") == .line("商談 "))

    let pty2 = PseudoTerminal()
    let reader2 = try makeReader(pty2, words: ["商談", "商品会議", "x"])
    defer {
      reader2.close()
      pty2.close()
    }
    #expect(read(reader2, pty2, "商\t\n") == .line("商"))
    // "商談" is 4 columns wide, so it is padded to the 10-column cell of "商品会議" + 2.
    #expect(pty2.waitForOutput(containing: "\n商談      商品会議"), "\(pty2.output.debugDescription)")
  }

  @Test func tabWithoutCandidatesBeepsAndKeepsTheLine() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty, words: ["playbook"])
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "zz\t\n") == .line("zz"))
    #expect(pty.waitForOutput(containing: "\u{07}"), "a beep")
  }

  @Test func upArrowRecallsEarlierLines() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "first\n") == .line("first"))
    #expect(read(reader, pty, "second\n") == .line("second"))
    #expect(read(reader, pty, "\(up)\n") == .line("second"))
    #expect(read(reader, pty, "\(up)\(up)\n") == .line("first"))
  }

  @Test func ctrlRSearchesBackwards() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "alpha one\n") == .line("alpha one"))
    #expect(read(reader, pty, "beta two\n") == .line("beta two"))
    #expect(read(reader, pty, "\(ctrlR)alp\n") == .line("alpha one"))
  }

  @Test func ctrlCOnALineWithTextClearsItAndReadingGoesOn() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    // On a real terminal the line discipline sends SIGINT to the foreground process group.
    // This pty has none, so the test sends it to the reading thread, after "abc" is on screen.
    // libedit re-raises SIGINT with kill(0, ...): keep that inside this process.
    let group = ProcessGroupIsolation()
    defer { group.restore() }
    let typed = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      pty.waitForRawMode()
      pty.type("abc")
      pty.waitForOutput(containing: "> abc")
      // Process-directed, as from a terminal: the kernel picks a thread that does not block
      // SIGINT (here usually the main thread), and the reader's handler forwards it to the
      // reading thread. Repeat until the line is cleared, in case one lands just before read().
      for _ in 0..<50 where !visible(pty.output).contains("> abc\r\n> ") {
        _ = kill(getpid(), SIGINT)
        pty.waitForOutput(timeout: 0.2) { visible($0).contains("> abc\r\n> ") }
      }
      pty.waitForRawMode()
      pty.type("def\n")
      typed.signal()
    }
    // The same read goes on after the Ctrl-C, on a fresh, empty line.
    let first = reader.readLine(prompt: "> ")
    typed.wait()
    #expect(first == .line("def"))
    #expect(pty.waitForOutput { visible($0).contains("> abc\r\n> def") }, "a fresh line: \(pty.output.debugDescription)")
  }

  @Test func ctrlCOnAnEmptyLineIsAnInterrupt() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    let group = ProcessGroupIsolation()
    defer { group.restore() }
    let stop = StopFlag()
    let stopped = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      pty.waitForRawMode()
      while stop.whileRunning({ _ = kill(getpid(), SIGINT) }) {
        usleep(50_000)
      }
      stopped.signal()
    }
    let first = reader.readLine(prompt: "> ")
    stop.stop()
    stopped.wait()
    #expect(first == .interrupted)
    #expect(pty.waitForOutput { visible($0).hasSuffix("> \r\n") }, "a fresh line: \(pty.output.debugDescription)")
    #expect(read(reader, pty, "def\n") == .line("def"))
  }

  @Test func aStaleInterruptDoesNotTurnEndOfInputIntoAnInterrupt() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    // SIGINT between reads: the reader's handler only records it. (This test's thread may
    // block SIGINT, as Swift concurrency threads do; unblock it so the signal arrives now.)
    var sigint = sigset_t()
    sigemptyset(&sigint)
    sigaddset(&sigint, SIGINT)
    var previousMask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &sigint, &previousMask)
    pthread_kill(pthread_self(), SIGINT)
    pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    #expect(coach_sigint_peek() == 1)
    #expect(read(reader, pty, ctrlD) == .endOfInput)
  }

  @Test func ctrlDOnAnEmptyLineEndsInput() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, ctrlD) == .endOfInput)
    // libedit echoes ^D; the reader then moves to a fresh line. (The pty turns \n into \r\n.)
    #expect(pty.waitForOutput { visible($0).hasSuffix("> ^D\r\n") }, "a fresh line: \(pty.output.debugDescription)")
  }

  @Test func ctrlDOnANonEmptyLineDoesNotEndInput() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "abc\(ctrlD)\n") == .line("abc"))  // at the end: beeps
    #expect(read(reader, pty, "abc\(ctrlA)\(ctrlD)\n") == .line("bc"))  // elsewhere: deletes
  }

  @Test func colourEscapesInThePromptAreSentRawAndEditingWorks() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    let prompt = "\u{1B}[1;36mcoach\u{1B}[0m> "
    #expect(read(reader, pty, "abc\(ctrlA)X\n", prompt: prompt) == .line("Xabc"))
    #expect(pty.waitForOutput(containing: "\u{1B}[1;36mcoach\u{1B}[0m> abc"), "\(pty.output.debugDescription)")
    #expect(!pty.output.contains("^["), "escapes must not be shown as visible ^[ text")

    // An escape at the very end of the prompt takes effect one character early.
    pty.clearOutput()
    #expect(read(reader, pty, "ok\n", prompt: "\u{1B}[32mcoach> \u{1B}[0m") == .line("ok"))
    #expect(pty.waitForOutput(containing: "\u{1B}[32mcoach>\u{1B}[0m ok"), "\(pty.output.debugDescription)")
  }

  @Test func historyPersistsAcrossReadersIncludingChinese() throws {
    let root = try makeTemporaryDirectory()
    let file = "\(root)/state/coach/history"

    let pty = PseudoTerminal()
    let first = try makeReader(pty, historyFile: file)
    #expect(first.persistsHistory)
    #expect(read(first, pty, "商談 café\n") == .line("商談 café"))
    #expect(read(first, pty, "   \n") == .line("   "))  // blank: not kept
    #expect(read(first, pty, "plan next step\n") == .line("plan next step"))
    first.close()
    first.close()  // twice is harmless
    pty.close()

    #expect(mode(of: file) == 0o600)
    #expect(mode(of: "\(root)/state/coach") == 0o700)
    #expect(mode(of: "\(root)/state") == 0o700)
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    #expect(saved.hasPrefix("_HiStOrY_V2_\n"))
    #expect(saved.contains("商談"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: "\(root)/state/coach") == ["history"])

    let pty2 = PseudoTerminal()
    let second = try makeReader(pty2, historyFile: file)
    defer {
      second.close()
      pty2.close()
    }
    #expect(read(second, pty2, "\(up)\n") == .line("plan next step"))
    #expect(read(second, pty2, "\(up)\(up)\n") == .line("商談 café"))
  }

  @Test func historyKeepsTheNewestThousandEntries() throws {
    let root = try makeTemporaryDirectory()
    let file = "\(root)/history"
    let entries = (0..<1100).map { "entry\\040\($0)" }
    try (["_HiStOrY_V2_"] + entries).map { $0 + "\n" }.joined().write(toFile: file, atomically: false, encoding: .utf8)

    let pty = PseudoTerminal()
    let reader = try makeReader(pty, historyFile: file)
    #expect(read(reader, pty, "\(up)\n") == .line("entry 1099"))
    reader.close()
    pty.close()
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1 + LibeditLineReader.historyLimit)
    #expect(lines.dropFirst().first == "entry\\040100")
    #expect(lines.last == "entry\\0401099")
  }

  @Test func aFileThatIsNotLibeditHistoryIsLeftAlone() throws {
    let root = try makeTemporaryDirectory()
    let file = "\(root)/history"
    try "not libedit history\n".write(toFile: file, atomically: false, encoding: .utf8)

    let pty = PseudoTerminal()
    let reader = try makeReader(pty, historyFile: file)
    #expect(!reader.persistsHistory)
    #expect(reader.historyProblem != nil)
    #expect(read(reader, pty, "hello\n") == .line("hello"))
    reader.close()
    pty.close()
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "not libedit history\n")
  }

  @Test func historyIsNotLoadedOrSavedInANonUTF8Locale() throws {
    let root = try makeTemporaryDirectory()
    let file = "\(root)/history"
    let original = "_HiStOrY_V2_\n商談\\040café\n"
    try original.write(toFile: file, atomically: false, encoding: .utf8)

    // The product's seam: the reader asks TerminalLocale.isUTF8, which reads the calling
    // thread's locale. uselocale changes only this thread's, so other tests are unaffected.
    let cLocale = try #require(newlocale(LC_CTYPE_MASK, "C", nil))
    let previous = uselocale(cLocale)
    defer {
      uselocale(previous)
      freelocale(cLocale)
    }
    #expect(!TerminalLocale.isUTF8)

    let pty = PseudoTerminal()
    let reader = try makeReader(pty, historyFile: file)
    #expect(!reader.persistsHistory)
    #expect(read(reader, pty, "hello\n") == .line("hello"))
    #expect(read(reader, pty, "\(up)\(up)\n") == .line("hello"), "nothing was loaded")
    reader.close()
    pty.close()
    #expect(try String(contentsOfFile: file, encoding: .utf8) == original)
  }

  @Test func editOffInEditrcIsHonoured() throws {
    let root = try makeTemporaryDirectory()
    let editrc = "\(root)/editrc"
    try "edit off\n".write(toFile: editrc, atomically: false, encoding: .utf8)
    setenv("EDITRC", editrc, 1)
    defer { setenv("EDITRC", "/dev/null", 1) }

    let pty = PseudoTerminal()
    let reader = try makeReader(pty, words: ["playbook"])
    defer {
      reader.close()
      pty.close()
    }
    #expect(!reader.isEditingEnabled)
    // The terminal stays in cooked mode, so keys can be typed at any time.
    #expect(pty.typing("hello\n", waitForEditor: false) { reader.readLine(prompt: "> ") } == .line("hello"))
    #expect(pty.typing(ctrlD, waitForEditor: false) { reader.readLine(prompt: "> ") } == .endOfInput)
  }

  @Test func readingAfterCloseIsEndOfInput() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    reader.close()
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    pty.close()
  }
}

/// Moves this process into its own process group until `restore()`, so that libedit's
/// `kill(0, SIGINT)` cannot reach the test runner that started it.
final class ProcessGroupIsolation {
  private let original = getpgrp()
  private let moved: Bool

  init() {
    moved = getpgrp() != getpid() && setpgid(0, 0) == 0
  }

  func restore() {
    if moved { _ = setpgid(0, original) }
  }
}

/// A flag the signalling thread checks, under a lock, before each signal it sends.
final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var stopped = false

  /// Runs `body` unless stopped; returns whether it ran.
  func whileRunning(_ body: () -> Void) -> Bool {
    lock.withLock {
      guard !stopped else { return false }
      body()
      return true
    }
  }

  func stop() { lock.withLock { stopped = true } }
}

// MARK: Bracketed paste, the two histories, completion without a space

extension LibeditLineReaderTests {
  private func readAnswer(_ reader: LibeditLineReader, _ pty: PseudoTerminal, _ keys: String) -> LineInput {
    pty.typing(keys) { reader.readLine(prompt: "  › ", context: .answer) }
  }

  @Test func bracketedPasteIsOnOnlyWhileALineIsRead() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "one\n") == .line("one"))
    #expect(pty.waitForOutput { $0.hasPrefix("\u{1B}[?2004h> ") && $0.contains("one\r\n\u{1B}[?2004l") })
    #expect(coach_paste_is_on() == 0)
  }

  @Test func aPasteWithoutALineBreakIsInsertedAsTyped() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    #expect(read(reader, pty, "ab\(pasteStart)c d\(pasteEnd)e\n") == .line("abc de"))
    // A trailing line break in the paste is not Enter: the line is still being edited.
    #expect(read(reader, pty, "\(pasteStart)Sean O'Brien\r\(pasteEnd)!\n") == .line("Sean O'Brien!"))
  }

  @Test func aMultiLinePasteIsOneLineWithItsLineBreaksAndIsEchoed() throws {
    let pty = PseudoTerminal()
    let reader = try makeReader(pty)
    defer {
      reader.close()
      pty.close()
    }
    // Terminals send a pasted line break as CR (the pty's ICRNL may turn it into LF).
    let paste = "\(pasteStart)Budget is frozen until Q3\r预算冻结到第三季度\rCFO wants a TCO model\r\(pasteEnd)"
    #expect(readAnswer(reader, pty, paste) == .line("Budget is frozen until Q3\n预算冻结到第三季度\nCFO wants a TCO model"))
    // The first line on the prompt's line, the others under it.
    #expect(
      pty.waitForOutput { visible($0).contains("  › Budget is frozen until Q3\r\n  · 预算冻结到第三季度\r\n  · CFO wants a TCO model\r\n") },
      "\(pty.output.debugDescription)")
    // Text typed before the paste stays in front of it.
    #expect(readAnswer(reader, pty, "Notes: \(pasteStart)a\nb\(pasteEnd)") == .line("Notes: a\nb"))
    // History: a pasted answer is one line; pasted commands are one entry each.
    #expect(readAnswer(reader, pty, "\(up)\n") == .line("Notes: a b"))
    #expect(read(reader, pty, "\(pasteStart)new Acme\ropen Acme\r\(pasteEnd)") == .line("new Acme\nopen Acme"))
    #expect(read(reader, pty, "\(up)\n") == .line("open Acme"))
    #expect(read(reader, pty, "\(up)\(up)\(up)\n") == .line("new Acme"))
  }

  @Test func answersAndCommandsHaveTheirOwnHistoriesAndOnlyCommandsAreSaved() throws {
    let root = try makeTemporaryDirectory()
    let file = "\(root)/history"
    let pty = PseudoTerminal()
    let reader = try makeReader(pty, historyFile: file)
    #expect(read(reader, pty, "discover\n") == .line("discover"))
    #expect(readAnswer(reader, pty, "Budget 1.2M\n") == .line("Budget 1.2M"))
    #expect(readAnswer(reader, pty, "刘芳 担心交付\n") == .line("刘芳 担心交付"))
    // Up at a walk prompt: this session's answers, newest first, never the commands.
    #expect(readAnswer(reader, pty, "\(up)\n") == .line("刘芳 担心交付"))
    #expect(readAnswer(reader, pty, "\(up)\(up)\(up)\n") == .line("Budget 1.2M"))
    // Up at the command prompt: commands only.
    #expect(read(reader, pty, "\(up)\n") == .line("discover"))
    #expect(read(reader, pty, "\(up)\(up)\(up)\n") == .line("discover"))
    reader.close()
    pty.close()
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    #expect(saved.contains("discover"))
    #expect(!saved.contains("Budget"))
    #expect(!saved.contains("刘芳"))

    // The next session has the commands, and no answers at all.
    let pty2 = PseudoTerminal()
    let second = try makeReader(pty2, historyFile: file)
    defer {
      second.close()
      pty2.close()
    }
    #expect(readAnswer(second, pty2, "\(up)\n") == .line(""))
    #expect(read(second, pty2, "\(up)\n") == .line("discover"))
  }

  @Test func aCompletionThatAddsNoSpaceLeavesNone() throws {
    let pty = PseudoTerminal()
    let completer: Completer = { before in
      let word = before.split(separator: " ").last.map(String.init) ?? ""
      return Completion(replacing: word.unicodeScalars.count, candidates: ["集中决策型", "分散决策型"].filter { $0.hasPrefix(word) }, appendsSpace: false)
    }
    let reader = try #require(
      LibeditLineReader(
        programName: "coach-test", input: pty.input, output: pty.outputStream, error: pty.outputStream,
        historyFile: nil, completer: completer))
    defer {
      reader.close()
      pty.close()
    }
    #expect(readAnswer(reader, pty, "集\t\n") == .line("集中决策型"))
  }
}
