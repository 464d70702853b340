import CoachCore

/// A trainer's flat playbook folder: `cp -r playbooks/en my-team/` puts the module files
/// directly in `my-team/`, without the `en/` folder. Each file there is loaded into the
/// language its own `language:` field names; every YAML file that cannot be loaded is reported
/// with the reason, so a folder where nothing was loaded is never "OK".
extension PlaybookLoader {
  /// The files directly in `directory` that say `language: <lang>`, and a problem for each
  /// YAML file there that is loaded into no language. Problems that do not depend on the
  /// language (a syntax error, a missing `language:`) come back for either language; a
  /// validation reports each once.
  static func readFlat(_ directory: String, lang: Lang) -> ([PlaybookFile], [PlaybookProblem]) {
    guard let names = try? Sys.listDirectory(directory).sorted() else { return ([], []) }
    var files: [PlaybookFile] = []
    var problems: [PlaybookProblem] = []
    for name in names where !name.hasPrefix(".") && isYAML(name) {
      let path = directory + "/" + name
      switch parse(path) {
      case .failure(let problem):
        problems.append(problem)
      case .success(let file):
        let top = YAMLLocation(file: path, line: 1, column: 1)
        let languages = Lang.allCases.map(\.rawValue).joined(separator: ", ")
        guard let node = file.node["language"], let text = node.scalar, !text.isEmpty else {
          problems.append(
            PlaybookProblem(
              top,
              "not loaded: a playbook file directly in the folder (not in en/ or zh/) needs `language: en` or `language: zh` at the top to say which playbook it belongs to",
              "未加载：直接放在文件夹中（不在 en/ 或 zh/ 里）的剧本文件，开头需要写 `language: en` 或 `language: zh`，说明它属于哪种语言的剧本"))
          continue
        }
        guard let fileLang = Lang(rawValue: text) else {
          problems.append(
            PlaybookProblem(
              node.location, "not loaded: `language: \(text)` is not a playbook language (\(languages))",
              "未加载：`language: \(text)` 不是剧本语言（\(languages)）"))
          continue
        }
        if fileLang == lang { files.append(file) }
      }
    }
    return (files, problems)
  }
}
