import CLibEdit
import CLibEditShim

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line editing on a terminal through libedit's wide-character API (`el_wgets`, `history_w`).
///
/// Before changing this file, know what it relies on:
/// - Call `TerminalLocale.setUp()` first. libedit decodes input with the locale; in a non-UTF-8
///   locale this reader neither loads nor saves history (that would destroy non-ASCII entries).
/// - Only create this when stdin and stdout are terminals (`isTerminal`); pipes get
///   `PlainLineReader`.
/// - Keys: emacs bindings, then the user's `~/.editrc` (or `$EDITRC`), then the bindings we keep
///   whatever it says: Tab → completion, Ctrl-R → incremental reverse search, Ctrl-W → delete
///   the previous word.
/// - Ctrl-C: `EL_SIGNAL 1` plus our own SIGINT handler without `SA_RESTART`. The handler is
///   installed while the reader is open (from `init` to `close()`), so SIGINT no longer ends
///   the process then. On a line with text it clears the line and reading goes on (a fresh
///   prompt); on an empty line `readLine` returns `.interrupted` (the caller leaves a walk, or
///   shows a fresh prompt at the top level). Between reads it is ignored.
///   `readLine` may run on any thread: it unblocks SIGINT on its thread while reading
///   (libdispatch and Swift concurrency threads block it), and a SIGINT the kernel hands to
///   another thread is forwarded to the reading one.
///   Note libedit's own handler re-raises the signal with `kill(0, SIGINT)`, i.e. to the whole
///   process group (harmless on a terminal, where Ctrl-C already went to the whole group).
/// - `edit off` in `.editrc` is honoured: libedit then reads whole lines with the terminal's
///   own (cooked) editing, still shows the prompt and keeps history, but Tab, Ctrl-R and the
///   arrow keys do nothing special. `isEditingEnabled` says which mode is in force.
/// - After `.interrupted` and `.endOfInput` the cursor is at the start of a fresh line.
/// - Bracketed paste: mode 2004 is turned on while a line is read (off again before
///   `readLine` returns, on Ctrl-Z and on SIGTERM/SIGHUP). A paste without a line break is
///   inserted at the cursor as typed text; a paste with line breaks ends the read at once and is
///   returned as one `.line` with its lines joined by `\n` (`\r\n` and `\r` become `\n`,
///   trailing line breaks dropped). The first line stays on the prompt's line and the others are
///   echoed below it, so the screen shows what was pasted. Nothing pasted is ever run by itself.
/// - Two histories: `.command` lines go to the persistent one (`historyFile`), `.answer` lines
///   to one kept in memory for the reader's life. Up recalls from the one of the current read.
///   A pasted answer is entered as one line (its line breaks as spaces); pasted commands are
///   entered one line each.
/// - History (`historyFile`) is loaded in `init` and saved in `close()`: to a temporary file in
///   the same directory (mode 0600), then renamed over the real one; missing directories are
///   created with mode 0700. At most 1000 entries; adjacent duplicates are kept once. Two
///   sessions that close one after the other: the last one's history wins.
public final class LibeditLineReader: LineReader {
  /// Largest number of history entries kept (and saved).
  public static let historyLimit = 1000

  /// The history file, or `nil` for history that lasts only as long as this reader.
  public let historyFile: String?
  /// Whether `close()` will write `historyFile`: false without a file, in a non-UTF-8 locale,
  /// or when an existing, non-empty file could not be read as libedit history (so it is not
  /// overwritten).
  public private(set) var persistsHistory: Bool
  /// The last problem loading or saving history, for a one-line warning; `nil` if none.
  public private(set) var historyProblem: String?
  /// False when the user's `.editrc` turned editing off (`edit off`).
  public private(set) var isEditingEnabled = true

  public var isInteractive: Bool { true }

