import ArgumentParser
import CoachCore
import CoachStore

/// `config [list]`, `config get KEY`, `config set KEY VALUE`, `config unset KEY`: the rep's
/// hand-editable settings file.
struct ConfigCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "config", abstract: "Show or change your settings.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "list, get, set or unset") var action: String?
  @Argument(help: "The key, then the value for set.") var words: [String] = []

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    guard let path = session.settings.settingsFile else {
      throw CommandError(StyledText(l.t("No settings file in this session.", "本会话没有设置文件。")))
    }
    let (current, problems) = SettingsStore.load(path, l: l)
    switch action?.lowercased() {
    case nil, "list", "show":
      var out = StyledText(l.t("Settings", "设置"), .heading)
      out.append("\n" + l.t("File: ", "文件：") + path, .dim)
      for key in SettingsFile.Key.allCases {
        let value = SettingsFile.value(key, in: current)
        out.append("\n  " + DisplayWidth.padRight(key.rawValue, to: 9))
        out.append(value ?? l.t("(not set: ", "（未设置：") + defaultText(key, session) + l.t(")", "）"), value == nil ? .dim : .bold)
        out.append("\n" + Wrap.text(key.explain(l), width: session.output.width, indent: "           "), .dim)
      }
      for p in problems { out.append("\n" + p, .warn) }
      session.say(out)
    case "get":
      let key = try ConfigCommand.key(words.first, l)
      session.say(StyledText(SettingsFile.value(key, in: current) ?? defaultText(key, session)))
    case "set":
      let key = try ConfigCommand.key(words.first, l)
      let value = words.dropFirst().joined(separator: " ").trimmingWhitespace
      guard !value.isEmpty else {
        throw CommandError(StyledText(l.t("Give the value: `config set \(key.rawValue) VALUE`.", "请写出取值：`config set \(key.rawValue) 值`。")), exitCode: ExitStatus.usage)
      }
      let checked: String
      switch SettingsFile.validate(key, value) {
      case .success(let v): checked = v
      case .failure(let p): throw CommandError(StyledText(p.message(l)), exitCode: ExitStatus.usage)
      }
      try ConfigCommand.write(key, checked, path: path, session)
      session.say(StyledText("\(key.rawValue) = \(checked)" + l.t(" — saved in ", "——已保存到 ") + path, .good))
      session.say(StyledText(l.t("It applies from the next start of coach.", "下次启动 coach 时生效。"), .dim))
    case "unset", "reset":
      let key = try ConfigCommand.key(words.first, l)
      try ConfigCommand.write(key, nil, path: path, session)
      session.say(StyledText(l.t("\(key.rawValue) is back to its default: ", "\(key.rawValue) 已恢复默认值：") + defaultText(key, session), .good))
    case let other?:
      var message = l.t(
        "Unknown action ‘\(other)’: use `config list`, `config get KEY`, `config set KEY VALUE` or `config unset KEY`.",
        "未知操作 ‘\(other)’：请使用 `config list`、`config get 键`、`config set 键 值` 或 `config unset 键`。")
      if let near = Suggest.nearest(to: other, in: ["list", "get", "set", "unset"], maxDistance: 2) { message += l.t(" Did you mean \(near)?", "你是不是想输入 \(near)？") }
      throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
    }
  }

  func defaultText(_ key: SettingsFile.Key, _ session: Session) -> String {
    let l = session.l
    switch key {
    case .currency: return UserSettings.defaultCurrency
    case .language: return l.t("from the locale", "取自系统区域设置")
    case .rep: return l.t("$USER, or asked", "$USER，或在练习时询问")
    case .width: return l.t("the terminal's width", "终端宽度")
    }
  }

  static func key(_ word: String?, _ l: L10n) throws(CommandError) -> SettingsFile.Key {
    let keys = SettingsFile.Key.allCases.map(\.rawValue)
    guard let word, let key = SettingsFile.Key(rawValue: word.lowercased()) else {
      var message = l.t("Name a setting: ", "请写出设置名：") + keys.joined(separator: ", ")
      if let word, let near = Suggest.nearest(to: word.lowercased(), in: keys, maxDistance: 3) {
        message = l.t("No setting named \(word) — did you mean \(near)?", "没有名为 \(word) 的设置——你是不是想输入 \(near)？")
      }
      throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
    }
    return key
  }

  static func write(_ key: SettingsFile.Key, _ value: String?, path: String, _ session: Session) throws(CommandError) {
    do {
      let text = try SettingsStore.text(path)
      try SettingsStore.write(SettingsFile.setting(key, to: value, in: text), to: path)
    } catch {
      throw CommandError(session.l.describe(error), exitCode: error.exitCode)
    }
  }
}
