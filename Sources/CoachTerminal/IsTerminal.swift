#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether `fd` is a terminal that line editing can drive: `isatty(fd)`, and `TERM` is set and
/// is not `dumb` (libedit falls back to a `dumb` terminal when `TERM` is unset or empty, where
/// it cannot move the cursor). Use it to choose between `LibeditLineReader` and
/// `PlainLineReader`; see `makeStandardLineReader`.
public func isTerminal(_ fd: Int32) -> Bool {
  isTerminal(fd, term: getenv("TERM").map { String(cString: $0) })
}

/// `isTerminal(_:)` with `TERM` passed in, for tests.
func isTerminal(_ fd: Int32, term: String?) -> Bool {
  guard isatty(fd) == 1 else { return false }
  guard let term, !term.isEmpty, term != "dumb" else { return false }
  return true
}

/// The reader for this process: `LibeditLineReader` on the process's stdin/stdout when both are
/// terminals (`isTerminal`) and libedit starts, otherwise `PlainLineReader` on stdin.
/// Call `TerminalLocale.setUp()` before this.
public func makeStandardLineReader(
  programName: String,
  historyFile: String?,
  completer: @escaping Completer
) -> any LineReader {
  if isTerminal(STDIN_FILENO), isTerminal(STDOUT_FILENO),
    let reader = LibeditLineReader(programName: programName, historyFile: historyFile, completer: completer)
  {
    return reader
  }
  return PlainLineReader()
}
