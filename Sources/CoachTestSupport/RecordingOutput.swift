import CoachCore
import CoachTerminal

/// An OutputSink that keeps what was written, rendered without colour, for assertions and
/// golden transcripts. `transcript` interleaves both streams in order, marking errors.
public final class RecordingOutput: OutputSink {
  public private(set) var out = ""
  public private(set) var err = ""
  public private(set) var transcript = ""
  public let width: Int
  public let colour: Bool

  public init(width: Int = 80, colour: Bool = false) {
    self.width = width
    self.colour = colour
  }

  public func write(_ text: StyledText) {
    let s = text.rendered(colour: colour)
    out += s
    transcript += s
  }

  public func error(_ text: StyledText) {
    let s = text.rendered(colour: colour)
    err += s
    transcript += s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "! " + $0 }.joined(separator: "\n")
  }
}
