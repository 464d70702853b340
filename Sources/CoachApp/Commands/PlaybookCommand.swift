import ArgumentParser
import CoachCore
import CoachStore

/// `playbook validate [PATH]`, `playbook list` and `playbook sources [MODULE]`.
struct PlaybookCommand: SessionCommand {
  static let configuration = CommandConfiguration(
    commandName: "playbook", abstract: "Check or list the playbooks.",
    subcommands: [PlaybookValidateCommand.self, PlaybookListCommand.self, PlaybookSourcesCommand.self])
  @OptionGroup var global: GlobalOptions

  func run(in session: Session) throws(CommandError) {
    session.say(HelpCatalog.detail(HelpCatalog.entry("playbook")!, session.l, width: session.output.width))
  }
}

struct PlaybookValidateCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check playbooks and report every problem.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "A trainer's playbook folder (default: the configured ones).", completion: .directory) var path: String?

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    var directories = session.settings.playbookDirectories
    if let path {
      let absolute = Platform.absolute(path)
      guard Platform.isDirectory(absolute) else {
        throw CommandError(StyledText(l.t("No such folder: \(path)", "文件夹不存在：\(path)")), exitCode: ExitStatus.noInput)
      }
      let builtIn = BuiltInPlaybooks.directory()
      // A folder that is the built-in one is checked on its own; any other is laid over it.
      if let builtIn, Platform.sameDirectory(builtIn, absolute) {
        directories = [builtIn]
      } else {
        directories = (builtIn.map { [$0] } ?? []) + [absolute]
      }
    }
    guard !directories.isEmpty else {
      throw CommandError(
        StyledText(l.t("No playbooks were found next to coach; reinstall it with `make install`.", "在 coach 旁边找不到剧本；请用 `make install` 重新安装。")), exitCode: ExitStatus.noInput)
    }
    let report = PlaybookValidation.run(directories: directories)
    for problem in report.problems {
      session.output.errorLine(StyledText(Sanitizer.clean(problem.description(in: l.lang), multiline: false)))
    }
    let where_ = directories.map { Platform.shortPath($0) }.joined(separator: " + ")
    if report.problems.isEmpty {
      session.say("\(l.t("OK", "通过"), .good) — \(where_): \(report.summary(l))")
    } else {
      throw CommandError(StyledText(l.t("\(report.problems.count) problem(s) in \(where_).", "\(where_) 中有 \(report.problems.count) 个问题。")), exitCode: ExitStatus.dataError)
    }
  }
}

struct PlaybookListCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "Show what is loaded, from where.")
  @OptionGroup var global: GlobalOptions

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let directories = session.settings.playbookDirectories
    var out = StyledText()
    out.appendLine(StyledText(l.t("Playbook folders, in the order they are laid over each other:", "剧本文件夹（按叠加顺序）："), .heading))
    for (i, d) in directories.enumerated() {
      out.appendLine(StyledText("  \(i + 1). \(Platform.shortPath(d))" + (i == 0 ? l.t("  (built-in)", "（内置）") : "")))
    }
    for lang in Lang.allCases {
      let (files, _) = PlaybookLoader.read(directories: directories, lang: lang)
      out.append("\n")
      out.appendLine(StyledText(lang == .en ? l.t("English (en)", "英文 (en)") : l.t("Chinese (zh)", "中文 (zh)"), .heading))
      var table = TextTable(columns: [.init(l.t("Module", "模块")), .init(l.t("Files", "文件"))])
      for module in PlaybookAssembler.modules {
        let from = files.filter { $0.module == module }.map { Platform.shortPath($0.path) }
        table.add([module, from.isEmpty ? l.t("(missing)", "（缺失）") : from.joined(separator: " + ")], style: from.isEmpty ? .bad : .plain)
      }
      out += table.render(width: session.output.width).indented("  ") + "\n"
    }
    out += PlaybookSkippedFiles.section(directories, l: l, width: session.output.width)
    session.output.write(out)
  }
}

