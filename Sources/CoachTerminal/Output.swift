import CLibEditShim
import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Where the program's words go. Everything passes through `StyledText.rendered`, which
/// sanitises every span, so nothing printed can carry a raw escape sequence.
public protocol OutputSink: AnyObject {
  /// Normal output (stdout).
  func write(_ text: StyledText)
  /// Messages about problems (stderr).
  func error(_ text: StyledText)
  /// Columns available for tables and wrapping: the terminal's width now (read again after
  /// every resize), or an override. Read it for each render, never keep it.
  var width: Int { get }
  /// Whether the normal output is styled.
  var colour: Bool { get }
  /// Whether prose (`Session.say`) is wrapped to `width` before it is written: true on a
  /// terminal, false for pipes and files, whose lines are kept as they are.
  var wrapsProse: Bool { get }
}

extension OutputSink {
  public var wrapsProse: Bool { false }
  public func line(_ text: StyledText = StyledText()) { write(text + "\n") }
  public func errorLine(_ text: StyledText) { error(text + "\n") }
}

/// stdout and stderr of the process. Colour is decided per stream (a terminal, `NO_COLOR`
/// unset or empty, `TERM` not `dumb`, no `--no-color`). A closed pipe ends output quietly.
///
/// Width: `widthOverride` if set (the `width` setting), else a fixed width if one was given,
/// else the terminal's, measured again after each SIGWINCH (a flag set by the C shim's handler
/// and read here, so every render and every prompt uses the width of the moment).
public final class StandardOutput: OutputSink {
  public let colour: Bool
  public let errorColour: Bool
  /// Columns to wrap to whatever the terminal says (kept between 20 and 1000); nil = measure.
  public var widthOverride: Int?
  private let fixedWidth: Int?
  private let environment: [String: String]
  private var measuredWidth: Int
  private let followsResizes: Bool
  public let wrapsProse: Bool
  /// Set when stdout was closed by the reader (EPIPE): callers may stop early.
  public private(set) var closed = false

  /// The process ignores SIGPIPE (`Platform.prepareProcess`), so a closed reader shows up here
  /// as EPIPE.
  public init(environment: [String: String], noColour: Bool, fixedWidth: Int? = nil) {
    let allowed = !noColour && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    colour = allowed && isatty(STDOUT_FILENO) == 1
    errorColour = allowed && isatty(STDERR_FILENO) == 1
    self.fixedWidth = fixedWidth
    self.environment = environment
    measuredWidth = fixedWidth ?? StandardOutput.terminalWidth(environment: environment)
    followsResizes = fixedWidth == nil && isatty(STDOUT_FILENO) == 1
    wrapsProse = fixedWidth == nil && isatty(STDOUT_FILENO) == 1
    if followsResizes { coach_sigwinch_install() }
  }

  deinit {
    if followsResizes { coach_sigwinch_uninstall() }
  }

  public var width: Int {
    if let widthOverride { return min(1000, max(20, widthOverride)) }
    if followsResizes, coach_sigwinch_take() != 0 {
      measuredWidth = StandardOutput.terminalWidth(environment: environment)
    }
    return measuredWidth
  }

  public func write(_ text: StyledText) { emit(STDOUT_FILENO, text.rendered(colour: colour)) }
  /// Messages are prose: on a terminal they are wrapped to the current width, like `say`.
  public func error(_ text: StyledText) {
    emit(STDERR_FILENO, (wrapsProse ? text.wrapped(width: width) : text).rendered(colour: errorColour))
  }

  private func emit(_ fd: Int32, _ text: String) {
    guard !(fd == STDOUT_FILENO && closed) else { return }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE, fd == STDOUT_FILENO { closed = true }
        return
      }
      offset += n
    }
    bytes.removeAll()
  }

  /// The terminal's width (TIOCGWINSZ), else `COLUMNS`, else 80; kept between 40 and 160.
  public static func terminalWidth(environment: [String: String]) -> Int {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(160, max(40, Int(size.ws_col)))
    }
    if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return min(160, max(40, columns)) }
    return 80
  }
}
