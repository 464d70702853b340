/// A problem in a playbook, located at the offending line: `file:line:column: message`. The
/// message is kept in both languages; the app shows the session's (`description(in:)`).
public struct PlaybookProblem: Error, Equatable, Sendable, CustomStringConvertible, Comparable {
  public var location: YAMLLocation
  public var text: Bilingual

  public init(_ location: YAMLLocation, _ text: Bilingual) {
    self.location = location
    self.text = text
  }

  public init(_ location: YAMLLocation, _ en: String, _ zh: String) {
    self.init(location, Bilingual(en, zh))
  }

  /// The English message.
  public var message: String { text.en }

  /// `file:line:column: message`, in English.
  public var description: String { "\(location): \(message)" }

  /// `file:line:column: message` in `lang`.
  public func description(in lang: Lang) -> String { "\(location): \(text.text(lang))" }

  public static func < (a: Self, b: Self) -> Bool {
    (a.location.file, a.location.line, a.location.column, a.message) < (b.location.file, b.location.line, b.location.column, b.message)
  }
}

/// Collects problems while decoding, so one run reports all of them.
final class ProblemList {
  var items: [PlaybookProblem] = []
  func add(_ location: YAMLLocation, _ text: Bilingual) { items.append(PlaybookProblem(location, text)) }
  func add(_ location: YAMLLocation, _ en: String, _ zh: String) { add(location, Bilingual(en, zh)) }
}