  private let completer: Completer
  private let output: UnsafeMutablePointer<FILE>
  private var editLine: OpaquePointer?
  private var history: OpaquePointer?
  /// This session's answers (`.answer` reads); never saved.
  private var answerHistory: OpaquePointer?
  /// The history libedit is set to now.
  private var activeContext: InputContext = .command
  /// A multi-line paste waiting for `el_wgets` to return (set by the paste command).
  private var pendingPaste: String?
  private var sigintInstalled = false
  /// The wide, literal-mode-encoded prompt libedit's prompt callback returns. libedit keeps
  /// calling the callback while it redraws, so this stays valid until the next `readLine`.
  private var promptStorage: UnsafeMutablePointer<wchar_t>
  private var promptText: String?
  /// The completion command's name and help for `EL_ADDFN`. libedit keeps these pointers
  /// (`map_addfunc` does not copy them), so they live as long as the reader.
  private let commandName = LibeditLineReader.allocateWide("coach-complete")
  private let commandHelp = LibeditLineReader.allocateWide("Complete the word before the cursor")
  private let pasteName = LibeditLineReader.allocateWide("coach-paste")
  private let pasteHelp = LibeditLineReader.allocateWide("Take a bracketed paste")
  private var closed = false

  /// A reader on the given streams (a pseudo-terminal in tests). The streams must stay open
  /// until `close()`; the reader does not close them.
  ///
  /// - Parameters:
  ///   - programName: libedit's program name: `.editrc` lines prefixed `name:` apply only here.
  ///   - historyFile: where history persists, or `nil`.
  ///   - completer: what Tab offers for the text before the cursor.
  /// - Returns: `nil` if libedit could not be initialised.
  public init?(
    programName: String,
    input: UnsafeMutablePointer<FILE>,
    output: UnsafeMutablePointer<FILE>,
    error: UnsafeMutablePointer<FILE>,
    historyFile: String?,
    completer: @escaping Completer
  ) {
    guard let el = coach_el_init(programName, input, output, error) else { return nil }
    guard let h = history_winit() else {
      el_end(el)
      return nil
    }
    self.historyFile = historyFile
    self.persistsHistory = historyFile != nil && TerminalLocale.isUTF8
    self.completer = completer
    self.output = output
    self.promptStorage = Self.allocateWide("")
    editLine = el
    history = h
    configure(el, h)
    if persistsHistory, let historyFile { loadHistory(from: historyFile, into: h) }
  }

  /// A reader on the process's stdin, stdout and stderr. Use only when `isTerminal` says both
  /// stdin and stdout are terminals.
  public convenience init?(programName: String, historyFile: String?, completer: @escaping Completer) {
    self.init(
      programName: programName, input: coach_stdin(), output: coach_stdout(), error: coach_stderr(),
      historyFile: historyFile, completer: completer)
  }

  deinit {
    close()
    promptStorage.deallocate()
    commandName.deallocate()
    commandHelp.deallocate()
    pasteName.deallocate()
    pasteHelp.deallocate()
  }

  // MARK: Set-up

  private func configure(_ el: OpaquePointer, _ h: OpaquePointer) {
    coach_sigint_install()
    coach_paste_install()
    sigintInstalled = true

    _ = coach_history_setsize(h, Int32(Self.historyLimit))
    _ = coach_history_setunique(h, 1)
    _ = coach_el_set_hist(el, h)
    _ = coach_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    _ = Self.wide("emacs") { coach_el_set_editor(el, $0) }
    _ = coach_el_set_signal(el, 1)
    _ = coach_el_set_prompt_esc(
      el,
      { el in
        guard let el, let reader = LibeditLineReader.reader(of: el) else { return nil }
        return reader.promptStorage
      },
      wchar_t(bitPattern: LibeditText.literalMode.value))
    _ = coach_el_addfn(
      el, commandName, commandHelp,
      { el, _ in
        guard let el, let reader = LibeditLineReader.reader(of: el) else { return UInt8(CC_ERROR) }
        return reader.complete(el)
      })
    _ = coach_el_addfn(
      el, pasteName, pasteHelp,
      { el, _ in
        guard let el, let reader = LibeditLineReader.reader(of: el) else { return UInt8(CC_ERROR) }
        return reader.paste(el)
      })

    // The user's ~/.editrc (or $EDITRC) first, then the bindings we must keep (lldb's order).
    _ = el_source(el, nil)
    bind(el, "^I", to: "coach-complete")
    bind(el, "^R", to: "em-inc-search-prev")
    bind(el, "^W", to: "ed-delete-prev-word")
    bind(el, "\\e[200~", to: "coach-paste")
    isEditingEnabled = coach_el_get_editmode(el) != 0
  }

