import ArgumentParser
import CLibEditShim
import CoachCore
import CoachStore
import CoachTerminal

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Starts coach: parses the command line, then either runs one command or the session loop.
public enum CoachApp {
  public static func main(arguments: [String]) -> Int32 {
    Platform.prepareProcess()
    let environment = Platform.environment(Platform.knownVariables)

    // The settings file: a broken line is reported with file:line (below, in the session's
    // language) and its key keeps the default.
    let settingsPath = WorkspacePaths.settingsFile(environment: environment, currentDirectory: Platform.currentDirectory())
    let settingsFile = SettingsStore.read(settingsPath)
    let fileLanguage = settingsFile.settings.language
    // The language, once, before anything is said: `--lang`, then COACH_LANG, the settings
    // file and the locale. Help, usage errors and the session all speak it.
    let lang: Lang
    if let text = value(after: "--lang", in: arguments) ?? environment["COACH_LANG"].flatMap({ $0.isEmpty ? nil : $0 }) {
      guard let named = Lang(argument: text) else {
        StandardOutput(environment: environment, noColour: true).errorLine(
          StyledText("Unknown language ‘\(text)’: use en or zh. / 未知语言 ‘\(text)’：请使用 en 或 zh。"))
        return ExitStatus.usage
      }
      lang = named
    } else {
      lang = fileLanguage ?? Lang.fromLocale(environment)
    }
    let l = L10n(lang)

    let global: GlobalOptions
    let command: SessionCommand?
    switch request(arguments) {
    case .help(let asked):
      // Help in the user's language wherever the flag is: for the command named, or overall.
      let output = StandardOutput(environment: environment, noColour: arguments.contains("--no-color"))
      if case .command(let word) = asked, let entry = HelpCatalog.entry(word) {
        output.line(HelpCatalog.detail(entry, l, width: output.width))
      } else {
        output.line(HelpCatalog.commandLine(l, version: CoachCore.version, width: output.width))
      }
      return ExitStatus.ok
    case .printed(let text):
      // --version, completion scripts and shell completion requests.
      StandardOutput(environment: environment, noColour: true).write(StyledText(text + "\n"))
      return ExitStatus.ok
    case .usage(let error):
      var text = UsageProblem(error, english: CoachCommand.message(for: error)).text(l)
      let i = globalOptionsEnd(arguments)
      if i < arguments.count, case let first = arguments[i], !first.hasPrefix("-"), HelpCatalog.entry(first) == nil {
        text = l.t("Unknown command ‘\(first)’", "未知命令 ‘\(first)’")
        if let near = Suggest.nearest(to: first, in: HelpCatalog.words) { text += l.t(". Did you mean ‘\(near)’?", "。你是不是想输入 ‘\(near)’？") }
      }
      StandardOutput(environment: environment, noColour: true).errorLine(StyledText(text + "\n" + l.t("`coach --help` shows how to use coach.", "`coach --help` 可查看用法。")))
      return ExitStatus.usage
    case .notACommand:
      return ExitStatus.usage
    case .session(let options):
      global = options
      command = nil
    case .command(let parsed):
      global = parsed.global
      command = parsed
    }
    installTerminationHandler(l)

    let userSettings = settingsFile.settings
    let settingsProblems = settingsFile.problems(l)
    if !settingsProblems.isEmpty {
      let err = StandardOutput(environment: environment, noColour: true)
      for problem in settingsProblems { err.errorLine(StyledText(problem)) }
    }

    let interactive = command == nil && !global.batch && isTerminal(STDIN_FILENO) && isTerminal(STDOUT_FILENO)
    let output = StandardOutput(
      environment: environment, noColour: global.noColor || !interactive && command == nil,
      fixedWidth: interactive ? nil : 80)
    output.widthOverride = userSettings.width  // the `width` setting wins over the terminal's
    let paths = WorkspacePaths.resolve(workspace: global.workspace, environment: environment, currentDirectory: Platform.currentDirectory())
    var playbookDirs = BuiltInPlaybooks.directory().map { [$0] } ?? []
    let extra = global.playbooks + (environment["COACH_PLAYBOOKS"].map { $0.split(separator: ":").map(String.init) } ?? [])
    playbookDirs += extra.map { Platform.absolute($0) }

    // COACH_NOW runs coach as if it were that moment (tests, demos, reproducible screenshots).
    let clock: any CoachClock
    switch environment["COACH_NOW"].map({ $0.trimmingWhitespace }) {
    case nil, "":
      clock = SystemClock()
    case let text?:
      guard let pinned = FixedClock(reading: text) else {
        StandardOutput(environment: environment, noColour: true).errorLine(
          StyledText(
            l.t(
              "COACH_NOW is not a moment coach can read: ‘\(text)’. Write it as ISO-8601, for example 2026-11-23T09:00:00Z or 2026-11-23, or leave it empty for the real time.",
              "无法识别 COACH_NOW 的时间：‘\(text)’。请用 ISO-8601 格式，例如 2026-11-23T09:00:00Z 或 2026-11-23；留空则使用真实时间。")))
        return ExitStatus.usage
      }
      clock = pinned
    }
    let settings = Settings(
      lang: lang, paths: paths, playbookDirectories: playbookDirs, clock: clock, interactive: interactive,
      user: userSettings, settingsFile: settingsPath)
    let session = Session(settings: settings, output: output)

    if let command {
      do { try command.run(in: session) } catch { session.fail(error) }
      // `coach learn MODULE`, `coach quiz`: the activity the command began takes its answers
      // from standard input (a person at a terminal, or a script); the command ends with it.
      if session.activeActivity != nil {
        let onTerminal = !global.batch && isTerminal(STDIN_FILENO) && isTerminal(STDOUT_FILENO) && setUpLocale(session)
        session.runActivities(reader: onTerminal ? makeStandardLineReader(programName: "coach", historyFile: nil, completer: session.completer()) : PlainLineReader())
      }
      session.close()
      return session.lastFailure ?? ExitStatus.ok
    }

    do { try session.repository.prepare(now: settings.clock.now) } catch {
      session.fail(error)
      return error.exitCode
    }
    let hasUTF8 = interactive ? setUpLocale(session) : true
    let reader =
      interactive
      ? makeStandardLineReader(programName: "coach", historyFile: hasUTF8 ? paths.history : nil, completer: session.completer())
      : PlainLineReader()
    if reader.isInteractive { session.say(Welcome.banner(session.l)) }
    return session.runLoop(reader: reader)
  }