/// `playbook sources [MODULE]`: every lesson page, quiz item, hinted prompt, strategy and
/// finding with where it comes from in the course or article, so a trainer can check any item.
struct PlaybookSourcesCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "sources", abstract: "List items with where each comes from in the course.")
  @OptionGroup var global: GlobalOptions
  @Argument(
    help: "Only this module: account, discovery, relationships, objections, negotiation, checks, lessons or quiz.",
    completion: .list(PlaybookSources.modules))
  var module: String?

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    if let module, !PlaybookSources.modules.contains(module) {
      throw CommandError(
        StyledText(
          l.t(
            "`\(module)` is not a module with sources; choose one of: \(PlaybookSources.modules.joined(separator: ", ")).",
            "`\(module)` 不是带出处的模块；可选：\(PlaybookSources.modules.joined(separator: "、"))。")), exitCode: ExitStatus.usage)
    }
    let book = try session.playbook()
    let rows = PlaybookSources.rows(book, module: module)
    var out = StyledText()
    out.appendLine(
      StyledText(
        l.t(
          "Where each item comes from (course part and slide heading, article section, or our own addition):",
          "每一项的出处（课程部分与幻灯片标题、文章章节，或我们的补充）："), .heading))
    var current: String?
    var table = TextTable(columns: [.init(l.t("Item", "条目")), .init(l.t("Source", "出处"))])
    func flush() {
      guard let current else { return }
      out.append("\n")
      out.appendLine(StyledText("\(current) (\(book.titles[current] ?? current))", .heading))
      out += table.render(width: session.output.width).indented("  ") + "\n"
      table = TextTable(columns: [.init(l.t("Item", "条目")), .init(l.t("Source", "出处"))])
    }
    for row in rows {
      if row.module != current {
        flush()
        current = row.module
      }
      table.add([row.item, SourceRef.render(row.source, l.lang)], style: SourceRef.parse(row.source) == [.ours] ? .dim : .plain)
    }
    flush()
    let ours = rows.filter { SourceRef.parse($0.source)?.contains(.ours) == true }.count
    out.append("\n")
    out.appendLine(StyledText(l.t("\(rows.count) item(s); \(ours) include our own additions.", "共 \(rows.count) 项，其中 \(ours) 项含我们的补充。")))
    session.output.write(out)
  }
}

/// Validation of both languages plus their parity, with a summary of what was checked.
public struct PlaybookValidation {
  public var problems: [PlaybookProblem]
  public var books: [Lang: Playbook]

  public static func run(directories: [String]) -> PlaybookValidation {
    var problems: [PlaybookProblem] = []
    var books: [Lang: Playbook] = [:]
    var merged: [Lang: [String: YAMLNode]] = [:]
    for lang in Lang.allCases {
      let loaded = PlaybookLoader.load(directories: directories, lang: lang)
      problems += loaded.problems
      books[lang] = loaded.playbook
      merged[lang] = PlaybookAssembler.merge(loaded.files)
    }
    // An id already reported where it stands (not a valid id, not a known step…) is not also
    // reported as missing from the other language: the trainer has one thing to fix there.
    let reported = Set(problems.map(\.location))
    problems += PlaybookAssembler.parity((.en, merged[.en] ?? [:]), (.zh, merged[.zh] ?? [:])).filter { !reported.contains($0.location) }
    problems += PlaybookFolderCheck.emptyFolders(directories, problems: problems)
    var seen = Set<String>()
    problems = problems.filter { seen.insert($0.description).inserted }.sorted()
    return PlaybookValidation(problems: problems, books: books)
  }

  func summary(_ l: L10n) -> String {
    guard let b = books[.en] ?? books[.zh] else { return "" }
    let prompts = b.walks.values.reduce(0) { $0 + $1.prompts.count } + b.negotiationParts.reduce(0) { $0 + $1.prompts.count }
    return l.t(
      "\(PlaybookAssembler.modules.count) modules in 2 languages; \(b.walks.count) walks, \(prompts) prompts, \(b.lessons.count) lessons, \(b.quiz.count) quiz items, \(b.categories.reduce(0) { $0 + $1.wordings.count }) objection wordings per language.",
      "共 \(PlaybookAssembler.modules.count) 个模块、2 种语言；每种语言 \(b.walks.count) 个引导流程、\(prompts) 个提示、\(b.lessons.count) 节课、\(b.quiz.count) 道测验题、\(b.categories.reduce(0) { $0 + $1.wordings.count }) 条客户异议说法。"
    )
  }
}
