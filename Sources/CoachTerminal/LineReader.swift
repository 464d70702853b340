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
  /// Whether a single candidate is followed by a space (true for command words and arguments;
  /// false for an answer's last word, where the space would end up in the answer).
  public var appendsSpace: Bool
  public init(replacing: Int, candidates: [String], appendsSpace: Bool = true) {
    self.replacing = replacing
    self.candidates = candidates
    self.appendsSpace = appendsSpace
  }
  public static let none = Completion(replacing: 0, candidates: [])
}

/// Pure: maps the text before the cursor to what Tab should offer.
public typealias Completer = @Sendable (_ beforeCursor: String) -> Completion

/// What a line is read for, which decides the history it joins and Up recalls.
public enum InputContext: Equatable, Sendable {
  /// A top-level command: kept in the history file, if there is one.
  case command
  /// An answer inside a walk, list, drill or question: kept in memory for this session only,
  /// apart from the commands (answers can be confidential and never reach the disk).
  case answer
}

/// A source of lines: libedit on a terminal, plain reads on a pipe, a script in tests.
///
/// A terminal reader returns a multi-line *paste* (bracketed paste) as one `.line` whose lines
/// are joined with `\n`; no other line ever contains a newline.
public protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` when interactive. The returned line has no newline.
  func readLine(prompt: String) -> LineInput
  /// Reads one line for `context` (which history it joins). Readers without history ignore it.
  func readLine(prompt: String, context: InputContext) -> LineInput
  /// True when a person is typing (prompts, colour and line editing make sense).
  var isInteractive: Bool { get }
  /// Writes history to disk, if this reader keeps any. Called before exit.
  func close()
}

extension LineReader {
  public func readLine(prompt: String, context: InputContext) -> LineInput { readLine(prompt: prompt) }
}
