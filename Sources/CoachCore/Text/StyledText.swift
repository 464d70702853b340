/// Text with light styling, built by renderers and turned into terminal output at the edge.
/// The edge sanitises every span's text and adds colour codes only when colour is on, so
/// renderers never write escape sequences themselves.
public struct StyledText: Equatable, Sendable, ExpressibleByStringInterpolation {
  public enum Style: Equatable, Sendable {
    case plain, bold, dim, heading, good, bad, warn, accent
  }

  public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
      self.text = text
      self.style = style
    }
  }

  public var spans: [Span]

  public init() { spans = [] }
  public init(_ text: String, _ style: Style = .plain) { spans = text.isEmpty ? [] : [Span(text, style)] }
  public init(stringLiteral value: String) { self.init(value) }

  public init(stringInterpolation: Interpolation) { spans = stringInterpolation.spans }

  public struct Interpolation: StringInterpolationProtocol {
    var spans: [Span] = []
    public init(literalCapacity: Int, interpolationCount: Int) {}
    public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { spans.append(Span(literal)) } }
    public mutating func appendInterpolation(_ text: String) { if !text.isEmpty { spans.append(Span(text)) } }
    public mutating func appendInterpolation(_ value: Int) { spans.append(Span(String(value))) }
    public mutating func appendInterpolation(_ text: String, _ style: Style) { if !text.isEmpty { spans.append(Span(text, style)) } }
    public mutating func appendInterpolation(_ styled: StyledText) { spans.append(contentsOf: styled.spans) }
  }

  /// The text without styling.
  public var plain: String { spans.map(\.text).joined() }

  public static func + (a: StyledText, b: StyledText) -> StyledText {
    var r = a
    r.spans.append(contentsOf: b.spans)
    return r
  }

  public static func += (a: inout StyledText, b: StyledText) { a.spans.append(contentsOf: b.spans) }

  public mutating func append(_ text: String, _ style: Style = .plain) {
    if !text.isEmpty { spans.append(Span(text, style)) }
  }

  public mutating func appendLine(_ line: StyledText = StyledText()) {
    spans.append(contentsOf: line.spans)
    spans.append(Span("\n"))
  }

  /// Lines joined with newlines.
  public static func lines(_ lines: [StyledText]) -> StyledText {
    var r = StyledText()
    for (i, line) in lines.enumerated() {
      if i > 0 { r.append("\n") }
      r += line
    }
    return r
  }

  /// Renders for a terminal: sanitised text, with ANSI styling when `colour` is true.
  public func rendered(colour: Bool) -> String {
    var out = ""
    for span in spans {
      let text = Sanitizer.clean(span.text)
      guard colour, span.style != .plain else {
        out += text
        continue
      }
      out += StyledText.ansi(span.style) + text + "\u{1B}[0m"
    }
    return out
  }

  static func ansi(_ style: Style) -> String {
    switch style {
    case .plain: return ""
    case .bold: return "\u{1B}[1m"
    case .dim: return "\u{1B}[2m"
    case .heading: return "\u{1B}[1;36m"
    case .good: return "\u{1B}[32m"
    case .bad: return "\u{1B}[31m"
    case .warn: return "\u{1B}[33m"
    case .accent: return "\u{1B}[36m"
    }
  }
}
