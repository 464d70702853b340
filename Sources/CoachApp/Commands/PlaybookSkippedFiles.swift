import CoachCore
import CoachStore

/// `playbook list`'s account of the files it did not load — a file in a flat trainer folder
/// without `language:`, a file not named for a module, a file that does not parse — each with
/// why, as `playbook validate` says it, so a list never looks complete while a file was skipped.
enum PlaybookSkippedFiles {
  /// The problems that kept a file out of either language, each once, in order.
  static func problems(_ directories: [String]) -> [PlaybookProblem] {
    var seen = Set<String>()
    return Lang.allCases.flatMap { PlaybookLoader.read(directories: directories, lang: $0).1 }
      .filter { seen.insert($0.description).inserted }.sorted()
  }

  /// Empty when every file was loaded.
  static func section(_ directories: [String], l: L10n, width: Int) -> StyledText {
    let skipped = problems(directories)
    guard !skipped.isEmpty else { return StyledText() }
    var out = StyledText("\n")
    out.appendLine(StyledText(l.t("Not loaded (\(skipped.count)):", "未加载（\(skipped.count) 项）："), .heading))
    for p in skipped {
      let at = Platform.shortPath(p.location.file) + ":\(p.location.line):\(p.location.column)"
      out.appendLine(StyledText(Wrap.text(at + ": " + Sanitizer.clean(p.text.text(l.lang), multiline: false), width: width, indent: "  "), .bad))
    }
    out.appendLine(
      StyledText(
        Wrap.text(l.t("`playbook validate` checks everything else in these folders.", "`playbook validate` 会检查这些文件夹中的其余内容。"), width: width, indent: "  "), .dim))
    return out
  }
}
