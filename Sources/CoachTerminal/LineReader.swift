/// One line of input, or why there is none. End of input is never an empty string.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C on a terminal: the current line was cancelled.
  case interrupted
  /// Ctrl-D on an empty line, or the end of a pipe.
  case endOfInput
}

/// What Tab offers for the text before the cursor: delete `replacing` characters (Unicode
/// scalars) before the cursor and insert a candidate. One candidate completes; several are
/// listed (and their common prefix inserted).
public struct Completion: Equatable, Sendable {
  public var replacing: Int
  public var candidates: [String]
  public init(replacing: Int, candidates: [String]) {
    self.replacing = replacing
    self.candidates = candidates
  }
  public static let none = Completion(replacing: 0, candidates: [])
}

/// Pure: maps the text before the cursor to what Tab should offer.
public typealias Completer = @Sendable (_ beforeCursor: String) -> Completion

/// A source of lines: libedit on a terminal, plain reads on a pipe, a script in tests.
public protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` when interactive. The returned line has no newline.
  func readLine(prompt: String) -> LineInput
  /// True when a person is typing (prompts, colour and line editing make sense).
  var isInteractive: Bool { get }
  /// Writes history to disk, if this reader keeps any. Called before exit.
  func close()
}
