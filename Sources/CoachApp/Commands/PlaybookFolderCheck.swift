import CoachCore
import CoachStore

/// A trainer's folder from which nothing at all was loaded is a problem, not "OK": no `en/` or
/// `zh/` folder, and no module file directly in it that says its `language:`.
enum PlaybookFolderCheck {
  static func emptyFolders(_ directories: [String], problems: [PlaybookProblem]) -> [PlaybookProblem] {
    var out: [PlaybookProblem] = []
    for directory in directories where Platform.isDirectory(directory) {
      let loaded = Lang.allCases.flatMap { PlaybookLoader.read(directories: [directory], lang: $0).0 }
      // A folder whose files were all refused is already reported, file by file.
      let refused = problems.contains { $0.location.file.hasPrefix(directory + "/") }
      guard loaded.isEmpty, !refused else { continue }
      out.append(
        PlaybookProblem(
          YAMLLocation(file: directory, line: 1, column: 1),
          "nothing was loaded from this folder: it has no en/ or zh/ folder and no playbook module file (account.yaml … drills.yaml) directly in it",
          "这个文件夹中没有加载任何内容：其中既没有 en/ 或 zh/ 文件夹，也没有直接放在里面的剧本模块文件（account.yaml … drills.yaml）"))
    }
    return out
  }
}
