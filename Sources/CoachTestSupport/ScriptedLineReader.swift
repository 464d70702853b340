import CoachTerminal

/// A LineReader that plays back a script of inputs, as a person or a pipe would type them.
/// Records the prompts it was asked to show.
public final class ScriptedLineReader: LineReader {
  public private(set) var inputs: [LineInput]
  public private(set) var prompts: [String] = []
  /// What each line was read for (which history it would join), in order.
  public private(set) var contexts: [InputContext] = []
  public let isInteractive: Bool
  public private(set) var closed = false

  public init(_ inputs: [LineInput], interactive: Bool = false) {
    self.inputs = inputs
    self.isInteractive = interactive
  }

  /// Lines of text, ending with the end of input.
  public convenience init(lines: [String], interactive: Bool = false) {
    self.init(lines.map { .line($0) }, interactive: interactive)
  }

  public func readLine(prompt: String, context: InputContext) -> LineInput {
    contexts.append(context)
    return readLine(prompt: prompt)
  }

  public func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    guard !inputs.isEmpty else { return .endOfInput }
    return inputs.removeFirst()
  }

  public func close() { closed = true }
}