  /// Binds `key` to an *existing* function name (libedit can corrupt its heap on unknown names).
  private func bind(_ el: OpaquePointer, _ key: String, to function: String) {
    _ = Self.wide(key) { k in Self.wide(function) { f in coach_el_bind(el, k, f) } }
  }

  private static func reader(of el: OpaquePointer) -> LibeditLineReader? {
    guard let data = coach_el_get_clientdata(el) else { return nil }
    return Unmanaged<LibeditLineReader>.fromOpaque(data).takeUnretainedValue()
  }

  // MARK: Reading

  public func readLine(prompt: String) -> LineInput {
    readLine(prompt: prompt, context: .command)
  }

  public func readLine(prompt: String, context: InputContext) -> LineInput {
    guard !closed, let el = editLine, let h = history else { return .endOfInput }
    setPrompt(prompt)
    let target = useHistory(for: context, el, h)
    while true {
      switch readOnce(el) {
      case .line(let line):
        // History holds single lines: a pasted answer is entered with its line breaks as
        // spaces, pasted commands one line each (as they would run).
        let entries =
          !line.contains("\n")
          ? [line]
          : context == .command
            ? line.split(separator: "\n").map(String.init)
            : [line.split(separator: "\n").joined(separator: " ")]
        for entry in entries where entry.contains(where: { !$0.isWhitespace }) {
          _ = Self.wide(entry) { coach_history_enter(target, $0) }
        }
        return .line(line)
      case .interrupted(let hadText):
        // Ctrl-C on a line with text only clears it; on an empty line the caller decides.
        if hadText { continue }
        return .interrupted
      case .endOfInput:
        return .endOfInput
      }
    }
  }

  private enum Read {
    case line(String)
    case interrupted(hadText: Bool)
    case endOfInput
  }

  /// One `el_wgets`, with bracketed paste on around it.
  private func readOnce(_ el: OpaquePointer) -> Read {
    // Unblock SIGINT on this thread first (a signal left pending while it was blocked arrives
    // now), then clear the flag: a Ctrl-C from before this prompt must not turn this read's
    // end of input into an interrupt.
    coach_sigint_reading_begin()
    coach_sigint_clear()
    if isEditingEnabled {
      fflush(output)
      coach_paste_on(fileno(output))
    }
    pendingPaste = nil
    errno = 0
    var count: Int32 = 0
    let raw = el_wgets(el, &count)
    let readErrno = errno
    coach_paste_off()
    coach_sigint_reading_end()
    let interrupted = coach_sigint_take() != 0

    guard let raw, count > 0 else {
      if interrupted || (count == -1 && readErrno == EINTR) {
        let hadText = el_wline(el).map { $0.pointee.lastchar != $0.pointee.buffer } ?? false
        el_reset(el)  // drop any half-typed key sequence or search state
        write("\n")
        return .interrupted(hadText: hadText)
      }
      write("\n")
      return .endOfInput
    }
    if let paste = pendingPaste {
      pendingPaste = nil
      let lines = paste.split(separator: "\n", omittingEmptySubsequences: false)
      let indent = String(repeating: " ", count: max(0, LibeditText.width(promptText.map(LibeditText.visible) ?? "") - 2))
      for line in lines.dropFirst() { write(indent + "· " + String(line) + "\n") }
      return .line(paste)
    }

    var length = Int(count)
    if length > 0, raw[length - 1] == 0x0A { length -= 1 }  // el_wgets keeps the newline
    if length > 0, raw[length - 1] == 0x0D { length -= 1 }
    var scalars = String.UnicodeScalarView()
    for i in 0..<length {
      scalars.append(Unicode.Scalar(UInt32(bitPattern: raw[i])) ?? "\u{FFFD}")
    }
    return .line(String(scalars))
  }

