/// The rep's settings file, `$XDG_CONFIG_HOME/coach/settings.toml`: one `key = value` per line,
/// `#` comments, values bare or in double quotes. It is the small subset of TOML a person edits by
/// hand (so editors colour it), read here without a TOML library: four flat keys need no tables,
/// arrays or dates, and a problem is reported with its file and line.
public struct UserSettings: Equatable, Sendable {
  /// ISO code stored with an amount typed without a currency.
  public var currency: String?
  /// The session language when neither `--lang` nor `COACH_LANG` says.
  public var language: Lang?
  /// The rep's name, offered by drills.
  public var rep: String?
  /// Columns to wrap output to, instead of the terminal's width.
  public var width: Int?

  public init(currency: String? = nil, language: Lang? = nil, rep: String? = nil, width: Int? = nil) {
    self.currency = currency
    self.language = language
    self.rep = rep
    self.width = width
  }

  public static let defaultCurrency = "CNY"
  /// The narrowest and widest wrap width accepted.
  public static let widths = 40...400
}

public enum SettingsFile {
  public enum Key: String, CaseIterable, Sendable {
    case currency, language, rep, width

    public func explain(_ l: L10n) -> String {
      switch self {
      case .currency: return l.t("currency stored with an amount typed without one (ISO code, e.g. CNY, EUR, USD)", "输入金额未写货币时使用的货币（ISO 代码，如 CNY、EUR、USD）")
      case .language: return l.t("language when --lang and COACH_LANG are not given: en or zh", "未指定 --lang 和 COACH_LANG 时使用的语言：en 或 zh")
      case .rep: return l.t("your name, offered when a drill asks who is practising", "你的姓名，练习时默认作为学员姓名")
      case .width:
        return l.t(
          "wrap output to this many columns instead of the terminal's width (\(UserSettings.widths.lowerBound)–\(UserSettings.widths.upperBound))",
          "按此列数折行，而不是终端宽度（\(UserSettings.widths.lowerBound)–\(UserSettings.widths.upperBound)）")
      }
    }
  }

  /// A problem in the file, with its line (1-based), in both languages.
  public struct Problem: Error, Equatable, Sendable {
    public var line: Int
    public var en: String
    public var zh: String
    public func message(_ l: L10n) -> String { l.t(en, zh) }
  }

  /// Reads the file; lines with problems are skipped (their keys keep the defaults).
  public static func parse(_ text: String) -> (settings: UserSettings, problems: [Problem]) {
    var settings = UserSettings()
    var problems: [Problem] = []
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
      let trimmed = line.trimmingWhitespace
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let eq = trimmed.firstIndex(of: "=") else {
        problems.append(Problem(line: i + 1, en: "expected `key = value`, found ‘\(trimmed)’", zh: "应为 `键 = 值`，实际是 ‘\(trimmed)’"))
        continue
      }
      let name = trimmed[..<eq].trimmingWhitespace
      guard let key = Key(rawValue: name) else {
        problems.append(
          Problem(
            line: i + 1, en: "unknown setting ‘\(name)’; known: \(Key.allCases.map(\.rawValue).joined(separator: ", "))",
            zh: "未知设置 ‘\(name)’；可用：\(Key.allCases.map(\.rawValue).joined(separator: "、"))"))
        continue
      }
      guard let value = unquote(trimmed[trimmed.index(after: eq)...].trimmingWhitespace) else {
        problems.append(Problem(line: i + 1, en: "the value of \(name) has an unclosed quote", zh: "\(name) 的值缺少闭合引号"))
        continue
      }
      switch validate(key, value) {
      case .success(let checked): set(key, checked, in: &settings)
      case .failure(let p): problems.append(Problem(line: i + 1, en: p.en, zh: p.zh))
      }
    }
    return (settings, problems)
  }

  /// A value checked and normalised for its key (`eur` → `EUR`), or why it cannot be used.
  public static func validate(_ key: Key, _ value: String) -> Result<String, Problem> {
    let v = value.trimmingWhitespace
    switch key {
    case .currency:
      guard let code = AmountParser.currencyCode(v) ?? (v.count == 3 && v.allSatisfy({ $0.isASCII && $0.isLetter }) ? v.uppercased() : nil) else {
        return .failure(
          Problem(line: 0, en: "currency must be a three-letter ISO code such as CNY, EUR or USD, not ‘\(v)’", zh: "currency 应为三个字母的 ISO 代码，如 CNY、EUR 或 USD，而不是 ‘\(v)’"))
      }
      return .success(code)
    case .language:
      guard let lang = Lang(argument: v) else {
        return .failure(Problem(line: 0, en: "language must be en or zh, not ‘\(v)’", zh: "language 应为 en 或 zh，而不是 ‘\(v)’"))
      }
      return .success(lang.rawValue)
    case .rep:
      guard !v.isEmpty, !v.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
        return .failure(Problem(line: 0, en: "rep must be a name on one line", zh: "rep 应为一行姓名"))
      }
      return .success(v)
    case .width:
      guard let n = Int(v), UserSettings.widths.contains(n) else {
        return .failure(
          Problem(
            line: 0, en: "width must be a whole number of columns from \(UserSettings.widths.lowerBound) to \(UserSettings.widths.upperBound), not ‘\(v)’",
            zh: "width 应为 \(UserSettings.widths.lowerBound) 到 \(UserSettings.widths.upperBound) 之间的整数列数，而不是 ‘\(v)’"))
      }
      return .success(String(n))
    }
  }

  static func set(_ key: Key, _ value: String, in s: inout UserSettings) {
    switch key {
    case .currency: s.currency = value
    case .language: s.language = Lang(argument: value)
    case .rep: s.rep = value
    case .width: s.width = Int(value)
    }
  }

  public static func value(_ key: Key, in s: UserSettings) -> String? {
    switch key {
    case .currency: return s.currency
    case .language: return s.language?.rawValue
    case .rep: return s.rep
    case .width: return s.width.map(String.init)
    }
  }

  /// The file with one key set (or removed, for nil): its line is replaced in place, comments and
  /// other lines are kept, a new key is added at the end.
  public static func setting(_ key: Key, to value: String?, in text: String) -> String {
    var lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let newLine = value.map { "\(key.rawValue) = \(quote($0))" }
    if let i = lines.firstIndex(where: { line in
      let t = line.trimmingWhitespace
      guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { return false }
      return t[..<eq].trimmingWhitespace == key.rawValue
    }) {
      if let newLine { lines[i] = newLine } else { lines.remove(at: i) }
    } else if let newLine {
      if lines.isEmpty { lines.append("# coach settings: `coach config list` explains each key.") }
      lines.append(newLine)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func quote(_ value: String) -> String {
    if let n = Int(value), String(n) == value { return value }
    return "\"" + value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
  }

  /// A bare value (up to a ` #` comment) or a double-quoted one with `\"` and `\\`; nil for an
  /// unclosed quote.
  static func unquote(_ text: String) -> String? {
    guard text.hasPrefix("\"") || text.hasPrefix("'") else {
      var out = ""
      for c in text {
        if c == "#", out.last == " " { break }
        out.append(c)
      }
      return out.trimmingWhitespace
    }
    let q = text.first!
    var out = ""
    var escaping = false
    for c in text.dropFirst() {
      if escaping {
        out.append(c)
        escaping = false
        continue
      }
      if c == "\\" && q == "\"" {
        escaping = true
        continue
      }
      if c == q { return out }
      out.append(c)
    }
    return nil
  }
}