  /// Sets the character locale for line editing; when the requested one is not installed,
  /// says once (on stderr, in the session's language) which one is used instead.
  static func setUpLocale(_ session: Session) -> Bool {
    let outcome = TerminalLocale.setUpReporting()
    if let missing = outcome.missing {
      let l = session.l
      let text =
        outcome.isUTF8
        ? l.t(
          "coach: the locale \(missing) is not installed here; using \(outcome.inUse) (text and widths are unaffected).",
          "coach：本机没有安装区域设置 \(missing)，改用 \(outcome.inUse)（文字显示和宽度不受影响）。")
        : l.t(
          "coach: the locale \(missing) is not installed here, nor C.UTF-8; using \(outcome.inUse), so only ASCII can be typed and history is not kept.",
          "coach：本机没有安装区域设置 \(missing)，也没有 C.UTF-8；改用 \(outcome.inUse)，只能输入 ASCII 字符，也不保存历史。")
      session.output.errorLine(StyledText(text, .dim))
    }
    return outcome.isUTF8
  }

  /// What the command line asks for.
  enum Request {
    /// Help, about the command named or overall (`--help` anywhere, `-h`, `coach help`).
    case help(HelpRequest)
    /// The session, with its global options.
    case session(GlobalOptions)
    /// One command (`coach show Acme`).
    case command(SessionCommand)
    /// What the parser prints and exits 0 with: `--version`, completion scripts.
    case printed(String)
    /// A mistake on the command line.
    case usage(Error)
    /// A parse that names no command coach runs.
    case notACommand
  }