  /// Points libedit at the history for `context` (the in-memory answer history is made on
  /// first use) and returns it.
  private func useHistory(for context: InputContext, _ el: OpaquePointer, _ h: OpaquePointer) -> OpaquePointer {
    var target = h
    if context == .answer {
      if answerHistory == nil, let made = history_winit() {
        _ = coach_history_setsize(made, Int32(Self.historyLimit))
        _ = coach_history_setunique(made, 1)
        answerHistory = made
      }
      target = answerHistory ?? h
    }
    if context != activeContext {
      _ = coach_el_set_hist(el, target)
      activeContext = context
    }
    return target
  }

  private func setPrompt(_ prompt: String) {
    guard prompt != promptText else { return }
    let storage = Self.allocateWide(LibeditText.libeditPrompt(prompt))
    promptStorage.deallocate()
    promptStorage = storage
    promptText = prompt
  }

  private func write(_ text: String) {
    fputs(text, output)
    fflush(output)
  }

  // MARK: Completion

  /// Tab: asks the completer about the text before the cursor, then edits the line.
  private func complete(_ el: OpaquePointer) -> UInt8 {
    guard let info = el_wline(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
      return UInt8(CC_ERROR)
    }
    var before = String.UnicodeScalarView()
    var p = buffer
    while p < cursor {
      before.append(Unicode.Scalar(UInt32(bitPattern: p.pointee)) ?? "\u{FFFD}")
      p += 1
    }
    let beforeCount = before.count
    let completion = completer(String(before))
    let replacing = min(max(completion.replacing, 0), beforeCount)

    var candidates: [String] = []
    for candidate in completion.candidates where !candidates.contains(candidate) {
      candidates.append(candidate)
    }
    switch candidates.count {
    case 0:
      return UInt8(CC_REFRESH_BEEP)
    case 1:
      replace(el, replacing, with: candidates[0] + (completion.appendsSpace ? " " : ""))
      return UInt8(CC_REFRESH)
    default:
      let prefix = LibeditText.commonPrefix(candidates)
      if prefix.unicodeScalars.count > replacing {
        replace(el, replacing, with: prefix)
        return UInt8(CC_REFRESH)
      }
      let columns = coach_el_get_columns(el)
      write("\n" + LibeditText.completionList(candidates, columns: columns > 0 ? Int(columns) : 80))
      return UInt8(CC_REDISPLAY)
    }
  }

  // MARK: Bracketed paste

