import CoachTerminal
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `TerminalLocale.setUp()`, run once per test process (a lazily initialised global). Calling
/// it from every suite's `init` would race: `setlocale(LC_CTYPE, "")` briefly selects "C" when
/// `LANG` is unset, under the feet of tests measuring widths on other threads.
let testLocaleIsUTF8: Bool = TerminalLocale.setUp()

/// An in-process pseudo-terminal for driving `LibeditLineReader` (lldb's `EditlineTest`
/// pattern): the reader runs on the secondary side's `FILE*`s, keys are written to the primary
/// side, and a background thread drains everything the reader prints into `output`.
///
/// Keys are typed only once libedit has put the terminal into raw mode (ICANON off). Typed
/// earlier, the kernel's line discipline would apply its own canonical editing first (it takes
/// Backspace, Ctrl-W, Ctrl-R and Ctrl-D itself), and the test would not be testing libedit.
final class PseudoTerminal: @unchecked Sendable {
  let primary: Int32
  let secondary: Int32
  /// The reader's input and output streams (both on the secondary side).
  let input: UnsafeMutablePointer<FILE>
  let outputStream: UnsafeMutablePointer<FILE>

  private let lock = NSLock()
  private var captured: [UInt8] = []
  private let drained = DispatchSemaphore(value: 0)
  private var closed = false

  init(columns: UInt16 = 80, rows: UInt16 = 24) {
    var p: Int32 = -1
    var s: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    precondition(openpty(&p, &s, nil, nil, &size) == 0, "openpty failed")
    primary = p
    secondary = s
    input = fdopen(s, "r")!
    outputStream = fdopen(dup(s), "w")!
    Thread.detachNewThread { [self] in drain() }
  }

  private func drain() {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(primary, $0.baseAddress, $0.count) }
      if n > 0 {
        lock.withLock { captured += buffer[0..<n] }
      } else if n < 0, errno == EINTR {
        continue
      } else {
        break  // EIO once every secondary descriptor is closed
      }
    }
    drained.signal()
  }

  /// Everything printed so far, decoded leniently.
  var output: String {
    lock.withLock { String(decoding: captured, as: UTF8.self) }
  }

  /// Forgets what was printed so far.
  func clearOutput() {
    lock.withLock { captured.removeAll() }
  }

  /// Writes `keys` to the primary side, as if typed.
  func type(_ keys: String) {
    var bytes = Array(keys.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(n)
    }
  }

  /// Whether the secondary side is in non-canonical (raw) mode, as libedit sets it while editing.
  var isRaw: Bool {
    var t = termios()
    guard tcgetattr(secondary, &t) == 0 else { return false }
    return t.c_lflag & tcflag_t(ICANON) == 0
  }

  /// Waits until libedit is editing (raw mode); false on timeout.
  @discardableResult
  func waitForRawMode(timeout: Double = 5) -> Bool {
    waitUntil(timeout: timeout) { isRaw }
  }

  /// Waits until the output contains `text`; false on timeout.
  @discardableResult
  func waitForOutput(containing text: String, timeout: Double = 5) -> Bool {
    waitUntil(timeout: timeout) { output.contains(text) }
  }

  /// Waits until the output satisfies `condition`; false on timeout. The drain thread may
  /// lag behind the reader, so check output this way rather than reading it once.
  @discardableResult
  func waitForOutput(timeout: Double = 5, where condition: (String) -> Bool) -> Bool {
    waitUntil(timeout: timeout) { condition(output) }
  }

  private func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition() { return true }
      usleep(2_000)
    }
    return condition()
  }

  /// Calls `read` (which blocks in the reader) while another thread types `keys` once the
  /// editor is in raw mode (or straight away when `waitForEditor` is false, e.g. `edit off`).
  func typing<R>(_ keys: String, waitForEditor: Bool = true, while read: () -> R) -> R {
    let typed = DispatchSemaphore(value: 0)
    Thread.detachNewThread { [self] in
      if waitForEditor { waitForRawMode() }
      type(keys)
      typed.signal()
    }
    let result = read()
    typed.wait()
    return result
  }

  /// Closes the secondary side and stops draining. Close the reader first.
  func close() {
    guard !closed else { return }
    closed = true
    fclose(input)
    fclose(outputStream)
    _ = drained.wait(timeout: .now() + 5)
    Glibc.close(primary)
  }

  deinit { close() }
}