  /// The one parse of the command line. The common cases are read without reflecting the
  /// whole command tree (ArgumentParser's first use costs about a millisecond of type-metadata
  /// work): the session with global options only, and a known command word after the global
  /// options, which that command's own parser reads. Anything else (`--version`, completion
  /// scripts, mistakes) goes to the full parser.
  static func request(_ arguments: [String]) -> Request {
    if let asked = HelpRequest.asked(arguments) { return .help(asked) }
    let i = globalOptionsEnd(arguments)
    if i >= arguments.count, let globals = GlobalOptions(simple: arguments) { return .session(globals) }
    do {
      let parsed: ParsableCommand?
      if i < arguments.count, CommandLookup.type(for: arguments[i]) != nil {
        parsed = try CommandLookup.parse([arguments[i]] + Array(arguments[..<i]) + Array(arguments[(i + 1)...]))
      } else {
        parsed = try CoachCommand.parseAsRoot(arguments)
      }
      if let root = parsed as? CoachCommand { return .session(root.global) }
      if let command = parsed as? SessionCommand { return .command(command) }
      return .notACommand
    } catch {
      if CoachCommand.exitCode(for: error).rawValue == 0 { return .printed(CoachCommand.fullMessage(for: error)) }
      return .usage(error)
    }
  }

  /// SIGTERM and SIGHUP end coach with a message. Saves block these signals while a file is
  /// being replaced, so the signal arrives only between saves and never leaves a partial file.
  static func installTerminationHandler(_ l: L10n) {
    let message = l.t("\ncoach: stopped; every answer given so far is saved.\n", "\ncoach：已停止；目前给出的所有回答都已保存。\n")
    let unsaved = l.t(
      "\ncoach: stopped; the changes since the last save that failed were NOT saved (the disk refused them); every answer before them is saved.\n",
      "\ncoach：已停止；上次保存失败之后的修改没有保存（磁盘拒绝写入），在那之前的回答都已保存。\n")
    coach_install_termination_handler(message, unsaved)
  }

  /// Tells the termination handler whether the open plan has changes only in memory, so a
  /// SIGTERM or SIGHUP says so instead of claiming everything is saved.
  static func markUnsaved(_ unsaved: Bool) { coach_set_unsaved(unsaved ? 1 : 0) }

  /// Where the leading global options end (the index of the first other argument).
  static func globalOptionsEnd(_ arguments: [String]) -> Int {
    let valued: Set<String> = ["--workspace", "--lang", "--playbooks"]
    let flags: Set<String> = ["--no-color", "--batch"]
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if valued.contains(a) {
        i += 2
        continue
      }
      if flags.contains(a) || valued.contains(where: { a.hasPrefix($0 + "=") }) {
        i += 1
        continue
      }
      break
    }
    return i
  }

  static func value(after flag: String, in arguments: [String]) -> String? {
    if let i = arguments.firstIndex(of: flag), i + 1 < arguments.count { return arguments[i + 1] }
    if let a = arguments.first(where: { $0.hasPrefix(flag + "=") }) { return String(a.dropFirst(flag.count + 1)) }
    return nil
  }
}

/// Where the built-in playbooks are: installed next to the binary (`PREFIX/share/coach/playbooks`)
/// or, when running from a build folder, in the source tree.
public enum BuiltInPlaybooks {
  public static func directory() -> String? {
    guard let exe = Platform.executableDirectory() else { return nil }
    let candidates = [
      exe + "/../share/coach/playbooks",
      exe + "/../../../playbooks",  // .build/<triple>/<config>/coach
      exe + "/../../playbooks",  // .build/<config>/coach
    ]
    return candidates.first { Platform.isDirectory($0 + "/en") }.map(Platform.resolved)
  }
}

enum Welcome {
  static func banner(_ l: L10n) -> StyledText {
    StyledText("coach \(CoachCore.version) — ", .bold)
      + StyledText(
        l.t(
          "type `help` for the commands, `new NAME` to start a plan, Ctrl-D to leave.",
          "输入 `help` 查看命令，`new 名称` 新建计划，Ctrl-D 退出。"), .dim)
  }
}