  /// The terminal sent `ESC [ 200 ~`: reads up to `ESC [ 201 ~`. Text without a line break is
  /// inserted at the cursor; text with line breaks ends the read as one line (see the type's
  /// documentation).
  private func paste(_ el: OpaquePointer) -> UInt8 {
    var scalars: [Unicode.Scalar] = []
    let end: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    var c: wchar_t = 0
    while el_wgetc(el, &c) == 1 {
      scalars.append(Unicode.Scalar(UInt32(bitPattern: c)) ?? "\u{FFFD}")
      if scalars.count >= end.count, scalars.suffix(end.count).map(\.value) == end {
        scalars.removeLast(end.count)
        break
      }
    }
    let text = LibeditText.pastedText(scalars)
    guard text.contains("\n") else {
      replace(el, 0, with: text)
      return UInt8(CC_REFRESH)
    }
    // Several lines: the whole edit line with the paste at the cursor becomes the answer.
    guard let info = el_wline(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor, let last = info.lastchar else {
      return UInt8(CC_ERROR)
    }
    var before = String.UnicodeScalarView()
    var after = String.UnicodeScalarView()
    var p = buffer
    while p < last {
      let s = Unicode.Scalar(UInt32(bitPattern: p.pointee)) ?? "\u{FFFD}"
      if p < cursor { before.append(s) } else { after.append(s) }
      p += 1
    }
    let whole = String(before) + text + String(after)
    pendingPaste = whole
    // Show the first line on the prompt's line, then end the read as Enter does.
    let typed = buffer.distance(to: last)
    el_cursor(el, Int32(buffer.distance(to: last) - buffer.distance(to: cursor)))
    if typed > 0 { el_deletestr(el, Int32(typed)) }
    let first = whole.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    if !first.isEmpty { _ = Self.wide(first) { el_winsertstr(el, $0) } }
    Self.wide("\n") { el_wpush(el, $0) }
    return UInt8(CC_REFRESH)
  }

  /// Deletes `count` scalars before the cursor and inserts `text` there.
  private func replace(_ el: OpaquePointer, _ count: Int, with text: String) {
    if count > 0 { el_deletestr(el, Int32(count)) }
    if !text.isEmpty { _ = Self.wide(text) { el_winsertstr(el, $0) } }
  }

  // MARK: Closing and history

  /// Saves history (if it persists), then ends libedit and restores the SIGINT handler that was
  /// there before. Safe to call more than once; `deinit` calls it.
  public func close() {
    guard !closed else { return }
    closed = true
    if let h = history, persistsHistory, let historyFile {
      saveHistory(h, to: historyFile)
    }
    if let el = editLine { el_end(el) }
    if let h = history { history_wend(h) }
    if let a = answerHistory { history_wend(a) }
    editLine = nil
    history = nil
    answerHistory = nil
    if sigintInstalled {
      coach_paste_uninstall()
      coach_sigint_uninstall()
      sigintInstalled = false
    }
  }

  private func loadHistory(from path: String, into h: OpaquePointer) {
    var info = stat()
    guard stat(path, &info) == 0 else { return }  // no file yet: nothing to load
    if info.st_size == 0 { return }
    if coach_history_load(h, path) < 0 {
      // Not libedit history (no `_HiStOrY_V2_` header) or unreadable: leave the file alone.
      persistsHistory = false
      historyProblem = "could not read history file \(path); history will not be saved"
    }
  }

  private func saveHistory(_ h: OpaquePointer, to path: String) {
    let directory = Self.directory(of: path)
    guard Self.makeDirectories(directory) else {
      historyProblem = "could not create directory \(directory) for history"
      return
    }
    let base = path.split(separator: "/").last.map(String.init) ?? "history"
    var template = Array("\(directory)/.\(base).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      historyProblem = "could not save history in \(directory): \(Self.errorText())"
      return
    }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    _ = fchmod(fd, 0o600)
    guard let file = fdopen(fd, "w") else {
      Glibc.close(fd)
      unlink(temporary)
      historyProblem = "could not save history: \(Self.errorText())"
      return
    }
    let saved = coach_history_save_fp(h, file)
    var ok = saved >= 0 && fflush(file) == 0 && ferror(file) == 0
    if ok { ok = fsync(fd) == 0 }
    ok = fclose(file) == 0 && ok
    guard ok, rename(temporary, path) == 0 else {
      historyProblem = "could not save history to \(path): \(Self.errorText())"
      unlink(temporary)
      return
    }
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// `mkdir -p` where every directory created gets mode 0700.
  private static func makeDirectories(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
    let parent = directory(of: path)
    if parent != path, !makeDirectories(parent) { return false }
    return mkdir(path, 0o700) == 0 || errno == EEXIST
  }

  private static func errorText() -> String {
    String(cString: strerror(errno))
  }

  /// `text` as a newly allocated, NUL-terminated `wchar_t` (UTF-32) string; deallocate it.
  private static func allocateWide(_ text: String) -> UnsafeMutablePointer<wchar_t> {
    allocateWide(Array(text.unicodeScalars))
  }

  private static func allocateWide(_ scalars: [Unicode.Scalar]) -> UnsafeMutablePointer<wchar_t> {
    let storage = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
    for (i, scalar) in scalars.enumerated() {
      storage[i] = wchar_t(bitPattern: scalar.value)
    }
    storage[scalars.count] = 0
    return storage
  }

  /// Calls `body` with `text` as a NUL-terminated `wchar_t` (UTF-32) string that lives only
  /// for the call (for libedit calls that copy their arguments).
  private static func wide<R>(_ text: String, _ body: (UnsafePointer<wchar_t>) -> R) -> R {
    var scalars = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    scalars.append(0)
    return scalars.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}
