/// A plan that parsed as JSON but does not fit the plan format: which field, what was wrong (in
/// both languages; the app shows the session's).
public struct PlanFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var text: Bilingual
  public init(path: String, _ text: Bilingual) {
    self.path = path
    self.text = text
  }
  public init(path: String, _ en: String, _ zh: String) {
    self.init(path: path, Bilingual(en, zh))
  }
  /// The English message.
  public var message: String { text.en }
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
  /// `path: message` in `lang`.
  public func description(in lang: Lang) -> String {
    path.isEmpty ? text.text(lang) : "\(path): \(text.text(lang))"
  }
}
