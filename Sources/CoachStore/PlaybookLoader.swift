import CoachCore

/// Reads playbook files from disk — the built-in folder first, then trainers' folders — and
/// hands them to the pure assembler. Every problem comes back located, in both languages (the
/// app shows the session's); nothing here throws.
public enum PlaybookLoader {
  /// Files over this size are refused before they are read.
  public static let maxFileBytes = 1_048_576

  public struct Loaded: Sendable {
    public var playbook: Playbook?
    public var problems: [PlaybookProblem]
    public var files: [PlaybookFile]
  }

  /// Loads one language. `playbook` is nil when a file could not be read or parsed.
  public static func load(directories: [String], lang: Lang, requiredFindings: [String] = FindingID.all) -> Loaded {
    let (files, readProblems) = read(directories: directories, lang: lang)
    let (book, problems) = PlaybookAssembler.assemble(lang: lang, files: files, requiredFindings: requiredFindings)
    let all = readProblems + problems
    return Loaded(playbook: readProblems.isEmpty ? book : nil, problems: all, files: files)
  }

  /// Reads and parses every module file of one language in the given folders: the files of a
  /// folder's `en/` or `zh/` subfolder, and the files directly in it (a flat copy such as
  /// `my-team/`) by their own `language:` field. A file that cannot be loaded is a problem that
  /// says why.
  public static func read(directories: [String], lang: Lang) -> ([PlaybookFile], [PlaybookProblem]) {
    var files: [PlaybookFile] = []
    var problems: [PlaybookProblem] = []
    for directory in directories {
      let folder = directory + "/" + lang.rawValue
      guard Sys.fileExists(directory) else {
        problems.append(PlaybookProblem(YAMLLocation(file: directory, line: 1, column: 1), "the playbook folder does not exist", "剧本文件夹不存在"))
        continue
      }
      let (flat, flatProblems) = readFlat(directory, lang: lang)
      files += flat
      problems += flatProblems
      guard Sys.fileExists(folder) else { continue }
      let names: [String]
      do { names = try Sys.listDirectory(folder).sorted() } catch {
        problems.append(PlaybookProblem(YAMLLocation(file: folder, line: 1, column: 1), "the folder could not be read", "无法读取该文件夹"))
        continue
      }
      for name in names where !name.hasPrefix(".") {
        guard isYAML(name) else { continue }
        switch parse(folder + "/" + name) {
        case .success(let file): files.append(file)
        case .failure(let problem): problems.append(problem)
        }
      }
    }
    return (files, problems)
  }

  static func isYAML(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

  /// Reads and parses one module file; a problem says why it cannot be loaded.
  static func parse(_ path: String) -> Result<PlaybookFile, PlaybookProblem> {
    let name = String(path.split(separator: "/").last ?? "")
    let module = String(name.prefix { $0 != "." })
    guard PlaybookAssembler.modules.contains(module) else {
      let files = PlaybookAssembler.modules.map { $0 + ".yaml" }
      let near = Suggest.nearest(to: module, in: PlaybookAssembler.modules)
      return .failure(
        PlaybookProblem(
          YAMLLocation(file: path, line: 1, column: 1),
          "`\(name)` is not a playbook module; module files are named: " + files.joined(separator: ", ") + (near.map { " (did you mean \($0).yaml?)" } ?? ""),
          "`\(name)` 不是剧本模块；模块文件的名称为：" + files.joined(separator: "、") + (near.map { "（你是不是想写 \($0).yaml？）" } ?? "")))
    }
    do {
      let bytes = try Sys.readAll(path, limit: maxFileBytes)
      let node = try YAML.parse(utf8: bytes, file: path)
      return .success(PlaybookFile(path: path, module: module, node: node))
    } catch let error as YAMLError {
      return .failure(PlaybookProblem(error.location, error.text))
    } catch let error as StoreError {
      let message: Bilingual
      if case .tooLarge(_, let size, let limit) = error {
        message = Bilingual("the file is \(size) bytes; playbook files may be at most \(limit) bytes", "文件大小为 \(size) 字节；剧本文件最大只能是 \(limit) 字节")
      } else {
        message = unreadable
      }
      return .failure(PlaybookProblem(YAMLLocation(file: path, line: 1, column: 1), message))
    } catch {
      return .failure(PlaybookProblem(YAMLLocation(file: path, line: 1, column: 1), unreadable))
    }
  }

  static let unreadable = Bilingual("the file could not be read", "无法读取该文件")
}
