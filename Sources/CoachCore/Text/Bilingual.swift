/// A sentence in both languages, for messages made where the reader's language is not known:
/// the parsers and decoders of files (YAML playbooks, JSON plans and progress) describe each
/// problem once, in English and Chinese, and whoever shows it picks the session's language with
/// `L10n.t(_:)`. So a problem read once (a cached load, a store error) can be shown in either.
public struct Bilingual: Equatable, Hashable, Sendable, CustomStringConvertible {
  public var en: String
  public var zh: String

  public init(_ en: String, _ zh: String) {
    self.en = en
    self.zh = zh
  }

  /// The sentence in `lang`.
  public func text(_ lang: Lang) -> String { lang == .zh ? zh : en }

  /// The English sentence (logs, tests).
  public var description: String { en }
}

extension L10n {
  /// Picks the sentence of a two-language message for the current language.
  public func t(_ text: Bilingual) -> String { text.text(lang) }
}
