/// The two languages of the product. Every message exists in both.
public enum Lang: String, Sendable, CaseIterable {
  case en, zh

  /// `zh*` in LC_ALL, LC_MESSAGES or LANG (first one set) means Chinese; anything else English.
  public static func fromLocale(_ environment: [String: String]) -> Lang {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("zh") ? .zh : .en
      }
    }
    return .en
  }

  /// The language a piece of text is written in: Chinese when it has Chinese characters to speak
  /// of, English otherwise. A single Chinese character with no Latin letters beside it ("嗯",
  /// "对") is Chinese too; one stray character in an English line is not.
  public static func detect(_ text: String) -> Lang {
    var wide = 0
    var letters = 0
    for s in text.unicodeScalars {
      if DisplayWidth.isWide(s.value) { wide += 1 } else if s.properties.isAlphabetic { letters += 1 }
    }
    return (wide >= 2 || (wide == 1 && letters == 0)) && wide * 3 >= letters ? .zh : .en
  }

  /// Parses `en`/`zh` (also `zh-CN`, `zh_TW.UTF-8`, `english`, `chinese`, `中文`).
  public init?(argument: String) {
    let v = argument.lowercased()
    if v == "en" || v.hasPrefix("en-") || v.hasPrefix("en_") || v == "english" {
      self = .en
    } else if v.hasPrefix("zh") || v == "chinese" || v == "中文" {
      self = .zh
    } else {
      return nil
    }
  }
}

/// Localised messages. Each message is a method that states both languages side by side, so a
/// message cannot exist in only one. Extensions by area live next to the code that uses them.
public struct L10n: Sendable {
  public let lang: Lang
  public init(_ lang: Lang) { self.lang = lang }

  /// Picks the sentence for the current language.
  @inlinable public func t(_ en: String, _ zh: String) -> String { lang == .zh ? zh : en }

  /// Joins a list the way the language does: "a, b and c" / "a、b和c".
  public func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      let head = items.dropLast()
      return lang == .zh
        ? head.joined(separator: "、") + "和" + items.last!
        : head.joined(separator: ", ") + " and " + items.last!
    }
  }

  /// Sentence-final punctuation for the language.
  public var period: String { lang == .zh ? "。" : "." }
  public var colon: String { lang == .zh ? "：" : ": " }
}
